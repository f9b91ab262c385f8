using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// RU864-870, EU433 and CN779-787 against RP002-1.0.4 as The Things Stack (pkg/band/ru_864_870*.go,
    /// eu_433*.go, cn_779_787*.go) and LoRaMac-node (RegionRU864.h, RegionEU433.h, RegionCN779.h) encode it:
    /// default channels, data rates, M, RX1 table (DR − offset, offsets 0..5), RX2, MaxEIRP and TXPower range,
    /// duty cycle.
    /// </summary>
    [TestClass]
    public class EuLikeRegionTableTests
    {
        [TestMethod]
        public void Ru864_MatchesRp002()
        {
            Region r = Region.Create("RU864");
            CheckCommon(r, new uint[] { 868900000, 869100000 }, 869100000, 16, 7);
            Assert.AreEqual(100, r.GetBandDutyCycleDivisor(r.GetBandIndex(868900000)), "1 %");
        }

        [TestMethod]
        public void Eu433_MatchesRp002()
        {
            Region r = Region.Create("EU433");
            CheckCommon(r, new uint[] { 433175000, 433375000, 433575000 }, 434665000, 12, 5);
            Assert.AreEqual(10, r.GetBandDutyCycleDivisor(r.GetBandIndex(433175000)), "10 % (RP 'lower than 10%')");
            Assert.IsFalse(r.IsFrequencyValid(433100000), "below 433.175 MHz");
            Assert.IsFalse(r.IsFrequencyValid(434700000), "above 434.665 MHz");
        }

        [TestMethod]
        public void Cn779_MatchesRp002()
        {
            Region r = Region.Create("CN779");
            CheckCommon(r, new uint[] { 779500000, 779700000, 779900000 }, 786000000, 12, 5);
            Assert.AreEqual(100, r.GetBandDutyCycleDivisor(r.GetBandIndex(780500000)), "1 %");
            Assert.IsFalse(r.IsFrequencyValid(779300000), "below 779.5 MHz");
            Assert.IsTrue(r.IsFrequencyValid(786500000), "786.5 MHz");
        }

        [TestMethod]
        public void CfListType0_AddsFiveChannelsAfterTheDefaults()
        {
            // RU864 has two default channels: the CFList fills channels 2..6.
            Region r = Region.Create("RU864");
            ChannelPlan p = r.CreateChannelPlan();
            // 864.1, 864.3, 864.5, 864.7, 864.9 MHz as frequency / 100, little-endian.
            byte[] cf = { 0xE8, 0xD9, 0x83, 0xB8, 0xE1, 0x83, 0x88, 0xE9, 0x83, 0x58, 0xF1, 0x83, 0x28, 0xF9, 0x83, 0 };
            Assert.IsTrue(r.ApplyCfList(p, cf, 0), "type 0");
            Assert.AreEqual(864100000u, p.GetFrequency(2), "channel 2");
            Assert.AreEqual(864900000u, p.GetFrequency(6), "channel 6");
            Assert.AreEqual(7, p.EnabledCount, "2 + 5 channels");
        }

        private static void CheckCommon(Region r, uint[] channels, uint rx2Hz, int maxEirp, int maxTxPower)
        {
            int[] sf = { 12, 11, 10, 9, 8, 7, 7 };
            int[] bw = { 125, 125, 125, 125, 125, 125, 250 };
            for (int dr = 0; dr < 7; dr++)
            {
                Assert.AreEqual(sf[dr], r.GetSpreadingFactor(dr), r.Name + " SF DR" + dr.ToString());
                Assert.AreEqual(bw[dr] * 1000, r.GetBandwidthHz(dr), r.Name + " BW DR" + dr.ToString());
            }
            Assert.IsTrue(r.GetModulation(7) == Modulation.Fsk, r.Name + " DR7 FSK");
            Assert.IsFalse(r.IsDataRateDefined(8), r.Name + " DR8 RFU");
            int[] m = { 59, 59, 59, 123, 250, 250, 250, 250 };
            for (int dr = 0; dr < 8; dr++) Assert.AreEqual(m[dr], r.GetMaxMacPayload(dr, false), r.Name + " M DR" + dr.ToString());
            Assert.AreEqual(51, r.GetMaxAppPayload(0, false, false), r.Name + " N DR0 (LoRaMac-node 51)");
            Assert.AreEqual(242, r.GetMaxAppPayload(5, false, false), r.Name + " N DR5 (LoRaMac-node 242)");
            Assert.AreEqual(rx2Hz, r.Rx2Frequency, r.Name + " RX2 frequency");
            Assert.AreEqual(0, r.Rx2DataRate, r.Name + " RX2 DR0");
            Assert.AreEqual(5, r.MaxRx1DrOffset, r.Name + " RX1DROffset 0..5");
            // TTS *DownlinkDRTable rows DR0..DR7.
            int[] rx1 =
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
                6, 6, 5, 4, 3, 2, 1,
                7, 7, 6, 5, 4, 3, 2,
            };
            for (int i = 0; i < rx1.Length; i += 7)
                for (int o = 0; o <= 5; o++)
                    Assert.AreEqual(rx1[i + 1 + o], r.GetRx1DataRate(rx1[i], o, false), r.Name + " RX1 DR" + rx1[i].ToString() + "/" + o.ToString());
            Assert.AreEqual(channels.Length, r.DefaultChannelCount, r.Name + " default channels");
            for (int i = 0; i < channels.Length; i++)
                Assert.AreEqual(channels[i], r.GetDefaultChannelFrequency(i), r.Name + " default channel " + i.ToString());
            Assert.AreEqual(maxEirp, r.DefaultMaxEirpDbm, r.Name + " MaxEIRP");
            Assert.AreEqual(maxTxPower, r.MaxTxPowerIndex, r.Name + " TXPower range");
            Assert.IsTrue(r.DutyCycleEnforced, r.Name + " duty cycle enforced");
            Assert.IsFalse(r.SupportsTxParamSetup, r.Name + " no TxParamSetupReq");
            Assert.IsFalse(r.IsFixedChannelPlan, r.Name + " dynamic plan");
            Assert.AreEqual(0, r.DefaultDataRate, r.Name + " default DR0");
        }
    }
}
