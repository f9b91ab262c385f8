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

        internal const string ValidNames = "EU868, US915, AU915, AS923-1, AS923-2, AS923-3, AS923-4, IN865, KR920";

        // Modulation and direction codes used in the rows below.
        private const ushort L = (ushort)Modulation.LoRa;
        private const ushort F = (ushort)Modulation.Fsk;
        private const ushort H = (ushort)Modulation.LrFhss;
        private const ushort U = 1;  // uplink only
        private const ushort D = 2;  // downlink only
        private const ushort UD = 3; // both

        // Columns: DR, modulation, SF, bandwidth kHz (FSK: kbit/s; LR-FHSS: occupied width kHz), direction,
        // max MACPayload M: no dwell, dwell (400 ms), repeater, repeater + dwell. M = 0: not allowed.

        // RP002-1.0.4 EU863-870: data rates, maximum payload size (M) and repeater-compatible M.
        private static readonly ushort[] Eu868DataRates =
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
        private static readonly sbyte[] Eu868LrFhssRx1 =
        {
            8, 1, 0, 0, 0, 0, 0,
            9, 2, 1, 0, 0, 0, 0,
            10, 1, 0, 0, 0, 0, 0,
            11, 2, 1, 0, 0, 0, 0,
        };

        // RP002-1.0.4 US902-928.
        private static readonly ushort[] Us915DataRates =
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
        private static readonly sbyte[] Us915Rx1 =
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
        private static readonly ushort[] Au915DataRates =
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
        private static readonly sbyte[] Au915Rx1 =
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
        private static readonly ushort[] As923DataRates =
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
        private static readonly sbyte[] As923EffectiveOffsets = { 0, 1, 2, 3, 4, 5, -1, -2 };

        // EU-like RX1: DR − RX1DROffset for offsets 0..5.
        private static readonly sbyte[] SubtractOffsets = { 0, 1, 2, 3, 4, 5 };

        // RP002-1.0.4 IN865-867 (DR6 RFU).
        private static readonly ushort[] In865DataRates =
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
        private static readonly sbyte[] In865Rx1 =
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
        private static readonly ushort[] Kr920DataRates =
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
            }
            throw new ArgumentException("unknown region id " + ((int)id).ToString() + "; valid regions: " + ValidNames);
        }

        private static Region Eu868()
        {
            var r = new DynamicChannelRegion("EU868", RegionId.EU868,
                new uint[] { 868100000, 868300000, 868500000 }, 0, 5, 0, 0);
            r.DefineDataRates(Eu868DataRates);
            r.DefineRx1Rule(SubtractOffsets, 0, 7, 7, false);
            r.DefineRx1Table(Eu868LrFhssRx1, 5, false);
            r.DefineDefaults(869525000, 0, 0, 16, 7, false, false, false, true, false);
            r.DefineFrequencyRange(863000000, 870000000);
            // ETSI EN 300 220-2 (ERC/REC 70-03 annex 1) sub-bands; RP002 refers to the regulation for them.
            r.DefineBands(
                new uint[] { 863000000, 865000000, 868000001, 868700000, 869400000, 869700000 },
                new uint[] { 864999999, 868000000, 868600000, 869200000, 869650000, 870000000 },
                new ushort[] { 1000, 100, 100, 1000, 10, 100 },
                new string[]
                {
                    "g 863.0-865.0 MHz 0.1%", "g 865.0-868.0 MHz 1%", "g1 868.0-868.6 MHz 1%",
                    "g2 868.7-869.2 MHz 0.1%", "g3 869.4-869.65 MHz 10%", "g4 869.7-870.0 MHz 1%",
                });
            return r;
        }

        private static Region Us915()
        {
            var r = new FixedChannelRegion("US915", RegionId.US915, 902300000, 0, 3, 903000000, 4, 923300000, 0, 4);
            r.DefineDataRates(Us915DataRates);
            r.DefineRx1Table(Us915Rx1, 3, false);
            r.DefineDefaults(923300000, 8, 0, 30, 14, false, false, false, false, false);
            r.DefineFrequencyRange(902000000, 928000000);
            r.DefineBands(new uint[] { 902000000 }, new uint[] { 928000000 }, new ushort[] { 1 },
                new string[] { "902-928 MHz (no duty cycle; 400 ms dwell time)" });
            return r;
        }

        private static Region Au915()
        {
            var r = new FixedChannelRegion("AU915", RegionId.AU915, 915200000, 0, 5, 915900000, 6, 923300000, 2, 6);
            r.DefineDataRates(Au915DataRates);
            r.DefineRx1Table(Au915Rx1, 5, false);
            // Boot dwell time: uplink on, downlink off (The Things Stack AU915 RP002-1.0.4 band definition).
            r.DefineDefaults(923300000, 8, 2, 30, 14, true, true, false, false, false);
            r.DefineFrequencyRange(915000000, 928000000);
            r.DefineBands(new uint[] { 915000000 }, new uint[] { 928000000 }, new ushort[] { 1 },
                new string[] { "915-928 MHz (no duty cycle)" });
            return r;
        }

        private static Region As923(string name, RegionId id, int offsetHz, uint minHz, uint maxHz)
        {
            uint ch0 = (uint)(923200000 + offsetHz);
            uint ch1 = (uint)(923400000 + offsetHz);
            var r = new DynamicChannelRegion(name, id, new uint[] { ch0, ch1 }, 0, 5, 0, 0);
            r.DefineDataRates(As923DataRates);
            // RX1 DR = min(7, max(MinDR, DR − Effective_RX1DROffset)); MinDR = 0, or 2 with DownlinkDwellTime = 1.
            r.DefineRx1Rule(As923EffectiveOffsets, 0, 7, 7, false);
            r.DefineRx1Rule(As923EffectiveOffsets, 2, 7, 7, true);
            // Boot with both dwell-time limits on (the strictest AS923 country rule) until TxParamSetupReq.
            r.DefineDefaults(ch0, 2, 2, 16, 7, true, true, true, false, false);
            r.DefineFrequencyRange(minHz, maxHz);
            r.DefineBands(new uint[] { minHz }, new uint[] { maxHz }, new ushort[] { 1 },
                new string[] { "AS923 (duty cycle / LBT per country: not enforced)" });
            return r;
        }

        private static Region In865()
        {
            var r = new DynamicChannelRegion("IN865", RegionId.IN865,
                new uint[] { 865062500, 865402500, 865985000 }, 0, 5, 0, 0);
            r.DefineDataRates(In865DataRates);
            r.DefineRx1Table(In865Rx1, 7, false);
            r.DefineDefaults(866550000, 2, 0, 30, 10, false, false, false, false, false);
            r.DefineFrequencyRange(865000000, 867000000);
            r.DefineBands(new uint[] { 865000000 }, new uint[] { 867000000 }, new ushort[] { 1 },
                new string[] { "865-867 MHz (no duty cycle)" });
            return r;
        }

        private static Region Kr920()
        {
            // Channels on a 200 kHz raster from 920.9 to 923.3 MHz.
            var r = new DynamicChannelRegion("KR920", RegionId.KR920,
                new uint[] { 922100000, 922300000, 922500000 }, 0, 5, 920900000, 200000);
            r.DefineDataRates(Kr920DataRates);
            r.DefineRx1Rule(SubtractOffsets, 0, 5, 5, false);
            r.DefineDefaults(921900000, 0, 0, 14, 7, false, false, false, false, true);
            r.DefineFrequencyRange(920900000, 923300000);
            r.DefineEirpLimitBelow(922000000, 10);   // RP001-1.0.3 KR920: +10 dBm EIRP below 922 MHz
            r.DefineBands(new uint[] { 920900000 }, new uint[] { 923300000 }, new ushort[] { 1 },
                new string[] { "920.9-923.3 MHz (listen-before-talk: not implemented)" });
            return r;
        }
    }
}
