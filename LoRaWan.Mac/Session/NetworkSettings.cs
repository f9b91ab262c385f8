namespace LoRaWan.Session
{
    /// <summary>
    /// What the network set for this session besides its keys, counters and radio parameters, kept in the session record:
    /// the NetID of the join-accept, and the ADR back-off parameters of ADRParamSetupReq (LoRaWAN 1.1 §5.11:
    /// ADR_ACK_LIMIT = 2^Limit_exp, ADR_ACK_DELAY = 2^Delay_exp, each exponent 0..15). A new join or personalisation
    /// goes back to the device's defaults (<see cref="LoRaWan.Mac.LoRaWanOptions.AdrAckLimit"/> and
    /// <see cref="LoRaWan.Mac.LoRaWanOptions.AdrAckDelay"/>, 64 and 32 unless configured).
    /// </summary>
    public sealed class NetworkSettings
    {
        /// <summary><see cref="AdrParam"/> when the network has not set the ADR parameters: the device's defaults apply.</summary>
        public const int NoAdrParam = -1;

        /// <summary>NetID from the join-accept (0 for ABP).</summary>
        public uint NetId;

        /// <summary>
        /// The ADRparam byte of the last ADRParamSetupReq accepted in this session (bits 7..4 Limit_exp, bits 3..0
        /// Delay_exp), or <see cref="NoAdrParam"/>.
        /// </summary>
        public int AdrParam = NoAdrParam;

        /// <summary><see cref="RejoinParam"/> when the network has not asked for periodic Rejoin-requests.</summary>
        public const int NoRejoinParam = -1;

        /// <summary>
        /// The payload byte of the last RejoinParamSetupReq of this session (LoRaWAN 1.1 §5.14: bits 7..4 MaxTimeN, a type 0
        /// Rejoin-request at least every 2^(MaxTimeN + 10) s; bits 3..0 MaxCountN, or every 2^(MaxCountN + 4) uplinks), or
        /// <see cref="NoRejoinParam"/>: no periodic Rejoin-request.
        /// </summary>
        public int RejoinParam = NoRejoinParam;

        /// <summary>ADR_ACK_LIMIT: 2^Limit_exp once the network set it, else <paramref name="deviceDefault"/>.</summary>
        public int AdrAckLimit(int deviceDefault)
        {
            return AdrParam < 0 ? deviceDefault : 1 << (AdrParam >> 4);
        }

        /// <summary>ADR_ACK_DELAY: 2^Delay_exp once the network set it, else <paramref name="deviceDefault"/>.</summary>
        public int AdrAckDelay(int deviceDefault)
        {
            return AdrParam < 0 ? deviceDefault : 1 << (AdrParam & 0x0F);
        }
    }
}
