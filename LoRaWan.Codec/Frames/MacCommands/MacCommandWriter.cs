namespace LoRaWan.Frames
{
    /// <summary>Shared checks of the MAC command writers: each writer returns 0 (writes nothing) when the command does not fit.</summary>
    internal static class MacCommandWriter
    {
        /// <summary>True when <paramref name="size"/> bytes fit at <paramref name="offset"/>.</summary>
        public static bool Fits(byte[] buffer, int offset, int size)
        {
            return buffer != null && offset >= 0 && offset <= buffer.Length - size;
        }

        /// <summary>Writes a command that has no payload; returns 1, or 0 when it does not fit.</summary>
        public static int WriteEmpty(byte[] buffer, int offset, byte cid)
        {
            if (!Fits(buffer, offset, 1)) return 0;
            buffer[offset] = cid;
            return 1;
        }

        /// <summary>Writes a command with a one-byte payload; returns 2, or 0 when it does not fit.</summary>
        public static int WriteByte(byte[] buffer, int offset, byte cid, int payload)
        {
            if (!Fits(buffer, offset, 2)) return 0;
            buffer[offset] = cid;
            buffer[offset + 1] = (byte)payload;
            return 2;
        }
    }
}
