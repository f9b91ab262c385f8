using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Frames
{
    /// <summary>Each way a received frame can be malformed has its own result, and none of them throws.</summary>
    [TestClass]
    public class FrameValidationTests
    {
        const string DownlinkAck = "60F17DBE4920020001F9D65D27";

        static FrameResult Down(string hex)
        {
            byte[] b = TestBytes.From(hex);
            MType mtype;
            return PhyPayload.ReadDownlink(b, 0, b.Length, 0, new DataFrame(), out mtype);
        }

        [TestMethod]
        public void NullOrOutOfRangeArguments_AreInvalidArgument()
        {
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.InvalidArgument, (int)f.Read(null, 0, 12, 0), "null");
            byte[] b = TestBytes.From(DownlinkAck);
            Assert.AreEqual((int)FrameResult.InvalidArgument, (int)f.Read(b, 2, b.Length, 0), "past the end");
            Assert.AreEqual((int)FrameResult.InvalidArgument, (int)f.Read(b, -1, 5, 0), "negative offset");
            Assert.AreEqual((int)FrameResult.InvalidArgument, (int)f.Read(b, 0, -1, 0), "negative length");
            MType mtype;
            Assert.AreEqual((int)FrameResult.InvalidArgument, (int)PhyPayload.ReadDownlink(null, 0, 0, 0, f, out mtype), "downlink null");
        }

        [TestMethod]
        public void EmptyFrame_IsTooShort()
        {
            MType mtype;
            Assert.AreEqual((int)FrameResult.TooShort, (int)PhyPayload.ReadDownlink(new byte[4], 0, 0, 0, new DataFrame(), out mtype), "0 bytes");
        }

        [TestMethod]
        public void DataFrameOfElevenBytes_IsTooShort()
        {
            // MHDR + DevAddr + FCtrl + FCnt + 3 of 4 MIC bytes.
            Assert.AreEqual((int)FrameResult.TooShort, (int)Down("60F17DBE4900020001F9D6"), "11 bytes");
            Assert.AreEqual((int)FrameResult.Ok, (int)Down("60F17DBE4900020001F9D65D"), "12 bytes: no FPort, no payload");
        }

        [TestMethod]
        public void MacPayloadAboveTheRegionMaximum_IsTooLong()
        {
            byte[] b = TestBytes.From(DownlinkAck); // 13 bytes: MACPayload = 8
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.TooLong, (int)f.Read(b, 0, b.Length, 7), "M = 7");
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 8), "M = 8 exactly");
            MType mtype;
            Assert.AreEqual((int)FrameResult.TooLong, (int)PhyPayload.ReadDownlink(b, 0, b.Length, 7, f, out mtype), "via ReadDownlink");
        }

        [TestMethod]
        public void MajorOtherThanR1_IsWrongMajor()
        {
            Assert.AreEqual((int)FrameResult.WrongMajor, (int)Down("61F17DBE4920020001F9D65D27"), "Major 01");
            Assert.AreEqual((int)FrameResult.WrongMajor, (int)Down("63F17DBE4920020001F9D65D27"), "Major 11");
            Assert.AreEqual((int)FrameResult.Ok, (int)Down("7CF17DBE4920020001F9D65D27"), "MHDR RFU bits 4..2 are ignored");
        }

        [TestMethod]
        public void MTypeRejoinOnTheDownlink_IsRfuMType()
        {
            Assert.AreEqual((int)FrameResult.RfuMType, (int)Down("C0F17DBE4920020001F9D65D27"), "MType 110");
        }

        [TestMethod]
        public void UplinkTypesOnTheDownlink_AreWrongDirection()
        {
            Assert.AreEqual((int)FrameResult.WrongDirection, (int)Down("40F17DBE4900020001954378762B11FF0D"), "unconfirmed up");
            Assert.AreEqual((int)FrameResult.WrongDirection, (int)Down("80F17DBE4900020001954378762B11FF0D"), "confirmed up");
            Assert.AreEqual((int)FrameResult.WrongDirection, (int)Down("0039363463336913AA05693574323831330489C65B1304"), "join-request");
            byte[] b = TestBytes.From(DownlinkAck);
            MType mtype;
            Assert.AreEqual((int)FrameResult.WrongDirection, (int)PhyPayload.ReadUplink(b, 0, b.Length, 0, new DataFrame(), new JoinRequestFrame(), null, out mtype), "downlink on the uplink path");
        }

        [TestMethod]
        public void ReaderGivenAnotherType_IsUnexpectedMType()
        {
            byte[] join = TestBytes.From("0039363463336913AA05693574323831330489C65B1304");
            Assert.AreEqual((int)FrameResult.UnexpectedMType, (int)new DataFrame().Read(join, 0, join.Length, 0), "data reader, join-request");
            byte[] data = TestBytes.From(DownlinkAck);
            Assert.AreEqual((int)FrameResult.UnexpectedMType, (int)new JoinAcceptFrame().Read(data, 0, data.Length), "join-accept reader, data");
            Assert.AreEqual((int)FrameResult.UnexpectedMType, (int)new JoinRequestFrame().Read(data, 0, data.Length), "join-request reader, data");
            Assert.AreEqual((int)FrameResult.UnexpectedMType, (int)new RejoinRequestFrame().Read(data, 0, data.Length), "rejoin reader, data");
        }

        [TestMethod]
        public void FOptsLenBeyondTheFrame_IsFOptsTooLong()
        {
            // FCtrl 05 claims 5 FOpts bytes, only 3 precede the MIC.
            Assert.AreEqual((int)FrameResult.FOptsTooLong, (int)Down("60F17DBE49050200AABBCC" + "11223344"), "5 > 3");
            // FCtrl 03 with exactly 3: valid, no FPort.
            Assert.AreEqual((int)FrameResult.Ok, (int)Down("60F17DBE49030200AABBCC" + "11223344"), "3 = 3");
            // FCtrl 0F with nothing after FCnt.
            Assert.AreEqual((int)FrameResult.FOptsTooLong, (int)Down("60F17DBE490F0200" + "11223344"), "15 > 0");
        }

        [TestMethod]
        public void PortZeroWithFOpts_IsFOptsWithPortZero()
        {
            // FOptsLen 1 (02 = LinkCheckAns CID... content does not matter), FPort 0, one payload byte.
            Assert.AreEqual((int)FrameResult.FOptsWithPortZero, (int)Down("60F17DBE49010200" + "06" + "00" + "AA" + "11223344"), "FPort 0 + FOpts");
            Assert.AreEqual((int)FrameResult.Ok, (int)Down("60F17DBE49010200" + "06" + "01" + "AA" + "11223344"), "FPort 1 + FOpts is fine");
        }

        [TestMethod]
        public void FrameWithoutPort_HasNoPayload()
        {
            byte[] b = TestBytes.From("60F17DBE4900020011223344");
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 0), "12 bytes");
            Assert.AreEqual(DataFrame.NoPort, f.FPort, "no FPort");
            Assert.AreEqual(0, f.FrmPayloadLength, "no payload");
        }

        [TestMethod]
        public void WriterGivenPayloadWithoutPort_IsPayloadWithoutPort()
        {
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataUp;
            f.FPort = DataFrame.NoPort;
            byte[] buf = new byte[32];
            Assert.AreEqual((int)FrameResult.PayloadWithoutPort, (int)f.Write(buf, 0, null, 0, 0, new byte[] { 1 }, 0, 1), "payload, no port");
        }

        [TestMethod]
        public void WriterGivenPortZeroAndFOpts_IsFOptsWithPortZero()
        {
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataUp;
            f.FPort = 0;
            byte[] buf = new byte[32];
            Assert.AreEqual((int)FrameResult.FOptsWithPortZero, (int)f.Write(buf, 0, new byte[] { 2 }, 0, 1, new byte[] { 6 }, 0, 1), "port 0 + FOpts");
        }

        [TestMethod]
        public void WriterGivenSixteenFOptsBytes_IsFOptsTooLong()
        {
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataUp;
            byte[] buf = new byte[64];
            Assert.AreEqual((int)FrameResult.FOptsTooLong, (int)f.Write(buf, 0, new byte[16], 0, 16, null, 0, 0), "16 FOpts bytes");
        }

        [TestMethod]
        public void WriterWithoutRoom_IsBufferTooSmall()
        {
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataUp;
            f.FPort = 1;
            byte[] buf = new byte[15];
            Assert.AreEqual((int)FrameResult.BufferTooSmall, (int)f.Write(buf, 0, null, 0, 0, new byte[3], 0, 3), "16 bytes into 15");
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Write(buf, 0, null, 0, 0, new byte[2], 0, 2), "15 bytes into 15");
        }

        [TestMethod]
        public void WriterGivenAJoinType_IsUnexpectedMType()
        {
            var f = new DataFrame();
            f.MType = MType.JoinRequest;
            Assert.AreEqual((int)FrameResult.UnexpectedMType, (int)f.Write(new byte[32], 0, null, 0, 0, null, 0, 0), "join type");
        }

        [TestMethod]
        public void JoinAcceptOfWrongLength_IsJoinAcceptWrongLength()
        {
            Assert.AreEqual((int)FrameResult.JoinAcceptWrongLength, (int)Down("20E3DE108795F776B8037610EF7869B5"), "16 bytes");
            Assert.AreEqual((int)FrameResult.JoinAcceptWrongLength, (int)Down("20E3DE108795F776B8037610EF7869B5B300"), "18 bytes");
            byte[] b = new byte[34];
            b[0] = 0x20;
            MType mtype;
            Assert.AreEqual((int)FrameResult.JoinAcceptWrongLength, (int)PhyPayload.ReadDownlink(b, 0, 34, 0, new DataFrame(), out mtype), "34 bytes");
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadDownlink(b, 0, 33, 0, new DataFrame(), out mtype), "33 bytes");
            Assert.AreEqual((int)FrameResult.JoinAcceptWrongLength, (int)new JoinAcceptFrame().Read(b, 0, 32), "decrypted reader, 32 bytes");
        }

        [TestMethod]
        public void JoinRequestOfWrongLength_IsJoinRequestWrongLength()
        {
            byte[] b = TestBytes.From("0039363463336913AA05693574323831330489C65B1304");
            Assert.AreEqual((int)FrameResult.JoinRequestWrongLength, (int)new JoinRequestFrame().Read(b, 0, 22), "22 bytes");
        }

        [TestMethod]
        public void RejoinRequestOfWrongLengthOrType_IsRejected()
        {
            byte[] type0 = TestBytes.From("C000AABBCC" + "0807060504030201" + "FFFF" + "11223344" + "00");
            var r = new RejoinRequestFrame();
            Assert.AreEqual((int)FrameResult.RejoinRequestWrongLength, (int)r.Read(type0, 0, 20), "type 0 of 20 bytes");
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(type0, 0, 19), "type 0 of 19 bytes");
            type0[1] = 1;
            Assert.AreEqual((int)FrameResult.RejoinRequestWrongLength, (int)r.Read(type0, 0, 19), "type 1 needs 24 bytes");
            type0[1] = 3;
            Assert.AreEqual((int)FrameResult.RfuRejoinType, (int)r.Read(type0, 0, 19), "type 3");
            Assert.AreEqual((int)FrameResult.TooShort, (int)r.Read(type0, 0, 1), "MHDR only");
        }

        [TestMethod]
        public void ReadFailure_DoesNotThrowAndClearsLength()
        {
            var f = new DataFrame();
            byte[] b = TestBytes.From(DownlinkAck);
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(b, 0, b.Length, 0), "good frame first");
            Assert.AreEqual((int)FrameResult.TooShort, (int)f.Read(b, 0, 5, 0), "then a short one");
            Assert.AreEqual(0, f.Length, "the view no longer claims a frame");
        }
    }
}
