using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using LoRaWan.Certification;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Certify
{
    /// <summary>
    /// The test harness's side of a certification run (the LCTT's role): a <see cref="VirtualWorld"/> whose network server
    /// carries the harness's FPort 224 commands and FOpts MAC commands, and a device built as a certification firmware
    /// is (OTAA, the TS009 package wired in, its loop polling the package and, outside test mode, sending an application
    /// uplink every 5 s). A case drives it and reads what reached the network.
    /// </summary>
    public sealed class Harness
    {
        public const string DevEui = "70B3D57ED0000001";
        public const string JoinEui = "70B3D57ED0000000";
        public const string AppKey = "8A7E3C1F5D2B4A69C0E1F2A3B4C5D6E7";
        const int StepMs = 100;

        public readonly VirtualWorld World;
        public readonly string RegionName;
        public readonly DeviceIdentity Identity;
        public readonly LoRaWanOptions Options;
        readonly TextWriter _verbose;
        readonly MutantRadio.Kind _mutant;
        public CertificationPackage Package { get; private set; }
        public ClassAMac Mac { get; private set; }
        public LoRaWanDevice Device { get; private set; }
        public MutantRadio Radio { get; private set; }
        public NetworkDevice NetworkDevice { get; private set; }
        public int Boots { get; private set; }
        bool _resetPending;
        readonly UplinkCounters _onAir = new UplinkCounters();

        /// <summary>
        /// The 16-bit FCnt of every data uplink on the air (as a monitoring receiver sees it, retransmissions included) and
        /// when it started: the network server's log holds only the frames it accepted, and takes a repeated FCnt for a
        /// retransmission.
        /// </summary>
        public sealed class UplinkCounters : IAirMonitor
        {
            public readonly List<(ulong StartUs, int FCnt)> Frames = new List<(ulong, int)>();

            public void OnTransmission(AirFrame frame)
            {
                if (frame.InvertIq || frame.Length < 12 || frame.Source is GatewayEndpoint) return;
                int mtype = frame.Payload[0] >> 5;
                if (mtype == 2 || mtype == 4) Frames.Add((frame.StartUs, frame.Payload[6] | (frame.Payload[7] << 8)));
            }
        }

        /// <summary>Data uplinks seen on the air (<see cref="UplinkCounters"/>).</summary>
        public UplinkCounters OnAir => _onAir;
        ulong _nextAppUplinkUs;

        public Harness(string region, LoRaWanVersion version, int seed, MutantRadio.Kind mutant, TextWriter verbose)
        {
            RegionName = region;
            _verbose = verbose;
            _mutant = mutant;
            var net = new NetworkOptions();
            bool fixedPlan = region == "US915" || region == "AU915";
            if (fixedPlan) net.SubBand = 2;
            World = new VirtualWorld(region, seed, net);
            Identity = DeviceIdentity.Otaa(DevEui, JoinEui, AppKey);
            NetworkDevice = World.Register(Identity, version);
            Options = new LoRaWanOptions();
            Options.Version = version;
            Options.RandomSeed = (uint)seed;
            Options.EmptyAckUplinkDelayMs = 0;
            if (fixedPlan) Options.SubBand = 2;
            byte[] appKey = CliArgs.ParseHex(AppKey, "appkey", 16);
            var memory = new[] { -1, -1 };
            World.WrapRadio = r => Radio = new MutantRadio(r, World.Scheduler, _mutant, () => Mac, appKey, memory);
            World.Air.AddMonitor(_onAir);
            PowerOn();
        }

        /// <summary>Boots (or reboots, keeping the flash) the device with a fresh TS009 package.</summary>
        public void PowerOn()
        {
            Boots++;
            Package = new CertificationPackage(World.Scheduler, new byte[] { 0, 1, 0, 0 }, Options.Version);
            Package.ResetHandler = () => _resetPending = true;
            Device = World.PowerOn(Identity, Options, null, null, new MutantCertificationPort(Package, _mutant));
            Mac = World.Mac;
            Package.Attach(Mac);
            _nextAppUplinkUs = 0;
            Log("  · DUT boots (" + Boots + ")");
        }

        public ulong NowUs => World.Scheduler.NowMicroseconds;
        public NetworkSession Session => NetworkDevice.Session;
        public UplinkLog Uplinks => World.Network.Uplinks;
        public DownlinkLog Downlinks => World.Network.Downlinks;

        public void Log(string line)
        {
            if (_verbose != null) _verbose.WriteLine(line);
        }

        /// <summary>Joins (OTAA) and puts the DUT in test mode with the duty cycle off, as the LCTT opens every session.</summary>
        public bool Start()
        {
            if (!JoinNow()) return false;
            // TS009 §4.2.2: the first FPort 224 command enters test mode; RegionalDutyCycleCtrlReq off (§5.6) keeps the run short.
            Send224(new byte[] { CertificationCommand.RegionalDutyCycleCtrlReq, 0 });
            return RunUntil(() => Package.TestMode && !Mac.DutyCycle.Enabled, 60000);
        }

        public bool JoinNow()
        {
            Device.BeginJoin();
            return RunUntil(() => Mac.IsJoined, 600000);
        }

        /// <summary>One step of the device's firmware loop: the package's poll and, outside test mode, the application's uplinks.</summary>
        void Step()
        {
            World.Sleep(StepMs);
            if (_resetPending)
            {
                _resetPending = false;
                PowerOn();
                return;
            }
            Package.Poll();
            if (!Package.TestMode && Mac.IsJoined && !Mac.IsBusy && NowUs >= _nextAppUplinkUs)
            {
                Device.BeginSend(2, new byte[] { 0xA5 }, 0, 1, false);
                _nextAppUplinkUs = NowUs + 5000000UL;
            }
        }

        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += StepMs) Step();
        }

        public bool RunUntil(Func<bool> done, int timeoutMs)
        {
            for (int t = 0; t < timeoutMs; t += StepMs)
            {
                if (done()) return true;
                Step();
            }
            return done();
        }

        /// <summary>Queues a TS009 command for the DUT's next receive window.</summary>
        public void Send224(byte[] command, bool confirmed = false)
        {
            Log("  > 224 " + Hex(command, command.Length) + (confirmed ? " (confirmed)" : ""));
            World.Network.Enqueue(NetworkDevice.DevEui, ClassAMac.CertificationFPort, command, confirmed);
        }

        /// <summary>Sends a TS009 command and waits until the network has sent it and the DUT's loop has run once more.</summary>
        public bool Deliver224(byte[] command, bool confirmed = false)
        {
            Send224(command, confirmed);
            bool sent = RunUntil(() => NetworkDevice.QueueLength == 0, 30000);
            Run(1000);
            return sent;
        }

        /// <summary>Queues MAC commands in the FOpts of the next downlink.</summary>
        public void SendFOpts(params byte[] commands)
        {
            Log("  > FOpts " + Hex(commands, commands.Length));
            Session.SetPendingFOpts(commands, 0, commands.Length);
        }

        /// <summary>Waits for the next uplink that satisfies <paramref name="match"/> after index <paramref name="from"/>.</summary>
        public UplinkRecord WaitUplink(int from, Func<UplinkRecord, bool> match, int timeoutMs)
        {
            UplinkRecord found = null;
            RunUntil(() =>
            {
                for (int i = from; i < Uplinks.Count; i++)
                    if (match(Uplinks[i])) { found = Uplinks[i]; return true; }
                return false;
            }, timeoutMs);
            if (found != null) LogUplink(found);
            return found;
        }

        /// <summary>Sends a TS009 command and waits for the DUT's FPort 224 answer (null when none came in 30 s).</summary>
        public byte[] Exchange(byte[] command, bool confirmed = false)
        {
            int from = Uplinks.Count;
            Send224(command, confirmed);
            UplinkRecord r = WaitUplink(from, u => u.FPort == ClassAMac.CertificationFPort && u.PayloadLength > 0, 30000);
            return r == null ? null : Payload(r);
        }

        /// <summary>Sends FOpts MAC commands and returns the next uplink's FOpts (the DUT's answers), or null.</summary>
        public byte[] MacExchange(params byte[] commands)
        {
            int downs = Downlinks.Count;
            SendFOpts(commands);
            if (!RunUntil(() => Downlinks.Count > downs && Session.PendingFOptsLength == 0, 30000)) return null;
            int from = Uplinks.Count;
            UplinkRecord r = WaitUplink(from, u => true, 30000);
            if (r == null) return null;
            var fopts = new byte[r.FOptsLength];
            Array.Copy(r.FOpts, fopts, fopts.Length);
            return fopts;
        }

        public static byte[] Payload(UplinkRecord r)
        {
            var b = new byte[r.PayloadLength];
            Array.Copy(r.Payload, b, b.Length);
            return b;
        }

        void LogUplink(UplinkRecord r)
        {
            if (_verbose == null) return;
            var sb = new StringBuilder("  < FCnt " + r.FCnt + " DR" + r.DataRate + (r.Confirmed ? " confirmed" : "") + (r.Ack ? " ACK" : ""));
            if (r.FOptsLength > 0) sb.Append(" FOpts " + Hex(r.FOpts, r.FOptsLength));
            if (r.FPort >= 0) sb.Append(" port " + r.FPort + " " + Hex(r.Payload, r.PayloadLength));
            Log(sb.ToString());
        }

        public static string Hex(byte[] b, int n)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.Append(b[i].ToString("X2"));
            return sb.ToString();
        }
    }
}
