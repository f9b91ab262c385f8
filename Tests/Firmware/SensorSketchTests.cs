using LoRaWan.Firmware.App;
using LoRaWan.Firmware.Power;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Firmware
{
    /// <summary>
    /// The firmware's sensor sketch (Firmware/App, linked unchanged) on a simulated board: it joins the simulated
    /// network, its uplinks decode as CayenneLPP per the public format (expected bytes worked out by hand from the
    /// spec), downlinks switch the LED and the interval, and the deep-sleep variant keeps session and settings.
    /// </summary>
    [TestClass]
    public class SensorSketchTests
    {
        [TestMethod]
        public void SketchSettings_WriteOnlyTheApplicationSlotsOfTheStoreMap()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var settings = new SketchSettings(flash, 300000);
            settings.Save();
            settings.Save();
            for (int slot = 0; slot < StoreSlots.Count; slot++)
            {
                int n = flash.Read(slot, new byte[StoreSlots.SlotSize], 0, StoreSlots.SlotSize);
                bool own = slot >= StoreSlots.Application && slot < StoreSlots.Application + StoreSlots.PerRecord;
                Assert.AreEqual(own, n > 0, "slot " + slot + " written");
            }
        }

        const int FiveMinutesMs = 5 * 60000;
        const int BatteryMv = 3987;          // → analog_in_3 = 3.98 V = 398 = 0x018E
        const long FreeMemory = 150000;      // → analog_in_2 = 150000 / 1024 kB = 146.48 = 14648 = 0x3938

        static DeviceIdentity Identity()
        {
            return DeviceIdentity.Otaa("70B3D57ED0001234", "0000000000000001", "2B7E151628AED2A6ABF7158809CF4F3C");
        }

        static VirtualWorld NewWorld(DeviceIdentity id)
        {
            var world = new VirtualWorld("EU868", 11, null);
            world.Register(id, LoRaWanVersion.V1_0_4);
            return world;
        }

        static LoRaWanOptions Options(int persistInterval)
        {
            var options = new LoRaWanOptions();
            options.RandomSeed = 5;
            options.FCntPersistInterval = persistInterval;
            return options;
        }

        [TestMethod]
        public void TBeamUplink_CarriesTheBatteryVoltageReadFromItsAxp192()
        {
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            LoRaWanDevice device = world.PowerOn(id, Options(16));
            var registers = FakeI2cRegisters.WithChipId(0x03);
            registers.Registers[0x01] = 0x20;   // battery present
            registers.Registers[0x78] = 0xE6;   // 0xE6A = 3690 × 1.1 mV = 4059 mV
            registers.Registers[0x79] = 0x0A;
            var board = new VirtualBoardServices(world, Pmu.Detect(registers), FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);

            sketch.Run(1);

            Assert.AreEqual(1, sketch.UplinksSent, "one uplink: " + sketch.LastResult.ToString());
            byte[] payload = world.Network.Uplinks.Last.CopyPayload();
            LppItem[] items = CayenneLppReader.Decode(payload, payload.Length);
            Assert.IsNotNull(items, "valid CayenneLPP");
            Assert.AreEqual(405, CayenneLppReader.Find(items, 3, 2).Raw, "analog_in_3 = 4.05 V (4059 mV in 0.01 V)");
        }

        [TestMethod]
        public void CayenneReader_DecodesTheThingsStackDocumentationExample()
        {
            // The Things Stack docs, "CayenneLPP" payload formatter: 03 67 01 10 05 67 00 FF →
            // temperature_3 = 27.2, temperature_5 = 25.5.
            byte[] example = new byte[] { 0x03, 0x67, 0x01, 0x10, 0x05, 0x67, 0x00, 0xFF };
            LppItem[] items = CayenneLppReader.Decode(example, example.Length);
            Assert.IsNotNull(items, "decodes");
            Assert.AreEqual(2, items.Length, "two items");
            Assert.AreEqual(272, CayenneLppReader.Find(items, 3, 103).Raw, "temperature_3 × 10");
            Assert.AreEqual(255, CayenneLppReader.Find(items, 5, 103).Raw, "temperature_5 × 10");

            var writer = new CayenneLppWriter(16);
            writer.Reset(16);
            writer.AddTemperature(3, 272);
            writer.AddTemperature(5, 255);
            Assert.AreEqual(example.Length, writer.Length, "writer length");
            for (int i = 0; i < example.Length; i++) Assert.AreEqual(example[i], writer.Buffer[i], "writer byte " + i.ToString());
        }

        [TestMethod]
        public void Sketch_JoinsAndSendsCayennePayload_ThatDecodesToTheBoardsValues()
        {
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            LoRaWanDevice device = world.PowerOn(id, Options(16));
            var board = new VirtualBoardServices(world, BatteryMv, FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);

            sketch.Run(2);

            Assert.AreEqual(2, sketch.UplinksSent, "two uplinks sent: " + sketch.LastResult.ToString());
            Assert.AreEqual(1, world.Network.Counters.JoinAccepts, "joined once");
            Assert.AreEqual(2, world.Network.Counters.UplinksAccepted, "network accepted both");
            UplinkRecord up = world.Network.Uplinks.Last;
            Assert.AreEqual(SensorSketch.Port, up.FPort, "FPort");
            byte[] payload = up.CopyPayload();

            long uptime = board.LastUptimeMs / 36000;   // hundredths of an hour
            Assert.IsTrue(uptime >= 8, "the second uplink comes ≥ 5 min (0.08 h) after boot: " + uptime.ToString());
            byte[] expected = new byte[]
            {
                0x01, 0x02, (byte)(uptime >> 8), (byte)uptime,   // analog_in_1: uptime, h
                0x03, 0x02, 0x01, 0x8E,                         // analog_in_3: 3.98 V
                0x02, 0x02, 0x39, 0x38,                         // analog_in_2: 146.48 kB
                0x04, 0x01, 0x00,                               // digital_out_4: LED off
                0x05, 0x03, 0x01, 0xF4,                         // analog_out_5: 5.00 min
            };
            Assert.AreEqual(expected.Length, payload.Length, "payload length");
            for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], payload[i], "payload byte " + i.ToString());

            LppItem[] items = CayenneLppReader.Decode(payload, payload.Length);
            Assert.IsNotNull(items, "valid CayenneLPP");
            Assert.AreEqual(5, items.Length, "five items");
            Assert.AreEqual(3.98, CayenneLppReader.Find(items, 3, 2).Value, "battery V");
            Assert.AreEqual(146.48, CayenneLppReader.Find(items, 2, 2).Value, "free kB");
            Assert.AreEqual(0, CayenneLppReader.Find(items, 4, 1).Raw, "LED");
            Assert.AreEqual(5.0, CayenneLppReader.Find(items, 5, 3).Value, "interval min");
            Assert.AreEqual((int)uptime, CayenneLppReader.Find(items, 1, 2).Raw, "uptime");
        }

        [TestMethod]
        public void Downlink_SwitchesLedAndInterval_AndTheNextUplinkReportsThem()
        {
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            LoRaWanDevice device = world.PowerOn(id, Options(16));
            var board = new VirtualBoardServices(world, 0, FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);
            // What The Things Stack's CayenneLPP formatter encodes from {"value_4": 1, "value_5": 2}.
            world.Network.Enqueue(id.DevEui, SensorSketch.Port, new byte[] { 0x04, 0x00, 0x64, 0x05, 0x00, 0xC8 }, false);

            sketch.Run(1);
            Assert.AreEqual(2, sketch.CommandsApplied, "both items obeyed");
            Assert.IsTrue(sketch.LedOn, "LED on");
            Assert.IsTrue(board.Led, "LED pin on");
            Assert.AreEqual(120000, sketch.IntervalMs, "interval 2 min");
            ulong firstEnd = world.Network.Uplinks.Last.UplinkEndUs;

            world.Network.Enqueue(id.DevEui, SensorSketch.Port, new byte[] { 0x04, 0xFF, 0x9C }, false);   // value_4 = −1: toggle
            sketch.Run(1);
            UplinkRecord second = world.Network.Uplinks.Last;
            ulong gapMs = (second.UplinkEndUs - firstEnd) / 1000UL;
            Assert.IsTrue(gapMs >= 120000 && gapMs < 135000, "the next uplink follows the new 2-minute interval: " + gapMs.ToString() + " ms");
            LppItem[] items = CayenneLppReader.Decode(second.CopyPayload(), second.PayloadLength);
            Assert.IsNotNull(items, "valid CayenneLPP");
            Assert.AreEqual(1, CayenneLppReader.Find(items, 4, 1).Raw, "uplink reports LED on");
            Assert.AreEqual(200, CayenneLppReader.Find(items, 5, 3).Raw, "uplink reports 2.00 min");
            Assert.IsNull(CayenneLppReader.Find(items, 3, 2), "no battery item on a board without a divider");
            Assert.IsFalse(sketch.LedOn, "the toggle in the second downlink switched it off again");
            Assert.IsFalse(board.Led, "LED pin off");
        }

        /// <summary>
        /// Program.UseClassC (issue 15): the LED — or a relay on its pin — follows a downlink queued at any moment between
        /// uplinks within a second, instead of waiting for the next uplink's windows (5 minutes here).
        /// </summary>
        [TestMethod]
        public void ClassC_LedFollowsADownlinkWithinASecond_BetweenUplinks()
        {
            DeviceIdentity id = Identity();
            // The Things Network's EU868 join-accept moves RX2 to DR3 (SF9): a Class C downlink then takes The Things
            // Stack's 530 ms scheduling delay plus ~165 ms on air (at the default DR0, SF12, ~1.2 s on air alone).
            var net = new NetworkOptions();
            net.Rx2DataRate = 3;
            var world = new VirtualWorld("EU868", 11, net);
            world.Register(id, LoRaWanVersion.V1_0_4);
            LoRaWanDevice device = world.PowerOn(id, Options(16));
            var board = new VirtualBoardServices(world, 0, FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);
            device.SetDeviceClass(DeviceClass.C);
            world.Network.SetClassC(world.Network.FindDevice(id.DevEui), true);   // "Supports class C" on the network
            sketch.Run(1);   // joins and sends: the network now knows the gateway that hears the device
            world.Sleep(20000);
            Assert.IsFalse(board.Led, "LED off before");
            world.Network.Enqueue(id.DevEui, SensorSketch.Port, new byte[] { 0x04, 0x00, 0x64 }, false);   // {"value_4": 1}
            world.Sleep(1000);
            Assert.IsTrue(board.Led, "LED on within a second of the downlink being queued");
            Assert.AreEqual(1, device.Diagnostics.Counters.RxcFrames, "received in RXC");
            Assert.AreEqual(1, world.Network.Counters.UplinksAccepted, "no uplink needed for it");
        }

        [TestMethod]
        public void Downlink_OutOfRangeUnknownOrTruncated_IsIgnored()
        {
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            LoRaWanDevice device = world.PowerOn(id, Options(16));
            var board = new VirtualBoardServices(world, 0, FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);
            // 0.5 min (below 1 min), an unknown channel 7, and a truncated item.
            world.Network.Enqueue(id.DevEui, SensorSketch.Port, new byte[] { 0x05, 0x00, 0x32, 0x07, 0x00, 0x01, 0x04 }, false);

            sketch.Run(1);
            Assert.AreEqual(1, world.Network.Counters.ApplicationDownlinksSent, "the downlink was delivered");
            Assert.AreEqual(0, sketch.CommandsApplied, "nothing obeyed");
            Assert.AreEqual(3, sketch.CommandsRejected, "three items rejected");
            Assert.AreEqual(FiveMinutesMs, sketch.IntervalMs, "interval unchanged");
            Assert.IsFalse(sketch.LedOn, "LED unchanged");
        }

        [TestMethod]
        public void Payload_LeavesOutItemsThatDoNotFitTheDataRate()
        {
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            LoRaWanDevice device = world.PowerOn(id, Options(16));
            var board = new VirtualBoardServices(world, BatteryMv, FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);

            // 11 bytes (US915 DR0): uptime 4 + battery 4 fit, memory 4 does not, LED 3 does, interval 4 does not.
            int length = sketch.BuildPayload(11);
            Assert.AreEqual(11, length, "length");
            LppItem[] items = CayenneLppReader.Decode(sketch.PayloadBuffer, length);
            Assert.IsNotNull(items, "valid CayenneLPP");
            Assert.AreEqual(3, items.Length, "three items");
            Assert.IsNotNull(CayenneLppReader.Find(items, 1, 2), "uptime");
            Assert.IsNotNull(CayenneLppReader.Find(items, 3, 2), "battery");
            Assert.IsNotNull(CayenneLppReader.Find(items, 4, 1), "LED");
            Assert.AreEqual(0, sketch.BuildPayload(2), "nothing fits in 2 bytes");
        }

        /// <summary>Every uplink on the air: start, air time, frequency.</summary>
        sealed class UplinkWatch : IAirMonitor
        {
            public readonly System.Collections.ArrayList Start = new System.Collections.ArrayList();
            public readonly System.Collections.ArrayList Air = new System.Collections.ArrayList();
            public readonly System.Collections.ArrayList Frequency = new System.Collections.ArrayList();
            public void OnTransmission(AirFrame frame)
            {
                if (frame.InvertIq) return;   // downlinks
                Start.Add(frame.StartUs);
                Air.Add(frame.AirTimeUs);
                Frequency.Add(frame.FrequencyHz);
            }
        }

        [TestMethod]
        public void DeepSleep_NeverWakesBeforeTheDutyCycleAllowsTheNextUplink()
        {
            // EU868 DR0 (SF12), a one-minute interval: each uplink lasts over a second and its 1 % sub-band must then
            // rest 99 times as long (ETSI EN 300 220 sub-band duty cycle, RP002 EU868). Each wake starts the MAC's
            // duty-cycle history afresh, so the sketch must sleep long enough itself. Checked on the air.
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            var watch = new UplinkWatch();
            world.Air.AddMonitor(watch);
            LoRaWanOptions options = Options(1);
            options.Adr = false;
            options.DataRate = 0;
            for (int cycle = 0; cycle < 5; cycle++)
            {
                LoRaWanDevice device = world.PowerOn(id, options);   // every wake is a new program run
                var board = new VirtualBoardServices(world, BatteryMv, FreeMemory);
                var sketch = new SensorSketch(device, board, world.Flash, 60000);
                sketch.RunDeepSleepCycle();
                Assert.IsTrue(board.LastDeepSleepMs >= 60000, "at least the interval");
                world.Sleep(board.LastDeepSleepMs);
            }
            Assert.IsTrue(watch.Start.Count >= 6, "join + 5 uplinks on air: " + watch.Start.Count.ToString());
            var region = world.Region;
            for (int i = 0; i < watch.Start.Count; i++)
                for (int j = i + 1; j < watch.Start.Count; j++)
                {
                    int band = region.GetBandIndex((uint)watch.Frequency[i]);
                    if (region.GetBandIndex((uint)watch.Frequency[j]) != band) continue;
                    ulong earliest = (ulong)watch.Start[i] + (ulong)watch.Air[i] * (ulong)region.GetBandDutyCycleDivisor(band);
                    Assert.IsTrue((ulong)watch.Start[j] >= earliest, "uplink " + j.ToString() + " on band " + band.ToString()
                        + " starts " + (((long)earliest - (long)(ulong)watch.Start[j]) / 1000).ToString() + " ms before the band's rest after uplink " + i.ToString() + " ends");
                }
        }

        [TestMethod]
        public void DeepSleep_RestoresSessionAndSettingsFromFlash_WithoutRejoining()
        {
            DeviceIdentity id = Identity();
            VirtualWorld world = NewWorld(id);
            LoRaWanOptions options = Options(1);   // what Program sets for deep sleep

            LoRaWanDevice device = world.PowerOn(id, options);
            var board = new VirtualBoardServices(world, BatteryMv, FreeMemory);
            var sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);
            world.Network.Enqueue(id.DevEui, SensorSketch.Port, new byte[] { 0x05, 0x01, 0x2C }, false);   // 3.00 min
            sketch.RunDeepSleepCycle();
            Assert.AreEqual(1, board.DeepSleeps, "went to sleep");
            Assert.AreEqual(180000, board.LastDeepSleepMs, "for the interval the downlink set");

            for (int wake = 1; wake <= 2; wake++)
            {
                world.Sleep(board.LastDeepSleepMs);
                device = world.PowerOn(id, options);           // the ESP32 wakes by resetting: a new program run
                Assert.IsTrue(device.IsJoined, "session restored from flash on wake " + wake.ToString());
                board = new VirtualBoardServices(world, BatteryMv, FreeMemory);
                sketch = new SensorSketch(device, board, world.Flash, FiveMinutesMs);
                Assert.AreEqual(180000, sketch.IntervalMs, "interval restored on wake " + wake.ToString());
                sketch.RunDeepSleepCycle();
                Assert.AreEqual(1, sketch.UplinksSent, "sent on wake " + wake.ToString() + ": " + sketch.LastResult.ToString());
            }

            Assert.AreEqual(1, world.Network.Counters.JoinRequests, "one join for three cycles");
            Assert.AreEqual(3, world.Network.Counters.UplinksAccepted, "three uplinks accepted");
            Assert.AreEqual(0, world.Network.Counters.UplinksRejectedReplay, "no FCntUp reused");
            uint f0 = world.Network.Uplinks[0].FCnt, f1 = world.Network.Uplinks[1].FCnt, f2 = world.Network.Uplinks[2].FCnt;
            Assert.AreEqual(0u, f0, "FCnt of cycle 1");
            // Persisting every uplink (FCntPersistInterval = 1) keeps the counters contiguous across wakes; the
            // session saved after cycle 1's downlink may reserve one more counter, never the 16 of the default.
            Assert.IsTrue(f1 > f0 && f1 - f0 <= 2, "FCnt of cycle 2: " + f1.ToString());
            Assert.AreEqual(f1 + 1, f2, "FCnt of cycle 3 (no downlink in cycle 2: the next counter)");
        }
    }
}
