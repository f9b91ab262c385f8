namespace LoRaWan.Mac
{
    /// <summary>
    /// What the MAC measured and counted: receive-window timing, dropped and rejected input, the last error, the
    /// state of the join-nonce record found at start-up.
    /// </summary>
    public sealed class MacDiagnostics
    {
        /// <summary>Receive-window lateness measurements.</summary>
        public readonly WindowTimingStats Timing = new WindowTimingStats();

        /// <summary>Counts of dropped and rejected input.</summary>
        public readonly MacCounters Counters = new MacCounters();

        /// <summary>The message of the last error the MAC recorded (internal, a listener's, the DevNonce space), or null.</summary>
        public string LastError { get; internal set; }

        /// <summary>The type and message of the last exception the MAC caught from its own code, the radio or the platform, or null.</summary>
        public string LastInternalError { get; internal set; }

        /// <summary>What start-up found of the join-nonce record (see <see cref="ClassAMac.NonceStatus"/>).</summary>
        public NonceRecordStatus NonceStatus { get; internal set; }
    }
}
