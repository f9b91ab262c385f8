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
            Assert.AreEqual(0, rig.Device.Mac.Counters.MicFailures + rig.Device.Mac.Counters.MalformedFrames, region + ": rejected frames");
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
            Assert.AreEqual(defaultDataRate, device.Mac.Session.DataRate, region + ": the region's default rate");

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
    }
}
