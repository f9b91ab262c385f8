using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>Every supported region, end to end: join, an uplink, a downlink in RX1 and one forced into RX2.</summary>
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
    }
}
