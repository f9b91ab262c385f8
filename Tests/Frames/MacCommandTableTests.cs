using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Frames
{
    /// <summary>The table against the payload sizes of LoRaWAN 1.0.4 §5 and 1.1 §5, written out here by hand.</summary>
    [TestClass]
    public class MacCommandTableTests
    {
        static void Row(int cid, string upName, int upLength, string downName, int downLength)
        {
            MacCommandInfo info = MacCommandTable.Find(cid);
            Assert.IsNotNull(info, "CID " + cid.ToString());
            Assert.AreEqual(upName, info.UplinkName, "uplink name of " + downName);
            Assert.AreEqual(upLength, info.UplinkLength, "uplink length of " + upName);
            Assert.AreEqual(downName, info.DownlinkName, "downlink name of " + upName);
            Assert.AreEqual(downLength, info.DownlinkLength, "downlink length of " + downName);
            // The compact rows the device reads (MacCommandTable.PayloadLength) say the same.
            Assert.AreEqual(upLength, MacCommandTable.PayloadLength(cid, false), "device's uplink length of CID " + cid.ToString());
            Assert.AreEqual(downLength, MacCommandTable.PayloadLength(cid, true), "device's downlink length of CID " + cid.ToString());
        }

        [TestMethod]
        public void CompactRows_KnowNoOtherCid()
        {
            int[] unknown = { -1, 0x00, 0x14, 0x1F, 0x21, 0x80, 0xFF, 256 };
            for (int i = 0; i < unknown.Length; i++)
            {
                Assert.AreEqual(-1, MacCommandTable.PayloadLength(unknown[i], true), "downlink " + unknown[i].ToString());
                Assert.AreEqual(-1, MacCommandTable.PayloadLength(unknown[i], false), "uplink " + unknown[i].ToString());
                Assert.IsFalse(MacCommandTable.IsStickyAnswer(unknown[i]), "sticky " + unknown[i].ToString());
            }
        }

        [TestMethod]
        public void Lengths_MatchTheSpecificationPayloadTables()
        {
            Row(0x01, "ResetInd", 1, "ResetConf", 1);
            Row(0x02, "LinkCheckReq", 0, "LinkCheckAns", 2);
            Row(0x03, "LinkADRAns", 1, "LinkADRReq", 4);
            Row(0x04, "DutyCycleAns", 0, "DutyCycleReq", 1);
            Row(0x05, "RXParamSetupAns", 1, "RXParamSetupReq", 4);
            Row(0x06, "DevStatusAns", 2, "DevStatusReq", 0);
            Row(0x07, "NewChannelAns", 1, "NewChannelReq", 5);
            Row(0x08, "RXTimingSetupAns", 0, "RXTimingSetupReq", 1);
            Row(0x09, "TXParamSetupAns", 0, "TXParamSetupReq", 1);
            Row(0x0A, "DlChannelAns", 1, "DlChannelReq", 4);
            Row(0x0B, "RekeyInd", 1, "RekeyConf", 1);
            Row(0x0C, "ADRParamSetupAns", 0, "ADRParamSetupReq", 1);
            Row(0x0D, "DeviceTimeReq", 0, "DeviceTimeAns", 5);
            Row(0x0E, null, -1, "ForceRejoinReq", 2);
            Row(0x0F, "RejoinParamSetupAns", 1, "RejoinParamSetupReq", 1);
            Row(0x20, "DeviceModeInd", 1, "DeviceModeConf", 1);
        }

        [TestMethod]
        public void StickyAnswers_AreExactlyTheDownlinkParameterCommands()
        {
            // 1.0.4: RXParamSetupAns, DlChannelAns, RXTimingSetupAns (and TXParamSetupAns); Class B PingSlotChannelAns.
            Assert.IsTrue(MacCommandTable.Find(Cid.RxParamSetup).IsStickyAnswer, "RXParamSetupAns");
            int[] stickyCids = { Cid.RxParamSetup, Cid.RxTimingSetup, Cid.DlChannel, Cid.TxParamSetup, Cid.PingSlotChannel };
            for (int cid = 0; cid < 0x21; cid++)
            {
                bool expected = false;
                for (int k = 0; k < stickyCids.Length; k++) if (stickyCids[k] == cid) expected = true;
                Assert.AreEqual(expected, MacCommandTable.IsStickyAnswer(cid), "device's sticky flag of CID " + cid.ToString());
            }
            Assert.IsTrue(MacCommandTable.Find(Cid.RxTimingSetup).IsStickyAnswer, "RXTimingSetupAns");
            Assert.IsTrue(MacCommandTable.Find(Cid.DlChannel).IsStickyAnswer, "DlChannelAns");
            Assert.IsTrue(MacCommandTable.Find(Cid.TxParamSetup).IsStickyAnswer, "TXParamSetupAns");
            Assert.IsTrue(MacCommandTable.Find(Cid.PingSlotChannel).IsStickyAnswer, "PingSlotChannelAns");
            int sticky = 0;
            for (int i = 0; i < MacCommandTable.All.Length; i++) if (MacCommandTable.All[i].IsStickyAnswer) sticky++;
            Assert.AreEqual(5, sticky, "no other command is sticky");
        }

        [TestMethod]
        public void IndicationsRepeatedUntilConf_AreResetRekeyDeviceMode()
        {
            Assert.IsTrue((MacCommandTable.Find(Cid.Reset).Flags & MacCommandFlags.RepeatUntilConf) != 0, "ResetInd");
            Assert.IsTrue((MacCommandTable.Find(Cid.Rekey).Flags & MacCommandFlags.RepeatUntilConf) != 0, "RekeyInd");
            Assert.IsTrue((MacCommandTable.Find(Cid.DeviceMode).Flags & MacCommandFlags.RepeatUntilConf) != 0, "DeviceModeInd");
            Assert.IsTrue((MacCommandTable.Find(Cid.LinkAdr).Flags & MacCommandFlags.RepeatUntilConf) == 0, "LinkADR is not");
        }

        [TestMethod]
        public void Versions_NameWhereEachCommandAppeared()
        {
            Assert.AreEqual((int)LoRaWanVersion.V1_0, (int)MacCommandTable.Find(Cid.LinkAdr).Since, "LinkADR");
            Assert.AreEqual((int)LoRaWanVersion.V1_0_2, (int)MacCommandTable.Find(Cid.TxParamSetup).Since, "TxParamSetup");
            Assert.AreEqual((int)LoRaWanVersion.V1_0_2, (int)MacCommandTable.Find(Cid.DlChannel).Since, "DlChannel");
            Assert.AreEqual((int)LoRaWanVersion.V1_0_3, (int)MacCommandTable.Find(Cid.DeviceTime).Since, "DeviceTime");
            Assert.AreEqual((int)LoRaWanVersion.V1_1, (int)MacCommandTable.Find(Cid.ForceRejoin).Since, "ForceRejoin");
            Assert.AreEqual((int)LoRaWanVersion.V1_1, (int)MacCommandTable.Find(Cid.Reset).Since, "Reset");
        }

        [TestMethod]
        public void UnknownAndProprietaryCids_AreNotFound()
        {
            Assert.IsNull(MacCommandTable.Find(0x00), "0x00");
            Assert.IsNull(MacCommandTable.Find(0x14), "0x14");
            Assert.IsNull(MacCommandTable.Find(0x1F), "0x1F");
            Assert.IsNull(MacCommandTable.Find(0x21), "0x21");
            Assert.IsNull(MacCommandTable.Find(0x80), "0x80 proprietary");
            Assert.IsNull(MacCommandTable.Find(0xFF), "0xFF");
            Assert.IsNull(MacCommandTable.Find(-1), "-1");
            Assert.AreEqual(-1, MacCommandTable.PayloadLength(0x0E, false), "ForceRejoin has no uplink form");
        }

        [TestMethod]
        public void Rows_HaveUniqueCidsInOrder()
        {
            for (int i = 1; i < MacCommandTable.All.Length; i++)
                Assert.IsTrue(MacCommandTable.All[i - 1].Cid < MacCommandTable.All[i].Cid, "row " + i.ToString());
        }
    }
}
