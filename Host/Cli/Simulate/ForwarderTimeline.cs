using System;
using LoRaWan.Simulation;
using LoRaWan.Udp;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// Prints the virtual gateway's exchanges with a real network server on the simulation <see cref="Timeline"/>:
    /// the connection, each downlink the server asks for (PULL_RESP → TX_ACK), dropped datagrams and a silent
    /// server always; every PUSH_DATA/PUSH_ACK, PULL_DATA/PULL_ACK and downlink start on the air with --verbose.
    /// </summary>
    public sealed class ForwarderTimeline : PacketForwarderObserver
    {
        const string Who = "gateway";
        readonly Timeline _timeline;
        readonly bool _verbose;
        readonly string _server;

        public ForwarderTimeline(Timeline timeline, bool verbose, string server)
        {
            _timeline = timeline;
            _verbose = verbose;
            _server = server;
        }

        static string Mhz(uint hz) => $"{hz / 1000000}.{hz % 1000000 / 1000:D3} MHz";

        public override void PushDataSent(ulong nowUs, ushort token, RxPacket rx, GatewayStatus status)
        {
            if (!_verbose) return;
            if (rx != null)
                _timeline.Line(nowUs, Who, $"PUSH_DATA 0x{token:X4} rxpk tmst {rx.Timestamp} · {Mhz(rx.FrequencyHz)} {DataRateText.Format(rx.SpreadingFactor, rx.BandwidthHz)} · {rx.Length} B · RSSI {rx.RssiDbm} dBm SNR {rx.SnrDb:F1} dB → {_server}");
            else
                _timeline.Line(nowUs, Who, $"PUSH_DATA 0x{token:X4} stat rxnb {status.Received} rxfw {status.Forwarded} ackr {status.AckRatePercent:F1} % dwnb {status.DownlinkDatagrams} txnb {status.Transmitted}");
        }

        public override void PushAckReceived(ulong nowUs, ushort token, double roundTripMs)
        {
            if (_verbose) _timeline.Line(nowUs, Who, $"PUSH_ACK  0x{token:X4} after {roundTripMs:F1} ms");
        }

        public override void PullDataSent(ulong nowUs, ushort token)
        {
            if (_verbose) _timeline.Line(nowUs, Who, $"PULL_DATA 0x{token:X4} (keep-alive)");
        }

        public override void PullAckReceived(ulong nowUs, ushort token, double roundTripMs, bool first)
        {
            if (first) _timeline.Line(nowUs, Who, $"connected: {_server} answered PULL_DATA in {roundTripMs:F1} ms (downlink route open)");
            else if (_verbose) _timeline.Line(nowUs, Who, $"PULL_ACK  0x{token:X4} after {roundTripMs:F1} ms");
        }

        public override void PullRespHandled(ulong nowUs, ushort token, TxPacket tx, ulong startUs, long leadUs, TxAckError result)
        {
            string when = tx.Immediate ? "imme" : tx.HasTimestamp ? $"tmst {tx.Timestamp} ({(leadUs >= 0 ? "in " : "")}{Math.Abs(leadUs) / 1000.0:F1} ms{(leadUs < 0 ? " ago" : "")})" : "GPS time";
            string extra = (tx.InvertIq ? "" : " · ipol false") + (tx.CodingRate != "4/5" ? $" · codr {tx.CodingRate} (sent as 4/5)" : "") + (tx.PreambleSymbols != 8 ? $" · prea {tx.PreambleSymbols} (sent as 8)" : "");
            _timeline.Line(nowUs, Who, $"PULL_RESP 0x{token:X4} txpk {when} · {Mhz(tx.FrequencyHz)} {DataRateText.Format(tx.SpreadingFactor, tx.BandwidthHz)} · {tx.PowerDbm} dBm · {tx.Payload.Length} B{extra} → TX_ACK {TxAckErrors.Name(result)}");
        }

        public override void DatagramDropped(ulong nowUs, DatagramProblem problem, string reason) =>
            _timeline.Line(nowUs, Who, $"dropped a datagram from the server: {problem}: {reason}");

        public override void ServerSilent(ulong nowUs, int unansweredPulls) =>
            _timeline.Line(nowUs, Who, $"no PULL_ACK from {_server} for {unansweredPulls} keep-alives: check the address/port, that UDP 1700 is reachable and that the gateway EUI is registered");

        public override void DownlinkOnAir(ulong nowUs, AirFrame frame, long wallErrorUs)
        {
            if (_verbose) _timeline.Line(nowUs, Who, $"TX on air · {Mhz(frame.FrequencyHz)} SF{frame.SpreadingFactor} · {frame.Length} B · air {frame.AirTimeUs / 1000.0:F1} ms · wall clock {wallErrorUs / 1000.0:+0.0;-0.0} ms");
        }
    }
}
