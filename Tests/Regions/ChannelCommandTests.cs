using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// NewChannelReq / DlChannelReq validity (LoRaWAN 1.0.4 §5.7, §5.8; answers: bit 0 frequency ok, bit 1 DR
    /// range ok / uplink frequency exists) and TxParamSetupReq (§5.12, AS923 and AU915 only).
    /// </summary>
    [TestClass]
    public class ChannelCommandTests
    {
        [TestMethod]
        public void NewChannel_ValidRequestDefinesAndEnablesTheChannel()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(3, eu.ApplyNewChannel(plan, 3, 867100000, 0, 5), "both bits");
            Assert.AreEqual(867100000u, plan.GetFrequency(3), "frequency");
            Assert.IsTrue(plan.IsEnabled(3), "enabled");
            Assert.AreEqual(867100000u, eu.GetRx1Frequency(plan, 3), "RX1 on the uplink frequency");
        }

        [TestMethod]
        public void NewChannel_DefaultChannelsCannotBeModified()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(0, eu.ApplyNewChannel(plan, 1, 867100000, 0, 5), "channel 1 is a default channel");
            Assert.AreEqual(868300000u, plan.GetFrequency(1), "unchanged");
            Assert.AreEqual(0, eu.ApplyNewChannel(plan, 0, 0, 0, 0), "cannot remove a default channel either");
        }

        [TestMethod]
        public void NewChannel_BadFrequencyOrRange_ReportsWhichAndChangesNothing()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(2, eu.ApplyNewChannel(plan, 4, 915000000, 0, 5), "frequency outside 863-870 MHz");
            Assert.AreEqual(2, eu.ApplyNewChannel(plan, 4, 868650000, 0, 5), "868.65 MHz is between sub-bands");
            Assert.AreEqual(1, eu.ApplyNewChannel(plan, 4, 867100000, 5, 2), "min > max");
            Assert.AreEqual(1, eu.ApplyNewChannel(plan, 4, 867100000, 0, 12), "DR12 is not defined");
            Assert.AreEqual(0, eu.ApplyNewChannel(plan, 4, 915000000, 5, 2), "both wrong");
            Assert.AreEqual(0u, plan.GetFrequency(4), "nothing defined");
            Assert.AreEqual(0, eu.ApplyNewChannel(plan, 16, 867100000, 0, 5), "ChIndex 16 does not exist");
        }

        [TestMethod]
        public void NewChannel_FrequencyZeroRemovesTheChannel()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(3, eu.ApplyNewChannel(plan, 7, 867900000, 0, 5), "define");
            Assert.AreEqual(3, eu.ApplyNewChannel(plan, 7, 0, 0, 0), "remove");
            Assert.AreEqual(0u, plan.GetFrequency(7), "gone");
            Assert.IsFalse(plan.IsEnabled(7), "disabled");
        }

        [TestMethod]
        public void NewChannel_InAs923_UsesTheGroupsRange()
        {
            Region as2 = Region.Create("AS923-2");
            ChannelPlan plan = as2.CreateChannelPlan();
            Assert.AreEqual(3, as2.ApplyNewChannel(plan, 2, 921800000, 0, 5), "921.8 MHz in AS923-2 (920-923 MHz)");
            Assert.AreEqual(2, as2.ApplyNewChannel(plan, 3, 923600000, 0, 5), "923.6 MHz outside AS923-2");
        }

        [TestMethod]
        public void NewChannel_IsNotImplementedInFixedPlans()
        {
            Region us = Region.Create("US915");
            Assert.IsFalse(us.SupportsChannelCommands, "US915 has no NewChannelReq");
            Assert.AreEqual(0, us.ApplyNewChannel(us.CreateChannelPlan(), 3, 903100000, 0, 3), "nothing accepted");
        }

        [TestMethod]
        public void DlChannel_MovesRx1OfAnExistingChannel()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.AreEqual(3, eu.ApplyDlChannel(plan, 0, 869525000), "RX1 of channel 0 to 869.525 MHz");
            Assert.AreEqual(869525000u, eu.GetRx1Frequency(plan, 0), "moved");
            Assert.AreEqual(868100000u, plan.GetFrequency(0), "uplink unchanged");
            Assert.AreEqual(1, eu.ApplyDlChannel(plan, 9, 869525000), "channel 9 has no uplink frequency");
            Assert.AreEqual(2, eu.ApplyDlChannel(plan, 1, 915000000), "frequency not allowed");
            Assert.AreEqual(868300000u, eu.GetRx1Frequency(plan, 1), "unchanged");
        }

        [TestMethod]
        public void TxParamSetup_SetsDwellTimesAndMaxEirp()
        {
            Region as1 = Region.Create("AS923-1");
            ChannelPlan plan = as1.CreateChannelPlan();
            Assert.IsTrue(plan.UplinkDwellTime && plan.DownlinkDwellTime, "AS923 boots with both dwell limits");
            // 0x0D: no dwell limits, MaxEIRP code 13 = 30 dBm.
            Assert.IsTrue(as1.ApplyTxParamSetup(plan, 0x0D), "AS923 implements TxParamSetupReq");
            Assert.IsFalse(plan.UplinkDwellTime, "uplink dwell off");
            Assert.IsFalse(plan.DownlinkDwellTime, "downlink dwell off");
            Assert.AreEqual(30, plan.MaxEirpDbm, "code 13 = 30 dBm");
            Assert.AreEqual(26, as1.GetTxPowerEirpDbm(plan, 2), "TXPower 2 = MaxEIRP - 4 dB");
            Assert.AreEqual(59, as1.GetMaxMacPayload(plan, 0), "DR0 allowed again");
            Assert.AreEqual(0, as1.GetRx1DataRate(plan, 2, 5), "RX1 MinDR 0 without downlink dwell");
            Assert.IsTrue(as1.ApplyTxParamSetup(plan, 0x35), "both dwell limits, code 5 = 16 dBm");
            Assert.IsTrue(plan.UplinkDwellTime && plan.DownlinkDwellTime, "dwell on");
            Assert.AreEqual(16, plan.MaxEirpDbm, "16 dBm");
            Assert.AreEqual(2, as1.GetRx1DataRate(plan, 2, 5), "RX1 MinDR 2 with downlink dwell");
        }

        [TestMethod]
        public void TxParamSetup_IsIgnoredWhereNotImplemented()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.IsFalse(eu.ApplyTxParamSetup(plan, 0x3F), "EU868 does not implement it");
            Assert.AreEqual(16, plan.MaxEirpDbm, "unchanged");
            Assert.IsFalse(plan.UplinkDwellTime, "unchanged");
        }

        [TestMethod]
        public void MaxEirpCodes_MatchTheSpecificationTable()
        {
            int[] dbm = { 8, 10, 12, 13, 14, 16, 18, 20, 21, 24, 26, 27, 29, 30, 33, 36 };
            for (int i = 0; i < 16; i++) Assert.AreEqual(dbm[i], Region.DecodeMaxEirp(i), "code " + i.ToString());
        }
    }
}
