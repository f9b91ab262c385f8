namespace LoRaWan.Frames
{
    /// <summary>
    /// Outcome of reading or writing a PHYPayload. Readers never throw on radio input: each way a frame can
    /// be malformed has its own code so the MAC can count and drop it.
    /// </summary>
    public enum FrameResult
    {
        /// <summary>The frame is well formed (or was written).</summary>
        Ok = 0,

        /// <summary>Null buffer, or offset/length outside it; or a writer was given a field value it cannot encode.</summary>
        InvalidArgument,

        /// <summary>Shorter than the smallest frame of its type (a data frame needs 12 bytes: MHDR, FHDR, MIC).</summary>
        TooShort,

        /// <summary>MACPayload longer than the maximum the caller passed (the region's M for the data rate).</summary>
        TooLong,

        /// <summary>MHDR Major is not 00 (LoRaWAN R1); §4.2.2 says such frames are not understood.</summary>
        WrongMajor,

        /// <summary>MType 110, which is RFU for a LoRaWAN 1.0.x receiver and never sent to a device in 1.1.</summary>
        RfuMType,

        /// <summary>An uplink type (Join-request, Data Up, Rejoin-request) where a downlink was expected, or the reverse.</summary>
        WrongDirection,

        /// <summary>A reader for one message type was given another (e.g. a Join-request to the data frame reader).</summary>
        UnexpectedMType,

        /// <summary>FOptsLen larger than the bytes left before the MIC (read), or more than 15 FOpts bytes (write).</summary>
        FOptsTooLong,

        /// <summary>FPort 0 (MAC commands in FRMPayload) together with a non-empty FOpts (§4.3.1.6: not both).</summary>
        FOptsWithPortZero,

        /// <summary>A writer was given FRMPayload bytes but no FPort (§4.3.2: FPort is present when FRMPayload is not empty).</summary>
        PayloadWithoutPort,

        /// <summary>A Join-request that is not exactly 23 bytes (MHDR, JoinEUI, DevEUI, DevNonce, MIC).</summary>
        JoinRequestWrongLength,

        /// <summary>A Join-accept that is not 17 bytes, or 33 with a CFList (§6.2.6).</summary>
        JoinAcceptWrongLength,

        /// <summary>A Rejoin-request of the wrong length for its type (type 0/2: 19 bytes, type 1: 24 bytes).</summary>
        RejoinRequestWrongLength,

        /// <summary>A Rejoin-request whose RejoinType is not 0, 1 or 2.</summary>
        RfuRejoinType,

        /// <summary>A writer's destination has no room for the frame.</summary>
        BufferTooSmall,
    }
}
