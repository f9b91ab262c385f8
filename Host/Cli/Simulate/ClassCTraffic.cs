using System;
using System.Collections.Generic;
using System.IO;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// <c>simulate --class C</c>: the network application's side of a Class C device (an actuator switched from the
    /// console). Between uplinks it queues a downlink at a random moment (every fourth one confirmed), and measures the
    /// latency from queueing to the device's <see cref="LoRaWanDevice.OnDownlink"/>; the summary gives the median and the
    /// worst, where each downlink arrived (RXC or RX1/RX2) and the share of time the radio was receiving.
    /// </summary>
    public sealed class ClassCTraffic
    {
        readonly VirtualWorld _world;
        readonly ulong _devEui;
        readonly uint _devAddr;
        readonly bool _otaa;
        readonly Timeline _timeline;
        readonly Random _rng;
        readonly Dictionary<int, ulong> _queuedAt = new();
        readonly List<ulong> _latencies = new();
        int _next;

        public ClassCTraffic(VirtualWorld world, DeviceIdentity identity, LoRaWanDevice device, Timeline timeline, int seed)
        {
            _world = world;
            _devEui = identity.DevEui;
            _devAddr = identity.DevAddr;
            _otaa = identity.IsOtaa;
            _timeline = timeline;
            _rng = new Random(unchecked(seed * 31 + 15));
            device.OnDownlink += (sender, d) =>
            {
                if (d.Port != Port || d.Length != 3 || d.Payload[0] != 0xC0) return;
                int n = d.Payload[1] << 8 | d.Payload[2];
                if (!_queuedAt.Remove(n, out ulong queued)) return;
                ulong now = _world.Scheduler.NowMicroseconds;
                _latencies.Add(now - queued);
                if (d.Window == Downlink.Rxc) InRxc++;
                else InClassAWindows++;
                _timeline.Line(now, "app", $"relay command {n} arrived {(now - queued) / 1000.0:F0} ms after it was queued ({(d.Window == Downlink.Rxc ? "RXC" : "RX" + d.Window)})");
            };
        }

        /// <summary>FPort of the application's commands.</summary>
        public const int Port = 20;

        public int Queued { get; private set; }
        public int InRxc { get; private set; }
        public int InClassAWindows { get; private set; }
        public int Received => _latencies.Count;

        /// <summary>
        /// Sleeps <paramref name="ms"/> of virtual time, queueing one downlink at a random moment within it: the relay
        /// command (0xC0, number), every fourth one confirmed.
        /// </summary>
        public void SleepQueueingOne(int ms)
        {
            int at = _rng.Next(Math.Max(1, ms));
            _world.Sleep(at);
            int n = ++_next;
            bool confirmed = n % 4 == 0;
            byte[] cmd = { 0xC0, (byte)(n >> 8), (byte)n };
            _queuedAt[n] = _world.Scheduler.NowMicroseconds;
            _timeline.Line(_world.Scheduler.NowMicroseconds, "app", $"network application queues {(confirmed ? "confirmed " : "")}relay command {n} on FPort {Port}: {Hex.ToString(cmd, 0, cmd.Length)}");
            if (_otaa) _world.Network.Enqueue(_devEui, Port, cmd, confirmed);
            else _world.Network.EnqueueByDevAddr(_devAddr, Port, cmd, confirmed);
            Queued++;
            _world.Sleep(ms - at);
        }

        /// <summary>Median of the latencies in µs (0 when none).</summary>
        public ulong MedianUs
        {
            get
            {
                if (_latencies.Count == 0) return 0;
                var sorted = new List<ulong>(_latencies);
                sorted.Sort();
                int mid = sorted.Count / 2;
                return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
            }
        }

        /// <summary>The longest latency in µs (0 when none).</summary>
        public ulong WorstUs
        {
            get
            {
                ulong worst = 0;
                foreach (ulong l in _latencies) if (l > worst) worst = l;
                return worst;
            }
        }

        /// <summary>
        /// Relay commands that did not arrive because the network sent them (unconfirmed, so never again: The Things Stack
        /// does not retry an unconfirmed downlink) while the device was transmitting: a half-duplex radio cannot receive
        /// during its own uplink (LoRaWAN 1.0.4 §15: RXC is open when the device is not transmitting). The air's physics, not a
        /// fault of the device; a confirmed command is retried until ACKed, so it must arrive.
        /// </summary>
        public int LostToOwnUplink
        {
            get
            {
                int lost = 0;
                var downs = _world.Network.Downlinks;
                var ups = _world.Network.Uplinks;
                for (int i = 0; i < downs.Count; i++)
                {
                    DownlinkRecord d = downs[i];
                    if (d.Window != RxWindow.RxC || d.Item == null || d.Item.Port != Port || d.Item.Confirmed) continue;
                    byte[] p = d.Item.Payload;
                    if (p.Length != 3 || !_queuedAt.ContainsKey(p[1] << 8 | p[2])) continue;   // arrived (removed) or not ours
                    ulong downEnd = d.StartUs + d.AirTimeUs;
                    for (int j = 0; j < ups.Count; j++)
                    {
                        UplinkRecord u = ups[j];
                        int phy = 12 + u.FOptsLength + (u.FPort >= 0 ? 1 + u.PayloadLength : 0);   // MHDR, FHDR, [FPort, FRMPayload], MIC
                        ulong upStart = u.UplinkEndUs - _world.Region.GetAirTimeUs(u.DataRate, phy, true);
                        if (upStart < downEnd && d.StartUs < u.UplinkEndUs) { lost++; break; }
                    }
                }
                return lost;
            }
        }

        /// <summary>The summary's Class C lines.</summary>
        public void WriteSummary(TextWriter stdout, ulong nowUs)
        {
            ulong rx = _world.Board.Chip.TimeInRxUs;
            double share = nowUs == 0 ? 0 : 100.0 * rx / nowUs;
            int lost = LostToOwnUplink;
            stdout.WriteLine($"  class C                {Queued} relay commands queued at random times, {Received} received ({InRxc} in RXC, {InClassAWindows} in RX1/RX2), {Queued - Received} missing"
                + (lost > 0 ? $" ({lost} unconfirmed, sent by the network while the device was transmitting: half duplex)" : ""));
            stdout.WriteLine($"  latency                queue → OnDownlink: median {MedianUs / 1000000.0:F3} s, worst {WorstUs / 1000000.0:F3} s");
            stdout.WriteLine($"  radio in RX            {share:F1} % of the time ({rx / 1000000.0:F0} s of {nowUs / 1000000.0:F0} s; SX1276 IDDR ≈ 11.5 mA → {11.5 * rx / 3.6e9:F1} mAh)");
        }
    }
}
