namespace LoRaWan.Frames
{
    /// <summary>
    /// Bits of the frame control octet in FHDR (LoRaWAN 1.0.4 §4.3.1, 1.1 §4.3.1). Uplink:
    /// ADR(7) ADRACKReq(6) ACK(5) ClassB(4) FOptsLen(3..0). Downlink: ADR(7) RFU(6) ACK(5) FPending(4)
    /// FOptsLen(3..0). Bit 4 means ClassB going up and FPending coming down; bit 6 is RFU downlink.
    /// </summary>
    public static class FCtrl
    {
        /// <summary>Bit 7, both directions: ADR enabled (uplink) / network ADR control (downlink).</summary>
        public const byte Adr = 0x80;

        /// <summary>Bit 6, uplink only: ADRACKReq (§4.3.1.1). RFU in downlinks.</summary>
        public const byte AdrAckReq = 0x40;

        /// <summary>Bit 5, both directions: acknowledges the last confirmed frame (§4.3.1.2).</summary>
        public const byte Ack = 0x20;

        /// <summary>Bit 4, uplink: the device is in Class B (§4.3.1.4 / Class B §10).</summary>
        public const byte ClassB = 0x10;

        /// <summary>Bit 4, downlink: the network has more data pending (§4.3.1.4).</summary>
        public const byte FPending = 0x10;

        /// <summary>Bits 3..0: FOptsLen, the length of FOpts in bytes (0..15).</summary>
        public const byte FOptsLenMask = 0x0F;
    }
}
