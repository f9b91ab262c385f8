using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    /// <summary>
    /// FRMPayload and FOpts cipher against shared/VECTORS.md (lora-packet frames), The Things Stack's
    /// pkg/crypto data_messages_test.go, and A blocks written out byte by byte from the LoRaWAN text.
    /// </summary>
    [TestClass]
    public class PayloadCipherTests
    {
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const uint DevAddr = 0x49BE7DF1; // wire F17DBE49
        const string Fox = "The quick brown fox jumps over the lazy dog.";
        const string FoxFrame = "40F17DBE490004000155332DE41A11ADC072553544429CE7787707D1C316E027E7E5E334263376AFFB8AA17AD30075293F28DEA8A20AF3C5E7";
        const string TtsKey = "01010101010101010101010101010101";
        const uint TtsDevAddr = 0x01020304;

        static string Ascii(byte[] b, int offset, int length)
        {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) c[i] = (char)b[offset + i];
            return new string(c);
        }

        // AES-128(key, block) with the block given literally.
        static byte[] Keystream(string key, string block)
        {
            var aes = new Aes128();
            aes.SetKey(TestHex.Bytes(key), 0);
            byte[] s = new byte[16];
            aes.EncryptBlock(TestHex.Bytes(block), 0, s, 0);
            return s;
        }

        [TestMethod]
        public void DecryptFrmPayload_LoraPacketOneBlock()
        {
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            new PayloadCipher().DecryptFrmPayload(TestHex.Bytes(AppSKey), 0, FrameDirection.Uplink, DevAddr, 2, frame, 9, 4);
            Assert.AreEqual("test", Ascii(frame, 9, 4));
            Assert.AreEqual("2B11FF0D", TestHex.Of(frame, 13, 4), "MIC untouched");
        }

        [TestMethod]
        public void DecryptFrmPayload_LoraPacketThreeBlocks()
        {
            byte[] frame = TestHex.Bytes(FoxFrame);
            int length = frame.Length - 9 - 4;
            Assert.AreEqual(44, length);
            new PayloadCipher().DecryptFrmPayload(TestHex.Bytes(AppSKey), 0, FrameDirection.Uplink, DevAddr, 4, frame, 9, length);
            Assert.AreEqual(Fox, Ascii(frame, 9, length));
        }

        [TestMethod]
        public void FrmPayloadAndFOpts_TheThingsStackVectors()
        {
            byte[] key = TestHex.Bytes(TtsKey);
            var cipher = new PayloadCipher();
            byte[] b = TestHex.Bytes("01020304");
            cipher.EncryptFrmPayload(key, 0, FrameDirection.Uplink, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("CFF30B4E", TestHex.Of(b), "EncryptUplink");
            cipher.DecryptFrmPayload(key, 0, FrameDirection.Uplink, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("01020304", TestHex.Of(b), "DecryptUplink");
            cipher.EncryptFrmPayload(key, 0, FrameDirection.Downlink, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("4E75F440", TestHex.Of(b), "EncryptDownlink");
            b = TestHex.Bytes("01020304");
            // TTS encrypts FOpts with the frame-type constant 00 00 00 01 for FCntUp and NFCntDown (LoRaWAN 1.1 erratum).
            cipher.EncryptFOpts(key, 0, FCntType.FCntUp, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("23615F18", TestHex.Of(b), "FOpts uplink");
            cipher.DecryptFOpts(key, 0, FCntType.FCntUp, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("01020304", TestHex.Of(b), "FOpts uplink decrypt");
            cipher.EncryptFOpts(key, 0, FCntType.NFCntDown, TtsDevAddr, 1, b, 0, 4);
            Assert.AreEqual("B2DBE391", TestHex.Of(b), "FOpts downlink (NFCntDown)");
        }

        [TestMethod]
        public void FOpts_AFCntDownUsesFrameType2()
        {
            // Erratum to LoRaWAN 1.1 §4.3.1.6: A = 0x01 | 0x000000 | 0x02 | Dir=1 | DevAddr | AFCntDown | 0x00 | 0x01.
            byte[] s = Keystream(TtsKey, "01 000000 02 01 04030201 FFFF0100 00 01");
            byte[] fopts = new byte[15];
            new PayloadCipher().EncryptFOpts(TestHex.Bytes(TtsKey), 0, FCntType.AFCntDown, TtsDevAddr, 0x1FFFF, fopts, 0, 15);
            Assert.AreEqual(TestHex.Of(s, 0, 15), TestHex.Of(fopts));
        }

        [TestMethod]
        public void FOpts_LongerThan15_Throws()
        {
            byte[] fopts = new byte[16];
            var cipher = new PayloadCipher();
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException),
                () => cipher.EncryptFOpts(TestHex.Bytes(TtsKey), 0, FCntType.FCntUp, TtsDevAddr, 1, fopts, 0, 16));
        }

        [TestMethod]
        public void FrmPayload_EdgeLengths_MatchTheKeystreamAndTouchNothingElse()
        {
            // Keystream for (AppSKey, uplink, DevAddr, FCnt 4) from the lora-packet frame: ciphertext XOR plaintext
            // gives its first 44 bytes; blocks beyond come from A_i written out per LoRaWAN 1.0.4 §4.3.3.
            byte[] frame = TestHex.Bytes(FoxFrame);
            byte[] known = new byte[44];
            for (int i = 0; i < 44; i++) known[i] = (byte)(frame[9 + i] ^ Fox[i]);
            int[] lengths = { 0, 1, 15, 16, 17, 242 };
            var cipher = new PayloadCipher();
            byte[] key = TestHex.Bytes(AppSKey);
            foreach (int length in lengths)
            {
                byte[] buffer = new byte[length + 6];
                for (int i = 0; i < 3; i++) { buffer[i] = 0xA5; buffer[length + 3 + i] = 0x5A; }
                cipher.EncryptFrmPayload(key, 0, FrameDirection.Uplink, DevAddr, 4, buffer, 3, length);
                for (int i = 0; i < length; i++)
                {
                    byte expected;
                    if (i < 44) expected = known[i];
                    else
                    {
                        byte[] s = Keystream(AppSKey, "01 00000000 00 F17DBE49 04000000 00 " + (i / 16 + 1).ToString("X2"));
                        expected = s[i % 16];
                    }
                    Assert.AreEqual(expected, buffer[3 + i], "length " + length.ToString() + ", byte " + i.ToString());
                }
                for (int i = 0; i < 3; i++)
                {
                    Assert.AreEqual((byte)0xA5, buffer[i], "guard before, length " + length.ToString());
                    Assert.AreEqual((byte)0x5A, buffer[length + 3 + i], "guard after, length " + length.ToString());
                }
                cipher.DecryptFrmPayload(key, 0, FrameDirection.Uplink, DevAddr, 4, buffer, 3, length);
                for (int i = 0; i < length; i++) Assert.AreEqual((byte)0, buffer[3 + i], "round trip, length " + length.ToString());
            }
        }

        [TestMethod]
        public void FrmPayload_CounterBytesAtTheEdges()
        {
            // A_i = 0x01 | 4×0x00 | Dir | DevAddr | FCnt (LE, 32 bits) | 0x00 | i
            CheckA(FrameDirection.Uplink, 0xFFFF, "01 00000000 00 F17DBE49 FFFF0000 00 02");
            CheckA(FrameDirection.Uplink, 0x10000, "01 00000000 00 F17DBE49 00000100 00 02");
            CheckA(FrameDirection.Downlink, 0xFFFFFFFF, "01 00000000 01 F17DBE49 FFFFFFFF 00 02");
            CheckA(FrameDirection.Downlink, 0x00FF00FF, "01 00000000 01 F17DBE49 FF00FF00 00 02");
        }

        // Encrypts 32 zero bytes and compares the second block with AES(A_2).
        static void CheckA(FrameDirection dir, uint fCnt, string a2)
        {
            byte[] buffer = new byte[32];
            new PayloadCipher().EncryptFrmPayload(TestHex.Bytes(AppSKey), 0, dir, DevAddr, fCnt, buffer, 0, 32);
            Assert.AreEqual(TestHex.Of(Keystream(AppSKey, a2)), TestHex.Of(buffer, 16, 16), "FCnt 0x" + fCnt.ToString("X8"));
        }

        [TestMethod]
        public void KeySlots_ThreeKeysInTurn_StayCorrect()
        {
            // Two slots, three keys: every switch must still use the key it was given.
            byte[] k1 = TestHex.Bytes(AppSKey);
            byte[] k2 = TestHex.Bytes(TtsKey);
            byte[] k3 = TestHex.Bytes("44024241ED4CE9A68C6A8BC055233FD3");
            var cipher = new PayloadCipher();
            for (int round = 0; round < 3; round++)
            {
                byte[] b = TestHex.Bytes("01020304");
                cipher.EncryptFrmPayload(k2, 0, FrameDirection.Uplink, TtsDevAddr, 1, b, 0, 4);
                Assert.AreEqual("CFF30B4E", TestHex.Of(b), "k2, round " + round.ToString());
                byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
                cipher.DecryptFrmPayload(k1, 0, FrameDirection.Uplink, DevAddr, 2, frame, 9, 4);
                Assert.AreEqual("test", Ascii(frame, 9, 4), "k1, round " + round.ToString());
                byte[] zero = new byte[16];
                cipher.EncryptFrmPayload(k3, 0, FrameDirection.Uplink, DevAddr, 2, zero, 0, 16);
                Assert.AreEqual(TestHex.Of(Keystream("44024241ED4CE9A68C6A8BC055233FD3", "01 00000000 00 F17DBE49 02000000 00 01")), TestHex.Of(zero), "k3, round " + round.ToString());
            }
        }
    }
}
