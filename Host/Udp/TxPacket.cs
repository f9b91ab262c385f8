namespace LoRaWan.Udp
{
    /// <summary>The fields of a PULL_RESP's txpk object that a LoRa downlink uses (PROTOCOL.TXT v2 §6).</summary>
    public sealed class TxPacket
    {
        /// <summary>imme: send immediately, ignoring tmst and time.</summary>
        public bool Immediate;
        /// <summary>True when tmst was given.</summary>
        public bool HasTimestamp;
        /// <summary>tmst: the concentrator counter value at which to start the transmission.</summary>
        public uint Timestamp;
        /// <summary>True when only GPS timing (time or tmms) was given.</summary>
        public bool GpsTimed;
        /// <summary>freq in Hz (the JSON carries MHz with Hz precision).</summary>
        public uint FrequencyHz;
        /// <summary>rfch (informational).</summary>
        public int RfChain;
        /// <summary>powe in dBm; 14 when absent.</summary>
        public int PowerDbm = 14;
        /// <summary>From datr.</summary>
        public int SpreadingFactor;
        /// <summary>From datr, in Hz.</summary>
        public int BandwidthHz;
        /// <summary>codr as sent, e.g. "4/5".</summary>
        public string CodingRate;
        /// <summary>ipol: inverted IQ (LoRaWAN downlinks: true).</summary>
        public bool InvertIq;
        /// <summary>prea: preamble symbols; 8 when absent.</summary>
        public int PreambleSymbols = 8;
        /// <summary>ncrc: true disables the PHY payload CRC (absent: CRC on, as in the packet forwarder).</summary>
        public bool NoCrc;
        /// <summary>The decoded data.</summary>
        public byte[] Payload;

        /// <summary>Resets every field to its default.</summary>
        public void Clear()
        {
            Immediate = false; HasTimestamp = false; Timestamp = 0; GpsTimed = false; FrequencyHz = 0; RfChain = 0;
            PowerDbm = 14; SpreadingFactor = 0; BandwidthHz = 0; CodingRate = null; InvertIq = false; PreambleSymbols = 8;
            NoCrc = false; Payload = null;
        }
    }
}
