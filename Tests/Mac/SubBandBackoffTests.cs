using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// US915/AU915 channel masks and the application's sub-band. The last step of the ADR back-off (LoRaWAN 1.0.4
    /// §4.3.1.1) re-enables the default channels: for a device configured on The Things Network's FSB2 (SubBand 2:
    /// channels 8–15 and 65) that is FSB2, not all 72 channels (LoRaMac-node restores its ChannelsDefaultMask,
    /// RegionUS915InitDefaults INIT_TYPE_ACTIVATE_DEFAULT_CHANNELS). And LinkADRReq may not leave fewer than two 125 kHz
    /// channels for a 125 kHz data rate (FCC 15.247; LoRaMac-node RegionUS915LinkAdrReq / RegionAU915LinkAdrReq).
    /// LoRaWanOptions.ChannelMask, the application's own mask, is the default instead of a sub-band when set.
    /// </summary>
    [TestClass]
    public class SubBandBackoffTests
    {
        static LoRaWanOptions Fsb2Backoff()
        {
            LoRaWanOptions o = CommandRig.Adr(3);
            o.SubBand = 2;
            o.AdrAckLimit = 1;
            o.AdrAckDelay = 1;   // ADR_ACK_CNT 2: power, 3..: one data rate lower each uplink, then the default channels
            return o;
        }

        static bool IsFsb2(int channel)
        {
            return (channel >= 8 && channel <= 15) || channel == 65;
        }

        static void AssertFsb2(ChannelPlan plan, string why)
        {
            for (int ch = 0; ch < 72; ch++)
                Assert.AreEqual(IsFsb2(ch), plan.IsEnabled(ch), "channel " + ch.ToString() + " " + why);
        }

        [TestMethod]
        [DataRow("US915")]
        [DataRow("AU915")]
        public void AdrBackoff_OnFsb2_RestoresFsb2_NotAll72Channels(string regionName)
        {
            var rig = new CommandRig(regionName, Fsb2Backoff());
            AssertFsb2(rig.Mac.Session.Plan, "at start (SubBand 2)");
            // LinkADRReq: DR3, TXPower 0, ChMaskCntl 0 with ChMask 0x0300: channels 8 and 9 (and 65 stays).
            rig.DeliverNext(CommandRig.Down(1, "03 30 0003 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0307", CommandRig.FOpts(rig.Sent(-1)), "LinkADRAns all ACK");
            Assert.AreEqual(3, rig.Mac.Session.Plan.EnabledCount, "channels 8, 9 and 65");
            // No downlink any more: the back-off walks down to the lowest rate, then restores the default channels.
            for (int i = 0; i < 8; i++) rig.Send();
            AssertFsb2(rig.Mac.Session.Plan, "after the back-off");
            int from = rig.TxChannel.Count;
            for (int i = 0; i < 27; i++) rig.Send();
            for (int i = from; i < rig.TxChannel.Count; i++)
                Assert.IsTrue(IsFsb2(CommandRig.At(rig.TxChannel, i)), "uplink on FSB2, not channel " + CommandRig.At(rig.TxChannel, i).ToString());

            // Reset: the restored session keeps FSB2, and its next back-off comes back to FSB2 again.
            var second = new CommandRig(regionName, Fsb2Backoff(), rig.Flash, new VirtualScheduler());
            AssertFsb2(second.Mac.Session.Plan, "restored after a reset");
            second.DeliverNext(CommandRig.Down(2, "03 30 0003 01"));
            second.Send();
            for (int i = 0; i < 9; i++) second.Send();
            AssertFsb2(second.Mac.Session.Plan, "after a back-off of the restored session");
        }

        [TestMethod]
        public void AdrBackoff_RestoresTheApplicationsOwnChannelMask()
        {
            LoRaWanOptions o = Fsb2Backoff();
            o.SubBand = 0;
            // FSB2 and FSB3: channels 8..23 and the 500 kHz channels 65 and 66.
            o.ChannelMask = new ushort[] { 0xFF00, 0x00FF, 0, 0, 0x0006 };
            var rig = new CommandRig("US915", o);
            Assert.AreEqual(18, rig.Mac.Session.Plan.EnabledCount, "the application's mask at start");
            // LinkADRReq block: all 125 kHz off and channel 65 on (ChMaskCntl 7), then channels 8 and 9 (ChMaskCntl 0).
            rig.DeliverNext(CommandRig.Down(1, "03 30 0200 71 03 30 0003 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual(3, rig.Mac.Session.Plan.EnabledCount, "channels 8, 9 and 65");
            for (int i = 0; i < 8; i++) rig.Send();
            ChannelPlan plan = rig.Mac.Session.Plan;
            for (int ch = 0; ch < 72; ch++)
                Assert.AreEqual((ch >= 8 && ch <= 23) || ch == 65 || ch == 66, plan.IsEnabled(ch), "channel " + ch.ToString() + " after the back-off");
        }

        [TestMethod]
        public void ChannelMask_WithASingle125kHzChannel_IsRefused()
        {
            LoRaWanOptions o = CommandRig.Adr(3);
            o.ChannelMask = new ushort[] { 0x0100, 0, 0, 0, 0x0002 };   // channel 8 and channel 65
            Assert.ThrowsException(typeof(System.ArgumentException), () => new CommandRig("US915", o));
            LoRaWanOptions eu = CommandRig.Adr(3);
            eu.ChannelMask = new ushort[] { 0x0007, 0, 0, 0, 0 };
            Assert.ThrowsException(typeof(System.ArgumentException), () => new CommandRig("EU868", eu));
        }

        [TestMethod]
        [DataRow("US915", "03 30 0001 01", "0306", "DR3 on channel 8 alone: one 125 kHz channel, mask NACK")]
        [DataRow("US915", "03 30 0000 71", "0306", "DR3 with every 125 kHz channel off (ChMaskCntl 7)")]
        [DataRow("US915", "03 30 0003 01", "0307", "DR3 on channels 8 and 9: two 125 kHz channels are enough")]
        [DataRow("US915", "03 40 0200 71", "0307", "DR4 (500 kHz) on channel 65 alone needs no 125 kHz channel")]
        [DataRow("AU915", "03 30 0001 01", "0306", "DR3 on channel 8 alone: one 125 kHz channel, mask NACK")]
        [DataRow("AU915", "03 60 0200 71", "0307", "DR6 (500 kHz) on channel 65 alone needs no 125 kHz channel")]
        public void LinkAdrReq_FewerThanTwo125kHzChannels_IsRefused(string regionName, string request, string answer, string why)
        {
            LoRaWanOptions o = CommandRig.Adr(3);
            o.SubBand = 2;
            var rig = new CommandRig(regionName, o);
            rig.DeliverNext(CommandRig.Down(1, request));
            rig.Send();
            rig.Send();
            Assert.AreEqual(answer, CommandRig.FOpts(rig.Sent(-1)), why);
            if (answer == "0306")
            {
                AssertFsb2(rig.Mac.Session.Plan, "unchanged after the NACK: " + why);
                Assert.AreEqual(3, CommandRig.At(rig.TxDataRate, -1), "data rate unchanged: " + why);
            }
        }
    }
}
