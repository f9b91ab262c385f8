namespace LoRaWan.Tests.Crypto
{
    /// <summary>Hex helpers for the crypto test vectors (bytes written in the order given, never reversed).</summary>
    public static class TestHex
    {
        /// <summary>Parses hex digit pairs (spaces allowed) into a new array of the length the text implies.</summary>
        public static byte[] Bytes(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
                if (hex[i] != ' ') digits++;
            return Hex.Parse(hex, digits / 2, "test vector");
        }

        /// <summary>Uppercase hex of <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
        public static string Of(byte[] data, int offset, int length) => Hex.ToString(data, offset, length);

        /// <summary>Uppercase hex of the whole array.</summary>
        public static string Of(byte[] data) => Hex.ToString(data, 0, data.Length);
    }
}
