using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using LoRaWan.Regions;
using LoRaWan.Simulation;

namespace LoRaWan.Udp
{
    /// <summary>
    /// A virtual LoRaWAN gateway that speaks the Semtech UDP packet-forwarder protocol version 2
    /// (Lora-net/packet_forwarder PROTOCOL.TXT) to a real network server, in front of the simulated
    /// <see cref="GatewayEndpoint"/>:
    /// <list type="bullet">
    /// <item>every uplink the endpoint hears goes out at once as a PUSH_DATA rxpk, its tmst being the gateway's
    /// 32-bit µs counter at the end of the frame (<see cref="GatewayCounter"/>, derived from virtual time);</item>
    /// <item>a PULL_DATA keep-alive every <see cref="KeepAliveIntervalMs"/> keeps the downlink route open, a stat
    /// report every <see cref="StatIntervalMs"/>; PUSH_ACK and PULL_ACK are matched to their tokens;</item>
    /// <item>each PULL_RESP txpk becomes a transmission on the air that starts exactly when the counter reaches its
    /// tmst, and is answered with a TX_ACK (NONE, or TOO_LATE, TOO_EARLY, COLLISION_PACKET, TX_FREQ, TX_POWER,
    /// GPS_UNLOCKED with the packet forwarder's limits);</item>
    /// <item>anything malformed from the server is counted, reported to the observer and dropped.</item>
    /// </list>
    /// Threading: datagrams arrive on the link's thread and are only queued there (<see cref="OnDatagram"/>); they are
    /// handled on the simulation thread by <see cref="Poll"/> (called by a <see cref="RealTimePacer"/> tick), so the
    /// single-threaded scheduler and air are never touched from elsewhere.
    /// </summary>
    public sealed partial class VirtualPacketForwarder : IUplinkReceiver, IAirMonitor, IDatagramSink, IRealTimeService, ISimulationEventHandler
    {
        const int TagKeepAlive = 1;
        const int TagStat = 2;

        readonly GatewayEndpoint _gateway;
        readonly VirtualScheduler _scheduler;
        readonly Region _region;
        readonly IDatagramLink _link;
        readonly GatewayCounter _counter;
        readonly ulong _eui;
        readonly Random _random;
        readonly ForwarderCounters _counters = new ForwarderCounters();
        readonly ConcurrentQueue<Inbound> _inbound = new ConcurrentQueue<Inbound>();
        readonly Dictionary<ushort, Pending> _pending = new Dictionary<ushort, Pending>();
        readonly List<uint> _ifChannels = new List<uint>();
        readonly byte[] _header = new byte[SemtechUdp.GatewayHeaderLength];
        bool _started;
        int _unansweredPulls;
        bool _silentReported;
        bool _pullAcked;
        int _pushSinceStat, _acksSinceStat;

        struct Inbound
        {
            public byte[] Data;
            public int Length;
            public long Stamp;
        }

        struct Pending
        {
            public PacketType Type;
            public long Stamp;
        }

        /// <summary>
        /// A gateway with EUI <paramref name="gatewayEui"/> in front of <paramref name="gateway"/>, sending through
        /// <paramref name="link"/>. Its counter reads <paramref name="counterAtVirtualZero"/> at virtual time 0; tokens
        /// come from a generator seeded with <paramref name="seed"/>. Call <see cref="Start"/> to begin the keep-alives.
        /// </summary>
        public VirtualPacketForwarder(GatewayEndpoint gateway, VirtualScheduler scheduler, Region region, ulong gatewayEui,
            IDatagramLink link, uint counterAtVirtualZero, int seed)
        {
            _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
            _region = region ?? throw new ArgumentNullException(nameof(region));
            _link = link ?? throw new ArgumentNullException(nameof(link));
            _eui = gatewayEui;
            _counter = new GatewayCounter(counterAtVirtualZero);
            _random = new Random(seed);
            UtcAtVirtualZero = DateTime.UtcNow;
        }

        /// <summary>The gateway EUI written in bytes 4–11 of every gateway → server datagram.</summary>
        public ulong GatewayEui => _eui;

        /// <summary>The concentrator counter (tmst).</summary>
        public GatewayCounter Counter => _counter;

        /// <summary>What happened so far.</summary>
        public ForwarderCounters Counters => _counters;

