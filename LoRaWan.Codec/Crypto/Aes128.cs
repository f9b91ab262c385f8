using System;

namespace LoRaWan.Crypto
{
    /// <summary>
    /// AES-128 block encryption (FIPS-197), encrypt direction only: LoRaWAN never needs the inverse
    /// cipher on the device (LoRaWAN 1.0.2 §6.2.5: the network server encrypts the join-accept with
    /// AES decrypt so that the end-device only needs AES encrypt).
    /// </summary>
    /// <remarks>
    /// Tuned for an IL interpreter (nanoCLR), where cost follows the number of IL instructions executed:
    /// four 32-bit T-tables (each round column is four look-ups and four XORs), all ten rounds unrolled,
    /// the round keys kept as a <c>uint[44]</c>, state in locals. The tables are built once from the
    /// S-box by the static constructor (about 200 bytes of IL instead of a 4 KB initializer blob in the
    /// assembly; the RAM cost, 4 KB + 256 bytes, is the same either way). Nothing is allocated after
    /// construction. Table look-ups are indexed by key-dependent data, so this is not constant-time
    /// against cache-timing attacks; exploiting that needs code running on the same device.
    /// </remarks>
    public sealed class Aes128
    {
        /// <summary>Block size in bytes.</summary>
        public const int BlockSize = 16;

        /// <summary>Key size in bytes.</summary>
        public const int KeySize = 16;

        /// <summary>
        /// The key generation of a caller that does not track writes of its key bytes: with it (or any negative value),
        /// <see cref="UseKey(byte[], int, int)"/> and the crypto classes' generation overloads compare the key bytes.
        /// </summary>
        public const int NoGeneration = -1;

        // FIPS-197 §5.1.1, Figure 7: SubBytes() substitution values.
        static readonly byte[] SBox = new byte[256]
        {
            0x63, 0x7C, 0x77, 0x7B, 0xF2, 0x6B, 0x6F, 0xC5, 0x30, 0x01, 0x67, 0x2B, 0xFE, 0xD7, 0xAB, 0x76,
            0xCA, 0x82, 0xC9, 0x7D, 0xFA, 0x59, 0x47, 0xF0, 0xAD, 0xD4, 0xA2, 0xAF, 0x9C, 0xA4, 0x72, 0xC0,
            0xB7, 0xFD, 0x93, 0x26, 0x36, 0x3F, 0xF7, 0xCC, 0x34, 0xA5, 0xE5, 0xF1, 0x71, 0xD8, 0x31, 0x15,
            0x04, 0xC7, 0x23, 0xC3, 0x18, 0x96, 0x05, 0x9A, 0x07, 0x12, 0x80, 0xE2, 0xEB, 0x27, 0xB2, 0x75,
            0x09, 0x83, 0x2C, 0x1A, 0x1B, 0x6E, 0x5A, 0xA0, 0x52, 0x3B, 0xD6, 0xB3, 0x29, 0xE3, 0x2F, 0x84,
            0x53, 0xD1, 0x00, 0xED, 0x20, 0xFC, 0xB1, 0x5B, 0x6A, 0xCB, 0xBE, 0x39, 0x4A, 0x4C, 0x58, 0xCF,
            0xD0, 0xEF, 0xAA, 0xFB, 0x43, 0x4D, 0x33, 0x85, 0x45, 0xF9, 0x02, 0x7F, 0x50, 0x3C, 0x9F, 0xA8,
            0x51, 0xA3, 0x40, 0x8F, 0x92, 0x9D, 0x38, 0xF5, 0xBC, 0xB6, 0xDA, 0x21, 0x10, 0xFF, 0xF3, 0xD2,
            0xCD, 0x0C, 0x13, 0xEC, 0x5F, 0x97, 0x44, 0x17, 0xC4, 0xA7, 0x7E, 0x3D, 0x64, 0x5D, 0x19, 0x73,
            0x60, 0x81, 0x4F, 0xDC, 0x22, 0x2A, 0x90, 0x88, 0x46, 0xEE, 0xB8, 0x14, 0xDE, 0x5E, 0x0B, 0xDB,
            0xE0, 0x32, 0x3A, 0x0A, 0x49, 0x06, 0x24, 0x5C, 0xC2, 0xD3, 0xAC, 0x62, 0x91, 0x95, 0xE4, 0x79,
            0xE7, 0xC8, 0x37, 0x6D, 0x8D, 0xD5, 0x4E, 0xA9, 0x6C, 0x56, 0xF4, 0xEA, 0x65, 0x7A, 0xAE, 0x08,
            0xBA, 0x78, 0x25, 0x2E, 0x1C, 0xA6, 0xB4, 0xC6, 0xE8, 0xDD, 0x74, 0x1F, 0x4B, 0xBD, 0x8B, 0x8A,
            0x70, 0x3E, 0xB5, 0x66, 0x48, 0x03, 0xF6, 0x0E, 0x61, 0x35, 0x57, 0xB9, 0x86, 0xC1, 0x1D, 0x9E,
            0xE1, 0xF8, 0x98, 0x11, 0x69, 0xD9, 0x8E, 0x94, 0x9B, 0x1E, 0x87, 0xE9, 0xCE, 0x55, 0x28, 0xDF,
            0x8C, 0xA1, 0x89, 0x0D, 0xBF, 0xE6, 0x42, 0x68, 0x41, 0x99, 0x2D, 0x0F, 0xB0, 0x54, 0xBB, 0x16
        };

