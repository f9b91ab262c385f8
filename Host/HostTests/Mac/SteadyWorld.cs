using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The world the steady-state allocation tests measure in (MacAllocationTests, SteadyStateAllocationTests,
    /// SketchAllocationTests): EU868 on seed 5 without the network's history, a LoRaWAN 1.0.4 OTAA device registered and
    /// powered on at DR5 with ADR off, its counters persisted every 1000 uplinks (the flash write every N uplinks is not
    /// a per-frame cost). Not joined: each test joins or lets its sketch join.
    /// </summary>
    internal static class SteadyWorld
    {
        public static LoRaWanDevice PowerOn(DeviceIdentity id, out VirtualWorld world)
        {
            var net = new NetworkOptions();
            net.RecordHistory = false;
            world = new VirtualWorld("EU868", 5, net);
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 5;
            o.FCntPersistInterval = 1000;
            return world.PowerOn(id, o);
        }
    }
}
