namespace LoRaWan.Crypto
{
    /// <summary>
    /// Comparisons whose running time does not depend on where the inputs differ, so a forged MIC
    /// cannot be found byte by byte from response timing.
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>True when the <paramref name="length"/> bytes at a[aOffset] and b[bOffset] are equal; always reads all of them.</summary>
        public static bool BytesEqual(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            int diff = 0;
            for (int i = 0; i < length; i++) diff |= a[aOffset + i] ^ b[bOffset + i];
            return diff == 0;
        }

        /// <summary>
        /// True when the 4 bytes at <paramref name="bytes"/>[<paramref name="offset"/>] are <paramref name="mic"/>
        /// written most significant byte first (the MIC as <see cref="AesCmac.FinalWord"/> returns it).
        /// </summary>
        public static bool MicEquals(uint mic, byte[] bytes, int offset)
        {
            uint diff = (mic >> 24) ^ bytes[offset];
            diff |= ((mic >> 16) & 0xFF) ^ bytes[offset + 1];
            diff |= ((mic >> 8) & 0xFF) ^ bytes[offset + 2];
            diff |= (mic & 0xFF) ^ bytes[offset + 3];
            return diff == 0;
        }

        /// <summary>Writes <paramref name="mic"/> as 4 bytes, most significant first (cmac[0..3] order).</summary>
        public static void WriteMic(uint mic, byte[] bytes, int offset)
        {
            bytes[offset] = (byte)(mic >> 24);
            bytes[offset + 1] = (byte)(mic >> 16);
            bytes[offset + 2] = (byte)(mic >> 8);
            bytes[offset + 3] = (byte)mic;
        }
    }
}
