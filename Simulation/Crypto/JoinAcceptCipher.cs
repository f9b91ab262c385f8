namespace LoRaWan.Simulation
{
    /// <summary>
    /// The network side of Join-accept encryption (LoRaWAN 1.0.2 §6.2.5, 1.0.4 §6.2.6):
    /// <c>aes128_decrypt(AppKey, JoinNonce | NetID | DevAddr | DLSettings | RxDelay | [CFList] | MIC)</c>, block by
    /// block in ECB mode, MHDR left in clear. The end-device undoes it with aes128_encrypt
    /// (<see cref="LoRaWan.Crypto.JoinCrypto.DecryptJoinAccept"/>). Allocates nothing per call.
    /// </summary>
    public sealed class JoinAcceptCipher
    {
        /// <summary>Join-accept length without CFList (MHDR + 12 + MIC).</summary>
        public const int Length = 17;

        /// <summary>Join-accept length with the 16-byte CFList.</summary>
        public const int LengthWithCfList = 33;

        readonly AesDecrypt _aes = new AesDecrypt();

        /// <summary>
        /// Encrypts, in place, a plaintext Join-accept PHYPayload whose MIC is already stored. Returns false and
        /// changes nothing unless <paramref name="length"/> is 17 or 33 and the bytes are inside the buffer.
        /// </summary>
        public bool Encrypt(byte[] key, int keyOffset, byte[] phyPayload, int offset, int length)
        {
            if (phyPayload == null || (length != Length && length != LengthWithCfList)) return false;
            if (offset < 0 || offset > phyPayload.Length - length) return false;
            _aes.UseKey(key, keyOffset);
            for (int p = offset + 1; p < offset + length; p += AesDecrypt.BlockSize)
                _aes.DecryptBlock(phyPayload, p, phyPayload, p);
            return true;
        }
    }
}
