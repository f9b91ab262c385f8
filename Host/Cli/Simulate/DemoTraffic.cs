using System;
using System.IO;
using LoRaWan.Mac;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// The application side of both <c>simulate</c> runs (in-process network and <c>--udp</c>): a small CayenneLPP
    /// uplink per call, every fifth one confirmed; the downlinks it receives; and the device lines of the summary.
    /// </summary>
    public sealed class DemoTraffic
    {
        readonly LoRaWanDevice _device;
        readonly Timeline _timeline;
        readonly Func<ulong> _now;
        readonly Random _rng;

        public DemoTraffic(LoRaWanDevice device, Timeline timeline, Func<ulong> now, int seed)
        {
            _device = device;
            _timeline = timeline;
            _now = now;
            _rng = new Random(seed);
            device.OnDownlink += (sender, d) =>
            {
                DownlinksReceived++;
                _timeline.Line(_now(), "app", $"OnDownlink FPort {d.Port} {Hex.ToString(d.Payload, 0, d.Length)} · RSSI {d.RssiDbm} dBm SNR {d.SnrQuarterDb / 4.0:F1} dB · {(d.Window == Downlink.Rxc ? "RXC" : "RX" + d.Window)}{(d.Confirmed ? " · confirmed" : "")}{(d.FPending ? " · FPending" : "")}");
            };
        }

        /// <summary>
        /// Application payload size: null = the 8-byte CayenneLPP frame; <see cref="SimulateOptions.MaxPayload"/> = the
        /// largest the current data rate carries (<see cref="LoRaWanDevice.MaxPayload"/> at each Send); N = the frame
        /// cut or zero-padded to N bytes.
        /// </summary>
        public int? PayloadBytes { get; set; }

        /// <summary>Time limit of each blocking Send in ms (default 10 minutes).</summary>
        public int SendTimeoutMs { get; set; } = 10 * 60000;

        /// <summary>
        /// End of the run in virtual µs (0 = none): a Send whose time limit reached it and timed out (it could not
        /// finish a cycle in the time left) was cut off by the end of the run, not failed.
        /// </summary>
        public ulong RunEndUs { get; set; }

        /// <summary>
        /// Sends cut off by the end of the run: timed out there while the MAC waited, or refused at once because the
        /// duty-cycle wait reaches past it (Send returns DutyCycleWait when the wait exceeds its time limit).
        /// </summary>
        public int Unfinished { get; private set; }

        /// <summary>Uplinks requested so far; <see cref="Next"/> counts the one about to be sent.</summary>
        public int Sent { get; private set; }
        public int Acked { get; private set; }
        public int NoAck { get; private set; }
        public int Failed { get; private set; }
        public int DownlinksReceived { get; private set; }

        /// <summary>Counts the next uplink and returns its number (1, 2, …), before anything is queued for it.</summary>
        public int Next() => ++Sent;

        /// <summary>Sends uplink number <see cref="Sent"/>: channel 1 temperature (0.1 °C), channel 2 analog (the count).</summary>
        public SendResult Send()
        {
            int n = Sent;
            bool confirmed = n % 5 == 0;
            int t10 = 215 + _rng.Next(30);
            byte[] payload = { 0x01, 0x67, (byte)(t10 >> 8), (byte)t10, 0x02, 0x02, (byte)(n >> 8), (byte)n };
            if (PayloadBytes != null)
            {
                var sized = new byte[PayloadBytes == SimulateOptions.MaxPayload ? _device.MaxPayload : PayloadBytes.Value];
                Array.Copy(payload, sized, Math.Min(payload.Length, sized.Length));
                payload = sized;
            }
            SendResult r = _device.Send(1, payload, confirmed, SendTimeoutMs);
            string limit = r.Status == SendStatus.PayloadTooLarge || r.Status == SendStatus.PayloadSkipped ? $", limit {r.MaxPayload} B" : "";
            _timeline.Line(_now(), "app", $"Send {payload.Length} B → {SendResult.StatusName(r.Status)} (FCnt {r.FCnt}, {r.Transmissions} transmission(s){limit})");
            if (r.Status == SendStatus.Acked) Acked++;
            else if (r.Status == SendStatus.NoAck) NoAck++;
            else if (RunEndUs > 0 && (r.Status == SendStatus.Timeout && _now() + (ulong)SendTimeoutMs * 1000UL >= RunEndUs
                || r.Status == SendStatus.DutyCycleWait && _now() + (ulong)r.WaitMs * 1000UL >= RunEndUs)) Unfinished++;
            else if (r.Status != SendStatus.Sent) Failed++;
            return r;
        }

        /// <summary>The summary's uplink line.</summary>
        public void WriteUplinks(TextWriter stdout) =>
            stdout.WriteLine($"  uplinks                {Sent} requested, {_timeline.Uplinks} transmitted; {Acked} confirmed+acked, {NoAck} without ACK, {Failed} failed{(Unfinished > 0 ? $", {Unfinished} cut off by the end of the run" : "")}");

        /// <summary>The summary's receive-window and rejected-frame lines.</summary>
        public void WriteDevice(TextWriter stdout)
        {
            MacDiagnostics m = _device.Diagnostics;
            stdout.WriteLine($"  receive windows        {_timeline.Windows} opened, {_timeline.WindowsWithFrame} with a frame for us; timer lateness {m.Timing.MinLateUs / 1000.0:F1}..{m.Timing.MaxLateUs / 1000.0:F1} ms (mean {m.Timing.MeanLateUs / 1000.0:F1})");
            stdout.WriteLine($"  rejected by the device {m.Counters.MicFailures} MIC, {m.Counters.ReplayedFrames} replay, {m.Counters.ForeignFrames} foreign, {m.Counters.MalformedFrames} malformed");
        }
    }
}
