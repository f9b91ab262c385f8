namespace LoRaWan.Mac
{
    /// <summary>
    /// How late the platform really opened receive windows: for each window, the time the alarm callback ran
    /// minus the time it was armed for, and how the windows ended. Exposes the statistics so a deployment can size
    /// <see cref="LoRaWanOptions.TimingErrorUs"/> from measurements rather than guesses. Read-only: only the MAC
    /// measures (its accumulator is a <see cref="LoRaWan.Radio.LatenessStats"/>, the driver's TxDone timing's type).
    /// </summary>
    public sealed class WindowTimingStats
    {
        readonly WindowTimingValues _v;

        internal WindowTimingStats(WindowTimingValues values)
        {
            _v = values;
        }

        /// <summary>Windows measured.</summary>
        public int Count { get { return _v.Lateness.Count; } }
        /// <summary>Smallest lateness seen, µs.</summary>
        public long MinLateUs { get { return _v.Lateness.MinUs; } }
        /// <summary>Largest lateness seen, µs.</summary>
        public long MaxLateUs { get { return _v.Lateness.MaxUs; } }
        /// <summary>Sum of lateness, µs (for the mean).</summary>
        public long SumLateUs { get { return _v.Lateness.SumUs; } }
        /// <summary>Mean lateness in µs (0 when nothing was measured).</summary>
        public long MeanLateUs { get { return _v.Lateness.MeanUs; } }
        /// <summary>Windows in which a frame for this device was received.</summary>
        public int FramesReceived { get { return _v.FramesReceived; } }
        /// <summary>Windows that ended without a frame for this device.</summary>
        public int Missed { get { return _v.Missed; } }
    }
}