        /// <summary>Receives the exchanges; null for none.</summary>
        public PacketForwarderObserver Observer { get; set; }

        /// <summary>When set, UTC times come from it, datagram arrivals wake it, and downlink timing is checked against the wall clock.</summary>
        public RealTimePacer Pacer { get; set; }

        /// <summary>UTC time of virtual time 0 when there is no <see cref="Pacer"/> (default: construction time).</summary>
        public DateTime UtcAtVirtualZero { get; set; }

        /// <summary>PULL_DATA period (the packet forwarder's keepalive_interval, 10 s by default there; 5 s here).</summary>
        public int KeepAliveIntervalMs { get; set; } = 5000;

        /// <summary>stat period (the packet forwarder's stat_interval: 30 s).</summary>
        public int StatIntervalMs { get; set; } = 30000;

        /// <summary>
        /// Highest TX power accepted (dBm); above it TX_ACK says TX_POWER. 30 dBm: the highest EIRP any supported region
        /// allows for downlinks (US915/AU915), so a network server's regional default is never refused.
        /// </summary>
        public int MaxTxPowerDbm { get; set; } = 30;

        /// <summary>
        /// A txpk must arrive at least this long before its tmst, else TOO_LATE: the packet forwarder's
        /// TX_START_DELAY 1.5 ms + TX_MARGIN_DELAY 1 ms + TX_JIT_DELAY 30 ms (jitqueue.c).
        /// </summary>
        public ulong MinLeadUs { get; set; } = 32500;

        /// <summary>A tmst further ahead than this is TOO_EARLY: the packet forwarder's TX_MAX_ADVANCE_DELAY, (3 beacons + 1) × 128 s.</summary>
        public ulong MaxAdvanceUs { get; set; } = 512000000;

        /// <summary>Pre-delay reserved before each downlink for the collision check (TX_START_DELAY + TX_JIT_DELAY).</summary>
        public const ulong CollisionPreDelayUs = 31500;

        /// <summary>Margin between two downlinks (TX_MARGIN_DELAY).</summary>
        public const ulong CollisionMarginUs = 1000;

        /// <summary>TX_JIT_DELAY: how early the JIT thread hands a packet to the concentrator (jitqueue.h, 30 ms).</summary>
        public const ulong TxJitDelayUs = 30000;

        /// <summary>An immediate (imme) downlink is programmed this long after it arrives when the time is free (jitqueue.c: "1 second margin").</summary>
        public const ulong ImmediateMarginUs = 1000000;

        /// <summary>Sends the first PULL_DATA and stat and starts their timers (simulation thread).</summary>
        public void Start()
        {
            if (_started) return;
            _started = true;
            SendPullData();
            SendStat();
            _scheduler.ScheduleAfter((ulong)KeepAliveIntervalMs * 1000UL, this, TagKeepAlive);
            _scheduler.ScheduleAfter((ulong)StatIntervalMs * 1000UL, this, TagStat);
        }

        /// <summary>Stops the timers (simulation thread); queued datagrams are still handled by <see cref="Poll"/>.</summary>
        public void Stop()
        {
            _started = false;
        }

        /// <summary>The UTC time of virtual time <paramref name="virtualUs"/>.</summary>
        public DateTime UtcAt(ulong virtualUs)
        {
            RealTimePacer pacer = Pacer;
            return pacer != null ? pacer.UtcAt(virtualUs) : UtcAtVirtualZero.AddTicks((long)virtualUs * 10);
        }

        // ------------------------------------------------------------------ timers

        /// <inheritdoc />
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            if (!_started) return;
            if (tag == TagKeepAlive)
            {
                if (!_pullAcked)
                {
                    _unansweredPulls++;
                    if (_unansweredPulls >= 3 && !_silentReported)
                    {
                        _silentReported = true;
                        Observer?.ServerSilent(nowUs, _unansweredPulls);
                    }
                }
                SendPullData();
                _scheduler.ScheduleAfter((ulong)KeepAliveIntervalMs * 1000UL, this, TagKeepAlive);
            }
            else if (tag == TagStat)
            {
                SendStat();
                _scheduler.ScheduleAfter((ulong)StatIntervalMs * 1000UL, this, TagStat);
            }
        }

