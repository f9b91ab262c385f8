using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// LinkADRReq ChMaskCntl/ChMask semantics (LoRaWAN 1.0.4 §5.3; RP002-1.0.4 family tables), applied the way
    /// the MAC applies a block: in order on a scratch copy, committed only if the result is valid.
    /// </summary>
    [TestClass]
    public class ChannelMaskTests
    {
        [TestMethod]
        public void EuLike_Cntl0_SetsChannels0To15()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.IsTrue(eu.ApplyChannelMask(plan, 0, 0x0005), "channels 0 and 2");
            Assert.IsTrue(plan.IsEnabled(0) && !plan.IsEnabled(1) && plan.IsEnabled(2), "mask applied");
        }

        [TestMethod]
        public void EuLike_Cntl0_EnablingAnUndefinedChannel_IsRefusedAndChangesNothing()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.IsFalse(eu.ApplyChannelMask(plan, 0, 0x0009), "channel 3 is not defined");
            Assert.AreEqual(3, plan.EnabledCount, "unchanged");
        }

        [TestMethod]
        public void EuLike_Cntl6_EnablesEveryDefinedChannel()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(3, eu.ApplyNewChannel(plan, 5, 867500000, 0, 5), "define channel 5");
            Assert.IsTrue(eu.ApplyChannelMask(plan, 0, 0x0001), "only channel 0");
            Assert.IsTrue(eu.ApplyChannelMask(plan, 6, 0x0000), "ChMaskCntl 6 ignores ChMask");
            Assert.AreEqual(4, plan.EnabledCount, "0, 1, 2 and 5");
            Assert.IsTrue(plan.IsEnabled(5), "channel 5 on");
        }

        [TestMethod]
        public void EuLike_RfuCntl_IsRefused()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            for (int cntl = 1; cntl <= 7; cntl++)
                if (cntl != 6) Assert.IsFalse(eu.ApplyChannelMask(plan, cntl, 0x0001), "ChMaskCntl " + cntl.ToString() + " is RFU");
        }

        [TestMethod]
        public void EuLike_AllChannelsOff_FailsTheBlockCheck()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.IsTrue(eu.ApplyChannelMask(plan, 0, 0x0000), "the pair itself parses");
            Assert.IsFalse(eu.HasEnabledChannel(plan), "but a block may not disable every channel");
        }

        [TestMethod]
        public void UsLike_Cntl0To3_SetBlocksOf16()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.ApplyChannelMask(plan, 7, 0x0000), "all off");
            Assert.IsTrue(us.ApplyChannelMask(plan, 2, 0x8001), "channels 32 and 47");
            Assert.IsTrue(plan.IsEnabled(32) && plan.IsEnabled(47), "32, 47 on");
            Assert.AreEqual(2, plan.EnabledCount, "nothing else");
        }

        [TestMethod]
        public void UsLike_Cntl4_Sets500kHzChannels()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.ApplyChannelMask(plan, 4, 0xFF02), "bits 8..15 are RFU and ignored");
            Assert.IsTrue(plan.IsEnabled(65), "channel 65");
            Assert.IsFalse(plan.IsEnabled(64), "channel 64 off");
            Assert.IsTrue(plan.IsEnabled(0), "125 kHz channels untouched");
            Assert.AreEqual(65, plan.EnabledCount, "64 + 1");
        }

        [TestMethod]
        public void UsLike_Cntl5_SwitchesBanksOfEightAndTheir500kHzChannel()
        {
            // RP002-1.0.4 US902-928: ChMaskCntl 5, ChMask bit n = channels 8n..8n+7 and channel 64+n.
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.ApplyChannelMask(plan, 5, 0x0002), "bank 1 only");
            for (int ch = 0; ch < 72; ch++)
                Assert.AreEqual((ch >= 8 && ch <= 15) || ch == 65, plan.IsEnabled(ch), "channel " + ch.ToString());
        }

        [TestMethod]
        public void UsLike_Cntl6And7_SwitchAll125kHzAndSet500kHzFromTheMask()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.ApplyChannelMask(plan, 7, 0x0001), "all 125 kHz off, channel 64 on");
            Assert.AreEqual(1, plan.EnabledCount, "only 64");
            Assert.IsTrue(plan.IsEnabled(64), "64");
            Assert.IsTrue(us.ApplyChannelMask(plan, 6, 0x0080), "all 125 kHz on, channel 71 on");
            Assert.AreEqual(65, plan.EnabledCount, "64 + 1");
            Assert.IsTrue(plan.IsEnabled(71) && !plan.IsEnabled(64), "71 only among the 500 kHz channels");
        }

        [TestMethod]
        public void UsLike_TtnFsb2Block_SelectsChannels8To15And65()
        {
            // The block a network sends to move a device onto FSB2: ChMaskCntl 7 (+ 500 kHz mask), then 0.
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            ChannelPlan scratch = us.CreateChannelPlan();
            scratch.CopyFrom(plan);
            bool ok = us.ApplyChannelMask(scratch, 7, 0x0002) && us.ApplyChannelMask(scratch, 0, 0xFF00);
            Assert.IsTrue(ok && us.HasEnabledChannel(scratch) && us.IsDataRateAvailable(scratch, 0), "block accepted");
            plan.CopyFrom(scratch);
            for (int ch = 0; ch < 72; ch++)
                Assert.AreEqual((ch >= 8 && ch <= 15) || ch == 65, plan.IsEnabled(ch), "channel " + ch.ToString());
        }

        [TestMethod]
        public void UsLike_RfuCntl_IsRefused()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsFalse(us.ApplyChannelMask(plan, 8, 0xFFFF), "ChMaskCntl 8 does not exist");
        }

        [TestMethod]
        public void UplinkDataRateUsable_OnlyForSupportedUplinkRatesWithAPayload()
        {
            // RP002-1.0.4: US915 DR8..DR13 are downlink only; EU868 DR8..DR11 are LR-FHSS (uplink, not sent by this stack),
            // DR7 is GFSK, DR12..DR14 RFU; AS923 DR0 has no payload under UplinkDwellTime (its M is "N/A").
            Region us = Region.Create("US915");
            ChannelPlan usPlan = us.CreateChannelPlan();
            Assert.IsTrue(us.IsUplinkDataRateUsable(usPlan, 3), "US915 DR3 (SF7/125 uplink)");
            Assert.IsFalse(us.IsUplinkDataRateUsable(usPlan, 8), "US915 DR8 is downlink only");
            Assert.IsFalse(us.IsUplinkDataRateUsable(usPlan, 13), "US915 DR13 is downlink only");
            Region eu = Region.Create("EU868");
            ChannelPlan euPlan = eu.CreateChannelPlan();
            Assert.IsTrue(eu.IsUplinkDataRateUsable(euPlan, 5), "EU868 DR5 (LoRa)");
            Assert.IsTrue(eu.IsUplinkDataRateUsable(euPlan, 7), "EU868 DR7 (GFSK)");
            Assert.IsFalse(eu.IsUplinkDataRateUsable(euPlan, 8), "EU868 DR8 is LR-FHSS");
            Assert.IsFalse(eu.IsUplinkDataRateUsable(euPlan, 12), "EU868 DR12 is RFU");
            Assert.IsFalse(eu.IsUplinkDataRateUsable(euPlan, -1), "below the table");
            Assert.IsFalse(eu.IsUplinkDataRateUsable(euPlan, 16), "past the table");
            Region as923 = Region.Create("AS923-1");
            ChannelPlan asPlan = as923.CreateChannelPlan();
            asPlan.UplinkDwellTime = false;
            Assert.IsTrue(as923.IsUplinkDataRateUsable(asPlan, 0), "AS923 DR0 without dwell time");
            asPlan.UplinkDwellTime = true;
            Assert.IsFalse(as923.IsUplinkDataRateUsable(asPlan, 0), "AS923 DR0 under dwell time");
            Assert.IsTrue(as923.IsUplinkDataRateUsable(asPlan, 2), "AS923 DR2 under dwell time");
        }

        [TestMethod]
        public void DataRateAvailability_FollowsTheEnabledChannels()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.ApplyChannelMask(plan, 7, 0x0001), "only channel 64 (500 kHz)");
            Assert.IsFalse(us.IsDataRateAvailable(plan, 0), "DR0 needs a 125 kHz channel");
            Assert.IsTrue(us.IsDataRateAvailable(plan, 4), "DR4 on channel 64");
            Assert.IsFalse(us.IsDataRateAvailable(plan, 8), "DR8 is downlink only");

            Region au = Region.Create("AU915");
            ChannelPlan auPlan = au.CreateChannelPlan();
            Assert.IsFalse(au.IsDataRateAvailable(auPlan, 0), "AU915 DR0 is not allowed under the boot dwell time");
            auPlan.UplinkDwellTime = false;
            Assert.IsTrue(au.IsDataRateAvailable(auPlan, 0), "allowed without dwell time");
        }

        // Region.IsDataRateAvailable keeps its last "available" answer in the plan until ChannelPlan.Version changes
        // (issue 20): each test asks first, so that a change the version misses would return the stale answer.
        [TestMethod]
        public void DataRateAvailability_FollowsAnUplinkDwellTimeChange()
        {
            Region as923 = Region.Create("AS923-1");
            ChannelPlan plan = as923.CreateChannelPlan();
            plan.UplinkDwellTime = false;
            Assert.IsTrue(as923.IsDataRateAvailable(plan, 0), "AS923 DR0 without dwell time");
            plan.UplinkDwellTime = true;   // TxParamSetupReq between two uplinks
            // RP002-1.0.4 AS923 maximum payload, UplinkDwellTime = 1: DR0 and DR1 "N/A".
            Assert.IsFalse(as923.IsDataRateAvailable(plan, 0), "AS923 DR0 under dwell time");
            Assert.IsTrue(as923.IsDataRateAvailable(plan, 2), "AS923 DR2 under dwell time");
            plan.UplinkDwellTime = false;
            Assert.IsTrue(as923.IsDataRateAvailable(plan, 0), "DR0 again without dwell time");
        }

        [TestMethod]
        public void DataRateAvailability_FollowsAFixedPlanMaskChange()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.IsDataRateAvailable(plan, 4), "DR4 on channels 64..71 at boot");
            Assert.IsTrue(us.ApplyChannelMask(plan, 4, 0x0000), "ChMaskCntl 4: the 500 kHz channels off");
            Assert.IsFalse(us.IsDataRateAvailable(plan, 4), "DR4 needs a 500 kHz channel");
            Assert.IsTrue(us.IsDataRateAvailable(plan, 0), "DR0 on the 125 kHz channels");
            Assert.IsTrue(us.ApplyChannelMask(plan, 7, 0x0001), "ChMaskCntl 7: 125 kHz off, channel 64 on");
            Assert.IsFalse(us.IsDataRateAvailable(plan, 0), "DR0 needs a 125 kHz channel");
            Assert.IsTrue(us.SetSubBand(plan, 2), "FSB2");
            Assert.IsTrue(us.IsDataRateAvailable(plan, 0), "DR0 on channels 8..15");
            Assert.IsTrue(us.ApplyCfList(plan, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, 0), "CFList: channel 64 only");
            Assert.IsFalse(us.IsDataRateAvailable(plan, 0), "DR0 after the CFList");
        }
    }
}
