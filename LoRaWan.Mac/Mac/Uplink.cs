using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The data uplink in progress: its FCnt, NbTrans, confirmed or not, acknowledged or not, whether the MAC sent it
    /// on its own (an empty uplink for an ACK or MAC answers) or for the application, and an application uplink
    /// deferred behind a MAC-only one. Also what every uplink owes the network across operations (the ACK of a
    /// confirmed downlink) and the result of the last one. One instance per MAC, reused.
    /// </summary>
    internal sealed class Uplink
    {
        /// <summary><see cref="Deferral"/>: no application uplink waits.</summary>
        internal const int NotDeferred = 0;
        /// <summary><see cref="Deferral"/>: the application's uplink waits for the MAC-only one on air.</summary>
        internal const int Deferred = 1;
        /// <summary><see cref="Deferral"/>: the deferred application uplink is being built now.</summary>
        internal const int Resuming = 2;

        internal readonly DataFrame Header = new DataFrame();
        internal readonly byte[] FOpts = new byte[DataFrame.MaxFOptsLength];
        /// <summary>MAC answers sent as FRMPayload on FPort 0.</summary>
        internal readonly byte[] MacPayload = new byte[MacAnswers.FreshCapacity];
        internal uint FCnt;
        internal int NbTrans;
        internal int Deferral;
        /// <summary>The result of the last finished uplink, filled in place (a class: no struct copies on nanoCLR).</summary>
        internal readonly UplinkOutcome Result = new UplinkOutcome();
        /// <summary>An empty uplink the MAC decided to send (ACK, MAC answers).</summary>
        internal bool Internal;
        internal bool Confirmed;
        internal bool Acked;
        /// <summary>A valid downlink arrived in one of this uplink's windows (ends NbTrans repetitions).</summary>
        internal bool DownlinkSeen;
        /// <summary>ADRACKReq for this uplink (LoRaWAN 1.0.4 §4.3.1.1).</summary>
        internal bool AdrAckReq;
        /// <summary>A confirmed downlink awaits its ACK (LoRaWAN 1.0.4 §4.3.1.2); carried by the next uplink.</summary>
        internal bool AckOwed;
        /// <summary>LoRaWAN 1.1 §4.4 ConfFCnt of this uplink: the session's ConfirmedDownFCnt when its ACK bit is set, else 0.</summary>
        internal uint ConfFCnt;
    }
}