        // ------------------------------------------------------------------ upstream

        /// <summary>The endpoint heard an uplink that ended at <paramref name="endUs"/>: forward it as a PUSH_DATA rxpk.</summary>
        public void OnUplink(byte[] payload, int offset, int length, uint frequencyHz, int spreadingFactor, int bandwidthHz,
            ulong endUs, int rssiDbm, int snrQuarterDb)
        {
            _counters.UplinksReceived++;
            var rx = new RxPacket
            {
                TimeUtc = UtcAt(endUs),
                Timestamp = _counter.At(endUs),
                Channel = IfChannel(frequencyHz),
                RfChain = 0,
                FrequencyHz = frequencyHz,
                SpreadingFactor = spreadingFactor,
                BandwidthHz = bandwidthHz,
                CodingRate = "4/5",
                RssiDbm = rssiDbm,
                SnrDb = snrQuarterDb / 4.0,
                Payload = payload,
                Offset = offset,
                Length = length,
            };
            SendPushData(rx, null);
            _counters.UplinksForwarded++;
        }

        /// <summary>"chan": the concentrator IF channel; here the order in which the frequencies were first heard, 0..7.</summary>
        int IfChannel(uint frequencyHz)
        {
            int i = _ifChannels.IndexOf(frequencyHz);
            if (i < 0)
            {
                _ifChannels.Add(frequencyHz);
                i = _ifChannels.Count - 1;
            }
            return i % 8;
        }

        void SendStat()
        {
            var status = new GatewayStatus
            {
                TimeUtc = UtcAt(_scheduler.NowMicroseconds),
                Received = _counters.UplinksReceived,
                ReceivedOk = _counters.UplinksReceived,
                Forwarded = _counters.UplinksForwarded,
                AckRatePercent = _pushSinceStat == 0 ? 0 : 100.0 * _acksSinceStat / _pushSinceStat,
                DownlinkDatagrams = _counters.PullResps,
                Transmitted = _counters.DownlinksEmitted,
            };
            _pushSinceStat = 0;
            _acksSinceStat = 0;
            _counters.StatsSent++;
            SendPushData(null, status);
        }

        void SendPushData(RxPacket rx, GatewayStatus status)
        {
            byte[] json = UpstreamJson.Write(rx, status);
            byte[] datagram = new byte[SemtechUdp.GatewayHeaderLength + json.Length];
            ushort token = NewToken(PacketType.PushData);
            SemtechUdp.WriteGatewayHeader(datagram, PacketType.PushData, token, _eui);
            Array.Copy(json, 0, datagram, SemtechUdp.GatewayHeaderLength, json.Length);
            _link.Send(datagram, datagram.Length);
            _counters.PushDataSent++;
            _pushSinceStat++;
            Observer?.PushDataSent(_scheduler.NowMicroseconds, token, rx, status);
        }

        void SendPullData()
        {
            ushort token = NewToken(PacketType.PullData);
            _pullAcked = false;
            SemtechUdp.WriteGatewayHeader(_header, PacketType.PullData, token, _eui);
            _link.Send(_header, SemtechUdp.GatewayHeaderLength);
            _counters.PullDataSent++;
            Observer?.PullDataSent(_scheduler.NowMicroseconds, token);
        }

        /// <summary>A random token not awaiting an acknowledgement, remembered with the send time.</summary>
        ushort NewToken(PacketType type)
        {
            long now = Stopwatch.GetTimestamp();
            // Forget what was never acknowledged within a minute.
            if (_pending.Count > 64)
            {
                var stale = new List<ushort>();
                foreach (var kv in _pending) if (now - kv.Value.Stamp > 60 * Stopwatch.Frequency) stale.Add(kv.Key);
                foreach (ushort t in stale) _pending.Remove(t);
            }
            ushort token;
            do token = (ushort)_random.Next(0x10000); while (_pending.ContainsKey(token));
            _pending[token] = new Pending { Type = type, Stamp = now };
            return token;
        }

        // ------------------------------------------------------------------ datagrams from the server

        /// <summary>Queues a datagram from the server (link thread; thread-safe) and wakes the pacer.</summary>
        public void OnDatagram(byte[] datagram, int length, long receivedTimestamp)
        {
            _inbound.Enqueue(new Inbound { Data = datagram, Length = length, Stamp = receivedTimestamp });
            Pacer?.Wake();
        }

