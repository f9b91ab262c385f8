using System;

namespace LoRaWan.Crypto
{
    /// <summary>
    /// The LoRaWAN counter-mode cipher, in place over caller buffers (encrypting and decrypting are the
    /// same operation):
    /// FRMPayload (LoRaWAN 1.0.4 §4.3.3: AppSKey for FPort 1..255, NwkSKey / 1.1 NwkSEncKey for FPort 0) and the
    /// LoRaWAN 1.1 FOpts field (§4.3.1.6 with the "FOpts Encryption, Usage of FCntDwn" erratum, NwkSEncKey).
    /// Keeps two expanded keys (most recently used first), so alternating FOpts / FRMPayload keys never
    /// re-expands. Nothing is allocated per call.
    /// </summary>
    public sealed class PayloadCipher
    {
        /// <summary>Largest length accepted: 255 blocks keep the block counter i in one byte (FRMPayload is at most 242 bytes).</summary>
        public const int MaxLength = 255 * 16;

        /// <summary>Largest FOpts field (FOptsLen is 4 bits).</summary>
        public const int MaxFOptsLength = 15;

        readonly Aes128 _first = new Aes128();
        readonly Aes128 _second;
        readonly uint[] _s = new uint[4];
        Aes128 _recent;

        /// <summary>Creates a cipher with two empty key slots.</summary>
        public PayloadCipher() : this(new Aes128())
        {
        }

        /// <summary>
        /// Creates a cipher whose second key slot is <paramref name="second"/>, a schedule others may use too (issue 20: the
        /// MAC shares it with the join's crypto, which runs when no session key is in use). Every use asks for its key by
        /// identity or bytes (<see cref="Aes128.UseKey(byte[], int, int)"/>), so a key another user loaded in between is
        /// never mistaken for this cipher's: it is expanded again.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="second"/> is null.</exception>
        public PayloadCipher(Aes128 second)
        {
            if (second == null) throw new ArgumentNullException("second");
            _second = second;
            _recent = _first;
        }

