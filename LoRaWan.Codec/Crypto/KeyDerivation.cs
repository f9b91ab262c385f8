using System;

namespace LoRaWan.Crypto
{
    /// <summary>
    /// Session and join-server key derivation: each key is aes128_encrypt(root key, type | fields | pad16)
    /// with the fields little-endian as on air and zero padding to 16 bytes. The type byte is one of
    /// <see cref="SessionKeyType"/>. Output keys are 16 bytes in wire order.
    /// </summary>
    public sealed class KeyDerivation
    {
        readonly Aes128 _aes;
        readonly byte[] _block = new byte[16];
        readonly uint[] _out = new uint[4];

        /// <summary>A key derivation with its own block schedule.</summary>
        public KeyDerivation() : this(new Aes128())
        {
        }

        /// <summary>
        /// Uses <paramref name="aes"/> for its block encryptions, a schedule others may use too (issue 20: one schedule for
        /// the join's crypto and the MAC's second payload key). Every use loads its key by identity or bytes
        /// (<see cref="Aes128.UseKey(byte[], int, int)"/>), so a key another user loaded in between is expanded again, never
        /// mistaken for this one's.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="aes"/> is null.</exception>
        public KeyDerivation(Aes128 aes)
        {
            if (aes == null) throw new ArgumentNullException("aes");
            _aes = aes;
        }

        /// <summary>
        /// LoRaWAN 1.0.x (1.0.2 §6.2.5 = 1.0.4 §6.2.6): NwkSKey (type 0x01) or AppSKey (0x02) =
        /// aes128_encrypt(AppKey, type | AppNonce | NetID | DevNonce | pad16). AppNonce and NetID are 24-bit.
        /// A LoRaWAN 1.1 device whose Join-accept has OptNeg = 0 derives its keys this way from NwkKey
        /// (FNwkSIntKey = SNwkSIntKey = NwkSEncKey = the 0x01 result, AppSKey = the 0x02 result; 1.1 §6.2.3).
        /// </summary>
        public void Derive10(byte[] key, int keyOffset, byte keyType, uint appNonce, uint netId, ushort devNonce,
            byte[] output, int outputOffset)
        {
            Derive10(key, keyOffset, Aes128.NoGeneration, keyType, appNonce, netId, devNonce, output, outputOffset);
        }

        /// <summary>
        /// <see cref="Derive10(byte[], int, byte, uint, uint, ushort, byte[], int)"/> with the root key's generation: the expanded
        /// root key is reused while array, offset and <paramref name="keyGeneration"/> are unchanged, without comparing its bytes
        /// (<see cref="Aes128.UseKey(byte[], int, int)"/>; the MAC passes a constant for the identity's root keys, which never change).
        /// </summary>
        public void Derive10(byte[] key, int keyOffset, int keyGeneration, byte keyType, uint appNonce, uint netId, ushort devNonce,
            byte[] output, int outputOffset)
        {
            if (appNonce > 0xFFFFFF) throw new ArgumentOutOfRangeException("appNonce");
            if (netId > 0xFFFFFF) throw new ArgumentOutOfRangeException("netId");
            // The block type | AppNonce (LE) | NetID (LE) | DevNonce (LE) | pad16 as four big-endian words: no bytes
            // packed around the cipher.
            _aes.UseKey(key, keyOffset, keyGeneration);
            uint[] o = _out;
            _aes.EncryptWords(
                ((uint)keyType << 24) | ((appNonce & 0xFF) << 16) | (appNonce & 0xFF00) | (appNonce >> 16),
                ((netId & 0xFF) << 24) | ((netId & 0xFF00) << 8) | ((netId >> 8) & 0xFF00) | (uint)(devNonce & 0xFF),
                (uint)(devNonce >> 8) << 24,
                0,
                o);
            uint v = o[0];
            output[outputOffset] = (byte)(v >> 24); output[outputOffset + 1] = (byte)(v >> 16); output[outputOffset + 2] = (byte)(v >> 8); output[outputOffset + 3] = (byte)v;
            v = o[1];
            output[outputOffset + 4] = (byte)(v >> 24); output[outputOffset + 5] = (byte)(v >> 16); output[outputOffset + 6] = (byte)(v >> 8); output[outputOffset + 7] = (byte)v;
            v = o[2];
            output[outputOffset + 8] = (byte)(v >> 24); output[outputOffset + 9] = (byte)(v >> 16); output[outputOffset + 10] = (byte)(v >> 8); output[outputOffset + 11] = (byte)v;
            v = o[3];
            output[outputOffset + 12] = (byte)(v >> 24); output[outputOffset + 13] = (byte)(v >> 16); output[outputOffset + 14] = (byte)(v >> 8); output[outputOffset + 15] = (byte)v;
            o[0] = 0; o[1] = 0; o[2] = 0; o[3] = 0;
        }

