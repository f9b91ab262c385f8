namespace LoRaWan.Simulation
{
    /// <summary>
    /// The network server's timeline, one call per event, in the order they happen (for the CLI and tests).
    /// <paramref name="nowUs"/> is the server clock. Objects passed in may be reused by the server after the
    /// call (unless <see cref="NetworkOptions.RecordHistory"/> is on): copy what you keep. Derive from
    /// <see cref="NetworkObserver"/> to implement only some of the calls.
    /// </summary>
    public interface INetworkObserver
    {
        /// <summary>A Join-request arrived (before any check).</summary>
        void JoinRequestReceived(ulong nowUs, ulong devEui, ulong joinEui, ushort devNonce, UplinkMetadata metadata);

        /// <summary>A Join-request was refused.</summary>
        void JoinRequestRejected(ulong nowUs, ulong devEui, ushort devNonce, JoinRejectReason reason);

        /// <summary>A Join-request was accepted and its Join-accept handed to a gateway (or lost by the drop switch).</summary>
        void JoinAccepted(ulong nowUs, ulong devEui, uint devAddr, uint joinNonce, ushort devNonce);

        /// <summary>Another gateway's copy of a frame already processed, within the deduplication window (devAddr 0 for a Join-request).</summary>
        void DuplicateReceived(ulong nowUs, ulong devEui, uint devAddr, UplinkMetadata metadata);

        /// <summary>A data uplink passed the MIC and counter checks (a retransmission too: see <see cref="UplinkRecord.IsRetransmission"/>).</summary>
        void UplinkAccepted(ulong nowUs, UplinkRecord uplink);

        /// <summary>A data uplink was dropped.</summary>
        void UplinkRejected(ulong nowUs, uint devAddr, UplinkRejectReason reason, UplinkMetadata metadata);

        /// <summary>A downlink was handed to the gateway for a window (or lost on purpose: <see cref="DownlinkRecord.Dropped"/>).</summary>
        void DownlinkScheduled(ulong nowUs, DownlinkRecord downlink);

        /// <summary>A downlink was needed but the gateway took it in neither window.</summary>
        void DownlinkNotSent(ulong nowUs, ulong devEui, uint devAddr, bool joinAccept);

        /// <summary>The device acknowledged a confirmed downlink (ACK bit in its next uplink).</summary>
        void DownlinkAcked(ulong nowUs, uint devAddr, QueuedDownlink downlink);

        /// <summary>The device's next uplink did not acknowledge a confirmed downlink; it goes back into the queue.</summary>
        void DownlinkNacked(ulong nowUs, uint devAddr, QueuedDownlink downlink);
    }
}
