using System;

namespace LoRaWan.Crypto
{
    /// <summary>
    /// AES-CMAC with AES-128 (RFC 4493), fed incrementally so a MIC input can be assembled from pieces
    /// (a B0 block, then the frame) without copying them together. Fixed buffers; nothing is allocated
    /// after construction. The subkeys K1/K2 are kept per key: <see cref="SetKey"/> with the key already
    /// in use costs a 16-byte comparison, not a key expansion.
    /// </summary>
    /// <example>
    /// <code>
    /// cmac.SetKey(key, 0);
    /// cmac.Update(b0, 0, 16);
    /// cmac.Update(frame, 0, length);
    /// cmac.Final(mac, 0);
    /// </code>
    /// </example>
    public sealed class AesCmac
    {
        /// <summary>Length of the full MAC in bytes.</summary>
        public const int MacSize = 16;

        // RFC 4493 §2.3: the constant R_128 = 0^120 || 10000111.
        const uint Rb = 0x87;

        readonly Aes128 _aes = new Aes128();
        readonly uint[] _x = new uint[4];   // chaining value X, big-endian words
        readonly uint[] _k1 = new uint[4];
        readonly uint[] _k2 = new uint[4];
        readonly byte[] _pending = new byte[16]; // the most recent block: it is the last one until more data comes
        int _pendingLength;   // -1 after UpdateBlock: a block was chained in and more data must follow

        /// <summary>
        /// Selects the 16-byte key at <paramref name="key"/>[<paramref name="offset"/>] (wire order) and starts
        /// a new message. Re-selecting the current key skips key expansion and subkey generation.
        /// </summary>
        public void SetKey(byte[] key, int offset)
        {
            Begin();
            if (_aes.IsKey(key, offset)) return;
            _aes.SetKey(key, offset);
            Subkeys();
        }

        /// <summary>
        /// Selects the key at <paramref name="key"/>[<paramref name="offset"/>] and starts a new message, expanding it (and
        /// its subkeys) only when the array, offset or <paramref name="generation"/> differ from the current key's: no byte
        /// is compared. The key's owner must change the generation on every write of the key bytes
        /// (<see cref="Aes128.UseKey(byte[], int, int)"/>); <see cref="Aes128.NoGeneration"/> compares the bytes.
        /// </summary>
        public void SetKey(byte[] key, int offset, int generation)
        {
            Begin();
            if (_aes.UseKey(key, offset, generation)) Subkeys();
        }

        void Subkeys()
        {
            // RFC 4493 §2.3 Generate_Subkey: L = AES-128(K, 0^128); K1 = L << 1 (^ Rb if msb(L));
            // K2 = K1 << 1 (^ Rb if msb(K1)). The conditional XOR is done without a branch.
            uint[] k1 = _k1, k2 = _k2;
            _aes.EncryptWords(0, 0, 0, 0, k1);
            uint l0 = k1[0], l1 = k1[1], l2 = k1[2], l3 = k1[3];
            uint a0 = (l0 << 1) | (l1 >> 31);
            uint a1 = (l1 << 1) | (l2 >> 31);
            uint a2 = (l2 << 1) | (l3 >> 31);
            uint a3 = (l3 << 1) ^ (Rb & (0u - (l0 >> 31)));
            k1[0] = a0; k1[1] = a1; k1[2] = a2; k1[3] = a3;
            k2[0] = (a0 << 1) | (a1 >> 31);
            k2[1] = (a1 << 1) | (a2 >> 31);
            k2[2] = (a2 << 1) | (a3 >> 31);
            k2[3] = (a3 << 1) ^ (Rb & (0u - (a0 >> 31)));
        }

        /// <summary>Discards any message in progress and starts a new one with the current key.</summary>
        public void Begin()
        {
            uint[] x = _x;
            x[0] = 0; x[1] = 0; x[2] = 0; x[3] = 0;
            _pendingLength = 0;
        }

        /// <summary>
        /// Appends one whole 16-byte block given as four big-endian words (w0 = bytes 0..3) at the start of a message or
        /// after whole blocks, without packing bytes: the LoRaWAN B0/B1 blocks. At least one more byte must follow
        /// (<see cref="Update"/> with a length above 0) before the message is finished, because this block is chained
        /// in directly and so cannot be the last one (RFC 4493 §2.4 step 6); finishing without it throws.
        /// </summary>
        public void UpdateBlock(uint w0, uint w1, uint w2, uint w3)
        {
            if (_pendingLength > 0) throw new InvalidOperationException("UpdateBlock needs a block boundary");
            uint[] x = _x;
            _aes.EncryptWords(x[0] ^ w0, x[1] ^ w1, x[2] ^ w2, x[3] ^ w3, x);
            _pendingLength = -1;
        }