        // Te0[x] = (2·S[x], S[x], S[x], 3·S[x]) as a big-endian word: SubBytes and MixColumns of one byte
        // in one look-up (FIPS-197 §5.1.1, §5.1.3). Te1..Te3 are Te0 rotated right by 8, 16, 24 bits.
        static readonly uint[] Te0 = new uint[256];
        static readonly uint[] Te1 = new uint[256];
        static readonly uint[] Te2 = new uint[256];
        static readonly uint[] Te3 = new uint[256];

        static Aes128()
        {
            for (int i = 0; i < 256; i++)
            {
                uint s = SBox[i];
                // xtime (FIPS-197 §4.2.1): multiply by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
                uint s2 = (s << 1) ^ ((s >> 7) * 0x11Bu);
                uint s3 = s2 ^ s;
                uint t = (s2 << 24) | (s << 16) | (s << 8) | s3;
                Te0[i] = t;
                Te1[i] = (t >> 8) | (t << 24);
                Te2[i] = (t >> 16) | (t << 16);
                Te3[i] = (t >> 24) | (t << 8);
            }
        }

        // The identity of the expanded key when it was set through UseKey(key, offset, generation): the caller's array,
        // offset and key generation. NoKey (never a caller's array) when the key came from SetKey or there is none.
        static readonly byte[] NoKey = new byte[0];

        readonly uint[] _rk = new uint[44];
        bool _hasKey;
        byte[] _keyArray = NoKey;
        int _keyOffset;
        int _keyGeneration;

        /// <summary>True once <see cref="SetKey"/> has been called (and <see cref="Clear"/> has not).</summary>
        public bool HasKey => _hasKey;

        /// <summary>
        /// Expands the 16-byte key at <paramref name="key"/>[<paramref name="offset"/>] into the round-key
        /// schedule (FIPS-197 §5.2). Keys are used in wire order, exactly as The Things Stack shows them.
        /// </summary>
        public void SetKey(byte[] key, int offset)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (offset < 0 || offset > key.Length - KeySize) throw new ArgumentOutOfRangeException("offset");
            uint[] rk = _rk;
            byte[] sb = SBox;
            uint w0 = ((uint)key[offset] << 24) | ((uint)key[offset + 1] << 16) | ((uint)key[offset + 2] << 8) | key[offset + 3];
            uint w1 = ((uint)key[offset + 4] << 24) | ((uint)key[offset + 5] << 16) | ((uint)key[offset + 6] << 8) | key[offset + 7];
            uint w2 = ((uint)key[offset + 8] << 24) | ((uint)key[offset + 9] << 16) | ((uint)key[offset + 10] << 8) | key[offset + 11];
            uint w3 = ((uint)key[offset + 12] << 24) | ((uint)key[offset + 13] << 16) | ((uint)key[offset + 14] << 8) | key[offset + 15];
            rk[0] = w0; rk[1] = w1; rk[2] = w2; rk[3] = w3;
            // w[i] = w[i-4] ^ SubWord(RotWord(w[i-1])) ^ Rcon[i/4] for i % 4 == 0, else w[i-4] ^ w[i-1].
            // round key 1, Rcon = 0x01
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x01000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[4] = w0; rk[5] = w1; rk[6] = w2; rk[7] = w3;
            // round key 2, Rcon = 0x02
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x02000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[8] = w0; rk[9] = w1; rk[10] = w2; rk[11] = w3;
            // round key 3, Rcon = 0x04
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x04000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[12] = w0; rk[13] = w1; rk[14] = w2; rk[15] = w3;
            // round key 4, Rcon = 0x08
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x08000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[16] = w0; rk[17] = w1; rk[18] = w2; rk[19] = w3;
            // round key 5, Rcon = 0x10
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x10000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[20] = w0; rk[21] = w1; rk[22] = w2; rk[23] = w3;
            // round key 6, Rcon = 0x20
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x20000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[24] = w0; rk[25] = w1; rk[26] = w2; rk[27] = w3;
            // round key 7, Rcon = 0x40
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x40000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[28] = w0; rk[29] = w1; rk[30] = w2; rk[31] = w3;
            // round key 8, Rcon = 0x80
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x80000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[32] = w0; rk[33] = w1; rk[34] = w2; rk[35] = w3;
            // round key 9, Rcon = 0x1B
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x1B000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[36] = w0; rk[37] = w1; rk[38] = w2; rk[39] = w3;
            // round key 10, Rcon = 0x36
            w0 ^= ((uint)sb[(int)((w3 >> 16) & 0xFF)] << 24) ^ ((uint)sb[(int)((w3 >> 8) & 0xFF)] << 16) ^ ((uint)sb[(int)(w3 & 0xFF)] << 8) ^ sb[(int)(w3 >> 24)] ^ 0x36000000u;
            w1 ^= w0; w2 ^= w1; w3 ^= w2;
            rk[40] = w0; rk[41] = w1; rk[42] = w2; rk[43] = w3;
            _hasKey = true;
            _keyArray = NoKey;
        }

