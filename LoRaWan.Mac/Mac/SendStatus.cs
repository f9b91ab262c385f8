namespace LoRaWan.Mac
{
    /// <summary>How an uplink request ended.</summary>
    public enum SendStatus
    {
        /// <summary>
        /// Queued and still in progress: from BeginSend, from a Send in an event handler, or from a blocking Send whose
        /// time limit ran out after the uplink was queued. It goes on air; the outcome arrives in OnUplinkCompleted.
        /// </summary>
        Pending = 0,
        /// <summary>Unconfirmed uplink transmitted (NbTrans times, or fewer when a downlink arrived).</summary>
        Sent = 1,
        /// <summary>Confirmed uplink acknowledged by the network.</summary>
        Acked = 2,
        /// <summary>Confirmed uplink transmitted NbTrans times without an acknowledgement.</summary>
        NoAck = 3,
        /// <summary>The payload does not fit the current data rate; see <see cref="SendResult.MaxPayload"/>.</summary>
        PayloadTooLarge = 4,
        /// <summary>
        /// Duty cycle forbids transmitting for <see cref="SendResult.WaitMs"/> ms, longer than the caller's time limit
        /// (returned at once, nothing queued, no FCnt used); WaitMs −1: no enabled channel carries the data rate.
        /// </summary>
        DutyCycleWait = 5,
        /// <summary>There is no session: join first.</summary>
        NotJoined = 6,
        /// <summary>Another uplink or join is in progress.</summary>
        Busy = 7,
        /// <summary>
        /// Nothing was sent and nothing of this request goes on air (no FCnt used): the MAC stayed busy with another
        /// uplink or the join for the caller's whole time limit, or the limit is shorter than one uplink cycle.
        /// </summary>
        Timeout = 8,
        /// <summary>The radio failed (TxDone never came, or the driver reported an IOException); the MAC reset it.</summary>
        RadioError = 9,
        /// <summary>Bad arguments (FPort outside 1..223, null payload, offset or length outside the array).</summary>
        InvalidArgument = 10,
        /// <summary>The 32-bit uplink counter is exhausted; the device must rejoin.</summary>
        CounterExhausted = 11,
        /// <summary>
        /// An exception inside the stack (a bug, or a part that broke a rule) ended the uplink; the MAC went back to a
        /// safe state. It is counted in MacCounters.InternalErrors and its type and message are in
        /// ClassAMac.LastInternalError.
        /// </summary>
        InternalError = 12,
        /// <summary>
        /// The application payload was not sent (no FCnt of its own was used): a LoRaWAN 1.1 indication the network
        /// requires in every uplink (RekeyInd §5.10, ResetInd §5.1, DeviceModeInd) does not fit beside it at the current
        /// data rate, and still did not after the MAC had sent it ahead in an uplink of its own, because the network's
        /// Conf did not arrive in that uplink's windows. Sending the payload without it would get it dropped (The Things
        /// Stack drops an uplink of a new session without RekeyInd). <see cref="SendResult.MaxPayload"/> is the largest
        /// payload that fits beside the indication; <see cref="SendResult.FCnt"/> and the other fields describe the
        /// MAC-only uplink that went on air. Send again: a smaller payload now, or the same once the Conf has arrived.
        /// </summary>
        PayloadSkipped = 13,
    }
}