        /// <summary>Handles every queued datagram (simulation thread).</summary>
        public void Poll(ulong nowUs)
        {
            while (_inbound.TryDequeue(out Inbound d)) HandleDatagram(d.Data, d.Length, d.Stamp);
        }

        /// <summary>Number of datagrams queued and not yet handled.</summary>
        public int QueuedDatagrams => _inbound.Count;

        /// <summary>
        /// Handles one datagram from the server now (simulation thread): checks version, length and identifier, matches
        /// ACK tokens, executes PULL_RESP. Never throws on bad input.
        /// </summary>
        public void HandleDatagram(byte[] d, int length, long receivedTimestamp)
        {
            ulong now = _scheduler.NowMicroseconds;
            if (d == null || length < SemtechUdp.HeaderLength || length > d.Length)
            {
                Drop(now, DatagramProblem.Truncated, $"{length} byte(s), the header alone is {SemtechUdp.HeaderLength}");
                return;
            }
            if (d[0] != SemtechUdp.ProtocolVersion)
            {
                Drop(now, DatagramProblem.WrongVersion, $"protocol version {d[0]} ({SemtechUdp.Name(d[3])}), expected {SemtechUdp.ProtocolVersion}");
                return;
            }
            ushort token = SemtechUdp.ReadToken(d);
            switch ((PacketType)d[3])
            {
                case PacketType.PushAck:
                case PacketType.PullAck:
                    HandleAck((PacketType)d[3], token, receivedTimestamp, now);
                    break;
                case PacketType.PullResp:
                    long latencyUs = (Stopwatch.GetTimestamp() - receivedTimestamp) * 1000000L / Stopwatch.Frequency;
                    if (latencyUs > _counters.MaxInjectionLatencyUs) _counters.MaxInjectionLatencyUs = latencyUs;
                    HandlePullResp(d, length, token, now);
                    break;
                default:
                    Drop(now, DatagramProblem.UnknownIdentifier, $"identifier {SemtechUdp.Name(d[3])} is not one a server sends");
                    break;
            }
        }

        void HandleAck(PacketType type, ushort token, long receivedTimestamp, ulong now)
        {
            PacketType expected = type == PacketType.PushAck ? PacketType.PushData : PacketType.PullData;
            if (!_pending.TryGetValue(token, out Pending p) || p.Type != expected)
            {
                Drop(now, DatagramProblem.UnexpectedToken, $"{SemtechUdp.Name((byte)type)} token 0x{token:X4} matches no {SemtechUdp.Name((byte)expected)} sent");
                return;
            }
            _pending.Remove(token);
            double rttMs = (receivedTimestamp - p.Stamp) * 1000.0 / Stopwatch.Frequency;
            if (type == PacketType.PushAck)
            {
                _counters.PushAcks++;
                _acksSinceStat++;
                _counters.PushRtt(rttMs);
                Observer?.PushAckReceived(now, token, rttMs);
            }
            else
            {
                bool first = _counters.PullAcks == 0 || _silentReported;
                _counters.PullAcks++;
                _counters.PullRtt(rttMs);
                _pullAcked = true;
                _unansweredPulls = 0;
                _silentReported = false;
                Observer?.PullAckReceived(now, token, rttMs, first);
            }
        }

        void Drop(ulong now, DatagramProblem problem, string reason)
        {
            _counters.CountDropped(problem);
            Observer?.DatagramDropped(now, problem, reason);
        }

        // ------------------------------------------------------------------ air

        /// <inheritdoc />
        public void OnTransmission(AirFrame frame)
        {
            if (frame.Source != _gateway) return;
            _counters.DownlinksEmitted++;
            long wallErrorUs = 0;
            RealTimePacer pacer = Pacer;
            if (pacer != null && pacer.Running)
            {
                wallErrorUs = (long)pacer.WallNowUs - (long)frame.StartUs;
                long abs = Math.Abs(wallErrorUs);
                if (abs > _counters.MaxOnAirWallErrorUs) _counters.MaxOnAirWallErrorUs = abs;
            }
            Observer?.DownlinkOnAir(frame.StartUs, frame, wallErrorUs);
        }
    }
}
