namespace LoRaWan.Mac
{
    /// <summary>How an uplink request ended.</summary>
    public enum SendStatus
    {
        /// <summary>Accepted and still in progress (non-blocking send).</summary>
        Pending = 0,
        /// <summary>Unconfirmed uplink transmitted (NbTrans times, or fewer when a downlink arrived).</summary>
        Sent = 1,
        /// <summary>Confirmed uplink acknowledged by the network.</summary>
        Acked = 2,
        /// <summary>Confirmed uplink transmitted NbTrans times without an acknowledgement.</summary>
        NoAck = 3,
        /// <summary>The payload does not fit the current data rate; see <see cref="SendResult.MaxPayload"/>.</summary>
        PayloadTooLarge = 4,
        /// <summary>Duty cycle forbids transmitting for <see cref="SendResult.WaitMs"/> (only when the caller asked not to wait).</summary>
        DutyCycleWait = 5,
        /// <summary>There is no session: join first.</summary>
        NotJoined = 6,
        /// <summary>Another uplink or join is in progress.</summary>
        Busy = 7,
        /// <summary>The operation did not finish within the caller's timeout.</summary>
        Timeout = 8,
        /// <summary>The radio failed (TxDone never came; it was reset).</summary>
        RadioError = 9,
        /// <summary>Bad arguments (FPort outside 1..223, null payload).</summary>
        InvalidArgument = 10,
        /// <summary>The 32-bit uplink counter is exhausted; the device must rejoin.</summary>
        CounterExhausted = 11,
    }
}
