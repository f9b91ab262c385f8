using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// The GFSK data rate (RP002-1.0.4: 50 kbit/s, DR7 in every region below) end to end: the device joins with LoRa,
    /// gets a channel that carries DR7 (as a network adds one with NewChannelReq: TTN's EU868 plan has its FSK channel
    /// on 868.8 MHz), sends at DR7 through the SX1276's FSK modem, and receives the answer in RX1 at DR7.
    /// </summary>
    [TestClass]
    public class FskEndToEndTests
    {
        /// <summary>A channel index past the CFList's (3..7), so the network's own NewChannelReq never replaces it.</summary>
        const int FskChannel = 15;

        [DataRow("EU868")]
        [DataRow("AS923-1")]
        [DataRow("AS923-2")]
        [DataRow("AS923-3")]
        [DataRow("AS923-4")]
        [DataRow("IN865")]
        [DataRow("RU864")]
        [DataRow("EU433")]
        [DataRow("CN779")]
        [TestMethod]
        public void FskUplinkAndRx1Downlink(string region)
        {
            var rig = new WorldRig(region, 400, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options(region, 400);
            o.Adr = false;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(3600000), region + ": joined");
            Region r = rig.World.Region;
            Assert.AreEqual((int)Modulation.Fsk, (int)r.GetModulation(7), region + ": DR7 is GFSK");
            ChannelPlan plan = rig.Mac.Session.Plan;
            uint f = r.GetUplinkFrequency(plan, 1) + 500000;   // inside the band, off the default channels
            Assert.AreEqual(3, r.ApplyNewChannel(plan, FskChannel, f, 7, 7), region + ": DR7 channel accepted");
            rig.Mac.Session.DataRate = 7;   // the join ran with LoRa (no default channel carries DR7)

            rig.World.Network.Enqueue(rig.Identity.DevEui, 9, new byte[] { 0xF5, 0x4B }, false);
            int fskSentBefore = rig.World.Board.Chip.FskTransmissionCount;
            SendResult s = rig.Device.Send(1, new byte[] { 1, 2, 3 }, false, 3600000);
            Assert.IsTrue(s.Succeeded, region + ": " + s.ToString());
            Assert.AreEqual(7, s.DataRate, region + ": sent at DR7");
            Assert.AreEqual(f, s.FrequencyHz, region + ": on the DR7 channel");
            // 3-byte FRMPayload → PHYPayload 1 + 7 + 1 + 3 + 4 = 16 bytes; on air (5 + 3 + 1 + 16 + 2) bytes · 160 µs.
            Assert.AreEqual(27UL * 160UL, s.AirTimeUs, region + ": FSK air time");
            Assert.AreEqual(fskSentBefore + 1, rig.World.Board.Chip.FskTransmissionCount, region + ": the chip sent FSK");

            UplinkRecord up = rig.World.Network.Uplinks.Last;
            Assert.AreEqual(7, up.DataRate, region + ": the network saw DR7");
            Assert.AreEqual(f, up.FrequencyHz, region + ": uplink frequency");
            DownlinkRecord down = rig.World.Network.Downlinks.Last;
            Assert.AreEqual((int)RxWindow.Rx1, (int)down.Window, region + ": answered in RX1");
            Assert.AreEqual(7, down.DataRate, region + ": RX1 at DR7 (RX1DROffset 0)");
            Assert.AreEqual(f, down.FrequencyHz, region + ": RX1 on the uplink frequency");
            Assert.AreEqual(1, rig.World.Board.Chip.FskReceivedCount, region + ": the chip received one FSK frame");
            Assert.AreEqual(1, rig.Delivered.Count, region + ": RX1 downlink delivered");
            byte[] payload = (byte[])rig.Delivered[0];
            Assert.AreEqual(2, payload.Length, region + ": payload length");
            Assert.AreEqual((byte)0xF5, payload[0], region + ": payload");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.MicFailures + rig.Device.Diagnostics.Counters.MalformedFrames, region + ": rejected frames");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.InternalErrors, region + ": " + rig.Device.Diagnostics.LastError);

            // The 64-byte FSK FIFO (length byte included) bounds an FSK frame: 50 bytes of application payload
            // (63 − MHDR 1 − FHDR 7 − FPort 1 − MIC 4), not RP002's 222 (M 230 − 8).
            Assert.AreEqual(50, rig.Device.MaxPayload, region + ": FSK payload limit");
            s = rig.Device.Send(1, new byte[51], false, 3600000);
            Assert.AreEqual((int)SendStatus.PayloadTooLarge, (int)s.Status, region + ": 51 bytes refused");
            Assert.AreEqual(50, s.MaxPayload, region + ": says 50");
            int missedBefore = rig.Device.Diagnostics.Timing.Missed;
            s = rig.Device.Send(1, new byte[50], false, 3600000);
            Assert.IsTrue(s.Succeeded, region + ": 50 bytes at DR7: " + s.ToString());
            // No downlink: the empty FSK RX1 window is ended by the MAC's alarm (no RxTimeout comes for FSK), as a window
            // end, not as a guard timeout of a radio that never answered.
            Assert.AreEqual(missedBefore + 2, rig.Device.Diagnostics.Timing.Missed, region + ": RX1 and RX2 ended empty");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.RxGuardTimeouts, region + ": no guard timeout");

            // Back to LoRa afterwards: the driver leaves FSK mode through sleep and the next LoRa frame works.
            Assert.AreEqual(3, r.ApplyNewChannel(plan, FskChannel, 0, 0, 0) & 0x03, region + ": DR7 channel removed");
            rig.Mac.Session.DataRate = 5;
            s = rig.Device.Send(1, new byte[] { 4 }, false, 3600000);
            Assert.IsTrue(s.Succeeded, region + ": LoRa after FSK: " + s.ToString());
            Assert.AreEqual(5, rig.World.Network.Uplinks.Last.DataRate, region + ": LoRa DR5 after FSK");
        }

        [TestMethod]
        public void Rx2AtFskDr7_FromTheJoinAccept_ReceivesTheDownlink()
        {
            // The network sets RX2 to EU868 DR7 (GFSK) in the join-accept's DLSettings and answers in RX2 only.
            var net = new NetworkOptions();
            net.Rx2DataRate = 7;
            var rig = new WorldRig("EU868", 401, LoRaWanVersion.V1_0_4, net);
            LoRaWanOptions o = WorldRig.Options("EU868", 401);
            o.Adr = false;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(3600000), "joined");
            Assert.AreEqual(7, rig.Mac.Session.Rx2DataRate, "RX2 DR7 taken from the join-accept");
            rig.World.Network.ForceRx2 = true;
            rig.World.Network.Enqueue(rig.Identity.DevEui, 9, new byte[] { 0x72 }, false);
            SendResult s = rig.Device.Send(1, new byte[] { 1 }, false, 3600000);
            Assert.IsTrue(s.Succeeded, s.ToString());
            DownlinkRecord down = rig.World.Network.Downlinks.Last;
            Assert.AreEqual((int)RxWindow.Rx2, (int)down.Window, "RX2");
            Assert.AreEqual(7, down.DataRate, "at DR7");
            Assert.AreEqual(869525000u, down.FrequencyHz, "on EU868's RX2 frequency");
            Assert.AreEqual(1, rig.Delivered.Count, "delivered");
            Assert.AreEqual(1, rig.World.Board.Chip.FskReceivedCount, "through the FSK receiver");
        }
    }
}
