namespace LoRaWan.Simulation
{
    /// <summary>An <see cref="INetworkObserver"/> that ignores everything; override the calls you need.</summary>
    public class NetworkObserver : INetworkObserver
    {
        /// <inheritdoc />
        public virtual void JoinRequestReceived(ulong nowUs, ulong devEui, ulong joinEui, ushort devNonce, UplinkMetadata metadata) { }

        /// <inheritdoc />
        public virtual void JoinRequestRejected(ulong nowUs, ulong devEui, ushort devNonce, JoinRejectReason reason) { }

        /// <inheritdoc />
        public virtual void JoinAccepted(ulong nowUs, ulong devEui, uint devAddr, uint joinNonce, ushort devNonce) { }

        /// <inheritdoc />
        public virtual void DuplicateReceived(ulong nowUs, ulong devEui, uint devAddr, UplinkMetadata metadata) { }

        /// <inheritdoc />
        public virtual void UplinkAccepted(ulong nowUs, UplinkRecord uplink) { }

        /// <inheritdoc />
        public virtual void UplinkRejected(ulong nowUs, uint devAddr, UplinkRejectReason reason, UplinkMetadata metadata) { }

        /// <inheritdoc />
        public virtual void DownlinkScheduled(ulong nowUs, DownlinkRecord downlink) { }

        /// <inheritdoc />
        public virtual void DownlinkNotSent(ulong nowUs, ulong devEui, uint devAddr, bool joinAccept) { }

        /// <inheritdoc />
        public virtual void DownlinkAcked(ulong nowUs, uint devAddr, QueuedDownlink downlink) { }

        /// <inheritdoc />
        public virtual void DownlinkNacked(ulong nowUs, uint devAddr, QueuedDownlink downlink) { }
    }
}
