namespace LoRaWan.Mac
{
    /// <summary>
    /// How late the platform really opened receive windows: for each window, the time the alarm callback ran
    /// minus the time it was armed for. Exposes the statistics so a deployment can size
    /// <see cref="LoRaWanOptions.TimingErrorUs"/> from measurements rather than guesses. Read-only: only the MAC measures.
    /// </summary>
    public sealed class WindowTimingStats
    {
        readonly WindowTimingValues _v;

        internal WindowTimingStats(WindowTimingValues values)
        {
            _v = values;
        }

        /// <summary>Windows measured.</summary>
        public int Count { get { return _v.Count; } }
        /// <summary>Smallest lateness seen, µs.</summary>
        public long MinLateUs { get { return _v.MinLateUs; } }
        /// <summary>Largest lateness seen, µs.</summary>
        public long MaxLateUs { get { return _v.MaxLateUs; } }
        /// <summary>Sum of lateness, µs (for the mean).</summary>
        public long SumLateUs { get { return _v.SumLateUs; } }
        /// <summary>Windows in which a frame for this device was received.</summary>
        public int FramesReceived { get { return _v.FramesReceived; } }
        /// <summary>Windows that ended without a frame for this device.</summary>
        public int Missed { get { return _v.Missed; } }

        /// <summary>Mean lateness in µs (0 when nothing was measured).</summary>
        public long MeanLateUs { get { return _v.Count == 0 ? 0 : _v.SumLateUs / _v.Count; } }
    }
}
