namespace LoRaWan.Mac
{
    /// <summary>The outcome of an uplink request (a value: returning it allocates nothing).</summary>
    public struct SendResult
    {
        /// <summary>What happened.</summary>
        public SendStatus Status;
        /// <summary>FCntUp of the frame.</summary>
        public uint FCnt;
        /// <summary>Data rate of the last transmission.</summary>
        public int DataRate;
        /// <summary>Frequency of the last transmission in Hz.</summary>
        public uint FrequencyHz;
        /// <summary>Air time of one transmission in µs.</summary>
        public ulong AirTimeUs;
        /// <summary>Transmissions made (1..NbTrans).</summary>
        public int Transmissions;
        /// <summary>
        /// With <see cref="SendStatus.PayloadTooLarge"/>: the largest application payload the current data rate carries; with
        /// <see cref="SendStatus.PayloadSkipped"/>: the largest that fits beside the LoRaWAN 1.1 indication still owed.
        /// </summary>
        public int MaxPayload;
        /// <summary>With <see cref="SendStatus.DutyCycleWait"/>: milliseconds until a channel is free (−1: never, no channel carries the data rate).</summary>
        public long WaitMs;

        /// <summary>A result carrying only a status.</summary>
        public static SendResult Of(SendStatus status)
        {
            var r = new SendResult();
            r.Status = status;
            return r;
        }

        /// <summary>A result built from a status and, for a refusal, the data rate, the largest payload and the wait in ms.</summary>
        internal static SendResult Refused(SendStatus status, int dataRate, int maxPayload, long waitMs)
        {
            var r = new SendResult();
            r.Status = status;
            r.DataRate = dataRate;
            r.MaxPayload = maxPayload;
            r.WaitMs = waitMs;
            return r;
        }

        /// <summary>True for Sent and Acked.</summary>
        public bool Succeeded { get { return Status == SendStatus.Sent || Status == SendStatus.Acked; } }

        /// <inheritdoc />
        public override string ToString()
        {
            return "SendResult(" + StatusName(Status) + ", FCnt " + FCnt.ToString() + ", DR" + DataRate.ToString() + ")";
        }

        /// <summary>The status as text.</summary>
        public static string StatusName(SendStatus s)
        {
            switch (s)
            {
                case SendStatus.Pending: return "Pending";
                case SendStatus.Sent: return "Sent";
                case SendStatus.Acked: return "Acked";
                case SendStatus.NoAck: return "NoAck";
                case SendStatus.PayloadTooLarge: return "PayloadTooLarge";
                case SendStatus.DutyCycleWait: return "DutyCycleWait";
                case SendStatus.NotJoined: return "NotJoined";
                case SendStatus.Busy: return "Busy";
                case SendStatus.Timeout: return "Timeout";
                case SendStatus.RadioError: return "RadioError";
                case SendStatus.InvalidArgument: return "InvalidArgument";
                case SendStatus.InternalError: return "InternalError";
                case SendStatus.PayloadSkipped: return "PayloadSkipped";
                default: return "CounterExhausted";
            }
        }
    }
}
