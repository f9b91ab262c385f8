using System;
using System.Collections;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Platform;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A model of a LoRaWAN network server (network, join and application server in one) that behaves like
    /// The Things Stack towards Class A devices speaking LoRaWAN 1.0.2, 1.0.3, 1.0.4 and 1.1 in one region
    /// (LoRaWAN 1.1: NetworkServer.Join11.cs, NetworkServer.Mac11.cs, the 1.1 branches of the uplink and downlink paths).
    /// Gateways report uplinks with <see cref="OnUplink"/>; the server answers through an
    /// <see cref="IDownlinkTransmitter"/> with the exact start time of RX1 or RX2. Time comes from an
    /// <see cref="IClock"/> (virtual in simulation). Not thread-affine: calls are serialised with a lock.
    /// <para>Join server: Join-request MIC, DevNonce rules (1.0.4 increasing, ≤ 1.0.3 never repeated), Join-accept
    /// with JoinNonce, NetID, a fresh DevAddr, DLSettings, RxDelay and CFList, encrypted with AES decrypt.
    /// Network server: deduplication across gateways, FCnt rebuild and replay protection, MIC, retransmission
    /// recognition, ACKs, RX1/RX2 scheduling by the regional rules, FCntDown. Application server: FRMPayload
    /// decryption, a downlink queue per device, confirmed downlink ACK/NACK tracking and retries.
    /// Class C devices (<see cref="SetClassC"/>): downlinks at any time on the RX2 parameters, see NetworkServer.ClassC.cs.</para>
    /// </summary>
    public sealed partial class NetworkServer
    {
        /// <summary>JOIN_ACCEPT_DELAY1: RX1 of a Join-accept opens 5 s after the Join-request (RP002-1.0.4 default settings).</summary>
        public const ulong JoinAcceptDelay1Us = 5000000;

        /// <summary>JOIN_ACCEPT_DELAY2: RX2 of a Join-accept, 6 s after the Join-request.</summary>
        public const ulong JoinAcceptDelay2Us = 6000000;

        /// <summary>RX2 opens one second after RX1 (RP002-1.0.4 default settings: RECEIVE_DELAY2 = RECEIVE_DELAY1 + 1 s).</summary>
        public const ulong Rx2AfterRx1Us = 1000000;

        /// <summary>Largest application payload accepted by <see cref="Enqueue(ulong,int,byte[],int,int,bool)"/> (255 − MHDR − FHDR − FPort − MIC).</summary>
        public const int MaxApplicationPayload = 242;

        readonly object _sync = new object();
        readonly Region _region;
        readonly IClock _clock;
        readonly IDownlinkTransmitter _transmitter;
        readonly NetworkOptions _options;
        readonly NetworkCounters _counters = new NetworkCounters();
        readonly UplinkLog _uplinks = new UplinkLog();
        readonly DownlinkLog _downlinks = new DownlinkLog();
        readonly ArrayList _devices = new ArrayList();
        readonly ChannelPlan _joinPlan;

        // Crypto and frame views, allocated once.
        readonly JoinCrypto _joinCrypto = new JoinCrypto();
        readonly JoinAcceptCipher _joinAcceptCipher = new JoinAcceptCipher();
        readonly KeyDerivation _keyDerivation = new KeyDerivation();
        readonly DataMic _dataMic = new DataMic();
        readonly PayloadCipher _payloadCipher = new PayloadCipher();
        readonly DataFrame _upFrame = new DataFrame();
        readonly DataFrame _downFrame = new DataFrame();
        readonly JoinRequestFrame _joinRequest = new JoinRequestFrame();
        readonly JoinAcceptFrame _joinAccept = new JoinAcceptFrame();
        readonly byte[] _downBuffer = new byte[PhyPayload.MaxLength];
        readonly byte[] _payload = new byte[PhyPayload.MaxLength];
        readonly byte[] _cfList = new byte[CfList.Length];
        readonly uint[] _cfListFrequencies = new uint[CfList.Entries];
        readonly byte[] _nwkSKey = new byte[16];
        readonly byte[] _appSKey = new byte[16];
        readonly UplinkRecord _scratchUplink = new UplinkRecord();
        readonly DownlinkRecord _scratchDownlink = new DownlinkRecord();

        readonly uint _devAddrPrefix;
        readonly uint _nwkAddrMask;
        readonly int _rx2DataRate;
        uint _nextNwkAddr;
        int _nextQueueId = 1;
        INetworkObserver _observer;
        bool _forceRx2;
        int _dropsPending;
        int _latePending;
        ulong _lateByUs;
        int _earlyPending;
        ulong _earlyByUs;

        /// <summary>A server for <paramref name="region"/> with The Things Stack defaults (<see cref="NetworkOptions"/>).</summary>
        public NetworkServer(Region region, IClock clock, IDownlinkTransmitter transmitter)
            : this(region, clock, transmitter, new NetworkOptions())
        {
        }

        /// <summary>A server for <paramref name="region"/> with <paramref name="options"/> (read now; later changes are ignored except the CFList ones).</summary>
        public NetworkServer(Region region, IClock clock, IDownlinkTransmitter transmitter, NetworkOptions options)
        {
            if (region == null) throw new ArgumentNullException("region");
            if (clock == null) throw new ArgumentNullException("clock");
            if (transmitter == null) throw new ArgumentNullException("transmitter");
            if (options == null) throw new ArgumentNullException("options");
            _region = region;
            _clock = clock;
            _transmitter = transmitter;
            _options = options;
            _joinPlan = region.CreateChannelPlan();

            if (options.NetId > 0xFFFFFF) throw new ArgumentOutOfRangeException("options", "NetID is 24 bits");
            if (options.Rx1DrOffset < 0 || options.Rx1DrOffset > region.MaxRx1DrOffset)
                throw new ArgumentOutOfRangeException("options", "RX1DROffset " + options.Rx1DrOffset.ToString() + " is not valid in " + region.Name);
            _rx2DataRate = options.Rx2DataRate < 0 ? region.Rx2DataRate : options.Rx2DataRate;
            if (!region.IsDownlinkDataRate(_rx2DataRate) || !region.IsDataRateSupported(_rx2DataRate))
                throw new ArgumentOutOfRangeException("options", "RX2 DR" + _rx2DataRate.ToString() + " is not a LoRa downlink data rate of " + region.Name);
            if (options.RxDelaySeconds < 1 || options.RxDelaySeconds > 15)
                throw new ArgumentOutOfRangeException("options", "RxDelay is 1..15 s");

            int prefixBits = options.DevAddrPrefixBits;
            uint prefix = options.DevAddrPrefix;
            if (prefixBits == 0)
            {
                // NetID type 0 (bits 23..21 = 000): DevAddr = 0b0 | NwkID (6 bits = NetID bits 5..0) | NwkAddr (25 bits).
                if ((options.NetId >> 21) != 0 && prefix == 0)
                    throw new ArgumentException("set DevAddrPrefix and DevAddrPrefixBits for a NetID that is not type 0", "options");
                prefixBits = 7;
                if (prefix == 0) prefix = (options.NetId & 0x3F) << 25;
            }
            if (prefixBits < 1 || prefixBits > 31) throw new ArgumentOutOfRangeException("options", "DevAddrPrefixBits is 1..31");
            _nwkAddrMask = (1u << (32 - prefixBits)) - 1;
            _devAddrPrefix = prefix & ~_nwkAddrMask;
            _nextNwkAddr = options.FirstNwkAddr;
        }

        /// <summary>The region of every device of this server.</summary>
        public Region Region
        {
            get { return _region; }
        }

        /// <summary>The options given at construction.</summary>
        public NetworkOptions Options
        {
            get { return _options; }
        }

        /// <summary>Event counters.</summary>
        public NetworkCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>Every accepted data uplink (when <see cref="NetworkOptions.RecordHistory"/>).</summary>
        public UplinkLog Uplinks
        {
            get { return _uplinks; }
        }

        /// <summary>Every downlink handed to a gateway or dropped on purpose (when <see cref="NetworkOptions.RecordHistory"/>).</summary>
        public DownlinkLog Downlinks
        {
            get { return _downlinks; }
        }

        /// <summary>Receives the timeline; null for none.</summary>
        public INetworkObserver Observer
        {
            get { return _observer; }
            set { _observer = value; }
        }

        // ------------------------------------------------------------------ test switches

        /// <summary>Skip RX1: every downlink (Join-accepts included) goes to RX2.</summary>
        public bool ForceRx2
        {
            get { return _forceRx2; }
            set { _forceRx2 = value; }
        }

        /// <summary>
        /// Loses the next <paramref name="count"/> downlinks on the way (simulated loss): each is built, counted and
        /// consumes its FCntDown as if sent, but never reaches the transmitter. Adds to what is pending.
        /// </summary>
        public void DropDownlinks(int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count");
            lock (_sync) _dropsPending += count;
        }

        /// <summary>Downlinks still to be dropped.</summary>
        public int DropsPending
        {
            get { return _dropsPending; }
        }

        /// <summary>
        /// Sends the next <paramref name="count"/> downlinks <paramref name="lateByUs"/> after their window opens (a late
        /// gateway). Replaces what was pending.
        /// </summary>
        public void DelayDownlinks(int count, ulong lateByUs)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count");
            lock (_sync)
            {
                _latePending = count;
                _lateByUs = lateByUs;
            }
        }

        /// <summary>
        /// Sends the next <paramref name="count"/> downlinks <paramref name="earlyByUs"/> before their window's instant (the
        /// device's clock running late by as much, as far as the device can tell). Replaces what was pending.
        /// </summary>
        public void AdvanceDownlinks(int count, ulong earlyByUs)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count");
            lock (_sync)
            {
                _earlyPending = count;
                _earlyByUs = earlyByUs;
            }
        }

        /// <summary>Downlinks still to be sent early.</summary>
        public int EarlyPending
        {
            get { return _earlyPending; }
        }

        /// <summary>Downlinks still to be sent late.</summary>
        public int LatePending
        {
            get { return _latePending; }
        }

        // ------------------------------------------------------------------ registry

        /// <summary>Registers an OTAA device (EUIs as numbers, the way the console shows them MSB first; AppKey 16 bytes in wire order).</summary>
        public NetworkDevice AddOtaaDevice(ulong devEui, ulong joinEui, byte[] appKey, LoRaWanVersion macVersion)
        {
            if (appKey == null || appKey.Length != 16) throw new ArgumentException("AppKey is 16 bytes", "appKey");
            CheckVersion(macVersion);
            if (macVersion >= LoRaWanVersion.V1_1)
                throw new ArgumentException("a LoRaWAN 1.1 OTAA device has NwkKey and AppKey: use AddOtaaDevice11", "macVersion");
            return AddOtaa(new NetworkDevice(true, devEui, joinEui, appKey, macVersion));
        }

        /// <summary>
        /// Registers a LoRaWAN 1.1 OTAA device with its two root keys (16 bytes each, wire order): NwkKey (Join-request
        /// MIC, Join-accept, FNwkSIntKey/SNwkSIntKey/NwkSEncKey, JSIntKey/JSEncKey) and AppKey (AppSKey), LoRaWAN 1.1 §6.1.1.
        /// </summary>
        public NetworkDevice AddOtaaDevice11(ulong devEui, ulong joinEui, byte[] nwkKey, byte[] appKey)
        {
            if (nwkKey == null || nwkKey.Length != 16) throw new ArgumentException("NwkKey is 16 bytes", "nwkKey");
            if (appKey == null || appKey.Length != 16) throw new ArgumentException("AppKey is 16 bytes", "appKey");
            return AddOtaa(new NetworkDevice(true, devEui, joinEui, nwkKey, appKey, LoRaWanVersion.V1_1));
        }

        NetworkDevice AddOtaa(NetworkDevice device)
        {
            lock (_sync)
            {
                if (FindOtaa(device.DevEui, device.JoinEui) != null) throw new InvalidOperationException("DevEUI " + device.DevEui.ToString("X16") + " is already registered");
                _devices.Add(device);
                return device;
            }
        }

        /// <summary>Registers an ABP device without a DevEUI; see <see cref="AddAbpDevice(ulong,uint,byte[],byte[],LoRaWanVersion)"/>.</summary>
        public NetworkDevice AddAbpDevice(uint devAddr, byte[] nwkSKey, byte[] appSKey, LoRaWanVersion macVersion)
        {
            return AddAbpDevice(0, devAddr, nwkSKey, appSKey, macVersion);
        }

        /// <summary>
        /// Registers an ABP device with its session. The session uses the LoRaWAN default receive settings
        /// (RECEIVE_DELAY1 1 s, RX1DROffset 0, the region's RX2 frequency and DR), FCntDown 0 and no uplink seen;
        /// change them on <see cref="NetworkDevice.Session"/>.
        /// </summary>
        public NetworkDevice AddAbpDevice(ulong devEui, uint devAddr, byte[] nwkSKey, byte[] appSKey, LoRaWanVersion macVersion)
        {
            if (nwkSKey == null || nwkSKey.Length != 16) throw new ArgumentException("NwkSKey is 16 bytes", "nwkSKey");
            if (appSKey == null || appSKey.Length != 16) throw new ArgumentException("AppSKey is 16 bytes", "appSKey");
            CheckVersion(macVersion);
            if (macVersion >= LoRaWanVersion.V1_1)
                throw new ArgumentException("a LoRaWAN 1.1 ABP device has four session keys: use AddAbpDevice11", "macVersion");
            var device = new NetworkDevice(false, devEui, 0, null, macVersion);
            return AddAbp(device, new NetworkSession(device, devAddr, nwkSKey, appSKey, _region.CreateChannelPlan()));
        }

        /// <summary>
        /// Registers a LoRaWAN 1.1 ABP device with its four session keys (16 bytes each, wire order; LoRaWAN 1.1 §6.1.2):
        /// FNwkSIntKey and SNwkSIntKey (the two halves of the uplink MIC; SNwkSIntKey alone the downlink MIC), NwkSEncKey
        /// (FOpts and FPort 0) and AppSKey. Session defaults as <see cref="AddAbpDevice(ulong,uint,byte[],byte[],LoRaWanVersion)"/>.
        /// </summary>
        public NetworkDevice AddAbpDevice11(ulong devEui, uint devAddr, byte[] fNwkSIntKey, byte[] sNwkSIntKey, byte[] nwkSEncKey, byte[] appSKey)
        {
            if (fNwkSIntKey == null || fNwkSIntKey.Length != 16) throw new ArgumentException("FNwkSIntKey is 16 bytes", "fNwkSIntKey");
            if (sNwkSIntKey == null || sNwkSIntKey.Length != 16) throw new ArgumentException("SNwkSIntKey is 16 bytes", "sNwkSIntKey");
            if (nwkSEncKey == null || nwkSEncKey.Length != 16) throw new ArgumentException("NwkSEncKey is 16 bytes", "nwkSEncKey");
            if (appSKey == null || appSKey.Length != 16) throw new ArgumentException("AppSKey is 16 bytes", "appSKey");
            var device = new NetworkDevice(false, devEui, 0, null, LoRaWanVersion.V1_1);
            var session = new NetworkSession(device, devAddr, fNwkSIntKey, appSKey, _region.CreateChannelPlan());
            session.Use11Keys(sNwkSIntKey, nwkSEncKey);
            return AddAbp(device, session);
        }

        NetworkDevice AddAbp(NetworkDevice device, NetworkSession session)
        {
            lock (_sync)
            {
                if (FindSession(session.DevAddr) != null) throw new InvalidOperationException("DevAddr " + session.DevAddr.ToString("X8") + " is already in use");
                device.Session = session;
                _devices.Add(device);
                return device;
            }
        }

        /// <summary>
        /// Registers the device a <see cref="DeviceIdentity"/> describes (the same object the device stack is given).
        /// A LoRaWAN 1.1 identity (<see cref="DeviceIdentity.Is11"/>) needs <paramref name="macVersion"/> 1.1 and a 1.0.x
        /// identity a 1.0.x version: a mismatch throws.
        /// </summary>
        public NetworkDevice AddDevice(DeviceIdentity identity, LoRaWanVersion macVersion)
        {
            if (identity == null) throw new ArgumentNullException("identity");
            CheckVersion(macVersion);
            if (identity.Is11 != (macVersion >= LoRaWanVersion.V1_1))
                throw new ArgumentException(identity.Is11
                    ? "a LoRaWAN 1.1 identity (Otaa11/Abp11) needs MAC version 1.1"
                    : "a LoRaWAN 1.0.x identity (Otaa/Abp) cannot be registered as 1.1: use DeviceIdentity.Otaa11 or Abp11", "macVersion");
            if (identity.Is11)
            {
                if (identity.IsOtaa) return AddOtaaDevice11(identity.DevEui, identity.JoinEui, identity.NwkKey, identity.AppKey);
                return AddAbpDevice11(0, identity.DevAddr, identity.NwkSKey, identity.SNwkSIntKey, identity.NwkSEncKey, identity.AppSKey);
            }
            if (identity.IsOtaa) return AddOtaaDevice(identity.DevEui, identity.JoinEui, identity.AppKey, macVersion);
            return AddAbpDevice(identity.DevAddr, identity.NwkSKey, identity.AppSKey, macVersion);
        }

        static void CheckVersion(LoRaWanVersion macVersion)
        {
            if ((macVersion < LoRaWanVersion.V1_0_2 || macVersion > LoRaWanVersion.V1_0_4) && macVersion != LoRaWanVersion.V1_1)
                throw new NotSupportedException("this network model speaks LoRaWAN 1.0.2, 1.0.3, 1.0.4 and 1.1");
        }

        /// <summary>Number of registered devices.</summary>
        public int DeviceCount
        {
            get { return _devices.Count; }
        }

        /// <summary>Registered device <paramref name="index"/> in registration order.</summary>
        public NetworkDevice GetDevice(int index)
        {
            return (NetworkDevice)_devices[index];
        }

        /// <summary>The device with <paramref name="devEui"/>, or null.</summary>
        public NetworkDevice FindDevice(ulong devEui)
        {
            for (int i = 0; i < _devices.Count; i++)
            {
                var d = (NetworkDevice)_devices[i];
                if (d.DevEui == devEui) return d;
            }
            return null;
        }

        /// <summary>The device whose active or pending session has <paramref name="devAddr"/>, or null.</summary>
        public NetworkDevice FindDeviceByDevAddr(uint devAddr)
        {
            NetworkSession s = FindSession(devAddr);
            return s == null ? null : s.Device;
        }

        NetworkDevice FindOtaa(ulong devEui, ulong joinEui)
        {
            for (int i = 0; i < _devices.Count; i++)
            {
                var d = (NetworkDevice)_devices[i];
                if (d.IsOtaa && d.DevEui == devEui && d.JoinEui == joinEui) return d;
            }
            return null;
        }

        NetworkSession FindSession(uint devAddr)
        {
            for (int i = 0; i < _devices.Count; i++)
            {
                var d = (NetworkDevice)_devices[i];
                if (d.PendingSession != null && d.PendingSession.DevAddr == devAddr) return d.PendingSession;
                if (d.Session != null && d.Session.DevAddr == devAddr) return d.Session;
            }
            return null;
        }

        // A fresh DevAddr for every join (never reused, never one in use by an ABP device).
        uint AllocateDevAddr()
        {
            while (true)
            {
                uint addr = _devAddrPrefix | (_nextNwkAddr & _nwkAddrMask);
                _nextNwkAddr++;
                if (FindSession(addr) == null) return addr;
            }
        }

        // ------------------------------------------------------------------ application downlink queue

        /// <summary>Queues an application downlink for the device with <paramref name="devEui"/>; see the full overload.</summary>
        public QueuedDownlink Enqueue(ulong devEui, int port, byte[] payload, bool confirmed)
        {
            return Enqueue(devEui, port, payload, 0, payload == null ? 0 : payload.Length, confirmed);
        }

        /// <summary>
        /// Queues an application downlink (FPort 1..255, at most <see cref="MaxApplicationPayload"/> bytes, copied) for
        /// the device with <paramref name="devEui"/>. It goes out in a receive window after the device's next uplink
        /// (Class A), one per uplink, with FPending set while more remain. Returns the queue item (to follow its
        /// acknowledgement), or null when no such device is registered.
        /// </summary>
        public QueuedDownlink Enqueue(ulong devEui, int port, byte[] payload, int offset, int length, bool confirmed)
        {
            lock (_sync)
            {
                NetworkDevice device = FindDevice(devEui);
                return device == null ? null : Enqueue(device, port, payload, offset, length, confirmed);
            }
        }

        /// <summary>Queues an application downlink for the device whose session has <paramref name="devAddr"/> (ABP devices).</summary>
        public QueuedDownlink EnqueueByDevAddr(uint devAddr, int port, byte[] payload, bool confirmed)
        {
            lock (_sync)
            {
                NetworkDevice device = FindDeviceByDevAddr(devAddr);
                return device == null ? null : Enqueue(device, port, payload, 0, payload == null ? 0 : payload.Length, confirmed);
            }
        }

        QueuedDownlink Enqueue(NetworkDevice device, int port, byte[] payload, int offset, int length, bool confirmed)
        {
            // FPort 0 carries MAC commands only (LoRaWAN 1.0.4 §4.3.2); the application uses 1..255.
            if (port < 1 || port > 255) throw new ArgumentOutOfRangeException("port", "application FPort is 1..255");
            if (length < 0 || length > MaxApplicationPayload) throw new ArgumentOutOfRangeException("length", "application payload is 0..242 bytes");
            if (length > 0 && (payload == null || offset < 0 || offset > payload.Length - length)) throw new ArgumentOutOfRangeException("offset");
            var item = new QueuedDownlink(_nextQueueId++, port, payload, offset, length, confirmed, _clock.NowMicroseconds);
            device.Enqueue(item);
            if (device.IsClassC && device.ClassCDueUs == 0)
            {
                // Class C: at once when nothing holds it (The Things Stack adds a downlink task on every queue change).
                ClassCTask(_clock.NowMicroseconds, device);
                RearmClassC();
            }
            return item;
        }

        // ------------------------------------------------------------------ gateway input

        /// <summary>
        /// A gateway heard <paramref name="length"/> bytes at <paramref name="phyPayload"/>[<paramref name="offset"/>]
        /// with <paramref name="metadata"/>. Join-requests and data uplinks are processed at once (downlinks are handed
        /// to the transmitter during the call); copies of the same frame from other gateways within
        /// <see cref="NetworkOptions.DeduplicationWindowUs"/> only improve the recorded reception. Anything malformed is
        /// counted and dropped; radio input never throws.
        /// </summary>
        public void OnUplink(byte[] phyPayload, int offset, int length, UplinkMetadata metadata)
        {
            if (metadata == null) throw new ArgumentNullException("metadata");
            lock (_sync)
            {
                ulong now = _clock.NowMicroseconds;
                _counters.FramesReceived++;
                MType mtype;
                FrameResult r = PhyPayload.ReadUplink(phyPayload, offset, length, 0, _upFrame, _joinRequest, _rejoinRequest, out mtype);
                if (r != FrameResult.Ok)
                {
                    if (r != FrameResult.InvalidArgument && r != FrameResult.TooShort && r != FrameResult.WrongMajor && mtype == MType.JoinRequest)
                    {
                        _counters.JoinRequests++;
                        RejectJoin(now, 0, 0, JoinRejectReason.Malformed);
                    }
                    else RejectUplink(now, 0, UplinkRejectReason.Malformed, metadata);
                    return;
                }
                switch (mtype)
                {
                    case MType.JoinRequest:
                        HandleJoinRequest(now, phyPayload, offset, length, metadata);
                        break;
                    case MType.UnconfirmedDataUp:
                    case MType.ConfirmedDataUp:
                        HandleDataUplink(now, phyPayload, offset, length, metadata);
                        break;
                    case MType.RejoinRequest:
                        HandleRejoinRequest(now, phyPayload, offset, length, metadata);
                        break;
                    default:
                        RejectUplink(now, 0, UplinkRejectReason.UnsupportedMType, metadata);
                        break;
                }
            }
        }

        static bool SameBytes(byte[] a, byte[] b, int bOffset, int length)
        {
            for (int i = 0; i < length; i++)
                if (a[i] != b[bOffset + i]) return false;
            return true;
        }
    }
}
