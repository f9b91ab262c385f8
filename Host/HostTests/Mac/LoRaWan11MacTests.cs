using System;
using System.Collections;
using System.Linq;
using LoRaWan.Frames;
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
    /// The device MAC speaking LoRaWAN 1.1 (issue 16): join with OptNeg 1 and 0, the 1.1 data path (uplink MIC halves with
    /// ConfFCnt/TxDr/TxCh, downlink MIC with ConfFCnt, NFCntDown/AFCntDown, FOpts encryption), RekeyInd/ResetInd, persistence.
    /// Every expected value comes from outside the code under test: The Things Stack's key-derivation vectors
    /// (shared/VECTORS.md) and <see cref="LoRaWanOracle"/> (the LoRaWAN formulas on .NET's AES), which also plays the network.
    /// </summary>
    [TestClass]
    public class LoRaWan11MacTests
    {
        // The Things Stack pkg/crypto key-derivation vectors (shared/VECTORS.md, values MSB).
        const string DevEui = "0042004213424341";
        const string JoinEui = "0000001223224242";
        const string TtsKey = "BEC499C69E9C939E413B663961636C61";
        const ushort TtsDevNonce = 0x7369;
        const uint TtsNetId = 0x020101;
        const uint TtsJoinNonce = 0xAE3B1C;
        const string OtherAppKey = "2B7E151628AED2A6ABF7158809CF4F3C";   // RFC 4493's key, only to differ from NwkKey
        const uint OtaaDevAddr = 0x26011B2C;

        // ABP 1.1 keys: four different keys so that any mix-up shows.
        const string AbpDevAddr = "260B1234";
        const string FNwk = "000102030405060708090A0B0C0D0E0F";
        const string SNwk = "101112131415161718191A1B1C1D1E1F";
        const string NwkSEnc = "202122232425262728292A2B2C2D2E2F";
        const string AppS = "303132333435363738393A3B3C3D3E3F";

        static byte[] B(string hex) => MacTestRig.Bytes(hex);
        static string H(byte[] b) => BitConverter.ToString(b).Replace("-", "");

        /// <summary>The shared 1.1 rig, recording the channel and data rate of each data transmission.</summary>
        sealed class Rig : Mac11Rig
        {
            public Rig(DeviceIdentity id, LoRaWanOptions o, SimulatedFlash flash) : base(id, o, flash, false) { }

            public byte[] Last => Radio.LastSent;
            public SendResult Send(bool confirmed = false) => Device.Send(1, new byte[] { 0x74, 0x65, 0x73, 0x74 }, confirmed, 3600000);
        }

        static LoRaWanOptions Options11() => Mac11Rig.Options11();

        static SimulatedFlash FlashWithDevNonce(int next) => Mac11Rig.FlashWithNonces(next, 0);

        /// <summary>The network's join-accept (LoRaWAN 1.1 §6.2.3), built and encrypted by the oracle with the NwkKey.</summary>
        static byte[] JoinAccept(byte[] nwkKey, bool optNeg, uint joinNonce, uint netId, uint devAddr, ushort devNonce)
        {
            byte[] plain =
            {
                0x20, (byte)joinNonce, (byte)(joinNonce >> 8), (byte)(joinNonce >> 16), (byte)netId, (byte)(netId >> 8), (byte)(netId >> 16),
                (byte)devAddr, (byte)(devAddr >> 8), (byte)(devAddr >> 16), (byte)(devAddr >> 24), (byte)(optNeg ? 0x80 : 0x00), 0x01,
            };
            byte[] mic = optNeg
                ? LoRaWanOracle.JoinAcceptMic11(LoRaWanOracle.DeriveJs(nwkKey, 0x06, 0x0042004213424341), 0xFF, 0x0000001223224242, devNonce, plain)
                : LoRaWanOracle.Cmac(nwkKey, plain).Take(4).ToArray();
            return LoRaWanOracle.EncryptJoinAccept(nwkKey, plain.Concat(mic).ToArray());
        }

        static Rig Joined(string appKey, bool optNeg)
        {
            var rig = new Rig(DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, appKey), Options11(), FlashWithDevNonce(TtsDevNonce));
            rig.Radio.DeliverInWindow(0, JoinAccept(B(TtsKey), optNeg, TtsJoinNonce, TtsNetId, OtaaDevAddr, TtsDevNonce));
            Assert.IsTrue(rig.Device.Join(60000), "joined");
            return rig;
        }

        /// <summary>A 1.1 downlink as the network builds it: FOpts and FRMPayload encrypted, MIC with ConfFCnt (oracle).</summary>
        static byte[] Down11(SessionKeysView k, uint devAddr, bool confirmed, bool ack, uint fCnt, byte[] fopts, int port, byte[] payload, uint confFCnt)
        {
            fopts ??= new byte[0];
            bool app = port > 0;
            byte[] encFOpts = fopts.Length == 0 ? fopts : LoRaWanOracle.FOpts(k.NwkSEnc, (byte)(app ? 2 : 1), 1, devAddr, fCnt, fopts);
            byte fctrl = (byte)((ack ? 0x20 : 0) | fopts.Length);
            var msg = new System.Collections.Generic.List<byte> { (byte)(confirmed ? 0xA0 : 0x60) };
            msg.AddRange(BitConverter.GetBytes(devAddr));
            msg.Add(fctrl);
            msg.Add((byte)fCnt); msg.Add((byte)(fCnt >> 8));
            msg.AddRange(encFOpts);
            if (port >= 0)
            {
                msg.Add((byte)port);
                if (payload != null && payload.Length > 0)
                    msg.AddRange(LoRaWanOracle.FrmPayload(port == 0 ? k.NwkSEnc : k.AppS, 1, devAddr, fCnt, payload));
            }
            byte[] m = msg.ToArray();
            return m.Concat(LoRaWanOracle.DownlinkMic11(k.SNwk, confFCnt, devAddr, fCnt, m)).ToArray();
        }

        sealed class SessionKeysView
        {
            public byte[] FNwk, SNwk, NwkSEnc, AppS;
        }

        static readonly SessionKeysView TtsKeys = new SessionKeysView
        {
            FNwk = B("379084E7CE22FF191BFF4B77536F2AA3"),
            SNwk = B("63C59309D53485BC5164DBF71627AEB9"),
            NwkSEnc = B("CE07A009A3970AC0519A099ED53E550B"),
            AppS = B("B035CCE24E4A040EB5CECBF21724412D"),
        };

        static readonly SessionKeysView AbpKeys = new SessionKeysView { FNwk = B(FNwk), SNwk = B(SNwk), NwkSEnc = B(NwkSEnc), AppS = B(AppS) };

        /// <summary>Checks an uplink the device sent against the oracle: the 1.1 MIC and the FOpts in clear; returns them.</summary>
        static byte[] CheckUplink11(byte[] up, SessionKeysView k, uint devAddr, uint confFCnt, int txDr, int txCh)
        {
            int foptsLength = up[5] & 0x0F;
            uint fCnt = (uint)(up[6] | (up[7] << 8));
            byte[] msg = up.Take(up.Length - 4).ToArray();
            Assert.AreEqual(H(LoRaWanOracle.UplinkMic11(k.SNwk, k.FNwk, confFCnt, (byte)txDr, (byte)txCh, devAddr, fCnt, msg)), H(up.Skip(up.Length - 4).ToArray()),
                "1.1 uplink MIC (cmacS with ConfFCnt " + confFCnt + ", TxDr " + txDr + ", TxCh " + txCh + " | cmacF)");
            return LoRaWanOracle.FOpts(k.NwkSEnc, 1, 0, devAddr, fCnt, up.Skip(8).Take(foptsLength).ToArray());
        }

        [TestMethod]
        public void Options_A11IdentityNeedsV1_1_AndV1_1NeedsA11Identity()
        {
            var id11 = DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, OtherAppKey);
            var o = new LoRaWanOptions();   // 1.0.4
            Assert.ThrowsException(typeof(ArgumentException), () => new Rig(id11, o, new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize)));
            var id10 = DeviceIdentity.Otaa(DevEui, JoinEui, TtsKey);
            Assert.ThrowsException(typeof(ArgumentException), () => new Rig(id10, Options11(), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize)));
            var abp11 = DeviceIdentity.Abp11(AbpDevAddr, FNwk, SNwk, NwkSEnc, AppS);
            Assert.ThrowsException(typeof(ArgumentException), () => new Rig(abp11, new LoRaWanOptions(), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize)));
            new Rig(id11, Options11(), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize));   // accepted
        }

        [TestMethod]
        public void Join_OptNeg1_DerivesTheTtsSessionKeys_RequestSignedWithNwkKey()
        {
            Rig rig = Joined(TtsKey, true);
            byte[] request = (byte[])rig.Radio.Sent[0];
            Assert.AreEqual(H(LoRaWanOracle.Cmac(B(TtsKey), request.Take(19).ToArray()).Take(4).ToArray()), H(request.Skip(19).ToArray()), "join-request MIC");
            SessionKeys k = rig.Mac.Session.Keys;
            Assert.IsTrue(k.Separate, "a 1.1 session");
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", H(k.NwkSKey), "FNwkSIntKey (TTS vector)");
            Assert.AreEqual("63C59309D53485BC5164DBF71627AEB9", H(k.SNwkSIntKey), "SNwkSIntKey (TTS vector)");
            Assert.AreEqual("CE07A009A3970AC0519A099ED53E550B", H(k.NwkSEncKey), "NwkSEncKey (TTS vector)");
            Assert.AreEqual("B035CCE24E4A040EB5CECBF21724412D", H(k.AppSKey), "AppSKey (TTS vector)");
            Assert.AreEqual(OtaaDevAddr, rig.Mac.Session.DevAddr);
            Assert.IsTrue(k.RekeyOwed, "RekeyInd owed after an OptNeg = 1 join");
        }

        [TestMethod]
        public void Join_OptNeg1_AppSKeyComesFromAppKey_NetworkKeysAndRequestMicFromNwkKey()
        {
            Rig rig = Joined(OtherAppKey, true);
            byte[] request = (byte[])rig.Radio.Sent[0];
            Assert.AreEqual(H(LoRaWanOracle.Cmac(B(TtsKey), request.Take(19).ToArray()).Take(4).ToArray()), H(request.Skip(19).ToArray()), "join-request MIC with NwkKey");
            SessionKeys k = rig.Mac.Session.Keys;
            Assert.AreEqual(H(LoRaWanOracle.Derive11(B(OtherAppKey), 0x02, TtsJoinNonce, 0x0000001223224242, TtsDevNonce)), H(k.AppSKey), "AppSKey from AppKey");
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", H(k.NwkSKey), "FNwkSIntKey from NwkKey");
            Assert.AreEqual("CE07A009A3970AC0519A099ED53E550B", H(k.NwkSEncKey), "NwkSEncKey from NwkKey");
        }

        [TestMethod]
        public void Join_OptNeg1_AcceptWithThe10Mic_IsRejected()
        {
            var rig = new Rig(DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, OtherAppKey), Options11(), FlashWithDevNonce(TtsDevNonce));
            // OptNeg = 1 but signed the 1.0 way (cmac(NwkKey, MHDR..)): not a valid 1.1 accept.
            byte[] plain = { 0x20, 0x1C, 0x3B, 0xAE, 0x01, 0x01, 0x02, 0x2C, 0x1B, 0x01, 0x26, 0x80, 0x01 };
            byte[] bad = LoRaWanOracle.EncryptJoinAccept(B(TtsKey), plain.Concat(LoRaWanOracle.Cmac(B(TtsKey), plain).Take(4)).ToArray());
            rig.Radio.DeliverInWindow(0, bad);
            rig.Device.BeginJoin();
            rig.Runner.Sleep(8000);
            Assert.IsFalse(rig.Mac.IsJoined);
            Assert.AreEqual(1, rig.Mac.Counters.RejectedJoinAccepts);
        }

        [TestMethod]
        public void Rejoin_JoinNonceLowerThanTheLast_RejectedWithOptNeg1_AcceptedWithOptNeg0()
        {
            // LoRaWAN 1.1 §6.2.3 (OptNeg = 1): JoinNonce must be greater than the last one kept. OptNeg = 0 (a 1.0.x network,
            // which may be a 1.0.2 server with a random AppNonce): it must only differ.
            foreach (bool optNeg in new[] { true, false })
            {
                Rig rig = Joined(TtsKey, optNeg);
                int windows = rig.Radio.RxOpenedAt.Count;
                rig.Radio.DeliverInWindow(windows, JoinAccept(B(TtsKey), optNeg, TtsJoinNonce - 1, TtsNetId, OtaaDevAddr + 1, TtsDevNonce + 1));
                rig.Device.BeginJoin();
                rig.Runner.Sleep(8000);
                rig.Mac.CancelJoin();
                rig.Runner.Sleep(60000);
                Assert.AreEqual(optNeg ? 1 : 0, rig.Mac.Counters.RejectedJoinAccepts, "OptNeg " + optNeg);
                Assert.AreEqual(optNeg ? 0u : OtaaDevAddr + 1, rig.Mac.IsJoined ? rig.Mac.Session.DevAddr : 0u, "OptNeg " + optNeg);
            }
        }

        [TestMethod]
        public void Join_OptNeg0_FallsBackTo10_KeysFromNwkKey_10Mic_ClearFOpts_NoRekeyInd()
        {
            Rig rig = Joined(OtherAppKey, false);
            SessionKeys k = rig.Mac.Session.Keys;
            Assert.IsFalse(k.Separate, "a 1.0 session");
            // LoRaWAN 1.1 §6.2.3, OptNeg = 0: the 1.0 derivation with NwkKey — TTS's 1.0 vector for that key — for both keys.
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", H(k.NwkSKey), "NwkSKey from NwkKey (TTS 1.0 vector)");
            Assert.AreEqual("8C1E0543A229088DE6F84E74BB46BD62", H(k.AppSKey), "AppSKey from NwkKey (TTS 1.0 vector), not from AppKey");
            Assert.AreEqual(H(k.NwkSKey), H(k.SNwkSIntKey));
            Assert.AreEqual(H(k.NwkSKey), H(k.NwkSEncKey));
            Assert.IsFalse(k.RekeyOwed, "no RekeyInd");

            rig.Mac.RequestLinkCheck();   // something in FOpts, which must stay in clear
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            byte[] up = rig.Last;
            Assert.AreEqual(1, up[5] & 0x0F, "FOpts: LinkCheckReq only");
            Assert.AreEqual(0x02, (int)up[8], "FOpts in clear");
            byte[] msg = up.Take(up.Length - 4).ToArray();
            Assert.AreEqual(H(LoRaWanOracle.DataMic10(B("0DB924EE6AF90698E05FC7CE48303C01"), 0, OtaaDevAddr, 0, msg)), H(up.Skip(up.Length - 4).ToArray()), "1.0 MIC");
        }

        [TestMethod]
        public void Uplink11_MicHalvesWithTxDrTxCh_FOptsEncrypted_RekeyIndRepeatedUntilRekeyConf()
        {
            Rig rig = Joined(TtsKey, true);
            for (int i = 0; i < 2; i++)
            {
                Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
                byte[] fopts = CheckUplink11(rig.Last, TtsKeys, OtaaDevAddr, 0, (int)rig.DataRates[i], (int)rig.Channels[i]);
                Assert.AreEqual("0B01", H(fopts), "RekeyInd, Minor 1, in uplink " + i);
                Assert.AreNotEqual("0B01", H(rig.Last.Skip(8).Take(2).ToArray()), "FOpts not in clear");
            }
            // RekeyConf in the FOpts of an application downlink (AFCntDown 0, FOpts type 2), with a payload.
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 0, new byte[] { 0x0B, 0x01 }, 1, new byte[] { 0x42 }, 0));
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            Assert.AreEqual(1, rig.Downlinks.Count, "the downlink was accepted");
            Assert.AreEqual("42", H((byte[])rig.Downlinks[0]), "FRMPayload with AppSKey");
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "RekeyConf stopped it");
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            Assert.AreEqual(0, rig.Last[5] & 0x0F, "no RekeyInd after RekeyConf");
            CheckUplink11(rig.Last, TtsKeys, OtaaDevAddr, 0, (int)rig.DataRates[3], (int)rig.Channels[3]);
        }

        [TestMethod]
        public void RekeyInd_WithoutRekeyConfForAdrAckLimitUplinks_TheDeviceGoesBackToJoin()
        {
            var o = Options11();
            o.AdrAckLimit = 3;
            var rig = new Rig(DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, TtsKey), o, FlashWithDevNonce(TtsDevNonce));
            rig.Radio.DeliverInWindow(0, JoinAccept(B(TtsKey), true, TtsJoinNonce, TtsNetId, OtaaDevAddr, TtsDevNonce));
            Assert.IsTrue(rig.Device.Join(60000));
            for (int i = 0; i < 3; i++) Assert.AreEqual(SendStatus.Sent, rig.Send().Status, "uplink " + i);
            Assert.AreEqual(SendStatus.NotJoined, rig.Send().Status, "LoRaWAN 1.1 §5.10: back to the join state");
            Assert.IsFalse(rig.Mac.IsJoined);
            // And a reset does not bring the dropped session back.
            var again = new Rig(DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, TtsKey), o, rig.Flash);
            Assert.IsFalse(again.Mac.IsJoined);
        }

        [TestMethod]
        public void RekeyInd_TheLimitIsTheAdrAckLimitOfAdrParamSetupReq()
        {
            // LoRaWAN 1.1 §5.10 names ADR_ACK_LIMIT, which ADRParamSetupReq (§5.11) sets to 2^Limit_exp: the options say 64,
            // the network says 2^2 = 4 (ADRParamSetupReq 0x20 in the FOpts of a port-less downlink, NFCntDown 0).
            Rig rig = Joined(TtsKey, true);
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 0, new byte[] { 0x0C, 0x20 }, -1, null, 0));
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status, "uplink 1 (its RX1 brings ADRParamSetupReq)");
            Assert.AreEqual(4, rig.Mac.Session.Network.AdrAckLimit(64), "2^2");
            for (int i = 2; i <= 4; i++) Assert.AreEqual(SendStatus.Sent, rig.Send().Status, "uplink " + i);
            byte[] fopts = CheckUplink11(rig.Last, TtsKeys, OtaaDevAddr, 0, (int)rig.DataRates[3], (int)rig.Channels[3]);
            Assert.AreEqual("0B01", H(fopts), "RekeyInd still owed");
            Assert.AreEqual(SendStatus.NotJoined, rig.Send().Status, "no RekeyConf within ADR_ACK_LIMIT = 4 uplinks: back to join");
            Assert.IsFalse(rig.Mac.IsJoined);
        }

        [TestMethod]
        public void Downlink11_ConfirmedAckedWithConfFCnt_BothDirections()
        {
            Rig rig = Joined(TtsKey, true);
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);   // FCnt 0
            // A confirmed uplink (FCnt 1) answered by a downlink whose ACK makes ConfFCnt = 1 in its MIC, itself confirmed
            // on FPort 2 with AFCntDown 9.
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, true, true, 9, null, 2, new byte[] { 1, 2 }, 1));
            Assert.AreEqual(SendStatus.Acked, rig.Send(true).Status, "downlink MIC with ConfFCnt = the confirmed uplink's FCnt");
            // The next uplink ACKs it: ConfFCnt = 9 in cmacS.
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            Assert.AreEqual(0x20, rig.Last[5] & 0x20, "ACK set");
            CheckUplink11(rig.Last, TtsKeys, OtaaDevAddr, 9, (int)rig.DataRates[2], (int)rig.Channels[2]);
            // Without the ACK the ConfFCnt is 0 again.
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            CheckUplink11(rig.Last, TtsKeys, OtaaDevAddr, 0, (int)rig.DataRates[3], (int)rig.Channels[3]);
        }

        [TestMethod]
        public void OwedAck_AfterAReset_SignsItsUplinkWithTheConfirmedDownlinksFCnt()
        {
            Rig rig = Joined(TtsKey, true);
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, true, false, 6, null, 3, new byte[] { 7 }, 0));   // confirmed, AFCntDown 6
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            Assert.AreEqual(1, rig.Downlinks.Count);
            var again = new Rig(DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, TtsKey), Options11(), rig.Flash);
            Assert.AreEqual(SendStatus.Sent, again.Send().Status);
            Assert.AreEqual(0x20, (int)(again.Last[5] & 0x20), "the owed ACK survived the reset");
            CheckUplink11(again.Last, TtsKeys, OtaaDevAddr, 6, (int)again.DataRates[0], (int)again.Channels[0]);
        }

        [TestMethod]
        public void Downlink11_NFCntDownAndAFCntDown_HaveTheirOwnWindows_AndReplaysAreRejectedPerCounter()
        {
            Rig rig = Joined(TtsKey, true);
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 5, null, 1, new byte[] { 0xA5 }, 0));     // AFCntDown 5
            rig.Send();
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 2, new byte[] { 0x0B, 0x01 }, -1, null, 0)); // NFCntDown 2 (< 5: its own counter)
            rig.Send();
            Assert.AreEqual(5u, rig.Mac.Session.Keys.AFCntDown, "AFCntDown");
            Assert.AreEqual(2u, rig.Mac.Session.FCntDown, "NFCntDown");
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "the port-less downlink's FOpts (NFCntDown, type 1) decrypted to RekeyConf");
            int replays = rig.Mac.Counters.ReplayedFrames;
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 5, null, 1, new byte[] { 0xA5 }, 0));     // AFCntDown 5 again
            rig.Send();
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 2, null, -1, null, 0));                   // NFCntDown 2 again
            rig.Send();
            Assert.AreEqual(replays + 2, rig.Mac.Counters.ReplayedFrames, "each counter rejects its own replay");
            Assert.AreEqual(1, rig.Downlinks.Count, "the replayed application downlink was not delivered again");
            // AFCntDown 3 < 5: its 16 bits rebuild to 0x10003 (a wrap, LoRaWAN 1.0.4 §4.3.1.5), whose MIC fails: dropped.
            int micFailures = rig.Mac.Counters.MicFailures;
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 3, null, 1, new byte[] { 0x5A }, 0));
            rig.Send();
            Assert.AreEqual(micFailures + 1, rig.Mac.Counters.MicFailures);
            Assert.AreEqual(1, rig.Downlinks.Count, "not delivered");
            rig.DeliverNext(Down11(TtsKeys, OtaaDevAddr, false, false, 3, null, 0, new byte[] { 0x06 }, 0));     // FPort 0, NFCntDown 3: DevStatusReq
            rig.Send();
            Assert.AreEqual(3u, rig.Mac.Session.FCntDown, "FPort 0 counts in NFCntDown");
            Assert.AreEqual(5u, rig.Mac.Session.Keys.AFCntDown);
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            byte[] fopts = CheckUplink11(rig.Last, TtsKeys, OtaaDevAddr, 0, (int)rig.DataRates[rig.DataRates.Count - 1], (int)rig.Channels[rig.Channels.Count - 1]);
            Assert.AreEqual(0x06, (int)fopts[0], "DevStatusAns: the FPort 0 payload was decrypted with NwkSEncKey");
        }

        [TestMethod]
        public void Otaa11Session_SurvivesAReset_KeysCountersAndOwedRekeyInd()
        {
            Rig rig = Joined(OtherAppKey, true);
            rig.DeliverNext(Down11(TtsKeys11(OtherAppKey), OtaaDevAddr, false, false, 4, null, 1, new byte[] { 1 }, 0));
            rig.Send();
            Assert.AreEqual(4u, rig.Mac.Session.Keys.AFCntDown);
            var again = new Rig(DeviceIdentity.Otaa11(DevEui, JoinEui, TtsKey, OtherAppKey), Options11(), rig.Flash);
            Assert.IsTrue(again.Mac.IsJoined, "restored");
            SessionKeys k = again.Mac.Session.Keys;
            Assert.IsTrue(k.Separate);
            Assert.AreEqual("63C59309D53485BC5164DBF71627AEB9", H(k.SNwkSIntKey), "SNwkSIntKey derived again");
            Assert.AreEqual("CE07A009A3970AC0519A099ED53E550B", H(k.NwkSEncKey), "NwkSEncKey derived again");
            Assert.AreEqual(4u, k.AFCntDown, "AFCntDown persisted");
            Assert.IsTrue(k.RekeyOwed, "RekeyInd still owed");
            again.DeliverNext(Down11(TtsKeys11(OtherAppKey), OtaaDevAddr, false, false, 4, null, 1, new byte[] { 1 }, 0));
            Assert.AreEqual(SendStatus.Sent, again.Send().Status);
            Assert.AreEqual(0, again.Downlinks.Count, "AFCntDown 4 is a replay after the reset too");
            byte[] fopts = CheckUplink11(again.Last, TtsKeys11(OtherAppKey), OtaaDevAddr, 0, (int)again.DataRates[0], (int)again.Channels[0]);
            Assert.AreEqual("0B01", H(fopts));
            Assert.IsTrue(CommandRig.Read(again.Last).FCnt >= 1, "FCntUp not reused");
        }

        static SessionKeysView TtsKeys11(string appKey) => new SessionKeysView
        {
            FNwk = TtsKeys.FNwk,
            SNwk = TtsKeys.SNwk,
            NwkSEnc = TtsKeys.NwkSEnc,
            AppS = LoRaWanOracle.Derive11(B(appKey), 0x02, TtsJoinNonce, 0x0000001223224242, TtsDevNonce),
        };

        [TestMethod]
        public void Abp11_ResetIndUntilResetConf_ThenARestoredSessionSendsNone()
        {
            var id = DeviceIdentity.Abp11(AbpDevAddr, FNwk, SNwk, NwkSEnc, AppS);
            var rig = new Rig(id, Options11(), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize));
            uint addr = 0x260B1234;
            for (int i = 0; i < 2; i++)
            {
                Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
                Assert.AreEqual("0101", H(CheckUplink11(rig.Last, AbpKeys, addr, 0, (int)rig.DataRates[i], (int)rig.Channels[i])), "ResetInd, Minor 1");
            }
            rig.DeliverNext(Down11(AbpKeys, addr, false, false, 0, new byte[] { 0x01, 0x01 }, -1, null, 0));   // ResetConf
            rig.Send();
            Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed);
            Assert.AreEqual(SendStatus.Sent, rig.Send().Status);
            Assert.AreEqual(0, rig.Last[5] & 0x0F, "no ResetInd after ResetConf");
            var again = new Rig(id, Options11(), rig.Flash);
            Assert.AreEqual(SendStatus.Sent, again.Send().Status);
            Assert.AreEqual(0, again.Last[5] & 0x0F, "restored with its network settings: no reset to defaults, no ResetInd");
            CheckUplink11(again.Last, AbpKeys, addr, 0, (int)again.DataRates[0], (int)again.Channels[0]);
            Assert.IsTrue(CommandRig.Read(again.Last).FCnt >= 4, "FCntUp not reused");
        }

        [TestMethod]
        public void PowerCutDuringTheAFCntDownWrite_TheOtherCopyLoads_NoFCntUpReused()
        {
            var id = DeviceIdentity.Abp11(AbpDevAddr, FNwk, SNwk, NwkSEnc, AppS);
            var o = Options11();
            o.FCntPersistInterval = 4;
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var rig = new Rig(id, o, flash);
            uint addr = 0x260B1234;
            for (int i = 0; i < 3; i++) rig.Send();
            uint highest = (uint)CommandRig.Read(rig.Last).FCnt;
            rig.DeliverNext(Down11(AbpKeys, addr, false, false, 7, null, 1, new byte[] { 1 }, 0));
            // The plain application downlink writes the counter record only; cut power in the middle of it.
            flash.TearAfter(0, 12);
            rig.Send();
            Assert.IsTrue(flash.PowerLost, "the cut happened");
            flash.PowerOn();
            var again = new Rig(id, o, flash);
            Assert.IsTrue(again.Mac.IsJoined);
            Assert.AreEqual(SendStatus.Sent, again.Send().Status);
            Assert.IsTrue((uint)CommandRig.Read(again.Last).FCnt > highest + 1, "FCntUp after the torn write is past every counter used");
            // A fresh AFCntDown above the last persisted is accepted; the session's keys are intact.
            again.DeliverNext(Down11(AbpKeys, addr, false, false, 8, null, 1, new byte[] { 9 }, 0));
            again.Send();
            Assert.AreEqual(1, again.Downlinks.Count);
            Assert.AreEqual(8u, again.Mac.Session.Keys.AFCntDown);
        }

        [TestMethod]
        public void Abp11UplinkCycle_AllocatesNothing()
        {
            var world = new VirtualWorld("EU868", 5, new NetworkOptions { RecordHistory = false });
            var id = DeviceIdentity.Abp11(AbpDevAddr, FNwk, SNwk, NwkSEnc, AppS);
            var o = Options11();
            o.FCntPersistInterval = 1000;
            o.RandomSeed = 5;
            LoRaWanDevice device = world.PowerOn(id, o);
            var payload = new byte[12];
            for (int i = 0; i < 50; i++) { device.Send(1, payload, false, 600000); world.Sleep(10000); }
            int cycles = 0;
            long allocated = SteadyStateAllocation.Measure(() => cycles = 0, () =>
            {
                for (int i = 0; i < 200; i++)
                {
                    if (device.Send(1, payload, false, 600000).Status == SendStatus.Sent) cycles++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(200, cycles);
            OutputHelper.WriteLine($"allocated over {cycles} LoRaWAN 1.1 uplink+RX1+RX2 cycles: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state (1.1 MIC, FOpts encryption, ResetInd)");
        }
    }
}
