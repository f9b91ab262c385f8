using System;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// No allocation per frame on the device path (DEVELOPERS.md): after warm-up, a whole uplink + RX1 + RX2
    /// cycle — MAC, crypto, codec, driver, and the simulated chip, air and network around them — allocates
    /// nothing on this thread, with and without a downlink delivered.
    /// </summary>
    [TestClass]
    public class MacAllocationTests
    {
        static LoRaWanDevice Start(out VirtualWorld world, out ulong devEui)
        {
            var net = new NetworkOptions();
            net.RecordHistory = false;
            world = new VirtualWorld("EU868", 5, net);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            devEui = id.DevEui;
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 5;
            o.FCntPersistInterval = 1000;   // the flash write every N uplinks is not a per-frame cost
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.IsTrue(device.Join(120000));
            return device;
        }

        [TestMethod]
        public void UplinkWithBothWindows_AllocatesNothing()
        {
            LoRaWanDevice device = Start(out VirtualWorld world, out _);
            var payload = new byte[12];
            for (int i = 0; i < 50; i++) { device.Send(1, payload, false, 600000); world.Sleep(10000); }
            long before = GC.GetAllocatedBytesForCurrentThread();
            int cycles = 0;
            for (int i = 0; i < 200; i++)
            {
                SendResult r = device.Send(1, payload, false, 600000);
                if (r.Status == SendStatus.Sent) cycles++;
                world.Sleep(10000);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(200, cycles);
            Assert.AreEqual(2 * 250, device.Mac.Timing.Missed, "RX1 and RX2 opened (empty) in each of the 250 cycles");
            OutputHelper.WriteLine($"allocated over {cycles} uplink+RX1+RX2 cycles: {allocated} bytes");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }

        [TestMethod]
        public void UplinkWithDownlinkInRx1_AllocatesNothingOnTheDevicePath()
        {
            LoRaWanDevice device = Start(out VirtualWorld world, out ulong devEui);
            var payload = new byte[12];
            var downlink = new byte[] { 1, 2, 3, 4 };
            int delivered = 0;
            device.OnDownlink += (s, d) => delivered++;
            for (int i = 0; i < 50; i++)
            {
                world.Network.Enqueue(devEui, 3, downlink, false);
                device.Send(1, payload, false, 600000);
                world.Sleep(10000);
            }
            // The network's queue entry is the application server's allocation, not the device's: enqueue the
            // measured downlinks first, then measure only the device's cycles.
            for (int i = 0; i < 100; i++) world.Network.Enqueue(devEui, 3, downlink, false);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                device.Send(1, payload, false, 600000);
                world.Sleep(10000);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(150, delivered);
            OutputHelper.WriteLine($"allocated over 100 uplink+RX1-downlink cycles: {allocated} bytes");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }
    }
}
