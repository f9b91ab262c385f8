namespace LoRaWan.Session
{
    /// <summary>Little-endian field packing into a fixed record buffer (no allocation).</summary>
    internal static class ByteWriter
    {
        public static int PutU8(byte[] b, int o, int v) { b[o] = (byte)v; return o + 1; }

        public static int PutU16(byte[] b, int o, int v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
            return o + 2;
        }

        public static int PutU32(byte[] b, int o, uint v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
            b[o + 2] = (byte)(v >> 16);
            b[o + 3] = (byte)(v >> 24);
            return o + 4;
        }

        public static int PutBytes(byte[] b, int o, byte[] src, int length)
        {
            System.Array.Copy(src, 0, b, o, length);
            return o + length;
        }

        public static int U8(byte[] b, int o) { return b[o]; }

        public static int U16(byte[] b, int o) { return b[o] | (b[o + 1] << 8); }

        public static uint U32(byte[] b, int o)
        {
            return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));
        }
    }
}
