namespace LoRaWan.Simulation
{
    /// <summary>Why the join server refused a Join-request (The Things Stack's join server errors).</summary>
    public enum JoinRejectReason
    {
        /// <summary>The frame is not a well-formed 23-byte Join-request.</summary>
        Malformed = 0,

        /// <summary>No OTAA device with this DevEUI and JoinEUI is registered.</summary>
        UnknownDevice = 1,

        /// <summary>The MIC does not verify with the device's AppKey (LoRaWAN 1.0.4 §6.2.5).</summary>
        MicMismatch = 2,

        /// <summary>LoRaWAN 1.0.4: the DevNonce is not greater than the last accepted one (§6.2.5: DevNonce is a counter).</summary>
        DevNonceTooSmall = 3,

        /// <summary>LoRaWAN ≤ 1.0.3: the DevNonce was used in an earlier accepted Join-request (1.0.2 §6.2.4).</summary>
        DevNonceReused = 4,

        /// <summary>The spreading factor and bandwidth are not an uplink data rate of the region.</summary>
        UnsupportedDataRate = 5,
    }
}
