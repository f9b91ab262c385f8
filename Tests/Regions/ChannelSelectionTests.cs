using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// Channel selection: random among enabled channels that carry the DR and whose sub-band is free; US915/
    /// AU915 sub-band configuration and the RP002-1.0.4 Join-Request sequence; RX1 frequency rules.
    /// </summary>
    [TestClass]
    public class ChannelSelectionTests
    {
        private const ulong Second = 1000000UL;

        [TestMethod]
        public void NeverPicksADisabledChannelOrABusyBand()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            eu.ApplyNewChannel(plan, 3, 867100000, 0, 5); // 865-868 MHz, 1 %
            eu.ApplyNewChannel(plan, 4, 867300000, 0, 5); // 865-868 MHz, 1 %
            eu.ApplyNewChannel(plan, 5, 869525000, 0, 5); // 869.4-869.65 MHz, 10 %
            eu.ApplyChannelMask(plan, 0, 0x003D);          // channel 1 disabled: 0, 2, 3, 4, 5
            var dc = new DutyCycleTracker(eu, 0);
            dc.RecordTransmission(plan, 0, 0, Second, false); // 868.x sub-band busy for 100 s
            var random = new XorShiftRandom(99);
            int[] hits = new int[16];
            for (int i = 0; i < 300; i++)
            {
                ulong wait;
                int ch = eu.SelectChannel(plan, 5, false, 2 * Second, 60000, dc, random, out wait);
                Assert.IsTrue(ch >= 0, "a free channel exists");
                hits[ch]++;
            }
            Assert.AreEqual(0, hits[0], "channel 0: busy sub-band");
            Assert.AreEqual(0, hits[1], "channel 1: disabled");
            Assert.AreEqual(0, hits[2], "channel 2: busy sub-band");
            Assert.IsTrue(hits[3] > 0 && hits[4] > 0 && hits[5] > 0, "the free channels are all used");
        }

        [TestMethod]
        public void OnlyChannelsCarryingTheDataRateAreCandidates()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            eu.ApplyNewChannel(plan, 3, 868800000, 7, 7); // an FSK-only channel
            ulong wait;
            var random = new XorShiftRandom(5);
            for (int i = 0; i < 50; i++)
                Assert.IsTrue(eu.SelectChannel(plan, 5, false, 0, 60000, null, random, out wait) < 3, "DR5 only on channels 0..2");
            Assert.AreEqual(-1, eu.SelectChannel(plan, 6, false, 0, 60000, null, random, out wait), "no channel carries DR6");
            Assert.AreEqual(ulong.MaxValue, wait, "and never will");
        }

        [TestMethod]
        public void LrFhssDataRate_IsRejectedWithAClearError_FskGoesToTheChannelCarryingIt()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            ulong wait;
            Assert.ThrowsException(typeof(NotSupportedException), () => eu.SelectChannel(plan, 8, false, 0, 1000, null, new XorShiftRandom(1), out wait));
            Assert.AreEqual(-1, eu.SelectChannel(plan, 7, false, 0, 1000, null, new XorShiftRandom(1), out wait), "no default channel carries DR7 (FSK)");
            Assert.AreEqual(3, eu.ApplyNewChannel(plan, 8, 868800000, 7, 7), "TTN's FSK channel 868.8 MHz, DR7");
            Assert.AreEqual(8, eu.SelectChannel(plan, 7, false, 0, 1000, null, new XorShiftRandom(1), out wait), "DR7 goes there");
        }

        // The channels 64 selections pick (bit ch set when ch was picked), or -1 when none is available.
        static int Picked(Region region, ChannelPlan plan, int dataRate, bool joinRequest)
        {
            var random = new XorShiftRandom(7);
            int seen = 0;
            ulong wait;
            for (int i = 0; i < 64; i++)
            {
                int ch = region.SelectChannel(plan, dataRate, joinRequest, 0, 60000, null, random, out wait);
                if (ch < 0) return -1;
                seen |= 1 << ch;
            }
            return seen;
        }

        [TestMethod]
        public void EveryChangeOfThePlan_IsSeenByTheNextSelection()
        {
            // The eligible channels are kept in the plan between selections (issue 20); each step selects before and after
            // a change, so a change that did not invalidate them would show the channels of before.
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(0x7, Picked(eu, plan, 5, false), "the three default channels");
            eu.ApplyNewChannel(plan, 3, 867100000, 0, 5);
            Assert.AreEqual(0xF, Picked(eu, plan, 5, false), "NewChannelReq adds channel 3");
            Assert.AreEqual(0x7, Picked(eu, plan, 5, true), "a Join-Request uses the default channels only");
            eu.ApplyNewChannel(plan, 4, 867300000, 0, 3);
            Assert.AreEqual(0xF, Picked(eu, plan, 5, false), "channel 4 does not carry DR5");
            Assert.AreEqual(0x1F, Picked(eu, plan, 3, false), "it carries DR3");
            eu.ApplyChannelMask(plan, 0, 0x000A);
            Assert.AreEqual(0xA, Picked(eu, plan, 5, false), "LinkADRReq's mask: channels 1 and 3");
            eu.ApplyNewChannel(plan, 3, 0, 0, 0);
            Assert.AreEqual(0x2, Picked(eu, plan, 5, false), "channel 3 removed");
            var saved = new byte[ChannelPlan.SerializedSize];
            plan.Write(saved, 0);
            eu.ApplyChannelMask(plan, 6, 0);
            Assert.AreEqual(0x7, Picked(eu, plan, 5, false), "ChMaskCntl 6: every defined channel on");
            Assert.IsTrue(plan.Read(saved, 0), "the saved plan reads back");
            Assert.AreEqual(0x2, Picked(eu, plan, 5, false), "the plan read back: channel 1 only");
            plan.CopyFrom(eu.CreateChannelPlan());
            Assert.AreEqual(0x7, Picked(eu, plan, 5, false), "a copy of a fresh plan");
            byte[] cfList = { 0x18, 0x4F, 0x84, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };   // 867.1 MHz (8671000 x 100 Hz) in channel 3
            Assert.IsTrue(eu.ApplyCfList(plan, cfList, 0), "CFList");
            Assert.AreEqual(0xF, Picked(eu, plan, 5, false), "the CFList's channel 3");
            plan.Reset();
            Assert.AreEqual(0x7, Picked(eu, plan, 5, false), "Reset: the default channels");
        }

        [TestMethod]
        public void SelectionIsReproducibleFromTheSeed()
        {
            Region us = Region.Create("US915");
            ChannelPlan a = us.CreateChannelPlan();
            ChannelPlan b = us.CreateChannelPlan();
            var ra = new XorShiftRandom(1234);
            var rb = new XorShiftRandom(1234);
            ulong wait;
            for (int i = 0; i < 20; i++)
                Assert.AreEqual(us.SelectChannel(a, 0, false, 0, 1000, null, ra, out wait), us.SelectChannel(b, 0, false, 0, 1000, null, rb, out wait), "same seed, same channels");
        }

        [TestMethod]
        public void Us915_Fsb2_UsesChannels8To15AndChannel65()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.SetSubBand(plan, 2), "FSB2");
            Assert.AreEqual(9, plan.EnabledCount, "8 + 1 channels");
            var random = new XorShiftRandom(2);
            ulong wait;
            int seen = 0;
            for (int i = 0; i < 8; i++)
            {
                int ch = us.SelectChannel(plan, 3, false, 0, 1000, null, random, out wait);
                Assert.IsTrue(ch >= 8 && ch <= 15, "125 kHz channel of FSB2: " + ch.ToString());
                Assert.AreEqual(0, seen & (1 << ch), "no channel repeats within a pass");
                seen |= 1 << ch;
            }
            Assert.AreEqual(0xFF00, seen, "one pass uses each of the eight channels once");
            Assert.AreEqual(65, us.SelectChannel(plan, 4, false, 0, 1000, null, random, out wait), "DR4 on channel 65");
            Assert.AreEqual(903000000u + 1600000u, plan.GetFrequency(65), "channel 65 = 904.6 MHz");
            Assert.AreEqual(903900000u, plan.GetFrequency(8), "channel 8 = 903.9 MHz");
            Assert.IsFalse(us.SetSubBand(plan, 9), "there are 8 sub-bands");
        }

        [TestMethod]
        public void Us915_JoinAlternates125kHzDr0And500kHzDr4OnFsb2()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            us.SetSubBand(plan, 2);
            var random = new XorShiftRandom(11);
            ulong wait;
            for (int attempt = 0; attempt < 8; attempt++)
            {
                int dr = us.GetJoinDataRate(plan, attempt, 0);
                Assert.AreEqual(attempt % 2 == 0 ? 0 : 4, dr, "attempt " + attempt.ToString());
                int ch = us.SelectChannel(plan, dr, true, 0, 1000, null, random, out wait);
                if (dr == 0) Assert.IsTrue(ch >= 8 && ch <= 15, "DR0 on FSB2");
                else Assert.AreEqual(65, ch, "DR4 on channel 65");
            }
        }

        [TestMethod]
        public void Us915_JoinWithAllChannels_ProbesEachGroupThenA500kHzChannel()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            var random = new XorShiftRandom(21);
            ulong wait;
            int groups = 0;
            for (int attempt = 0; attempt < 9; attempt++)
            {
                int dr = us.GetJoinDataRate(plan, attempt, 0);
                int ch = us.SelectChannel(plan, dr, true, 0, 1000, null, random, out wait);
                if (attempt < 8)
                {
                    Assert.AreEqual(0, dr, "eight 125 kHz attempts first");
                    groups |= 1 << (ch / 8);
                }
                else
                {
                    Assert.AreEqual(4, dr, "then one at DR4");
                    Assert.IsTrue(ch >= 64, "on a 500 kHz channel");
                }
            }
            Assert.AreEqual(0xFF, groups, "each group of eight probed once per pass");
        }

        [TestMethod]
        public void Au915_JoinUsesDr2AndDr6()
        {
            Region au = Region.Create("AU915");
            ChannelPlan plan = au.CreateChannelPlan();
            au.SetSubBand(plan, 2);
            Assert.AreEqual(2, au.GetJoinDataRate(plan, 0, 0), "125 kHz join at DR2 (dwell time)");
            Assert.AreEqual(6, au.GetJoinDataRate(plan, 1, 0), "500 kHz join at DR6");
            ulong wait;
            Assert.AreEqual(65, au.SelectChannel(plan, 6, true, 0, 1000, null, new XorShiftRandom(4), out wait), "DR6 on channel 65");
        }

        [DataRow("EU868", 0)]
        [DataRow("AS923-1", 2)]   // DR0/DR1 carry nothing under AS923's boot dwell time
        [DataRow("IN865", 0)]
        [DataRow("KR920", 0)]
        [TestMethod]
        public void DynamicPlans_JoinDataRateWithNoPreference_IsTheRegionDefault(string name, int expected)
        {
            // LoRaMac-node's PHY_DEF_TX_DR: EU868/IN865/KR920 DR_0, AS923 DR_2. Never −1 passed through.
            Region r = Region.Create(name);
            ChannelPlan plan = r.CreateChannelPlan();
            Assert.AreEqual(expected, r.GetJoinDataRate(plan, 0, -1), name);
            Assert.AreEqual(3, r.GetJoinDataRate(plan, 0, 3), name + ": a preference is kept");
        }

        [TestMethod]
        public void Rx1Frequency_FixedPlansUseUplinkChannelModulo8()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.AreEqual(923300000u, us.GetRx1Frequency(plan, 0), "ch 0 -> 923.3");
            Assert.AreEqual(923900000u, us.GetRx1Frequency(plan, 9), "ch 9 -> downlink 1 = 923.9");
            Assert.AreEqual(927500000u, us.GetRx1Frequency(plan, 15), "ch 15 -> downlink 7 = 927.5");
            Assert.AreEqual(923900000u, us.GetRx1Frequency(plan, 65), "ch 65 -> downlink 1");
            Region au = Region.Create("AU915");
            Assert.AreEqual(924500000u, au.GetRx1Frequency(au.CreateChannelPlan(), 10), "AU915 ch 10 -> downlink 2 = 924.5");
        }

        [TestMethod]
        public void JoinRequestsInDynamicPlansUseOnlyTheDefaultChannels()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            eu.ApplyNewChannel(plan, 3, 867100000, 0, 5);
            var random = new XorShiftRandom(8);
            ulong wait;
            for (int i = 0; i < 50; i++)
                Assert.IsTrue(eu.SelectChannel(plan, 0, true, 0, 1000, null, random, out wait) < 3, "join on 868.1/868.3/868.5");
        }
    }
}
