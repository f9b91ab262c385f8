using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LoRaWan.Cli;
using LoRaWan.Cli.Simulate;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// <c>lorawan simulate</c>'s options that reproduce the review of issue 13 (item 11): each is parsed, checked (bad values:
    /// one line, exit code 2) and really wired into the simulated device and network. Expected values come from
    /// RP002-1.0.4 (EU868 DR3 = SF9/125 with N = 115, DR0 N = 51) and the option defaults as documented.
    /// </summary>
    [TestClass]
    public class SimulateOptionsTests
    {
        /// <summary>Every frame the device puts on the air: start, air time, frequency, SF, bandwidth.</summary>
        sealed class DeviceFrames : IAirMonitor
        {
            readonly VirtualWorld _world;
            public readonly List<(ulong StartUs, ulong AirUs, uint Hz, int Sf, int Bw, int Length)> Frames = new();
            public DeviceFrames(VirtualWorld world) { _world = world; world.Air.AddMonitor(this); }
            public void OnTransmission(AirFrame f)
            {
                if (_world.Board != null && f.Source == _world.Board.Chip) Frames.Add((f.StartUs, f.AirTimeUs, f.FrequencyHz, f.SpreadingFactor, f.BandwidthHz, f.Length));
            }
        }

        static InProcessSimulation Build(out StringWriter output, params string[] args)
        {
            output = new StringWriter();
            return new InProcessSimulation(SimulationSettings.Parse(args), output);
        }

        static void Fails(string expected, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = SimulateCommand.Run(args, o, e);
            Assert.AreEqual(2, code, "exit code of simulate " + string.Join(" ", args) + ": " + e);
            Assert.AreEqual("", o.ToString(), "nothing ran");
            string err = e.ToString();
            Assert.AreEqual(1, err.TrimEnd('\n', '\r').Split('\n').Length, "one line: " + err);
            Assert.StartsWith("error: ", err, "prefix");
            Assert.Contains(expected, err);
        }

        [TestMethod]
        public void Options_AreParsed()
        {
            var s = SimulationSettings.Parse();
            Assert.IsFalse(s.Abp, "OTAA by default");
            Assert.IsNull(s.Get(SimulateOptions.DataRate), "no fixed data rate by default");
            Assert.IsNull(s.Get(SimulateOptions.PayloadBytes), "the demo payload by default");
            Assert.AreEqual(120, s.Get(SimulateOptions.IntervalS), "2 minutes by default");
            Assert.IsTrue(s.DeviceOptions().Adr, "ADR on by default");

            s = SimulationSettings.Parse("--activation", "abp", "--dr", "3", "--payload-bytes", "max", "--interval-s", "0");
            Assert.IsTrue(s.Abp, "--activation abp");
            Assert.IsFalse(s.Identity().IsOtaa, "an ABP identity");
            Assert.AreEqual(3, s.Get(SimulateOptions.DataRate), "--dr 3");
            Assert.AreEqual(3, s.DeviceOptions().DataRate, "MAC data rate");
            Assert.IsFalse(s.DeviceOptions().Adr, "--dr turns ADR off");
            Assert.AreEqual(SimulateOptions.MaxPayload, s.Get(SimulateOptions.PayloadBytes), "max");
            Assert.AreEqual(0, s.Get(SimulateOptions.IntervalS), "--interval-s 0");
            Assert.AreEqual(17, SimulationSettings.Parse("--payload-bytes", "17").Get(SimulateOptions.PayloadBytes), "N bytes");
            Assert.AreEqual("abp", SimulationSettings.Parse("--activation", "ABP").Get(SimulateOptions.Activation), "case-insensitive");
        }

        [TestMethod]
        public void BadValues_AreOneLineAndExit2()
        {
            Fails("--activation must be otaa or abp, got 'apb'", "--activation", "apb");
            Fails("--dr must be a data rate 0..15, got -1", "--dr", "-1");
            Fails("--dr must be an integer, got 'x'", "--dr", "x");
            Fails("DR14 is not defined in EU868", "--dr", "14");
            Fails("DR7 in EU868 is carried by no default channel", "--dr", "7");
            Fails("DR8 in US915 is not an uplink data rate", "--region", "US915", "--dr", "8");
            Fails("--dr fixes the data rate with ADR off; it cannot be combined with --adr", "--dr", "3", "--adr");
            Fails("--payload-bytes must be 0..242 or max, got 'big'", "--payload-bytes", "big");
            Fails("--payload-bytes must be 0..242 or max, got '243'", "--payload-bytes", "243");
            Fails("--payload-bytes must be 0..242 or max, got '-1'", "--payload-bytes", "-1");
            Fails("--payload-bytes 52 is more than DR0 in EU868 carries (51 bytes)", "--dr", "0", "--payload-bytes", "52");
            Fails("--interval-s must be 0 (as fast as the duty cycle allows) or 10..604800, got 5", "--interval-s", "5");
            Fails("--appkey is an OTAA option", "--activation", "abp", "--appkey", "2B7E151628AED2A6ABF7158809CF4F3C");
            Fails("--deveui is an OTAA option", "--activation", "abp", "--deveui", "70B3D57ED0000002");
            Fails("--udp needs --gateway-eui", "--udp", "127.0.0.1:1700");
            Fails("--adr drives the in-process network", "--udp", "127.0.0.1:1700", "--gateway-eui", "AA555A0000000101", "--adr");
            Fails("--nwkskey is an ABP option", "--nwkskey", "44024241ED4CE9A68C6A8BC055233FD3");
            Fails("--devaddr: must be 4 bytes", "--activation", "abp", "--devaddr", "2601");
        }

        [TestMethod]
        public void ActivationAbp_BuildsAnAbpDeviceWhoseSessionTheNetworkKnows()
        {
            // --dr 3: the ABP default data rate is another issue's fix (issue 13 item 3); this checks the wiring.
            InProcessSimulation sim = Build(out StringWriter output, "--activation", "abp", "--dr", "3", "--minutes", "10");
            Assert.IsFalse(sim.Identity.IsOtaa, "ABP identity");
            Assert.AreEqual(0, sim.Run(), output.ToString());
            Assert.IsTrue(sim.Device.IsJoined, "session from the options");
            Assert.AreEqual(0, sim.World.Network.Counters.JoinRequests, "no join");
            Assert.AreEqual(0, sim.World.Network.Counters.UplinksRejectedUnknownDevAddr, "the network knows the DevAddr");
            Assert.AreEqual(0, sim.World.Network.Counters.UplinksRejectedMic, "and the keys");
            var uplinks = sim.World.Network.Uplinks;
            Assert.IsTrue(uplinks.Count >= 4, "uplinks accepted: " + uplinks.Count);
            for (int i = 0; i < uplinks.Count; i++) Assert.AreEqual(0x260B0001u, uplinks[i].DevAddr, "the default --devaddr 260B0001");
            Assert.Contains("activation             ABP, DevAddr 260B0001", output.ToString(), "summary");
        }

        [TestMethod]
        public void FixedDataRate_TransmitsAtThatRateWithAdrOff()
        {
            InProcessSimulation sim = Build(out StringWriter output, "--dr", "3", "--minutes", "15");
            var air = new DeviceFrames(sim.World);
            Assert.AreEqual(0, sim.Run(), output.ToString());
            var uplinks = sim.World.Network.Uplinks;
            Assert.IsTrue(uplinks.Count >= 6, "uplinks: " + uplinks.Count);
            for (int i = 0; i < uplinks.Count; i++)
            {
                Assert.AreEqual(3, uplinks[i].DataRate, "uplink " + i + " at DR3");
                Assert.IsFalse(uplinks[i].Adr, "ADR bit clear");
            }
            // After the join request (23 bytes, the join data rate), every frame on air is EU868 DR3 = SF9/125 kHz.
            int data = 0;
            foreach (var f in air.Frames)
            {
                if (f.Length == 23) continue;
                data++;
                Assert.AreEqual(9, f.Sf, "SF9");
                Assert.AreEqual(125000, f.Bw, "125 kHz");
            }
            Assert.AreEqual(uplinks.Count, data, "every data frame on air reached the network");
            Assert.AreEqual(3, sim.World.Mac.Session.DataRate, "still DR3 at the end");
        }

        [TestMethod]
        public void PayloadBytesMax_SendsTheRegionsMaximum()
        {
            foreach (var (dr, n) in new[] { ("3", 115), ("0", 51) }) // RP002-1.0.4 EU863-870 maximum payload size, N
            {
                InProcessSimulation sim = Build(out StringWriter output, "--dr", dr, "--payload-bytes", "max", "--minutes", "20");
                Assert.AreEqual(0, sim.Run(), output.ToString());
                var uplinks = sim.World.Network.Uplinks;
                int app = 0;
                for (int i = 0; i < uplinks.Count; i++)
                {
                    if (uplinks[i].FPort != 1) continue;
                    app++;
                    Assert.AreEqual(n, uplinks[i].PayloadLength, $"DR{dr} uplink {i}");
                }
                Assert.IsTrue(app >= 3, "application uplinks at DR" + dr + ": " + app);
            }
            InProcessSimulation fixedSize = Build(out StringWriter o2, "--payload-bytes", "20", "--minutes", "10");
            Assert.AreEqual(0, fixedSize.Run(), o2.ToString());
            Assert.AreEqual(20, fixedSize.World.Network.Uplinks[0].PayloadLength, "--payload-bytes 20");
        }

        [TestMethod]
        public void IntervalZero_SendsAsSoonAsTheMacAllows()
        {
            // US915 has no duty cycle: each uplink follows the previous cycle at once. The simulated network answers the
            // join with RxDelay 5 s (as The Things Stack does), so a cycle is TX (57 ms at SF7) + RX1 at 5 s + RX2 at 6 s
            // (open about 0.1 s at SF12/500 when empty) = about 6.2 s; with --interval-s 10 it would be 16 s or more.
            InProcessSimulation sim = Build(out StringWriter output, "--region", "US915", "--dr", "3", "--interval-s", "0", "--minutes", "5");
            var air = new DeviceFrames(sim.World);
            Assert.AreEqual(0, sim.Run(), output.ToString());
            Assert.IsTrue(air.Frames.Count > 45, "about one uplink per 6.2 s in 5 minutes: " + air.Frames.Count);
            for (int i = 2; i < air.Frames.Count; i++)
            {
                ulong gap = air.Frames[i].StartUs - air.Frames[i - 1].StartUs;
                Assert.IsTrue(gap < 6300000, $"uplink {i} started {gap / 1000} ms after the one before");
            }

            // EU868: the application adds no wait; after the first hour the MAC's duty-cycle tracker paces it.
            InProcessSimulation eu = Build(out StringWriter euOut, "--dr", "5", "--payload-bytes", "max", "--interval-s", "0", "--minutes", "30");
            var euAir = new DeviceFrames(eu.World);
            Assert.AreEqual(0, eu.Run(), euOut.ToString());
            // 1 % of 30 minutes in each of the two sub-bands the device uses, at about 0.4 s per 242-byte frame at SF7.
            Assert.IsTrue(euAir.Frames.Count > 60, "saturating sender: " + euAir.Frames.Count + " frames");

            // A saturating run ends with the MAC waiting for the duty cycle: that last Send is unfinished, not failed.
            InProcessSimulation dr0 = Build(out StringWriter dr0Out, "--dr", "0", "--payload-bytes", "max", "--interval-s", "0", "--minutes", "90");
            Assert.AreEqual(0, dr0.Run(), dr0Out.ToString());
            string summary = dr0Out.ToString();
            Assert.IsTrue(summary.Contains(" 0 failed"), "a duty-cycle wait past the run's end is not a failure:\n" + summary);

            // No duty cycle (KR920): the last Send has less time left than one cycle: cut off, not failed.
            InProcessSimulation kr = Build(out StringWriter krOut, "--region", "KR920", "--payload-bytes", "max", "--interval-s", "0", "--minutes", "30");
            Assert.AreEqual(0, kr.Run(), krOut.ToString());
            Assert.IsTrue(krOut.ToString().Contains(" 0 failed"), "a Send cut off by the end of the run is not a failure:\n" + krOut);
        }

        [TestMethod]
        public void DutyCycleSummary_IsTheAirTimeOnAir_NotTheMacsTracker()
        {
            InProcessSimulation sim = Build(out StringWriter output, "--dr", "5", "--payload-bytes", "max", "--interval-s", "0", "--minutes", "120");
            var air = new DeviceFrames(sim.World);
            Assert.AreEqual(0, sim.Run(), output.ToString());
            ulong now = sim.World.Scheduler.NowMicroseconds;
            // Sub-band g1 = 868.0–868.6 MHz (ETSI EN 300 220 / RP002 EU863-870), 1 %: 36 s per hour.
            double lastHour = 0, hour2 = 0;
            foreach (var f in air.Frames)
            {
                if (f.Hz < 868000000 || f.Hz > 868600000) continue;
                lastHour += Overlap(f.StartUs, f.AirUs, now - 3600000000UL, now);
                hour2 += Overlap(f.StartUs, f.AirUs, 3600000000UL, 7200000000UL);
            }
            string text = output.ToString();
            string expected = $"band g1 868.0-868.6 MHz 1%: last hour {lastHour / 1e6:0.0} s of 36.0 s allowed ({lastHour / 1e6 / 36 * 100:0.0} %)";
            Assert.Contains(expected.Replace(',', '.'), text, "last hour from the frames on air");
            Assert.Contains($" {hour2 / 1e6 / 36 * 100:0.0} %".Replace(',', '.') + Environment.NewLine, text, "hour 2 ends the g1 line");
        }

        static double Overlap(ulong start, ulong air, ulong from, ulong to)
        {
            ulong s = Math.Max(start, from), e = Math.Min(start + air, to);
            return e > s ? e - s : 0;
        }

        /// <summary>
        /// Issue 15's "done when": <c>simulate --class C --minutes 60</c> exits 0 with every relay command the application
        /// queued at a random moment received, most within a second — The Things Stack schedules a Class C downlink 530 ms
        /// ahead (ScheduleTimeLong), plus its air time at RX2's DR3 (SF9: 3 B of FRMPayload, 16 B PHYPayload, about 165 ms).
        /// </summary>
        [TestMethod]
        public void ClassC_SixtyMinutes_EveryDownlinkArrives_MedianLatencyUnderOneSecond()
        {
            InProcessSimulation sim = Build(out StringWriter output, "--class", "C", "--minutes", "60");
            int code = sim.Run();
            string o = output.ToString();
            Assert.AreEqual(0, code, o);
            Assert.Contains("RESULT ok", o);
            Assert.Contains(" 0 missing", o, "every relay command received");
            Assert.AreEqual((int)LoRaWan.Mac.DeviceClass.C, (int)sim.Device.DeviceClass);
            int rxc = sim.Device.Diagnostics.Counters.RxcFrames;
            Assert.IsTrue(rxc >= 25, "most commands came in RXC: " + rxc.ToString());
            var m = System.Text.RegularExpressions.Regex.Match(o, @"median (\d+\.\d+) s, worst (\d+\.\d+) s");
            Assert.IsTrue(m.Success, "latency line");
            double median = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsTrue(median > 0.53 && median < 1.0, "median latency " + median.ToString() + " s");
            Assert.IsTrue(System.Text.RegularExpressions.Regex.IsMatch(o, @"radio in RX +9\d\.\d %"), "the radio listened nearly all the time");
            Assert.Contains("in RXC", o, "the timeline shows RXC receptions");
        }

        /// <summary>
        /// KR920's RX2 is SF12: a relay command takes about 1.2 s on air, and in 120 minutes one unconfirmed command is sent
        /// by the network while the device is sending its own uplink (found by comparing the network's records). A
        /// half-duplex radio cannot hear it and The Things Stack does not repeat an unconfirmed downlink: reported as such,
        /// not as a device failure (the run failed with "1 relay command(s) never arrived" before).
        /// </summary>
        [TestMethod]
        public void ClassC_Kr920_AnUnconfirmedCommandSentDuringTheDevicesUplink_IsReportedAsHalfDuplex()
        {
            InProcessSimulation sim = Build(out StringWriter output, "--region", "KR920", "--class", "C", "--minutes", "120");
            int code = sim.Run();
            string o = output.ToString();
            Assert.AreEqual(0, code, o);
            Assert.Contains("1 missing (1 unconfirmed, sent by the network while the device was transmitting: half duplex)", o);
            Assert.Contains("but 1 unconfirmed sent while the device was transmitting (half duplex)", o);
        }

        [TestMethod]
        public void ClassC_NeedsAnInterval()
        {
            Fails("--class C queues downlinks between uplinks", "--class", "C", "--interval-s", "0");
        }
    }
}
