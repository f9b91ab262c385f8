using System;
using System.IO;
using LoRaWan.Cli.Simulate;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Cli
{
    /// <summary>
    /// lorawan simulate: a virtual ESP32 + SX1276 running the real driver and MAC joins a simulated network
    /// (The Things Stack behaviour) and sends on it, with downlinks from the application, printing a timeline and a
    /// summary. Exit code 0 only when the device joined and every application downlink the network sent arrived.
    /// </summary>
    public static class SimulateCommand
    {
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var a = new CliArgs(args, "verbose", "confirmed", "realtime", "adr");
            string regionName = a.Get("region", "EU868");
            string versionText = a.Get("mac-version", "1.0.4");
            int minutes = a.Int("minutes", 60);
            int jitterMs = a.Int("jitter-ms", 10);
            int seed = a.Int("seed", 1);
            int intervalS = a.Int("interval-s", 120);
            bool verbose = a.Flag("verbose");
            string devEui = a.Get("deveui", "70B3D57ED0000001");
            string joinEui = a.Get("joineui", "0000000000000000");
            string appKey = a.Get("appkey", "2B7E151628AED2A6ABF7158809CF4F3C");
            // Issue 10: --udp host:port --gateway-eui EUI talks to a real network server (implies --realtime).
            string udpServer = a.Get("udp");
            string gatewayEui = a.Get("gateway-eui");
            bool realtime = a.Flag("realtime");
            // Issue 8: --adr lets the network manage the device with MAC commands (ADR from DR0, DevStatusReq, RX2 …).
            bool adr = a.Flag("adr");
            // Flash kept in a file between runs (DevNonce, session, counters) — default for --udp, where a real
            // 1.0.4 network server rejects a DevNonce it has already seen.
            string statePath = a.Get("state");
            a.RejectUnknown();
            if (minutes < 1 || minutes > 7 * 24 * 60) throw new CliException("--minutes must be 1..10080");
            if (jitterMs < 0 || jitterMs > 200) throw new CliException("--jitter-ms must be 0..200");
            if (intervalS < 10) throw new CliException("--interval-s must be at least 10");
            LoRaWanVersion version = versionText switch
            {
                "1.0.2" => LoRaWanVersion.V1_0_2,
                "1.0.3" => LoRaWanVersion.V1_0_3,
                "1.0.4" => LoRaWanVersion.V1_0_4,
                _ => throw new CliException($"--mac-version must be 1.0.2, 1.0.3 or 1.0.4 (got '{versionText}')"),
            };
            if (udpServer != null)
                return UdpSimulation.Run(new UdpSimulation.Settings
                {
                    Server = udpServer, GatewayEui = gatewayEui, RegionName = regionName, VersionText = versionText, Version = version,
                    Minutes = minutes, IntervalS = intervalS, Seed = seed, JitterMs = jitterMs, Verbose = verbose,
                    DevEui = devEui, JoinEui = joinEui, AppKey = appKey,
                    StatePath = statePath ?? $"lorawan-sim-{devEui.Replace(":", "").Replace("-", "").ToUpperInvariant()}.nvs",
                }, stdout);
            if (statePath != null) throw new CliException("--state is only used with --udp (the in-process network forgets between runs anyway)");
            if (gatewayEui != null) throw new CliException("--gateway-eui is only used with --udp");

            var netOptions = new NetworkOptions();
            bool fixedPlan = regionName == "US915" || regionName == "AU915";
            if (fixedPlan) netOptions.SubBand = 2;
            VirtualWorld world;
            try { world = new VirtualWorld(regionName, seed, netOptions); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            // Platform timing error of at most ±J: the DIO handler runs up to J/2 late, the alarm fires within ±J/2.
            world.InterruptLatencyMaxUs = (uint)jitterMs * 500;
            world.AlarmSpreadUs = (uint)jitterMs * 500;
            if (realtime) UdpSimulation.StartRealTime(world);
            if (adr)
            {
                world.Network.Mac.Enabled = true;
                if (regionName == "EU868") world.Network.Mac.Rx2DataRate = 3;   // The Things Network's EU868 RX2 (SF9)
            }

            var identity = DeviceIdentity.Otaa(devEui, joinEui, appKey);
            world.Register(identity, version);
            var options = new LoRaWanOptions { Version = version, RandomSeed = (uint)seed };
            if (fixedPlan) options.SubBand = 2;
            if (adr) options.DataRate = world.Region.DefaultDataRate;   // start at the slowest allowed rate (DR2 AU915/AS923, DR1 CN470): ADR brings it up

            var timeline = new Timeline(stdout, world.Region, verbose);
            world.Network.Observer = timeline;
            LoRaWanDevice device = world.PowerOn(identity, options);
            device.Mac.Trace = timeline;
            device.OnLinkCheck += (sender, margin, gateways) =>
                timeline.Line(world.Scheduler.NowMicroseconds, "app", $"OnLinkCheck margin {margin} dB, {gateways} gateway(s)");
            device.OnNetworkTime += (sender, seconds, fraction) =>
                timeline.Line(world.Scheduler.NowMicroseconds, "app", $"OnNetworkTime GPS {seconds}.{fraction * 1000 / 256:D3} s at the end of the uplink that asked");
            var traffic = new DemoTraffic(device, timeline, () => world.Scheduler.NowMicroseconds, seed);

            ulong end = (ulong)minutes * 60UL * 1000000UL;
            timeline.Line(0, "device", $"power on · {regionName} · LoRaWAN {versionText} · DevEUI {devEui} · platform timing error ±{jitterMs} ms (window margin {options.TimingErrorUs / 1000} ms)");
            bool joined = device.Join(Math.Max(60000, minutes * 60000));
            if (!joined)
            {
                timeline.Line(world.Scheduler.NowMicroseconds, "device", "NOT JOINED");
            }

            int enqueued = 0;
            while (joined && world.Scheduler.NowMicroseconds < end)
            {
                int sent = traffic.Next();
                if (sent % 3 == 0)
                {
                    bool confirmedDown = sent % 9 == 0;
                    byte[] cmd = { (byte)0x01, (byte)(sent & 0xFF) };
                    world.Network.Enqueue(identity.DevEui, 10, cmd, confirmedDown);
                    enqueued++;
                    timeline.Line(world.Scheduler.NowMicroseconds, "app", $"network application queues a {(confirmedDown ? "confirmed " : "")}downlink on FPort 10: {Hex.ToString(cmd, 0, cmd.Length)}");
                }
                if (adr && sent == 4)
                {
                    device.RequestLinkCheck();
                    if (version != LoRaWanVersion.V1_0_2) device.RequestDeviceTime();
                    timeline.Line(world.Scheduler.NowMicroseconds, "app", "asks for a link check and the network time (next uplink)");
                }
                traffic.Send();
                world.Sleep(intervalS * 1000);
            }

            int appDownlinksSent = 0;
            for (int i = 0; i < world.Network.Downlinks.Count; i++)
            {
                DownlinkRecord d = world.Network.Downlinks[i];
                if (!d.IsJoinAccept && !d.Dropped && d.FPort > 0) appDownlinksSent++;
            }

            var m = device.Mac;
            var c = world.Network.Counters;
            stdout.WriteLine();
            stdout.WriteLine("Summary");
            stdout.WriteLine($"  joined                 {(joined ? "yes" : "NO")} after {timeline.JoinRequests} join request(s)");
            traffic.WriteUplinks(stdout);
            stdout.WriteLine($"  network                {world.Network.Counters.UplinksAccepted} uplinks accepted, {c.UplinksRejectedMalformed + c.UplinksRejectedUnknownDevAddr + c.UplinksRejectedMic + c.UplinksRejectedReplay + c.UplinksRejectedDataRate} rejected, {c.Retransmissions} retransmissions");
            stdout.WriteLine($"  downlinks              {enqueued} queued by the application, {appDownlinksSent} sent by the network, {traffic.DownlinksReceived} received by the device");
            traffic.WriteDevice(stdout);
            for (int band = 0; band < world.Region.BandCount; band++)
            {
                ulong used = m.DutyCycle.GetBandAirTimeInLastHourUs(band, world.Scheduler.NowMicroseconds);
                if (used == 0) continue;
                int divisor = world.Region.GetBandDutyCycleDivisor(band);
                stdout.WriteLine($"  duty cycle (last hour) band {world.Region.GetBandName(band)}: {used / 1000.0:F0} ms of {3600000.0 / divisor:F0} ms allowed ({100.0 / divisor:0.###} %)");
            }
            var mc = world.Network.MacCounters;
            if (adr || mc.AnswersCorrect + mc.WrongAnswers + mc.AnswersMissing > 0)
                stdout.WriteLine($"  MAC commands           {mc.RequestsQueued} requests, {mc.AnswersCorrect} answered right, {mc.WrongAnswers} wrong, {mc.AnswersMissing} missing, {mc.StickyRepeats} sticky repeats; device now DR{m.Session.DataRate} TXPower {m.Session.TxPowerIndex}, {m.Session.Plan.EnabledCount} channels");
            int downlinksReceived = traffic.DownlinksReceived;
            bool ok = joined && downlinksReceived == appDownlinksSent && appDownlinksSent > 0;
            stdout.WriteLine(ok ? "RESULT ok: joined and every application downlink the network sent arrived"
                                : "RESULT FAILED: " + (!joined ? "not joined" : $"{appDownlinksSent - downlinksReceived} downlink(s) lost"));
            return ok ? 0 : 1;
        }
    }
}
