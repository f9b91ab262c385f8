using LoRaWan.Crypto;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The network's AES-128 inverse cipher against FIPS-197 (Appendix C.1 and Appendix B, read in the decrypt
    /// direction) and the Join-accept encryption vector of shared/VECTORS.md.
    /// </summary>
    [TestClass]
    public class AesDecryptTests
    {
        static string Decrypt(string key, string cipherText)
        {
            var aes = new AesDecrypt();
            aes.SetKey(TestHex.Bytes(key), 0);
            byte[] output = new byte[16];
            aes.DecryptBlock(TestHex.Bytes(cipherText), 0, output, 0);
            return TestHex.Of(output);
        }

        [TestMethod]
        public void Fips197_C1_Decrypt()
        {
            Assert.AreEqual("00112233445566778899AABBCCDDEEFF",
                Decrypt("000102030405060708090A0B0C0D0E0F", "69C4E0D86A7B0430D8CDB78070B4C55A"));
        }

        [TestMethod]
        public void Fips197_AppendixB_Decrypt()
        {
            Assert.AreEqual("3243F6A8885A308D313198A2E0370734",
                Decrypt("2B7E151628AED2A6ABF7158809CF4F3C", "3925841D02DC09FBDC118597196A0B32"));
        }

        [TestMethod]
        public void DecryptBlock_InPlaceAtOffset()
        {
            byte[] buffer = TestHex.Bytes("AAAA 69C4E0D86A7B0430D8CDB78070B4C55A BBBB");
            byte[] key = TestHex.Bytes("FF 000102030405060708090A0B0C0D0E0F");
            var aes = new AesDecrypt();
            aes.SetKey(key, 1);
            aes.DecryptBlock(buffer, 2, buffer, 2);
            Assert.AreEqual("AAAA00112233445566778899AABBCCDDEEFFBBBB", TestHex.Of(buffer));
        }

        [TestMethod]
        public void UseKey_SwitchesKeys()
        {
            var aes = new AesDecrypt();
            aes.UseKey(TestHex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"), 0);
            aes.UseKey(TestHex.Bytes("000102030405060708090A0B0C0D0E0F"), 0);
            byte[] block = TestHex.Bytes("69C4E0D86A7B0430D8CDB78070B4C55A");
            aes.DecryptBlock(block, 0, block, 0);
            Assert.AreEqual("00112233445566778899AABBCCDDEEFF", TestHex.Of(block));
        }

        [TestMethod]
        public void JoinAcceptCipher_AllZeroAppKey_MatchesVector()
        {
            // shared/VECTORS.md: plaintext 20 000000 000000 00000000 00 00 with MIC F86F0A91 → on air 20E3DE10...B5B3.
            byte[] frame = TestHex.Bytes("20 000000 000000 00000000 00 00 F86F0A91");
            Assert.IsTrue(new JoinAcceptCipher().Encrypt(new byte[16], 0, frame, 0, frame.Length));
            Assert.AreEqual("20E3DE108795F776B8037610EF7869B5B3", TestHex.Of(frame));
        }

        [TestMethod]
        public void JoinAcceptCipher_WithCfList_DeviceDecryptsBothBlocks()
        {
            byte[] key = TestHex.Bytes("98929B92C49EDBA9676D646D3B612456");
            byte[] plain = TestHex.Bytes("20 386337 CCBBAA E7CD2C01 00 00 18F384 E8F684 B8FA84 88FE84 580285 00 01020304");
            byte[] frame = TestHex.Bytes(TestHex.Of(plain));
            Assert.IsTrue(new JoinAcceptCipher().Encrypt(key, 0, frame, 0, frame.Length));
            Assert.AreNotEqual(TestHex.Of(plain), TestHex.Of(frame), "encrypted");
            Assert.AreEqual((byte)0x20, frame[0], "MHDR stays in clear");
            Assert.IsTrue(new JoinCrypto().DecryptJoinAccept(key, 0, frame, 0, frame.Length));
            Assert.AreEqual(TestHex.Of(plain), TestHex.Of(frame));
        }

        [TestMethod]
        public void JoinAcceptCipher_RejectsOtherLengths()
        {
            byte[] frame = new byte[18];
            Assert.IsFalse(new JoinAcceptCipher().Encrypt(new byte[16], 0, frame, 0, 18));
            Assert.IsFalse(new JoinAcceptCipher().Encrypt(new byte[16], 0, frame, 2, 17), "outside the buffer");
            for (int i = 0; i < frame.Length; i++) Assert.AreEqual((byte)0, frame[i]);
        }
    }
}
