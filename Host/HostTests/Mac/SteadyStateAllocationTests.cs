using System;
using System.Reflection;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The allocation tests' meter (<see cref="SteadyStateAllocation"/>): the runtime's cast cache, replaced on the
    /// measuring thread (6,192 / 98,352 B in some full-suite runs of MacAllocationTests), lands in the thread's bytes;
    /// the meter keeps it out and still sees an allocation per frame. The replacement is forced here as the runtime's
    /// CastCache::FlushCurrentCache does it: the table becomes a 2-entry sentinel, and the next cast that misses
    /// allocates a new table on its own thread.
    /// </summary>
    [TestClass]
    public class SteadyStateAllocationTests
    {
        static LoRaWanDevice Start(out VirtualWorld world)
        {
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            LoRaWanDevice device = SteadyWorld.PowerOn(id, out world);
            Assert.IsTrue(device.Join(120000));
            var payload = new byte[8];
            for (int i = 0; i < 50; i++) { device.Send(1, payload, false, 600000); world.Sleep(10000); }
            return device;
        }

        /// <summary>Puts a 2-entry sentinel (HashShift 63, TableMask 1 in the first entry) in place of the cast cache.</summary>
        static void FlushTheCastCache()
        {
            var sentinel = new int[(2 + 1) * 6];
            sentinel[0] = 63;
            sentinel[1] = 1;
            Type helpers = typeof(object).Assembly.GetType("System.Runtime.CompilerServices.CastHelpers");
            helpers.GetField("s_table", BindingFlags.Static | BindingFlags.NonPublic).SetValue(null, sentinel);
        }

        static void Cycles(LoRaWanDevice device, VirtualWorld world, byte[] payload, int count)
        {
            for (int i = 0; i < count; i++) { device.Send(1, payload, false, 600000); world.Sleep(10000); }
        }

        [TestMethod]
        public void TheRuntimesCastCacheReplacedInTheWindow_LandsInTheThreadsBytes_AndTheMeterKeepsItOut()
        {
            LoRaWanDevice device = Start(out VirtualWorld world);
            var payload = new byte[8];
            Assert.IsNotNull(SteadyStateAllocation.CastCacheTable(), "this runtime's cast cache (CastHelpers.s_table)");

            // The bare count, as the allocation tests measured before, with the cast cache flushed before the window.
            FlushTheCastCache();
            object table = SteadyStateAllocation.CastCacheTable();
            long before = GC.GetAllocatedBytesForCurrentThread();
            Cycles(device, world, payload, 20);
            long bare = GC.GetAllocatedBytesForCurrentThread() - before;
            var recreated = (int[])SteadyStateAllocation.CastCacheTable();
            OutputHelper.WriteLine($"bare count after a flush: {bare} B; cast cache {recreated.Length} ints = {24 + 4L * recreated.Length} B, re-created: {!ReferenceEquals(table, recreated)}");
            Assert.IsFalse(ReferenceEquals(table, recreated), "the device's first cast after the flush replaced the cast cache");
            Assert.AreEqual(24 + 4L * recreated.Length, bare, "all the window's bytes are the cast cache's table");

            bool first = true;
            long measured = SteadyStateAllocation.Measure(() => { if (first) FlushTheCastCache(); first = false; }, () => Cycles(device, world, payload, 20), out string note);
            OutputHelper.WriteLine($"meter: {measured} B ({note})");
            Assert.AreEqual(0L, measured, "steady state with the runtime's cast cache kept out");
            Assert.IsTrue(note.StartsWith("window 1: "), "the first window, with the re-created cache, was measured again: " + note);
        }

        [TestMethod]
        public void AnAllocationPerFrame_IsStillCounted_EvenWhenTheCastCacheIsReplaced()
        {
            LoRaWanDevice device = Start(out VirtualWorld world);
            var payload = new byte[8];
            object[] kept = new object[20];
            bool first = true;
            long measured = SteadyStateAllocation.Measure(() => { if (first) FlushTheCastCache(); first = false; }, () =>
            {
                for (int i = 0; i < 20; i++)
                {
                    device.Send(1, payload, false, 600000);
                    kept[i] = new byte[1];   // 1 byte per frame (32 B with the array's header)
                    world.Sleep(10000);
                }
            }, out string note);
            OutputHelper.WriteLine($"meter with 1 byte per frame: {measured} B ({note})");
            Assert.AreEqual(20L * 32, measured, "20 frames × byte[1]");
            GC.KeepAlive(kept);
        }
    }
}
