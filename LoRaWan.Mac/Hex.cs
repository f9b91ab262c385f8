using System;

namespace LoRaWan
{
    /// <summary>
    /// Hex text as The Things Stack console shows keys, EUIs and DevAddr: most significant byte first,
    /// e.g. "70B3D57ED0000000". Spaces, ':' and '-' between digit pairs are accepted.
    /// </summary>
    public static class Hex
    {
        /// <summary>
        /// Parses exactly <paramref name="byteCount"/> bytes from <paramref name="text"/>; throws
        /// <see cref="ArgumentException"/> naming <paramref name="what"/> when the text is not that many hex digit pairs.
        /// </summary>
        public static byte[] Parse(string text, int byteCount, string what)
        {
            var result = new byte[byteCount];
            Parse(text, result, 0, byteCount, what);
            return result;
        }

        /// <summary>Parses exactly <paramref name="byteCount"/> bytes into <paramref name="destination"/> at <paramref name="offset"/>.</summary>
        public static void Parse(string text, byte[] destination, int offset, int byteCount, string what)
        {
            if (text == null) throw new ArgumentNullException(what, what + " is missing");
            int digits = 0;
            int high = -1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == ':' || c == '-') continue;
                int v = DigitValue(c);
                if (v < 0)
                    throw new ArgumentException(what + " contains '" + c.ToString() + "' at position " + i.ToString() + "; expected hex digits 0-9 A-F", what);
                if (digits >= 2 * byteCount)
                    throw new ArgumentException(what + " is longer than " + (2 * byteCount).ToString() + " hex digits (" + byteCount.ToString() + " bytes)", what);
                if (high < 0) high = v;
                else
                {
                    destination[offset + digits / 2] = (byte)((high << 4) | v);
                    high = -1;
                }
                digits++;
            }
            if (digits != 2 * byteCount)
                throw new ArgumentException(what + " must be " + (2 * byteCount).ToString() + " hex digits (" + byteCount.ToString() + " bytes), got " + digits.ToString(), what);
        }

        /// <summary>Uppercase hex of <paramref name="length"/> bytes, in the order given (no separators).</summary>
        public static string ToString(byte[] data, int offset, int length)
        {
            var chars = new char[2 * length];
            for (int i = 0; i < length; i++)
            {
                int b = data[offset + i];
                chars[2 * i] = Digit(b >> 4);
                chars[2 * i + 1] = Digit(b & 0xF);
            }
            return new string(chars);
        }

        static char Digit(int v) => (char)(v < 10 ? '0' + v : 'A' + v - 10);

        static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        }
    }
}
