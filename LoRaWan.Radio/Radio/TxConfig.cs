namespace LoRaWan.Radio
{
    /// <summary>
    /// Modulation parameters of one uplink (LoRa, or GFSK when <see cref="FskBitRate"/> is set). The MAC owns one instance and fills it before each
    /// transmission (no allocation per frame).
    /// </summary>
    public sealed class TxConfig
    {
        /// <summary>Carrier frequency in Hz.</summary>
        public uint FrequencyHz;
        /// <summary>Spreading factor, 7..12.</summary>
        public int SpreadingFactor;
        /// <summary>Bandwidth in Hz: 125000, 250000 or 500000.</summary>
        public int BandwidthHz;
        /// <summary>Coding rate 4/(4+n); LoRaWAN uses n = 1 (4/5).</summary>
        public int CodingRate = 1;
        /// <summary>Preamble length in symbols; LoRaWAN uses 8.</summary>
        public int PreambleSymbols = 8;
        /// <summary>Conducted output power in dBm (the MAC converts EIRP minus antenna gain).</summary>
        public int PowerDbm;
        /// <summary>Payload CRC; on for uplinks (LoRaWAN 1.0.4 §4.1).</summary>
        public bool Crc = true;
        /// <summary>Inverted IQ; uplinks use normal IQ.</summary>
        public bool InvertIq;
        /// <summary>
        /// 0 for LoRa; otherwise the frame is GFSK at this bit rate in bit/s (LoRaWAN: 50000) and SF, bandwidth, coding
        /// rate, preamble symbols and IQ are ignored: the LoRaWAN FSK format applies (RP002-1.0.4: 5-byte preamble, sync
        /// word C1 94 C1, 25 kHz deviation, variable length, whitening, CRC-16).
        /// </summary>
        public int FskBitRate;
    }
}
