using System;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;

namespace LoRaWan.NanoBench
{
    /// <summary>
    /// Heap use at the points of interest, for a nanoCLR build that reports it: <see cref="Report"/> passes a "heap:"
    /// label to <c>GC.ReRegisterForFinalize</c>, which an unmodified nanoCLR treats as a no-op for a string, and which a
    /// locally instrumented build (NanoBench/README.md) answers with a collection and a line of used/free bytes.
    /// </summary>
    public static class HeldMemory
    {
        /// <summary>Asks for a heap report labelled <paramref name="label"/>.</summary>
        public static void Report(string label)
        {
            GC.ReRegisterForFinalize("heap:" + label);
        }

        /// <summary>
        /// Two devices on the environment of the device tests (scheduler, scripted radio, flash, runner), reported
        /// before and after each is built: an OTAA device joined with shared/VECTORS.md's join-accept under an all-zero
        /// AppKey (answered in RX1), then the ABP device of the test rig; each followed by five uplinks, the scripted
        /// radio's records of them emptied before each report. The difference between the reports is what the stack
        /// holds (the flash's records, reported alongside, belong to the environment).
        /// </summary>
        public static object Run()
        {
            Report("start");
            // Parts of the device on their own: a region with its channel plan.
            Region region = Region.Create("EU868");
            ChannelPlan plan = region.CreateChannelPlan();
            Report("region-eu868-and-channel-plan");
            Check.That(region != null && plan != null, "region");
            region = null;
            plan = null;
            Report("region-dropped");
            var scheduler = new VirtualScheduler();
            var radio = new ScriptedRadio(scheduler);
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var wiring = new MacWiring();
            wiring.Runner = new VirtualMacRunner(scheduler);
            Report("otaa-environment");
            var options = new LoRaWanOptions();
            options.Adr = false;
            options.DataRate = 5;
            options.RandomSeed = 5;
            var otaa = new LoRaWanDevice(radio, Region.Create("EU868"),
                DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "00000000000000000000000000000000"), flash, scheduler, options, wiring);
            Report("otaa-device-created");
            radio.DeliverInWindow(0, Check.Bytes("20E3DE108795F776B8037610EF7869B5B3"));
            Check.That(otaa.Join(60000), "joined");
            radio.ClearRecords();   // the environment's records (preallocated: emptied, never grown)
            Report("otaa-joined flash=" + FlashBytes(flash));
            Uplinks(otaa, radio, flash, wiring.Runner as VirtualMacRunner, "otaa");
            otaa = null; radio = null; flash = null; wiring = null; scheduler = null;
            Report("otaa-dropped");
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Report("abp-device-created flash=" + FlashBytes(rig.Flash));
            Uplinks(rig.Device, rig.Radio, rig.Flash, rig.Runner, "abp");
            return rig;
        }

        static void Uplinks(LoRaWanDevice device, ScriptedRadio radio, SimulatedFlash flash, VirtualMacRunner runner, string name)
        {
            var payload = new byte[20];
            for (int i = 1; i <= 5; i++)
            {
                runner.Sleep(20000);
                Check.That(device.Send(1, payload, false, 60000).Status == SendStatus.Sent, "sent");
                radio.ClearRecords();   // the environment's records (preallocated: emptied, never grown)
                Report(name + "-after-uplink-" + i + " flash=" + FlashBytes(flash));
            }
        }

        static int FlashBytes(SimulatedFlash flash)
        {
            var buffer = new byte[flash.SlotSize];
            int total = 0;
            for (int slot = 0; slot < StoreSlots.Count; slot++) total += flash.Read(slot, buffer, 0, buffer.Length);
            return total;
        }
    }
}
