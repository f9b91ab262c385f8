namespace LoRaWan.Mac
{
    /// <summary>
    /// The MAC's counters of input it dropped or rejected, as it keeps them: plain fields the MAC's thread increments
    /// (a field is cheaper than a property call on the interpreter), except <see cref="QueueOverflows"/>, which the
    /// posting threads increment with <c>Interlocked.Increment</c>. Read from outside through the read-only
    /// <see cref="MacCounters"/>.
    /// </summary>
    internal sealed class MacCounterValues
    {
        internal int MalformedFrames;
        internal int ForeignFrames;
        internal int MicFailures;
        internal int ReplayedFrames;
        internal int RejectedJoinAccepts;
        internal int CrcErrors;
        internal int TxTimeouts;
        internal int RxGuardTimeouts;
        internal int UnexpectedRadioEvents;
        internal int StaleTimers;
        /// <summary>Counted by the thread whose post found the queue full (interrupt, alarm, application): Interlocked only.</summary>
        internal int QueueOverflows;
        internal int InternalErrors;
        internal int ListenerErrors;
        internal int Transmissions;
        internal int DownlinksDelivered;
        internal int RxcFrames;
        internal int RxcStartFailures;
    }
}
