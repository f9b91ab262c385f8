namespace LoRaWan.Mac
{
    /// <summary>
    /// How late the platform really opened receive windows: for each window, the time the alarm callback ran
    /// minus the time it was armed for. Exposes the statistics so a deployment can size
    /// <see cref="LoRaWanOptions.TimingErrorUs"/> from measurements rather than guesses.
    /// </summary>
    public sealed class WindowTimingStats
    {
        /// <summary>Windows measured.</summary>
        public int Count;
        /// <summary>Smallest lateness seen, µs.</summary>
        public long MinLateUs;
        /// <summary>Largest lateness seen, µs.</summary>
        public long MaxLateUs;
        /// <summary>Sum of lateness, µs (for the mean).</summary>
        public long SumLateUs;
        /// <summary>Windows in which a frame for this device was received.</summary>
        public int FramesReceived;
        /// <summary>Windows that ended without a frame for this device.</summary>
        public int Missed;

        /// <summary>Mean lateness in µs (0 when nothing was measured).</summary>
        public long MeanLateUs { get { return Count == 0 ? 0 : SumLateUs / Count; } }

        /// <summary>Adds one measurement.</summary>
        public void Record(long lateUs)
        {
            if (Count == 0 || lateUs < MinLateUs) MinLateUs = lateUs;
            if (Count == 0 || lateUs > MaxLateUs) MaxLateUs = lateUs;
            SumLateUs += lateUs;
            Count++;
        }
    }
}
