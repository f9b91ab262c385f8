using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// Every supported region, end to end: join, an uplink, a downlink in RX1 and one forced into RX2; and an ABP
    /// device with default options (only the sub-band The Things Network's US915/AU915 gateways listen on, FSB2).
    /// </summary>
    [TestClass]
    public class RegionsEndToEndTests
    {
        [DataRow("EU868")]
        [DataRow("US915")]
        [DataRow("AU915")]
        [DataRow("AS923-1")]
        [DataRow("AS923-2")]
        [DataRow("AS923-3")]
        [DataRow("AS923-4")]
        [DataRow("IN865")]
        [DataRow("KR920")]
        [DataRow("RU864")]
        [DataRow("EU433")]
        [DataRow("CN779")]
        [DataRow("CN470-20A")]
        [DataRow("CN470-20B")]
        [DataRow("CN470-26A")]
        [DataRow("CN470-26B")]
        [DataRow("CN470-RP1")]
        [TestMethod]
        public void JoinUplinkAndDownlinksInBothWindows(string region)
        {
            var rig = new WorldRig(region, 200, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options(region, 200));
            Assert.IsTrue(rig.Device.Join(3600000), region + ": joined");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 9, new byte[] { 0xA1 }, false);
            SendResult r = rig.Device.Send(1, new byte[] { 1, 2, 3 }, false, 3600000);
            Assert.IsTrue(r.Succeeded, region + ": " + r.ToString());
            Assert.AreEqual(1, rig.Delivered.Count, region + ": RX1 downlink");
            rig.World.Network.ForceRx2 = true;
            rig.World.Network.Enqueue(rig.Identity.DevEui, 9, new byte[] { 0xA2 }, false);
            r = rig.Device.Send(1, new byte[] { 4 }, false, 3600000);
            Assert.IsTrue(r.Succeeded, region + ": " + r.ToString());
            Assert.AreEqual(2, rig.Delivered.Count, region + ": RX2 downlink");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.MicFailures + rig.Device.Diagnostics.Counters.MalformedFrames, region + ": rejected frames");
        }

        [DataRow("EU868", 0)]
        [DataRow("US915", 0)]
        [DataRow("AU915", 2)]
        [DataRow("AS923-1", 2)]
        [DataRow("AS923-2", 2)]
        [DataRow("AS923-3", 2)]
        [DataRow("AS923-4", 2)]
        [DataRow("IN865", 0)]
        [DataRow("KR920", 0)]
        [TestMethod]
        public void AbpDefaultOptions_ThreeBytesAndAnEmptyFrameReachTheNetwork(string region, int defaultDataRate)
        {
            var net = new NetworkOptions();
            if (region == "US915" || region == "AU915") net.SubBand = 2;
            var world = new VirtualWorld(region, 300, net);
            DeviceIdentity id = DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey);
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            if (region == "US915" || region == "AU915") o.SubBand = 2;
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.IsTrue(device.IsJoined, region + ": an ABP session exists at once");
            Assert.AreEqual(defaultDataRate, world.Mac.Session.DataRate, region + ": the region's default rate");

            SendResult r = device.Send(1, new byte[] { 1, 2, 3 }, false, 3600000);
            Assert.IsTrue(r.Succeeded, region + ": 3 bytes: " + r.ToString());
            Assert.IsTrue(device.DutyCycleRestMs >= 0, region + ": DutyCycleRestMs");
            r = device.Send(1, new byte[0], false, 3600000);
            Assert.IsTrue(r.Succeeded, region + ": empty: " + r.ToString());

            Assert.AreEqual(2, world.Network.Uplinks.Count, region + ": both uplinks accepted by the network");
            Assert.AreEqual(3, world.Network.Uplinks[0].PayloadLength, region + ": 3 bytes");
            Assert.AreEqual(defaultDataRate, world.Network.Uplinks[0].DataRate, region + ": on air at the default rate");
            Assert.AreEqual(0, world.Network.Uplinks[1].PayloadLength, region + ": empty frame");
            Assert.AreEqual(1u, world.Network.Uplinks[1].FCnt, region + ": FCnt 1");
        }

        [TestMethod]
        public void As923Dr5WithRx1Offset7_ReceivesRx1AtFskDr7()
        {
            // RP002 AS923: uplink DR5 with RX1DROffset 7 gives RX1 at DR7 (GFSK 50 kbit/s); the downlink comes there
            // (it used to be skipped for RX2).
            var net = new NetworkOptions();
            net.Rx1DrOffset = 7;
            var rig = new WorldRig("AS923-1", 301, LoRaWanVersion.V1_0_4, net);
            LoRaWanOptions o = WorldRig.Options("AS923-1", 301);
            o.Adr = false;
            o.DataRate = 5;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            Assert.AreEqual(7, rig.Mac.Session.Rx1DrOffset, "the network's RX1DROffset is applied");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 3, new byte[] { 0x33 }, false);
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, true, 600000);
            Assert.AreEqual((int)SendStatus.Acked, (int)r.Status, r.ToString());
            Assert.AreEqual(1, rig.Delivered.Count, "downlink received");
            Assert.AreEqual((int)RxWindow.Rx1, (int)rig.World.Network.Downlinks.Last.Window, "in RX1");
            Assert.AreEqual(7, rig.World.Network.Downlinks.Last.DataRate, "at DR7");
            Assert.AreEqual(1, rig.World.Board.Chip.FskReceivedCount, "through the FSK receiver");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.InternalErrors, rig.Device.Diagnostics.LastError);
        }

        [TestMethod]
        public void As923_DownlinkSizedByDownlinkDwellTime_NotTheUplinkOne()
        {
            // TxParamSetupReq with UplinkDwellTime on and DownlinkDwellTime off: at DR2 an uplink MACPayload may be
            // 19 bytes but a downlink one 59 (RP002 AS923 maximum payload table).
            var rig = new WorldRig("AS923-1", 302, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options("AS923-1", 302);
            o.Adr = false;
            o.DataRate = 2;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            const int ulDwellOnDlDwellOff = 0x10 | 0x05;   // bit 4 uplink dwell, bits 3..0 MaxEIRP code 5 (16 dBm)
            Assert.IsTrue(rig.World.Region.ApplyTxParamSetup(rig.Mac.Session.Plan, ulDwellOnDlDwellOff));
            NetworkDevice nd = rig.World.Network.FindDevice(rig.Identity.DevEui);
            NetworkSession s = nd.Session != null ? nd.Session : nd.PendingSession;   // active at the first uplink
            Assert.IsTrue(rig.World.Region.ApplyTxParamSetup(s.ChannelPlan, ulDwellOnDlDwellOff));
            var big = new byte[40];   // MACPayload 7 + 1 + 40 = 48 bytes: over 19, within 59
            for (int i = 0; i < big.Length; i++) big[i] = (byte)i;
            rig.World.Network.Enqueue(rig.Identity.DevEui, 4, big, false);
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 600000).Succeeded);
            Assert.AreEqual(1, rig.Delivered.Count, "the 48-byte downlink is accepted");
            CollectionAssert.AreEqual(big, (byte[])rig.Delivered[0]);
        }
    }
}
