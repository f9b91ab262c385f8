using System;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A LoRaWAN 1.0.x session as the network server holds it: DevAddr, NwkSKey/AppSKey, the frame counters and
    /// the receive-window parameters the device was given (Join-accept DLSettings/RxDelay, later MAC commands),
    /// plus the device's channel plan as the network believes it.
    /// </summary>
    public sealed class NetworkSession
    {
        /// <summary>Largest PHYPayload kept for deduplication.</summary>
        internal const int MaxFrame = 255;

        readonly byte[] _nwkSKey = new byte[16];
        readonly byte[] _appSKey = new byte[16];
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
        }

        /// <summary>The device this session belongs to.</summary>
        public NetworkDevice Device { get; private set; }

        /// <summary>The device address.</summary>
        public uint DevAddr { get; private set; }

        /// <summary>NwkSKey (16 bytes, wire order): MIC of every frame, FRMPayload of FPort 0.</summary>
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

        /// <summary>The FCntDown the next downlink uses (never reused: incremented for each frame handed to a gateway).</summary>
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
