using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace LoRaWan.Udp
{
    /// <summary>
    /// A connected UDP socket to the network server, as the packet forwarder uses: it sends from an ephemeral local
    /// port and only accepts datagrams from the server's address. A background thread receives and hands each
    /// datagram to an <see cref="IDatagramSink"/>; socket errors (e.g. ICMP port unreachable while the server is
    /// down) are counted, never fatal.
    /// </summary>
    public sealed class UdpDatagramLink : IDatagramLink, IDisposable
    {
        readonly Socket _socket;
        readonly IPEndPoint _server;
        Thread _thread;
        IDatagramSink _sink;
        volatile bool _closing;
        int _sendErrors;
        int _receiveErrors;

        /// <summary>A socket connected to <paramref name="server"/>.</summary>
        public UdpDatagramLink(IPEndPoint server)
        {
            _server = server ?? throw new ArgumentNullException(nameof(server));
            _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            _socket.Connect(server);
        }

        /// <summary>"host:port" (or "host", port 1700; "[v6]:port" for IPv6) resolved to one address, IPv4 preferred.</summary>
        public static IPEndPoint Resolve(string hostAndPort)
        {
            if (string.IsNullOrWhiteSpace(hostAndPort)) throw new FormatException("server address is empty");
            string host = hostAndPort;
            int port = SemtechUdp.DefaultPort;
            int colon = hostAndPort.LastIndexOf(':');
            bool bracketed = hostAndPort.StartsWith("[", StringComparison.Ordinal);
            if (colon > 0 && (bracketed ? hostAndPort.IndexOf(']') < colon : hostAndPort.IndexOf(':') == colon))
            {
                host = hostAndPort.Substring(0, colon);
                if (!int.TryParse(hostAndPort.Substring(colon + 1), out port) || port < 1 || port > 65535)
                    throw new FormatException($"bad port in '{hostAndPort}'");
            }
            host = host.Trim('[', ']');
            if (IPAddress.TryParse(host, out IPAddress literal)) return new IPEndPoint(literal, port);
            IPAddress[] addresses = Dns.GetHostAddresses(host);
            foreach (IPAddress a in addresses) if (a.AddressFamily == AddressFamily.InterNetwork) return new IPEndPoint(a, port);
            if (addresses.Length > 0) return new IPEndPoint(addresses[0], port);
            throw new FormatException($"'{host}' has no address");
        }

        /// <summary>The server's address.</summary>
        public IPEndPoint Server => _server;

        /// <summary>The local (ephemeral) address the gateway sends from.</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint;

        /// <summary>Failed sends so far.</summary>
        public int SendErrors => _sendErrors;

        /// <summary>Receive errors so far (ICMP unreachable and the like).</summary>
        public int ReceiveErrors => _receiveErrors;

        /// <summary>Starts the receive thread, delivering to <paramref name="sink"/>.</summary>
        public void Start(IDatagramSink sink)
        {
            if (_thread != null) throw new InvalidOperationException("already started");
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
            _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = "udp-gateway-rx" };
            _thread.Start();
        }

        /// <inheritdoc />
        public void Send(byte[] datagram, int length)
        {
            try { _socket.Send(datagram, 0, length, SocketFlags.None); }
            catch (SocketException) { Interlocked.Increment(ref _sendErrors); }
            catch (ObjectDisposedException) { }
        }

        void ReceiveLoop()
        {
            byte[] buffer = new byte[65536];
            while (!_closing)
            {
                int n;
                try
                {
                    n = _socket.Receive(buffer, 0, buffer.Length, SocketFlags.None);
                }
                catch (SocketException)
                {
                    if (_closing) return;
                    Interlocked.Increment(ref _receiveErrors);
                    Thread.Sleep(10);
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                long stamp = Stopwatch.GetTimestamp();
                byte[] copy = new byte[n];
                Array.Copy(buffer, copy, n);
                _sink.OnDatagram(copy, n, stamp);
            }
        }

        /// <summary>Closes the socket and stops the receive thread.</summary>
        public void Dispose()
        {
            _closing = true;
            _socket.Dispose();
            if (_thread != null && _thread != Thread.CurrentThread) _thread.Join(1000);
        }
    }
}
