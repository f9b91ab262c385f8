using LoRaWan.Simulation;

namespace LoRaWan.Tests.Network
{
    /// <summary>Keeps the last event of each kind the network server reported.</summary>
    public sealed class RecordingObserver : NetworkObserver
    {
        public int JoinRequests;
        public int JoinRejects;
        public JoinRejectReason LastJoinRejectReason;
        public int JoinAccepts;
        public uint LastJoinDevAddr;
        public int Duplicates;
        public int UplinksAccepted;
        public int UplinkRejects;
        public UplinkRejectReason LastUplinkRejectReason;
        public int DownlinksScheduled;
        public RxWindow LastWindow;
        public int NotSent;
        public int Acked;
        public int Nacked;

        public override void JoinRequestReceived(ulong nowUs, ulong devEui, ulong joinEui, ushort devNonce, UplinkMetadata metadata) { JoinRequests++; }

        public override void JoinRequestRejected(ulong nowUs, ulong devEui, ushort devNonce, JoinRejectReason reason)
        {
            JoinRejects++;
            LastJoinRejectReason = reason;
        }

        public override void JoinAccepted(ulong nowUs, ulong devEui, uint devAddr, uint joinNonce, ushort devNonce)
        {
            JoinAccepts++;
            LastJoinDevAddr = devAddr;
        }

        public override void DuplicateReceived(ulong nowUs, ulong devEui, uint devAddr, UplinkMetadata metadata) { Duplicates++; }

        public override void UplinkAccepted(ulong nowUs, UplinkRecord uplink) { UplinksAccepted++; }

        public override void UplinkRejected(ulong nowUs, uint devAddr, UplinkRejectReason reason, UplinkMetadata metadata)
        {
            UplinkRejects++;
            LastUplinkRejectReason = reason;
        }

        public override void DownlinkScheduled(ulong nowUs, DownlinkRecord downlink)
        {
            DownlinksScheduled++;
            LastWindow = downlink.Window;
        }

        public override void DownlinkNotSent(ulong nowUs, ulong devEui, uint devAddr, bool joinAccept) { NotSent++; }

        public override void DownlinkAcked(ulong nowUs, uint devAddr, QueuedDownlink downlink) { Acked++; }

        public override void DownlinkNacked(ulong nowUs, uint devAddr, QueuedDownlink downlink) { Nacked++; }
    }
}
