using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    /// <summary>
    /// Data-frame MICs against shared/VECTORS.md (lora-packet frames), The Things Stack's pkg/crypto
    /// data_messages_test.go (1.0 and 1.1 forms), and B0/B1 blocks written out byte by byte from the
    /// LoRaWAN text for counters at the 16-bit and 32-bit edges.
    /// </summary>
    [TestClass]
    public class DataMicTests
    {
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const uint DevAddr = 0x49BE7DF1; // wire F17DBE49
        const string TtsKey = "01010101010101010101010101010101";
        const uint TtsDevAddr = 0x01020304;
        const string TtsUplink = "40 04030201 00 0100 01 01020304";

        static byte[] Mic(uint value)
        {
            byte[] m = new byte[4];
            ConstantTime.WriteMic(value, m, 0);
            return m;
        }

        static string Compute10(string key, FrameDirection dir, uint devAddr, uint fCnt, byte[] message, int length)
        {
            byte[] mic = new byte[4];
            new DataMic().Compute10(TestHex.Bytes(key), 0, dir, devAddr, fCnt, message, 0, length, mic, 0);
            return TestHex.Of(mic);
        }

        // cmac(key, block | message)[0..3] with the block given literally.
        static uint ManualCmac(string key, string block, byte[] message, int length)
        {
            var cmac = new AesCmac();
            cmac.SetKey(TestHex.Bytes(key), 0);
            cmac.Update(TestHex.Bytes(block), 0, 16);
            cmac.Update(message, 0, length);
            return cmac.FinalWord();
        }

        [TestMethod]
        public void Uplink10_LoraPacketFrame()
        {
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            Assert.AreEqual("2B11FF0D", Compute10(NwkSKey, FrameDirection.Uplink, DevAddr, 2, frame, frame.Length - 4));
            Assert.IsTrue(new DataMic().Verify10(TestHex.Bytes(NwkSKey), 0, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length));
        }

        [TestMethod]
        public void Uplink10_LoraPacketThreeBlockFrame_Verifies()
        {
            byte[] frame = TestHex.Bytes("40F17DBE490004000155332DE41A11ADC072553544429CE7787707D1C316E027E7E5E334263376AFFB8AA17AD30075293F28DEA8A20AF3C5E7");
            Assert.IsTrue(new DataMic().Verify10(TestHex.Bytes(NwkSKey), 0, FrameDirection.Uplink, DevAddr, 4, frame, 0, frame.Length));
        }

        [TestMethod]
        public void Downlink10_LoraPacketFrameWithAck()
        {
            byte[] frame = TestHex.Bytes("60F17DBE4920020001F9D65D27");
            Assert.AreEqual("F9D65D27", Compute10(NwkSKey, FrameDirection.Downlink, DevAddr, 2, frame, frame.Length - 4));
            Assert.IsTrue(new DataMic().Verify10(TestHex.Bytes(NwkSKey), 0, FrameDirection.Downlink, DevAddr, 2, frame, 0, frame.Length));
        }

        [TestMethod]
        public void Verify10_RejectsAnyFlippedBitWrongCounterOrDirection()
        {
            byte[] key = TestHex.Bytes(NwkSKey);
            var mic = new DataMic();
            byte[] frame = TestHex.Bytes("40F17DBE4900020001954378762B11FF0D");
            for (int i = 0; i < frame.Length; i++)
            {
                frame[i] ^= 0x01;
                Assert.IsFalse(mic.Verify10(key, 0, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length), "bit flipped in byte " + i.ToString());
                frame[i] ^= 0x01;
            }
            Assert.IsFalse(mic.Verify10(key, 0, FrameDirection.Uplink, DevAddr, 2 + 0x10000, frame, 0, frame.Length), "FCnt upper 16 bits");
            Assert.IsFalse(mic.Verify10(key, 0, FrameDirection.Downlink, DevAddr, 2, frame, 0, frame.Length), "direction");
            Assert.IsFalse(mic.Verify10(key, 0, FrameDirection.Uplink, DevAddr, 2, frame, 0, 4), "no message");
            Assert.IsTrue(mic.Verify10(key, 0, FrameDirection.Uplink, DevAddr, 2, frame, 0, frame.Length), "restored");
        }

        /// <summary>
        /// Every Verify form, with and without a key generation, answers false (never throws) for a PHYPayload with no message
        /// before the MIC (length 4) or a message over 255 bytes (length 260): the MIC message is MHDR .. FRMPayload, 1..255 bytes.
        /// </summary>
        [TestMethod]
        public void EveryVerifyForm_RejectsAnEmptyOrOversizedMessage()
        {
            byte[] key = TestHex.Bytes(NwkSKey);
            var mic = new DataMic();
            byte[] frame = new byte[260];
            int[] lengths = { 4, 260 };
            foreach (int n in lengths)
            {
                string what = " length " + n.ToString();
                Assert.IsFalse(mic.Verify10(key, 0, FrameDirection.Uplink, DevAddr, 2, frame, 0, n), "Verify10" + what);
                Assert.IsFalse(mic.Verify10(key, 0, 1, FrameDirection.Uplink, DevAddr, 2, frame, 0, n), "Verify10 with generation" + what);
                Assert.IsFalse(mic.VerifyUplink11(key, 0, key, 0, 0, 0, 0, DevAddr, 2, frame, 0, n), "VerifyUplink11" + what);
                Assert.IsFalse(mic.VerifyUplink11(key, 0, key, 0, 1, 0, 0, 0, DevAddr, 2, frame, 0, n), "VerifyUplink11 with generation" + what);
                Assert.IsFalse(mic.VerifyDownlink11(key, 0, 0, DevAddr, 2, frame, 0, n), "VerifyDownlink11" + what);
                Assert.IsFalse(mic.VerifyDownlink11(key, 0, 1, 0, DevAddr, 2, frame, 0, n), "VerifyDownlink11 with generation" + what);
            }
        }

        [TestMethod]
        public void TheThingsStackVectors_10And11BothDirections()
        {
            byte[] key = TestHex.Bytes(TtsKey);
            byte[] msg = TestHex.Bytes(TtsUplink);
            var dataMic = new DataMic();
            byte[] mic = new byte[4];
            dataMic.Compute10(key, 0, FrameDirection.Uplink, TtsDevAddr, 1, msg, 0, msg.Length, mic, 0);
            Assert.AreEqual("3B073182", TestHex.Of(mic), "ComputeLegacyUplinkMIC");
            dataMic.ComputeUplink11(key, 0, key, 0, 0, 0, 0, TtsDevAddr, 1, msg, 0, msg.Length, mic, 0);
            Assert.AreEqual("3B073B07", TestHex.Of(mic), "ComputeUplinkMIC");
            dataMic.Compute10(key, 0, FrameDirection.Downlink, TtsDevAddr, 1, msg, 0, msg.Length, mic, 0);
            Assert.AreEqual("A5609FA9", TestHex.Of(mic), "ComputeLegacyDownlinkMIC");
            dataMic.ComputeDownlink11(key, 0, 0, TtsDevAddr, 1, msg, 0, msg.Length, mic, 0);
            Assert.AreEqual("A5609FA9", TestHex.Of(mic), "ComputeDownlinkMIC");
        }

        [TestMethod]
        public void Mic10_CounterBytesAtTheEdges()
        {
            // B0 = 0x49 | 4×0x00 | Dir | DevAddr | FCnt (LE, 32 bits) | 0x00 | len(msg), LoRaWAN 1.0.4 §4.4.
            byte[] msg = TestHex.Bytes("40F17DBE490002000195437876");
            CheckMic10(0xFFFF, "49 00000000 00 F17DBE49 FFFF0000 00 0D", msg);
            CheckMic10(0x10000, "49 00000000 00 F17DBE49 00000100 00 0D", msg);
            CheckMic10(0xFFFFFFFF, "49 00000000 00 F17DBE49 FFFFFFFF 00 0D", msg);
            CheckMic10(0x01000000, "49 00000000 00 F17DBE49 00000001 00 0D", msg);
            Assert.AreNotEqual(Compute10(NwkSKey, FrameDirection.Uplink, DevAddr, 0x10000, msg, msg.Length),
                Compute10(NwkSKey, FrameDirection.Uplink, DevAddr, 0, msg, msg.Length), "the upper 16 bits of FCnt are in B0");
        }

        static void CheckMic10(uint fCnt, string b0, byte[] msg)
        {
            byte[] expected = Mic(ManualCmac(NwkSKey, b0, msg, msg.Length));
            Assert.AreEqual(TestHex.Of(expected), Compute10(NwkSKey, FrameDirection.Uplink, DevAddr, fCnt, msg, msg.Length), "FCnt 0x" + fCnt.ToString("X8"));
        }

        [TestMethod]
        public void Uplink11_B0AndB1WithConfFCntTxDrTxChAtTheEdges()
        {
            // LoRaWAN 1.1 §4.4: B1 = 0x49 | ConfFCnt | TxDr | TxCh | 0x00 | DevAddr | FCntUp | 0x00 | len(msg),
            // B0 = 0x49 | 0x0000 | 0x0000 | 0x00 | DevAddr | FCntUp | 0x00 | len(msg); MIC = cmacS[0..1] | cmacF[0..1].
            const string sKey = "63C59309D53485BC5164DBF71627AEB9";
            const string fKey = "379084E7CE22FF191BFF4B77536F2AA3";
            byte[] msg = TestHex.Bytes("40F17DBE4920FFFF019543787601020304");
            uint cmacF = ManualCmac(fKey, "49 0000 0000 00 F17DBE49 FFFFFFFF 00 11", msg, msg.Length);
            uint cmacS = ManualCmac(sKey, "49 FFFF 05 02 00 F17DBE49 FFFFFFFF 00 11", msg, msg.Length);
            byte[] expected = new byte[4];
            ConstantTime.WriteMic(cmacS, expected, 0);
            byte[] f = Mic(cmacF);
            expected[2] = f[0];
            expected[3] = f[1];

            byte[] mic = new byte[4];
            var dataMic = new DataMic();
            dataMic.ComputeUplink11(TestHex.Bytes(sKey), 0, TestHex.Bytes(fKey), 0, 0x1FFFF, 5, 2, DevAddr, 0xFFFFFFFF, msg, 0, msg.Length, mic, 0);
            Assert.AreEqual(TestHex.Of(expected), TestHex.Of(mic), "ConfFCnt is taken mod 2^16");

            byte[] frame = new byte[msg.Length + 4];
            System.Array.Copy(msg, frame, msg.Length);
            System.Array.Copy(mic, 0, frame, msg.Length, 4);
            Assert.IsTrue(dataMic.VerifyUplink11(TestHex.Bytes(sKey), 0, TestHex.Bytes(fKey), 0, 0xFFFF, 5, 2, DevAddr, 0xFFFFFFFF, frame, 0, frame.Length));
            Assert.IsFalse(dataMic.VerifyUplink11(TestHex.Bytes(sKey), 0, TestHex.Bytes(fKey), 0, 0xFFFF, 5, 3, DevAddr, 0xFFFFFFFF, frame, 0, frame.Length), "TxCh is in B1");
            Assert.IsFalse(dataMic.VerifyUplink11(TestHex.Bytes(sKey), 0, TestHex.Bytes(fKey), 0, 0xFFFF, 4, 2, DevAddr, 0xFFFFFFFF, frame, 0, frame.Length), "TxDr is in B1");
            Assert.IsFalse(dataMic.VerifyUplink11(TestHex.Bytes(sKey), 0, TestHex.Bytes(fKey), 0, 0xFFFE, 5, 2, DevAddr, 0xFFFFFFFF, frame, 0, frame.Length), "ConfFCnt is in B1");
        }

        [TestMethod]
        public void Downlink11_ConfFCntInB0()
        {
            // LoRaWAN 1.1 §4.4: B0 = 0x49 | ConfFCnt | 2×0x00 | 0x01 | DevAddr | AFCntDwn or NFCntDwn | 0x00 | len(msg).
            const string sKey = "63C59309D53485BC5164DBF71627AEB9";
            byte[] msg = TestHex.Bytes("60F17DBE4920000001");
            uint expected = ManualCmac(sKey, "49 4523 0000 01 F17DBE49 00000100 00 09", msg, msg.Length);
            byte[] mic = new byte[4];
            var dataMic = new DataMic();
            dataMic.ComputeDownlink11(TestHex.Bytes(sKey), 0, 0x12345, DevAddr, 0x10000, msg, 0, msg.Length, mic, 0);
            Assert.AreEqual(TestHex.Of(Mic(expected)), TestHex.Of(mic));

            byte[] frame = new byte[msg.Length + 4];
            System.Array.Copy(msg, frame, msg.Length);
            System.Array.Copy(mic, 0, frame, msg.Length, 4);
            Assert.IsTrue(dataMic.VerifyDownlink11(TestHex.Bytes(sKey), 0, 0x2345, DevAddr, 0x10000, frame, 0, frame.Length));
            Assert.IsFalse(dataMic.VerifyDownlink11(TestHex.Bytes(sKey), 0, 0, DevAddr, 0x10000, frame, 0, frame.Length), "ConfFCnt is in B0");
            Assert.IsFalse(dataMic.VerifyDownlink11(TestHex.Bytes(sKey), 0, 0x2345, DevAddr, 0, frame, 0, frame.Length), "FCnt upper bits are in B0");
        }
    }
}
