namespace LoRaWan.Mac
{
    /// <summary>
    /// Counts of input the MAC dropped or rejected, by reason (radio input never throws; it is counted). Read-only:
    /// only the MAC counts.
    /// </summary>
    public sealed class MacCounters
    {
        readonly MacCounterValues _v;

        internal MacCounters(MacCounterValues values)
        {
            _v = values;
        }

        /// <summary>Frames that failed to parse (wrong Major, RFU MType, bad lengths…).</summary>
        public int MalformedFrames { get { return _v.MalformedFrames; } }
        /// <summary>Data frames for another DevAddr.</summary>
        public int ForeignFrames { get { return _v.ForeignFrames; } }
        /// <summary>Frames whose MIC did not verify.</summary>
        public int MicFailures { get { return _v.MicFailures; } }
        /// <summary>Downlinks whose counter was not newer than the last accepted one.</summary>
        public int ReplayedFrames { get { return _v.ReplayedFrames; } }
        /// <summary>Join-accepts rejected (MIC, JoinNonce not new, length).</summary>
        public int RejectedJoinAccepts { get { return _v.RejectedJoinAccepts; } }
        /// <summary>Frames with a CRC error reported by the radio.</summary>
        public int CrcErrors { get { return _v.CrcErrors; } }
        /// <summary>TxDone never arrived.</summary>
        public int TxTimeouts { get { return _v.TxTimeouts; } }
        /// <summary>Windows closed by the MAC because the radio reported nothing.</summary>
        public int RxGuardTimeouts { get { return _v.RxGuardTimeouts; } }
        /// <summary>Radio events that did not fit the state.</summary>
        public int UnexpectedRadioEvents { get { return _v.UnexpectedRadioEvents; } }
        /// <summary>Alarms that fired after being replaced or cancelled.</summary>
        public int StaleTimers { get { return _v.StaleTimers; } }
        /// <summary>Events lost because the queue was full.</summary>
        public int QueueOverflows { get { return _v.QueueOverflows; } }
        /// <summary>Exceptions caught inside the MAC (a bug or a broken part; the last one's type and message: <see cref="MacDiagnostics.LastInternalError"/>).</summary>
        public int InternalErrors { get { return _v.InternalErrors; } }
        /// <summary>Exceptions thrown by application event handlers (caught; the MAC carries on).</summary>
        public int ListenerErrors { get { return _v.ListenerErrors; } }
        /// <summary>Uplinks transmitted (join requests included).</summary>
        public int Transmissions { get { return _v.Transmissions; } }
        /// <summary>Application downlinks delivered.</summary>
        public int DownlinksDelivered { get { return _v.DownlinksDelivered; } }
        /// <summary>Class C: frames for this device accepted in RXC (outside RX1/RX2).</summary>
        public int RxcFrames { get { return _v.RxcFrames; } }
        /// <summary>Class C: times the radio could not start continuous reception (retried a second later).</summary>
        public int RxcStartFailures { get { return _v.RxcStartFailures; } }
    }
}
