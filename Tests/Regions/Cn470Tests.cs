using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// CN470-510: the four RP002-1.0.4 antenna types and the RP001 plan. Expected values are written out from
    /// The Things Stack pkg/band/cn_470_510*.go (uplink/downlink channel loops, DefaultRx2Parameters,
    /// parseChMask48/64/96) and LoRaMac-node src/mac/region/RegionCN470*.h (FIRST/LAST channel defines, common
    /// join channel table, DatarateOffsetsCN470). The channel formulas are checked at their ends and inside.
    /// </summary>
    [TestClass]
    public class Cn470Tests
    {
        [TestMethod]
        public void Type20A_ChannelAndRx1Formulas()
        {
            // Uplink 470.3 + 0.2 n (n < 32), 503.5 + 0.2 (n - 32); RX1 483.9 + 0.2 n, 490.3 + 0.2 (n - 32).
            Region r = Region.Create("CN470-20A");
            ChannelPlan p = r.CreateChannelPlan();
            Assert.AreEqual(64, r.ChannelCount, "64 channels");
            CheckChannel(r, p, 0, 470300000, 483900000);
            CheckChannel(r, p, 3, 470900000, 484500000);    // common join channel (LoRaMac-node table)
            CheckChannel(r, p, 31, 476500000, 490100000);
            CheckChannel(r, p, 32, 503500000, 490300000);
            CheckChannel(r, p, 59, 508900000, 495700000);   // common join channel
            CheckChannel(r, p, 63, 509700000, 496500000);   // CN470_A20_LAST_RX_CHANNEL 496.5 MHz
            Assert.AreEqual(486900000u, r.Rx2Frequency, "RX2 486.9 MHz");
            Assert.AreEqual(64, p.EnabledCount, "all channels on at boot");
        }

        [TestMethod]
        public void Type20B_ChannelAndRx1Formulas()
        {
            // Uplink and RX1 476.9 + 0.2 n (n < 32), 496.9 + 0.2 (n - 32).
            Region r = Region.Create("CN470-20B");
            ChannelPlan p = r.CreateChannelPlan();
            CheckChannel(r, p, 0, 476900000, 476900000);
            CheckChannel(r, p, 15, 479900000, 479900000);   // common join channel
            CheckChannel(r, p, 31, 483100000, 483100000);   // CN470_B20_LAST_RX1_CHANNEL
            CheckChannel(r, p, 32, 496900000, 496900000);
            CheckChannel(r, p, 47, 499900000, 499900000);   // common join channel
            CheckChannel(r, p, 63, 503100000, 503100000);   // CN470_B20_LAST_RX2_CHANNEL
            Assert.AreEqual(498300000u, r.Rx2Frequency, "RX2 498.3 MHz");
        }

        [TestMethod]
        public void Type26A_ChannelAndRx1Formulas()
        {
            // Uplink 470.3 + 0.2 n (n < 48); RX1 490.1 + 0.2 (n mod 24).
            Region r = Region.Create("CN470-26A");
            ChannelPlan p = r.CreateChannelPlan();
            Assert.AreEqual(48, r.ChannelCount, "48 channels");
            CheckChannel(r, p, 0, 470300000, 490100000);
            CheckChannel(r, p, 23, 474900000, 494700000);   // CN470_A26_LAST_RX_CHANNEL 494.7 MHz
            CheckChannel(r, p, 24, 475100000, 490100000);   // modulo 24 wraps
            CheckChannel(r, p, 40, 478300000, 493300000);   // common join channel 478.3 MHz
            CheckChannel(r, p, 47, 479700000, 494700000);   // CN470_A26_LAST_TX_CHANNEL 479.7 MHz
            Assert.AreEqual(0u, r.GetUplinkFrequency(p, 48), "no channel 48");
            Assert.AreEqual(492500000u, r.Rx2Frequency, "RX2 492.5 MHz");
        }

        [TestMethod]
        public void Type26B_ChannelAndRx1Formulas()
        {
            // Uplink 480.3 + 0.2 n (n < 48); RX1 500.1 + 0.2 (n mod 24).
            Region r = Region.Create("CN470-26B");
            ChannelPlan p = r.CreateChannelPlan();
            CheckChannel(r, p, 0, 480300000, 500100000);
            CheckChannel(r, p, 10, 482300000, 502100000);   // common join channel 482.3 MHz
            CheckChannel(r, p, 23, 484900000, 504700000);   // CN470_B26_LAST_RX_CHANNEL 504.7 MHz
            CheckChannel(r, p, 25, 485300000, 500300000);
            CheckChannel(r, p, 47, 489700000, 504700000);   // CN470_B26_LAST_TX_CHANNEL 489.7 MHz
            Assert.AreEqual(502500000u, r.Rx2Frequency, "RX2 502.5 MHz");
        }

        [TestMethod]
        public void Rp1Plan_ChannelAndRx1Formulas()
        {
            // RP001: uplink 470.3 + 0.2 n (n < 96); RX1 500.3 + 0.2 (n mod 48); RX2 505.3 MHz DR0.
            Region r = Region.Create("CN470-RP1");
            ChannelPlan p = r.CreateChannelPlan();
            Assert.AreEqual(96, r.ChannelCount, "96 channels");
            CheckChannel(r, p, 0, 470300000, 500300000);
            CheckChannel(r, p, 47, 479700000, 509700000);
            CheckChannel(r, p, 48, 479900000, 500300000);
            CheckChannel(r, p, 95, 489300000, 509700000);
            Assert.AreEqual(96, p.EnabledCount, "all 96 on at boot");
            Assert.AreEqual(505300000u, r.Rx2Frequency, "RX2 505.3 MHz");
            Assert.AreEqual(0, r.Rx2DataRate, "RX2 DR0");
            Assert.AreEqual(59, r.GetMaxMacPayload(0, false), "M at DR0");
            Assert.AreEqual(250, r.GetMaxMacPayload(5, false), "M at DR5");
            Assert.IsFalse(r.IsDataRateDefined(6), "no DR6 in RP001 CN470");
        }

        [TestMethod]
        public void Rp002Tables_DataRatesPayloadsRx1AndPower()
        {
            foreach (string name in new string[] { "CN470-20A", "CN470-20B", "CN470-26A", "CN470-26B" })
            {
                Region r = Region.Create(name);
                int[] sf = { 12, 11, 10, 9, 8, 7, 7 };
                int[] bw = { 125, 125, 125, 125, 125, 125, 500 };
                for (int dr = 0; dr < 7; dr++)
                {
                    Assert.AreEqual(sf[dr], r.GetSpreadingFactor(dr), name + " SF DR" + dr.ToString());
                    Assert.AreEqual(bw[dr] * 1000, r.GetBandwidthHz(dr), name + " BW DR" + dr.ToString());
                }
                Assert.IsTrue(r.GetModulation(7) == Modulation.Fsk, name + " DR7 FSK");
                // M: DR0 N/A, 31, 94, 192, 250, 250, 250, 250 (DR3: LoRaMac-node N 184, ChirpStack RP002-1.0.2+; TTS
                // cn_470_510_*_rp2_v1_0_4 has RP002-1.0.1's 172).
                int[] m = { 0, 31, 94, 192, 250, 250, 250, 250 };
                for (int dr = 0; dr < 8; dr++) Assert.AreEqual(m[dr], r.GetMaxMacPayload(dr, false), name + " M DR" + dr.ToString());
                Assert.AreEqual(1, r.DefaultDataRate, name + " default DR1");
                Assert.AreEqual(1, r.Rx2DataRate, name + " RX2 DR1");
                Assert.AreEqual(5, r.MaxRx1DrOffset, name + " offsets 0..5");
                // LoRaMac-node DatarateOffsetsCN470: rows DR1..DR5, offsets 0..5.
                int[] rx1 =
                {
                    1, 1, 1, 1, 1, 1, 1,
                    2, 2, 1, 1, 1, 1, 1,
                    3, 3, 2, 1, 1, 1, 1,
                    4, 4, 3, 2, 1, 1, 1,
                    5, 5, 4, 3, 2, 1, 1,
                };
                for (int i = 0; i < rx1.Length; i += 7)
                    for (int o = 0; o <= 5; o++)
                        Assert.AreEqual(rx1[i + 1 + o], r.GetRx1DataRate(rx1[i], o, false), name + " RX1 DR" + rx1[i].ToString() + "/" + o.ToString());
                Assert.AreEqual(19, r.DefaultMaxEirpDbm, name + " MaxEIRP 19.15 dBm rounded down");
                Assert.AreEqual(7, r.MaxTxPowerIndex, name + " TXPower 0..7");
                Assert.IsFalse(r.DutyCycleEnforced, name + " no duty cycle");
                ChannelPlan p = r.CreateChannelPlan();
                Assert.IsFalse(r.IsDataRateAvailable(p, 0), name + " DR0 not usable");
                Assert.IsTrue(r.IsDataRateAvailable(p, 5), name + " DR5 usable");
                Assert.IsFalse(r.IsDataRateAvailable(p, 6), name + " no channel carries DR6");
            }
        }

        [TestMethod]
        public void JoinRequests_UseOnlyTheCommonJoinChannels()
        {
            CheckJoinChannels("CN470-20A", new int[] { 3, 11, 19, 27, 35, 43, 51, 59 });
            CheckJoinChannels("CN470-20B", new int[] { 15, 47 });
            CheckJoinChannels("CN470-26A", new int[] { 0, 10, 20, 30, 40 });
            CheckJoinChannels("CN470-26B", new int[] { 0, 10, 20, 30, 40 });
        }

        [TestMethod]
        public void ChMaskCntl_20MHz_BlocksAllOnAllOff()
        {
            // TTS parseChMask64 / LoRaMac-node RegionCN470A20LinkAdrChMaskUpdate: 0..3 blocks, 6 all on, 7 all off, 4 and 5 RFU.
            Region r = Region.Create("CN470-20A");
            ChannelPlan p = r.CreateChannelPlan();
            Assert.IsTrue(r.ApplyChannelMask(p, 7, 0), "7 = all off");
            Assert.AreEqual(0, p.EnabledCount, "none");
            Assert.IsTrue(r.ApplyChannelMask(p, 3, 0x8001), "3 = channels 48..63");
            Assert.IsTrue(p.IsEnabled(48) && p.IsEnabled(63), "48 and 63");
            Assert.AreEqual(2, p.EnabledCount, "only those");
            Assert.IsFalse(r.ApplyChannelMask(p, 4, 0xFFFF), "4 RFU");
            Assert.IsFalse(r.ApplyChannelMask(p, 5, 0x00FF), "5 RFU");
            Assert.IsTrue(r.ApplyChannelMask(p, 6, 0), "6 = all on");
            Assert.AreEqual(64, p.EnabledCount, "all 64");
        }

        [TestMethod]
        public void ChMaskCntl_26MHz_BlocksAllOnAllOff()
        {
            // TTS parseChMask48 / LoRaMac-node RegionCN470A26LinkAdrChMaskUpdate: 0..2 blocks, 3 all on, 4 all off, 5..7 RFU.
            Region r = Region.Create("CN470-26B");
            ChannelPlan p = r.CreateChannelPlan();
            Assert.IsTrue(r.ApplyChannelMask(p, 4, 0), "4 = all off");
            Assert.AreEqual(0, p.EnabledCount, "none");
            Assert.IsTrue(r.ApplyChannelMask(p, 2, 0x8000), "2 = channels 32..47");
            Assert.IsTrue(p.IsEnabled(47), "47");
            Assert.AreEqual(1, p.EnabledCount, "only 47");
            Assert.IsTrue(r.ApplyChannelMask(p, 3, 0), "3 = all on");
            Assert.AreEqual(48, p.EnabledCount, "all 48");
            Assert.IsFalse(r.ApplyChannelMask(p, 5, 1), "5 RFU");
            Assert.IsFalse(r.ApplyChannelMask(p, 6, 1), "6 RFU (US915's 'all 125 kHz on' is not CN470's)");
            Assert.IsFalse(r.ApplyChannelMask(p, 7, 1), "7 RFU");
        }

        [TestMethod]
        public void ChMaskCntl_Rp1_SixBlocksAndAllOn()
        {
            // TTS parseChMask96: 0..5 blocks, 6 all on, 7 RFU.
            Region r = Region.Create("CN470-RP1");
            ChannelPlan p = r.CreateChannelPlan();
            Assert.IsTrue(r.ApplyChannelMask(p, 0, 0) && r.ApplyChannelMask(p, 1, 0) && r.ApplyChannelMask(p, 2, 0)
                && r.ApplyChannelMask(p, 3, 0) && r.ApplyChannelMask(p, 4, 0), "blocks 0..4 off");
            Assert.IsTrue(r.ApplyChannelMask(p, 5, 0x8000), "5 = channels 80..95");
            Assert.AreEqual(1, p.EnabledCount, "only 95");
            Assert.IsTrue(p.IsEnabled(95), "95");
            Assert.IsFalse(r.ApplyChannelMask(p, 7, 0), "7 RFU");
            Assert.IsTrue(r.ApplyChannelMask(p, 6, 0), "6 all on");
            Assert.AreEqual(96, p.EnabledCount, "all 96");
        }

        [TestMethod]
        public void CfListType1_AppliesOneWordPerSixteenChannels()
        {
            // 26 MHz: ChMask0..2 (48 channels); bits of ChMask3/4 name no channel and are ignored.
            Region r = Region.Create("CN470-26A");
            ChannelPlan p = r.CreateChannelPlan();
            byte[] cf = { 0xFF, 0x00, 0x00, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 1 };
            Assert.IsTrue(r.ApplyCfList(p, cf, 0), "type 1 accepted");
            Assert.AreEqual(9, p.EnabledCount, "channels 0..7 and 47");
            Assert.IsTrue(p.IsEnabled(47) && !p.IsEnabled(48), "47 on, nothing past 47");
            // RP001 plan: ChMask5 (octets 10-11) reaches channels 80..95 (TTS encodes one bit per channel).
            Region rp1 = Region.Create("CN470-RP1");
            ChannelPlan q = rp1.CreateChannelPlan();
            byte[] cf96 = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x80, 0, 0, 0, 1 };
            Assert.IsTrue(rp1.ApplyCfList(q, cf96, 0), "type 1 accepted");
            Assert.AreEqual(1, q.EnabledCount, "only channel 95");
            Assert.IsTrue(q.IsEnabled(95), "95");
            Assert.IsFalse(rp1.ApplyCfList(q, new byte[16], 0), "type 0 refused by a fixed plan");
        }

        [TestMethod]
        public void Rp1Plan_PersistsChannelsAbove79()
        {
            Region r = Region.Create("CN470-RP1");
            ChannelPlan p = r.CreateChannelPlan();
            for (int c = 0; c < 6; c++) r.ApplyChannelMask(p, c, 0);
            r.ApplyChannelMask(p, 5, 0x8001);
            var buffer = new byte[ChannelPlan.SerializedSize];
            p.Write(buffer, 0);
            ChannelPlan q = r.CreateChannelPlan();
            Assert.IsTrue(q.Read(buffer, 0), "read back");
            Assert.AreEqual(2, q.EnabledCount, "two channels");
            Assert.IsTrue(q.IsEnabled(80) && q.IsEnabled(95), "80 and 95 survive");
        }

        [TestMethod]
        public void FrequencyValidity_FollowsTheRasters()
        {
            Region r = Region.Create("CN470-26A");
            Assert.IsTrue(r.IsFrequencyValid(492500000), "RX2 492.5 MHz (downlink raster)");
            Assert.IsTrue(r.IsFrequencyValid(470300000), "uplink channel 0");
            Assert.IsFalse(r.IsFrequencyValid(470400000), "off the 200 kHz raster");
            Assert.IsFalse(r.IsFrequencyValid(495000000), "past the 24 downlink channels");
        }

        private static void CheckChannel(Region r, ChannelPlan p, int channel, uint uplinkHz, uint rx1Hz)
        {
            Assert.AreEqual(uplinkHz, r.GetUplinkFrequency(p, channel), r.Name + " uplink channel " + channel.ToString());
            Assert.AreEqual(rx1Hz, r.GetRx1Frequency(p, channel), r.Name + " RX1 of channel " + channel.ToString());
        }

        private static void CheckJoinChannels(string name, int[] expected)
        {
            Region r = Region.Create(name);
            ChannelPlan p = r.CreateChannelPlan();
            var random = new XorShiftRandom(7);
            int seen = 0;
            for (int i = 0; i < 200; i++)
            {
                ulong wait;
                int ch = r.SelectChannel(p, 1, true, 0, 0, null, random, out wait);
                bool listed = false;
                for (int k = 0; k < expected.Length; k++)
                    if (expected[k] == ch) { listed = true; seen |= 1 << k; }
                Assert.IsTrue(listed, name + " join on channel " + ch.ToString());
            }
            Assert.AreEqual((1 << expected.Length) - 1, seen, name + " every common join channel used");
        }
    }
}
