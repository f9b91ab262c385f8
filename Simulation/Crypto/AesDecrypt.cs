using System;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// The AES-128 inverse cipher (FIPS-197 §5.3, "InvCipher"). Only the network side of LoRaWAN needs it:
    /// the network server encrypts a Join-accept with aes128_decrypt so that end-devices only need
    /// aes128_encrypt (LoRaWAN 1.0.2 §6.2.5, 1.0.4 §6.2.6). Not a device path: written for clarity,
    /// byte-oriented, with the S-box, its inverse and the InvMixColumns products computed once from the
    /// GF(2^8) definition (FIPS-197 §4, §5.1.1) instead of copied tables. Allocates nothing per block.
    /// </summary>
    public sealed class AesDecrypt
    {
        /// <summary>Block size in bytes.</summary>
        public const int BlockSize = 16;

        /// <summary>Key size in bytes.</summary>
        public const int KeySize = 16;

        const int Rounds = 10;

        static readonly byte[] SBox = new byte[256];
        static readonly byte[] InvSBox = new byte[256];
        static readonly byte[] Mul9 = new byte[256];
        static readonly byte[] Mul11 = new byte[256];
        static readonly byte[] Mul13 = new byte[256];
        static readonly byte[] Mul14 = new byte[256];

        static AesDecrypt()
        {
            // Exponential and logarithm tables of GF(2^8) with the generator x + 1 ({03}); the field polynomial
            // is x^8 + x^4 + x^3 + x + 1 (FIPS-197 §4.2).
            byte[] exp = new byte[256];
            byte[] log = new byte[256];
            int a = 1;
            for (int i = 0; i < 255; i++)
            {
                exp[i] = (byte)a;
                log[a] = (byte)i;
                a ^= XTime(a); // a · {03}
            }
            exp[255] = exp[0];

            for (int x = 0; x < 256; x++)
            {
                // SubBytes (FIPS-197 §5.1.1): multiplicative inverse, then the affine transformation
                // b'_i = b_i ^ b_(i+4) ^ b_(i+5) ^ b_(i+6) ^ b_(i+7) ^ c_i with c = {63}.
                int inv = x == 0 ? 0 : exp[(255 - log[x]) % 255];
                int s = inv ^ Rotl8(inv, 1) ^ Rotl8(inv, 2) ^ Rotl8(inv, 3) ^ Rotl8(inv, 4) ^ 0x63;
                SBox[x] = (byte)s;
                InvSBox[s] = (byte)x;
                // InvMixColumns coefficients {0e}, {0b}, {0d}, {09} (FIPS-197 §5.3.3).
                Mul9[x] = Multiply(exp, log, x, 0x09);
                Mul11[x] = Multiply(exp, log, x, 0x0B);
                Mul13[x] = Multiply(exp, log, x, 0x0D);
                Mul14[x] = Multiply(exp, log, x, 0x0E);
            }
        }

        static int XTime(int b)
        {
            return ((b << 1) ^ ((b & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
        }

        static int Rotl8(int b, int n)
        {
            return ((b << n) | (b >> (8 - n))) & 0xFF;
        }

        static byte Multiply(byte[] exp, byte[] log, int a, int b)
        {
            if (a == 0 || b == 0) return 0;
            return exp[(log[a] + log[b]) % 255];
        }

        readonly byte[] _roundKeys = new byte[BlockSize * (Rounds + 1)];
        readonly byte[] _state = new byte[BlockSize];
        readonly byte[] _key = new byte[KeySize];
        bool _hasKey;

        /// <summary>True once <see cref="SetKey"/> has been called.</summary>
        public bool HasKey
        {
            get { return _hasKey; }
        }

        /// <summary>Expands the 16-byte key at <paramref name="key"/>[<paramref name="offset"/>] (FIPS-197 §5.2 KeyExpansion).</summary>
        public void SetKey(byte[] key, int offset)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (offset < 0 || offset > key.Length - KeySize) throw new ArgumentOutOfRangeException("offset");
            byte[] w = _roundKeys;
            Array.Copy(key, offset, w, 0, KeySize);
            Array.Copy(key, offset, _key, 0, KeySize);
            int rcon = 1;
            for (int i = KeySize; i < w.Length; i += 4)
            {
                int t0 = w[i - 4], t1 = w[i - 3], t2 = w[i - 2], t3 = w[i - 1];
                if (i % KeySize == 0)
                {
                    // SubWord(RotWord(w[i-1])) ^ Rcon[i/Nk]
                    int r0 = SBox[t1] ^ rcon;
                    int r1 = SBox[t2];
                    int r2 = SBox[t3];
                    int r3 = SBox[t0];
                    t0 = r0; t1 = r1; t2 = r2; t3 = r3;
                    rcon = XTime(rcon);
                }
                w[i] = (byte)(w[i - KeySize] ^ t0);
                w[i + 1] = (byte)(w[i - KeySize + 1] ^ t1);
                w[i + 2] = (byte)(w[i - KeySize + 2] ^ t2);
                w[i + 3] = (byte)(w[i - KeySize + 3] ^ t3);
            }
            _hasKey = true;
        }

        /// <summary>Expands <paramref name="key"/> unless it is the key already in use.</summary>
        public void UseKey(byte[] key, int offset)
        {
            if (_hasKey && key != null && offset >= 0 && offset <= key.Length - KeySize)
            {
                bool same = true;
                for (int i = 0; i < KeySize; i++)
                    if (_key[i] != key[offset + i]) { same = false; break; }
                if (same) return;
            }
            SetKey(key, offset);
        }

        /// <summary>
        /// Decrypts one 16-byte block (FIPS-197 §5.3 Figure 12): input and output may be the same bytes.
        /// </summary>
        public void DecryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            if (!_hasKey) throw new InvalidOperationException("no key");
            if (input == null || inOffset < 0 || inOffset > input.Length - BlockSize) throw new ArgumentOutOfRangeException("inOffset");
            if (output == null || outOffset < 0 || outOffset > output.Length - BlockSize) throw new ArgumentOutOfRangeException("outOffset");
            byte[] s = _state;
            byte[] w = _roundKeys;
            for (int i = 0; i < BlockSize; i++) s[i] = (byte)(input[inOffset + i] ^ w[Rounds * BlockSize + i]);
            for (int round = Rounds - 1; round >= 1; round--)
            {
                InvShiftRowsSubBytes(s);
                int k = round * BlockSize;
                for (int i = 0; i < BlockSize; i++) s[i] ^= w[k + i];
                InvMixColumns(s);
            }
            InvShiftRowsSubBytes(s);
            for (int i = 0; i < BlockSize; i++) output[outOffset + i] = (byte)(s[i] ^ w[i]);
        }

        // InvShiftRows (§5.3.1: row r rotates right by r) and InvSubBytes (§5.3.2) together.
        // The state is column-major: s[r + 4c].
        static void InvShiftRowsSubBytes(byte[] s)
        {
            byte[] inv = InvSBox;
            s[0] = inv[s[0]]; s[4] = inv[s[4]]; s[8] = inv[s[8]]; s[12] = inv[s[12]];
            byte t = s[13];
            s[13] = inv[s[9]]; s[9] = inv[s[5]]; s[5] = inv[s[1]]; s[1] = inv[t];
            t = s[2];
            s[2] = inv[s[10]]; s[10] = inv[t];
            t = s[6];
            s[6] = inv[s[14]]; s[14] = inv[t];
            t = s[3];
            s[3] = inv[s[7]]; s[7] = inv[s[11]]; s[11] = inv[s[15]]; s[15] = inv[t];
        }

        // InvMixColumns (§5.3.3): each column times {0b}x^3 + {0d}x^2 + {09}x + {0e} modulo x^4 + 1.
        static void InvMixColumns(byte[] s)
        {
            for (int c = 0; c < BlockSize; c += 4)
            {
                int a0 = s[c], a1 = s[c + 1], a2 = s[c + 2], a3 = s[c + 3];
                s[c] = (byte)(Mul14[a0] ^ Mul11[a1] ^ Mul13[a2] ^ Mul9[a3]);
                s[c + 1] = (byte)(Mul9[a0] ^ Mul14[a1] ^ Mul11[a2] ^ Mul13[a3]);
                s[c + 2] = (byte)(Mul13[a0] ^ Mul9[a1] ^ Mul14[a2] ^ Mul11[a3]);
                s[c + 3] = (byte)(Mul11[a0] ^ Mul13[a1] ^ Mul9[a2] ^ Mul14[a3]);
            }
        }
    }
}
