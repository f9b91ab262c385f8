using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// Every region against the published RP002-1.0.4 numbers, typed in from the specification tables (cross-
    /// checked with LoRaMac-node src/mac/region and The Things Stack pkg/band): each DR's SF/BW, maximum
    /// MACPayload at DR0 and the top uplink DR, RX2 defaults, RX1 DR for offsets 0..5, default channels,
    /// default max EIRP.
    /// </summary>
    [TestClass]
    public class RegionTableTests
    {
        [TestMethod]
        public void Eu868_MatchesRp002()
        {
            Region r = Region.Create("EU868");
            // DR, SF, BW kHz
            CheckLoRa(r, new int[] { 0, 12, 125, 1, 11, 125, 2, 10, 125, 3, 9, 125, 4, 8, 125, 5, 7, 125, 6, 7, 250 });
            Assert.IsTrue(r.GetModulation(7) == Modulation.Fsk, "DR7 is FSK");
            Assert.AreEqual(50000, r.GetFskBitRate(7), "DR7 50 kbit/s");
            Assert.IsFalse(r.IsDataRateDefined(12), "DR12 RFU");
            Assert.AreEqual(59, r.GetMaxMacPayload(0, false), "M at DR0");
            Assert.AreEqual(51, r.GetMaxAppPayload(0, false, false), "N at DR0");
            Assert.AreEqual(123, r.GetMaxMacPayload(3, false), "M at DR3");
            Assert.AreEqual(250, r.GetMaxMacPayload(5, false), "M at DR5");
            Assert.AreEqual(250, r.GetMaxMacPayload(7, false), "M at DR7");
            Assert.AreEqual(230, r.GetMaxMacPayload(7, false, true), "repeater M at DR7");
            Assert.AreEqual(869525000u, r.Rx2Frequency, "RX2 frequency");
            Assert.AreEqual(0, r.Rx2DataRate, "RX2 DR");
            CheckRx1(r, false, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
                6, 6, 5, 4, 3, 2, 1,
                7, 7, 6, 5, 4, 3, 2,
            });
            Assert.AreEqual(5, r.MaxRx1DrOffset, "RX1DROffset 0..5");
            CheckDefaultChannels(r, new uint[] { 868100000, 868300000, 868500000 });
            Assert.AreEqual(16, r.DefaultMaxEirpDbm, "max EIRP");
            Assert.AreEqual(7, r.MaxTxPowerIndex, "TXPower 0..7");
            Assert.AreEqual(2, r.GetTxPowerEirpDbm(7, 16), "TXPower 7 = 16 - 14 dBm");
            Assert.IsTrue(r.DutyCycleEnforced, "EU868 duty cycle");
            Assert.IsFalse(r.SupportsTxParamSetup, "no TxParamSetupReq in EU868");
        }

        [TestMethod]
        public void Us915_MatchesRp002()
        {
            Region r = Region.Create("US915");
            CheckLoRa(r, new int[]
            {
                0, 10, 125, 1, 9, 125, 2, 8, 125, 3, 7, 125, 4, 8, 500,
                8, 12, 500, 9, 11, 500, 10, 10, 500, 11, 9, 500, 12, 8, 500, 13, 7, 500,
            });
            Assert.IsTrue(r.IsUplinkDataRate(4) && !r.IsDownlinkDataRate(4), "DR4 uplink only");
            Assert.IsTrue(r.IsDownlinkDataRate(8) && !r.IsUplinkDataRate(8), "DR8 downlink only");
            Assert.IsTrue(r.GetModulation(5) == Modulation.LrFhss, "DR5 LR-FHSS");
            Assert.IsFalse(r.IsDataRateDefined(7), "DR7 RFU");
            Assert.AreEqual(19, r.GetMaxMacPayload(0, false), "M at DR0");
            Assert.AreEqual(11, r.GetMaxAppPayload(0, false, false), "N at DR0");
            Assert.AreEqual(250, r.GetMaxMacPayload(4, false), "M at DR4");
            Assert.AreEqual(61, r.GetMaxMacPayload(8, false), "M at DR8");
            Assert.AreEqual(137, r.GetMaxMacPayload(9, false), "M at DR9");
            Assert.AreEqual(250, r.GetMaxMacPayload(13, false), "M at DR13");
            Assert.AreEqual(923300000u, r.Rx2Frequency, "RX2 frequency");
            Assert.AreEqual(8, r.Rx2DataRate, "RX2 DR8");
            Assert.AreEqual(3, r.MaxRx1DrOffset, "RX1DROffset 0..3");
            CheckRx1(r, false, new int[]
            {
                0, 10, 9, 8, 8, -1, -1,
                1, 11, 10, 9, 8, -1, -1,
                2, 12, 11, 10, 9, -1, -1,
                3, 13, 12, 11, 10, -1, -1,
                4, 13, 13, 12, 11, -1, -1,
            });
            Assert.AreEqual(72, r.DefaultChannelCount, "64 + 8 channels");
            Assert.AreEqual(902300000u, r.GetDefaultChannelFrequency(0), "channel 0");
            Assert.AreEqual(914900000u, r.GetDefaultChannelFrequency(63), "channel 63");
            Assert.AreEqual(903000000u, r.GetDefaultChannelFrequency(64), "channel 64");
            Assert.AreEqual(914200000u, r.GetDefaultChannelFrequency(71), "channel 71");
            Assert.AreEqual(30, r.DefaultMaxEirpDbm, "max EIRP");
            Assert.AreEqual(14, r.MaxTxPowerIndex, "TXPower 0..14");
            Assert.IsFalse(r.DutyCycleEnforced, "no duty cycle in US915");
        }

        [TestMethod]
        public void Au915_MatchesRp002()
        {
            Region r = Region.Create("AU915");
            CheckLoRa(r, new int[]
            {
                0, 12, 125, 1, 11, 125, 2, 10, 125, 3, 9, 125, 4, 8, 125, 5, 7, 125, 6, 8, 500,
                8, 12, 500, 9, 11, 500, 10, 10, 500, 11, 9, 500, 12, 8, 500, 13, 7, 500,
            });
            Assert.AreEqual(59, r.GetMaxMacPayload(0, false), "M at DR0, no dwell");
            Assert.AreEqual(0, r.GetMaxMacPayload(0, true), "DR0 not allowed with dwell time");
            Assert.AreEqual(19, r.GetMaxMacPayload(2, true), "M at DR2 with dwell time");
            Assert.AreEqual(250, r.GetMaxMacPayload(6, false), "M at DR6");
            Assert.AreEqual(250, r.GetMaxMacPayload(6, true), "M at DR6 with dwell time");
            Assert.AreEqual(923300000u, r.Rx2Frequency, "RX2 frequency");
            Assert.AreEqual(8, r.Rx2DataRate, "RX2 DR8");
            CheckRx1(r, false, new int[]
            {
                0, 8, 8, 8, 8, 8, 8,
                1, 9, 8, 8, 8, 8, 8,
                2, 10, 9, 8, 8, 8, 8,
                3, 11, 10, 9, 8, 8, 8,
                4, 12, 11, 10, 9, 8, 8,
                5, 13, 12, 11, 10, 9, 8,
                6, 13, 13, 12, 11, 10, 9,
            });
            Assert.AreEqual(915200000u, r.GetDefaultChannelFrequency(0), "channel 0");
            Assert.AreEqual(927800000u, r.GetDefaultChannelFrequency(63), "channel 63");
            Assert.AreEqual(915900000u, r.GetDefaultChannelFrequency(64), "channel 64");
            Assert.AreEqual(927100000u, r.GetDefaultChannelFrequency(71), "channel 71");
            Assert.AreEqual(30, r.DefaultMaxEirpDbm, "max EIRP");
            Assert.IsTrue(r.SupportsTxParamSetup, "TxParamSetupReq in AU915");
            Assert.IsTrue(r.DefaultUplinkDwellTime, "AU915 boots with uplink dwell time");
            Assert.AreEqual(2, r.DefaultDataRate, "AU915 default DR2");
        }

        /// <summary>
        /// The repeater-compatible maximum MACPayload (M) of US915 and AU915, written out from the RP002-1.0.x tables
        /// "US902-928 maximum payload size (repeater compatible)" and "AU915-928 maximum payload size (repeater
        /// compatible)". Since RP002-1.0.2 the repeater column is the direct column capped at 230 bytes: US915 DR3/DR4
        /// 230, DR8 61, DR9 137, DR10..13 230 (ChirpStack lrwn/src/region/us915.rs and au915.rs, Revision::RP002_1_0_4,
        /// commit d77207cd; AU915 RP002-1.0.3 Table 45 as quoted in the ns-3 lorawan module's mac helper; US915
        /// RP002-1.0.5 Table 24). The older figures DR3/DR4 250, DR8 41, DR9 117 belong to LoRaWAN Regional Parameters
        /// 1.0.2revB/1.0.3revA (RP001), which LoRaMac-node's repeater tables followed until it dropped them (c82a8a72,
        /// 2020); they do not apply to an RP002-1.0.4 device.
        /// </summary>
        [TestMethod]
        public void Us915Au915_RepeaterColumn_MatchesRp002()
        {
            Region us = Region.Create("US915");
            int[] usRepeater = { 0, 19, 1, 61, 2, 133, 3, 230, 4, 230, 8, 61, 9, 137, 10, 230, 11, 230, 12, 230, 13, 230 };
            for (int i = 0; i < usRepeater.Length; i += 2)
                Assert.AreEqual(usRepeater[i + 1], us.GetMaxMacPayload(usRepeater[i], false, true), "US915 repeater M at DR" + usRepeater[i].ToString());

            Region au = Region.Create("AU915");
            // DR, M repeater (UplinkDwellTime = 0), M repeater (UplinkDwellTime = 1; 0 = not allowed).
            int[] auRepeater =
            {
                0, 59, 0, 1, 59, 0, 2, 59, 19, 3, 123, 61, 4, 230, 133, 5, 230, 230, 6, 230, 230,
                8, 61, 61, 9, 137, 137, 10, 230, 230, 11, 230, 230, 12, 230, 230, 13, 230, 230,
            };
            for (int i = 0; i < auRepeater.Length; i += 3)
            {
                Assert.AreEqual(auRepeater[i + 1], au.GetMaxMacPayload(auRepeater[i], false, true), "AU915 repeater M at DR" + auRepeater[i].ToString());
                Assert.AreEqual(auRepeater[i + 2], au.GetMaxMacPayload(auRepeater[i], true, true), "AU915 repeater M with dwell time at DR" + auRepeater[i].ToString());
            }
        }

        [TestMethod]
        public void As923_1_MatchesRp002()
        {
            Region r = Region.Create("AS923-1");
            CheckLoRa(r, new int[] { 0, 12, 125, 1, 11, 125, 2, 10, 125, 3, 9, 125, 4, 8, 125, 5, 7, 125, 6, 7, 250 });
            Assert.IsTrue(r.GetModulation(7) == Modulation.Fsk, "DR7 FSK");
            Assert.AreEqual(59, r.GetMaxMacPayload(0, false), "M at DR0, no dwell");
            Assert.AreEqual(0, r.GetMaxMacPayload(0, true), "DR0 with dwell time: not allowed");
            Assert.AreEqual(123, r.GetMaxMacPayload(2, false), "M at DR2, no dwell");
            Assert.AreEqual(19, r.GetMaxMacPayload(2, true), "M at DR2, dwell");
            Assert.AreEqual(133, r.GetMaxMacPayload(4, true), "M at DR4, dwell");
            Assert.AreEqual(250, r.GetMaxMacPayload(7, false), "M at DR7");
            Assert.AreEqual(923200000u, r.Rx2Frequency, "RX2 frequency");
            Assert.AreEqual(2, r.Rx2DataRate, "RX2 DR2");
            // DownlinkDwellTime = 0: MinDR 0. RX1 DR = min(7, max(0, DR - Effective_RX1DROffset)).
            CheckRx1(r, false, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
            });
            // DownlinkDwellTime = 1: MinDR 2.
            CheckRx1(r, true, new int[]
            {
                0, 2, 2, 2, 2, 2, 2,
                1, 2, 2, 2, 2, 2, 2,
                2, 2, 2, 2, 2, 2, 2,
                3, 3, 2, 2, 2, 2, 2,
                4, 4, 3, 2, 2, 2, 2,
                5, 5, 4, 3, 2, 2, 2,
            });
            Assert.AreEqual(7, r.MaxRx1DrOffset, "RX1DROffset 0..7");
            Assert.AreEqual(1, r.GetRx1DataRate(0, 6, false), "offset 6 = DR + 1");
            Assert.AreEqual(4, r.GetRx1DataRate(2, 7, false), "offset 7 = DR + 2");
            Assert.AreEqual(3, r.GetRx1DataRate(1, 7, true), "offset 7 with DownlinkDwellTime: DR1 + 2 = DR3");
            CheckDefaultChannels(r, new uint[] { 923200000, 923400000 });
            Assert.AreEqual(16, r.DefaultMaxEirpDbm, "max EIRP");
            Assert.IsTrue(r.SupportsTxParamSetup, "TxParamSetupReq in AS923");
        }

        [TestMethod]
        public void As923_GroupOffsets_ShiftDefaultChannelsAndRx2()
        {
            // RP002-1.0.4 AS923 groups: AS923-2 -1.80 MHz, AS923-3 -6.60 MHz, AS923-4 -5.90 MHz.
            CheckAs923Group("AS923-2", new uint[] { 921400000, 921600000 });
            CheckAs923Group("AS923-3", new uint[] { 916600000, 916800000 });
            CheckAs923Group("AS923-4", new uint[] { 917300000, 917500000 });
        }

        [TestMethod]
        public void In865_MatchesRp002()
        {
            Region r = Region.Create("IN865");
            CheckLoRa(r, new int[] { 0, 12, 125, 1, 11, 125, 2, 10, 125, 3, 9, 125, 4, 8, 125, 5, 7, 125 });
            Assert.IsFalse(r.IsDataRateDefined(6), "DR6 RFU in IN865");
            Assert.IsTrue(r.GetModulation(7) == Modulation.Fsk, "DR7 FSK");
            Assert.AreEqual(59, r.GetMaxMacPayload(0, false), "M at DR0");
            Assert.AreEqual(250, r.GetMaxMacPayload(5, false), "M at DR5");
            Assert.AreEqual(250, r.GetMaxMacPayload(7, false), "M at DR7");
            Assert.AreEqual(866550000u, r.Rx2Frequency, "RX2 frequency");
            Assert.AreEqual(2, r.Rx2DataRate, "RX2 DR2");
            CheckRx1(r, false, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
            });
            Assert.AreEqual(7, r.MaxRx1DrOffset, "RX1DROffset 0..7");
            Assert.AreEqual(5, r.GetRx1DataRate(4, 6, false), "offset 6 from DR4 = DR5");
            CheckDefaultChannels(r, new uint[] { 865062500, 865402500, 865985000 });
            Assert.AreEqual(30, r.DefaultMaxEirpDbm, "max EIRP");
            Assert.AreEqual(10, r.MaxTxPowerIndex, "TXPower 0..10");
        }

        [TestMethod]
        public void Kr920_MatchesRp002()
        {
            Region r = Region.Create("KR920");
            CheckLoRa(r, new int[] { 0, 12, 125, 1, 11, 125, 2, 10, 125, 3, 9, 125, 4, 8, 125, 5, 7, 125 });
            Assert.IsFalse(r.IsDataRateDefined(6), "DR6 RFU in KR920");
            Assert.AreEqual(59, r.GetMaxMacPayload(0, false), "M at DR0");
            Assert.AreEqual(250, r.GetMaxMacPayload(5, false), "M at DR5");
            Assert.AreEqual(921900000u, r.Rx2Frequency, "RX2 frequency");
            Assert.AreEqual(0, r.Rx2DataRate, "RX2 DR0");
            CheckRx1(r, false, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
            });
            CheckDefaultChannels(r, new uint[] { 922100000, 922300000, 922500000 });
            Assert.AreEqual(14, r.DefaultMaxEirpDbm, "max EIRP");
            Assert.IsTrue(r.ListenBeforeTalkRequired, "KR920 requires LBT");
            Assert.IsTrue(r.IsFrequencyValid(920900000), "920.9 MHz on the raster");
            Assert.IsFalse(r.IsFrequencyValid(921000000), "921.0 MHz off the 200 kHz raster");
        }

        [TestMethod]
        public void Eu868_DutyCycleSubBands()
        {
            // ETSI EN 300 220-2 / ERC REC 70-03 sub-bands that RP002's EU863-870 defers to.
            Region r = Region.Create("EU868");
            CheckBand(r, 863500000, 1000);
            CheckBand(r, 867100000, 100);
            CheckBand(r, 868100000, 100);
            CheckBand(r, 868500000, 100);
            CheckBand(r, 868800000, 1000);
            CheckBand(r, 869525000, 10);
            CheckBand(r, 869850000, 100);
            Assert.AreEqual(-1, r.GetBandIndex(868650000), "868.6-868.7 MHz is not a LoRaWAN sub-band");
            Assert.AreEqual(-1, r.GetBandIndex(869300000), "869.2-869.4 MHz is not a LoRaWAN sub-band");
            Assert.IsFalse(r.IsFrequencyValid(862900000), "below 863 MHz");
            Assert.IsFalse(r.IsFrequencyValid(870100000), "above 870 MHz");
        }

        // ------------------------------------------------------------------ helpers

        private static void CheckAs923Group(string name, uint[] channels)
        {
            Region r = Region.Create(name);
            CheckDefaultChannels(r, channels);
            Assert.AreEqual(channels[0], r.Rx2Frequency, name + " RX2 = first default channel");
            Assert.AreEqual(2, r.Rx2DataRate, name + " RX2 DR2");
            Assert.AreEqual(name, r.Name, "name");
        }

        private static void CheckLoRa(Region r, int[] rows)
        {
            for (int i = 0; i < rows.Length; i += 3)
            {
                int dr = rows[i];
                string what = r.Name + " DR" + dr.ToString();
                Assert.IsTrue(r.GetModulation(dr) == Modulation.LoRa, what + " is LoRa");
                Assert.AreEqual(rows[i + 1], r.GetSpreadingFactor(dr), what + " SF");
                Assert.AreEqual(rows[i + 2] * 1000, r.GetBandwidthHz(dr), what + " BW");
            }
        }

        private static void CheckRx1(Region r, bool downlinkDwell, int[] rows)
        {
            for (int i = 0; i < rows.Length; i += 7)
                for (int o = 0; o <= 5; o++)
                    Assert.AreEqual(rows[i + 1 + o], r.GetRx1DataRate(rows[i], o, downlinkDwell),
                        r.Name + " RX1 DR for DR" + rows[i].ToString() + " offset " + o.ToString());
        }

        private static void CheckDefaultChannels(Region r, uint[] expected)
        {
            Assert.AreEqual(expected.Length, r.DefaultChannelCount, r.Name + " default channel count");
            ChannelPlan plan = r.CreateChannelPlan();
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], r.GetDefaultChannelFrequency(i), r.Name + " default channel " + i.ToString());
                Assert.AreEqual(expected[i], plan.GetFrequency(i), r.Name + " plan channel " + i.ToString());
                Assert.IsTrue(plan.IsEnabled(i), r.Name + " default channel enabled");
                Assert.AreEqual(0, plan.GetMinDataRate(i), "default channels DR0..");
                Assert.AreEqual(5, plan.GetMaxDataRate(i), "..DR5");
            }
            Assert.AreEqual(expected.Length, plan.EnabledCount, r.Name + " only the default channels are enabled");
        }

        private static void CheckBand(Region r, uint hz, int divisor)
        {
            int band = r.GetBandIndex(hz);
            Assert.IsTrue(band >= 0, hz.ToString() + " Hz is in a sub-band");
            Assert.AreEqual(divisor, r.GetBandDutyCycleDivisor(band), hz.ToString() + " Hz duty cycle 1/" + divisor.ToString());
        }

        [TestMethod]
        public void Kr920_EirpIsLimitedTo10dBmBelow922MHz()
        {
            Region kr = Region.Create("KR920");
            Assert.AreEqual(10, kr.LimitEirpForFrequency(921900000, 14), "921.9 MHz");
            Assert.AreEqual(14, kr.LimitEirpForFrequency(922100000, 14), "922.1 MHz");
            Assert.AreEqual(8, kr.LimitEirpForFrequency(921900000, 8), "a lower setting is kept");
            Assert.AreEqual(16, Region.Create("EU868").LimitEirpForFrequency(868100000, 16), "EU868 unaffected");
        }
    }
}
