using System;
using System.Collections;
using LoRaWan.Frames;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A device in the network's registry: its activation (OTAA root keys or ABP session), MAC version, join-server
    /// state (DevNonces, JoinNonce), its sessions and its application downlink queue. A LoRaWAN 1.1 OTAA device has
    /// two root keys (LoRaWAN 1.1 §6.1.1): NwkKey (the join server derives the network session keys, JSIntKey and
    /// JSEncKey from it) and AppKey (AppSKey only, for the application server).
    /// </summary>
    public sealed class NetworkDevice
    {
        readonly byte[] _appKey;
        readonly byte[] _nwkKey;
        readonly ArrayList _queue = new ArrayList();
        internal readonly byte[] LastJoinRequest = new byte[JoinRequestFrame.Length];

        internal NetworkDevice(bool otaa, ulong devEui, ulong joinEui, byte[] appKey, LoRaWanVersion macVersion)
            : this(otaa, devEui, joinEui, null, appKey, macVersion)
        {
        }

        internal NetworkDevice(bool otaa, ulong devEui, ulong joinEui, byte[] nwkKey, byte[] appKey, LoRaWanVersion macVersion)
        {
            IsOtaa = otaa;
            DevEui = devEui;
            JoinEui = joinEui;
            MacVersion = macVersion;
            if (appKey != null)
            {
                _appKey = new byte[16];
                Array.Copy(appKey, 0, _appKey, 0, 16);
            }
            if (nwkKey != null)
            {
                _nwkKey = new byte[16];
                Array.Copy(nwkKey, 0, _nwkKey, 0, 16);
            }
            DevNonces = new DevNonceTracker(macVersion);
        }

        /// <summary>True for an OTAA device, false for ABP.</summary>
        public bool IsOtaa { get; private set; }

        /// <summary>DevEUI (0 for an ABP device registered without one).</summary>
        public ulong DevEui { get; private set; }

        /// <summary>JoinEUI (AppEUI) of an OTAA device.</summary>
        public ulong JoinEui { get; private set; }

        /// <summary>AppKey of an OTAA device (null for ABP). LoRaWAN 1.1: only AppSKey is derived from it.</summary>
        public byte[] AppKey
        {
            get { return _appKey; }
        }

        /// <summary>NwkKey of a LoRaWAN 1.1 OTAA device (null otherwise): Join-request MIC, Join-accept encryption, network session keys.</summary>
        public byte[] NwkKey
        {
            get { return _nwkKey; }
        }

        /// <summary>True for a device speaking LoRaWAN 1.1.</summary>
        public bool Is11
        {
            get { return MacVersion >= LoRaWanVersion.V1_1; }
        }

        /// <summary>
        /// The device may switch to Class C by DeviceModeInd (LoRaWAN 1.1 Class C chapter; The Things Stack's
        /// supports_class_c). <see cref="NetworkServer.SetClassC"/> with true sets it too.
        /// </summary>
        public bool SupportsClassC { get; set; }

        /// <summary>The LoRaWAN version the device speaks (1.0.2, 1.0.3, 1.0.4 or 1.1).</summary>
        public LoRaWanVersion MacVersion { get; private set; }

        /// <summary>The session in use (the device has sent on it); null before the first uplink after a join.</summary>
        public NetworkSession Session { get; internal set; }

        /// <summary>The session of the latest Join-accept, until the device's first uplink on it makes it <see cref="Session"/>.</summary>
        public NetworkSession PendingSession { get; internal set; }

        /// <summary>The join server's DevNonce memory.</summary>
        public DevNonceTracker DevNonces { get; private set; }

        /// <summary>The last JoinNonce (AppNonce) sent; the next Join-accept carries this + 1.</summary>
        public uint LastJoinNonce { get; set; }

        /// <summary>Join-requests accepted for this device.</summary>
        public int JoinCount { get; internal set; }

        /// <summary>Application downlinks waiting for the device's next uplink.</summary>
        public int QueueLength
        {
            get { return _queue.Count; }
        }

        /// <summary>Queued item <paramref name="index"/> (0 = next to send).</summary>
        public QueuedDownlink GetQueued(int index)
        {
            return (QueuedDownlink)_queue[index];
        }

        internal QueuedDownlink PeekQueue()
        {
            return _queue.Count == 0 ? null : (QueuedDownlink)_queue[0];
        }

        internal void Enqueue(QueuedDownlink item)
        {
            _queue.Add(item);
        }

        internal void RemoveHead()
        {
            _queue.RemoveAt(0);
        }

        internal void ClearQueue()
        {
            _queue.Clear();
        }

        /// <summary>
        /// Registered as Class C (The Things Stack's supports_class_c): once its session has an uplink, application
        /// downlinks go out at once at the RX2 frequency and data rate (<see cref="NetworkServer.SetClassC"/>).
        /// </summary>
        public bool IsClassC { get; internal set; }

        // When the Class C downlink task of this device is due (0 = none).
        internal ulong ClassCDueUs;

        // Join-request deduplication.
        internal bool HasLastJoinRequest;
        /// <summary>RJcount1_last of the join server (LoRaWAN 1.1 §6.2.4.1): the last RJcount1 of a type 1 Rejoin-request taken, −1 before one.</summary>
        internal int LastRjCount1 = -1;
        internal ulong LastJoinRequestUs;
    }
}
