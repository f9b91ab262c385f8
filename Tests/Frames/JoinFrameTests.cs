using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Frames
{
    [TestClass]
    public class JoinFrameTests
    {
        // shared/VECTORS.md (lora-packet test suite).
        const string JoinRequest = "0039363463336913AA05693574323831330489C65B1304";
        const string JoinAcceptPlain = "20386337CCBBAAE7CD2C010000D9D0A6E7";
        const string JoinAcceptZeroKeyOnAir = "20E3DE108795F776B8037610EF7869B5B3";

        // The Things Network EU868 CFList: 867.1, 867.3, 867.5, 867.7, 867.9 MHz (3-byte LE, 100 Hz units), type 0.
        const string Eu868CfList = "184F84E85684B85E84886684586E8400";

        [TestMethod]
        public void JoinRequest_Vector_GivesEuisAndDevNonce()
        {
            byte[] b = TestBytes.From(JoinRequest);
            var jr = new JoinRequestFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)jr.Read(b, 0, b.Length), "result");
            Assert.AreEqual(0xAA13693363343639UL, jr.JoinEui, "JoinEUI MSB AA13693363343639");
            Assert.AreEqual(0x3331383274356905UL, jr.DevEui, "DevEUI MSB 3331383274356905");
            Assert.AreEqual((ushort)0x8904, jr.DevNonce, "DevNonce");
            Assert.AreEqual(0xC65B1304u, jr.Mic, "MIC");
        }

        [TestMethod]
        public void JoinRequest_Write_ReproducesTheVectorBeforeItsMic()
        {
            var jr = new JoinRequestFrame();
            jr.JoinEui = 0xAA13693363343639UL;
            jr.DevEui = 0x3331383274356905UL;
            jr.DevNonce = 0x8904;
            byte[] buf = new byte[30];
            Assert.AreEqual(23, jr.Write(buf, 2), "length");
            Assert.AreEqual("0039363463336913AA0569357432383133048900000000", TestBytes.ToHex(buf, 2, 23), "bytes with zero MIC slot");
            Assert.AreEqual(0, jr.Write(buf, 8), "no room: nothing written");
        }

        [TestMethod]
        public void JoinAccept_VectorPlaintext_GivesDocumentedFields()
        {
            byte[] b = TestBytes.From(JoinAcceptPlain);
            var ja = new JoinAcceptFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)ja.Read(b, 0, b.Length), "result");
            Assert.AreEqual(0x376338u, ja.JoinNonce, "AppNonce/JoinNonce");
            Assert.AreEqual(0xAABBCCu, ja.NetId, "NetID");
            Assert.AreEqual(0x012CCDE7u, ja.DevAddr, "DevAddr");
            Assert.IsFalse(ja.OptNeg, "OptNeg");
            Assert.AreEqual(0, ja.Rx1DrOffset, "RX1DROffset");
            Assert.AreEqual(0, ja.Rx2DataRate, "RX2DataRate");
            Assert.AreEqual(0, ja.RxDelay, "RxDelay");
            Assert.AreEqual(1, ja.RxDelaySeconds, "Del 0 means 1 s");
            Assert.IsFalse(ja.HasCfList, "no CFList");
            Assert.AreEqual(-1, ja.CfListType, "CFListType without CFList");
            Assert.AreEqual(0xD9D0A6E7u, ja.Mic, "MIC");
        }

        [TestMethod]
        public void JoinAccept_EncryptedVector_PassesTheDownlinkLengthCheck()
        {
            byte[] b = TestBytes.From(JoinAcceptZeroKeyOnAir);
            MType mtype;
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadDownlink(b, 0, b.Length, 0, new DataFrame(), out mtype), "result");
            Assert.AreEqual((int)MType.JoinAccept, (int)mtype, "MType");
        }

        [TestMethod]
        public void JoinAccept_WriteWithType0CfList_RoundTrips()
        {
            // MHDR 20 | JoinNonce 0x000102 | NetID 0x000013 | DevAddr 0x26011BDA | DLSettings: OptNeg, RX1DROffset 1,
            // RX2 DR 3 = 0x80|0x10|0x03 = 93 | RxDelay 5 | CFList | MIC 0.
            var ja = new JoinAcceptFrame();
            ja.JoinNonce = 0x000102;
            ja.NetId = 0x000013;
            ja.DevAddr = 0x26011BDA;
            ja.OptNeg = true;
            ja.Rx1DrOffset = 1;
            ja.Rx2DataRate = 3;
            ja.RxDelay = 5;
            byte[] cf = TestBytes.From(Eu868CfList);
            byte[] buf = new byte[40];
            Assert.AreEqual(33, ja.Write(buf, 0, cf, 0), "length");
            Assert.AreEqual("20020100130000DA1B01269305" + Eu868CfList + "00000000", TestBytes.ToHex(buf, 0, 33), "bytes");

            var r = new JoinAcceptFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, 33), "read back");
            Assert.AreEqual(0x000102u, r.JoinNonce, "JoinNonce");
            Assert.AreEqual(0x13u, r.NetId, "NetID");
            Assert.AreEqual(0x26011BDAu, r.DevAddr, "DevAddr");
            Assert.IsTrue(r.OptNeg, "OptNeg");
            Assert.AreEqual(1, r.Rx1DrOffset, "RX1DROffset");
            Assert.AreEqual(3, r.Rx2DataRate, "RX2DataRate");
            Assert.AreEqual(5, r.RxDelaySeconds, "RxDelay");
            Assert.IsTrue(r.HasCfList, "CFList");
            Assert.AreEqual(CfList.TypeFrequencies, r.CfListType, "type 0");
            Assert.AreEqual(13, r.CfListOffset, "CFList offset");
            Assert.AreEqual(867100000u, CfList.Frequency(buf, r.CfListOffset, 0), "ch3");
            Assert.AreEqual(867300000u, CfList.Frequency(buf, r.CfListOffset, 1), "ch4");
            Assert.AreEqual(867500000u, CfList.Frequency(buf, r.CfListOffset, 2), "ch5");
            Assert.AreEqual(867700000u, CfList.Frequency(buf, r.CfListOffset, 3), "ch6");
            Assert.AreEqual(867900000u, CfList.Frequency(buf, r.CfListOffset, 4), "ch7");
        }

        [TestMethod]
        public void CfList_WriteFrequencies_MatchesTheEu868Layout()
        {
            byte[] buf = new byte[16];
            uint[] f = new uint[] { 867100000, 867300000, 867500000, 867700000, 867900000 };
            Assert.AreEqual(16, CfList.WriteFrequencies(buf, 0, f, 5), "length");
            Assert.AreEqual(Eu868CfList, TestBytes.ToHex(buf, 0, 16), "bytes");
            Assert.AreEqual(16, CfList.WriteFrequencies(buf, 0, f, 2), "two entries");
            Assert.AreEqual("184F84E85684" + "000000000000000000" + "00", TestBytes.ToHex(buf, 0, 16), "missing entries are 0");
            Assert.AreEqual(0, CfList.WriteFrequencies(buf, 0, f, 6), "more than five");
        }

        [TestMethod]
        public void CfList_Type1ChannelMasks_RoundTrip()
        {
            // US915 sub-band 2: channels 8..15 (ChMask0 = 0xFF00) and 65 (ChMask4 = 0x0002); 5 RFU bytes; type 01.
            byte[] buf = new byte[16];
            ushort[] masks = new ushort[] { 0xFF00, 0, 0, 0, 0x0002 };
            Assert.AreEqual(16, CfList.WriteChannelMasks(buf, 0, masks, 5), "length");
            Assert.AreEqual("00FF00000000000002000000000000" + "01", TestBytes.ToHex(buf, 0, 16), "bytes");
            Assert.AreEqual(CfList.TypeChannelMask, CfList.ReadType(buf, 0), "type");
            Assert.AreEqual((ushort)0xFF00, CfList.ChannelMask(buf, 0, 0), "ChMask0");
            Assert.AreEqual((ushort)0x0002, CfList.ChannelMask(buf, 0, 4), "ChMask4");

            var ja = new JoinAcceptFrame();
            byte[] frame = new byte[33];
            Assert.AreEqual(33, ja.Write(frame, 0, buf, 0), "join-accept length");
            var r = new JoinAcceptFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(frame, 0, 33), "read");
            Assert.AreEqual(CfList.TypeChannelMask, r.CfListType, "type 1 in the join-accept");
            Assert.AreEqual((ushort)0xFF00, CfList.ChannelMask(frame, r.CfListOffset, 0), "ChMask0 via the view");
        }

        [TestMethod]
        public void RejoinRequest_Type0_RoundTrips()
        {
            // MHDR 110 000 00 = C0 | type 00 | NetID 0x000013 LE | DevEUI 0x0042004213424341 LE | RJcount0 0x0102 LE | MIC.
            var rj = new RejoinRequestFrame();
            rj.RejoinType = 0;
            rj.NetId = 0x000013;
            rj.DevEui = 0x0042004213424341UL;
            rj.RjCount = 0x0102;
            byte[] buf = new byte[24];
            Assert.AreEqual(19, rj.Write(buf, 0), "length");
            Assert.AreEqual("C000130000" + "4143421342004200" + "0201" + "00000000", TestBytes.ToHex(buf, 0, 19), "bytes");
            var r = new RejoinRequestFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, 19), "read");
            Assert.AreEqual(0, r.RejoinType, "type");
            Assert.AreEqual(0x13u, r.NetId, "NetID");
            Assert.AreEqual(0x0042004213424341UL, r.DevEui, "DevEUI");
            Assert.AreEqual((ushort)0x0102, r.RjCount, "RJcount0");
        }

        [TestMethod]
        public void RejoinRequest_Type1_RoundTrips()
        {
            // C0 | 01 | JoinEUI 0x0000001223224242 LE | DevEUI LE | RJcount1 0x0005 LE | MIC.
            var rj = new RejoinRequestFrame();
            rj.RejoinType = 1;
            rj.JoinEui = 0x0000001223224242UL;
            rj.DevEui = 0x0042004213424341UL;
            rj.RjCount = 5;
            byte[] buf = new byte[24];
            Assert.AreEqual(24, rj.Write(buf, 0), "length");
            Assert.AreEqual("C001" + "4242222312000000" + "4143421342004200" + "0500" + "00000000", TestBytes.ToHex(buf, 0, 24), "bytes");
            var r = new RejoinRequestFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(buf, 0, 24), "read");
            Assert.AreEqual(1, r.RejoinType, "type");
            Assert.AreEqual(0x0000001223224242UL, r.JoinEui, "JoinEUI");
            Assert.AreEqual((ushort)5, r.RjCount, "RJcount1");
        }

        [TestMethod]
        public void RejoinRequest_Type2_ReadsLikeType0()
        {
            byte[] b = TestBytes.From("C002AABBCC" + "0807060504030201" + "FFFF" + "11223344");
            var r = new RejoinRequestFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)r.Read(b, 0, b.Length), "read");
            Assert.AreEqual(2, r.RejoinType, "type");
            Assert.AreEqual(0xCCBBAAu, r.NetId, "NetID LE");
            Assert.AreEqual(0x0102030405060708UL, r.DevEui, "DevEUI LE");
            Assert.AreEqual((ushort)0xFFFF, r.RjCount, "RJcount");
            Assert.AreEqual(0x11223344u, r.Mic, "MIC");
        }

        [TestMethod]
        public void Proprietary_IsPassedThrough()
        {
            byte[] body = new byte[] { 0x01, 0x02, 0x03 };
            byte[] buf = new byte[8];
            Assert.AreEqual(4, PhyPayload.WriteProprietary(buf, 0, body, 0, 3), "length");
            Assert.AreEqual("E0010203", TestBytes.ToHex(buf, 0, 4), "MHDR 111 000 00 then the body unchanged");
            MType mtype;
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadDownlink(buf, 0, 4, 0, new DataFrame(), out mtype), "downlink");
            Assert.AreEqual((int)MType.Proprietary, (int)mtype, "MType");
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadUplink(buf, 0, 4, 0, new DataFrame(), new JoinRequestFrame(), null, out mtype), "uplink");
        }

        [TestMethod]
        public void ReadUplink_DispatchesEachUplinkType()
        {
            var data = new DataFrame();
            var jr = new JoinRequestFrame();
            var rj = new RejoinRequestFrame();
            MType mtype;
            byte[] join = TestBytes.From(JoinRequest);
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadUplink(join, 0, join.Length, 0, data, jr, rj, out mtype), "join-request");
            Assert.AreEqual((int)MType.JoinRequest, (int)mtype, "join MType");
            Assert.AreEqual((ushort)0x8904, jr.DevNonce, "join-request filled");

            byte[] up = TestBytes.From("40F17DBE4900020001954378762B11FF0D");
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadUplink(up, 0, up.Length, 0, data, jr, rj, out mtype), "data up");
            Assert.AreEqual((ushort)2, data.FCnt, "data filled");

            byte[] rejoin = TestBytes.From("C002AABBCC" + "0807060504030201" + "FFFF" + "11223344");
            Assert.AreEqual((int)FrameResult.Ok, (int)PhyPayload.ReadUplink(rejoin, 0, rejoin.Length, 0, data, jr, rj, out mtype), "rejoin");
            Assert.AreEqual(2, rj.RejoinType, "rejoin filled");
            Assert.AreEqual((int)FrameResult.RfuMType, (int)PhyPayload.ReadUplink(rejoin, 0, rejoin.Length, 0, data, jr, null, out mtype), "a 1.0 network has no rejoin");
        }
    }
}
