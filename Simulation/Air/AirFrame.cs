using LoRaWan.Radio;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// One LoRa (or GFSK: <see cref="FskBitRate"/>) transmission on the simulated air: what a receiver needs to decide whether it can demodulate it
    /// (frequency, SF, bandwidth, IQ polarity, sync word, header mode) and when it is on air. Frames are pooled
    /// by <see cref="Air"/> and recycled after their end: keep no reference past
    /// <see cref="IAirReceiver.OnFrameEnd"/>.
    /// </summary>
    public sealed class AirFrame
    {
        /// <summary>Largest LoRa payload.</summary>
        public const int MaxPayloadLength = 255;

        /// <summary>Payload bytes (the first <see cref="Length"/> are valid).</summary>
        public readonly byte[] Payload = new byte[MaxPayloadLength];
        /// <summary>Payload length in bytes.</summary>
        public int Length;
        /// <summary>Carrier frequency in Hz.</summary>
        public uint FrequencyHz;
        /// <summary>Spreading factor 6..12.</summary>
        public int SpreadingFactor;
        /// <summary>Bandwidth in Hz.</summary>
        public int BandwidthHz;
        /// <summary>Coding rate 4/(4+n), n = 1..4.</summary>
        public int CodingRate = 1;
        /// <summary>Programmed preamble length in symbols (the modem adds 4.25).</summary>
        public int PreambleSymbols = 8;
        /// <summary>Explicit header (LoRaWAN always uses it).</summary>
        public bool ExplicitHeader = true;
        /// <summary>Payload CRC present (uplinks) or not (downlinks).</summary>
        public bool Crc;
        /// <summary>Inverted IQ (downlinks) or normal (uplinks).</summary>
        public bool InvertIq;
        /// <summary>LoRa sync word (0x34 public, 0x12 private).</summary>
        public byte SyncWord = 0x34;
        /// <summary>Low data rate optimisation used by the transmitter.</summary>
        public bool LowDataRateOptimize;
        /// <summary>0 for LoRa; the bit rate in bit/s of a GFSK frame (SpreadingFactor and BandwidthHz are then 0).</summary>
        public int FskBitRate;
        /// <summary>Sync word of a GFSK frame, first byte sent in the highest used byte (LoRaWAN: 0xC194C1).</summary>
        public uint FskSyncWord;
        /// <summary>Transmit power in dBm (informational).</summary>
        public int PowerDbm;
        /// <summary>Virtual time the preamble starts (µs).</summary>
        public ulong StartUs;
        /// <summary>Time on air (µs).</summary>
        public ulong AirTimeUs;
        /// <summary>The transmitter (a chip model or a gateway), never its own receiver.</summary>
        public object Source;
        /// <summary>The transmitter stopped before the end: no receiver gets it.</summary>
        public bool Aborted;

        internal int PoolIndex;
        internal bool InUse;
        internal bool OnAir;

        /// <summary>Virtual time the last symbol ends (µs).</summary>
        public ulong EndUs
        {
            get { return StartUs + AirTimeUs; }
        }

        /// <summary>Symbol time 2^SF / BW in µs; for a GFSK frame one byte, 8 / bitrate.</summary>
        public ulong SymbolTimeUs
        {
            get { return FskBitRate != 0 ? AirTime.FskByteTimeUs(FskBitRate) : AirTime.SymbolTimeUs(SpreadingFactor, BandwidthHz); }
        }

        internal void Clear()
        {
            Length = 0;
            FrequencyHz = 0;
            SpreadingFactor = 7;
            BandwidthHz = 125000;
            CodingRate = 1;
            PreambleSymbols = 8;
            ExplicitHeader = true;
            Crc = false;
            InvertIq = false;
            SyncWord = 0x34;
            LowDataRateOptimize = false;
            FskBitRate = 0;
            FskSyncWord = 0;
            PowerDbm = 0;
            StartUs = 0;
            AirTimeUs = 0;
            Source = null;
            Aborted = false;
            OnAir = false;
        }
    }
}