        /// <summary>Appends <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the message.</summary>
        public void Update(byte[] data, int offset, int length)
        {
            if (length <= 0)
            {
                if (length < 0) throw new ArgumentOutOfRangeException("length");
                return;
            }
            if (offset < 0 || offset > data.Length - length) throw new ArgumentOutOfRangeException("offset");
            int n = _pendingLength;
            if (n > 0)
            {
                int take = 16 - n;
                if (take > length) take = length;
                Array.Copy(data, offset, _pending, n, take);
                n += take;
                offset += take;
                length -= take;
                _pendingLength = n;
                if (length == 0) return; // the pending block may still be the last one
                Chain(_pending, 0);      // more data follows, so the pending (full) block is not the last
                _pendingLength = 0;
            }
            // RFC 4493 §2.4 step 6: every complete block except the last is chained in directly (Chain's body written out:
            // a call per block costs about 600 x86 instructions on nanoCLR).
            if (length > 16)
            {
                uint[] x = _x;
                Aes128 aes = _aes;
                byte[] d = data;
                int o = offset;
                do
                {
                    aes.EncryptWords(
                        x[0] ^ (((uint)d[o] << 24) | ((uint)d[o + 1] << 16) | ((uint)d[o + 2] << 8) | d[o + 3]),
                        x[1] ^ (((uint)d[o + 4] << 24) | ((uint)d[o + 5] << 16) | ((uint)d[o + 6] << 8) | d[o + 7]),
                        x[2] ^ (((uint)d[o + 8] << 24) | ((uint)d[o + 9] << 16) | ((uint)d[o + 10] << 8) | d[o + 11]),
                        x[3] ^ (((uint)d[o + 12] << 24) | ((uint)d[o + 13] << 16) | ((uint)d[o + 14] << 8) | d[o + 15]),
                        x);
                    o += 16;
                    length -= 16;
                }
                while (length > 16);
                offset = o;
            }
            Array.Copy(data, offset, _pending, 0, length);
            _pendingLength = length;
        }

        /// <summary>Finishes the message, writes the 16-byte MAC to <paramref name="mac"/>[<paramref name="offset"/>] and starts a new message.</summary>
        public void Final(byte[] mac, int offset)
        {
            Finish();
            uint[] x = _x;
            uint v = x[0];
            mac[offset] = (byte)(v >> 24); mac[offset + 1] = (byte)(v >> 16); mac[offset + 2] = (byte)(v >> 8); mac[offset + 3] = (byte)v;
            v = x[1];
            mac[offset + 4] = (byte)(v >> 24); mac[offset + 5] = (byte)(v >> 16); mac[offset + 6] = (byte)(v >> 8); mac[offset + 7] = (byte)v;
            v = x[2];
            mac[offset + 8] = (byte)(v >> 24); mac[offset + 9] = (byte)(v >> 16); mac[offset + 10] = (byte)(v >> 8); mac[offset + 11] = (byte)v;
            v = x[3];
            mac[offset + 12] = (byte)(v >> 24); mac[offset + 13] = (byte)(v >> 16); mac[offset + 14] = (byte)(v >> 8); mac[offset + 15] = (byte)v;
            Begin();
        }

        /// <summary>
        /// Finishes the message and returns MAC bytes 0..3 as a big-endian word (byte 0 in the top bits),
        /// i.e. the LoRaWAN MIC; starts a new message.
        /// </summary>
        public uint FinalWord()
        {
            Finish();
            // Begin's body rather than a call to it (a call costs about 600 x86 instructions on nanoCLR).
            uint[] x = _x;
            uint mic = x[0];
            x[0] = 0; x[1] = 0; x[2] = 0; x[3] = 0;
            _pendingLength = 0;
            return mic;
        }

        // RFC 4493 §2.4 steps 3-6: the last block is XORed with K1 when complete, else padded with
        // 10^i and XORed with K2 (an empty message is one padded block).
        void Finish()
        {
            byte[] b = _pending;
            int n = _pendingLength;
            uint[] k;
            if (n == 16) k = _k1;
            else
            {
                if (n < 0) throw new InvalidOperationException("a block from UpdateBlock cannot end the message");
                b[n] = 0x80;
                if (n < 15) Array.Clear(b, n + 1, 15 - n);
                k = _k2;
            }
            uint[] x = _x;
            _aes.EncryptWords(
                x[0] ^ k[0] ^ (((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3]),
                x[1] ^ k[1] ^ (((uint)b[4] << 24) | ((uint)b[5] << 16) | ((uint)b[6] << 8) | b[7]),
                x[2] ^ k[2] ^ (((uint)b[8] << 24) | ((uint)b[9] << 16) | ((uint)b[10] << 8) | b[11]),
                x[3] ^ k[3] ^ (((uint)b[12] << 24) | ((uint)b[13] << 16) | ((uint)b[14] << 8) | b[15]),
                x);
        }

        // X := AES-128(K, X xor M) for the 16 bytes of d at o.
        void Chain(byte[] d, int o)
        {
            uint[] x = _x;
            _aes.EncryptWords(
                x[0] ^ (((uint)d[o] << 24) | ((uint)d[o + 1] << 16) | ((uint)d[o + 2] << 8) | d[o + 3]),
                x[1] ^ (((uint)d[o + 4] << 24) | ((uint)d[o + 5] << 16) | ((uint)d[o + 6] << 8) | d[o + 7]),
                x[2] ^ (((uint)d[o + 8] << 24) | ((uint)d[o + 9] << 16) | ((uint)d[o + 10] << 8) | d[o + 11]),
                x[3] ^ (((uint)d[o + 12] << 24) | ((uint)d[o + 13] << 16) | ((uint)d[o + 14] << 8) | d[o + 15]),
                x);
        }
    }
}
