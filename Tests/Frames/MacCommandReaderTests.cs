using LoRaWan.Frames;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Frames
{
    [TestClass]
    public class MacCommandReaderTests
    {
        [TestMethod]
        public void DownlinkSequence_IsWalkedCommandByCommand()
        {
            // LinkADRReq(5 bytes) | DevStatusReq(1) | RXTimingSetupReq(2) | LinkCheckAns(3)
            byte[] b = TestBytes.From("0352FF0001" + "06" + "0801" + "021403");
            var r = new MacCommandReader();
            r.Reset(b, 0, b.Length, true);
            Assert.IsTrue(r.MoveNext(), "1");
            Assert.AreEqual((byte)Cid.LinkAdr, r.Cid, "LinkADRReq");
            Assert.AreEqual("LinkADRReq", r.Name, "name");
            Assert.AreEqual(1, r.PayloadOffset, "payload offset");
            Assert.AreEqual(4, r.PayloadLength, "payload length");
            Assert.IsTrue(r.MoveNext(), "2");
            Assert.AreEqual((byte)Cid.DevStatus, r.Cid, "DevStatusReq");
            Assert.AreEqual(0, r.PayloadLength, "empty");
            Assert.IsTrue(r.MoveNext(), "3");
            Assert.AreEqual((byte)Cid.RxTimingSetup, r.Cid, "RXTimingSetupReq");
            Assert.AreEqual(7, r.PayloadOffset, "offset");
            Assert.IsTrue(r.MoveNext(), "4");
            Assert.AreEqual("LinkCheckAns", r.Name, "name");
            Assert.AreEqual(20, LinkCheckAns.Margin(b, r.PayloadOffset), "margin");
            Assert.IsFalse(r.MoveNext(), "end");
            Assert.AreEqual((int)MacCommandStatus.End, (int)r.Status, "End");
            Assert.AreEqual(b.Length, r.Consumed, "consumed all");
            Assert.IsFalse(r.MoveNext(), "stays at the end");
        }

        [TestMethod]
        public void UnknownCid_StopsAndReportsHowFarItGot()
        {
            // DevStatusReq | 0x14 (unknown) | LinkCheckAns: the LinkCheckAns after the unknown CID cannot be reached.
            byte[] b = TestBytes.From("06" + "14" + "021403");
            var r = new MacCommandReader();
            int consumed;
            Assert.AreEqual((int)MacCommandStatus.UnknownCid, (int)r.Validate(b, 0, b.Length, true, out consumed), "status");
            Assert.AreEqual(1, consumed, "one good byte");
            Assert.AreEqual((byte)0x14, r.Cid, "the CID that stopped it");
            Assert.AreEqual(1, r.CommandOffset, "where it stopped");
        }

        [TestMethod]
        public void ProprietaryCid_StopsTheSequence()
        {
            byte[] b = TestBytes.From("80" + "06");
            var r = new MacCommandReader();
            int consumed;
            Assert.AreEqual((int)MacCommandStatus.UnknownCid, (int)r.Validate(b, 0, b.Length, true, out consumed), "0x80");
            Assert.AreEqual(0, consumed, "nothing good");
        }

        [TestMethod]
        public void CommandCutShort_IsTruncatedWithoutReadingPastTheEnd()
        {
            // DutyCycleReq(2) then a NewChannelReq missing its DrRange byte; the buffer continues with a byte that must not be used.
            byte[] b = TestBytes.From("0403" + "0703184F84" + "50");
            var r = new MacCommandReader();
            int consumed;
            Assert.AreEqual((int)MacCommandStatus.Truncated, (int)r.Validate(b, 0, b.Length - 1, true, out consumed), "status");
            Assert.AreEqual(2, consumed, "DutyCycleReq was complete");
            Assert.AreEqual((byte)Cid.NewChannel, r.Cid, "the cut command");
            Assert.AreEqual((int)MacCommandStatus.End, (int)r.Validate(b, 0, b.Length, true, out consumed), "with the byte it is complete");
        }

        [TestMethod]
        public void Direction_SelectsTheLength()
        {
            // 0x06 is DevStatusReq (0 bytes) going down and DevStatusAns (2 bytes) going up.
            byte[] b = TestBytes.From("06FF20");
            var r = new MacCommandReader();
            int consumed;
            Assert.AreEqual((int)MacCommandStatus.UnknownCid, (int)r.Validate(b, 0, 3, true, out consumed), "downlink: 06, then FF unknown");
            Assert.AreEqual(1, consumed, "downlink consumed");
            Assert.AreEqual((int)MacCommandStatus.End, (int)r.Validate(b, 0, 3, false, out consumed), "uplink: DevStatusAns FF 20");
            Assert.AreEqual(3, consumed, "uplink consumed");
            // ForceRejoinReq has no uplink form: an uplink 0x0E is unknown.
            Assert.AreEqual((int)MacCommandStatus.UnknownCid, (int)r.Validate(new byte[] { 0x0E }, 0, 1, false, out consumed), "0x0E up");
        }

        [TestMethod]
        public void EmptyAndInvalidInput_DoNotThrow()
        {
            var r = new MacCommandReader();
            int consumed;
            Assert.AreEqual((int)MacCommandStatus.End, (int)r.Validate(new byte[0], 0, 0, true, out consumed), "empty");
            Assert.AreEqual((int)MacCommandStatus.InvalidArgument, (int)r.Validate(null, 0, 1, true, out consumed), "null");
            Assert.AreEqual((int)MacCommandStatus.InvalidArgument, (int)r.Validate(new byte[2], 1, 2, true, out consumed), "past the end");
            Assert.IsFalse(r.MoveNext(), "MoveNext after invalid input");
        }

        [TestMethod]
        public void SequenceAtAnOffset_UsesAbsolutePayloadOffsets()
        {
            byte[] b = TestBytes.From("FFFF" + "0D" + "D202964980");
            var r = new MacCommandReader();
            r.Reset(b, 2, 6, true);
            Assert.IsTrue(r.MoveNext(), "DeviceTimeAns");
            Assert.AreEqual(3, r.PayloadOffset, "absolute");
            Assert.AreEqual(1234567890u, DeviceTimeAns.Seconds(b, r.PayloadOffset), "seconds");
            Assert.IsFalse(r.MoveNext(), "end");
            Assert.AreEqual(6, r.Consumed, "consumed");
        }
    }
}
