namespace LoRaWan.Mac
{
    /// <summary>Counts of input the MAC dropped or rejected, by reason (radio input never throws; it is counted).</summary>
    public sealed class MacCounters
    {
        /// <summary>Frames that failed to parse (wrong Major, RFU MType, bad lengths…).</summary>
        public int MalformedFrames;
        /// <summary>Data frames for another DevAddr.</summary>
        public int ForeignFrames;
        /// <summary>Frames whose MIC did not verify.</summary>
        public int MicFailures;
        /// <summary>Downlinks whose counter was not newer than the last accepted one.</summary>
        public int ReplayedFrames;
        /// <summary>Join-accepts rejected (MIC, JoinNonce not new, length).</summary>
        public int RejectedJoinAccepts;
        /// <summary>Frames with a CRC error reported by the radio.</summary>
        public int CrcErrors;
        /// <summary>TxDone never arrived.</summary>
        public int TxTimeouts;
        /// <summary>Windows closed by the MAC because the radio reported nothing.</summary>
        public int RxGuardTimeouts;
        /// <summary>Radio events that did not fit the state.</summary>
        public int UnexpectedRadioEvents;
        /// <summary>Alarms that fired after being replaced or cancelled.</summary>
        public int StaleTimers;
        /// <summary>Events lost because the queue was full.</summary>
        public int QueueOverflows;
        /// <summary>Exceptions caught inside the MAC (a bug or a broken part; the last one's type and message: ClassAMac.LastInternalError).</summary>
        public int InternalErrors;
        /// <summary>Exceptions thrown by application event handlers (caught; the MAC carries on).</summary>
        public int ListenerErrors;
        /// <summary>Uplinks transmitted (join requests included).</summary>
        public int Transmissions;
        /// <summary>Application downlinks delivered.</summary>
        public int DownlinksDelivered;
    }
}
