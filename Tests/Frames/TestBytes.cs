using LoRaWan;

namespace LoRaWan.Tests.Frames
{
    /// <summary>Hex text → bytes for test vectors; spaces allowed between digit pairs.</summary>
    public static class TestBytes
    {
        public static byte[] From(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++) if (hex[i] != ' ') digits++;
            return Hex.Parse(hex, digits / 2, "test vector");
        }

        /// <summary>The first <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>, as uppercase hex.</summary>
        public static string ToHex(byte[] buffer, int offset, int length)
        {
            return Hex.ToString(buffer, offset, length);
        }
    }
}
