using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Frames
{
    [TestClass]
    public class DataFrameTests
    {
        // shared/VECTORS.md (lora-packet test suite).
        const string UplinkTest = "40F17DBE4900020001954378762B11FF0D";
        const string UplinkFox = "40F17DBE490004000155332DE41A11ADC072553544429CE7787707D1C316E027E7E5E334263376AFFB8AA17AD30075293F28DEA8A20AF3C5E7";
        const string DownlinkAck = "60F17DBE4920020001F9D65D27";

        [TestMethod]
        public void Read_VectorUplink_GivesDocumentedFields()
        {
            byte[] b = TestBytes.From(UplinkTest);
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 0), "result");
            Assert.AreEqual((int)MType.UnconfirmedDataUp, (int)f.MType, "MType");
            Assert.AreEqual(0x49BE7DF1u, f.DevAddr, "DevAddr MSB 49BE7DF1");
            Assert.AreEqual((byte)0x00, f.FCtrlByte, "FCtrl");
            Assert.AreEqual((ushort)2, f.FCnt, "FCnt");
            Assert.AreEqual(1, f.FPort, "FPort");
            Assert.AreEqual(0, f.FOptsLength, "FOptsLen");
            Assert.AreEqual(9, f.FrmPayloadOffset, "FRMPayload offset");
            Assert.AreEqual(4, f.FrmPayloadLength, "FRMPayload length");
            Assert.AreEqual("95437876", TestBytes.ToHex(b, f.FrmPayloadOffset, f.FrmPayloadLength), "FRMPayload as on air");
            Assert.AreEqual(0x2B11FF0Du, f.Mic, "MIC");
            Assert.AreEqual(13, f.MicOffset, "MIC offset");
            Assert.AreEqual(13, f.MicInputLength, "MIC covers MHDR..FRMPayload");
            Assert.IsFalse(f.IsDownlink, "direction");
            Assert.IsFalse(f.Adr || f.Ack || f.AdrAckReq || f.ClassB || f.FPending, "flags");
        }

        [TestMethod]
        public void Read_VectorUplinkOfThreeBlocks_GivesFCnt4AndA44BytePayload()
        {
            byte[] b = TestBytes.From(UplinkFox);
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 0), "result");
            Assert.AreEqual(0x49BE7DF1u, f.DevAddr, "DevAddr");
            Assert.AreEqual((ushort)4, f.FCnt, "FCnt");
            Assert.AreEqual(1, f.FPort, "FPort");
            Assert.AreEqual(44, f.FrmPayloadLength, "'The quick brown fox jumps over the lazy dog.' is 44 bytes");
            Assert.AreEqual(0xA20AF3C5u, LittleEndian.ReadMic(b, 52), "bytes before the MIC");
            Assert.AreEqual(0x0AF3C5E7u, f.Mic, "MIC = last four bytes");
        }

        [TestMethod]
        public void Read_VectorDownlinkWithAck_HasPortAndEmptyPayload()
        {
            byte[] b = TestBytes.From(DownlinkAck);
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 0), "result");
            Assert.AreEqual((int)MType.UnconfirmedDataDown, (int)f.MType, "MType");
            Assert.IsTrue(f.IsDownlink, "downlink");
            Assert.AreEqual(0x49BE7DF1u, f.DevAddr, "DevAddr");
            Assert.IsTrue(f.Ack, "ACK");
            Assert.IsFalse(f.Adr, "ADR");
            Assert.IsFalse(f.FPending, "FPending");
            Assert.AreEqual((ushort)2, f.FCnt, "FCnt");
            Assert.AreEqual(1, f.FPort, "FPort present");
            Assert.AreEqual(0, f.FrmPayloadLength, "no payload bytes");
            Assert.AreEqual(0xF9D65D27u, f.Mic, "MIC");
        }

        [TestMethod]
        public void Read_AtAnOffset_ReportsAbsoluteOffsets()
        {
            byte[] v = TestBytes.From(UplinkTest);
            byte[] b = new byte[v.Length + 7];
            System.Array.Copy(v, 0, b, 5, v.Length);
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 5, v.Length, 0), "result");
            Assert.AreEqual(5, f.Offset, "Offset");
            Assert.AreEqual(14, f.FrmPayloadOffset, "FRMPayload offset");
            Assert.AreEqual(18, f.MicOffset, "MIC offset");
            Assert.AreEqual(0x2B11FF0Du, f.Mic, "MIC");
        }

        [TestMethod]
        public void Write_ConfirmedDownWithFOptsAndPayload_MatchesHandLayout()
        {
            // MHDR 101 000 00 = A0; DevAddr 0x01020304 LE; FCtrl ADR|ACK|FPending|FOptsLen 3 = B3; FCnt 0x1234 LE;
            // FOpts = LinkCheckAns(7 dB, 1 gw); FPort 10; FRMPayload AA BB; MIC slot zero.
            var f = new DataFrame();
            f.MType = MType.ConfirmedDataDown;
            f.DevAddr = 0x01020304;
            f.Adr = true; f.Ack = true; f.FPending = true;
            f.AdrAckReq = true; // uplink-only bit: must not be written into a downlink
            f.FCnt = 0x1234;
            f.FPort = 10;
            byte[] fopts = new byte[] { 0x02, 0x07, 0x01 };
            byte[] payload = new byte[] { 0xAA, 0xBB };
            byte[] buf = new byte[64];
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Write(buf, 0, fopts, 0, 3, payload, 0, 2), "write");
            Assert.AreEqual(18, f.Length, "length");
            Assert.AreEqual("A004030201B33412020701" + "0AAABB" + "00000000", TestBytes.ToHex(buf, 0, 18), "bytes");
            Assert.AreEqual(12, f.FrmPayloadOffset, "payload offset");
            Assert.AreEqual(14, f.MicOffset, "MIC offset");
            f.SetMic(0xDEADBEEF);
            Assert.AreEqual("DEADBEEF", TestBytes.ToHex(buf, 14, 4), "MIC stored in air order");

            var r = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, 18, 0), "read back");
            Assert.AreEqual((int)MType.ConfirmedDataDown, (int)r.MType, "MType");
            Assert.AreEqual(0x01020304u, r.DevAddr, "DevAddr");
            Assert.IsTrue(r.Adr && r.Ack && r.FPending, "flags");
            Assert.IsFalse(r.AdrAckReq, "RFU bit 6 in a downlink");
            Assert.AreEqual((ushort)0x1234, r.FCnt, "FCnt");
            Assert.AreEqual(3, r.FOptsLength, "FOptsLen");
            Assert.AreEqual(8, r.FOptsOffset, "FOpts offset");
            Assert.AreEqual(10, r.FPort, "FPort");
            Assert.AreEqual(2, r.FrmPayloadLength, "payload");
            Assert.AreEqual(0xDEADBEEFu, r.Mic, "MIC");
        }

        [TestMethod]
        public void Write_ConfirmedUpWithAllUplinkBits_MatchesHandLayout()
        {
            // MHDR 100 000 00 = 80; FCtrl ADR|ADRACKReq|ACK|ClassB = F0; FPending is a downlink bit and is not written.
            var f = new DataFrame();
            f.MType = MType.ConfirmedDataUp;
            f.DevAddr = 0x26011BDA;
            f.Adr = true; f.AdrAckReq = true; f.Ack = true; f.ClassB = true; f.FPending = true;
            f.FCnt = 0xFFFF;
            f.FPort = 224;
            byte[] payload = new byte[] { 0x01 };
            byte[] buf = new byte[20];
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Write(buf, 0, null, 0, 0, payload, 0, 1), "write");
            Assert.AreEqual("80DA1B0126F0FFFFE00100000000", TestBytes.ToHex(buf, 0, f.Length), "bytes");

            var r = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, f.Length, 0), "read back");
            Assert.IsTrue(r.Adr && r.AdrAckReq && r.Ack && r.ClassB, "uplink bits");
            Assert.IsFalse(r.FPending, "bit 4 of an uplink is ClassB, not FPending");
            Assert.AreEqual((ushort)0xFFFF, r.FCnt, "FCnt");
            Assert.AreEqual(224, r.FPort, "FPort");
        }

        [TestMethod]
        public void Write_UnconfirmedUpWithoutPort_IsTwelveBytes()
        {
            // A frame carrying only MAC commands in FOpts: no FPort, no FRMPayload.
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataUp;
            f.DevAddr = 0x49BE7DF1;
            f.FCnt = 7;
            f.FPort = DataFrame.NoPort;
            byte[] fopts = new byte[] { 0x02 }; // LinkCheckReq
            byte[] buf = new byte[13];
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Write(buf, 0, fopts, 0, 1, null, 0, 0), "write");
            Assert.AreEqual("40F17DBE49010700" + "02" + "00000000", TestBytes.ToHex(buf, 0, 13), "bytes");

            var r = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, 13, 0), "read back");
            Assert.AreEqual(DataFrame.NoPort, r.FPort, "no FPort");
            Assert.AreEqual(0, r.FrmPayloadLength, "no payload");
            Assert.AreEqual(1, r.FOptsLength, "FOpts");
        }

        [TestMethod]
        public void Write_UnconfirmedDownOnPortZero_RoundTrips()
        {
            // MAC commands in FRMPayload: FPort 0 and no FOpts. MHDR 011 000 00 = 60.
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataDown;
            f.DevAddr = 0xAABBCCDD;
            f.FCnt = 0x0100;
            f.FPort = 0;
            byte[] payload = new byte[] { 0x06, 0x08, 0x05 };
            byte[] buf = new byte[16];
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Write(buf, 0, null, 0, 0, payload, 0, 3), "write");
            Assert.AreEqual("60DDCCBBAA000001" + "00" + "060805" + "00000000", TestBytes.ToHex(buf, 0, 16), "bytes");
            var r = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, 16, 0), "read back");
            Assert.AreEqual(0, r.FPort, "FPort 0");
            Assert.AreEqual(3, r.FrmPayloadLength, "payload");
        }

        [TestMethod]
        public void Read_RfuBitSixOfADownlink_IsIgnored()
        {
            // 60 ... FCtrl 0x40 (RFU in a downlink): not ADRACKReq, frame still valid.
            byte[] b = TestBytes.From("60F17DBE4940020001F9D65D27");
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 0), "result");
            Assert.IsFalse(f.AdrAckReq, "AdrAckReq is an uplink bit");
            Assert.AreEqual((byte)0x40, f.FCtrlByte, "raw FCtrl kept");
        }
    }
}
