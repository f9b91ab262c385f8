using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// Rejoin-requests at the network model (LoRaWAN 1.1 §6.2.4): types 0/2 checked against the session (SNwkSIntKey MIC,
    /// NetID, RJcount0 above RJcount0_last), type 1 against the join server (JSIntKey MIC, JoinEUI, RJcount1 above
    /// RJcount1_last), each answered with a Join-accept encrypted with JSEncKey and signed over the Rejoin type and RJcount
    /// (§6.2.3). Keys: The Things Stack's vectors (shared/VECTORS.md): the session's SNwkSIntKey, JSIntKey, JSEncKey.
    /// </summary>
    [TestClass]
    public class NetworkServerRejoinTests
    {
        const ulong DevEui = 0x0042004213424341;
        const ulong JoinEui = 0x0000001223224242;
        const string Key = "BEC499C69E9C939E413B663961636C61";
        const string SNwkSIntKey = "63C59309D53485BC5164DBF71627AEB9";
        const string JsIntKey = "CB8E9EE114C3FB5CE472A5AA13AB1855";
        const string JsEncKey = "BB711EEFB9829B4A75866F8616BACD6D";
        const ushort DevNonce = 0x7369;

        /// <summary>A joined 1.1 device whose first uplink (RekeyInd) made the network take the session.</summary>
        static NetworkBench Joined(out NetworkDevice device)
        {
            var options = new NetworkOptions();
            options.NetId = 0x020101;
            var bench = new NetworkBench("EU868", options);
            device = bench.Server.AddOtaaDevice11(DevEui, JoinEui, TestHex.Bytes(Key), TestHex.Bytes(Key));
            device.LastJoinNonce = 0xAE3B1B;
            TestEndDevice dev = TestEndDevice.Otaa11(DevEui, JoinEui, TestHex.Bytes(Key), TestHex.Bytes(Key));
            bench.Send(dev.JoinRequest(DevNonce), 868100000, 12, 125000, 10000000);
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter[0].Bytes, DevNonce));
            bench.Send(dev.Uplink(0, 1, new byte[] { 1 }, false, false, new byte[] { 0x0B, 0x01 }, 0), 868100000, 7, 125000, 20000000);
            Assert.IsNotNull(device.Session, "the network took the session");
            Assert.AreEqual(SNwkSIntKey, TestHex.Of(device.Session.SNwkSIntKey), "the TTS vector session");
            return bench;
        }

        static byte[] Rejoin(int type, uint netId, ushort rjCount, string micKey)
        {
            var f = new RejoinRequestFrame();
            f.RejoinType = type;
            f.NetId = netId;
            f.JoinEui = JoinEui;
            f.DevEui = DevEui;
            f.RjCount = rjCount;
            var b = new byte[type == 1 ? RejoinRequestFrame.LengthType1 : RejoinRequestFrame.LengthType02];
            int n = f.Write(b, 0);
            new JoinCrypto().ComputeRequestMic(TestHex.Bytes(micKey), 0, b, 0, n - 4, b, n - 4);
            return b;
        }

        static ulong _t = 30000000;

        static void Send(NetworkBench bench, byte[] frame)
        {
            _t += 30000000;
            bench.Send(frame, 868300000, 7, 125000, _t);
        }

        [TestMethod]
        public void Type0_AnsweredWithJsEncKeyAndTheType0Mic_ThenItsRjCount0AndLowerAreIgnored()
        {
            NetworkDevice device;
            NetworkBench bench = Joined(out device);
            NetworkCounters c = bench.Server.Counters;
            uint devAddr = device.Session.DevAddr;
            Send(bench, Rejoin(0, 0x020101, 3, SNwkSIntKey));
            Assert.AreEqual(1, c.RejoinAccepts, "answered");
            Assert.AreEqual(3, bench.Transmitter.Count, "join-accept, the uplink's answer, the rejoin's join-accept");
            byte[] accept = bench.Transmitter[2].Bytes;
            byte[] plain = new byte[accept.Length];
            Array.Copy(accept, plain, accept.Length);
            Assert.IsTrue(new JoinCrypto().DecryptJoinAccept(TestHex.Bytes(JsEncKey), 0, plain, 0, plain.Length), "encrypted with JSEncKey");
            Assert.IsTrue(new JoinCrypto().VerifyJoinAcceptMic11(TestHex.Bytes(JsIntKey), 0, 0x00, JoinEui, 3, plain, 0, plain.Length),
                "MIC with JSIntKey over JoinReqType 0 and RJcount0 3");
            Assert.AreEqual(0x80, plain[11] & 0x80, "OptNeg");
            Assert.AreNotEqual(devAddr, device.PendingSession.DevAddr, "a new DevAddr, pending until the device uses it");
            Assert.AreEqual(devAddr, device.Session.DevAddr, "the old session still works meanwhile");

            Send(bench, Rejoin(0, 0x020101, 3, SNwkSIntKey));
            Send(bench, Rejoin(0, 0x020101, 2, SNwkSIntKey));
            Assert.AreEqual(2, c.RejoinRejectedRjCount, "RJcount0 not above RJcount0_last");
            Send(bench, Rejoin(0, 0x020101, 4, JsIntKey));
            Assert.AreEqual(1, c.RejoinRejectedMic, "type 0 signed with another key than SNwkSIntKey");
            Send(bench, Rejoin(0, 0x010101, 4, SNwkSIntKey));
            Assert.AreEqual(1, c.RejoinRejectedUnknown, "another NetID");
            Send(bench, Rejoin(2, 0x020101, 4, SNwkSIntKey));
            Assert.AreEqual(2, c.RejoinAccepts, "type 2 with RJcount0 4");
            Assert.AreEqual(3 + 1, bench.Transmitter.Count);
        }

        [TestMethod]
        public void Type1_SignedWithJsIntKey_RjCount1MustRise_AcrossSessions()
        {
            NetworkDevice device;
            NetworkBench bench = Joined(out device);
            NetworkCounters c = bench.Server.Counters;
            Send(bench, Rejoin(1, 0, 7, SNwkSIntKey));
            Assert.AreEqual(1, c.RejoinRejectedMic, "type 1 is signed with JSIntKey");
            Send(bench, Rejoin(1, 0, 7, JsIntKey));
            Assert.AreEqual(1, c.RejoinAccepts);
            byte[] plain = new byte[bench.Transmitter[2].Bytes.Length];
            Array.Copy(bench.Transmitter[2].Bytes, plain, plain.Length);
            Assert.IsTrue(new JoinCrypto().DecryptJoinAccept(TestHex.Bytes(JsEncKey), 0, plain, 0, plain.Length));
            Assert.IsTrue(new JoinCrypto().VerifyJoinAcceptMic11(TestHex.Bytes(JsIntKey), 0, 0x01, JoinEui, 7, plain, 0, plain.Length), "JoinReqType 1, RJcount1 7");
            Send(bench, Rejoin(1, 0, 7, JsIntKey));
            Assert.AreEqual(1, c.RejoinRejectedRjCount, "RJcount1 7 again");
            Send(bench, Rejoin(1, 0, 8, JsIntKey));
            Assert.AreEqual(2, c.RejoinAccepts, "RJcount1 8");
        }
    }
}
