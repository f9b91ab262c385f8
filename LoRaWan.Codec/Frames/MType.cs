namespace LoRaWan.Frames
{
    /// <summary>
    /// The message type in bits 7..5 of MHDR (LoRaWAN 1.0.4 §4.2.1, 1.1 §4.2.1).
    /// </summary>
    public enum MType : byte
    {
        /// <summary>000: Join-request (end-device to network).</summary>
        JoinRequest = 0,

        /// <summary>001: Join-accept (network to end-device), encrypted on air.</summary>
        JoinAccept = 1,

        /// <summary>010: Unconfirmed Data Up.</summary>
        UnconfirmedDataUp = 2,

        /// <summary>011: Unconfirmed Data Down.</summary>
        UnconfirmedDataDown = 3,

        /// <summary>100: Confirmed Data Up.</summary>
        ConfirmedDataUp = 4,

        /// <summary>101: Confirmed Data Down.</summary>
        ConfirmedDataDown = 5,

        /// <summary>110: Rejoin-request in LoRaWAN 1.1 (end-device to network); RFU in LoRaWAN 1.0.x.</summary>
        RejoinRequest = 6,

        /// <summary>111: Proprietary, a non-standard format passed through unparsed.</summary>
        Proprietary = 7,
    }
}
