using System;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A session as the network server holds it: DevAddr, the session keys, the frame counters and the
    /// receive-window parameters the device was given (Join-accept DLSettings/RxDelay, later MAC commands), plus the
    /// device's channel plan as the network believes it. A LoRaWAN 1.1 session (<see cref="Is11"/>, OptNeg = 1) has
    /// four keys and two downlink counters (LoRaWAN 1.1 §4.3.1.5, §6.1.2); a 1.0.x session (and a 1.1 device answered
    /// with OptNeg = 0) has one NwkSKey, which then stands for all three network keys.
    /// </summary>
    public sealed class NetworkSession
    {
        /// <summary>Largest PHYPayload kept for deduplication.</summary>
        internal const int MaxFrame = 255;

        readonly byte[] _nwkSKey = new byte[16];
        readonly byte[] _appSKey = new byte[16];
        byte[] _sNwkSIntKey;
        byte[] _nwkSEncKey;
        readonly byte[] _fopts = new byte[15];
        internal readonly byte[] LastFrame = new byte[MaxFrame];
        internal readonly byte[] LastPayload = new byte[MaxFrame];

        internal NetworkSession(NetworkDevice device, uint devAddr, byte[] nwkSKey, byte[] appSKey, ChannelPlan plan)
        {
            Device = device;
            DevAddr = devAddr;
            Array.Copy(nwkSKey, 0, _nwkSKey, 0, 16);
            Array.Copy(appSKey, 0, _appSKey, 0, 16);
            ChannelPlan = plan;
            Region region = plan.Region;
            Rx2FrequencyHz = region.Rx2Frequency;
            Rx2DataRate = region.Rx2DataRate;
            RxDelaySeconds = 1;
            _sNwkSIntKey = _nwkSKey;
            _nwkSEncKey = _nwkSKey;
        }

        // Makes this a LoRaWAN 1.1 session: NwkSKey holds FNwkSIntKey, these are the other two network keys.
        internal void Use11Keys(byte[] sNwkSIntKey, byte[] nwkSEncKey)
        {
            _sNwkSIntKey = new byte[16];
            _nwkSEncKey = new byte[16];
            Array.Copy(sNwkSIntKey, 0, _sNwkSIntKey, 0, 16);
            Array.Copy(nwkSEncKey, 0, _nwkSEncKey, 0, 16);
            Is11 = true;
        }

        /// <summary>
        /// True for a LoRaWAN 1.1 session: the 1.1 MICs, FOpts encrypted with NwkSEncKey, NFCntDown and AFCntDown.
        /// False for 1.0.x sessions and for a 1.1 device that was answered with OptNeg = 0 (it behaves as 1.0, 1.1 §6.2.3).
        /// </summary>
        public bool Is11 { get; private set; }

        /// <summary>LoRaWAN 1.1: FNwkSIntKey (the cmacF half of the uplink MIC); the same array as <see cref="NwkSKey"/>.</summary>
        public byte[] FNwkSIntKey
        {
            get { return _nwkSKey; }
        }

        /// <summary>LoRaWAN 1.1: SNwkSIntKey (cmacS half of the uplink MIC, downlink MIC); NwkSKey in a 1.0.x session.</summary>
        public byte[] SNwkSIntKey
        {
            get { return _sNwkSIntKey; }
        }

        /// <summary>LoRaWAN 1.1: NwkSEncKey (FOpts both ways, FRMPayload of FPort 0); NwkSKey in a 1.0.x session.</summary>
        public byte[] NwkSEncKey
        {
            get { return _nwkSEncKey; }
        }

        /// <summary>
        /// LoRaWAN 1.1: AFCntDown, the counter of the next downlink with FPort 1..255 (§4.3.1.5). Unused in 1.0.x
        /// sessions, where <see cref="FCntDown"/> counts every downlink.
        /// </summary>
        public uint AFCntDown { get; set; }

        /// <summary>
        /// LoRaWAN 1.1: the FCnt of the last confirmed downlink sent (The Things Stack's LastConfFCntDown): the ConfFCnt
        /// of the uplink MIC when the uplink's ACK bit is set (§4.4).
        /// </summary>
        public uint LastConfFCntDown { get; internal set; }

        /// <summary>
        /// A LoRaWAN 1.1 OTAA session from a Join-accept with OptNeg = 1: it becomes the device's session only with an
        /// uplink carrying RekeyInd (LoRaWAN 1.1 §5.10; The Things Stack drops an uplink of the pending session without it).
        /// </summary>
        public bool NeedsRekeyInd { get; internal set; }

        /// <summary>The device this session belongs to.</summary>
        public NetworkDevice Device { get; private set; }

        /// <summary>The device address.</summary>
        public uint DevAddr { get; private set; }

        /// <summary>NwkSKey (16 bytes, wire order): MIC of every frame, FRMPayload of FPort 0. LoRaWAN 1.1: FNwkSIntKey.</summary>
        public byte[] NwkSKey
        {
            get { return _nwkSKey; }
        }

        /// <summary>AppSKey (16 bytes): FRMPayload of FPort 1..255.</summary>
        public byte[] AppSKey
        {
            get { return _appSKey; }
        }

        /// <summary>True once an uplink has been accepted on this session.</summary>
        public bool HasUplink { get; internal set; }

        /// <summary>The last accepted FCntUp (meaningful when <see cref="HasUplink"/>).</summary>
        public uint LastFCntUp { get; internal set; }

        /// <summary>
        /// The FCntDown the next downlink uses (never reused: incremented for each frame handed to a gateway). LoRaWAN 1.1:
        /// NFCntDown, for downlinks without FPort or with FPort 0 (application downlinks use <see cref="AFCntDown"/>).
        /// </summary>
        public uint FCntDown { get; set; }

        /// <summary>RX1DROffset the device uses.</summary>
        public int Rx1DrOffset { get; set; }

        /// <summary>RX2 data rate the device uses.</summary>
        public int Rx2DataRate { get; set; }

        /// <summary>RX2 frequency in Hz the device uses.</summary>
        public uint Rx2FrequencyHz { get; set; }

        /// <summary>RECEIVE_DELAY1 in seconds (1..15); RX2 is one second later.</summary>
        public int RxDelaySeconds { get; set; }

        /// <summary>The device's channels as the network knows them (defaults plus the CFList it was sent).</summary>
        public ChannelPlan ChannelPlan { get; private set; }

        /// <summary>Downlinks sent on this session (FCntDown values consumed).</summary>
        public int DownlinkCount { get; internal set; }

        /// <summary>A confirmed downlink waiting for the ACK of the next uplink, or null.</summary>
        public QueuedDownlink AwaitingAck { get; internal set; }

        /// <summary>Length of the MAC commands to put in the next downlink's FOpts.</summary>
        public int PendingFOptsLength { get; private set; }

        /// <summary>
        /// Queues MAC commands (at most 15 bytes, LoRaWAN 1.0.x FOpts in clear) for the next downlink; a downlink is
        /// then sent after the next uplink even when nothing else is pending. Replaces what was pending.
        /// </summary>
        public void SetPendingFOpts(byte[] commands, int offset, int length)
        {
            if (length < 0 || length > 15) throw new ArgumentOutOfRangeException("length", "FOpts is 0..15 bytes");
            if (length > 0) Array.Copy(commands, offset, _fopts, 0, length);
            PendingFOptsLength = length;
        }

        internal byte[] PendingFOpts
        {
            get { return _fopts; }
        }

        internal void ClearPendingFOpts()
        {
            PendingFOptsLength = 0;
        }

        /// <summary>The MAC command state (requests in flight, ADR history); created with the first uplink.</summary>
        internal NetworkMacState Mac;
        /// <summary>RJcount0_last (LoRaWAN 1.1 §6.2.4.1): the last RJcount0 of a type 0/2 Rejoin-request taken in this session, −1 before one.</summary>
        internal int LastRjCount0 = -1;

        // Class C (The Things Stack's MACState LastNetworkInitiatedDownlinkAt / LastConfirmedDownlinkAt, per session).
        internal ulong LastUplinkEndUs;
        internal bool HasClassCDownlink;
        internal ulong LastClassCDownlinkUs;
        internal bool AwaitingAckInRxC;
        internal ulong AwaitingAckSinceUs;

        // Deduplication and retransmission memory of the last accepted uplink.
        internal int LastFrameLength;
        internal ulong LastFrameReceivedUs;
        internal UplinkRecord LastRecord;
        internal int LastPayloadLength;
        internal int LastFPort;
    }
}
