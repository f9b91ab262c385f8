namespace LoRaWan.Frames
{
    /// <summary>
    /// RekeyInd (device → network, LoRaWAN 1.1 §5.10): sent by an OTAA 1.1 device after joining, in every
    /// uplink until RekeyConf. Payload 1 byte "Dev LoRaWAN version": bits 3..0 Minor (1), bits 7..4 RFU.
    /// </summary>
    public static class RekeyInd
    {
        /// <summary>The Minor version field.</summary>
        public static int Minor(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>Writes CID | version; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int minor) { return MacCommandWriter.WriteByte(b, offset, Cid.Rekey, minor & 0x0F); }
    }

    /// <summary>RekeyConf (network → device, LoRaWAN 1.1 §5.10): 1 byte "Serv LoRaWAN version", bits 3..0 Minor.</summary>
    public static class RekeyConf
    {
        /// <summary>The Minor version field.</summary>
        public static int Minor(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>Writes CID | version; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int minor) { return MacCommandWriter.WriteByte(b, offset, Cid.Rekey, minor & 0x0F); }
    }
}
