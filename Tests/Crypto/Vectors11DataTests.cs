using LoRaWan.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Crypto
{
    /// <summary>
    /// LoRaWAN 1.1 data frames against outside vectors (issue 16): the uplink MIC halves with ConfFCnt/TxDr/TxCh, the
    /// downlink MIC, FOpts encryption (with the "FOpts Encryption, Usage of FCntDwn" erratum: A-block type 0x01 for
    /// NFCntDown, 0x02 for AFCntDown) and FRMPayload, from brocaar/lorawan (phypayload_test.go) and lora-packet
    /// (github anthonykirby/lora-packet, __tests__/*.ts). Sources and values: Tests/Crypto/VECTORS11.md. Whole frames
    /// are copied from the source; the device-side checks of the same frames are in Host/HostTests/Mac/Vectors11MacTests.cs.
    /// </summary>
    [TestClass]
    public class Vectors11DataTests
    {
        // brocaar/lorawan TestPHYPayloadMACPayloadLoRaWAN11: DevAddr 01020304 (MSB); validated with confFCnt 1 (used only
        // when ACK is set), TxDr 2, TxCh 3.
        const uint BrocaarDevAddr = 0x01020304;
        const string BrocaarSNwk = "02020202020202020202020202020202";
        const string BrocaarFNwk = "02020202020202020202020202020203";
        const string BrocaarNwkSEnc = "02020202020202020202020202020204";
        const string BrocaarAppS = "01010101010101010101010101010101";

        static string Uplink11(string sKey, string fKey, uint confFCnt, byte txDr, byte txCh, uint devAddr, uint fCnt, byte[] frame)
        {
            byte[] mic = new byte[4];
            new DataMic().ComputeUplink11(TestHex.Bytes(sKey), 0, TestHex.Bytes(fKey), 0, confFCnt, txDr, txCh, devAddr, fCnt, frame, 0, frame.Length - 4, mic, 0);
            return TestHex.Of(mic);
        }

        static string Downlink11(string sKey, uint confFCnt, uint devAddr, uint fCnt, byte[] frame)
        {
            byte[] mic = new byte[4];
            new DataMic().ComputeDownlink11(TestHex.Bytes(sKey), 0, confFCnt, devAddr, fCnt, frame, 0, frame.Length - 4, mic, 0);
            return TestHex.Of(mic);
        }

        [TestMethod]
        public void Uplink11_Brocaar_FrmPayloadData()
        {
            // "FRMPayload data": ADR, FCnt 1, FPort 1, "hello" under AppSKey 01…01; ACK clear so ConfFCnt 0 in B1.
            byte[] frame = TestHex.Bytes("40 04030201 80 0100 01 A694642615 7612366A");
            Assert.AreEqual("7612366A", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 2, 3, BrocaarDevAddr, 1, frame));
            Assert.IsTrue(new DataMic().VerifyUplink11(TestHex.Bytes(BrocaarSNwk), 0, TestHex.Bytes(BrocaarFNwk), 0, 0, 2, 3, BrocaarDevAddr, 1, frame, 0, frame.Length));
            Assert.AreNotEqual("7612366A", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 2, 4, BrocaarDevAddr, 1, frame), "TxCh is in B1");
            Assert.AreNotEqual("7612366A", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 3, 3, BrocaarDevAddr, 1, frame), "TxDr is in B1");
            Assert.AreEqual("366A", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 2, 4, BrocaarDevAddr, 1, frame).Substring(4), "cmacF (second half) does not see TxCh");

            byte[] payload = TestHex.Bytes("A694642615");
            new PayloadCipher().DecryptFrmPayload(TestHex.Bytes(BrocaarAppS), 0, FrameDirection.Uplink, BrocaarDevAddr, 1, payload, 0, payload.Length);
            Assert.AreEqual("68656C6C6F", TestHex.Of(payload), "\"hello\"");
        }

        [TestMethod]
        public void Uplink11_Brocaar_AckUsesConfFCnt()
        {
            // "FRMPayload data with ACK (in this case the confirmed fCnt is used in the mic)": ConfFCnt 1 in B1.
            byte[] frame = TestHex.Bytes("40 04030201 A0 0100 01 A694642615 F842C4B9");
            Assert.AreEqual("F842C4B9", Uplink11(BrocaarSNwk, BrocaarFNwk, 1, 2, 3, BrocaarDevAddr, 1, frame));
            Assert.AreNotEqual("F842C4B9", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 2, 3, BrocaarDevAddr, 1, frame), "ConfFCnt is in B1");
            Assert.AreEqual("F842C4B9", Uplink11(BrocaarSNwk, BrocaarFNwk, 0x10001, 2, 3, BrocaarDevAddr, 1, frame), "only the low 16 bits of ConfFCnt");
        }

        [TestMethod]
        public void Uplink11_Brocaar_MacCommandsInFrmPayload()
        {
            // "Mac-commands in FRMPayload": FPort 0, FCnt 0, LinkCheckReq + LinkADRAns (02 03 05); brocaar's test table encrypts
            // it with the key it calls AppSKey (01…01).
            byte[] frame = TestHex.Bytes("40 04030201 00 0000 00 69369E FA931BD7");
            Assert.AreEqual("FA931BD7", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 2, 3, BrocaarDevAddr, 0, frame));
            byte[] payload = TestHex.Bytes("69369E");
            new PayloadCipher().DecryptFrmPayload(TestHex.Bytes(BrocaarAppS), 0, FrameDirection.Uplink, BrocaarDevAddr, 0, payload, 0, 3);
            Assert.AreEqual("020305", TestHex.Of(payload));
        }

        [TestMethod]
        public void Uplink11_LoraPacket_MacCommandsInFrmPayloadUnderNwkSEncKey()
        {
            // lora-packet __tests__/packet_test.ts "should encode packet with Lorawan11 (5. Mac-commands in FRMPayload)":
            // the same frame, FRMPayload 02 03 05 under NwkSEncKey 02…04 (1.1 §4.3.3: FPort 0 uses NwkSEncKey), TxDr 2, TxCh 3.
            byte[] frame = TestHex.Bytes("40 04030201 00 0000 00 F7DED3 CC995EA7");
            Assert.AreEqual("CC995EA7", Uplink11(BrocaarSNwk, BrocaarFNwk, 0, 2, 3, BrocaarDevAddr, 0, frame));
            byte[] payload = TestHex.Bytes("020305");
            new PayloadCipher().EncryptFrmPayload(TestHex.Bytes(BrocaarNwkSEnc), 0, FrameDirection.Uplink, BrocaarDevAddr, 0, payload, 0, 3);
            Assert.AreEqual("F7DED3", TestHex.Of(payload));
        }

        [TestMethod]
        public void Uplink11_LoraPacket_Frames()
        {
            // lora-packet __tests__/mic_test.ts "should calculate & verify correct unconfirmed data up packet MIC 1.1":
            // FNwkSIntKey E1636351…, SNwkSIntKey 05EC7C79…, ConfFCnt|TxDr|TxCh = 0000 00 01.
            byte[] frame = TestHex.Bytes("40736310E080000000C86C36165131");
            Assert.AreEqual("36165131", Uplink11("05EC7C795B2F0B5BCDFA710DB52B9D8F", "E163635133105CC690CB2D57BA9C31B9", 0, 0, 1, 0xE0106373, 0, frame));

            // lora-packet __tests__/fopts_test.ts "should decode rekeyind packet with Lorawan11 Encrypted": RekeyInd (0B 01) in
            // FRMPayload under NwkSEncKey A5406D11…, same ConfFCnt|TxDr|TxCh.
            frame = TestHex.Bytes("40679810E080000000C2C5248DE748");
            Assert.AreEqual("248DE748", Uplink11("F9162A2FCF6E70867CEE523249282844", "07C105892E1BBB7F7101D13A5F78249B", 0, 0, 1, 0xE0109867, 0, frame));
            new PayloadCipher().DecryptFrmPayload(TestHex.Bytes("A5406D11C50850C965C2545AD81980A7"), 0, FrameDirection.Uplink, 0xE0109867, 0, frame, 9, 2);
            Assert.AreEqual("0B01", TestHex.Of(frame, 9, 2), "RekeyInd, LoRaWAN 1.1");
        }

        [TestMethod]
        public void FOpts11_Brocaar_NFCntDown()
        {
            // "Mac-commands in FOpts (encrypted, using NFCntDown)": downlink without FPort, NFCntDown 0, FOpts LinkCheckAns
            // (02 07 01) encrypted with NwkSEncKey 02…04, MIC with SNwkSIntKey 02…02 (ACK clear: ConfFCnt 0).
            byte[] frame = TestHex.Bytes("60 04030201 03 0000 DFB4F1 E24F1F9F");
            Assert.AreEqual("E24F1F9F", Downlink11(BrocaarSNwk, 0, BrocaarDevAddr, 0, frame));
            Assert.AreNotEqual("E24F1F9F", Downlink11(BrocaarSNwk, 1, BrocaarDevAddr, 0, frame), "ConfFCnt is in B0");
            new PayloadCipher().DecryptFOpts(TestHex.Bytes(BrocaarNwkSEnc), 0, FCntType.NFCntDown, BrocaarDevAddr, 0, frame, 8, 3);
            Assert.AreEqual("020701", TestHex.Of(frame, 8, 3));
        }

        [TestMethod]
        public void FOpts11_Brocaar_AFCntDownExample()
        {
            // brocaar ExamplePHYPayload_lorawan11EncryptedFoptsEncode (also lora-packet fopts_test.ts "should encode packet
            // with Lorawan11 Encrypted Fopts"): downlink FPort 1, AFCntDown 0, FOpts 02 07 01 under NwkSEncKey
            // 01…0200 with the AFCntDown type (0x02), FRMPayload 01020304 under AppSKey 100F…01, MIC with SNwkSIntKey 01…0100.
            byte[] frame = TestHex.Bytes("60 04030201 03 0000 22AC0A 01 F0B468DD AA5ED13A");
            Assert.AreEqual("AA5ED13A", Downlink11("01010101010101010101010101010100", 0, BrocaarDevAddr, 0, frame));
            byte[] fopts = TestHex.Bytes("22AC0A");
            new PayloadCipher().DecryptFOpts(TestHex.Bytes("01010101010101010101010101010200"), 0, FCntType.AFCntDown, BrocaarDevAddr, 0, fopts, 0, 3);
            Assert.AreEqual("020701", TestHex.Of(fopts), "AFCntDown A block");
            fopts = TestHex.Bytes("22AC0A");
            new PayloadCipher().DecryptFOpts(TestHex.Bytes("01010101010101010101010101010200"), 0, FCntType.NFCntDown, BrocaarDevAddr, 0, fopts, 0, 3);
            Assert.AreNotEqual("020701", TestHex.Of(fopts), "the NFCntDown type gives another keystream");
            new PayloadCipher().DecryptFrmPayload(TestHex.Bytes("100F0E0D0C0B0A090807060504030201"), 0, FrameDirection.Downlink, BrocaarDevAddr, 0, frame, 12, 4);
            Assert.AreEqual("01020304", TestHex.Of(frame, 12, 4), "FRMPayload");
        }

        [TestMethod]
        public void Downlink11_Brocaar_ClearFOptsWithPort()
        {
            // "Mac-commands in FOpts (encrypted, using AFCntDown encryption flag)": despite its name brocaar builds this one
            // without FOpts encryption (EncryptFOpts false); it is a MIC vector only: SNwkSIntKey 02…02, ConfFCnt 0, FCnt 0.
            byte[] frame = TestHex.Bytes("60 04030201 03 0000 020701 01 77701EA3");
            Assert.AreEqual("77701EA3", Downlink11(BrocaarSNwk, 0, BrocaarDevAddr, 0, frame));
            Assert.IsTrue(new DataMic().VerifyDownlink11(TestHex.Bytes(BrocaarSNwk), 0, 0, BrocaarDevAddr, 0, frame, 0, frame.Length));
            Assert.IsFalse(new DataMic().VerifyDownlink11(TestHex.Bytes(BrocaarFNwk), 0, 0, BrocaarDevAddr, 0, frame, 0, frame.Length), "FNwkSIntKey does not sign downlinks");
        }


        [TestMethod]
        public void OneKeyInstance_StillGivesThe11Mics()
        {
            // DataMic(false) (a 1.0.x device's, issue 20) creates no SNwkSIntKey CMAC up front; asked for a 1.1 MIC anyway (a
            // session from another version), it creates it and gives the same brocaar vectors as above, not an exception.
            var mic = new DataMic(false);
            byte[] up = TestHex.Bytes("40 04030201 80 0100 01 A694642615 7612366A");
            Assert.IsTrue(mic.VerifyUplink11(TestHex.Bytes(BrocaarSNwk), 0, TestHex.Bytes(BrocaarFNwk), 0, 0, 2, 3, BrocaarDevAddr, 1, up, 0, up.Length));
            byte[] down = TestHex.Bytes("60 04030201 03 0000 020701 01 77701EA3");
            var fresh = new DataMic(false);
            Assert.IsTrue(fresh.VerifyDownlink11(TestHex.Bytes(BrocaarSNwk), 0, 0, BrocaarDevAddr, 0, down, 0, down.Length), "downlink first");
            Assert.IsTrue(fresh.VerifyUplink11(TestHex.Bytes(BrocaarSNwk), 0, TestHex.Bytes(BrocaarFNwk), 0, 0, 2, 3, BrocaarDevAddr, 1, up, 0, up.Length), "then uplink");
        }
    }
}
