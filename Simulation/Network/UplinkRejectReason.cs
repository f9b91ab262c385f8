namespace LoRaWan.Simulation
{
    /// <summary>Why the network server dropped a data uplink.</summary>
    public enum UplinkRejectReason
    {
        /// <summary>The frame does not parse as a LoRaWAN R1 uplink.</summary>
        Malformed = 0,

        /// <summary>No session (active or pending) has this DevAddr.</summary>
        UnknownDevAddr = 1,

        /// <summary>The MIC does not verify with the session's keys for any admissible 32-bit FCnt (LoRaWAN 1.1: or the uplink's frequency is no channel of the device).</summary>
        MicMismatch = 2,

        /// <summary>The MIC verifies, but only for an FCnt lower than the last accepted one: a replay (LoRaWAN 1.0.4 §4.3.1.5).</summary>
        FCntReplay = 3,

        /// <summary>The spreading factor and bandwidth are not an uplink data rate of the region.</summary>
        UnsupportedDataRate = 4,

        /// <summary>Proprietary frames and LoRaWAN 1.1 Rejoin-requests are not handled by this model.</summary>
        UnsupportedMType = 5,

        /// <summary>
        /// An uplink of a pending LoRaWAN 1.1 session (Join-accept with OptNeg = 1) without RekeyInd: the device has not
        /// confirmed the new security context (LoRaWAN 1.1 §5.10; The Things Stack drops it).
        /// </summary>
        MissingRekeyInd = 6,
    }
}
