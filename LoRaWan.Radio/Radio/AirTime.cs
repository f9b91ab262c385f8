using System;

namespace LoRaWan.Radio
{
    /// <summary>
    /// Time on air of a LoRa frame (and, below, of a GFSK frame), from the Semtech SX1276 datasheet (§4.1.1.7, "Time on air"), in integer
    /// microseconds and without floating point:
    /// <code>
    /// Tsym      = 2^SF / BW
    /// Tpreamble = (Npreamble + 4.25) · Tsym
    /// Npayload  = 8 + max(ceil((8·PL − 4·SF + 28 + 16·CRC − 20·IH) / (4·(SF − 2·DE))) · (CR + 4), 0)
    /// Tpacket   = Tpreamble + Npayload · Tsym
    /// </code>
    /// PL is the PHYPayload length in bytes, IH = 1 for implicit header, CRC = 1 when the payload CRC is on
    /// (LoRaWAN uplinks), DE = 1 when low data rate optimisation is on (the symbol time is 16 ms or more,
    /// i.e. SF11 and SF12 at 125 kHz and SF12 at 250 kHz), CR = 1..4 for 4/5..4/8.
    /// The result is rounded up to a whole microsecond (it is exact for 125, 250 and 500 kHz).
    /// Nothing here allocates.
    /// </summary>
    public static class AirTime
    {
        /// <summary>LoRaWAN's preamble: 8 symbols (RP002-1.0.4 §2.x "Preamble format", all LoRa regions).</summary>
        public const int LoRaWanPreambleSymbols = 8;

        /// <summary>LoRaWAN's coding rate 4/5, written as CR = 1.</summary>
        public const int CodingRate4_5 = 1;

        /// <summary>
        /// The time on air of a LoRaWAN frame: CR 4/5, 8 preamble symbols, explicit header, low data rate
        /// optimisation when the symbol time is 16 ms or more; <paramref name="crc"/> is on for uplinks and off
        /// for downlinks (LoRaWAN 1.0.4 §4: downlinks carry no payload CRC).
        /// </summary>
        public static ulong LoRaWanFrameUs(int spreadingFactor, int bandwidthHz, int phyPayloadLength, bool crc)
        {
            return LoRaUs(spreadingFactor, bandwidthHz, phyPayloadLength, CodingRate4_5, LoRaWanPreambleSymbols,
                true, crc, IsLowDataRateOptimizeRequired(spreadingFactor, bandwidthHz));
        }

        /// <summary>
        /// The full formula. <paramref name="codingRate"/> is 1..4 (4/5..4/8); <paramref name="preambleSymbols"/>
        /// is the programmed preamble length (the radio adds 4.25 symbols).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">a parameter outside what an SX127x/SX126x can send</exception>
        public static ulong LoRaUs(int spreadingFactor, int bandwidthHz, int payloadLength, int codingRate,
            int preambleSymbols, bool explicitHeader, bool crc, bool lowDataRateOptimize)
        {
            if (spreadingFactor < 5 || spreadingFactor > 12) throw new ArgumentOutOfRangeException("spreadingFactor", "spreading factor must be 5..12");
            if (bandwidthHz <= 0) throw new ArgumentOutOfRangeException("bandwidthHz", "bandwidth must be positive");
            if (payloadLength < 0 || payloadLength > 255) throw new ArgumentOutOfRangeException("payloadLength", "payload length must be 0..255 bytes");
            if (codingRate < 1 || codingRate > 4) throw new ArgumentOutOfRangeException("codingRate", "coding rate must be 1..4 (4/5..4/8)");
            if (preambleSymbols < 0 || preambleSymbols > 65535) throw new ArgumentOutOfRangeException("preambleSymbols", "preamble must be 0..65535 symbols");

            int de = lowDataRateOptimize ? 1 : 0;
            int numerator = 8 * payloadLength - 4 * spreadingFactor + 28 + (crc ? 16 : 0) - (explicitHeader ? 0 : 20);
            int denominator = 4 * (spreadingFactor - 2 * de);
            int blocks = numerator > 0 ? (numerator + denominator - 1) / denominator : 0;
            long payloadSymbols = 8 + (long)blocks * (codingRate + 4);

            // Total symbols times 4 keeps the preamble's quarter symbol an integer: 4·Npre + 17 + 4·Npayload.
            ulong quarterSymbols = (ulong)(4L * preambleSymbols + 17 + 4 * payloadSymbols);
            ulong numeratorUs = quarterSymbols * (1UL << spreadingFactor) * 1000000UL;
            ulong denominatorUs = 4UL * (ulong)bandwidthHz;
            return (numeratorUs + denominatorUs - 1) / denominatorUs;
        }

