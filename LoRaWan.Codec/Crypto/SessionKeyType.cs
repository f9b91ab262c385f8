namespace LoRaWan.Crypto
{
    /// <summary>
    /// The first byte of the key-derivation block, naming the key it derives
    /// (LoRaWAN 1.0.2 §6.2.5 = 1.0.4 §6.2.6; LoRaWAN 1.1 §6.2.3 and §6.1.1).
    /// </summary>
    public static class SessionKeyType
    {
        /// <summary>LoRaWAN 1.0.x NwkSKey = aes128_encrypt(AppKey, 0x01 | AppNonce | NetID | DevNonce | pad16).</summary>
        public const byte NwkSKey = 0x01;

        /// <summary>LoRaWAN 1.1 FNwkSIntKey = aes128_encrypt(NwkKey, 0x01 | JoinNonce | JoinEUI | DevNonce | pad16).</summary>
        public const byte FNwkSIntKey = 0x01;

        /// <summary>AppSKey: 1.0.x from AppKey with NetID; 1.1 from AppKey with JoinEUI.</summary>
        public const byte AppSKey = 0x02;

        /// <summary>LoRaWAN 1.1 SNwkSIntKey = aes128_encrypt(NwkKey, 0x03 | JoinNonce | JoinEUI | DevNonce | pad16).</summary>
        public const byte SNwkSIntKey = 0x03;

        /// <summary>LoRaWAN 1.1 NwkSEncKey = aes128_encrypt(NwkKey, 0x04 | JoinNonce | JoinEUI | DevNonce | pad16).</summary>
        public const byte NwkSEncKey = 0x04;

        /// <summary>LoRaWAN 1.1 JSEncKey = aes128_encrypt(NwkKey, 0x05 | DevEUI | pad16).</summary>
        public const byte JSEncKey = 0x05;

        /// <summary>LoRaWAN 1.1 JSIntKey = aes128_encrypt(NwkKey, 0x06 | DevEUI | pad16).</summary>
        public const byte JSIntKey = 0x06;
    }
}
