using System;
using System.IO;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// <c>lorawan simulate</c> without <c>--udp</c>: a virtual ESP32 + SX1276 running the real driver and MAC joins (OTAA)
    /// or starts with its ABP session on a simulated network (The Things Stack behaviour) and sends on it, with
    /// downlinks from the application, printing a timeline and a summary. Build it, look at <see cref="World"/> if
    /// needed, then <see cref="Run"/>.
    /// </summary>
    public sealed class InProcessSimulation
    {
        /// <summary>With <c>--interval-s 0</c>, how long the application waits after a Send that put nothing on air before it tries again.</summary>
        public const int RetryAfterRefusalMs = 10000;

        readonly SimulationSettings _s;
        readonly TextWriter _out;

        public InProcessSimulation(SimulationSettings settings, TextWriter stdout)
        {
            _s = settings;
            _out = stdout;
            var netOptions = new NetworkOptions();
            if (settings.FixedPlan) netOptions.SubBand = 2;
            // Class C listens on RX2's parameters: The Things Network's EU868 join-accept sets RX2 to DR3 (SF9), whose
            // frames last a tenth of the region's default DR0 (SF12).
            if (settings.ClassC && settings.Region.Name == "EU868") netOptions.Rx2DataRate = 3;
            try { World = new VirtualWorld(settings.Region.Name, settings.Get(SimulateOptions.Seed), netOptions); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            Identity = settings.Identity();
            DeviceOptions = settings.DeviceOptions();
            AirTime = new DutyCycleUsage(World.Region, frame => World.Board != null && frame.Source == World.Board.Chip);
            World.Air.AddMonitor(AirTime);
        }

        /// <summary>The virtual world (air, gateway, network server, and after <see cref="Run"/> the board and device).</summary>
        public VirtualWorld World { get; }

        /// <summary>The device's identity (OTAA or ABP), registered on the network by <see cref="Run"/>.</summary>
        public DeviceIdentity Identity { get; }

        /// <summary>The MAC options the device is built with.</summary>
        public LoRaWanOptions DeviceOptions { get; }

        /// <summary>The device's transmissions on the air and its duty-cycle use per band.</summary>
        public DutyCycleUsage AirTime { get; }

        /// <summary>The device, once <see cref="Run"/> has powered it on.</summary>
        public LoRaWanDevice Device { get; private set; }

        /// <summary>Runs; exit code 0 only when the device has a session and every application downlink the network sent arrived.</summary>
        public int Run()
        {
            VirtualWorld world = World;
            string regionName = world.Region.Name;
            int minutes = _s.Get(SimulateOptions.Minutes);
            int jitterMs = _s.Get(SimulateOptions.JitterMs);
            int intervalS = _s.Get(SimulateOptions.IntervalS);
            bool adr = _s.Get(SimulateOptions.Adr);
            LoRaWanVersion version = _s.Version;
            // Platform timing error of at most ±J: the DIO handler runs up to J/2 late, the alarm fires within ±J/2.
            world.InterruptLatencyMaxUs = (uint)jitterMs * 500;
            world.AlarmSpreadUs = (uint)jitterMs * 500;
            // Issue 21: DIO interrupt latency alone, uniform 0..N ms, on top of --jitter-ms.
            int dioLatencyMs = _s.Get(SimulateOptions.DioLatencyMs);
            world.DioLatencyMaxUs = (uint)dioLatencyMs * 1000;
            if (_s.Get(SimulateOptions.Realtime)) UdpSimulation.StartRealTime(world);
            if (adr)
            {
                world.Network.Mac.Enabled = true;
                if (regionName == "EU868") world.Network.Mac.Rx2DataRate = 3;   // The Things Network's EU868 RX2 (SF9)
            }

            DeviceIdentity identity = Identity;
            NetworkDevice networkDevice = world.Register(identity, version);
            LoRaWanOptions options = DeviceOptions;

            var timeline = new Timeline(_out, world.Region, _s.Get(SimulateOptions.Verbose));
            world.Network.Observer = timeline;
            LoRaWanDevice device = Device = world.PowerOn(identity, options, timeline, null);
            device.OnLinkCheck += (sender, margin, gateways) =>
                timeline.Line(world.Scheduler.NowMicroseconds, "app", $"OnLinkCheck margin {margin} dB, {gateways} gateway(s)");
            device.OnNetworkTime += (sender, seconds, fraction) =>
                timeline.Line(world.Scheduler.NowMicroseconds, "app", $"OnNetworkTime GPS {seconds}.{fraction * 1000 / 256:D3} s at the end of the uplink that asked");
            var traffic = new DemoTraffic(device, timeline, () => world.Scheduler.NowMicroseconds, _s.Get(SimulateOptions.Seed));
            traffic.PayloadBytes = _s.Get(SimulateOptions.PayloadBytes);
            ulong end = (ulong)minutes * 60UL * 1000000UL;
            traffic.RunEndUs = end;
            string who = identity.IsOtaa ? $"OTAA DevEUI {_s.Get(SimulateOptions.DevEui)}" : $"ABP DevAddr {identity.DevAddr:X8}";
            string rate = options.Adr ? "ADR on" : $"DR{options.DataRate} fixed, ADR off";
            timeline.Line(0, "device", $"power on · {regionName} · LoRaWAN {_s.VersionText} · {who} · {rate} · platform timing error ±{jitterMs} ms{(dioLatencyMs > 0 ? $" + DIO interrupt latency 0..{dioLatencyMs} ms" : "")} (window margin {options.TimingErrorUs / 1000} ms)");
            timeline.Line(0, "device", "keys · " + _s.KeysText());
            bool joined = identity.IsOtaa ? device.Join(Math.Max(60000, minutes * 60000)) : device.IsJoined;
            if (!joined)
            {
                timeline.Line(world.Scheduler.NowMicroseconds, "device", identity.IsOtaa ? "NOT JOINED" : "NO ABP SESSION");
            }

            ClassCTraffic classC = null;
            if (joined && _s.ClassC)
            {
                // The device switches itself; The Things Stack must be told too ("Supports class C" in the device's settings).
                device.SetDeviceClass(DeviceClass.C);
                world.Network.SetClassC(networkDevice, true);
                classC = new ClassCTraffic(world, identity, device, timeline, _s.Get(SimulateOptions.Seed));
                timeline.Line(world.Scheduler.NowMicroseconds, "device", "Class C: listening on RXC (the RX2 frequency and data rate) whenever not transmitting or in RX1/RX2; the network registers the device as Class C");
            }

            int enqueued = 0;
            while (joined && world.Scheduler.NowMicroseconds < end)
            {
                int sent = traffic.Next();
                if (classC == null && sent % 3 == 0)
                {
                    bool confirmedDown = sent % 9 == 0;
                    byte[] cmd = { (byte)0x01, (byte)(sent & 0xFF) };
                    if (identity.IsOtaa) world.Network.Enqueue(identity.DevEui, 10, cmd, confirmedDown);
                    else world.Network.EnqueueByDevAddr(identity.DevAddr, 10, cmd, confirmedDown);
                    enqueued++;
                    timeline.Line(world.Scheduler.NowMicroseconds, "app", $"network application queues a {(confirmedDown ? "confirmed " : "")}downlink on FPort 10: {Hex.ToString(cmd, 0, cmd.Length)}");
                }
                if (adr && sent == 4)
                {
                    device.RequestLinkCheck();
                    if (version != LoRaWanVersion.V1_0_2) device.RequestDeviceTime();
                    timeline.Line(world.Scheduler.NowMicroseconds, "app", "asks for a link check and the network time (next uplink)");
                }
                if (intervalS > 0)
                {
                    traffic.Send();
                    if (classC != null) classC.SleepQueueingOne(intervalS * 1000);
                    else world.Sleep(intervalS * 1000);
                    continue;
                }
                // As fast as the duty cycle allows: Send waits inside the MAC for as long as the run lasts, and the next
                // Send follows at once. A Send refused without going on air is retried after RetryAfterRefusalMs.
                ulong before = world.Scheduler.NowMicroseconds;
                traffic.SendTimeoutMs = (int)Math.Min(int.MaxValue, Math.Max(1UL, (end - before + 999UL) / 1000UL));   // to the end of the run, rounded up
                SendResult r = traffic.Send();
                if (r.Transmissions == 0 && world.Scheduler.NowMicroseconds == before)
                    world.Sleep(r.Status == SendStatus.DutyCycleWait && r.WaitMs > 0 ? (int)Math.Min(r.WaitMs, int.MaxValue) : RetryAfterRefusalMs);
            }

            if (classC != null && classC.Received < classC.Queued)
            {
                // A command queued in the last moments of the run: give it the time a Class C downlink takes.
                world.Sleep(15000);
                timeline.Line(world.Scheduler.NowMicroseconds, "app", "end of the run (15 s more for the last relay command)");
            }

            int appDownlinksSent = 0;
            for (int i = 0; i < world.Network.Downlinks.Count; i++)
            {
                DownlinkRecord d = world.Network.Downlinks[i];
                if (!d.IsJoinAccept && !d.Dropped && d.FPort > 0) appDownlinksSent++;
            }

            var m = world.Mac;
            var c = world.Network.Counters;
            _out.WriteLine();
            _out.WriteLine("Summary");
            if (identity.IsOtaa) _out.WriteLine($"  joined                 {(joined ? "yes" : "NO")} after {timeline.JoinRequests} join request(s)");
            else _out.WriteLine($"  activation             ABP, DevAddr {identity.DevAddr:X8}, session data rate DR{m.Session.DataRate}, max payload {device.MaxPayload} B");
            if (_s.Is11 && m.Session.Active)
            {
                var keys = m.Session.Keys;
                var macCounters = world.Network.MacCounters;
                string how = !keys.Separate ? "OptNeg 0: the network answered as LoRaWAN 1.0, one network key"
                    : identity.IsOtaa ? $"OptNeg 1, four session keys; RekeyInd {(keys.RekeyOwed ? "still owed" : "confirmed")} ({macCounters.RekeyConfsSent} RekeyConf)"
                    : $"four session keys; ResetInd {(keys.ResetOwed ? "still owed" : "confirmed")} ({macCounters.ResetConfsSent} ResetConf)";
                string nf = m.Session.HasFCntDown ? m.Session.FCntDown.ToString() : "none";
                string af = keys.HasAFCntDown ? keys.AFCntDown.ToString() : "none";
                _out.WriteLine($"  LoRaWAN 1.1            {how}; last NFCntDown {nf}, last AFCntDown {af}");
            }
            traffic.WriteUplinks(_out);
            _out.WriteLine($"  network                {world.Network.Counters.UplinksAccepted} uplinks accepted, {c.UplinksRejectedMalformed + c.UplinksRejectedUnknownDevAddr + c.UplinksRejectedMic + c.UplinksRejectedReplay + c.UplinksRejectedDataRate + c.UplinksRejectedNoRekeyInd} rejected, {c.Retransmissions} retransmissions");
            if (classC != null) enqueued += classC.Queued;
            _out.WriteLine($"  downlinks              {enqueued} queued by the application, {appDownlinksSent} sent by the network, {traffic.DownlinksReceived} received by the device");
            traffic.WriteDevice(_out);
            var tx = world.Board.Driver.TxTiming;
            _out.WriteLine($"  TxDone                 {tx.Count} reported: {tx.FromComputedEnd} at the computed end (TX start + air time + ramp-down), {tx.FromDioStamp} at the DIO0 stamp, {tx.FoundByWatchdog} found in RegIrqFlags at the TX deadline; DIO0 stamp {tx.DioLateness.MinUs / 1000.0:F1}..{tx.DioLateness.MaxUs / 1000.0:F1} ms after the computed end (mean {tx.DioLateness.MeanUs / 1000.0:F1})");
            AirTime.WriteSummary(_out, world.Scheduler.NowMicroseconds);
            if (classC != null) classC.WriteSummary(_out, world.Scheduler.NowMicroseconds);
            var mc = world.Network.MacCounters;
            if (adr || mc.AnswersCorrect + mc.WrongAnswers + mc.AnswersMissing > 0)
                _out.WriteLine($"  MAC commands           {mc.RequestsQueued} requests, {mc.AnswersCorrect} answered right, {mc.WrongAnswers} wrong, {mc.AnswersMissing} missing, {mc.StickyRepeats} sticky repeats; device now DR{m.Session.DataRate} TXPower {m.Session.TxPowerIndex}, {m.Session.Plan.EnabledCount} channels");
            int downlinksReceived = traffic.DownlinksReceived;
            int halfDuplex = classC == null ? 0 : classC.LostToOwnUplink;   // Class C: sent while the device transmitted
            bool ok = joined && downlinksReceived + halfDuplex == appDownlinksSent && appDownlinksSent > 0
                && (classC == null || classC.Received + halfDuplex == classC.Queued);
            string session = identity.IsOtaa ? "joined" : "ABP session";
            _out.WriteLine(ok ? $"RESULT ok: {session} and every application downlink the network sent arrived"
                                  + (halfDuplex > 0 ? $", but {halfDuplex} unconfirmed sent while the device was transmitting (half duplex)" : "")
                              : "RESULT FAILED: " + (!joined ? "not joined" : appDownlinksSent == 0 ? "no application downlink was sent (no uplink reached the network?)"
                                  : classC != null && classC.Received + halfDuplex != classC.Queued ? $"{classC.Queued - classC.Received - halfDuplex} relay command(s) never arrived"
                                  : $"{appDownlinksSent - downlinksReceived - halfDuplex} downlink(s) lost"));
            return ok ? 0 : 1;
        }
    }
}