        /// <summary>
        /// True when the schedule was expanded from the same 16 bytes as <paramref name="key"/>[<paramref name="offset"/>].
        /// Lets callers skip re-expansion when a key did not change.
        /// </summary>
        public bool IsKey(byte[] key, int offset)
        {
            if (!_hasKey) return false;
            uint[] rk = _rk;
            return rk[0] == (((uint)key[offset] << 24) | ((uint)key[offset + 1] << 16) | ((uint)key[offset + 2] << 8) | key[offset + 3])
                && rk[1] == (((uint)key[offset + 4] << 24) | ((uint)key[offset + 5] << 16) | ((uint)key[offset + 6] << 8) | key[offset + 7])
                && rk[2] == (((uint)key[offset + 8] << 24) | ((uint)key[offset + 9] << 16) | ((uint)key[offset + 10] << 8) | key[offset + 11])
                && rk[3] == (((uint)key[offset + 12] << 24) | ((uint)key[offset + 13] << 16) | ((uint)key[offset + 14] << 8) | key[offset + 15]);
        }

        /// <summary>Expands <paramref name="key"/> unless it is already the current key. Returns true if it expanded.</summary>
        public bool UseKey(byte[] key, int offset)
        {
            if (IsKey(key, offset)) return false;
            SetKey(key, offset);
            return true;
        }

        /// <summary>
        /// True when the schedule was expanded by <see cref="UseKey(byte[], int, int)"/> from this very array, offset and
        /// key generation: an identity check of three values, no byte is read. See <see cref="UseKey(byte[], int, int)"/>.
        /// </summary>
        public bool IsKey(byte[] key, int offset, int generation)
        {
            return key == _keyArray && offset == _keyOffset && generation == _keyGeneration;
        }

        /// <summary>
        /// Expands the 16-byte key at <paramref name="key"/>[<paramref name="offset"/>] unless the schedule already came
        /// from the same array, offset and <paramref name="generation"/>; returns true if it expanded. The key's owner
        /// changes the generation on every write of the key bytes (the session's <c>SessionKeys.Generation</c>), so a
        /// reused schedule is always the current key's. A caller that cannot promise that passes <see cref="NoGeneration"/>
        /// (any negative value) or uses <see cref="UseKey(byte[], int)"/>: the bytes are compared.
        /// </summary>
        public bool UseKey(byte[] key, int offset, int generation)
        {
            if (generation < 0)
            {
                // No generation: compare the bytes (inlined rather than a call to UseKey(key, offset): a call is costly on nanoCLR).
                if (IsKey(key, offset)) return false;
                SetKey(key, offset);
                return true;
            }
            if (key == _keyArray && offset == _keyOffset && generation == _keyGeneration) return false;
            SetKey(key, offset);
            _keyArray = key;
            _keyOffset = offset;
            _keyGeneration = generation;
            return true;
        }

        /// <summary>Wipes the key schedule.</summary>
        public void Clear()
        {
            Array.Clear(_rk, 0, 44);
            _hasKey = false;
            _keyArray = NoKey;
        }

