using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The numbers of every region, as data (LoRa Alliance RP002-1.0.4 "LoRaWAN Regional Parameters",
    /// cross-checked against LoRaMac-node src/mac/region and The Things Stack pkg/band). One algorithm per
    /// family (<see cref="DynamicChannelRegion"/>, <see cref="FixedChannelRegion"/>); no per-region code.
    /// </summary>
    internal static class RegionCatalog
    {
        /// <summary>Values per data-rate row (see <see cref="Region.DefineDataRates"/>).</summary>
        internal const int DataRateColumns = 9;

        internal const string ValidNames = "EU868, US915, AU915, AS923-1, AS923-2, AS923-3, AS923-4, IN865, KR920, RU864, EU433, CN779, CN470-20A, CN470-20B, CN470-26A, CN470-26B, CN470-RP1";

        // Modulation and direction codes used in the rows below.
        private const ushort L = (ushort)Modulation.LoRa;
        private const ushort F = (ushort)Modulation.Fsk;
        private const ushort H = (ushort)Modulation.LrFhss;
        private const ushort U = 1;  // uplink only
        private const ushort D = 2;  // downlink only
        private const ushort UD = 3; // both

        // The tables below are properties that build a new array on each read, not static fields: a region's constructor
        // copies what it needs (Region.DefineDataRates, DefineRx1Rule, DefineRx1Table) and drops the array, so the
        // device holds its own region's rows only, not every region's (about 2.4 KB of nanoCLR heap on the ESP32 otherwise).

        // Columns: DR, modulation, SF, bandwidth kHz (FSK: kbit/s; LR-FHSS: occupied width kHz), direction,
        // max MACPayload M: no dwell, dwell (400 ms), repeater, repeater + dwell. M = 0: not allowed.

        // RP002-1.0.4 EU863-870: data rates, maximum payload size (M) and repeater-compatible M.
        private static ushort[] Eu868DataRates => new ushort[]
        {
            0, L, 12, 125, UD, 59, 59, 59, 59,
            1, L, 11, 125, UD, 59, 59, 59, 59,
            2, L, 10, 125, UD, 59, 59, 59, 59,
            3, L, 9, 125, UD, 123, 123, 123, 123,
            4, L, 8, 125, UD, 250, 250, 230, 230,
            5, L, 7, 125, UD, 250, 250, 230, 230,
            6, L, 7, 250, UD, 250, 250, 230, 230,
            7, F, 0, 50, UD, 250, 250, 230, 230,
            8, H, 0, 137, U, 58, 58, 58, 58,      // LR-FHSS CR1/3, 137 kHz OCW
            9, H, 0, 137, U, 123, 123, 123, 123,  // LR-FHSS CR2/3
            10, H, 0, 336, U, 58, 58, 58, 58,     // LR-FHSS CR1/3, 336 kHz OCW
            11, H, 0, 336, U, 123, 123, 123, 123, // LR-FHSS CR2/3
        };

        // RP002-1.0.4 EU863-870 RX1 for the LR-FHSS uplink rates (DR0..7 follow the subtract rule).
        private static sbyte[] Eu868LrFhssRx1 => new sbyte[]
        {
            8, 1, 0, 0, 0, 0, 0,
            9, 2, 1, 0, 0, 0, 0,
            10, 1, 0, 0, 0, 0, 0,
            11, 2, 1, 0, 0, 0, 0,
        };

        // RP002-1.0.4 US902-928.
        private static ushort[] Us915DataRates => new ushort[]
        {
            0, L, 10, 125, U, 19, 19, 19, 19,
            1, L, 9, 125, U, 61, 61, 61, 61,
            2, L, 8, 125, U, 133, 133, 133, 133,
            3, L, 7, 125, U, 250, 250, 230, 230,
            4, L, 8, 500, U, 250, 250, 230, 230,
            5, H, 0, 1523, U, 58, 58, 58, 58,
            6, H, 0, 1523, U, 133, 133, 133, 133,
            8, L, 12, 500, D, 61, 61, 61, 61,
            9, L, 11, 500, D, 137, 137, 137, 137,
            10, L, 10, 500, D, 250, 250, 230, 230,
            11, L, 9, 500, D, 250, 250, 230, 230,
            12, L, 8, 500, D, 250, 250, 230, 230,
            13, L, 7, 500, D, 250, 250, 230, 230,
        };

        // RP002-1.0.4 US902-928 RX1 data rate, RX1DROffset 0..3.
        private static sbyte[] Us915Rx1 => new sbyte[]
        {
            0, 10, 9, 8, 8,
            1, 11, 10, 9, 8,
            2, 12, 11, 10, 9,
            3, 13, 12, 11, 10,
            4, 13, 13, 12, 11,
            5, 10, 9, 8, 8,
            6, 11, 10, 9, 8,
        };

        // RP002-1.0.4 AU915-928 (dwell-time columns from the UplinkDwellTime = 1 table).
        private static ushort[] Au915DataRates => new ushort[]
        {
            0, L, 12, 125, U, 59, 0, 59, 0,
            1, L, 11, 125, U, 59, 0, 59, 0,
            2, L, 10, 125, U, 59, 19, 59, 19,
            3, L, 9, 125, U, 123, 61, 123, 61,
            4, L, 8, 125, U, 250, 133, 230, 133,
            5, L, 7, 125, U, 250, 250, 230, 230,
            6, L, 8, 500, U, 250, 250, 230, 230,
            7, H, 0, 1523, U, 58, 58, 58, 58,
            8, L, 12, 500, D, 61, 61, 61, 61,
            9, L, 11, 500, D, 137, 137, 137, 137,
            10, L, 10, 500, D, 250, 250, 230, 230,
            11, L, 9, 500, D, 250, 250, 230, 230,
            12, L, 8, 500, D, 250, 250, 230, 230,
            13, L, 7, 500, D, 250, 250, 230, 230,
        };

        // RP002-1.0.4 AU915-928 RX1 data rate, RX1DROffset 0..5.
        private static sbyte[] Au915Rx1 => new sbyte[]
        {
            0, 8, 8, 8, 8, 8, 8,
            1, 9, 8, 8, 8, 8, 8,
            2, 10, 9, 8, 8, 8, 8,
            3, 11, 10, 9, 8, 8, 8,
            4, 12, 11, 10, 9, 8, 8,
            5, 13, 12, 11, 10, 9, 8,
            6, 13, 13, 12, 11, 10, 9,
            7, 9, 8, 8, 8, 8, 8,
        };

        // RP002-1.0.4 AS923 (groups 1..4 share the table).
        private static ushort[] As923DataRates => new ushort[]
        {
            0, L, 12, 125, UD, 59, 0, 59, 0,
            1, L, 11, 125, UD, 59, 0, 59, 0,
            2, L, 10, 125, UD, 123, 19, 123, 19,
            3, L, 9, 125, UD, 123, 61, 123, 61,
            4, L, 8, 125, UD, 250, 133, 230, 133,
            5, L, 7, 125, UD, 250, 250, 230, 230,
            6, L, 7, 250, UD, 250, 250, 230, 230,
            7, F, 0, 50, UD, 250, 250, 230, 230,
        };

        // RP002-1.0.4 AS923 Effective_RX1DROffset for RX1DROffset 0..7 (6 and 7 raise the rate).
        private static sbyte[] As923EffectiveOffsets => new sbyte[] { 0, 1, 2, 3, 4, 5, -1, -2 };

        // EU-like RX1: DR − RX1DROffset for offsets 0..5.
        private static sbyte[] SubtractOffsets => new sbyte[] { 0, 1, 2, 3, 4, 5 };

        // RP002-1.0.4 IN865-867 (DR6 RFU).
        private static ushort[] In865DataRates => new ushort[]
        {
            0, L, 12, 125, UD, 59, 59, 59, 59,
            1, L, 11, 125, UD, 59, 59, 59, 59,
            2, L, 10, 125, UD, 59, 59, 59, 59,
            3, L, 9, 125, UD, 123, 123, 123, 123,
            4, L, 8, 125, UD, 250, 250, 230, 230,
            5, L, 7, 125, UD, 250, 250, 230, 230,
            7, F, 0, 50, UD, 250, 250, 230, 230,
        };

        // RP002-1.0.4 IN865-867 RX1 data rate table, RX1DROffset 0..7.
        private static sbyte[] In865Rx1 => new sbyte[]
        {
            0, 0, 0, 0, 0, 0, 0, 1, 2,
            1, 1, 0, 0, 0, 0, 0, 2, 3,
            2, 2, 1, 0, 0, 0, 0, 3, 4,
            3, 3, 2, 1, 0, 0, 0, 4, 5,
            4, 4, 3, 2, 1, 0, 0, 5, 5,
            5, 5, 4, 3, 2, 1, 0, 5, 7,
            7, 7, 5, 5, 4, 3, 2, 7, 7,
        };

        // RP002-1.0.4 KR920-923.
        private static ushort[] Kr920DataRates => new ushort[]
        {
            0, L, 12, 125, UD, 59, 59, 59, 59,
            1, L, 11, 125, UD, 59, 59, 59, 59,
            2, L, 10, 125, UD, 59, 59, 59, 59,
            3, L, 9, 125, UD, 123, 123, 123, 123,
            4, L, 8, 125, UD, 250, 250, 230, 230,
            5, L, 7, 125, UD, 250, 250, 230, 230,
        };

        // RP002-1.0.4 RU864-870, EU433 and CN779-787: the EU863-870 rows without LR-FHSS (The Things Stack
        // ru_864_870/eu_433/cn_779_787 band files; LoRaMac-node MaxPayloadOfDatarate N = M − 8).
        private static ushort[] EuLikeDataRates => new ushort[]
        {
            0, L, 12, 125, UD, 59, 59, 59, 59,
            1, L, 11, 125, UD, 59, 59, 59, 59,
            2, L, 10, 125, UD, 59, 59, 59, 59,
            3, L, 9, 125, UD, 123, 123, 123, 123,
            4, L, 8, 125, UD, 250, 250, 230, 230,
            5, L, 7, 125, UD, 250, 250, 230, 230,
            6, L, 7, 250, UD, 250, 250, 230, 230,
            7, F, 0, 50, UD, 250, 250, 230, 230,
        };

        // RP002-1.0.4 CN470-510 (all four antenna types): DR0 is listed but its maximum payload is "N/A" (not
        // allowed, M = 0); DR6 SF7/500 kHz and DR7 FSK exist but no channel carries them (channels are DR1..DR5).
        // M: DR3 192 as RP002-1.0.2 onwards (LoRaMac-node MaxPayloadOfDatarateCN470 N = 184; ChirpStack
        // lrwn cn470.rs); The Things Stack's 172 is RP002-1.0.1's value (README "CN470"). Repeater column 230 from
        // DR4 (ChirpStack's RP002 repeater table).
        private static ushort[] Cn470DataRates => new ushort[]
        {
            0, L, 12, 125, UD, 0, 0, 0, 0,
            1, L, 11, 125, UD, 31, 31, 31, 31,
            2, L, 10, 125, UD, 94, 94, 94, 94,
            3, L, 9, 125, UD, 192, 192, 192, 192,
            4, L, 8, 125, UD, 250, 250, 230, 230,
            5, L, 7, 125, UD, 250, 250, 230, 230,
            6, L, 7, 500, UD, 250, 250, 230, 230,
            7, F, 0, 50, UD, 250, 250, 230, 230,
        };

        // RP001-1.0.x CN470-510 (The Things Stack cn_470_510_rp1_*): DR0..DR5 only.
        private static ushort[] Cn470Rp1DataRates => new ushort[]
        {
            0, L, 12, 125, UD, 59, 59, 59, 59,
            1, L, 11, 125, UD, 59, 59, 59, 59,
            2, L, 10, 125, UD, 59, 59, 59, 59,
            3, L, 9, 125, UD, 123, 123, 123, 123,
            4, L, 8, 125, UD, 250, 250, 230, 230,
            5, L, 7, 125, UD, 250, 250, 230, 230,
        };

        /// <summary>Creates the region called <paramref name="name"/> (case-insensitive).</summary>
        internal static Region Create(string name)
        {
            string n = name == null ? "" : name.Trim().ToUpper();
            switch (n)
            {
                case "EU868": return Eu868();
                case "US915": return Us915();
                case "AU915": return Au915();
                case "AS923-1": return As923("AS923-1", RegionId.AS923_1, 0, 915000000, 928000000);
                case "AS923-2": return As923("AS923-2", RegionId.AS923_2, -1800000, 920000000, 923000000);
                case "AS923-3": return As923("AS923-3", RegionId.AS923_3, -6600000, 915000000, 921000000);
                case "AS923-4": return As923("AS923-4", RegionId.AS923_4, -5900000, 917000000, 920000000);
                case "IN865": return In865();
                case "KR920": return Kr920();
                case "RU864": return Ru864();
                case "EU433": return Eu433();
                case "CN779": return Cn779();
                case "CN470-20A": return Cn470Rp2("CN470-20A", RegionId.CN470_20A);
                case "CN470-20B": return Cn470Rp2("CN470-20B", RegionId.CN470_20B);
                case "CN470-26A": return Cn470Rp2("CN470-26A", RegionId.CN470_26A);
                case "CN470-26B": return Cn470Rp2("CN470-26B", RegionId.CN470_26B);
                case "CN470-RP1": return Cn470Rp1();
            }
            throw new ArgumentException("unknown region '" + (name == null ? "" : name) + "'; valid regions: " + ValidNames);
        }

        /// <summary>Creates the region stored as <paramref name="id"/> in a persisted plan.</summary>
        internal static Region Create(RegionId id)
        {
            switch (id)
            {
                case RegionId.EU868: return Create("EU868");
                case RegionId.US915: return Create("US915");
                case RegionId.AU915: return Create("AU915");
                case RegionId.AS923_1: return Create("AS923-1");
                case RegionId.AS923_2: return Create("AS923-2");
                case RegionId.AS923_3: return Create("AS923-3");
                case RegionId.AS923_4: return Create("AS923-4");
                case RegionId.IN865: return Create("IN865");
                case RegionId.KR920: return Create("KR920");
                case RegionId.RU864: return Create("RU864");
                case RegionId.EU433: return Create("EU433");
                case RegionId.CN779: return Create("CN779");
                case RegionId.CN470_20A: return Create("CN470-20A");
                case RegionId.CN470_20B: return Create("CN470-20B");
                case RegionId.CN470_26A: return Create("CN470-26A");
                case RegionId.CN470_26B: return Create("CN470-26B");
                case RegionId.CN470_RP1: return Create("CN470-RP1");
            }
            throw new ArgumentException("unknown region id " + ((int)id).ToString() + "; valid regions: " + ValidNames);
        }


        // ------------------------------------------------------------------ dynamic plans (EU-like)

        private static Region Eu868()
        {
            // RP002-1.0.4 EU863-870.
            var r = new DynamicChannelRegion(name: "EU868", id: RegionId.EU868,
                defaultChannels: new uint[] { 868100000, 868300000, 868500000 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 0, rasterStepHz: 0);
            r.DefineDataRates(Eu868DataRates);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: false);
            r.DefineRx1Table(Eu868LrFhssRx1, maxOffset: 5, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 869525000, rx2DataRate: 0, defaultDataRate: 0, maxEirpDbm: 16,
                maxTxPowerIndex: 7, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: true, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 863000000, maxHz: 870000000);
            // ETSI EN 300 220-2 (ERC/REC 70-03 annex 1) sub-bands; RP002 refers to the regulation for them.
            r.AddBand(minHz: 863000000, maxHz: 864999999, dutyCycleDivisor: 1000, name: "g 863.0-865.0 MHz 0.1%");
            r.AddBand(minHz: 865000000, maxHz: 868000000, dutyCycleDivisor: 100, name: "g 865.0-868.0 MHz 1%");
            r.AddBand(minHz: 868000001, maxHz: 868600000, dutyCycleDivisor: 100, name: "g1 868.0-868.6 MHz 1%");
            r.AddBand(minHz: 868700000, maxHz: 869200000, dutyCycleDivisor: 1000, name: "g2 868.7-869.2 MHz 0.1%");
            r.AddBand(minHz: 869400000, maxHz: 869650000, dutyCycleDivisor: 10, name: "g3 869.4-869.65 MHz 10%");
            r.AddBand(minHz: 869700000, maxHz: 870000000, dutyCycleDivisor: 100, name: "g4 869.7-870.0 MHz 1%");
            return r;
        }

        private static Region As923(string name, RegionId id, int offsetHz, uint minHz, uint maxHz)
        {
            // RP002-1.0.4 AS923: groups 1..4 differ only by the frequency offset of the two default channels.
            uint ch0 = (uint)(923200000 + offsetHz);
            uint ch1 = (uint)(923400000 + offsetHz);
            var r = new DynamicChannelRegion(name: name, id: id, defaultChannels: new uint[] { ch0, ch1 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 0, rasterStepHz: 0);
            r.DefineDataRates(As923DataRates);
            // RX1 DR = min(7, max(MinDR, DR − Effective_RX1DROffset)); MinDR = 0, or 2 with DownlinkDwellTime = 1.
            r.DefineRx1Rule(effectiveOffsets: As923EffectiveOffsets, minDr: 0, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: false);
            r.DefineRx1Rule(effectiveOffsets: As923EffectiveOffsets, minDr: 2, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: true);
            // Boot with both dwell-time limits on (the strictest AS923 country rule) until TxParamSetupReq.
            r.DefineDefaults(rx2FrequencyHz: ch0, rx2DataRate: 2, defaultDataRate: 2, maxEirpDbm: 16,
                maxTxPowerIndex: 7, txParamSetup: true, uplinkDwellTime: true, downlinkDwellTime: true,
                dutyCycleEnforced: false, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: minHz, maxHz: maxHz);
            r.AddBand(minHz: minHz, maxHz: maxHz, dutyCycleDivisor: 1, name: "AS923 (duty cycle per country: not enforced)");
            // Japan (ARIB STD-T108, as LoRaMac-node's CHANNEL_PLAN_GROUP_AS923_1_JP): sense 5 ms at −80 dBm in a 200 kHz
            // receive bandwidth. Off unless LoRaWanOptions.ListenBeforeTalk asks for it (RP002-1.0.4 AS923 leaves LBT
            // to the national rules).
            r.DefineListenBeforeTalk(senseTimeUs: 5000, rssiThresholdDbm: -80, bandwidthHz: 200000);
            return r;
        }

        private static Region In865()
        {
            // RP002-1.0.4 IN865-867.
            var r = new DynamicChannelRegion(name: "IN865", id: RegionId.IN865,
                defaultChannels: new uint[] { 865062500, 865402500, 865985000 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 0, rasterStepHz: 0);
            r.DefineDataRates(In865DataRates);
            r.DefineRx1Table(In865Rx1, maxOffset: 7, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 866550000, rx2DataRate: 2, defaultDataRate: 0, maxEirpDbm: 30,
                maxTxPowerIndex: 10, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: false, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 865000000, maxHz: 867000000);
            r.AddBand(minHz: 865000000, maxHz: 867000000, dutyCycleDivisor: 1, name: "865-867 MHz (no duty cycle)");
            return r;
        }

        private static Region Kr920()
        {
            // RP002-1.0.4 KR920-923: channels on a 200 kHz raster from 920.9 to 923.3 MHz.
            var r = new DynamicChannelRegion(name: "KR920", id: RegionId.KR920,
                defaultChannels: new uint[] { 922100000, 922300000, 922500000 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 920900000, rasterStepHz: 200000);
            r.DefineDataRates(Kr920DataRates);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 5, lastUplinkDr: 5, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 921900000, rx2DataRate: 0, defaultDataRate: 0, maxEirpDbm: 14,
                maxTxPowerIndex: 7, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: false, listenBeforeTalk: true);
            r.DefineFrequencyRange(minHz: 920900000, maxHz: 923300000);
            r.DefineEirpLimitBelow(frequencyHz: 922000000, maxEirpDbm: 10);   // RP001-1.0.3 KR920: +10 dBm EIRP below 922 MHz
            r.AddBand(minHz: 920900000, maxHz: 923300000, dutyCycleDivisor: 1, name: "920.9-923.3 MHz (listen-before-talk)");
            // Korean rule as LoRaMac-node RegionKR920.h: KR920_CARRIER_SENSE_TIME 6 ms, KR920_RSSI_FREE_TH −65 dBm,
            // KR920_LBT_RX_BANDWIDTH 200 kHz.
            r.DefineListenBeforeTalk(senseTimeUs: 6000, rssiThresholdDbm: -65, bandwidthHz: 200000);
            return r;
        }

        private static Region Ru864()
        {
            // RP002-1.0.4 RU864-870: two default channels, 1 % duty cycle (The Things Stack ru_864_870 sub-band
            // 864-870 MHz 1 %; LoRaMac-node RU864_BAND0 1 %), MaxEIRP 16 dBm, TXPower 0..7.
            var r = new DynamicChannelRegion(name: "RU864", id: RegionId.RU864,
                defaultChannels: new uint[] { 868900000, 869100000 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 0, rasterStepHz: 0);
            r.DefineDataRates(EuLikeDataRates);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 869100000, rx2DataRate: 0, defaultDataRate: 0, maxEirpDbm: 16,
                maxTxPowerIndex: 7, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: true, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 864000000, maxHz: 870000000);
            r.AddBand(minHz: 864000000, maxHz: 870000000, dutyCycleDivisor: 100, name: "864-870 MHz 1%");
            return r;
        }

        private static Region Eu433()
        {
            // RP002-1.0.4 EU433: "EIRP less than 12.15 dBm" (12 here: whole dBm, rounded down), duty cycle
            // "lower than 10 %" (ERC/REC 70-03 h1.4; The Things Stack 10 %; LoRaMac-node 1 %: README), channel
            // centres 433.175..434.665 MHz, TXPower 0..5.
            var r = new DynamicChannelRegion(name: "EU433", id: RegionId.EU433,
                defaultChannels: new uint[] { 433175000, 433375000, 433575000 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 0, rasterStepHz: 0);
            r.DefineDataRates(EuLikeDataRates);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 434665000, rx2DataRate: 0, defaultDataRate: 0, maxEirpDbm: 12,
                maxTxPowerIndex: 5, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: true, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 433175000, maxHz: 434665000);
            r.AddBand(minHz: 433175000, maxHz: 434665000, dutyCycleDivisor: 10, name: "433.175-434.665 MHz 10%");
            return r;
        }

        private static Region Cn779()
        {
            // RP002-1.0.4 CN779-787: "EIRP less than 12.15 dBm" (12 here), duty cycle "lower than 1 %", channel
            // centres 779.5..786.5 MHz, TXPower 0..5. (China no longer permits new CN779 devices; the plan is
            // kept for installed ones.)
            var r = new DynamicChannelRegion(name: "CN779", id: RegionId.CN779,
                defaultChannels: new uint[] { 779500000, 779700000, 779900000 },
                channelMinDr: 0, channelMaxDr: 5, rasterStartHz: 0, rasterStepHz: 0);
            r.DefineDataRates(EuLikeDataRates);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 786000000, rx2DataRate: 0, defaultDataRate: 0, maxEirpDbm: 12,
                maxTxPowerIndex: 5, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: true, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 779500000, maxHz: 786500000);
            r.AddBand(minHz: 779500000, maxHz: 786500000, dutyCycleDivisor: 100, name: "779.5-786.5 MHz 1%");
            return r;
        }

        // ------------------------------------------------------------------ fixed plans (US-like)

        private static Region Us915()
        {
            // RP002-1.0.4 US902-928: 64 × 125 kHz + 8 × 500 kHz uplink, 8 × 500 kHz downlink.
            var r = new FixedChannelRegion(name: "US915", id: RegionId.US915, channels: 72, primaryChannels: 64,
                minPrimaryDr: 0, maxPrimaryDr: 3, wideDr: 4, joinDrPrimary: 0, joinDrWide: 4,
                chMaskBlocks: 4, chMaskAllOn: -1, chMaskAllOff: -1, usChMaskControls: true);
            r.DefineUplinkGroup(firstHz: 902300000, stepHz: 200000, count: 64);
            r.DefineUplinkGroup(firstHz: 903000000, stepHz: 1600000, count: 8);
            r.DefineDownlinkGroup(firstHz: 923300000, stepHz: 600000, count: 8);
            r.DefineDataRates(Us915DataRates);
            r.DefineRx1Table(Us915Rx1, maxOffset: 3, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 923300000, rx2DataRate: 8, defaultDataRate: 0, maxEirpDbm: 30,
                maxTxPowerIndex: 14, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: false, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 902000000, maxHz: 928000000);
            r.AddBand(minHz: 902000000, maxHz: 928000000, dutyCycleDivisor: 1, name: "902-928 MHz (no duty cycle; 400 ms dwell time)");
            return r;
        }

        private static Region Au915()
        {
            // RP002-1.0.4 AU915-928: 64 × 125 kHz + 8 × 500 kHz uplink, 8 × 500 kHz downlink.
            var r = new FixedChannelRegion(name: "AU915", id: RegionId.AU915, channels: 72, primaryChannels: 64,
                minPrimaryDr: 0, maxPrimaryDr: 5, wideDr: 6, joinDrPrimary: 2, joinDrWide: 6,
                chMaskBlocks: 4, chMaskAllOn: -1, chMaskAllOff: -1, usChMaskControls: true);
            r.DefineUplinkGroup(firstHz: 915200000, stepHz: 200000, count: 64);
            r.DefineUplinkGroup(firstHz: 915900000, stepHz: 1600000, count: 8);
            r.DefineDownlinkGroup(firstHz: 923300000, stepHz: 600000, count: 8);
            r.DefineDataRates(Au915DataRates);
            r.DefineRx1Table(Au915Rx1, maxOffset: 5, downlinkDwellTable: false);
            // Boot dwell time: uplink on, downlink off (The Things Stack AU915 RP002-1.0.4 band definition).
            r.DefineDefaults(rx2FrequencyHz: 923300000, rx2DataRate: 8, defaultDataRate: 2, maxEirpDbm: 30,
                maxTxPowerIndex: 14, txParamSetup: true, uplinkDwellTime: true, downlinkDwellTime: false,
                dutyCycleEnforced: false, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 915000000, maxHz: 928000000);
            r.AddBand(minHz: 915000000, maxHz: 928000000, dutyCycleDivisor: 1, name: "915-928 MHz (no duty cycle)");
            return r;
        }

        private static Region Cn470Rp2(string name, RegionId id)
        {
            // RP002-1.0.4 CN470-510, one region per antenna type (The Things Stack CN_470_510_20_A ... 26_B;
            // LoRaMac-node RegionCN470A20/B20/A26/B26). The device is told its type; RP002's probing of the
            // common join channels of every type before the type is known is not implemented (README).
            bool twenty = id == RegionId.CN470_20A || id == RegionId.CN470_20B;
            var r = new FixedChannelRegion(name: name, id: id, channels: twenty ? 64 : 48, primaryChannels: twenty ? 64 : 48,
                minPrimaryDr: 1, maxPrimaryDr: 5, wideDr: -1, joinDrPrimary: 1, joinDrWide: -1,
                chMaskBlocks: twenty ? 4 : 3, chMaskAllOn: twenty ? 6 : 3, chMaskAllOff: twenty ? 7 : 4, usChMaskControls: false);
            uint rx2Hz;
            switch (id)
            {
                case RegionId.CN470_20A:
                    // Uplink 470.3 + 0.2·n (n 0..31) and 503.5 + 0.2·(n−32); RX1 483.9 + 0.2·n and 490.3 + 0.2·(n−32).
                    r.DefineUplinkGroup(firstHz: 470300000, stepHz: 200000, count: 32);
                    r.DefineUplinkGroup(firstHz: 503500000, stepHz: 200000, count: 32);
                    r.DefineDownlinkGroup(firstHz: 483900000, stepHz: 200000, count: 32);
                    r.DefineDownlinkGroup(firstHz: 490300000, stepHz: 200000, count: 32);
                    r.DefineJoinChannels(new int[] { 3, 11, 19, 27, 35, 43, 51, 59 });   // 470.9, 472.5, ... 508.9 MHz
                    rx2Hz = 486900000;
                    break;
                case RegionId.CN470_20B:
                    // Uplink 476.9 + 0.2·n and 496.9 + 0.2·(n−32); RX1 on the uplink frequency.
                    r.DefineUplinkGroup(firstHz: 476900000, stepHz: 200000, count: 32);
                    r.DefineUplinkGroup(firstHz: 496900000, stepHz: 200000, count: 32);
                    r.DefineDownlinkGroup(firstHz: 476900000, stepHz: 200000, count: 32);
                    r.DefineDownlinkGroup(firstHz: 496900000, stepHz: 200000, count: 32);
                    r.DefineJoinChannels(new int[] { 15, 47 });   // 479.9 and 499.9 MHz
                    rx2Hz = 498300000;
                    break;
                case RegionId.CN470_26A:
                    // Uplink 470.3 + 0.2·n (n 0..47); RX1 490.1 + 0.2·(n mod 24).
                    r.DefineUplinkGroup(firstHz: 470300000, stepHz: 200000, count: 48);
                    r.DefineDownlinkGroup(firstHz: 490100000, stepHz: 200000, count: 24);
                    r.DefineJoinChannels(new int[] { 0, 10, 20, 30, 40 });   // 470.3, 472.3, ... 478.3 MHz
                    rx2Hz = 492500000;
                    break;
                default:
                    // 26 MHz type B: uplink 480.3 + 0.2·n (n 0..47); RX1 500.1 + 0.2·(n mod 24).
                    r.DefineUplinkGroup(firstHz: 480300000, stepHz: 200000, count: 48);
                    r.DefineDownlinkGroup(firstHz: 500100000, stepHz: 200000, count: 24);
                    r.DefineJoinChannels(new int[] { 0, 10, 20, 30, 40 });   // 480.3, 482.3, ... 488.3 MHz
                    rx2Hz = 502500000;
                    break;
            }
            r.DefineDataRates(Cn470DataRates);
            // RX1 (LoRaMac-node DatarateOffsetsCN470): DR − offset, not below DR1; the DR0 row (never sent) answers DR0.
            // Two rules, not a row table: another array initializer adds a static data field (HeldMemoryTests).
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 1, capDr: 7, lastUplinkDr: 7, downlinkDwellTable: false);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 7, lastUplinkDr: 0, downlinkDwellTable: false);
            // MaxEIRP 19.15 dBm (19 here), TXPower 0..7; RX2 DR1 (LoRaMac-node CN470_RX_WND_2_DR; README).
            r.DefineDefaults(rx2FrequencyHz: rx2Hz, rx2DataRate: 1, defaultDataRate: 1, maxEirpDbm: 19,
                maxTxPowerIndex: 7, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: false, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 470000000, maxHz: 510000000);
            r.AddBand(minHz: 470000000, maxHz: 510000000, dutyCycleDivisor: 1, name: "470-510 MHz (no duty cycle)");
            return r;
        }

        private static Region Cn470Rp1()
        {
            // RP001-1.0.x (LoRaWAN 1.0.2/1.0.3) CN470-510, still served by The Things Stack as CN_470_510:
            // 96 uplink channels 470.3 + 0.2·n, 48 downlink channels 500.3 + 0.2·n, RX1 = uplink channel mod 48,
            // ChMaskCntl 0..5 blocks, 6 all on, 7 RFU.
            var r = new FixedChannelRegion(name: "CN470-RP1", id: RegionId.CN470_RP1, channels: 96, primaryChannels: 96,
                minPrimaryDr: 0, maxPrimaryDr: 5, wideDr: -1, joinDrPrimary: 0, joinDrWide: -1,
                chMaskBlocks: 6, chMaskAllOn: 6, chMaskAllOff: -1, usChMaskControls: false);
            r.DefineUplinkGroup(firstHz: 470300000, stepHz: 200000, count: 96);
            r.DefineDownlinkGroup(firstHz: 500300000, stepHz: 200000, count: 48);
            r.DefineDataRates(Cn470Rp1DataRates);
            r.DefineRx1Rule(effectiveOffsets: SubtractOffsets, minDr: 0, capDr: 5, lastUplinkDr: 5, downlinkDwellTable: false);
            r.DefineDefaults(rx2FrequencyHz: 505300000, rx2DataRate: 0, defaultDataRate: 0, maxEirpDbm: 19,
                maxTxPowerIndex: 7, txParamSetup: false, uplinkDwellTime: false, downlinkDwellTime: false,
                dutyCycleEnforced: false, listenBeforeTalk: false);
            r.DefineFrequencyRange(minHz: 470000000, maxHz: 510000000);
            r.AddBand(minHz: 470000000, maxHz: 510000000, dutyCycleDivisor: 1, name: "470-510 MHz (no duty cycle)");
            return r;
        }
    }
}
