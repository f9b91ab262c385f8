using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Session
{
    /// <summary>
    /// Every write of the session keys changes <see cref="SessionKeys.Generation"/>, so the MAC's crypto, which reuses an
    /// expanded key while (array, offset, generation) are unchanged, never signs or encrypts with a key that was replaced:
    /// a join, the 1.1 derivation, ABP personalisation (1.0 and 1.1), a session restored from flash. The MIC and payload
    /// checks are lora-packet's vectors (shared/VECTORS.md) computed through one DataMic / PayloadCipher kept across the
    /// change, as the MAC keeps its own.
    /// </summary>
    [TestClass]
    public class SessionKeyGenerationTests
    {
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const string OtherKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const string UplinkFrame = "40F17DBE4900020001954378762B11FF0D";   // FCnt 2, FPort 1, "test", MIC 2B11FF0D
        const uint DevAddr = 0x49BE7DF1;
        const string JoinAppKey = "98929B92C49EDBA9676D646D3B612456";

        static DeviceSession NewSession(SimulatedFlash flash)
        {
            return new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
        }

        static SimulatedFlash NewFlash() { return new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize); }

        // Uses both keys through the given crypto objects with the session's generation (what the MAC does every frame).
        static void Use(DeviceSession s, DataMic mic, PayloadCipher cipher)
        {
            byte[] frame = TestHex.Bytes(UplinkFrame);
            mic.Verify10(s.NwkSKey, 0, s.Keys.Generation, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length);
            cipher.DecryptFrmPayload(s.AppSKey, 0, s.Keys.Generation, FrameDirection.Uplink, DevAddr, 2, frame, 9, 4);
        }

        // The lora-packet uplink verifies and decrypts under the session's current keys and generation.
        static void AssertLoraPacketKeys(DeviceSession s, DataMic mic, PayloadCipher cipher, string what)
        {
            byte[] frame = TestHex.Bytes(UplinkFrame);
            Assert.IsTrue(mic.Verify10(s.NwkSKey, 0, s.Keys.Generation, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length), what + ": MIC 2B11FF0D");
            cipher.DecryptFrmPayload(s.AppSKey, 0, s.Keys.Generation, FrameDirection.Uplink, DevAddr, 2, frame, 9, 4);
            Assert.AreEqual("74657374", TestHex.Of(frame, 9, 4), what + ": FRMPayload 'test'");
        }

        static void Fill(byte[] key, string hex)
        {
            byte[] b = TestHex.Bytes(hex);
            System.Array.Copy(b, key, 16);
        }

        [TestMethod]
        public void Personalize10_AfterAJoin_TheNextFrameUsesThePersonalisedKeys()
        {
            DeviceSession s = NewSession(NewFlash());
            var mic = new DataMic();
            var cipher = new PayloadCipher();
            Join(s);
            Use(s, mic, cipher);   // the joined keys are expanded now
            int before = s.Keys.Generation;
            s.Keys.Personalize(TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), null, null);
            Assert.AreNotEqual(before, s.Keys.Generation);
            Assert.IsFalse(s.Keys.Separate);
            Assert.AreEqual(NwkSKey, TestHex.Of(s.Keys.SNwkSIntKey), "one network key");
            AssertLoraPacketKeys(s, mic, cipher, "ABP 1.0");
        }

        [TestMethod]
        public void Personalize11_ReplacesAllFourKeys_AndTheGeneration()
        {
            DeviceSession s = NewSession(NewFlash());
            var mic = new DataMic();
            var cipher = new PayloadCipher();
            s.Keys.Personalize(TestHex.Bytes(OtherKey), TestHex.Bytes(OtherKey), TestHex.Bytes(OtherKey), TestHex.Bytes(OtherKey));
            Use(s, mic, cipher);
            int before = s.Keys.Generation;
            s.Keys.Personalize(TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), TestHex.Bytes(OtherKey), TestHex.Bytes(JoinAppKey));
            Assert.AreNotEqual(before, s.Keys.Generation);
            Assert.IsTrue(s.Keys.Separate);
            Assert.AreEqual(OtherKey, TestHex.Of(s.Keys.SNwkSIntKey));
            Assert.AreEqual(JoinAppKey, TestHex.Of(s.Keys.NwkSEncKey));
            AssertLoraPacketKeys(s, mic, cipher, "ABP 1.1");
        }

        [TestMethod]
        public void Load_AfterAJoin_TheNextFrameUsesTheRestoredKeys()
        {
            SimulatedFlash flash = NewFlash();
            DeviceSession saved = NewSession(flash);
            saved.Keys.Personalize(TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), null, null);
            saved.Active = true;
            saved.DevAddr = DevAddr;
            saved.Save(16);

            DeviceSession s = NewSession(flash);
            var mic = new DataMic();
            var cipher = new PayloadCipher();
            Join(s);
            Use(s, mic, cipher);
            int before = s.Keys.Generation;
            Assert.IsTrue(s.Load());
            Assert.AreNotEqual(before, s.Keys.Generation);
            AssertLoraPacketKeys(s, mic, cipher, "restored session");
        }

        [TestMethod]
        public void JoinAccept_AfterAnAbpSession_ChangesTheGeneration_AndTheNextFrameUsesTheDerivedKeys()
        {
            DeviceSession s = NewSession(NewFlash());
            var mic = new DataMic();
            var cipher = new PayloadCipher();
            s.Keys.Personalize(TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), null, null);
            AssertLoraPacketKeys(s, mic, cipher, "before the join");
            int before = s.Keys.Generation;
            Join(s);
            Assert.AreNotEqual(before, s.Keys.Generation);
            // VECTORS.md session keys 1.0 from the join: NwkSKey 4E3D6E6A..., the lora-packet frame no longer verifies.
            byte[] frame = TestHex.Bytes(UplinkFrame);
            Assert.IsFalse(mic.Verify10(s.NwkSKey, 0, s.Keys.Generation, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length),
                "the old NwkSKey is not used any more");
            // Written back by hand (as a test may), with the write recorded: the vectors hold again.
            Fill(s.NwkSKey, NwkSKey);
            Fill(s.AppSKey, AppSKey);
            s.Keys.KeysChanged();
            AssertLoraPacketKeys(s, mic, cipher, "keys written back");
        }

        [TestMethod]
        public void DeriveKeys11_ChangesTheGeneration()
        {
            DeviceSession s = NewSession(NewFlash());
            var mic = new DataMic();
            var cipher = new PayloadCipher();
            s.Keys.Personalize(TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), null, null);
            AssertLoraPacketKeys(s, mic, cipher, "before the derivation");
            int before = s.Keys.Generation;
            // shared/VECTORS.md, The Things Stack 1.1 derivation: NwkKey = AppKey = BEC4..., JoinNonce AE3B1C, DevNonce 7369.
            s.JoinNonce = 0xAE3B1C;
            byte[] key = TestHex.Bytes("BEC499C69E9C939E413B663961636C61");
            s.DeriveKeys11(new KeyDerivation(), key, key, 0x0000000000000000, 0x7369);
            Assert.AreNotEqual(before, s.Keys.Generation);
            byte[] frame = TestHex.Bytes(UplinkFrame);
            Assert.IsFalse(mic.Verify10(s.NwkSKey, 0, s.Keys.Generation, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length),
                "the 1.0 NwkSKey is not used any more");
        }

        [TestMethod]
        public void UseOneNetworkKey_ChangesTheGeneration()
        {
            var keys = new SessionKeys();
            int before = keys.Generation;
            keys.UseOneNetworkKey();
            Assert.AreNotEqual(before, keys.Generation);
            Assert.IsTrue(keys.Generation >= 0, "never negative: a negative generation means 'compare the bytes'");
        }

        // lora-packet's join-accept (AppNonce 376338, NetID AABBCC, DevAddr 012CCDE7) with DevNonce F18E: NwkSKey 4E3D6E6A...
        static void Join(DeviceSession s)
        {
            var accept = new JoinAcceptFrame();
            byte[] frame = TestHex.Bytes("20386337CCBBAAE7CD2C010000D9D0A6E7");
            Assert.AreEqual((int)FrameResult.Ok, (int)accept.Read(frame, 0, frame.Length));
            Region eu = Region.Create("EU868");
            s.StartFromJoinAccept(accept, 0xF18E, TestHex.Bytes(JoinAppKey), new KeyDerivation(), eu, 5, 0, 1, false);
            Assert.AreEqual("4E3D6E6AFBCC67AF2BA3C8E8EC4ACF4B", TestHex.Of(s.NwkSKey));
        }
    }
}
