namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// A judge of duty cycle that shares nothing with the MAC's bookkeeping: a plain log of transmissions (start,
    /// air time, sub-band) and brute-force measures over it. The on-air time of a window is the overlap of each
    /// frame with it (ETSI EN 300 220: transmitter "on" time over one hour). The fullest sliding hour begins at a
    /// frame's start or ends at a frame's end (the overlap is piecewise linear between those), so checking those
    /// windows checks them all.
    /// </summary>
    public sealed class AirLog
    {
        /// <summary>One hour in µs.</summary>
        public const ulong Hour = 3600UL * 1000000UL;

        readonly ulong[] _start;
        readonly ulong[] _air;
        readonly int[] _band;

        /// <summary>Frames logged.</summary>
        public int Count;

        public AirLog(int capacity)
        {
            _start = new ulong[capacity];
            _air = new ulong[capacity];
            _band = new int[capacity];
        }

        /// <summary>Logs a frame; false when the log is full.</summary>
        public bool Add(ulong startUs, ulong airUs, int band)
        {
            if (Count == _start.Length) return false;
            _start[Count] = startUs;
            _air[Count] = airUs;
            _band[Count] = band;
            Count++;
            return true;
        }

        public ulong Start(int i) { return _start[i]; }
        public ulong Air(int i) { return _air[i]; }
        public int Band(int i) { return _band[i]; }

        /// <summary>On-air time of sub-band <paramref name="band"/> (−1: all) within [from, to).</summary>
        public ulong OnAir(int band, ulong fromUs, ulong toUs)
        {
            ulong sum = 0;
            for (int i = 0; i < Count; i++) sum += Overlap(i, band, fromUs, toUs);
            return sum;
        }

        ulong Overlap(int i, int band, ulong fromUs, ulong toUs)
        {
            if (band >= 0 && _band[i] != band) return 0;
            ulong s = _start[i] > fromUs ? _start[i] : fromUs;
            ulong e = _start[i] + _air[i] < toUs ? _start[i] + _air[i] : toUs;
            return e > s ? e - s : 0;
        }

        /// <summary>The largest on-air time of <paramref name="band"/> (−1: all) in any one-hour window.</summary>
        public ulong FullestHour(int band)
        {
            // Frames are logged in time order and never overlap (one radio): scan only the neighbours of frame i.
            ulong worst = 0;
            for (int i = 0; i < Count; i++)
            {
                if (band >= 0 && _band[i] != band) continue;
                ulong from = _start[i];
                ulong sum = 0;
                for (int j = i; j < Count && _start[j] < from + Hour; j++) sum += Overlap(j, band, from, from + Hour);
                if (sum > worst) worst = sum;
                ulong end = _start[i] + _air[i];
                ulong to = end;
                from = end > Hour ? end - Hour : 0;
                sum = 0;
                for (int j = i; j >= 0 && _start[j] + _air[j] > from; j--) sum += Overlap(j, band, from, to);
                if (sum > worst) worst = sum;
            }
            return worst;
        }

        /// <summary>
        /// The largest sum of whole frames of <paramref name="band"/> (−1: all) that start within one hour of each
        /// other (a stricter reading: a frame counts in full if it starts in the window).
        /// </summary>
        public ulong FullestHourByStart(int band)
        {
            ulong worst = 0;
            for (int i = 0; i < Count; i++)
            {
                if (band >= 0 && _band[i] != band) continue;
                ulong sum = 0;
                for (int j = i; j < Count && _start[j] < _start[i] + Hour; j++)
                    if (band < 0 || _band[j] == band) sum += _air[j];
                if (sum > worst) worst = sum;
            }
            return worst;
        }
    }
}
