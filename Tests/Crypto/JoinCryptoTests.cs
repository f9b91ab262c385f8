using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    /// <summary>
    /// Join-request / Rejoin-request MIC, Join-accept decryption and MIC (1.0 and 1.1 forms) against
    /// shared/VECTORS.md (lora-packet) and The Things Stack's pkg/crypto join_messages_test.go.
    /// </summary>
    [TestClass]
    public class JoinCryptoTests
    {
        const string AppKey = "98929B92C49EDBA9676D646D3B612456";
        const string OnesKey = "01010101010101010101010101010101";

        static string RequestMic(string key, string message)
        {
            byte[] m = TestHex.Bytes(message);
            byte[] mic = new byte[4];
            new JoinCrypto().ComputeRequestMic(TestHex.Bytes(key), 0, m, 0, m.Length, mic, 0);
            return TestHex.Of(mic);
        }

        [TestMethod]
        public void JoinRequestMic_LoraPacket()
        {
            byte[] frame = TestHex.Bytes("0039363463336913AA05693574323831330489C65B1304");
            byte[] mic = new byte[4];
            var join = new JoinCrypto();
            join.ComputeRequestMic(TestHex.Bytes(AppKey), 0, frame, 0, 19, mic, 0);
            Assert.AreEqual("C65B1304", TestHex.Of(mic));
            Assert.IsTrue(join.VerifyRequestMic(TestHex.Bytes(AppKey), 0, frame, 0, frame.Length));
            frame[17] ^= 0x01; // DevNonce
            Assert.IsFalse(join.VerifyRequestMic(TestHex.Bytes(AppKey), 0, frame, 0, frame.Length));
        }

        [TestMethod]
        public void JoinRequestMic_TheThingsStack()
        {
            Assert.AreEqual("E6E10C55", RequestMic(OnesKey, "00 0807060504030201 0807060504030201 0201"));
        }

        [TestMethod]
        public void RejoinRequestMic_TheThingsStack()
        {
            Assert.AreEqual("11DA47BD", RequestMic(OnesKey, "C0 00 030201 0807060504030201 0201"), "type 0");
            Assert.AreEqual("67F9ABE7", RequestMic(OnesKey, "C0 01 0807060504030201 0807060504030201 0201"), "type 1");
            Assert.AreEqual("2B459CF0", RequestMic(OnesKey, "C0 02 030201 0807060504030201 0201"), "type 2");
        }

        [TestMethod]
        public void JoinAcceptMic10_LoraPacket()
        {
            byte[] plain = TestHex.Bytes("20386337CCBBAAE7CD2C010000D9D0A6E7");
            byte[] mic = new byte[4];
            var join = new JoinCrypto();
            join.ComputeJoinAcceptMic10(TestHex.Bytes(AppKey), 0, plain, 0, 13, mic, 0);
            Assert.AreEqual("D9D0A6E7", TestHex.Of(mic));
            Assert.IsTrue(join.VerifyJoinAcceptMic10(TestHex.Bytes(AppKey), 0, plain, 0, plain.Length));
            plain[10] ^= 0x80; // DevAddr
            Assert.IsFalse(join.VerifyJoinAcceptMic10(TestHex.Bytes(AppKey), 0, plain, 0, plain.Length));
        }

        [TestMethod]
        public void DecryptJoinAccept_AllZeroAppKey_VectorsFile()
        {
            byte[] frame = TestHex.Bytes("20E3DE108795F776B8037610EF7869B5B3");
            var join = new JoinCrypto();
            byte[] zeroKey = new byte[16];
            Assert.IsTrue(join.DecryptJoinAccept(zeroKey, 0, frame, 0, frame.Length));
            Assert.AreEqual("20" + "000000" + "000000" + "00000000" + "00" + "00" + "F86F0A91", TestHex.Of(frame));
            Assert.IsTrue(join.VerifyJoinAcceptMic10(zeroKey, 0, frame, 0, frame.Length));
        }

        [TestMethod]
        public void DecryptJoinAccept_TheThingsStack()
        {
            // TTS TestJoinAcceptEncryption (the vector omits MHDR; 0x20 is prepended here).
            byte[] frame = TestHex.Bytes("20 C9FBB259E11649096A568A9E3B7117C3");
            var join = new JoinCrypto();
            Assert.IsTrue(join.DecryptJoinAccept(TestHex.Bytes(OnesKey), 0, frame, 0, frame.Length));
            Assert.AreEqual("20" + "030201" + "030201" + "04030201" + "00" + "01" + "32F54AB3", TestHex.Of(frame));
            Assert.IsTrue(join.VerifyJoinAcceptMic10(TestHex.Bytes(OnesKey), 0, frame, 0, frame.Length), "TTS ComputeLegacyJoinAcceptMIC 32F54AB3");
        }

        [TestMethod]
        public void DecryptJoinAccept_WithCFList_DecryptsBothBlocksIndependently()
        {
            // ECB: each 16-byte block after MHDR is AES-encrypted on its own (checked against Aes128, which FIPS-197 pins).
            byte[] frame = new byte[1 + 33];
            for (int i = 0; i < frame.Length; i++) frame[i] = (byte)(i * 7 + 1);
            byte[] original = (byte[])frame.Clone();
            Assert.IsTrue(new JoinCrypto().DecryptJoinAccept(TestHex.Bytes(OnesKey), 0, frame, 1, 33));
            var aes = new Aes128();
            aes.SetKey(TestHex.Bytes(OnesKey), 0);
            byte[] expected = (byte[])original.Clone();
            aes.EncryptBlock(expected, 2, expected, 2);
            aes.EncryptBlock(expected, 18, expected, 18);
            Assert.AreEqual(TestHex.Of(expected), TestHex.Of(frame));
        }

        [TestMethod]
        public void DecryptJoinAccept_WrongLength_ReturnsFalseAndLeavesBufferAlone()
        {
            var join = new JoinCrypto();
            byte[] key = TestHex.Bytes(OnesKey);
            int[] lengths = { 0, 16, 18, 32, 34 };
            foreach (int length in lengths)
            {
                byte[] frame = new byte[40];
                for (int i = 0; i < frame.Length; i++) frame[i] = (byte)i;
                Assert.IsFalse(join.DecryptJoinAccept(key, 0, frame, 0, length), "length " + length.ToString());
                for (int i = 0; i < frame.Length; i++) Assert.AreEqual((byte)i, frame[i], "untouched, length " + length.ToString());
            }
            Assert.IsFalse(join.DecryptJoinAccept(key, 0, new byte[20], 4, 17), "runs past the end");
            Assert.IsFalse(join.VerifyJoinAcceptMic10(key, 0, new byte[20], 0, 20), "verify: wrong length");
        }

        [TestMethod]
        public void JoinAcceptMic11_TheThingsStack()
        {
            // TTS TestComputeJoinAcceptMIC: JSIntKey 01.., JoinReqType 0xFF, JoinEUI 0807060504030201 (MSB),
            // DevNonce 0201 (MSB), payload MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay.
            byte[] message = TestHex.Bytes("20 030201 030201 04030201 00 01");
            byte[] mic = new byte[4];
            var join = new JoinCrypto();
            join.ComputeJoinAcceptMic11(TestHex.Bytes(OnesKey), 0, JoinCrypto.JoinRequestType, 0x0807060504030201, 0x0201, message, 0, message.Length, mic, 0);
            Assert.AreEqual("48E9BE5F", TestHex.Of(mic));

            byte[] frame = TestHex.Bytes("20 030201 030201 04030201 00 01 48E9BE5F");
            Assert.IsTrue(join.VerifyJoinAcceptMic11(TestHex.Bytes(OnesKey), 0, 0xFF, 0x0807060504030201, 0x0201, frame, 0, frame.Length));
            Assert.IsFalse(join.VerifyJoinAcceptMic11(TestHex.Bytes(OnesKey), 0, 0x00, 0x0807060504030201, 0x0201, frame, 0, frame.Length), "JoinReqType is covered");
            Assert.IsFalse(join.VerifyJoinAcceptMic11(TestHex.Bytes(OnesKey), 0, 0xFF, 0x0807060504030200, 0x0201, frame, 0, frame.Length), "JoinEUI is covered");
            Assert.IsFalse(join.VerifyJoinAcceptMic11(TestHex.Bytes(OnesKey), 0, 0xFF, 0x0807060504030201, 0x0202, frame, 0, frame.Length), "DevNonce is covered");
            Assert.IsFalse(join.VerifyJoinAcceptMic10(TestHex.Bytes(OnesKey), 0, frame, 0, frame.Length), "the 1.0 form differs");
        }
    }
}
