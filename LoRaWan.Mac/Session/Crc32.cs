namespace LoRaWan.Session
{
    /// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as in zlib/PNG) over byte ranges.</summary>
    /// <remarks>
    /// Four bits per step from a 16-entry table: 96 B of nanoCLR heap on the ESP32 where the byte-wise 256-entry table
    /// held 1,044 B, for two table steps per byte instead of one. The CRC runs only when a record is written or read
    /// (the frame counters every FCntPersistInterval uplinks, the session at a join, the nonces), never per frame.
    /// </remarks>
    public static class Crc32
    {
        static readonly uint[] Table = BuildTable();

        static uint[] BuildTable()
        {
            var table = new uint[16];
            for (uint n = 0; n < 16; n++)
            {
                uint c = n;
                for (int k = 0; k < 4; k++)
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }

        /// <summary>The CRC-32 of <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int length)
        {
            uint[] table = Table;
            uint crc = 0xFFFFFFFFu;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                crc ^= data[i];
                crc = table[crc & 0x0F] ^ (crc >> 4);
                crc = table[crc & 0x0F] ^ (crc >> 4);
            }
            return crc ^ 0xFFFFFFFFu;
        }
    }
}
