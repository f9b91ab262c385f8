using System.IO;
using LoRaWan.Cli.Simulate;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>The simulator's flash file: a virtual device keeps its nonces and session between runs.</summary>
    [TestClass]
    public class FlashFileTests
    {
        [TestMethod]
        public void SavedFlash_RestoresSessionAndDevNonceCounterInANewWorld()
        {
            string path = Path.Combine(Path.GetTempPath(), "lorawan-flashfile-test-" + System.Guid.NewGuid().ToString("N") + ".nvs");
            try
            {
                var id = DeviceIdentity.Otaa("70B3D57ED0000001", "0000000000000000", "2B7E151628AED2A6ABF7158809CF4F3C");
                var first = new VirtualWorld("EU868", 1, null);
                first.Register(id, LoRaWanVersion.V1_0_4);
                LoRaWanDevice a = first.PowerOn(id, new LoRaWanOptions());
                Assert.IsTrue(a.Join(120000));
                Assert.IsTrue(a.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
                FlashFile.Save(first.Flash, path, 8);

                var second = new VirtualWorld("EU868", 2, null);
                Assert.IsTrue(FlashFile.Load(second.Flash, path, 8));
                LoRaWanDevice b = second.PowerOn(id, new LoRaWanOptions());
                Assert.IsTrue(b.IsJoined, "session restored from the file");
                Assert.AreEqual(1, second.Mac.NextDevNonce, "DevNonce counter continues");
                Assert.AreEqual(a.DevAddr, b.DevAddr);
                Assert.IsTrue(second.Mac.Session.FCntUp >= first.Mac.Session.FCntUp, "FCntUp never goes back to a used value");
            }
            finally
            {
                if (File.Exists(path)) File.Delete(path);
            }
        }

        [TestMethod]
        public void NotAStateFile_IsAClearError()
        {
            string path = Path.Combine(Path.GetTempPath(), "lorawan-flashfile-bad-" + System.Guid.NewGuid().ToString("N"));
            File.WriteAllText(path, "hello");
            try
            {
                Assert.ThrowsException(typeof(LoRaWan.Cli.CliException), () => FlashFile.Load(new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), path, StoreSlots.Count));
            }
            finally { File.Delete(path); }
        }
    }
}
