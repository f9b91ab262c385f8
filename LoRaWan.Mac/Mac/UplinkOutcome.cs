namespace LoRaWan.Mac
{
    /// <summary>
    /// The outcome of an uplink request as the MAC keeps and reports it (<see cref="IMacListener.OnUplinkCompleted"/>): the
    /// fields of <see cref="SendResult"/> in an object the MAC owns and fills in place. A class, not a struct, because on
    /// nanoCLR a struct is a heap object and every copy of one (a load into a local or an argument, a return) allocates
    /// (README.md, "Interpreter cost"); the MAC passes this reference instead and never copies a result.
    /// The instance is reused: read it during the call that hands it over, or copy what you need
    /// (<see cref="ToSendResult"/>, which allocates on nanoCLR). An application creates its own once and hands it to
    /// <see cref="LoRaWanDevice.Send(int, byte[], int, int, bool, int, UplinkOutcome)"/>, which fills it in place: the
    /// allocation-free way to send.
    /// </summary>
    public sealed class UplinkOutcome
    {
        /// <summary>An empty outcome (status <see cref="SendStatus.Pending"/>, every number 0), to be filled by a send.</summary>
        public UplinkOutcome()
        {
        }

        SendStatus _status;
        uint _fCnt;
        int _dataRate;
        uint _frequencyHz;
        ulong _airTimeUs;
        int _transmissions;
        int _maxPayload;
        long _waitMs;
        // The facade's number for the blocking Send that queued this uplink (0: none), so that the outcome reaches that
        // caller and no other (LoRaWanDevice's waiters).
        internal int Ticket;

        /// <summary>What happened.</summary>
        public SendStatus Status { get { return _status; } }
        /// <summary>FCntUp of the frame.</summary>
        public uint FCnt { get { return _fCnt; } }
        /// <summary>Data rate of the last transmission.</summary>
        public int DataRate { get { return _dataRate; } }
        /// <summary>Frequency of the last transmission in Hz.</summary>
        public uint FrequencyHz { get { return _frequencyHz; } }
        /// <summary>Air time of one transmission in µs.</summary>
        public ulong AirTimeUs { get { return _airTimeUs; } }
        /// <summary>Transmissions made (1..NbTrans).</summary>
        public int Transmissions { get { return _transmissions; } }
        /// <summary>As <see cref="SendResult.MaxPayload"/>.</summary>
        public int MaxPayload { get { return _maxPayload; } }
        /// <summary>As <see cref="SendResult.WaitMs"/>.</summary>
        public long WaitMs { get { return _waitMs; } }

        /// <summary>True for Sent and Acked.</summary>
        public bool Succeeded { get { return _status == SendStatus.Sent || _status == SendStatus.Acked; } }

        /// <summary>The outcome as a <see cref="SendResult"/> value (on nanoCLR: one heap object of 9 blocks, and one more per copy).</summary>
        public SendResult ToSendResult()
        {
            var r = new SendResult();
            CopyTo(ref r);
            return r;
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return "UplinkOutcome(" + SendResult.StatusName(_status) + ", FCnt " + _fCnt.ToString() + ", DR" + _dataRate.ToString() + ")";
        }

        /// <summary>The transmission's part of the outcome; <see cref="MaxPayload"/> and <see cref="WaitMs"/> keep their values.</summary>
        internal void Set(SendStatus status, uint fCnt, int dataRate, uint frequencyHz, ulong airTimeUs, int transmissions)
        {
            _status = status;
            _fCnt = fCnt;
            _dataRate = dataRate;
            _frequencyHz = frequencyHz;
            _airTimeUs = airTimeUs;
            _transmissions = transmissions;
        }

        internal void SetMaxPayload(int maxPayload) { _maxPayload = maxPayload; }

        internal void SetWaitMs(long waitMs) { _waitMs = waitMs; }

        /// <summary>
        /// An outcome decided without the MAC's uplink: <paramref name="status"/>, and for a refusal the data rate, the
        /// largest payload and the wait in ms (0 where they do not apply); the transmission's numbers 0.
        /// </summary>
        internal void SetRefused(SendStatus status, int dataRate, int maxPayload, long waitMs)
        {
            _status = status;
            _fCnt = 0;
            _dataRate = dataRate;
            _frequencyHz = 0;
            _airTimeUs = 0;
            _transmissions = 0;
            _maxPayload = maxPayload;
            _waitMs = waitMs;
        }

        /// <summary>Copies every field of <paramref name="o"/> (no allocation).</summary>
        internal void CopyFrom(UplinkOutcome o)
        {
            _status = o._status;
            _fCnt = o._fCnt;
            _dataRate = o._dataRate;
            _frequencyHz = o._frequencyHz;
            _airTimeUs = o._airTimeUs;
            _transmissions = o._transmissions;
            _maxPayload = o._maxPayload;
            _waitMs = o._waitMs;
            Ticket = o.Ticket;
        }

        /// <summary>Writes every field into <paramref name="r"/> in place (a byref: no copy of the struct, no allocation).</summary>
        internal void CopyTo(ref SendResult r)
        {
            r.Status = _status;
            r.FCnt = _fCnt;
            r.DataRate = _dataRate;
            r.FrequencyHz = _frequencyHz;
            r.AirTimeUs = _airTimeUs;
            r.Transmissions = _transmissions;
            r.MaxPayload = _maxPayload;
            r.WaitMs = _waitMs;
        }
    }
}
