namespace LoRaWan.Frames
{
    /// <summary>
    /// Multi-octet fields on air. LoRaWAN 1.0.4 §1.2 / 1.1 §1.2: "The octet order for all multi-octet
    /// fields is little endian". The MIC is the exception: it is the first four bytes of an AES-CMAC,
    /// kept in the order the CMAC produced them; <see cref="ReadMic"/> returns them as a word with byte 0
    /// in the top bits (so MIC bytes 2B 11 FF 0D read as 0x2B11FF0D). No bounds checks: callers validate
    /// lengths first.
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Reads 2 bytes, least significant first.</summary>
        public static ushort ReadUInt16(byte[] b, int o)
        {
            return (ushort)(b[o] | (b[o + 1] << 8));
        }

        /// <summary>Reads 3 bytes, least significant first (NetID, JoinNonce, frequencies).</summary>
        public static uint ReadUInt24(byte[] b, int o)
        {
            return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16));
        }

        /// <summary>Reads 4 bytes, least significant first (DevAddr, DeviceTimeAns seconds).</summary>
        public static uint ReadUInt32(byte[] b, int o)
        {
            return (uint)b[o] | ((uint)b[o + 1] << 8) | ((uint)b[o + 2] << 16) | ((uint)b[o + 3] << 24);
        }

        /// <summary>Reads 8 bytes, least significant first (JoinEUI, DevEUI).</summary>
        public static ulong ReadUInt64(byte[] b, int o)
        {
            return (ulong)ReadUInt32(b, o) | ((ulong)ReadUInt32(b, o + 4) << 32);
        }

        /// <summary>Writes 2 bytes, least significant first.</summary>
        public static void WriteUInt16(byte[] b, int o, int value)
        {
            b[o] = (byte)value;
            b[o + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes the low 3 bytes of <paramref name="value"/>, least significant first.</summary>
        public static void WriteUInt24(byte[] b, int o, uint value)
        {
            b[o] = (byte)value;
            b[o + 1] = (byte)(value >> 8);
            b[o + 2] = (byte)(value >> 16);
        }

        /// <summary>Writes 4 bytes, least significant first.</summary>
        public static void WriteUInt32(byte[] b, int o, uint value)
        {
            b[o] = (byte)value;
            b[o + 1] = (byte)(value >> 8);
            b[o + 2] = (byte)(value >> 16);
            b[o + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes 8 bytes, least significant first.</summary>
        public static void WriteUInt64(byte[] b, int o, ulong value)
        {
            WriteUInt32(b, o, (uint)value);
            WriteUInt32(b, o + 4, (uint)(value >> 32));
        }

        /// <summary>Reads the 4 MIC bytes in air order as one word: byte 0 in bits 31..24.</summary>
        public static uint ReadMic(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        /// <summary>Writes a MIC word (byte 0 in bits 31..24) as the 4 bytes in air order.</summary>
        public static void WriteMic(byte[] b, int o, uint mic)
        {
            b[o] = (byte)(mic >> 24);
            b[o + 1] = (byte)(mic >> 16);
            b[o + 2] = (byte)(mic >> 8);
            b[o + 3] = (byte)mic;
        }
    }
}
