namespace LoRaWan.Frames
{
    /// <summary>
    /// ResetInd (device → network, LoRaWAN 1.1 §5.1), sent by an ABP device after a reset, in every uplink
    /// until ResetConf arrives. Payload 1 byte "Dev LoRaWAN version": bits 3..0 Minor (1 = LoRaWAN x.1), bits 7..4 RFU.
    /// </summary>
    public static class ResetInd
    {
        /// <summary>The Minor version field.</summary>
        public static int Minor(byte[] b, int payloadOffset) { return b[payloadOffset] & 0x0F; }

        /// <summary>Writes CID + version; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int minor) { return MacCommandWriter.WriteByte(b, offset, Cid.Reset, minor & 0x0F); }
    }

    /// <summary>ResetConf (network → device, LoRaWAN 1.1 §5.1): 1 byte "Serv LoRaWAN version", bits 3..0 Minor.</summary>
    public static class ResetConf
    {
        /// <summary>The Minor version field.</summary>
        public static int Minor(byte[] b, int payloadOffset) { return b[payloadOffset] & 0x0F; }

        /// <summary>Writes CID + version; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int minor) { return MacCommandWriter.WriteByte(b, offset, Cid.Reset, minor & 0x0F); }
    }
}
