using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    /// <summary>
    /// Key identity by (array, offset, generation): an expanded key is reused without reading its bytes while the three
    /// are the same, and expanded again when any of them changes, when the schedule was cleared or replaced through the
    /// byte API. Expected values from shared/VECTORS.md (FIPS-197 C.1, lora-packet's frames) and The Things Stack's
    /// pkg/crypto vectors (key 01..01, DevAddr 01020304).
    /// </summary>
    [TestClass]
    public class KeyGenerationTests
    {
        const string FipsKey = "000102030405060708090A0B0C0D0E0F";
        const string FipsPlain = "00112233445566778899AABBCCDDEEFF";
        const string FipsCipher = "69C4E0D86A7B0430D8CDB78070B4C55A";
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const uint DevAddr = 0x49BE7DF1;
        const string TtsKey = "01010101010101010101010101010101";
        const uint TtsDevAddr = 0x01020304;
        const string TtsUplink = "40 04030201 00 0100 01 01020304";

        static void Write(byte[] array, string hex)
        {
            byte[] b = TestHex.Bytes(hex);
            for (int i = 0; i < 16; i++) array[i] = b[i];
        }

        static string Encrypt(Aes128 aes)
        {
            byte[] output = new byte[16];
            aes.EncryptBlock(TestHex.Bytes(FipsPlain), 0, output, 0);
            return TestHex.Of(output);
        }

        [TestMethod]
        public void UseKey_SameArrayOffsetAndGeneration_DoesNotExpandAgain()
        {
            var aes = new Aes128();
            byte[] key = TestHex.Bytes(FipsKey);
            Assert.IsTrue(aes.UseKey(key, 0, 1), "first use expands");
            Assert.IsFalse(aes.UseKey(key, 0, 1), "same identity: reused");
            Assert.IsTrue(aes.IsKey(key, 0, 1));
            Assert.IsTrue(aes.UseKey(key, 0, 2), "a new generation expands");
            Assert.IsTrue(aes.UseKey(TestHex.Bytes(FipsKey), 0, 2), "another array with the same bytes and generation expands");
            Assert.AreEqual(FipsCipher, Encrypt(aes));
        }

        [TestMethod]
        public void UseKey_BytesRewrittenAndGenerationChanged_EncryptsWithTheNewKey()
        {
            var aes = new Aes128();
            byte[] key = TestHex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C");
            aes.UseKey(key, 0, 7);
            Write(key, FipsKey);
            Assert.IsTrue(aes.UseKey(key, 0, 8));
            Assert.AreEqual(FipsCipher, Encrypt(aes), "FIPS-197 C.1 under the rewritten key");
        }

        [TestMethod]
        public void Clear_ForgetsTheIdentity()
        {
            var aes = new Aes128();
            byte[] key = TestHex.Bytes(FipsKey);
            aes.UseKey(key, 0, 1);
            aes.Clear();
            Assert.IsFalse(aes.IsKey(key, 0, 1));
            Assert.IsTrue(aes.UseKey(key, 0, 1), "a cleared schedule is expanded again");
            Assert.AreEqual(FipsCipher, Encrypt(aes));
        }

        [TestMethod]
        public void SetKey_ForgetsTheIdentity()
        {
            var aes = new Aes128();
            byte[] key = TestHex.Bytes(FipsKey);
            aes.UseKey(key, 0, 1);
            aes.SetKey(TestHex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"), 0);
            Assert.IsFalse(aes.IsKey(key, 0, 1));
            Assert.IsTrue(aes.UseKey(key, 0, 1), "the schedule now holds another key");
            Assert.AreEqual(FipsCipher, Encrypt(aes));
        }

        [TestMethod]
        public void NoGeneration_ComparesTheBytes()
        {
            var aes = new Aes128();
            byte[] key = TestHex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C");
            Assert.IsTrue(aes.UseKey(key, 0, Aes128.NoGeneration));
            Assert.IsFalse(aes.UseKey(key, 0, Aes128.NoGeneration), "same bytes");
            Write(key, FipsKey);
            Assert.IsTrue(aes.UseKey(key, 0, Aes128.NoGeneration), "bytes changed under the same array");
            Assert.AreEqual(FipsCipher, Encrypt(aes));
        }

        [TestMethod]
        public void AesCmac_GenerationChanged_NewSubkeys()
        {
            // The same array first holds The Things Stack's key, then lora-packet's NwkSKey: the MIC (B0 | msg through
            // DataMic) follows the bytes because the generation moved.
            var mic = new DataMic();
            byte[] key = TestHex.Bytes(TtsKey);
            byte[] msg = TestHex.Bytes(TtsUplink);
            byte[] m = new byte[4];
            mic.Compute10(key, 0, 1, FrameDirection.Uplink, TtsDevAddr, 1, msg, 0, msg.Length, m, 0);
            Assert.AreEqual("3B073182", TestHex.Of(m), "ComputeLegacyUplinkMIC");
            mic.Compute10(key, 0, 1, FrameDirection.Uplink, TtsDevAddr, 1, msg, 0, msg.Length, m, 0);
            Assert.AreEqual("3B073182", TestHex.Of(m), "same key, reused");
            Write(key, NwkSKey);
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            mic.Compute10(key, 0, 2, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length - 4, m, 0);
            Assert.AreEqual("2B11FF0D", TestHex.Of(m), "lora-packet uplink MIC under the rewritten key");
            Assert.IsTrue(mic.Verify10(key, 0, 2, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length));
            Write(key, TtsKey);
            Assert.IsTrue(mic.Verify10(key, 0, 3, FrameDirection.Downlink, TtsDevAddr, 1, Append(msg, "A5609FA9"), 0, msg.Length + 4),
                "ComputeLegacyDownlinkMIC under the key written back");
        }

        [TestMethod]
        public void DataMic11_OneGenerationForBothKeys()
        {
            var mic = new DataMic();
            byte[] s = TestHex.Bytes(NwkSKey), f = TestHex.Bytes(AppSKey);
            byte[] msg = TestHex.Bytes(TtsUplink);
            byte[] m = new byte[4];
            mic.ComputeUplink11(s, 0, f, 0, 1, 0, 0, 0, TtsDevAddr, 1, msg, 0, msg.Length, m, 0);
            Write(s, TtsKey);
            Write(f, TtsKey);
            mic.ComputeUplink11(s, 0, f, 0, 2, 0, 0, 0, TtsDevAddr, 1, msg, 0, msg.Length, m, 0);
            Assert.AreEqual("3B073B07", TestHex.Of(m), "ComputeUplinkMIC with both keys rewritten");
            Write(s, NwkSKey);
            mic.ComputeDownlink11(s, 0, 3, 0, TtsDevAddr, 1, msg, 0, msg.Length, m, 0);
            Write(s, TtsKey);
            Assert.IsTrue(mic.VerifyDownlink11(s, 0, 4, 0, TtsDevAddr, 1, Append(msg, "A5609FA9"), 0, msg.Length + 4), "ComputeDownlinkMIC");
        }

        [TestMethod]
        public void PayloadCipher_GenerationChanged_UsesTheNewKeyInEitherSlot()
        {
            var cipher = new PayloadCipher();
            byte[] key = TestHex.Bytes(AppSKey);
            byte[] other = TestHex.Bytes(NwkSKey);
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            cipher.DecryptFrmPayload(key, 0, 1, FrameDirection.Uplink, DevAddr, 2, frame, 9, 4);
            Assert.AreEqual("74657374", TestHex.Of(frame, 9, 4), "lora-packet: 'test'");
            byte[] fopts = TestHex.Bytes("01020304");
            cipher.EncryptFOpts(other, 0, 1, FCntType.FCntUp, TtsDevAddr, 1, fopts, 0, 4);   // the second slot
            // Both slots hold keys of generation 1; the first array now holds The Things Stack's key (generation 2).
            Write(key, TtsKey);
            byte[] b = TestHex.Bytes("01020304");
            cipher.EncryptFrmPayload(key, 0, 2, FrameDirection.Uplink, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("CFF30B4E", TestHex.Of(b), "EncryptUplink under the rewritten key");
            b = TestHex.Bytes("01020304");
            Write(other, TtsKey);
            cipher.EncryptFOpts(other, 0, 2, FCntType.FCntUp, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("23615F18", TestHex.Of(b), "FOpts uplink under the rewritten second key");
            cipher.DecryptFOpts(other, 0, 2, FCntType.FCntUp, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("01020304", TestHex.Of(b));
        }

        [TestMethod]
        public void OneSchedule_SharedByTheCipherTheJoinCryptoAndTheKeyDerivation_EachUsesItsOwnKey()
        {
            // The MAC's layout (issue 20): the join's crypto and the payload cipher's second slot on one Aes128. Interleaved
            // uses, each must still get its own key's result (shared/VECTORS.md: lora-packet's frame, the join-accept under
            // the zero AppKey, lora-packet's 1.0 NwkSKey; The Things Stack's FOpts vector).
            var shared = new Aes128();
            var cipher = new PayloadCipher(shared);
            var join = new JoinCrypto(shared);
            var kd = new KeyDerivation(shared);
            byte[] appSKey = TestHex.Bytes(AppSKey);
            byte[] tts = TestHex.Bytes(TtsKey);
            byte[] zero = new byte[16];
            byte[] root = TestHex.Bytes("98929B92C49EDBA9676D646D3B612456");
            byte[] output = new byte[16];
            for (int round = 0; round < 2; round++)
            {
                byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
                cipher.DecryptFrmPayload(appSKey, 0, 1, FrameDirection.Uplink, DevAddr, 2, frame, 9, 4);
                Assert.AreEqual("74657374", TestHex.Of(frame, 9, 4), "lora-packet: 'test', round " + round.ToString());
                byte[] fopts = TestHex.Bytes("01020304");
                cipher.EncryptFOpts(tts, 0, 1, FCntType.FCntUp, TtsDevAddr, 1, fopts, 0, 4);   // into the shared slot
                Assert.AreEqual("23615F18", TestHex.Of(fopts), "FOpts uplink, round " + round.ToString());
                byte[] accept = TestHex.Bytes("20E3DE108795F776B8037610EF7869B5B3");
                Assert.IsTrue(join.DecryptJoinAccept(zero, 0, 1, accept, 0, accept.Length));
                Assert.AreEqual("20000000000000000000000000F86F0A91", TestHex.Of(accept), "join-accept, round " + round.ToString());
                kd.Derive10(root, 0, 1, SessionKeyType.NwkSKey, 0x376338, 0xAABBCC, 0xF18E, output, 0);
                Assert.AreEqual("4E3D6E6AFBCC67AF2BA3C8E8EC4ACF4B", TestHex.Of(output), "NwkSKey, round " + round.ToString());
            }
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new PayloadCipher(null));
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new JoinCrypto(null));
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new KeyDerivation(null));
        }

        [TestMethod]
        public void OneCmac_SharedByTheJoinCryptoAndTheDataMic_EachUsesItsOwnKey()
        {
            // A LoRaWAN 1.0.x MAC's layout (issue 20): its join MICs and its data MIC on one AesCmac. Interleaved, with the same
            // generation number for every key (only the arrays differ), each must still get its own key's MIC
            // (shared/VECTORS.md: lora-packet's Join-request and uplink, the join-accept under the zero AppKey).
            var cmac = new AesCmac();
            var join = new JoinCrypto(new Aes128(), cmac);
            var mic = new DataMic(false, cmac);
            byte[] root = TestHex.Bytes("98929B92C49EDBA9676D646D3B612456");
            byte[] zero = new byte[16];
            byte[] nwkSKey = TestHex.Bytes(NwkSKey);
            byte[] request = TestHex.Bytes("0039363463336913AA05693574323831330489C65B1304");
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            byte[] m = new byte[4];
            for (int round = 0; round < 2; round++)
            {
                join.ComputeRequestMic(root, 0, 1, request, 0, 19, m, 0);
                Assert.AreEqual("C65B1304", TestHex.Of(m), "Join-request MIC, round " + round.ToString());
                mic.Compute10(nwkSKey, 0, 1, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length - 4, m, 0);
                Assert.AreEqual("2B11FF0D", TestHex.Of(m), "uplink MIC after the join's key, round " + round.ToString());
                byte[] accept = TestHex.Bytes("20E3DE108795F776B8037610EF7869B5B3");
                Assert.IsTrue(join.DecryptJoinAccept(zero, 0, 1, accept, 0, accept.Length));
                Assert.IsTrue(join.VerifyJoinAcceptMic10(zero, 0, 1, accept, 0, accept.Length), "join-accept MIC after the data key, round " + round.ToString());
                Assert.IsTrue(mic.Verify10(nwkSKey, 0, 1, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length), "uplink MIC again, round " + round.ToString());
            }
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new JoinCrypto(new Aes128(), null));
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new DataMic(false, null));
        }

        [TestMethod]
        public void JoinCrypto_RootKeyRewrittenWithANewGeneration_SignsAndOpensWithTheNewKey()
        {
            // lora-packet's Join-request under AppKey 9892..., then the join-accept encrypted under an all-zero AppKey
            // (shared/VECTORS.md), both with the one array and JoinCrypto instance.
            var join = new JoinCrypto();
            byte[] root = TestHex.Bytes("98929B92C49EDBA9676D646D3B612456");
            byte[] request = TestHex.Bytes("0039363463336913AA05693574323831330489C65B1304");
            byte[] mic = new byte[4];
            join.ComputeRequestMic(root, 0, 1, request, 0, 19, mic, 0);
            Assert.AreEqual("C65B1304", TestHex.Of(mic), "Join-request MIC");
            for (int i = 0; i < 16; i++) root[i] = 0;
            byte[] accept = TestHex.Bytes("20E3DE108795F776B8037610EF7869B5B3");
            Assert.IsTrue(join.DecryptJoinAccept(root, 0, 2, accept, 0, accept.Length));
            Assert.AreEqual("20000000000000000000000000F86F0A91", TestHex.Of(accept), "plaintext and MIC");
            Assert.IsTrue(join.VerifyJoinAcceptMic10(root, 0, 2, accept, 0, accept.Length), "MIC F86F0A91 under the zero key");
        }

        [TestMethod]
        public void KeyDerivation_RootKeyRewrittenWithANewGeneration_DerivesFromTheNewKey()
        {
            // shared/VECTORS.md: lora-packet's 1.0 session keys, then The Things Stack's 1.1 and join-server keys, from one array.
            var kd = new KeyDerivation();
            byte[] root = TestHex.Bytes("98929B92C49EDBA9676D646D3B612456");
            byte[] output = new byte[16];
            kd.Derive10(root, 0, 1, SessionKeyType.NwkSKey, 0x376338, 0xAABBCC, 0xF18E, output, 0);
            Assert.AreEqual("4E3D6E6AFBCC67AF2BA3C8E8EC4ACF4B", TestHex.Of(output), "NwkSKey");
            kd.Derive10(root, 0, 1, SessionKeyType.AppSKey, 0x376338, 0xAABBCC, 0xF18E, output, 0);
            Assert.AreEqual("610897AA6F1460623443B527D3AC6A9D", TestHex.Of(output), "AppSKey (root key reused)");
            Write(root, "BEC499C69E9C939E413B663961636C61");
            kd.Derive11(root, 0, 2, SessionKeyType.FNwkSIntKey, 0xAE3B1C, 0x0000001223224242, 0x7369, output, 0);
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", TestHex.Of(output), "FNwkSIntKey under the rewritten key");
            kd.DeriveJoinServerKey(root, 0, 2, SessionKeyType.JSIntKey, 0x0042004213424341, output, 0);
            Assert.AreEqual("CB8E9EE114C3FB5CE472A5AA13AB1855", TestHex.Of(output), "JSIntKey");
        }

        static byte[] Append(byte[] message, string micHex)
        {
            byte[] mic = TestHex.Bytes(micHex);
            byte[] all = new byte[message.Length + 4];
            System.Array.Copy(message, all, message.Length);
            System.Array.Copy(mic, 0, all, message.Length, 4);
            return all;
        }
    }
}
