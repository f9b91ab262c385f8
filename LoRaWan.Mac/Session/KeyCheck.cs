using LoRaWan.Crypto;

namespace LoRaWan.Session
{
    /// <summary>
    /// A 4-byte fingerprint of a key — the first bytes of AES-128(key, 0¹⁶), the "key check value" of payment and
    /// smart-card practice — stored with persisted state so that state made with other keys is never trusted. It
    /// reveals nothing useful about the key. Computed once at start-up, not per frame.
    /// </summary>
    public static class KeyCheck
    {
        /// <summary>The check value of the 16-byte <paramref name="key"/>.</summary>
        public static uint Of(byte[] key)
        {
            var aes = new Aes128();
            aes.SetKey(key, 0);
            var block = new byte[16];
            aes.EncryptBlock(block, 0, block, 0);
            return (uint)((block[0] << 24) | (block[1] << 16) | (block[2] << 8) | block[3]);
        }
    }
}
