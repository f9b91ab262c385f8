using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    [TestClass]
    public class WorldSmokeTests
    {
        [TestMethod]
        public void OtaaJoinAndUplink_Eu868()
        {
            var world = new VirtualWorld("EU868", 1, null);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var opts = new LoRaWanOptions();
            opts.RandomSeed = 3;
            LoRaWanDevice device = world.PowerOn(id, opts);
            Assert.IsTrue(device.Join(120000), "joined");
            SendResult r = device.Send(1, new byte[] { 1, 2, 3 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(1, world.Network.Counters.UplinksAccepted);
        }
    }
}
