using System;

namespace LoRaWan.Radio
{
    /// <summary>
    /// Time on air of a LoRa frame, from the Semtech SX1276 datasheet (§4.1.1.7, "Time on air"), in integer
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
