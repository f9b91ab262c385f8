using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using LoRaWan.Platform;
using LoRaWan.Regions;
using LoRaWan.Simulation;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// A minimal LoRaWAN network server on the far side of the Semtech UDP protocol, written for the tests from
    /// PROTOCOL.TXT v2 alone: a socket on 127.0.0.1 (ephemeral port) and one thread that ACKs PUSH_DATA and PULL_DATA,
    /// feeds every rxpk to the project's <see cref="NetworkServer"/> (join server, sessions, MIC, RX1/RX2 choice) on
    /// the gateway's own clock (tmst, unwrapped to 64 bits), and turns each downlink it schedules into a PULL_RESP
    /// txpk at tmst = uplink tmst + delay. It then waits for the TX_ACK: anything but NONE makes the server try the
    /// next window, as a real LNS does. <see cref="LateRx1"/> holds back the next RX1 PULL_RESP until its tmst has
    /// passed, so the gateway must answer TOO_LATE and the server retries in RX2.
    /// </summary>
    public sealed class MiniNetworkServer : IDownlinkTransmitter, IClock, IDisposable
    {
        readonly Socket _socket;
        readonly Thread _thread;
        readonly ulong _expectedEui;
        readonly UplinkMetadata _metadata = new UplinkMetadata();
        readonly Queue<(byte[] Data, EndPoint From)> _deferred = new Queue<(byte[], EndPoint)>();
        readonly Random _random = new Random(5);
        readonly object _sync = new object();
        volatile bool _closing;
        EndPoint _gateway;
        bool _haveCounter;
        ulong _counter;
        long _counterStamp;
        int _transmitsForThisUplink;

        /// <summary>The network/join/application server model behind the UDP front.</summary>
        public readonly NetworkServer Server;

        /// <summary>How many of the next RX1 downlinks to send after their time (answered TOO_LATE by a correct gateway).</summary>
        public volatile int LateRx1;

        /// <summary>Datagrams received: PUSH_DATA, PULL_DATA, TX_ACK; and any with a wrong version/EUI/length.</summary>
        public int PushData, PullData, TxAcks, Bad;
        /// <summary>rxpk objects handed to the network server.</summary>
        public int Rxpks;
        /// <summary>The txpk_ack error of every TX_ACK, in order ("NONE", "TOO_LATE", …).</summary>
        public readonly List<string> TxAckErrors = new List<string>();
        /// <summary>For each PULL_RESP: the window (1 = first try for an uplink, 2 = the retry) and the tmst.</summary>
        public readonly List<(int Window, uint Tmst)> PullResps = new List<(int, uint)>();
        /// <summary>First exception on the server thread, if any.</summary>
        public string Error;

        /// <param name="region">the frequency plan</param>
        /// <param name="options">network options (e.g. RxDelay)</param>
        /// <param name="expectedGatewayEui">datagrams from any other gateway are counted as bad</param>
        public MiniNetworkServer(Region region, NetworkOptions options, ulong expectedGatewayEui)
        {
            _expectedEui = expectedGatewayEui;
            Server = new NetworkServer(region, this, this, options);
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _socket.ReceiveTimeout = 50;
            _thread = new Thread(Loop) { IsBackground = true, Name = "mini-lns" };
            _thread.Start();
        }

        /// <summary>Where the gateway must send to.</summary>
        public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint;

        /// <summary>The gateway counter now, estimated from the last rxpk tmst and the time since it arrived (µs, unwrapped).</summary>
        public ulong NowMicroseconds
        {
            get
            {
                if (!_haveCounter) return 0;
                return _counter + (ulong)((Stopwatch.GetTimestamp() - _counterStamp) * 1000000L / Stopwatch.Frequency);
            }
        }

        void Loop()
        {
            var buffer = new byte[65536];
            while (!_closing)
            {
                try
                {
                    while (_deferred.Count > 0)
                    {
                        var d = _deferred.Dequeue();
                        Handle(d.Data, d.From);
                    }
                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    int n;
                    try { n = _socket.ReceiveFrom(buffer, ref from); }
                    catch (SocketException) { continue; }
                    var data = new byte[n];
                    Array.Copy(buffer, data, n);
                    Handle(data, from);
                }
                catch (ObjectDisposedException) { return; }
                catch (Exception e)
                {
                    Error ??= e.ToString();
                }
            }
        }

        bool CheckGatewayHeader(byte[] d)
        {
            if (d.Length < 12) { Bad++; return false; }
            ulong eui = 0;
            for (int i = 4; i < 12; i++) eui = (eui << 8) | d[i];
            if (eui != _expectedEui) { Bad++; return false; }
            return true;
        }

        void Handle(byte[] d, EndPoint from)
        {
            if (d.Length < 4 || d[0] != 2) { Bad++; return; }
            switch (d[3])
            {
                case 0x00: // PUSH_DATA → PUSH_ACK at once, then the packets
                    if (!CheckGatewayHeader(d)) return;
                    PushData++;
                    _socket.SendTo(new byte[] { 2, d[1], d[2], 0x01 }, from);
                    using (var doc = JsonDocument.Parse(Encoding.UTF8.GetString(d, 12, d.Length - 12)))
                    {
                        if (doc.RootElement.TryGetProperty("rxpk", out JsonElement rxpks))
                            foreach (JsonElement rx in rxpks.EnumerateArray()) Uplink(rx);
                    }
                    break;
                case 0x02: // PULL_DATA → PULL_ACK; remember the downlink route
                    if (!CheckGatewayHeader(d)) return;
                    PullData++;
                    _gateway = from;
                    _socket.SendTo(new byte[] { 2, d[1], d[2], 0x04 }, from);
                    break;
                case 0x05: // a TX_ACK nobody waits for
                    if (!CheckGatewayHeader(d)) return;
                    TxAcks++;
                    lock (_sync) TxAckErrors.Add(AckError(d));
                    break;
                default:
                    Bad++;
                    break;
            }
        }

        void Uplink(JsonElement rx)
        {
            uint tmst = rx.GetProperty("tmst").GetUInt32();
            if (!_haveCounter) { _counter = tmst; _haveCounter = true; }
            else _counter += (uint)(tmst - (uint)_counter);
            _counterStamp = Stopwatch.GetTimestamp();
            string datr = rx.GetProperty("datr").GetString();
            int bw = datr.IndexOf("BW", StringComparison.Ordinal);
            int sf = int.Parse(datr.Substring(2, bw - 2));
            int bwHz = int.Parse(datr.Substring(bw + 2)) * 1000;
            uint freqHz = (uint)Math.Round(rx.GetProperty("freq").GetDouble() * 1e6);
            byte[] phy = Convert.FromBase64String(rx.GetProperty("data").GetString());
            _metadata.Set(freqHz, sf, bwHz, _counter, rx.GetProperty("rssi").GetInt32(), (float)rx.GetProperty("lsnr").GetDouble(), _expectedEui);
            Rxpks++;
            _transmitsForThisUplink = 0;
            Server.OnUplink(phy, 0, phy.Length, _metadata);
        }

        /// <summary>The network server schedules a downlink (RX1 first, then RX2 if this returns false).</summary>
        public bool Transmit(ulong startUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, int offset, int length)
        {
            if (_gateway == null) return false;
            int window = ++_transmitsForThisUplink;
            if (window == 1 && LateRx1 > 0)
            {
                LateRx1--;
                // A quarter second past its time: TOO_LATE even if the simulation lags the wall clock a little.
                while (NowMicroseconds < startUs + 250000) Thread.Sleep(2);
            }
            ushort token = (ushort)_random.Next(0x10000);
            string json = "{\"txpk\":{\"imme\":false,\"tmst\":" + (uint)startUs +
                ",\"freq\":" + (frequencyHz / 1e6).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) +
                ",\"rfch\":0,\"powe\":14,\"modu\":\"LORA\",\"datr\":\"SF" + spreadingFactor + "BW" + bandwidthHz / 1000 +
                "\",\"codr\":\"4/5\",\"ipol\":true,\"size\":" + length + ",\"data\":\"" + Convert.ToBase64String(buffer, offset, length) +
                "\",\"ncrc\":true}}";
            byte[] body = Encoding.ASCII.GetBytes(json);
            var datagram = new byte[4 + body.Length];
            datagram[0] = 2;
            datagram[1] = (byte)(token >> 8);
            datagram[2] = (byte)token;
            datagram[3] = 0x03;
            Array.Copy(body, 0, datagram, 4, body.Length);
            lock (_sync) PullResps.Add((window, (uint)startUs));
            _socket.SendTo(datagram, _gateway);

            // Wait (at most 1 s) for the TX_ACK with our token; keep everything else for later.
            var sw = Stopwatch.StartNew();
            var buf = new byte[65536];
            while (sw.ElapsedMilliseconds < 1000)
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n;
                try { n = _socket.ReceiveFrom(buf, ref from); }
                catch (SocketException) { continue; }
                var d = new byte[n];
                Array.Copy(buf, d, n);
                if (n >= 12 && d[0] == 2 && d[3] == 0x05 && d[1] == (byte)(token >> 8) && d[2] == (byte)token && CheckGatewayHeader(d))
                {
                    TxAcks++;
                    string error = AckError(d);
                    lock (_sync) TxAckErrors.Add(error);
                    return error == "NONE";
                }
                _deferred.Enqueue((d, from));
            }
            lock (_sync) TxAckErrors.Add("(no TX_ACK)");
            return false;
        }

        static string AckError(byte[] d)
        {
            if (d.Length == 12) return "NONE"; // PROTOCOL.TXT §5.5: no JSON means no error
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(d, 12, d.Length - 12));
            return doc.RootElement.GetProperty("txpk_ack").GetProperty("error").GetString();
        }

        /// <summary>Snapshot of <see cref="TxAckErrors"/>.</summary>
        public string[] Acks()
        {
            lock (_sync) return TxAckErrors.ToArray();
        }

        public void Dispose()
        {
            _closing = true;
            _socket.Dispose();
            _thread.Join(1000);
        }
    }
}