        /// <summary>
        /// LoRaWAN 1.1 (§6.2.3, OptNeg = 1): FNwkSIntKey (0x01), SNwkSIntKey (0x03), NwkSEncKey (0x04) from NwkKey and
        /// AppSKey (0x02) from AppKey = aes128_encrypt(key, type | JoinNonce | JoinEUI | DevNonce | pad16). JoinNonce is 24-bit.
        /// </summary>
        public void Derive11(byte[] key, int keyOffset, byte keyType, uint joinNonce, ulong joinEui, ushort devNonce,
            byte[] output, int outputOffset)
        {
            Derive11(key, keyOffset, Aes128.NoGeneration, keyType, joinNonce, joinEui, devNonce, output, outputOffset);
        }

        /// <summary><see cref="Derive11(byte[], int, byte, uint, ulong, ushort, byte[], int)"/> with the root key's generation (see <see cref="Derive10(byte[], int, int, byte, uint, uint, ushort, byte[], int)"/>).</summary>
        public void Derive11(byte[] key, int keyOffset, int keyGeneration, byte keyType, uint joinNonce, ulong joinEui, ushort devNonce,
            byte[] output, int outputOffset)
        {
            if (joinNonce > 0xFFFFFF) throw new ArgumentOutOfRangeException("joinNonce");
            byte[] b = _block;
            Array.Clear(b, 0, 16);
            b[0] = keyType;
            b[1] = (byte)joinNonce; b[2] = (byte)(joinNonce >> 8); b[3] = (byte)(joinNonce >> 16);
            for (int i = 0; i < 8; i++) b[4 + i] = (byte)(joinEui >> (8 * i));
            b[12] = (byte)devNonce; b[13] = (byte)(devNonce >> 8);
            Encrypt(key, keyOffset, keyGeneration, output, outputOffset);
        }

        /// <summary>
        /// LoRaWAN 1.1 (§6.1.1, JSIntKey and JSEncKey derivation): JSEncKey (0x05) or JSIntKey (0x06) = aes128_encrypt(NwkKey, type | DevEUI | pad16).
        /// </summary>
        public void DeriveJoinServerKey(byte[] nwkKey, int keyOffset, byte keyType, ulong devEui, byte[] output, int outputOffset)
        {
            DeriveJoinServerKey(nwkKey, keyOffset, Aes128.NoGeneration, keyType, devEui, output, outputOffset);
        }

        /// <summary><see cref="DeriveJoinServerKey(byte[], int, byte, ulong, byte[], int)"/> with the NwkKey's generation (see <see cref="Derive10(byte[], int, int, byte, uint, uint, ushort, byte[], int)"/>).</summary>
        public void DeriveJoinServerKey(byte[] nwkKey, int keyOffset, int keyGeneration, byte keyType, ulong devEui, byte[] output, int outputOffset)
        {
            byte[] b = _block;
            Array.Clear(b, 0, 16);
            b[0] = keyType;
            for (int i = 0; i < 8; i++) b[1 + i] = (byte)(devEui >> (8 * i));
            Encrypt(nwkKey, keyOffset, keyGeneration, output, outputOffset);
        }

        void Encrypt(byte[] key, int keyOffset, int keyGeneration, byte[] output, int outputOffset)
        {
            _aes.UseKey(key, keyOffset, keyGeneration);
            _aes.EncryptBlock(_block, 0, output, outputOffset);
            Array.Clear(_block, 0, 16);
        }
    }
}
