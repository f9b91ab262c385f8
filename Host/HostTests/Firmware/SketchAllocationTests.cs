using System.Linq;
using LoRaWan.Firmware.App;
using LoRaWan.HostTests.Mac;
using LoRaWan.Frames;
using LoRaWan.IlMeter;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Tests.Firmware;
using Mono.Cecil;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Firmware
{
    /// <summary>
    /// The example sketch allocates nothing in its steady state, like the stack under it (MacAllocationTests): on the host
    /// (the thread's bytes over ten cycles of <see cref="SensorSketch.Run"/> on the simulated board) and on nanoCLR (the
    /// IL meter's count of allocation sites — struct copies and locals, box, newobj, newarr, ldstr — in the methods a
    /// steady cycle runs), so a sketch that copies SendResults or builds a log line per cycle fails.
    /// </summary>
    [TestClass]
    public class SketchAllocationTests
    {
        static SensorSketch Start(out VirtualWorld world, out VirtualBoardServices board)
        {
            var id = DeviceIdentity.Otaa("70B3D57ED0001234", "0000000000000001", "2B7E151628AED2A6ABF7158809CF4F3C");
            LoRaWanDevice device = SteadyWorld.PowerOn(id, out world);
            board = new VirtualBoardServices(world, 3987, 150000);
            return new SensorSketch(device, board, world.Flash, 60000);
        }

        [TestMethod]
        public void SteadyState_TenCycles_AllocateNothingOnTheHost()
        {
            SensorSketch sketch = Start(out VirtualWorld world, out VirtualBoardServices board);
            sketch.Run(5);   // the join, the first uplinks, their log lines
            Assert.AreEqual(5, sketch.UplinksSent, sketch.LastResult.ToString());
            int lines = board.LogLines;
            long measured = SteadyStateAllocation.Measure(null, () => sketch.Run(10), out string note);
            OutputHelper.WriteLine($"10 cycles: {measured} B ({note}); log lines {board.LogLines - lines}");
            Assert.AreEqual(15, sketch.UplinksSent, "every cycle sent: " + sketch.LastResult.ToString());
            Assert.AreEqual(0L, measured, "the sketch's steady state allocates nothing");
            Assert.AreEqual(lines, board.LogLines, "no log line while nothing changes");
            Assert.AreEqual((int)SendStatus.Sent, (int)sketch.LastStatus);
        }

        [TestMethod]
        public void SteadyCycle_HasNoNanoClrAllocationSite()
        {
            // What one steady cycle runs in the sketch (the stack's own part is held to 0 by IlBudgetTests' allocs column).
            using var module = ModuleDefinition.ReadModule(typeof(SensorSketch).Assembly.Location);
            TypeDefinition sketch = module.GetType("LoRaWan.Firmware.App.SensorSketch");
            TypeDefinition lpp = module.GetType("LoRaWan.Firmware.App.CayenneLppWriter");
            var sites = sketch.Methods.Where(m => m.Name == "Run" || m.Name == "Step" || m.Name == "BuildPayload" || m.Name == "get_LastResult")
                .Concat(lpp.Methods.Where(m => m.HasBody && !m.IsConstructor))
                .Select(m => (m.FullName, NanoAllocations.InMethod(m))).Where(x => x.Item2 != 0).ToList();
            Assert.AreEqual(0, sites.Count, string.Join("; ", sites.Select(x => x.FullName + ": " + x.Item2)));
        }
    }
}
