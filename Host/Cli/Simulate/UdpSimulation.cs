using System;
using System.IO;
using System.Net;
using System.Threading;
using LoRaWan.Certification;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Udp;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// lorawan simulate --udp host:port --gateway-eui EUI: the simulated ESP32 + SX1276 (real driver and MAC) talks,
    /// in wall-clock time, to a real network server through a virtual gateway speaking the Semtech UDP packet
    /// forwarder protocol. The in-process network model is bypassed: uplinks go out as PUSH_DATA, downlinks come back
    /// as PULL_RESP. Ctrl+C ends the run early with the summary.
    /// </summary>
    public static class UdpSimulation
    {
        const int StateSlots = LoRaWan.Session.StoreSlots.Count;   // every slot of the map

        static void SaveState(VirtualWorld world, string statePath)
        {
            if (statePath != null) FlashFile.Save(world.Flash, statePath, StateSlots);
        }

        /// <summary>Starts wall-clock pacing of <paramref name="world"/> (the --realtime switch without --udp).</summary>
        public static RealTimePacer StartRealTime(VirtualWorld world)
        {
            var pacer = new RealTimePacer(world.Scheduler);
            pacer.Start();
            return pacer;
        }

        public static int Run(SimulationSettings settings, TextWriter stdout)
        {
            var s = new
            {
                Server = settings.Get(SimulateOptions.Udp),
                GatewayEui = settings.Get(SimulateOptions.GatewayEui),
                RegionName = settings.Region.Name,
                settings.VersionText,
                Minutes = settings.Get(SimulateOptions.Minutes),
                IntervalS = settings.Get(SimulateOptions.IntervalS),
                Seed = settings.Get(SimulateOptions.Seed),
                JitterMs = settings.Get(SimulateOptions.JitterMs),
                Verbose = settings.Get(SimulateOptions.Verbose),
                DevEui = settings.Get(SimulateOptions.DevEui),
                JoinEui = settings.Get(SimulateOptions.JoinEui),
            };
            var identity = settings.Identity();
            string who = identity.IsOtaa ? s.DevEui : settings.Get(SimulateOptions.DevAddr);
            string statePath = settings.Get(SimulateOptions.State) ?? $"lorawan-sim-{who.Replace(":", "").Replace("-", "").ToUpperInvariant()}.nvs";
            if (s.GatewayEui == null) throw new CliException("--udp needs --gateway-eui (16 hex digits, as registered on the network server)");
            ulong eui;
            try { eui = SemtechUdp.ParseEui(s.GatewayEui); }
            catch (FormatException e) { throw new CliException("--gateway-eui: " + e.Message); }
            IPEndPoint server;
            try { server = UdpDatagramLink.Resolve(s.Server); }
            catch (Exception e) when (e is FormatException || e is System.Net.Sockets.SocketException)
            { throw new CliException($"--udp '{s.Server}': {e.Message}"); }

            var netOptions = new NetworkOptions();
            bool fixedPlan = s.RegionName == "US915" || s.RegionName == "AU915";
            if (fixedPlan) netOptions.SubBand = 2;
            VirtualWorld world;
            try { world = new VirtualWorld(s.RegionName, s.Seed, netOptions); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            // Platform timing error of at most ±J, as in the in-process simulation.
            world.InterruptLatencyMaxUs = (uint)s.JitterMs * 500;
            world.AlarmSpreadUs = (uint)s.JitterMs * 500;

            var options = settings.DeviceOptions();

            var timeline = new Timeline(stdout, world.Region, s.Verbose);
            using var link = new UdpDatagramLink(server);
            var pacer = new RealTimePacer(world.Scheduler);
            var forwarder = new VirtualPacketForwarder(world.Gateway, world.Scheduler, world.Region, eui, link,
                (uint)Random.Shared.NextInt64(0, 1L << 32), Environment.TickCount);
            // The gateway's uplinks go to the UDP forwarder instead of the in-process network model.
            world.Gateway.SetUplinkReceiver(forwarder);
            world.Air.AddMonitor(forwarder);
            forwarder.Pacer = pacer;
            forwarder.Observer = new ForwarderTimeline(timeline, s.Verbose, server.ToString());
            pacer.AddService(forwarder);

            bool stop = false;
            ConsoleCancelEventHandler onCancel = (o, e) => { e.Cancel = true; stop = true; };
            Console.CancelKeyPress += onCancel;
            try
            {
                bool restored = FlashFile.Load(world.Flash, statePath, StateSlots);
                timeline.Line(0, "device", restored
                    ? $"flash restored from {statePath} (DevNonce counter, session and frame counters continue)"
                    : $"flash state will be kept in {statePath} (delete it after resetting the device's nonces on the server)");
                // --certification: the TS009 package as a certification firmware wires it (README "Certification").
                CertificationPackage cert = settings.Get(SimulateOptions.Certification)
                    ? new CertificationPackage(world.Scheduler, new byte[] { 0, 1, 0, 0 }, options.Version) : null;
                LoRaWanDevice device = world.PowerOn(identity, options, timeline, null, cert);
                if (cert != null)
                {
                    cert.Attach(world.Mac);
                    cert.ResetHandler = () => timeline.Line(world.Scheduler.NowMicroseconds, "device", "TS009 DutResetReq (the simulated device keeps running)");
                    timeline.Line(0, "device", "TS009 certification package on FPort 224 (test mode from the first command)");
                }
                pacer.Start();
                link.Start(forwarder);
                timeline.Line(0, "gateway", $"virtual gateway {eui:X16} · Semtech UDP packet forwarder v2 → {server} (from {link.LocalEndPoint}) · wall-clock time");
                forwarder.Start();
                var traffic = new DemoTraffic(device, timeline, () => world.Scheduler.NowMicroseconds, s.Seed);
                traffic.PayloadBytes = settings.Get(SimulateOptions.PayloadBytes);
                device.OnJoinAttempt += (sender, joined, attempt) =>
                {
                    if (!joined && attempt > 0) timeline.Line(world.Scheduler.NowMicroseconds, "device", $"join attempt {attempt} got no join-accept");
                };

                ulong end = (ulong)s.Minutes * 60UL * 1000000UL;
                traffic.RunEndUs = end;
                string activation = identity.IsOtaa ? $"DevEUI {s.DevEui} · JoinEUI {s.JoinEui}" : $"ABP DevAddr {identity.DevAddr:X8}";
                timeline.Line(world.Scheduler.NowMicroseconds, "device", $"power on · {s.RegionName} · LoRaWAN {s.VersionText} · {activation} · platform timing error ±{s.JitterMs} ms (window margin {options.TimingErrorUs / 1000} ms)");
                timeline.Line(world.Scheduler.NowMicroseconds, "device", "keys · " + settings.KeysText());
                if (!device.IsJoined) device.BeginJoin();
                while (!device.IsJoined && !stop && world.Scheduler.NowMicroseconds < end) world.Sleep(250);
                bool joined = device.IsJoined;
                SaveState(world, statePath);
                if (!joined) timeline.Line(world.Scheduler.NowMicroseconds, "device", "NOT JOINED");
                if (joined && settings.ClassC)
                {
                    device.SetDeviceClass(DeviceClass.C);
                    timeline.Line(world.Scheduler.NowMicroseconds, "device", "Class C: listening on RXC between uplinks (tick \"Supports class C\" for the device on the network server)");
                }

                while (joined && !stop && world.Scheduler.NowMicroseconds < end)
                {
                    if (cert != null && cert.TestMode)
                    {
                        // TS009 test mode: the package owns the uplinks (answers, periodic test uplinks); the sketch pauses.
                        if (cert.Poll()) SaveState(world, statePath);
                        world.Sleep(100);
                        continue;
                    }
                    traffic.Next();
                    // --interval-s 0: the next Send follows at once (the MAC waits for the duty cycle inside it).
                    if (s.IntervalS == 0) traffic.SendTimeoutMs = (int)Math.Min(int.MaxValue, Math.Max(1UL, (end - Math.Min(end, world.Scheduler.NowMicroseconds) + 999UL) / 1000UL));
                    ulong before = world.Scheduler.NowMicroseconds;
                    SendResult r = traffic.Send();
                    SaveState(world, statePath);
                    ulong pause = s.IntervalS > 0 ? (ulong)s.IntervalS * 1000000UL
                        : r.Transmissions == 0 && world.Scheduler.NowMicroseconds == before ? (ulong)InProcessSimulation.RetryAfterRefusalMs * 1000UL : 0;
                    ulong next = world.Scheduler.NowMicroseconds + pause;
                    while (!stop && world.Scheduler.NowMicroseconds < next && world.Scheduler.NowMicroseconds < end) world.Sleep(250);
                }
                if (stop) timeline.Line(world.Scheduler.NowMicroseconds, "app", "interrupted (Ctrl+C)");
                forwarder.Stop();
                pacer.Stop();

                var c = forwarder.Counters;
                stdout.WriteLine();
                stdout.WriteLine("Summary");
                stdout.WriteLine($"  joined                 {(joined ? "yes" : "NO")} after {timeline.JoinRequests} join request(s)");
                traffic.WriteUplinks(stdout);
                stdout.WriteLine($"  downlinks              {c.PullResps} PULL_RESP, {c.TxAcks(TxAckError.None)} accepted, {c.DownlinksEmitted} sent on air, {traffic.DownlinksReceived} application downlink(s) delivered");
                stdout.WriteLine($"  TX_ACK errors          {Errors(c)}");
                stdout.WriteLine($"  server                 {c.PushDataSent} PUSH_DATA / {c.PushAcks} PUSH_ACK ({Rtt(c.PushAcks, c.PushRttMinMs, c.PushRttSumMs, c.PushRttMaxMs)}); {c.PullDataSent} PULL_DATA / {c.PullAcks} PULL_ACK ({Rtt(c.PullAcks, c.PullRttMinMs, c.PullRttSumMs, c.PullRttMaxMs)}); {c.DroppedTotal} malformed datagram(s) dropped");
                stdout.WriteLine($"  real time              virtual clock at most {pacer.MaxLeadUs / 1000.0:F1} ms ahead of / {pacer.MaxLagUs / 1000.0:F1} ms behind the wall clock; downlinks on air within {(c.DownlinksEmitted == 0 ? "-" : (c.MaxOnAirWallErrorUs / 1000.0).ToString("F1") + " ms")} of wall time; earliest PULL_RESP {(c.MinDownlinkLeadUs == long.MaxValue ? "-" : (c.MinDownlinkLeadUs / 1000.0).ToString("F0") + " ms")} before its tmst");
                traffic.WriteDevice(stdout);
                if (cert != null) stdout.WriteLine($"  TS009                  {cert.CommandsHandled} command(s) handled, {cert.UnsupportedCommands} unsupported, test mode {(cert.TestMode ? "on" : "off")}, RxAppCnt {cert.RxAppCnt}");
                stdout.WriteLine(joined ? "RESULT ok: joined through the network server" : "RESULT FAILED: not joined (is the device registered with these keys, LoRaWAN " + s.VersionText + " and the " + s.RegionName + " frequency plan?)");
                return joined ? 0 : 1;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        static string Errors(ForwarderCounters c)
        {
            if (c.TxAckErrorsTotal == 0) return "none";
            string text = "";
            for (TxAckError e = TxAckError.TooLate; e <= TxAckError.GpsUnlocked; e++)
                if (c.TxAcks(e) > 0) text += (text.Length > 0 ? ", " : "") + $"{c.TxAcks(e)} {TxAckErrors.Name(e)}";
            return text;
        }

        static string Rtt(int n, double min, double sum, double max) =>
            n == 0 ? "no answer" : $"round trip {min:F1}/{sum / n:F1}/{max:F1} ms min/mean/max";
    }
}