        /// <summary>
        /// Encrypts FRMPayload in place: buffer[offset..offset+length) ^= S, S = aes128_encrypt(K, A_1) | ... | A_k,
        /// A_i = 0x01 | 4×0x00 | Dir | DevAddr | FCnt (32 bits) | 0x00 | i (LoRaWAN 1.0.4 §4.3.3; 1.1 §4.3.3).
        /// Any length from 0 to <see cref="MaxLength"/>. K is AppSKey for FPort 1..255, NwkSKey (1.0.x) or
        /// NwkSEncKey (1.1) for FPort 0; in 1.1 downlinks FCnt is AFCntDown for FPort 1..255, NFCntDown for FPort 0.
        /// </summary>
        public void EncryptFrmPayload(byte[] key, int keyOffset, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            Crypt(key, keyOffset, Aes128.NoGeneration, 0, (uint)direction, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>
        /// <see cref="EncryptFrmPayload(byte[], int, FrameDirection, uint, uint, byte[], int, int)"/> with the key's generation:
        /// the expanded key is reused while array, offset and <paramref name="keyGeneration"/> are the same, without reading
        /// the key bytes; the key's owner changes the generation on every write of them (<see cref="Aes128.UseKey(byte[], int, int)"/>).
        /// </summary>
        public void EncryptFrmPayload(byte[] key, int keyOffset, int keyGeneration, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            Crypt(key, keyOffset, keyGeneration, 0, (uint)direction, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>Decrypts FRMPayload in place with the key's generation; the same operation as <see cref="EncryptFrmPayload(byte[], int, int, FrameDirection, uint, uint, byte[], int, int)"/>.</summary>
        public void DecryptFrmPayload(byte[] key, int keyOffset, int keyGeneration, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            Crypt(key, keyOffset, keyGeneration, 0, (uint)direction, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>Decrypts FRMPayload in place; the same operation as <see cref="EncryptFrmPayload(byte[], int, FrameDirection, uint, uint, byte[], int, int)"/>.</summary>
        public void DecryptFrmPayload(byte[] key, int keyOffset, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            Crypt(key, keyOffset, Aes128.NoGeneration, 0, (uint)direction, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>
        /// Encrypts a LoRaWAN 1.1 FOpts field (0..15 bytes) in place with NwkSEncKey:
        /// FOpts ^= aes128_encrypt(NwkSEncKey, A), A = 0x01 | 0x00 0x00 0x00 | T | Dir | DevAddr | FCnt | 0x00 | 0x01,
        /// where per the LoRaWAN 1.1 "FOpts Encryption, Usage of FCntDwn" erratum T = 0x01 for FCntUp and NFCntDown
        /// and 0x02 for AFCntDown, and the last byte is 0x01 (the 1.1.0 text had T = 0x00 and 0x00, which the
        /// erratum withdraws). <paramref name="fCnt"/> is the 32-bit value of the counter named by <paramref name="counter"/>.
        /// LoRaWAN 1.0.x frames carry FOpts in clear: do not call this for them.
        /// </summary>
        public void EncryptFOpts(byte[] nwkSEncKey, int keyOffset, FCntType counter, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            FOpts(nwkSEncKey, keyOffset, Aes128.NoGeneration, counter, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>Decrypts a LoRaWAN 1.1 FOpts field in place; the same operation as <see cref="EncryptFOpts(byte[], int, FCntType, uint, uint, byte[], int, int)"/>.</summary>
        public void DecryptFOpts(byte[] nwkSEncKey, int keyOffset, FCntType counter, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            FOpts(nwkSEncKey, keyOffset, Aes128.NoGeneration, counter, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>
        /// <see cref="EncryptFOpts(byte[], int, FCntType, uint, uint, byte[], int, int)"/> with the key's generation (see
        /// <see cref="EncryptFrmPayload(byte[], int, int, FrameDirection, uint, uint, byte[], int, int)"/>).
        /// </summary>
        public void EncryptFOpts(byte[] nwkSEncKey, int keyOffset, int keyGeneration, FCntType counter, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            FOpts(nwkSEncKey, keyOffset, keyGeneration, counter, devAddr, fCnt, buffer, offset, length);
        }

        /// <summary>Decrypts a LoRaWAN 1.1 FOpts field in place with the key's generation; the same operation as encrypting.</summary>
        public void DecryptFOpts(byte[] nwkSEncKey, int keyOffset, int keyGeneration, FCntType counter, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            FOpts(nwkSEncKey, keyOffset, keyGeneration, counter, devAddr, fCnt, buffer, offset, length);
        }

        void FOpts(byte[] nwkSEncKey, int keyOffset, int keyGeneration, FCntType counter, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            if (length > MaxFOptsLength) throw new ArgumentOutOfRangeException("length", "FOpts is at most 15 bytes");
            uint frameType = counter == FCntType.AFCntDown ? 2u : 1u;
            uint dir = counter == FCntType.FCntUp ? 0u : 1u;
            Crypt(nwkSEncKey, keyOffset, keyGeneration, frameType, dir, devAddr, fCnt, buffer, offset, length);
        }

        // buffer ^= AES(K, A_1) | AES(K, A_2) | ... with A_i = 0x01 | 0x000000 | frameType | dir | DevAddr | FCnt | 0x00 | i,
        // each block built directly as four big-endian words.
        void Crypt(byte[] key, int keyOffset, int keyGeneration, uint frameType, uint dir, uint devAddr, uint fCnt,
            byte[] buffer, int offset, int length)
        {
            if (length < 0 || length > MaxLength) throw new ArgumentOutOfRangeException("length");
            if (offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException("offset");
            if (length == 0) return;
            Aes128 aes = Select(key, keyOffset, keyGeneration);
            uint w1 = (frameType << 24) | (dir << 16) | ((devAddr & 0xFF) << 8) | ((devAddr >> 8) & 0xFF);
            uint w2 = (((devAddr >> 16) & 0xFF) << 24) | ((devAddr >> 24) << 16) | ((fCnt & 0xFF) << 8) | ((fCnt >> 8) & 0xFF);
            uint w3 = (((fCnt >> 16) & 0xFF) << 24) | ((fCnt >> 24) << 16);
            uint[] s = _s;
            int p = offset;
            int end = offset + length;
            uint i = 1;
            while (end - p >= 16)
            {
                aes.EncryptWords(0x01000000u, w1, w2, w3 | i, s);
                uint v = s[0];
                buffer[p] = (byte)(buffer[p] ^ (v >> 24));
                buffer[p + 1] = (byte)(buffer[p + 1] ^ (v >> 16));
                buffer[p + 2] = (byte)(buffer[p + 2] ^ (v >> 8));
                buffer[p + 3] = (byte)(buffer[p + 3] ^ v);
                v = s[1];
                buffer[p + 4] = (byte)(buffer[p + 4] ^ (v >> 24));
                buffer[p + 5] = (byte)(buffer[p + 5] ^ (v >> 16));
                buffer[p + 6] = (byte)(buffer[p + 6] ^ (v >> 8));
                buffer[p + 7] = (byte)(buffer[p + 7] ^ v);
                v = s[2];
                buffer[p + 8] = (byte)(buffer[p + 8] ^ (v >> 24));
                buffer[p + 9] = (byte)(buffer[p + 9] ^ (v >> 16));
                buffer[p + 10] = (byte)(buffer[p + 10] ^ (v >> 8));
                buffer[p + 11] = (byte)(buffer[p + 11] ^ v);
                v = s[3];
                buffer[p + 12] = (byte)(buffer[p + 12] ^ (v >> 24));
                buffer[p + 13] = (byte)(buffer[p + 13] ^ (v >> 16));
                buffer[p + 14] = (byte)(buffer[p + 14] ^ (v >> 8));
                buffer[p + 15] = (byte)(buffer[p + 15] ^ v);
                p += 16;
                i++;
            }
            if (p < end)
            {
                aes.EncryptWords(0x01000000u, w1, w2, w3 | i, s);
                // A word of key stream per four bytes, its bytes most significant first (no index arithmetic per byte).
                for (int j = 0; ; j++)
                {
                    uint v = s[j];
                    buffer[p] = (byte)(buffer[p] ^ (v >> 24));
                    if (++p == end) break;
                    buffer[p] = (byte)(buffer[p] ^ (v >> 16));
                    if (++p == end) break;
                    buffer[p] = (byte)(buffer[p] ^ (v >> 8));
                    if (++p == end) break;
                    buffer[p] = (byte)(buffer[p] ^ v);
                    if (++p == end) break;
                }
            }
        }

        // Two key slots, most recently used first; a third key replaces the older slot. A known generation is an identity
        // check (array, offset, generation); NoGeneration compares the key bytes.
        Aes128 Select(byte[] key, int keyOffset, int keyGeneration)
        {
            Aes128 recent = _recent;
            if (keyGeneration >= 0)
            {
                if (recent.IsKey(key, keyOffset, keyGeneration)) return recent;
                Aes128 next = recent == _first ? _second : _first;
                next.UseKey(key, keyOffset, keyGeneration);
                _recent = next;
                return next;
            }
            if (recent.IsKey(key, keyOffset)) return recent;
            Aes128 other = recent == _first ? _second : _first;
            if (!other.IsKey(key, keyOffset)) other.SetKey(key, keyOffset);
            _recent = other;
            return other;
        }
    }
}
