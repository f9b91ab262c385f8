namespace LoRaWan.Radio
{
    /// <summary>Parameters of one single reception window (RX1 or RX2), LoRa or GFSK (<see cref="FskBitRate"/>). Owned and reused by the MAC.</summary>
    public sealed class RxConfig
    {
        /// <summary>Carrier frequency in Hz.</summary>
        public uint FrequencyHz;
        /// <summary>Spreading factor, 7..12.</summary>
        public int SpreadingFactor;
        /// <summary>Bandwidth in Hz: 125000, 250000 or 500000.</summary>
        public int BandwidthHz;
        /// <summary>Coding rate 4/(4+n).</summary>
        public int CodingRate = 1;
        /// <summary>Preamble length in symbols.</summary>
        public int PreambleSymbols = 8;
        /// <summary>
        /// How many symbols the radio searches for a preamble before it reports RxTimeout
        /// (SX1276 RegSymbTimeout, 10 bits: 4..1023).
        /// </summary>
        public int SymbolTimeout;
        /// <summary>Payload CRC check; downlinks carry no CRC (LoRaWAN 1.0.4 §4.1).</summary>
        public bool Crc;
        /// <summary>Inverted IQ; downlinks are sent with inverted IQ.</summary>
        public bool InvertIq = true;
        /// <summary>
        /// 0 for LoRa; otherwise a GFSK window at this bit rate in bit/s (LoRaWAN: 50000) in the LoRaWAN FSK format, and
        /// <see cref="SymbolTimeout"/> counts bytes (8 / bitrate each, LoRaMac-node's FSK "symbol"); the CRC is checked
        /// whatever <see cref="Crc"/> says (LoRaWAN FSK frames always carry one).
        /// </summary>
        public int FskBitRate;
    }
}
