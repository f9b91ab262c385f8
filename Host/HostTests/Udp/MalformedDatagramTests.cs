using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// Datagrams from the server that break PROTOCOL.TXT v2 (wrong version byte, shorter than the header or than a
    /// PULL_RESP needs, invalid JSON, unknown identifiers, ACKs with tokens never sent) are counted and ignored: no
    /// TX_ACK, nothing on the air, and the gateway keeps working afterwards.
    /// </summary>
    [TestClass]
    public class MalformedDatagramTests
    {
        const uint Counter0 = 1000;
        // A valid RX1-like txpk 100 ms after virtual time 0.
        static readonly string GoodJson = ForwarderRig.Txpk(Counter0 + 100000);

        static void AssertNothingSent(ForwarderRig rig, string what)
        {
            Assert.AreEqual(0, rig.Link.OfType(0x05).Count, what + ": no TX_ACK");
            rig.Scheduler.RunFor(1000000);
            Assert.AreEqual(0, rig.OnAir.Frames.Count, what + ": nothing on the air");
        }

        static void AssertStillWorks(ForwarderRig rig)
        {
            rig.Deliver(ForwarderRig.PullResp(0x0102, ForwarderRig.Txpk(Counter0 + (uint)rig.Scheduler.NowMicroseconds + 200000)));
            Assert.AreEqual(1, rig.Link.OfType(0x05).Count, "a good PULL_RESP afterwards is still answered");
        }

        [TestMethod]
        public void WrongVersion_CountedAndIgnored()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.Datagram(1, 0x1111, 0x03, GoodJson));
            rig.Deliver(ForwarderRig.Datagram(3, 0x1112, 0x03, GoodJson));
            rig.Deliver(ForwarderRig.Datagram(0, 0x1113, 0x04, null));
            Assert.AreEqual(3, rig.Forwarder.Counters.Dropped(DatagramProblem.WrongVersion));
            Assert.AreEqual(3, rig.Forwarder.Counters.DroppedTotal);
            Assert.AreEqual(0, rig.Forwarder.Counters.PullResps, "a wrong-version datagram is not looked into");
            AssertNothingSent(rig, "wrong version");
            AssertStillWorks(rig);
        }

        [TestMethod]
        public void Truncated_CountedAndIgnored()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(new byte[0]);
            rig.Deliver(new byte[] { 2 });
            rig.Deliver(new byte[] { 2, 0x12, 0x34 });
            // A PULL_RESP header without its JSON object (PROTOCOL.TXT §5.4: bytes 4-end are the JSON).
            rig.Deliver(new byte[] { 2, 0x12, 0x34, 0x03 });
            Assert.AreEqual(4, rig.Forwarder.Counters.Dropped(DatagramProblem.Truncated));
            AssertNothingSent(rig, "truncated");
            AssertStillWorks(rig);
        }

        [TestMethod]
        public void InvalidJson_CountedAndIgnored()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x2001, "{\"txpk\":{\"tmst\":1,"));
            rig.Deliver(ForwarderRig.PullResp(0x2002, "not json"));
            rig.Deliver(ForwarderRig.PullResp(0x2003, GoodJson.Substring(0, GoodJson.Length - 1)));
            rig.Deliver(ForwarderRig.PullResp(0x2004, "{\"txpk\":{\"tmst\":1}}}"));
            Assert.AreEqual(4, rig.Forwarder.Counters.Dropped(DatagramProblem.InvalidJson));
            Assert.AreEqual(4, rig.Forwarder.Counters.PullResps, "dwnb counts them");
            AssertNothingSent(rig, "invalid JSON");
            AssertStillWorks(rig);
        }

        [TestMethod]
        public void UnusableTxpk_CountedAndIgnored()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x3001, "{\"rxpk\":[]}"));
            rig.Deliver(ForwarderRig.PullResp(0x3002, "[1,2]"));
            // size says 6, data holds 5 bytes
            rig.Deliver(ForwarderRig.PullResp(0x3003, ForwarderRig.Txpk(Counter0 + 100000, "IAECAwQ=", 6)));
            // data is not base64
            rig.Deliver(ForwarderRig.PullResp(0x3004, ForwarderRig.Txpk(Counter0 + 100000, "!!!!", 3)));
            // tmst as a string
            rig.Deliver(ForwarderRig.PullResp(0x3005, GoodJson.Replace("\"tmst\":" + (Counter0 + 100000), "\"tmst\":\"100\"")));
            // no timing at all
            rig.Deliver(ForwarderRig.PullResp(0x3006, GoodJson.Replace("\"imme\":false,\"tmst\":" + (Counter0 + 100000) + ",", "")));
            Assert.AreEqual(6, rig.Forwarder.Counters.Dropped(DatagramProblem.InvalidTxpk));
            // FSK at a bit rate other than LoRaWAN's 50 kbit/s cannot be sent by the simulated gateway
            rig.Deliver(ForwarderRig.PullResp(0x3007, "{\"txpk\":{\"imme\":true,\"freq\":868.8,\"powe\":14,\"modu\":\"FSK\",\"datr\":38400,\"fdev\":25000,\"size\":1,\"data\":\"AA==\"}}"));
            Assert.AreEqual(1, rig.Forwarder.Counters.Dropped(DatagramProblem.Unsupported));
            AssertNothingSent(rig, "unusable txpk");
            AssertStillWorks(rig);
        }

        [TestMethod]
        public void UnknownIdentifierAndUnexpectedTokens_CountedAndIgnored()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.Datagram(2, 0x4001, 0x07, null));
            rig.Deliver(ForwarderRig.Datagram(2, 0x4002, 0xFF, "{}"));
            // Gateway → server identifiers are not something a server sends.
            rig.Deliver(ForwarderRig.Datagram(2, 0x4003, 0x00, "{}"));
            rig.Deliver(ForwarderRig.Datagram(2, 0x4004, 0x05, null));
            Assert.AreEqual(4, rig.Forwarder.Counters.Dropped(DatagramProblem.UnknownIdentifier));
            // ACKs for tokens the gateway never used.
            rig.Deliver(ForwarderRig.Datagram(2, 0x4005, 0x01, null));
            rig.Deliver(ForwarderRig.Datagram(2, 0x4006, 0x04, null));
            Assert.AreEqual(2, rig.Forwarder.Counters.Dropped(DatagramProblem.UnexpectedToken));
            Assert.AreEqual(0, rig.Forwarder.Counters.PushAcks);
            Assert.AreEqual(0, rig.Forwarder.Counters.PullAcks);
            AssertNothingSent(rig, "unknown identifier");
            AssertStillWorks(rig);
        }

        [TestMethod]
        public void AckWithTheRightTokenButTheOtherIdentifier_IsUnexpected()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Forwarder.Start();
            byte[] pull = rig.Link.OfType(0x02)[0];
            // A PUSH_ACK carrying the PULL_DATA's token does not acknowledge the PULL_DATA.
            rig.Deliver(ForwarderRig.Datagram(2, (ushort)(pull[1] << 8 | pull[2]), 0x01, null));
            Assert.AreEqual(1, rig.Forwarder.Counters.Dropped(DatagramProblem.UnexpectedToken));
            rig.Deliver(ForwarderRig.Datagram(2, (ushort)(pull[1] << 8 | pull[2]), 0x04, null));
            Assert.AreEqual(1, rig.Forwarder.Counters.PullAcks);
            // The same ACK twice: the token is no longer pending.
            rig.Deliver(ForwarderRig.Datagram(2, (ushort)(pull[1] << 8 | pull[2]), 0x04, null));
            Assert.AreEqual(2, rig.Forwarder.Counters.Dropped(DatagramProblem.UnexpectedToken));
        }
    }
}
