namespace LoRaWan.Simulation
{
    /// <summary>
    /// One accepted data uplink as the network saw it: counters, flags, the decrypted payload and the best
    /// reception among the gateways that heard it.
    /// </summary>
    public sealed class UplinkRecord
    {
        readonly byte[] _payload = new byte[256];
        readonly byte[] _fopts = new byte[15];

        /// <summary>DevEUI of the device (0 for an ABP device registered without one).</summary>
        public ulong DevEui { get; internal set; }

        /// <summary>DevAddr of the session.</summary>
        public uint DevAddr { get; internal set; }

        /// <summary>The rebuilt 32-bit FCntUp.</summary>
        public uint FCnt { get; internal set; }

        /// <summary>FPort, or −1 when the frame had none.</summary>
        public int FPort { get; internal set; }

        /// <summary>Length of the decrypted FRMPayload.</summary>
        public int PayloadLength { get; internal set; }

        /// <summary>The decrypted FRMPayload (MAC commands when <see cref="FPort"/> is 0); <see cref="PayloadLength"/> bytes are valid.</summary>
        public byte[] Payload
        {
            get { return _payload; }
        }

        /// <summary>FOpts length 0..15 (MAC commands in clear, LoRaWAN 1.0.x).</summary>
        public int FOptsLength { get; internal set; }

        /// <summary>The FOpts bytes; <see cref="FOptsLength"/> are valid.</summary>
        public byte[] FOpts
        {
            get { return _fopts; }
        }

        /// <summary>Confirmed Data Up.</summary>
        public bool Confirmed { get; internal set; }

        /// <summary>The ACK bit: the device acknowledges the last confirmed downlink.</summary>
        public bool Ack { get; internal set; }

        /// <summary>The ADR bit.</summary>
        public bool Adr { get; internal set; }

        /// <summary>The ADRACKReq bit.</summary>
        public bool AdrAckReq { get; internal set; }

        /// <summary>Data rate index in the region.</summary>
        public int DataRate { get; internal set; }

        /// <summary>Uplink channel index in the session's channel plan; −1 when the frequency is not one of its channels.</summary>
        public int Channel { get; internal set; }

        /// <summary>Uplink frequency in Hz.</summary>
        public uint FrequencyHz { get; internal set; }

        /// <summary>End of the frame on air (gateway timestamp) of the first copy.</summary>
        public ulong UplinkEndUs { get; internal set; }

        /// <summary>Server clock when the first copy arrived.</summary>
        public ulong ReceivedUs { get; internal set; }

        /// <summary>Best RSSI among the copies (dBm).</summary>
        public int RssiDbm { get; internal set; }

        /// <summary>SNR of the best copy (dB).</summary>
        public float SnrDb { get; internal set; }

        /// <summary>Gateway of the best copy.</summary>
        public ulong GatewayId { get; internal set; }

        /// <summary>How many gateways heard it within the deduplication window.</summary>
        public int GatewayCount { get; internal set; }

        /// <summary>
        /// Same FCnt as the previous accepted uplink, later than the deduplication window: an NbTrans repetition or a
        /// confirmed retry (NbTrans, LoRaWAN 1.0.4 §5.3). Not delivered to the application again.
        /// </summary>
        public bool IsRetransmission { get; internal set; }

        /// <summary>
        /// For a retransmission: its FPort and payload differ from the frame first accepted with this FCnt, i.e. the
        /// device reused a frame counter for new data (never valid). Always false for a first transmission.
        /// </summary>
        public bool ReusedFCntWithNewData { get; internal set; }

        /// <summary>True when it came on the session created by the latest join (first uplink after a join).</summary>
        public bool FirstOfSession { get; internal set; }

        internal void SetPayload(byte[] source, int offset, int length)
        {
            for (int i = 0; i < length; i++) _payload[i] = source[offset + i];
            PayloadLength = length;
        }

        internal void SetFOpts(byte[] source, int offset, int length)
        {
            for (int i = 0; i < length; i++) _fopts[i] = source[offset + i];
            FOptsLength = length;
        }

        /// <summary>A copy of the payload (a new array).</summary>
        public byte[] CopyPayload()
        {
            var copy = new byte[PayloadLength];
            for (int i = 0; i < copy.Length; i++) copy[i] = _payload[i];
            return copy;
        }
    }
}
