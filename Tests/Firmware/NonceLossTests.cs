using LoRaWan.Firmware.App;
using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Firmware
{
    /// <summary>
    /// Issue 21: the ESP32's I: drive is mounted with format-if-mount-fails, so a damaged file system comes back
    /// empty, and the DevNonce counter (LoRaWAN 1.0.4 §6.2.5: never reused) would silently start again at 0, which
    /// a 1.0.4 network refuses. The MAC tells a lost record (its slots hold garbage, or an OTAA session exists
    /// without it) from one that never existed, and the sketch says so loudly.
    /// </summary>
    [TestClass]
    public class NonceLossTests
    {
        static VirtualWorld JoinedWorld(out DeviceIdentity id)
        {
            id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            var world = new VirtualWorld("EU868", 5, new NetworkOptions());
            world.Register(id, LoRaWan.Frames.LoRaWanVersion.V1_0_4);
            LoRaWanDevice device = world.PowerOn(id, Options());
            Assert.AreEqual((int)NonceRecordStatus.NeverWritten, (int)device.Diagnostics.NonceStatus, "a new device: no record yet");
            Assert.IsTrue(device.Join(3600000), "joined");
            return world;
        }

        static LoRaWanOptions Options()
        {
            var o = new LoRaWanOptions();
            o.RandomSeed = 5;
            return o;
        }

        [TestMethod]
        public void Reboot_RestoresTheRecord()
        {
            DeviceIdentity id;
            VirtualWorld world = JoinedWorld(out id);
            LoRaWanDevice again = world.PowerOn(id, Options());
            Assert.AreEqual((int)NonceRecordStatus.Restored, (int)again.Diagnostics.NonceStatus);
        }

        [TestMethod]
        public void NonceSlotsGone_SessionStillThere_IsLost()
        {
            DeviceIdentity id;
            VirtualWorld world = JoinedWorld(out id);
            world.Flash.Wipe(StoreSlots.Nonces);
            world.Flash.Wipe(StoreSlots.Nonces + 1);
            LoRaWanDevice again = world.PowerOn(id, Options());
            Assert.AreEqual((int)NonceRecordStatus.Lost, (int)again.Diagnostics.NonceStatus, "an OTAA session without its nonce record");
        }

        [TestMethod]
        public void NonceSlotsCorrupted_IsLost_EvenWithoutASession()
        {
            DeviceIdentity id;
            VirtualWorld world = JoinedWorld(out id);
            for (int slot = StoreSlots.Nonces; slot < StoreSlots.Nonces + StoreSlots.PerRecord; slot++)
                if (world.Flash.Read(slot, new byte[64], 0, 64) > 12) world.Flash.Corrupt(slot, 12);
            for (int slot = 0; slot < StoreSlots.Count; slot++)
                if (slot < StoreSlots.Nonces || slot >= StoreSlots.Nonces + StoreSlots.PerRecord) world.Flash.Wipe(slot);
            LoRaWanDevice again = world.PowerOn(id, Options());
            Assert.AreEqual((int)NonceRecordStatus.Lost, (int)again.Diagnostics.NonceStatus, "slots with data that is no longer a record");
        }

        [TestMethod]
        public void WholeFlashWiped_LooksLikeANewDevice()
        {
            DeviceIdentity id;
            VirtualWorld world = JoinedWorld(out id);
            world.Flash.Wipe();
            LoRaWanDevice again = world.PowerOn(id, Options());
            Assert.AreEqual((int)NonceRecordStatus.NeverWritten, (int)again.Diagnostics.NonceStatus, "nothing on the device tells a format from a first boot");
        }

        [TestMethod]
        public void Sketch_LogsTheLossLoudly_WithTheNetworkSteps()
        {
            DeviceIdentity id;
            VirtualWorld world = JoinedWorld(out id);
            world.Flash.Wipe(StoreSlots.Nonces);
            world.Flash.Wipe(StoreSlots.Nonces + 1);
            LoRaWanDevice again = world.PowerOn(id, Options());
            var board = new VirtualBoardServices(world, 3900, 80000);
            var sketch = new SensorSketch(again, board, world.Flash, 300000);
            Assert.AreEqual((int)NonceRecordStatus.Lost, (int)sketch.NonceStatus, "surfaced to the sketch");
            Assert.AreEqual(SensorSketch.LostNonceWarning, board.LastLog, "logged at start");
            Assert.Contains("DevNonce", board.LastLog);
            Assert.Contains("Reset used DevNonces", board.LastLog, "the TTS step");
            Assert.Contains("Flush OTAA device nonces", board.LastLog, "the ChirpStack step");
        }
    }
}
