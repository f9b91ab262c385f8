namespace LoRaWan.Mac
{
    /// <summary>
    /// What the MAC measured and counted: receive-window timing, dropped and rejected input, the last error, the
    /// state of the join-nonce record found at start-up. Read-only: the MAC alone writes what it shows.
    /// </summary>
    public sealed class MacDiagnostics
    {
        readonly MacDiagnosticValues _v;
        readonly WindowTimingStats _timing;
        readonly MacCounters _counters;

        internal MacDiagnostics(MacDiagnosticValues values)
        {
            _v = values;
            _timing = new WindowTimingStats(values.Timing);
            _counters = new MacCounters(values.Counters);
        }

        /// <summary>Receive-window lateness measurements.</summary>
        public WindowTimingStats Timing { get { return _timing; } }

        /// <summary>Counts of dropped and rejected input.</summary>
        public MacCounters Counters { get { return _counters; } }

        /// <summary>The message of the last error the MAC recorded (internal, a listener's, the DevNonce space), or null.</summary>
        public string LastError { get { return _v.LastError; } }

        /// <summary>The type and message of the last exception the MAC caught from its own code, the radio or the platform, or null.</summary>
        public string LastInternalError { get { return _v.LastInternalError; } }

        /// <summary>
        /// What start-up found of the join-nonce record (DevNonce counter). <see cref="NonceRecordStatus.Lost"/>: the
        /// flash lost it, DevNonce starts again at 0 and a LoRaWAN 1.0.4 network will ignore the join requests until
        /// the device's used DevNonces are reset there; log it loudly and tell the user (README, Troubleshooting).
        /// </summary>
        public NonceRecordStatus NonceStatus { get { return _v.NonceStatus; } }
    }
}
