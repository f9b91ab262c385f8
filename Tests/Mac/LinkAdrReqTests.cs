using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// LinkADRReq / LinkADRAns (LoRaWAN 1.0.4 §5.3) on a scripted radio. Requests and expected answers are written
    /// out by hand from the spec's byte layout: LinkADRReq = 03 | DataRate(7..4) TXPower(3..0) | ChMask (LE) |
    /// Redundancy (ChMaskCntl 6..4, NbTrans 3..0); LinkADRAns = 03 | Status (bit 2 power, bit 1 data rate, bit 0
    /// channel mask). EU868 (RP002-1.0.4): DR0 = SF12, DR5 = SF7, max EIRP 16 dBm, TXPower n = 16 − 2n dBm; the rig's
    /// radio power is EIRP − 2 dBi antenna gain. Default channels 0..2 = 868.1/868.3/868.5 MHz.
    /// </summary>
    [TestClass]
    public class LinkAdrReqTests
    {
        [TestMethod]
        public void LinkAdrReq_Accepted_AnsweredAndNextUplinkUsesDrPowerAndMask()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            // DR5, TXPower 2, ChMask 0x0002 (channel 1 only), ChMaskCntl 0, NbTrans 1.
            rig.DeliverNext(CommandRig.Down(1, "03 52 0200 01"));
            rig.Send();
            Assert.AreEqual(12, (int)rig.Radio.SentSf[0], "first uplink at DR0 (SF12)");
            rig.Send();
            Assert.AreEqual("0307", CommandRig.FOpts(rig.Sent(-1)), "LinkADRAns: power, data rate and mask ACK");
            Assert.AreEqual(5, CommandRig.At(rig.TxDataRate, -1), "DR5");
            Assert.AreEqual(7, (int)rig.Radio.SentSf[rig.Radio.SentSf.Count - 1], "SF7");
            Assert.AreEqual(16 - 2 * 2 - 2, CommandRig.At(rig.TxPower, -1), "TXPower 2 = 12 dBm EIRP, 10 dBm at the radio");
            for (int i = 0; i < 4; i++) rig.Send();
            for (int i = 1; i < rig.TxChannel.Count; i++) Assert.AreEqual(1, CommandRig.At(rig.TxChannel, i), "only channel 1 is enabled");
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(-1)), "LinkADRAns is not sticky: sent once");
        }

        [TestMethod]
        public void LinkAdrReq_NbTrans2_NextUplinkIsSentTwice()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "03 50 0700 02"));
            rig.Send();
            rig.Send();
            Assert.AreEqual(3, rig.Radio.Sent.Count, "the answer uplink goes out NbTrans = 2 times");
            Assert.AreEqual(MacTestRig.FCntOf(rig.Sent(1)), MacTestRig.FCntOf(rig.Sent(2)), "same FCnt");
            Assert.AreEqual("0307", CommandRig.FOpts(rig.Sent(2)));
        }

        [TestMethod]
        public void LinkAdrReq_KeepValues_ChangeOnlyTheMask()
        {
            // LoRaWAN 1.0.4: DataRate 0xF and TXPower 0xF keep the current values; NbTrans 0 keeps the current NbTrans.
            var rig = new CommandRig("EU868", CommandRig.Adr(3));
            rig.DeliverNext(CommandRig.Down(1, "03 FF 0400 00"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0307", CommandRig.FOpts(rig.Sent(-1)));
            Assert.AreEqual(3, CommandRig.At(rig.TxDataRate, -1), "DR kept");
            Assert.AreEqual(14, CommandRig.At(rig.TxPower, -1), "power kept (TXPower 0)");
            Assert.AreEqual(2, CommandRig.At(rig.TxChannel, -1), "ChMask 0x0004: channel 2");
            Assert.AreEqual(2, rig.Radio.Sent.Count, "NbTrans kept at 1");
        }

        [TestMethod]
        [DataRow("03 58 0700 01", "0303", "TXPower 8 is not defined in EU868 (0..7): power NACK")]
        [DataRow("03 C0 0700 01", "0305", "DR12 is RFU in EU868: data rate NACK")]
        [DataRow("03 60 0700 01", "0305", "DR6 (SF7/250 kHz) is carried by no enabled channel: data rate NACK")]
        [DataRow("03 50 2000 01", "0306", "ChMask enables channel 5, which is not defined: mask NACK")]
        [DataRow("03 50 0000 01", "0306", "ChMask 0 leaves no channel: mask NACK")]
        [DataRow("03 50 0700 11", "0306", "ChMaskCntl 1 is RFU in EU868: mask NACK")]
        [DataRow("03 C8 2000 01", "0300", "everything wrong: all NACK")]
        public void LinkAdrReq_Rejected_NackBitsAndNothingApplied(string request, string answer, string why)
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            rig.DeliverNext(CommandRig.Down(1, request));
            rig.Send();
            rig.Send();
            Assert.AreEqual(answer, CommandRig.FOpts(rig.Sent(-1)), why);
            Assert.AreEqual(0, CommandRig.At(rig.TxDataRate, -1), "data rate unchanged: " + why);
            Assert.AreEqual(14, CommandRig.At(rig.TxPower, -1), "power unchanged: " + why);
            Assert.AreEqual(3, rig.Mac.Session.Plan.EnabledCount, "mask unchanged: " + why);
        }

        [TestMethod]
        public void LinkAdrReqBlock_OneInvalidMask_AppliesNothingAndAnswersEachCommand()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            // Block of three: valid, valid, and a ChMaskCntl 3 (RFU in EU868). DR5/TXPower 1 come from the last.
            rig.DeliverNext(CommandRig.Down(1, "03 51 0100 01 03 51 0300 01 03 51 0700 31"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("030603060306", CommandRig.FOpts(rig.Sent(-1)), "one LinkADRAns per LinkADRReq, all with the block's status");
            Assert.AreEqual(0, CommandRig.At(rig.TxDataRate, -1), "DR unchanged");
            Assert.AreEqual(14, CommandRig.At(rig.TxPower, -1), "power unchanged");
            Assert.AreEqual(3, rig.Mac.Session.Plan.EnabledCount, "mask unchanged");
        }

        [TestMethod]
        public void LinkAdrReqBlock_Valid_MasksAppliedInOrderSettingsFromTheLast()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            // A NewChannelReq (channel 3) then a block: ChMask 0x0001, then ChMaskCntl 6 (all defined on) with DR4/TXPower 3.
            rig.DeliverNext(CommandRig.DownPort0(1, "07 03 184F84 50 03 20 0100 01 03 43 0000 61"));   // 16 bytes: FPort 0
            rig.Send();
            rig.Send();
            Assert.AreEqual("0703" + "0307" + "0307", CommandRig.FOpts(rig.Sent(-1)));
            Assert.AreEqual(4, rig.Mac.Session.Plan.EnabledCount, "channels 0..3 enabled by ChMaskCntl 6");
            Assert.AreEqual(4, CommandRig.At(rig.TxDataRate, -1), "DR4 from the last command");
            Assert.AreEqual(16 - 6 - 2, CommandRig.At(rig.TxPower, -1), "TXPower 3 from the last command");
        }

        [TestMethod]
        public void LinkAdrReq_AdrOff_OnlyTheMaskIsTaken()
        {
            LoRaWanOptions o = CommandRig.Adr(0);
            o.Adr = false;
            var rig = new CommandRig("EU868", o);
            rig.DeliverNext(CommandRig.Down(1, "03 52 0100 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0301", CommandRig.FOpts(rig.Sent(-1)), "mask ACK only: the device keeps its own data rate and power");
            Assert.AreEqual(0, CommandRig.At(rig.TxDataRate, -1));
            Assert.AreEqual(0, CommandRig.At(rig.TxChannel, -1), "ChMask 0x0001: channel 0");
        }

        [TestMethod]
        public void LinkAdrReq_Us915ChMaskCntl7And0_SelectsOneSubBand()
        {
            // US915 (RP002-1.0.4): ChMaskCntl 7 = all 125 kHz channels off, ChMask bits 0..7 = 500 kHz channels 64..71;
            // then ChMaskCntl 0 = channels 0..15. Block: [7, 0x0002 → channel 65] [0, 0xFF00 → channels 8..15, DR3].
            var rig = new CommandRig("US915", CommandRig.Adr(0));
            rig.DeliverNext(CommandRig.Down(1, "03 30 0200 70 03 30 00FF 01"));
            rig.Send();
            for (int i = 0; i < 6; i++) rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(-1)));
            Assert.AreEqual("03070307", CommandRig.FOpts(rig.Sent(1)));
            Assert.AreEqual(9, rig.Mac.Session.Plan.EnabledCount, "8 + 1 channels");
            for (int i = 1; i < rig.TxChannel.Count; i++)
            {
                int ch = CommandRig.At(rig.TxChannel, i);
                Assert.IsTrue(ch >= 8 && ch <= 15, "channel " + ch.ToString() + " outside FSB2");
                Assert.AreEqual(3, CommandRig.At(rig.TxDataRate, i), "DR3");
            }
        }

        [TestMethod]
        public void LinkAdrReqNbTransZero_MeansTheDefaultOne()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "03 50 0700 03"));   // DR5, power 0, channels 0..2, NbTrans 3
            rig.Send();
            Assert.AreEqual(3, rig.Mac.Session.NbTrans);
            rig.DeliverNext(CommandRig.Down(2, "03 50 0700 00"));   // NbTrans 0
            rig.Send();
            Assert.AreEqual(1, rig.Mac.Session.NbTrans, "LoRaWAN 1.0.4 §5.3: NbTrans 0 = the default, 1");
        }
    }
}
