using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Frames
{
    /// <summary>
    /// Every MAC command in both directions: the writer produces the bytes written out here by hand from the
    /// payload tables of LoRaWAN 1.0.4 §5 / 1.1 §5, and the typed readers recover each field from those bytes.
    /// </summary>
    [TestClass]
    public class MacCommandTests
    {
        static byte[] Buf() { return new byte[16]; }

        static void Written(string expectedHex, byte[] buf, int written)
        {
            Assert.AreEqual(expectedHex.Length / 2, written, "length of " + expectedHex);
            Assert.AreEqual(expectedHex, TestBytes.ToHex(buf, 0, written), "bytes");
        }

        static void TableSays(int cid, bool downlink, int written)
        {
            Assert.AreEqual(written - 1, MacCommandTable.PayloadLength(cid, downlink), "table length of CID " + cid.ToString());
        }

        [TestMethod]
        public void Reset_IndAndConf()
        {
            byte[] b = Buf();
            int n = ResetInd.Write(b, 0, 1);
            Written("0101", b, n);
            TableSays(Cid.Reset, false, n);
            Assert.AreEqual(1, ResetInd.Minor(b, 1), "minor");
            n = ResetConf.Write(b, 0, 1);
            Written("0101", b, n);
            TableSays(Cid.Reset, true, n);
            Assert.AreEqual(1, ResetConf.Minor(b, 1), "minor");
        }

        [TestMethod]
        public void LinkCheck_ReqAndAns()
        {
            byte[] b = Buf();
            int n = LinkCheckReq.Write(b, 0);
            Written("02", b, n);
            TableSays(Cid.LinkCheck, false, n);
            n = LinkCheckAns.Write(b, 0, 20, 3);
            Written("021403", b, n);
            TableSays(Cid.LinkCheck, true, n);
            Assert.AreEqual(20, LinkCheckAns.Margin(b, 1), "margin");
            Assert.AreEqual(3, LinkCheckAns.GwCnt(b, 1), "GwCnt");
        }

        [TestMethod]
        public void LinkAdr_ReqFieldsAndAnsBits()
        {
            byte[] b = Buf();
            // DR 5 | TXPower 2 = 0x52; ChMask 0x00FF LE = FF 00; ChMaskCntl 0, NbTrans 1 = 0x01.
            int n = LinkAdrReq.Write(b, 0, 5, 2, 0x00FF, 0, 1);
            Written("0352FF0001", b, n);
            TableSays(Cid.LinkAdr, true, n);
            Assert.AreEqual(5, LinkAdrReq.DataRate(b, 1), "DataRate");
            Assert.AreEqual(2, LinkAdrReq.TxPower(b, 1), "TXPower");
            Assert.AreEqual((ushort)0x00FF, LinkAdrReq.ChMask(b, 1), "ChMask");
            Assert.AreEqual(0, LinkAdrReq.ChMaskCntl(b, 1), "ChMaskCntl");
            Assert.AreEqual(1, LinkAdrReq.NbTrans(b, 1), "NbTrans");

            // DR 15 / TXPower 15 (keep) = FF; ChMask 0x0007 = 07 00; ChMaskCntl 6, NbTrans 3 = 0x63; RFU bit 7 ignored on read.
            n = LinkAdrReq.Write(b, 0, 15, 15, 0x0007, 6, 3);
            Written("03FF070063", b, n);
            b[4] |= 0x80;
            Assert.AreEqual(6, LinkAdrReq.ChMaskCntl(b, 1), "ChMaskCntl ignores RFU bit 7");
            Assert.AreEqual(3, LinkAdrReq.NbTrans(b, 1), "NbTrans");

            n = LinkAdrAns.Write(b, 0, true, true, true);
            Written("0307", b, n);
            TableSays(Cid.LinkAdr, false, n);
            n = LinkAdrAns.Write(b, 0, true, false, false);
            Written("0304", b, n);
            n = LinkAdrAns.Write(b, 0, false, true, false);
            Written("0302", b, n);
            n = LinkAdrAns.Write(b, 0, false, false, true);
            Written("0301", b, n);
            Assert.AreEqual(LinkAdrAns.ChannelMaskAck, LinkAdrAns.Status(b, 1), "status");
        }

        [TestMethod]
        public void DutyCycle_ReqAndAns()
        {
            byte[] b = Buf();
            int n = DutyCycleReq.Write(b, 0, 7);
            Written("0407", b, n);
            TableSays(Cid.DutyCycle, true, n);
            b[1] |= 0xF0; // RFU bits
            Assert.AreEqual(7, DutyCycleReq.MaxDCycle(b, 1), "MaxDCycle");
            n = DutyCycleAns.Write(b, 0);
            Written("04", b, n);
            TableSays(Cid.DutyCycle, false, n);
        }

        [TestMethod]
        public void RxParamSetup_ReqFieldsAndAnsBits()
        {
            byte[] b = Buf();
            // RX1DROffset 2, RX2DR 3 = 0x23; 869.525 MHz = 8695250 × 100 Hz = 0x84ADD2 LE = D2 AD 84.
            int n = RxParamSetupReq.Write(b, 0, 2, 3, 869525000);
            Written("0523D2AD84", b, n);
            TableSays(Cid.RxParamSetup, true, n);
            Assert.AreEqual(2, RxParamSetupReq.Rx1DrOffset(b, 1), "RX1DROffset");
            Assert.AreEqual(3, RxParamSetupReq.Rx2DataRate(b, 1), "RX2DataRate");
            Assert.AreEqual(869525000u, RxParamSetupReq.Frequency(b, 1), "frequency");

            n = RxParamSetupAns.Write(b, 0, true, true, true);
            Written("0507", b, n);
            TableSays(Cid.RxParamSetup, false, n);
            n = RxParamSetupAns.Write(b, 0, true, false, true);
            Written("0505", b, n);
            n = RxParamSetupAns.Write(b, 0, false, true, false);
            Written("0502", b, n);
        }

        [TestMethod]
        public void DevStatus_ReqAndAnsWithSignedMargin()
        {
            byte[] b = Buf();
            int n = DevStatusReq.Write(b, 0);
            Written("06", b, n);
            TableSays(Cid.DevStatus, true, n);
            // Battery 200 = C8; margin -5 as 6-bit two's complement = 111011 = 3B.
            n = DevStatusAns.Write(b, 0, 200, -5);
            Written("06C83B", b, n);
            TableSays(Cid.DevStatus, false, n);
            Assert.AreEqual(200, DevStatusAns.Battery(b, 1), "battery");
            Assert.AreEqual(-5, DevStatusAns.Margin(b, 1), "margin");
            n = DevStatusAns.Write(b, 0, DevStatusAns.BatteryExternalPower, 31);
            Written("06001F", b, n);
            Assert.AreEqual(31, DevStatusAns.Margin(b, 1), "+31");
            n = DevStatusAns.Write(b, 0, DevStatusAns.BatteryUnknown, -32);
            Written("06FF20", b, n);
            Assert.AreEqual(-32, DevStatusAns.Margin(b, 1), "-32");
            n = DevStatusAns.Write(b, 0, 1, 40);
            Written("06011F", b, n);
            n = DevStatusAns.Write(b, 0, 1, -40);
            Written("060120", b, n);
            b[2] = 0xDF; // RFU bits 7..6 set, margin bits 011111
            Assert.AreEqual(31, DevStatusAns.Margin(b, 1), "RFU bits ignored");
        }

        [TestMethod]
        public void NewChannel_ReqFieldsAndAnsBits()
        {
            byte[] b = Buf();
            // ChIndex 3; 867.1 MHz = 0x844F18 LE = 18 4F 84; MaxDR 5, MinDR 0 = 0x50.
            int n = NewChannelReq.Write(b, 0, 3, 867100000, 0, 5);
            Written("0703184F8450", b, n);
            TableSays(Cid.NewChannel, true, n);
            Assert.AreEqual(3, NewChannelReq.ChIndex(b, 1), "ChIndex");
            Assert.AreEqual(867100000u, NewChannelReq.Frequency(b, 1), "Freq");
            Assert.AreEqual(5, NewChannelReq.MaxDataRate(b, 1), "MaxDR");
            Assert.AreEqual(0, NewChannelReq.MinDataRate(b, 1), "MinDR");

            n = NewChannelAns.Write(b, 0, true, true);
            Written("0703", b, n);
            TableSays(Cid.NewChannel, false, n);
            n = NewChannelAns.Write(b, 0, true, false);
            Written("0702", b, n);
            n = NewChannelAns.Write(b, 0, false, true);
            Written("0701", b, n);
        }

        [TestMethod]
        public void RxTimingSetup_ReqAndAns()
        {
            byte[] b = Buf();
            int n = RxTimingSetupReq.Write(b, 0, 5);
            Written("0805", b, n);
            TableSays(Cid.RxTimingSetup, true, n);
            Assert.AreEqual(5, RxTimingSetupReq.DelaySeconds(b, 1), "5 s");
            n = RxTimingSetupReq.Write(b, 0, 0);
            Written("0800", b, n);
            Assert.AreEqual(0, RxTimingSetupReq.Del(b, 1), "Del 0");
            Assert.AreEqual(1, RxTimingSetupReq.DelaySeconds(b, 1), "Del 0 means 1 s");
            n = RxTimingSetupAns.Write(b, 0);
            Written("08", b, n);
            TableSays(Cid.RxTimingSetup, false, n);
        }

        [TestMethod]
        public void TxParamSetup_ReqBitsAndEirpTable()
        {
            byte[] b = Buf();
            // DownlinkDwellTime bit 5, UplinkDwellTime bit 4, MaxEIRP 5 = 0x35.
            int n = TxParamSetupReq.Write(b, 0, true, true, 5);
            Written("0935", b, n);
            TableSays(Cid.TxParamSetup, true, n);
            Assert.IsTrue(TxParamSetupReq.DownlinkDwellTime(b, 1), "DL dwell");
            Assert.IsTrue(TxParamSetupReq.UplinkDwellTime(b, 1), "UL dwell");
            Assert.AreEqual(5, TxParamSetupReq.MaxEirpIndex(b, 1), "index");
            Assert.AreEqual(16, TxParamSetupReq.MaxEirpDbm(5), "16 dBm");
            n = TxParamSetupReq.Write(b, 0, false, true, 15);
            Written("091F", b, n);
            Assert.IsFalse(TxParamSetupReq.DownlinkDwellTime(b, 1), "DL dwell off");
            Assert.AreEqual(8, TxParamSetupReq.MaxEirpDbm(0), "8 dBm");
            Assert.AreEqual(36, TxParamSetupReq.MaxEirpDbm(15), "36 dBm");
            n = TxParamSetupAns.Write(b, 0);
            Written("09", b, n);
            TableSays(Cid.TxParamSetup, false, n);
        }

        [TestMethod]
        public void DlChannel_ReqFieldsAndAnsBits()
        {
            byte[] b = Buf();
            // ChIndex 2; 868.5 MHz = 0x8485C8 LE = C8 85 84.
            int n = DlChannelReq.Write(b, 0, 2, 868500000);
            Written("0A02C88584", b, n);
            TableSays(Cid.DlChannel, true, n);
            Assert.AreEqual(2, DlChannelReq.ChIndex(b, 1), "ChIndex");
            Assert.AreEqual(868500000u, DlChannelReq.Frequency(b, 1), "Freq");
            n = DlChannelAns.Write(b, 0, true, true);
            Written("0A03", b, n);
            TableSays(Cid.DlChannel, false, n);
            n = DlChannelAns.Write(b, 0, false, true);
            Written("0A01", b, n);
            n = DlChannelAns.Write(b, 0, true, false);
            Written("0A02", b, n);
        }

        [TestMethod]
        public void Rekey_IndAndConf()
        {
            byte[] b = Buf();
            int n = RekeyInd.Write(b, 0, 1);
            Written("0B01", b, n);
            TableSays(Cid.Rekey, false, n);
            Assert.AreEqual(1, RekeyInd.Minor(b, 1), "minor");
            n = RekeyConf.Write(b, 0, 1);
            Written("0B01", b, n);
            TableSays(Cid.Rekey, true, n);
            Assert.AreEqual(1, RekeyConf.Minor(b, 1), "minor");
        }

        [TestMethod]
        public void AdrParamSetup_ReqAndAns()
        {
            byte[] b = Buf();
            // Limit_exp 6 (ADR_ACK_LIMIT 64), Delay_exp 5 (ADR_ACK_DELAY 32) = 0x65.
            int n = AdrParamSetupReq.Write(b, 0, 6, 5);
            Written("0C65", b, n);
            TableSays(Cid.AdrParamSetup, true, n);
            Assert.AreEqual(6, AdrParamSetupReq.LimitExp(b, 1), "Limit_exp");
            Assert.AreEqual(5, AdrParamSetupReq.DelayExp(b, 1), "Delay_exp");
            Assert.AreEqual(64, AdrParamSetupReq.AdrAckLimit(b, 1), "ADR_ACK_LIMIT");
            Assert.AreEqual(32, AdrParamSetupReq.AdrAckDelay(b, 1), "ADR_ACK_DELAY");
            n = AdrParamSetupAns.Write(b, 0);
            Written("0C", b, n);
            TableSays(Cid.AdrParamSetup, false, n);
        }

        [TestMethod]
        public void DeviceTime_ReqAndAns()
        {
            byte[] b = Buf();
            int n = DeviceTimeReq.Write(b, 0);
            Written("0D", b, n);
            TableSays(Cid.DeviceTime, false, n);
            // 1234567890 s = 0x499602D2 LE = D2 02 96 49; fraction 128/256 s = 0x80.
            n = DeviceTimeAns.Write(b, 0, 1234567890, 128);
            Written("0DD202964980", b, n);
            TableSays(Cid.DeviceTime, true, n);
            Assert.AreEqual(1234567890u, DeviceTimeAns.Seconds(b, 1), "seconds");
            Assert.AreEqual(128, DeviceTimeAns.FractionalSeconds(b, 1), "fraction");
            Assert.AreEqual(500, DeviceTimeAns.Milliseconds(b, 1), "500 ms");
        }

        [TestMethod]
        public void ForceRejoin_ReqByteOrderIsPeriodRetriesFirst()
        {
            byte[] b = Buf();
            // Period 3, Max_Retries 2 → first byte 00 011 010 = 1A; RejoinType 2, DR 4 → second byte 0 010 0100 = 24.
            int n = ForceRejoinReq.Write(b, 0, 3, 2, 2, 4);
            Written("0E1A24", b, n);
            TableSays(Cid.ForceRejoin, true, n);
            Assert.AreEqual(3, ForceRejoinReq.Period(b, 1), "Period");
            Assert.AreEqual(2, ForceRejoinReq.MaxRetries(b, 1), "Max_Retries");
            Assert.AreEqual(2, ForceRejoinReq.RejoinType(b, 1), "RejoinType");
            Assert.AreEqual(4, ForceRejoinReq.DataRate(b, 1), "DR");
            n = ForceRejoinReq.Write(b, 0, 7, 7, 7, 15);
            Written("0E3F7F", b, n);
        }

        [TestMethod]
        public void RejoinParamSetup_ReqAndAns()
        {
            byte[] b = Buf();
            // MaxTimeN 5, MaxCountN 10 = 0x5A.
            int n = RejoinParamSetupReq.Write(b, 0, 5, 10);
            Written("0F5A", b, n);
            TableSays(Cid.RejoinParamSetup, true, n);
            Assert.AreEqual(5, RejoinParamSetupReq.MaxTimeN(b, 1), "MaxTimeN");
            Assert.AreEqual(10, RejoinParamSetupReq.MaxCountN(b, 1), "MaxCountN");
            n = RejoinParamSetupAns.Write(b, 0, true);
            Written("0F01", b, n);
            TableSays(Cid.RejoinParamSetup, false, n);
            n = RejoinParamSetupAns.Write(b, 0, false);
            Written("0F00", b, n);
        }

        [TestMethod]
        public void DeviceMode_IndAndConf()
        {
            byte[] b = Buf();
            int n = DeviceModeInd.Write(b, 0, DeviceModeInd.ClassC);
            Written("2002", b, n);
            TableSays(Cid.DeviceMode, false, n);
            Assert.AreEqual(DeviceModeInd.ClassC, DeviceModeInd.Class(b, 1), "class C");
            n = DeviceModeConf.Write(b, 0, DeviceModeInd.ClassA);
            Written("2000", b, n);
            TableSays(Cid.DeviceMode, true, n);
            Assert.AreEqual(0, DeviceModeConf.Class(b, 1), "class A");
        }

        [TestMethod]
        public void Writers_WriteNothingWhenTheCommandDoesNotFit()
        {
            byte[] b = new byte[4];
            Assert.AreEqual(0, LinkAdrReq.Write(b, 0, 1, 1, 1, 1, 1), "5 bytes into 4");
            Assert.AreEqual(0, DeviceTimeAns.Write(b, 0, 1, 1), "6 bytes into 4");
            Assert.AreEqual(0, LinkAdrAns.Write(b, 3, true, true, true), "2 bytes at the last index");
            Assert.AreEqual(1, LinkCheckReq.Write(b, 3), "1 byte at the last index");
            Assert.AreEqual(0, LinkCheckReq.Write(b, 4), "past the end");
            Assert.AreEqual(0, LinkCheckReq.Write(null, 0), "null");
        }

        [TestMethod]
        public void AnswerSequence_WrittenBackToBack_ParsesAsUplink()
        {
            // The device answers LinkADRReq, DevStatusReq and RXTimingSetupReq in one FOpts field.
            byte[] b = Buf();
            int n = 0;
            n += LinkAdrAns.Write(b, n, true, true, true);
            n += DevStatusAns.Write(b, n, 255, 7);
            n += RxTimingSetupAns.Write(b, n);
            Assert.AreEqual("0307" + "06FF07" + "08", TestBytes.ToHex(b, 0, n), "bytes");
            var r = new MacCommandReader();
            int consumed;
            Assert.AreEqual((int)MacCommandStatus.End, (int)r.Validate(b, 0, n, false, out consumed), "uplink parse");
            Assert.AreEqual(6, consumed, "all six bytes");
        }
    }
}