        /// <summary>
        /// Encrypts the 16 bytes at <paramref name="input"/>[<paramref name="inOffset"/>] into
        /// <paramref name="output"/>[<paramref name="outOffset"/>]. Input and output may be the same bytes.
        /// </summary>
        public void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            // The rounds of EncryptWords written out again rather than called: on nanoCLR the four result words stored to
            // and loaded from an array and unpacked again cost more than the duplicated text (README).
            if (!_hasKey) throw new InvalidOperationException("AES key not set");
            uint[] rk = _rk;
            uint[] te0 = Te0, te1 = Te1, te2 = Te2, te3 = Te3;
            // Input words with AddRoundKey (FIPS-197 §5.1.4); all 16 bytes are read first, so input may be output.
            uint s0 = (((uint)input[inOffset] << 24) | ((uint)input[inOffset + 1] << 16) | ((uint)input[inOffset + 2] << 8) | input[inOffset + 3]) ^ rk[0];
            uint s1 = (((uint)input[inOffset + 4] << 24) | ((uint)input[inOffset + 5] << 16) | ((uint)input[inOffset + 6] << 8) | input[inOffset + 7]) ^ rk[1];
            uint s2 = (((uint)input[inOffset + 8] << 24) | ((uint)input[inOffset + 9] << 16) | ((uint)input[inOffset + 10] << 8) | input[inOffset + 11]) ^ rk[2];
            uint s3 = (((uint)input[inOffset + 12] << 24) | ((uint)input[inOffset + 13] << 16) | ((uint)input[inOffset + 14] << 8) | input[inOffset + 15]) ^ rk[3];
            uint t0, t1, t2, t3;
            // round 1
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[4];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[5];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[6];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[7];
            // round 2
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[8];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[9];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[10];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[11];
            // round 3
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[12];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[13];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[14];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[15];
            // round 4
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[16];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[17];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[18];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[19];
            // round 5
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[20];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[21];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[22];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[23];
            // round 6
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[24];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[25];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[26];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[27];
            // round 7
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[28];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[29];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[30];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[31];
            // round 8
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[32];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[33];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[34];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[35];
            // round 9
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[36];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[37];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[38];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[39];
            LastRound(t0, t1, t2, t3, rk, output, outOffset);
        }

        // Round 10 of EncryptBlock (SubBytes, ShiftRows, AddRoundKey; no MixColumns), each result byte written directly
        // rather than packed into words and unpacked again.
        static void LastRound(uint t0, uint t1, uint t2, uint t3, uint[] rk, byte[] output, int outOffset)
        {
            byte[] sb = SBox;
            uint k = rk[40];
            output[outOffset] = (byte)((uint)sb[(int)(t0 >> 24)] ^ (k >> 24));
            output[outOffset + 1] = (byte)((uint)sb[(int)((t1 >> 16) & 0xFF)] ^ (k >> 16));
            output[outOffset + 2] = (byte)((uint)sb[(int)((t2 >> 8) & 0xFF)] ^ (k >> 8));
            output[outOffset + 3] = (byte)((uint)sb[(int)(t3 & 0xFF)] ^ k);
            k = rk[41];
            output[outOffset + 4] = (byte)((uint)sb[(int)(t1 >> 24)] ^ (k >> 24));
            output[outOffset + 5] = (byte)((uint)sb[(int)((t2 >> 16) & 0xFF)] ^ (k >> 16));
            output[outOffset + 6] = (byte)((uint)sb[(int)((t3 >> 8) & 0xFF)] ^ (k >> 8));
            output[outOffset + 7] = (byte)((uint)sb[(int)(t0 & 0xFF)] ^ k);
            k = rk[42];
            output[outOffset + 8] = (byte)((uint)sb[(int)(t2 >> 24)] ^ (k >> 24));
            output[outOffset + 9] = (byte)((uint)sb[(int)((t3 >> 16) & 0xFF)] ^ (k >> 16));
            output[outOffset + 10] = (byte)((uint)sb[(int)((t0 >> 8) & 0xFF)] ^ (k >> 8));
            output[outOffset + 11] = (byte)((uint)sb[(int)(t1 & 0xFF)] ^ k);
            k = rk[43];
            output[outOffset + 12] = (byte)((uint)sb[(int)(t3 >> 24)] ^ (k >> 24));
            output[outOffset + 13] = (byte)((uint)sb[(int)((t0 >> 16) & 0xFF)] ^ (k >> 16));
            output[outOffset + 14] = (byte)((uint)sb[(int)((t1 >> 8) & 0xFF)] ^ (k >> 8));
            output[outOffset + 15] = (byte)((uint)sb[(int)(t2 & 0xFF)] ^ k);
        }

        /// <summary>
        /// Encrypts one block given as four big-endian words (w0 = bytes 0..3, most significant byte first)
        /// and writes the four result words to <paramref name="output"/>[0..3]. The word form lets CMAC and
        /// the LoRaWAN counter blocks skip packing and unpacking bytes.
        /// </summary>
        public void EncryptWords(uint w0, uint w1, uint w2, uint w3, uint[] output)
        {
            if (!_hasKey) throw new InvalidOperationException("AES key not set");
            uint[] rk = _rk;
            uint[] te0 = Te0, te1 = Te1, te2 = Te2, te3 = Te3;
            // AddRoundKey with the cipher key (FIPS-197 §5.1.4), then nine full rounds.
            uint s0 = w0 ^ rk[0], s1 = w1 ^ rk[1], s2 = w2 ^ rk[2], s3 = w3 ^ rk[3];
            uint t0, t1, t2, t3;
            // round 1
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[4];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[5];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[6];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[7];
            // round 2
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[8];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[9];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[10];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[11];
            // round 3
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[12];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[13];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[14];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[15];
            // round 4
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[16];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[17];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[18];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[19];
            // round 5
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[20];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[21];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[22];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[23];
            // round 6
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[24];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[25];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[26];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[27];
            // round 7
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[28];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[29];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[30];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[31];
            // round 8
            s0 = te0[(int)(t0 >> 24)] ^ te1[(int)((t1 >> 16) & 0xFF)] ^ te2[(int)((t2 >> 8) & 0xFF)] ^ te3[(int)(t3 & 0xFF)] ^ rk[32];
            s1 = te0[(int)(t1 >> 24)] ^ te1[(int)((t2 >> 16) & 0xFF)] ^ te2[(int)((t3 >> 8) & 0xFF)] ^ te3[(int)(t0 & 0xFF)] ^ rk[33];
            s2 = te0[(int)(t2 >> 24)] ^ te1[(int)((t3 >> 16) & 0xFF)] ^ te2[(int)((t0 >> 8) & 0xFF)] ^ te3[(int)(t1 & 0xFF)] ^ rk[34];
            s3 = te0[(int)(t3 >> 24)] ^ te1[(int)((t0 >> 16) & 0xFF)] ^ te2[(int)((t1 >> 8) & 0xFF)] ^ te3[(int)(t2 & 0xFF)] ^ rk[35];
            // round 9
            t0 = te0[(int)(s0 >> 24)] ^ te1[(int)((s1 >> 16) & 0xFF)] ^ te2[(int)((s2 >> 8) & 0xFF)] ^ te3[(int)(s3 & 0xFF)] ^ rk[36];
            t1 = te0[(int)(s1 >> 24)] ^ te1[(int)((s2 >> 16) & 0xFF)] ^ te2[(int)((s3 >> 8) & 0xFF)] ^ te3[(int)(s0 & 0xFF)] ^ rk[37];
            t2 = te0[(int)(s2 >> 24)] ^ te1[(int)((s3 >> 16) & 0xFF)] ^ te2[(int)((s0 >> 8) & 0xFF)] ^ te3[(int)(s1 & 0xFF)] ^ rk[38];
            t3 = te0[(int)(s3 >> 24)] ^ te1[(int)((s0 >> 16) & 0xFF)] ^ te2[(int)((s1 >> 8) & 0xFF)] ^ te3[(int)(s2 & 0xFF)] ^ rk[39];
            // round 10: SubBytes, ShiftRows, AddRoundKey (no MixColumns).
            byte[] sb = SBox;
            output[0] = (((uint)sb[(int)(t0 >> 24)] << 24) | ((uint)sb[(int)((t1 >> 16) & 0xFF)] << 16) | ((uint)sb[(int)((t2 >> 8) & 0xFF)] << 8) | sb[(int)(t3 & 0xFF)]) ^ rk[40];
            output[1] = (((uint)sb[(int)(t1 >> 24)] << 24) | ((uint)sb[(int)((t2 >> 16) & 0xFF)] << 16) | ((uint)sb[(int)((t3 >> 8) & 0xFF)] << 8) | sb[(int)(t0 & 0xFF)]) ^ rk[41];
            output[2] = (((uint)sb[(int)(t2 >> 24)] << 24) | ((uint)sb[(int)((t3 >> 16) & 0xFF)] << 16) | ((uint)sb[(int)((t0 >> 8) & 0xFF)] << 8) | sb[(int)(t1 & 0xFF)]) ^ rk[42];
            output[3] = (((uint)sb[(int)(t3 >> 24)] << 24) | ((uint)sb[(int)((t0 >> 16) & 0xFF)] << 16) | ((uint)sb[(int)((t1 >> 8) & 0xFF)] << 8) | sb[(int)(t2 & 0xFF)]) ^ rk[43];
        }
    }
}