        /// <summary>LoRaWAN's FSK preamble: 5 bytes of 0x55 (RP002-1.0.4 §2.x "Preamble format", GFSK).</summary>
        public const int LoRaWanFskPreambleBytes = 5;

        /// <summary>LoRaWAN's FSK sync word length: 3 bytes, 0xC1 0x94 0xC1 (RP002-1.0.4 §2.x "Preamble format").</summary>
        public const int LoRaWanFskSyncWordBytes = 3;

        /// <summary>
        /// Time on air of a LoRaWAN GFSK frame in microseconds, rounded up: every byte on air lasts 8 / bitrate, and a
        /// frame is preamble (5 bytes) + sync word (3) + length byte (1, variable-length packets) + PHYPayload + CRC-16
        /// (2; LoRaWAN FSK frames carry the CRC in both directions) (RP002-1.0.4 GFSK frame; the Semtech SX1276
        /// datasheet §4.2.13 packet format). At 50 kbit/s a byte lasts exactly 160 µs.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">a bit rate outside 1..300000 bit/s or a payload outside 0..255 bytes</exception>
        public static ulong LoRaWanFskFrameUs(int bitRate, int phyPayloadLength)
        {
            return FskUs(bitRate, phyPayloadLength, LoRaWanFskPreambleBytes, LoRaWanFskSyncWordBytes, true, true);
        }

        /// <summary>
        /// The GFSK packet formula: (preamble + sync word + [length byte] + payload + [2 CRC bytes]) · 8 · 10^6 / bitrate
        /// µs, rounded up to a whole microsecond.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">a parameter outside what an SX127x can send</exception>
        public static ulong FskUs(int bitRate, int payloadLength, int preambleBytes, int syncWordBytes, bool variableLength, bool crc)
        {
            if (bitRate <= 0 || bitRate > 300000) throw new ArgumentOutOfRangeException("bitRate", "FSK bit rate must be 1..300000 bit/s");
            if (payloadLength < 0 || payloadLength > 255) throw new ArgumentOutOfRangeException("payloadLength", "payload length must be 0..255 bytes");
            if (preambleBytes < 0 || preambleBytes > 65535) throw new ArgumentOutOfRangeException("preambleBytes", "preamble must be 0..65535 bytes");
            if (syncWordBytes < 0 || syncWordBytes > 8) throw new ArgumentOutOfRangeException("syncWordBytes", "sync word must be 0..8 bytes");
            ulong bytes = (ulong)(preambleBytes + syncWordBytes + (variableLength ? 1 : 0) + payloadLength + (crc ? 2 : 0));
            ulong numerator = bytes * 8UL * 1000000UL;
            return (numerator + (ulong)bitRate - 1) / (ulong)bitRate;
        }

        /// <summary>Time of one byte at <paramref name="bitRate"/> in µs (8 · 10^6 / bitrate, rounded down): the FSK "symbol" of the receive-window computation.</summary>
        public static ulong FskByteTimeUs(int bitRate)
        {
            if (bitRate <= 0) throw new ArgumentOutOfRangeException("bitRate", "FSK bit rate must be positive");
            return 8000000UL / (ulong)bitRate;
        }

        /// <summary>Symbol time 2^SF / BW in microseconds, rounded down.</summary>
        public static ulong SymbolTimeUs(int spreadingFactor, int bandwidthHz)
        {
            if (spreadingFactor < 5 || spreadingFactor > 12) throw new ArgumentOutOfRangeException("spreadingFactor", "spreading factor must be 5..12");
            if (bandwidthHz <= 0) throw new ArgumentOutOfRangeException("bandwidthHz", "bandwidth must be positive");
            return (1UL << spreadingFactor) * 1000000UL / (ulong)bandwidthHz;
        }

        /// <summary>
        /// True when the symbol time 2^SF / BW is 16 ms or more, the threshold at which Semtech requires low data
        /// rate optimisation (SX1276 datasheet, RegModemConfig3 LowDataRateOptimize).
        /// </summary>
        public static bool IsLowDataRateOptimizeRequired(int spreadingFactor, int bandwidthHz)
        {
            // 2^SF / BW ≥ 0.016 s  ⇔  2^SF · 1000 ≥ 16 · BW
            return (1UL << spreadingFactor) * 1000UL >= 16UL * (ulong)bandwidthHz;
        }
    }
}
