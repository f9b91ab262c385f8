using System;
using System.IO;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// Prints what happens in a simulation as one line per event, in virtual time: what the device does (MAC
    /// trace) and what the network does (server observer), so a LoRaWAN engineer can follow each cycle.
    /// </summary>
    public sealed class Timeline : NetworkObserver, IMacTrace, IMacCommandObserver
    {
        readonly TextWriter _out;
        readonly Region _region;
        readonly bool _verbose;
        ulong _lastTxDoneUs;

        public Timeline(TextWriter output, Region region, bool verbose)
        {
            _out = output;
            _region = region;
            _verbose = verbose;
        }

        public int Windows;
        public int WindowsWithFrame;
        public int JoinRequests;
        public int Uplinks;
        public long MaxWindowLateUs;

        public static string T(ulong us) => $"{us / 1000000,7}.{us % 1000000 / 1000:D3}";

        public void Line(ulong us, string who, string text) => _out.WriteLine($"[{T(us)} s] {who,-7} {text}");

        string Dr(int dr)
        {
            int sf = _region.GetSpreadingFactor(dr);
            int bw = _region.GetBandwidthHz(dr) / 1000;
            return $"DR{dr} (SF{sf}BW{bw})";
        }

        static string Mhz(uint hz) => $"{hz / 1000000}.{hz % 1000000 / 1000:D3} MHz";

        // ---- device (MAC trace) ----

        public void Transmitting(ulong nowUs, bool join, uint fCnt, int channel, uint frequencyHz, int dataRate, int length, ulong airTimeUs, int powerDbm)
        {
            if (join) JoinRequests++; else Uplinks++;
            string what = join ? $"JoinRequest DevNonce {fCnt}" : $"uplink FCnt {fCnt}";
            Line(nowUs, "device", $"TX {what} · ch {channel} {Mhz(frequencyHz)} {Dr(dataRate)} · {length} B · air {airTimeUs / 1000.0:F1} ms · {powerDbm} dBm");
        }

        public void TxDone(ulong stampUs)
        {
            _lastTxDoneUs = stampUs;
            if (_verbose) Line(stampUs, "device", "TxDone (DIO0 stamp)");
        }

        public void WindowOpened(int window, ulong dueUs, ulong firedUs, uint frequencyHz, int dataRate, int symbolTimeout)
        {
            Windows++;
            long late = (long)(firedUs - dueUs);
            if (Math.Abs(late) > Math.Abs(MaxWindowLateUs)) MaxWindowLateUs = late;
            long afterTx = (long)(firedUs - _lastTxDoneUs);
            Line(firedUs, "device", $"RX{window} open {afterTx / 1000.0:F1} ms after TxDone (timer {late / 1000.0:+0.0;-0.0} ms vs plan) · {Mhz(frequencyHz)} {Dr(dataRate)} · timeout {symbolTimeout} sym");
        }

        public void WindowClosed(int window, ulong nowUs, bool frameForUs)
        {
            if (frameForUs) WindowsWithFrame++;
            if (_verbose || frameForUs) Line(nowUs, "device", frameForUs ? $"RX{window} received a frame for us" : $"RX{window} closed empty");
        }

        public void BackingOff(ulong nowUs, ulong waitUs) => Line(nowUs, "device", $"wait {waitUs / 1000000.0:F1} s (duty cycle / back-off / retransmit delay)");

        // ---- network (server observer) ----

        public override void JoinRequestReceived(ulong nowUs, ulong devEui, ulong joinEui, ushort devNonce, UplinkMetadata metadata)
        {
            if (_verbose) Line(nowUs, "network", $"JoinRequest from {devEui:X16} DevNonce {devNonce}");
        }

        public override void JoinRequestRejected(ulong nowUs, ulong devEui, ushort devNonce, JoinRejectReason reason) =>
            Line(nowUs, "network", $"JoinRequest rejected: {reason} (DevNonce {devNonce})");

        public override void JoinAccepted(ulong nowUs, ulong devEui, uint devAddr, uint joinNonce, ushort devNonce) =>
            Line(nowUs, "network", $"join accepted: DevAddr {devAddr:X8}, JoinNonce {joinNonce}");

        public override void UplinkAccepted(ulong nowUs, UplinkRecord u)
        {
            string port = u.FPort < 0 ? "no port" : $"FPort {u.FPort}";
            string flags = (u.Confirmed ? " confirmed" : "") + (u.Ack ? " ACK" : "") + (u.IsRetransmission ? " (retransmission)" : "");
            Line(nowUs, "network", $"uplink FCnt {u.FCnt} {port} {u.PayloadLength} B{flags} · RSSI {u.RssiDbm} dBm SNR {u.SnrDb:F1} dB");
        }

        public override void UplinkRejected(ulong nowUs, uint devAddr, UplinkRejectReason reason, UplinkMetadata metadata) =>
            Line(nowUs, "network", $"uplink from {devAddr:X8} rejected: {reason}");

        public override void DownlinkScheduled(ulong nowUs, DownlinkRecord d)
        {
            string what = d.IsJoinAccept ? "join-accept" : $"downlink FCnt {d.FCntDown}" + (d.FPort > 0 ? $" FPort {d.FPort} {d.PayloadLength} B" : "") + (d.Ack ? " ACK" : "") + (d.Confirmed ? " confirmed" : "") + (d.FPending ? " FPending" : "");
            string dropped = d.Dropped ? " — DROPPED (simulated loss)" : "";
            Line(nowUs, "network", $"{what} in {d.Window} at +{(d.StartUs - d.UplinkEndUs) / 1000.0:F0} ms · {Mhz(d.FrequencyHz)} DR{d.DataRate}{dropped}");
        }

        public override void DownlinkNotSent(ulong nowUs, ulong devEui, uint devAddr, bool joinAccept) =>
            Line(nowUs, "network", "downlink could not be sent in either window");

        // ---- MAC commands (network side: what it asks, how the device answered) ----

        public void MacCommandsQueued(ulong nowUs, uint devAddr, byte[] commands, int offset, int length)
        {
            Line(nowUs, "network", "MAC → " + MacCommandText.Describe(commands, offset, length, true));
        }

        public void MacCommandChecked(ulong nowUs, uint devAddr, byte[] command, int offset, int length, MacAnswerVerdict verdict, int expectedStatus)
        {
            string what = MacCommandText.Describe(command, offset, length, verdict == MacAnswerVerdict.Missing);
            string mark = verdict switch
            {
                MacAnswerVerdict.Correct => "✓",
                MacAnswerVerdict.Wrong => $"✗ WRONG (expected status {expectedStatus:X2})",
                MacAnswerVerdict.Unexpected => "✗ UNEXPECTED (nothing asked for it)",
                MacAnswerVerdict.StickyRepeat => "(sticky repeat)",
                MacAnswerVerdict.Missing => "✗ no answer: asked again",
                _ => "(device request)",
            };
            if (verdict == MacAnswerVerdict.StickyRepeat && !_verbose) return;
            Line(nowUs, "network", "MAC ← " + what + " " + mark);
        }
    }
}
