using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The Join-Request retransmission back-off of LoRaWAN 1.0.4 §7 ("Retransmissions back-off"), kept as
    /// time credits: the aggregated time on air of Join-Requests may not exceed
    /// <list type="bullet">
    /// <item>36 s during the first hour after power-up or reset (T0 ≤ t &lt; T0 + 1 h, i.e. 1 %);</item>
    /// <item>36 s during the next 10 hours (T0 + 1 h ≤ t &lt; T0 + 11 h, 0.1 %);</item>
    /// <item>8.7 s in each following 24 hours (T0 + 11 h + N·24 h ≤ t &lt; T0 + 35 h + N·24 h, ≈ 0.01 %).</item>
    /// </list>
    /// Each window grants its credit when it opens; air time is charged when a Join-Request is sent; unused
    /// credit does not carry into the next window (carrying it over would break the per-window limits). A
    /// Join-Request is allowed when its whole air time fits in the credit left in the current window; the
    /// whole frame is charged to the window it starts in, and the part that runs past the window's end is
    /// also charged to the next window, so no window's aggregated air time can exceed its limit.
    /// Nothing here blocks or allocates.
    /// </summary>
    public sealed class JoinBackoff
    {
        /// <summary>One hour in microseconds.</summary>
        public const ulong HourUs = 3600UL * 1000000UL;

        /// <summary>Credit of the first window (first hour): 36 s.</summary>
        public const ulong FirstHourCreditUs = 36UL * 1000000UL;

        /// <summary>Credit of the second window (hours 1 to 11): 36 s.</summary>
        public const ulong NextTenHoursCreditUs = 36UL * 1000000UL;

        /// <summary>Credit of each later 24-hour window: 8.7 s.</summary>
        public const ulong DailyCreditUs = 8700000UL;

        private ulong _startUs;
        private int _window;
        private ulong _usedUs;
        private ulong _nextUsedUs;

        /// <summary>Starts the back-off at power-up or reset time <paramref name="startUs"/> (T0).</summary>
        public JoinBackoff(ulong startUs)
        {
            Reset(startUs);
        }

        /// <summary>Restarts the back-off at <paramref name="startUs"/> (a device reset; not after a failed join).</summary>
        public void Reset(ulong startUs)
        {
            _startUs = startUs;
            _window = 0;
            _usedUs = 0;
            _nextUsedUs = 0;
        }

        /// <summary>T0: the time the back-off started.</summary>
        public ulong StartUs
        {
            get { return _startUs; }
        }

        /// <summary>Index of the window holding <paramref name="nowUs"/>: 0 = first hour, 1 = hours 1–11, 2.. = days.</summary>
        public int GetWindow(ulong nowUs)
        {
            ulong t = nowUs > _startUs ? nowUs - _startUs : 0;
            if (t < HourUs) return 0;
            if (t < 11 * HourUs) return 1;
            return 2 + (int)((t - 11 * HourUs) / (24 * HourUs));
        }

        /// <summary>Start time of window <paramref name="window"/>.</summary>
        public ulong GetWindowStartUs(int window)
        {
            if (window <= 0) return _startUs;
            if (window == 1) return _startUs + HourUs;
            return _startUs + 11 * HourUs + (ulong)(window - 2) * 24 * HourUs;
        }

        /// <summary>The credit window <paramref name="window"/> grants.</summary>
        public static ulong GetWindowCreditUs(int window)
        {
            if (window == 0) return FirstHourCreditUs;
            if (window == 1) return NextTenHoursCreditUs;
            return DailyCreditUs;
        }

        /// <summary>Join-Request air time still allowed in the window holding <paramref name="nowUs"/>.</summary>
        public ulong GetRemainingCreditUs(ulong nowUs)
        {
            int w = GetWindow(nowUs);
            ulong credit = GetWindowCreditUs(w);
            ulong used = GetUsedUs(w);
            return used >= credit ? 0 : credit - used;
        }

        /// <summary>Join-Request air time charged so far to window <paramref name="window"/> (current or next).</summary>
        public ulong GetUsedUs(int window)
        {
            if (window == _window) return _usedUs;
            if (window == _window + 1) return _nextUsedUs;
            return 0;
        }

        /// <summary>
        /// 0 when a Join-Request of <paramref name="airTimeUs"/> may start at <paramref name="nowUs"/>, otherwise
        /// microseconds until the next window opens with enough credit (<see cref="ulong.MaxValue"/> if a
        /// Join-Request that long never fits).
        /// </summary>
        public ulong GetWaitUs(ulong nowUs, ulong airTimeUs)
        {
            if (airTimeUs <= GetRemainingCreditUs(nowUs)) return 0;
            int w = GetWindow(nowUs);
            // The next windows start with their full credit, less what a frame straddling into them used.
            for (int next = w + 1; next < w + 4; next++)
            {
                ulong credit = GetWindowCreditUs(next);
                ulong used = GetUsedUs(next);
                if (used < credit && airTimeUs <= credit - used)
                {
                    ulong start = GetWindowStartUs(next);
                    return start > nowUs ? start - nowUs : 0;
                }
            }
            return ulong.MaxValue;
        }

        /// <summary>Charges a Join-Request sent at <paramref name="startUs"/> lasting <paramref name="airTimeUs"/>.</summary>
        public void Record(ulong startUs, ulong airTimeUs)
        {
            int w = GetWindow(startUs);
            if (w == _window + 1)
            {
                _usedUs = _nextUsedUs;
                _nextUsedUs = 0;
            }
            else if (w != _window)
            {
                _usedUs = 0;
                _nextUsedUs = 0;
            }
            _window = w;
            _usedUs += airTimeUs;
            ulong end = startUs + airTimeUs;
            ulong boundary = GetWindowStartUs(w + 1);
            if (end > boundary) _nextUsedUs += end - boundary;
        }
    }
}
