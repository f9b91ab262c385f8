using System;
using System.Collections;
using System.Linq;
using LoRaWan.HostTests.Crypto;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// LoRaWAN 1.1 Rejoin-requests of the device MAC (issue 16), every byte checked against values from outside the code
    /// under test: The Things Stack's key-derivation vectors (shared/VECTORS.md: the session keys, JSIntKey, JSEncKey) and
    /// <see cref="LoRaWanOracle"/> (the formulas on .NET's AES), which also plays the network: the Rejoin-request MICs
    /// (§6.2.4.2/3), the join-accept that answers them (§6.2.3: JSEncKey, JoinReqType and RJcount in the MIC) and the keys
    /// of the new session (RJcount in place of DevNonce).
    /// </summary>
    [TestClass]
    public class RejoinMacTests
    {
        const ulong DevEui = 0x0042004213424341;
        const ulong JoinEui = 0x0000001223224242;
        const string TtsKey = "BEC499C69E9C939E413B663961636C61";
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ushort TtsDevNonce = 0x7369;
        const uint TtsNetId = 0x020101;
        const uint TtsJoinNonce = 0xAE3B1C;
        const uint FirstDevAddr = 0x26011B2C;
        // shared/VECTORS.md (The Things Stack pkg/crypto): the join server keys and the session's SNwkSIntKey for TtsKey.
        const string SNwkSIntKey = "63C59309D53485BC5164DBF71627AEB9";
        const string JsIntKey = "CB8E9EE114C3FB5CE472A5AA13AB1855";
        const string JsEncKey = "BB711EEFB9829B4A75866F8616BACD6D";

        static byte[] B(string hex) => MacTestRig.Bytes(hex);
        static string H(byte[] b) => BitConverter.ToString(b).Replace("-", "");

        /// <summary>The shared 1.1 rig, joined (TTS vectors) with the next RJcount1 given; records join transmissions too.</summary>
        sealed class Rig : Mac11Rig
        {
            public Rig() : this(0) { }

            public Rig(int nextRjCount1)
                : base(DeviceIdentity.Otaa11("0042004213424341", "0000001223224242", TtsKey, AppKey),
                      Options11(), FlashWithNonces(TtsDevNonce, nextRjCount1), true)
            {
                Radio.DeliverInWindow(0, Accept(B(TtsKey), 0xFF, TtsDevNonce, TtsJoinNonce, FirstDevAddr, 0x00));
                Assert.IsTrue(Device.Join(60000), "joined");
            }

            public SendResult Send() => Device.Send(1, new byte[] { 1 }, false, 3600000);
            public byte[] Sent(int fromEnd) => (byte[])Radio.Sent[Radio.Sent.Count - 1 - fromEnd];
        }

        /// <summary>
        /// A join-accept with OptNeg = 1 (LoRaWAN 1.1 §6.2.3), built by the oracle: MIC = cmac(JSIntKey, JoinReqType | JoinEUI |
        /// nonce | MHDR … RxDelay); encrypted with NwkKey (JoinReqType 0xFF) or JSEncKey (a Rejoin type) from the vectors.
        /// </summary>
        static byte[] Accept(byte[] nwkKey, byte joinReqType, ushort nonce, uint joinNonce, uint devAddr, byte dlSettingsLow)
        {
            byte[] plain =
            {
                0x20, (byte)joinNonce, (byte)(joinNonce >> 8), (byte)(joinNonce >> 16), 0x01, 0x01, 0x02,
                (byte)devAddr, (byte)(devAddr >> 8), (byte)(devAddr >> 16), (byte)(devAddr >> 24), (byte)(0x80 | dlSettingsLow), 0x01,
            };
            byte[] mic = LoRaWanOracle.JoinAcceptMic11(B(JsIntKey), joinReqType, JoinEui, nonce, plain);
            return LoRaWanOracle.EncryptJoinAccept(joinReqType == 0xFF ? nwkKey : B(JsEncKey), plain.Concat(mic).ToArray());
        }

        /// <summary>The session keys a join-accept answering a Rejoin-request with <paramref name="rjCount"/> gives (oracle, RJcount as DevNonce).</summary>
        static void AssertKeys(ClassAMac mac, uint joinNonce, ushort rjCount)
        {
            SessionKeys k = mac.Session.Keys;
            Assert.AreEqual(H(LoRaWanOracle.Derive11(B(TtsKey), 0x01, joinNonce, JoinEui, rjCount)), H(k.NwkSKey), "FNwkSIntKey");
            Assert.AreEqual(H(LoRaWanOracle.Derive11(B(TtsKey), 0x03, joinNonce, JoinEui, rjCount)), H(k.SNwkSIntKey), "SNwkSIntKey");
            Assert.AreEqual(H(LoRaWanOracle.Derive11(B(TtsKey), 0x04, joinNonce, JoinEui, rjCount)), H(k.NwkSEncKey), "NwkSEncKey");
            Assert.AreEqual(H(LoRaWanOracle.Derive11(B(AppKey), 0x02, joinNonce, JoinEui, rjCount)), H(k.AppSKey), "AppSKey from AppKey");
        }

        [TestMethod]
        public void JoinServerKeys_OfTheOracle_AreTheTtsVectors()
        {
            Assert.AreEqual(JsIntKey, H(LoRaWanOracle.DeriveJs(B(TtsKey), 0x06, DevEui)));
            Assert.AreEqual(JsEncKey, H(LoRaWanOracle.DeriveJs(B(TtsKey), 0x05, DevEui)));
        }

        [TestMethod]
        public void RejoinType0_SignedWithSNwkSIntKey_AnsweredWithJsEncKey_NewSessionFromRjCount0()
        {
            var rig = new Rig();
            Assert.IsTrue(rig.Mac.StartRejoin(0));
            rig.DeliverNext(Accept(B(TtsKey), 0x00, 0, TtsJoinNonce + 1, 0x26011B2D, 0x00));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "the uplink after the Rejoin-request");
            byte[] rj = rig.Sent(1);
            // §6.2.4: MHDR C0 | type 0 | NetID | DevEUI | RJcount0 0 | MIC = cmac(SNwkSIntKey, MHDR .. RJcount0)[0..3].
            Assert.AreEqual("C000010102414342134200420000", H(rj.Take(15).ToArray()).Substring(0, 28));
            Assert.AreEqual(19, rj.Length);
            Assert.AreEqual(H(LoRaWanOracle.Cmac(B(SNwkSIntKey), rj.Take(15).ToArray()).Take(4).ToArray()), H(rj.Skip(15).ToArray()), "MIC with SNwkSIntKey");
            Assert.AreEqual(0x26011B2Du, rig.Mac.Session.DevAddr, "the accept's DevAddr");
            AssertKeys(rig.Mac, TtsJoinNonce + 1, 0);
            // The uplink that followed is on the new session: its 1.1 MIC with the oracle's new keys, RekeyInd in its FOpts.
            byte[] up = rig.Sent(0);
            byte[] sNwk = LoRaWanOracle.Derive11(B(TtsKey), 0x03, TtsJoinNonce + 1, JoinEui, 0);
            byte[] fNwk = LoRaWanOracle.Derive11(B(TtsKey), 0x01, TtsJoinNonce + 1, JoinEui, 0);
            byte[] enc = LoRaWanOracle.Derive11(B(TtsKey), 0x04, TtsJoinNonce + 1, JoinEui, 0);
            int ch = (int)rig.Channels[rig.Channels.Count - 1];
            int dr = (int)rig.DataRates[rig.DataRates.Count - 1];
            Assert.AreEqual(H(LoRaWanOracle.UplinkMic11(sNwk, fNwk, 0, (byte)dr, (byte)ch, 0x26011B2D, 0, up.Take(up.Length - 4).ToArray())), H(up.Skip(up.Length - 4).ToArray()), "uplink MIC on the new keys");
            Assert.AreEqual("0B01", H(LoRaWanOracle.FOpts(enc, 1, 0, 0x26011B2D, 0, up.Skip(8).Take(up[5] & 0x0F).ToArray())), "RekeyInd");
            Assert.AreEqual(0, rig.Mac.NextRjCount0, "RJcount0 back to 0");
        }

        [TestMethod]
        public void RejoinType1_SignedWithJsIntKey_CarriesJoinEuiAndRjCount1_AnswerUsesRjCount1()
        {
            var rig = new Rig();
            Assert.IsTrue(rig.Mac.StartRejoin(1));
            rig.DeliverNext(Accept(B(TtsKey), 0x01, 0, TtsJoinNonce + 5, 0x26011B30, 0x00));
            rig.Send();
            byte[] rj = rig.Sent(1);
            Assert.AreEqual(24, rj.Length);
            Assert.AreEqual("C001" + "4242222312000000" + "4143421342004200" + "0000", H(rj.Take(20).ToArray()), "MHDR | type 1 | JoinEUI | DevEUI | RJcount1 0");
            Assert.AreEqual(H(LoRaWanOracle.Cmac(B(JsIntKey), rj.Take(20).ToArray()).Take(4).ToArray()), H(rj.Skip(20).ToArray()), "MIC with JSIntKey");
            Assert.AreEqual(1, rig.Mac.NextRjCount1, "RJcount1 spent");
            AssertKeys(rig.Mac, TtsJoinNonce + 5, 0);
            // RJcount1 never goes back: the next type 1 carries 1 (it is not reset by the new session).
            Assert.IsTrue(rig.Mac.StartRejoin(1));
            rig.Send();
            Assert.AreEqual("0100", H(rig.Sent(1).Skip(18).Take(2).ToArray()), "RJcount1 = 1");
        }

        [TestMethod]
        public void RejoinAnswer_WithTheJoinRequestsMicForm_IsRejected_TheOldSessionStays()
        {
            var rig = new Rig();
            Assert.IsTrue(rig.Mac.StartRejoin(0));
            // JoinReqType 0xFF in the MIC (the form answering a Join-request), otherwise right: not an answer to this Rejoin-request.
            byte[] plainAccept = Accept(B(JsEncKey), 0xFF, 0, TtsJoinNonce + 1, 0x26011B2D, 0x00);
            rig.DeliverNext(plainAccept);
            int rejected = rig.Mac.Counters.RejectedJoinAccepts;
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            Assert.AreEqual(rejected + 1, rig.Mac.Counters.RejectedJoinAccepts, "rejected");
            Assert.AreEqual(FirstDevAddr, rig.Mac.Session.DevAddr, "the session in use stays");
            Assert.AreEqual(SNwkSIntKey, H(rig.Mac.Session.Keys.SNwkSIntKey), "its keys too");
        }

        [TestMethod]
        public void ForceRejoinReq_Type2_SentAtItsDr_SignedWithSNwkSIntKey_AcceptKeepsRadioParameters()
        {
            var rig = new Rig();
            // Settle the join's RekeyInd first is not needed: the ForceRejoinReq rides in the FOpts of a 1.1 downlink
            // (NFCntDown 0, encrypted with NwkSEncKey): period 0, Max_Retries 0, RejoinType 2, DR 3.
            byte[] nwkSEnc = B("CE07A009A3970AC0519A099ED53E550B");
            byte[] fopts = LoRaWanOracle.FOpts(nwkSEnc, 1, 1, FirstDevAddr, 0, new byte[] { 0x0E, 0x00, 0x23 });
            byte[] msg = new byte[] { 0x60, 0x2C, 0x1B, 0x01, 0x26, 0x03, 0x00, 0x00 }.Concat(fopts).ToArray();
            byte[] down = msg.Concat(LoRaWanOracle.DownlinkMic11(B(SNwkSIntKey), 0, FirstDevAddr, 0, msg)).ToArray();
            rig.DeliverNext(down);
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            int rx1 = rig.Mac.Session.Rx1DrOffset;
            int delay = rig.Mac.Session.RxDelaySeconds;
            // The accept names RX1DROffset 2 in DLSettings: a type 2 answer keeps the radio parameters (§6.2.4.1).
            rig.DeliverNext(Accept(B(TtsKey), 0x02, 0, TtsJoinNonce + 1, 0x26011B2D, 0x20));
            rig.Send();
            byte[] rj = rig.Sent(1);
            Assert.AreEqual(19, rj.Length);
            Assert.AreEqual(2, (int)rj[1], "type 2");
            Assert.AreEqual(3, (int)rig.DataRates[rig.DataRates.Count - 2], "at ForceRejoinReq's DR3");
            Assert.AreEqual(H(LoRaWanOracle.Cmac(B(SNwkSIntKey), rj.Take(15).ToArray()).Take(4).ToArray()), H(rj.Skip(15).ToArray()), "MIC with SNwkSIntKey");
            Assert.AreEqual(0x26011B2Du, rig.Mac.Session.DevAddr);
            AssertKeys(rig.Mac, TtsJoinNonce + 1, 0);
            Assert.AreEqual(rx1, rig.Mac.Session.Rx1DrOffset, "RX1DROffset kept");
            Assert.AreEqual(delay, rig.Mac.Session.RxDelaySeconds, "RxDelay kept");
            Assert.AreEqual(5, rig.Mac.Session.DataRate, "data rate kept");
        }

        [TestMethod]
        public void StartRejoin_ForceRejoinReqTakenBeforeTheRequest_TheNetworksOrderWins_CallerWritesNoRejoinState()
        {
            // The interleaving of a Class C downlink with ForceRejoinReq against StartRejoin on another thread, made
            // deterministic: StartRejoin claims and publishes; before the MAC thread takes the request it processes the
            // ForceRejoinReq (ClassAMac.ForceRejoin, as Commands.cs calls it for a downlink); then the MAC runs.
            // LoRaWAN 1.1 §5.13: the network's order is carried out; the application's Rejoin-request yields to it.
            var rig = new Rig();
            object rejoin = Field(Field(rig.Mac, "_join"), "Rejoin");
            Assert.AreEqual(-1, (int)Field(rejoin, "Type"), "nothing due after the join");
            Assert.IsTrue(rig.Mac.StartRejoin(1), "queued (the MAC is free)");
            // The caller's thread wrote only the slot: the rejoin state is the MAC thread's until it takes the request.
            // (Written here, the MAC thread's ForceRejoinReq between StartRejoin's Forced check and this write was lost.)
            Assert.AreEqual(-1, (int)Field(rejoin, "Type"), "no Rejoin-request scheduled from the caller's thread");
            Assert.IsFalse((bool)Field(rejoin, "Forced"));
            // ForceRejoinReq payload (§5.13): period 0, Max_Retries 0, RejoinType 2, DR 3 — the MAC thread's work.
            typeof(ClassAMac).GetMethod("ForceRejoin", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
                .Invoke(rig.Mac, new object[] { new byte[] { 0x00, 0x23 }, 0 });
            int sent = rig.Radio.Sent.Count;
            rig.Runner.Sleep(20000);
            Assert.AreEqual(sent + 1, rig.Radio.Sent.Count, "one Rejoin-request: the network's, not the application's as well");
            byte[] rj = rig.Sent(0);
            Assert.AreEqual(19, rj.Length, "type 2 length (type 1 is 24)");
            Assert.AreEqual(2, (int)rj[1], "RejoinType 2 as ForceRejoinReq ordered");
            Assert.AreEqual(3, (int)rig.DataRates[rig.DataRates.Count - 1], "at ForceRejoinReq's DR3");
            Assert.AreEqual(0, rig.Mac.NextRjCount1, "no type 1 went out: RJcount1 unspent");
            Assert.IsFalse(rig.Mac.IsBusy, "back to Idle: the application's request was dropped, not left waiting");
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "uplinks go on");
        }

        static object Field(object o, string name)
        {
            const System.Reflection.BindingFlags any = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
            return o.GetType().GetField(name, any).GetValue(o);
        }

        [TestMethod]
        public void RjCount1At0xFFFF_NoMoreType1RejoinRequests()
        {
            // §6.2.4.1: RJcount1 never wraps; once it reaches 2^16 - 1 the device stops sending type 1 Rejoin-requests.
            var rig = new Rig(0xFFFE);
            Assert.IsTrue(rig.Mac.StartRejoin(1));
            rig.Send();
            Assert.AreEqual("FEFF", H(rig.Sent(1).Skip(18).Take(2).ToArray()), "RJcount1 0xFFFE is the last one sent");
            int sent = rig.Radio.Sent.Count;
            Assert.IsTrue(rig.Mac.StartRejoin(1));
            rig.Send();
            Assert.AreEqual(sent + 1, rig.Radio.Sent.Count, "only the uplink went out");
            Assert.IsTrue(rig.Mac.LastError.IndexOf("RJcount1") >= 0, rig.Mac.LastError);
            Assert.AreEqual(0xFFFF, rig.Mac.NextRjCount1, "stays: never wraps to 0");
        }

        [TestMethod]
        public void RejoinRequestCycles_AllocateNothing()
        {
            // Rejoin-request, nonce-record write, TX, both join windows, back to Idle: the device path of a Rejoin-request
            // (driver, MAC, codec, crypto, the simulated chip and air) allocates nothing after warm-up. Nobody answers, so
            // the network's own allocations (a new session per accepted rejoin) stay out of the measure.
            var net = new NetworkOptions();
            net.RecordHistory = false;
            var world = new VirtualWorld("EU868", 6, net);
            var id = DeviceIdentity.Otaa11("0042004213424341", "0000001223224242", TtsKey, AppKey);
            world.Register(id, LoRaWan.Frames.LoRaWanVersion.V1_1);
            var o = new LoRaWanOptions { Version = LoRaWan.Frames.LoRaWanVersion.V1_1, Adr = false, DataRate = 5, RandomSeed = 6, FCntPersistInterval = 1000 };
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.IsTrue(device.Join(120000));
            for (int i = 0; i < 3; i++) device.Send(1, new byte[4], false, 600000);   // RekeyInd / RekeyConf
            world.Gateway.SetUplinkReceiver(null);
            ClassAMac mac = world.Mac;
            for (int type = 0; type < 2; type++)
                for (int i = 0; i < 10; i++) { Assert.IsTrue(mac.StartRejoin(type)); world.Sleep(20000); }
            int before0 = 0, before1 = 0;
            long allocated = SteadyStateAllocation.Measure(() => { before0 = mac.NextRjCount0; before1 = mac.NextRjCount1; }, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    mac.StartRejoin(i & 1);
                    world.Sleep(20000);
                }
            }, out string note);
            Assert.AreEqual(before0 + 50, mac.NextRjCount0, "50 type 0 Rejoin-requests");
            Assert.AreEqual(before1 + 50, mac.NextRjCount1, "50 type 1 Rejoin-requests");
            OutputHelper.WriteLine($"allocated over 100 Rejoin-request cycles: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }
    }
}
