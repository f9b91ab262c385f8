using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    /// <summary>
    /// Session-key derivation against shared/VECTORS.md: lora-packet (1.0) and The Things Stack
    /// pkg/crypto key-derivation tests (1.0 and 1.1; values there are MSB integers).
    /// </summary>
    [TestClass]
    public class KeyDerivationTests
    {
        const string TtsKey = "BEC499C69E9C939E413B663961636C61";
        const ushort TtsDevNonce = 0x7369;
        const uint TtsNetId = 0x020101;
        const uint TtsJoinNonce = 0xAE3B1C;
        const ulong TtsJoinEui = 0x0000001223224242;
        const ulong TtsDevEui = 0x0042004213424341;

        static string Derive10(string key, byte type, uint appNonce, uint netId, ushort devNonce)
        {
            byte[] output = new byte[16];
            new KeyDerivation().Derive10(TestHex.Bytes(key), 0, type, appNonce, netId, devNonce, output, 0);
            return TestHex.Of(output);
        }

        static string Derive11(byte type)
        {
            byte[] output = new byte[16];
            new KeyDerivation().Derive11(TestHex.Bytes(TtsKey), 0, type, TtsJoinNonce, TtsJoinEui, TtsDevNonce, output, 0);
            return TestHex.Of(output);
        }

        [TestMethod]
        public void Derive10_LoraPacket()
        {
            const string appKey = "98929B92C49EDBA9676D646D3B612456";
            Assert.AreEqual("4E3D6E6AFBCC67AF2BA3C8E8EC4ACF4B", Derive10(appKey, SessionKeyType.NwkSKey, 0x376338, 0xAABBCC, 0xF18E), "NwkSKey");
            Assert.AreEqual("610897AA6F1460623443B527D3AC6A9D", Derive10(appKey, SessionKeyType.AppSKey, 0x376338, 0xAABBCC, 0xF18E), "AppSKey");
        }

        [TestMethod]
        public void Derive10_TheThingsStack()
        {
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", Derive10(TtsKey, SessionKeyType.NwkSKey, TtsJoinNonce, TtsNetId, TtsDevNonce), "NwkSKey");
            Assert.AreEqual("8C1E0543A229088DE6F84E74BB46BD62", Derive10(TtsKey, SessionKeyType.AppSKey, TtsJoinNonce, TtsNetId, TtsDevNonce), "AppSKey");
        }

        [TestMethod]
        public void Derive11_TheThingsStack()
        {
            Assert.AreEqual("B035CCE24E4A040EB5CECBF21724412D", Derive11(SessionKeyType.AppSKey), "AppSKey");
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", Derive11(SessionKeyType.FNwkSIntKey), "FNwkSIntKey");
            Assert.AreEqual("63C59309D53485BC5164DBF71627AEB9", Derive11(SessionKeyType.SNwkSIntKey), "SNwkSIntKey");
            Assert.AreEqual("CE07A009A3970AC0519A099ED53E550B", Derive11(SessionKeyType.NwkSEncKey), "NwkSEncKey");
        }

        [TestMethod]
        public void DeriveJoinServerKeys_TheThingsStack()
        {
            var kd = new KeyDerivation();
            byte[] output = new byte[18];
            kd.DeriveJoinServerKey(TestHex.Bytes(TtsKey), 0, SessionKeyType.JSIntKey, TtsDevEui, output, 1);
            Assert.AreEqual("00" + "CB8E9EE114C3FB5CE472A5AA13AB1855" + "00", TestHex.Of(output), "JSIntKey at offset 1");
            kd.DeriveJoinServerKey(TestHex.Bytes(TtsKey), 0, SessionKeyType.JSEncKey, TtsDevEui, output, 0);
            Assert.AreEqual("BB711EEFB9829B4A75866F8616BACD6D", TestHex.Of(output, 0, 16), "JSEncKey");
        }

        [TestMethod]
        public void Derive_OneInstance_ManyKeysInARow()
        {
            // The same instance must not leak fields from one derivation into the next.
            var kd = new KeyDerivation();
            byte[] key = TestHex.Bytes(TtsKey);
            byte[] output = new byte[16];
            kd.Derive11(key, 0, SessionKeyType.FNwkSIntKey, TtsJoinNonce, TtsJoinEui, TtsDevNonce, output, 0);
            kd.DeriveJoinServerKey(key, 0, SessionKeyType.JSEncKey, TtsDevEui, output, 0);
            kd.Derive10(key, 0, SessionKeyType.NwkSKey, TtsJoinNonce, TtsNetId, TtsDevNonce, output, 0);
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", TestHex.Of(output));
            kd.Derive11(key, 0, SessionKeyType.SNwkSIntKey, TtsJoinNonce, TtsJoinEui, TtsDevNonce, output, 0);
            Assert.AreEqual("63C59309D53485BC5164DBF71627AEB9", TestHex.Of(output));
        }

        [TestMethod]
        public void Derive_RejectsNoncesWiderThan24Bits()
        {
            var kd = new KeyDerivation();
            byte[] key = new byte[16];
            byte[] output = new byte[16];
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => kd.Derive10(key, 0, 1, 0x1000000, 0, 0, output, 0));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => kd.Derive10(key, 0, 1, 0, 0x1000000, 0, output, 0));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => kd.Derive11(key, 0, 1, 0x1000000, 0, 0, output, 0));
        }
    }
}
