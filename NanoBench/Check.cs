using System;

namespace LoRaWan.NanoBench
{
    /// <summary>Results are checked, so that a failing path is never what gets measured.</summary>
    public static class Check
    {
        /// <summary>Throws when <paramref name="ok"/> is false.</summary>
        public static void That(bool ok, string what)
        {
            if (!ok) throw new InvalidOperationException("NanoBench: " + what);
        }

        /// <summary>True when <paramref name="a"/> from <paramref name="offset"/> holds the bytes of <paramref name="expected"/>.</summary>
        public static bool Same(byte[] a, int offset, byte[] expected)
        {
            if (a.Length - offset < expected.Length) return false;
            for (int i = 0; i < expected.Length; i++)
                if (a[offset + i] != expected[i]) return false;
            return true;
        }

        /// <summary>Hex as written on the wire.</summary>
        public static byte[] Bytes(string hex)
        {
            return LoRaWan.Hex.Parse(hex, hex.Length / 2, "hex");
        }
    }
}
