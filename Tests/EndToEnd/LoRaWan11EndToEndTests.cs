using System.Collections;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// LoRaWAN 1.1 on the whole simulated stack (issue 16): a 1.1 OTAA device on a 1.1 network (OptNeg = 1, the four
    /// session keys, RekeyInd/RekeyConf, NFCntDown/AFCntDown, FOpts encrypted both ways), the OptNeg = 0 fallback on a
    /// 1.0 network, ABP 1.1 with ResetInd/ResetConf, every region, and hours across the 16-bit counter boundary.
    /// </summary>
    [TestClass]
    public class LoRaWan11EndToEndTests
    {
        /// <summary>NwkKey: The Things Stack's key-derivation vector key (shared/VECTORS.md); AppKey differs so a mix-up shows.</summary>
        public const string NwkKey = WorldRig.AppKey;
        public const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";

        // ABP 1.1: four different keys, so that any mix-up between them shows.
        public const string AbpDevAddr = "260B1234";
        public const string FNwk = "000102030405060708090A0B0C0D0E0F";
        public const string SNwk = "101112131415161718191A1B1C1D1E1F";
        public const string NwkSEnc = "202122232425262728292A2B2C2D2E2F";
        public const string AppS = "303132333435363738393A3B3C3D3E3F";

        public static WorldRig Rig11(string region, int seed, NetworkOptions net)
        {
            return new WorldRig(region, seed, DeviceIdentity.Otaa11(WorldRig.DevEui, WorldRig.JoinEui, NwkKey, AppKey), LoRaWanVersion.V1_1, net);
        }

        public static LoRaWanOptions Options11(string region, int seed)
        {
            LoRaWanOptions o = WorldRig.Options(region, seed);
            o.Version = LoRaWanVersion.V1_1;
            return o;
        }

        static void AssertNothingRejected(WorldRig rig, string what)
        {
            NetworkCounters n = rig.World.Network.Counters;
            Assert.AreEqual(0, n.UplinksRejectedMic + n.UplinksRejectedReplay + n.UplinksRejectedMalformed + n.UplinksRejectedNoRekeyInd,
                what + ": uplinks the network rejected");
            Assert.AreEqual(0, n.JoinRejectedMic + n.JoinRejectedDevNonceReused + n.JoinRejectedDevNonceTooSmall, what + ": joins rejected");
            var c = rig.Device.Diagnostics.Counters;
            Assert.AreEqual(0, c.MicFailures + c.MalformedFrames + c.ReplayedFrames + c.RejectedJoinAccepts, what + ": frames the device rejected");
            Assert.AreEqual(0, c.InternalErrors, what + ": " + rig.Device.Diagnostics.LastError);
        }

        /// <summary>True when the decrypted FOpts of <paramref name="u"/> hold the MAC command <paramref name="cid"/> at a command boundary (RekeyInd/ResetInd come first).</summary>
        static bool StartsWith(UplinkRecord u, byte cid)
        {
            return u.FOptsLength > 0 && u.FOpts[0] == cid;
        }

        [TestMethod]
        public void Otaa11_JoinUplinksDownlinksConfirmedBothWays_RekeyIndUntilRekeyConf()
        {
            WorldRig rig = Rig11("EU868", 1101, new NetworkOptions());
            rig.PowerOn(Options11("EU868", 1101));
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            NetworkDevice nd = rig.World.Network.FindDevice(rig.Identity.DevEui);
            Assert.IsTrue(rig.Mac.Session.Keys.Separate, "OptNeg = 1: the four 1.1 session keys");
            Assert.IsTrue(rig.Mac.Session.Keys.RekeyOwed, "RekeyInd owed after the join (1.1 section 5.10)");

            // First uplink (confirmed) carries RekeyInd; the network answers with RekeyConf, the ACK and a confirmed downlink.
            rig.World.Network.Enqueue(rig.Identity.DevEui, 7, new byte[] { 0xC1 }, true);
            SendResult r = rig.Device.Send(1, new byte[] { 1, 2, 3 }, true, 600000);
            Assert.AreEqual((int)SendStatus.Acked, (int)r.Status, r.ToString());
            UplinkRecord first = rig.World.Network.Uplinks[0];
            Assert.IsTrue(StartsWith(first, Cid.Rekey), "RekeyInd in the first uplink");
            Assert.AreEqual(1, (int)first.FOpts[1], "RekeyInd Dev LoRaWAN version minor = 1");
            Assert.IsTrue(nd.Session.Is11, "the pending 1.1 session became the device's with RekeyInd");
            Assert.AreEqual(1, rig.World.Network.MacCounters.RekeyConfsSent, "RekeyConf sent");
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "RekeyConf stops RekeyInd");
            Assert.AreEqual(1, rig.Delivered.Count, "confirmed downlink delivered");
            Assert.AreEqual(0xC1, (int)((byte[])rig.Delivered[0])[0]);

            // The next uplink acknowledges the confirmed downlink and carries no RekeyInd.
            r = rig.Device.Send(2, new byte[] { 4 }, false, 600000);
            Assert.IsTrue(r.Succeeded, r.ToString());
            UplinkRecord second = rig.World.Network.Uplinks[1];
            Assert.IsTrue(second.Ack, "ACK of the confirmed downlink");
            Assert.IsFalse(StartsWith(second, Cid.Rekey), "no RekeyInd after RekeyConf");
            Assert.AreEqual(1, rig.World.Network.Counters.ConfirmedDownlinksAcked, "the network took the ACK (MIC with ConfFCnt)");

            // An unconfirmed application downlink on AFCntDown; a confirmed uplink ACKed on NFCntDown.
            rig.World.Network.Enqueue(rig.Identity.DevEui, 8, new byte[] { 0xC2 }, false);
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 5 }, false, 600000).Succeeded);
            Assert.AreEqual((int)SendStatus.Acked, (int)rig.Device.Send(1, new byte[] { 6 }, true, 600000).Status);
            Assert.AreEqual(2, rig.Delivered.Count);
            Assert.AreEqual(2u, nd.Session.AFCntDown, "two application downlinks on AFCntDown");
            Assert.IsTrue(nd.Session.FCntDown >= 1, "the ACK without payload on NFCntDown");
            Assert.AreEqual(1u, rig.Mac.Session.Keys.AFCntDown, "the device's AFCntDown (last accepted)");
            Assert.AreEqual(nd.Session.FCntDown - 1, rig.Mac.Session.FCntDown, "the device's NFCntDown (last accepted)");
            AssertNothingRejected(rig, "1.1 OTAA");
        }

        [TestMethod]
        public void Otaa11_OnA10Network_OptNeg0_FallsBackTo10Frames()
        {
            var net = new NetworkOptions();
            net.OptNeg = false;
            WorldRig rig = Rig11("EU868", 1102, net);
            rig.PowerOn(Options11("EU868", 1102));
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            Assert.IsFalse(rig.Mac.Session.Keys.Separate, "OptNeg = 0: one network key (1.1 section 6.2.3)");
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "no RekeyInd on a 1.0 network");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 7, new byte[] { 0xD1 }, true);
            Assert.AreEqual((int)SendStatus.Acked, (int)rig.Device.Send(1, new byte[] { 1 }, true, 600000).Status);
            rig.Device.RequestLinkCheck();
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 2 }, false, 600000).Succeeded);
            Assert.AreEqual(1, rig.Delivered.Count, "downlink delivered");
            Assert.IsFalse(rig.World.Network.FindDevice(rig.Identity.DevEui).Session.Is11, "a 1.0 session on the network");
            Assert.IsFalse(StartsWith(rig.World.Network.Uplinks[0], Cid.Rekey), "no RekeyInd");
            Assert.AreEqual(0, rig.World.Network.MacCounters.RekeyConfsSent);
            Assert.AreEqual(1, rig.World.Network.Counters.ConfirmedDownlinksAcked, "the 1.0 ACK was taken");
            Assert.AreEqual(1, rig.World.Network.MacCounters.LinkChecksAnswered, "LinkCheckReq read in clear FOpts");
            AssertNothingRejected(rig, "OptNeg 0");
        }

        [TestMethod]
        public void Abp11_ResetIndUntilResetConf_AgainAfterAResetThatLostTheSession()
        {
            var net = new NetworkOptions();
            WorldRig rig = new WorldRig("EU868", 1103, DeviceIdentity.Abp11(AbpDevAddr, FNwk, SNwk, NwkSEnc, AppS), LoRaWanVersion.V1_1, net);
            rig.PowerOn(Options11("EU868", 1103));
            Assert.IsTrue(rig.Device.IsJoined, "ABP: a session at once");
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 600000).Succeeded);
            Assert.IsTrue(StartsWith(rig.World.Network.Uplinks[0], Cid.Reset), "ResetInd in the first uplink (1.1 section 5.1)");
            Assert.AreEqual(1, rig.World.Network.MacCounters.ResetConfsSent, "ResetConf");
            Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed, "ResetConf stops ResetInd");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 3, new byte[] { 0xE1 }, true);
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 2 }, false, 600000).Succeeded);
            Assert.IsFalse(StartsWith(rig.World.Network.Uplinks[1], Cid.Reset), "no ResetInd after ResetConf");
            Assert.AreEqual(1, rig.Delivered.Count, "confirmed downlink delivered");
            uint lastFCnt = rig.World.Network.Uplinks[1].FCnt;

            // A reset that lost the session record (the device restarts from its defaults; the counters have their own
            // record): ResetInd again, the counters continue, and the owed ACK of the confirmed downlink is sent.
            rig.World.Flash.Corrupt(LoRaWan.Session.StoreSlots.Session, 3);
            rig.World.Flash.Corrupt(LoRaWan.Session.StoreSlots.Session + 1, 3);
            rig.PowerOn(Options11("EU868", 1103));
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 3 }, false, 600000).Succeeded);
            UplinkRecord after = rig.World.Network.Uplinks.Last;
            Assert.IsTrue(StartsWith(after, Cid.Reset), "ResetInd after the reset to defaults");
            Assert.IsTrue(after.FCnt > lastFCnt, "FCntUp continues across the reset");
            Assert.AreEqual(2, rig.World.Network.MacCounters.ResetConfsSent, "ResetConf again");
            Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed);
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 4 }, false, 600000).Succeeded);
            Assert.IsFalse(StartsWith(rig.World.Network.Uplinks.Last, Cid.Reset), "and not after that ResetConf");
            AssertNothingRejected(rig, "ABP 1.1");
        }

        /// <summary>The accepted uplink on <paramref name="port"/> with <paramref name="length"/> bytes, or null.</summary>
        static UplinkRecord FindUplink(WorldRig rig, int port, int length)
        {
            UplinkLog log = rig.World.Network.Uplinks;
            for (int i = 0; i < log.Count; i++)
                if (log[i].FPort == port && log[i].PayloadLength == length) return log[i];
            return null;
        }

        [TestMethod]
        public void Otaa11_MaxSizeFirstUplinkAtDr0_RekeyIndGoesAheadAlone_ThePayloadArrives()
        {
            // EU868 DR0: M = 59, so the largest application payload is 59 − 8 = 51 bytes (RP002-1.0.4 table 10; FHDR 7 +
            // FPort 1) and RekeyInd (2 bytes, LoRaWAN 1.1 §5.10) cannot ride beside it. The Things Stack drops an uplink of
            // the pending session that lacks RekeyInd, so the indication goes first in an uplink of its own and the
            // payload follows once RekeyConf has arrived.
            WorldRig rig = Rig11("EU868", 1107, new NetworkOptions());
            LoRaWanOptions o = Options11("EU868", 1107);
            o.DataRate = 0;
            o.Adr = false;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            Assert.IsTrue(rig.Mac.Session.Keys.RekeyOwed, "RekeyInd owed after the join");
            byte[] payload = new byte[51];
            for (int i = 0; i < payload.Length; i++) payload[i] = (byte)(0xA0 + i);
            SendResult r = rig.Device.Send(1, payload, false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(0, rig.World.Network.Counters.UplinksRejectedNoRekeyInd, "no uplink dropped for a missing RekeyInd");
            UplinkRecord first = rig.World.Network.Uplinks[0];
            Assert.IsTrue(first.FPort <= 0, "the first uplink carries MAC commands only");
            Assert.IsTrue(StartsWith(first, Cid.Rekey) || first.FPort == 0 && first.Payload[0] == Cid.Rekey, "RekeyInd in the first uplink");
            UplinkRecord data = FindUplink(rig, 1, 51);
            Assert.IsNotNull(data, "the 51-byte payload reached the network");
            Assert.AreEqual(0xA0, (int)data.Payload[0]);
            Assert.AreEqual(0xD2, (int)data.Payload[50]);
            Assert.AreEqual(r.FCnt, data.FCnt, "the result names the frame that carried the payload");
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "RekeyConf arrived");
            AssertNothingRejected(rig, "max-size first uplink");
        }

        [DataRow("EU868")]
        [DataRow("US915")]
        [DataRow("AU915")]
        [DataRow("AS923-1")]
        [DataRow("AS923-2")]
        [DataRow("AS923-3")]
        [DataRow("AS923-4")]
        [DataRow("IN865")]
        [DataRow("KR920")]
        [DataRow("RU864")]
        [DataRow("EU433")]
        [DataRow("CN779")]
        [DataRow("CN470-20A")]
        [DataRow("CN470-20B")]
        [DataRow("CN470-26A")]
        [DataRow("CN470-26B")]
        [DataRow("CN470-RP1")]
        [TestMethod]
        public void Otaa11_EveryRegion_JoinUplinkAndDownlinksInBothWindows(string region)
        {
            WorldRig rig = Rig11(region, 1200, new NetworkOptions());
            rig.PowerOn(Options11(region, 1200));
            Assert.IsTrue(rig.Device.Join(3600000), region + ": joined");
            Assert.IsTrue(rig.Mac.Session.Keys.Separate, region + ": a 1.1 session");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 9, new byte[] { 0xA1 }, false);
            SendResult r = rig.Device.Send(1, new byte[] { 1, 2, 3 }, false, 3600000);
            Assert.IsTrue(r.Succeeded, region + ": " + r.ToString());
            Assert.AreEqual(1, rig.Delivered.Count, region + ": RX1 downlink");
            Assert.AreEqual((int)RxWindow.Rx1, (int)rig.World.Network.Downlinks.Last.Window, region + ": in RX1");
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, region + ": RekeyConf came with it");
            rig.World.Network.ForceRx2 = true;
            rig.World.Network.Enqueue(rig.Identity.DevEui, 9, new byte[] { 0xA2 }, false);
            r = rig.Device.Send(1, new byte[] { 4 }, false, 3600000);
            Assert.IsTrue(r.Succeeded, region + ": " + r.ToString());
            Assert.AreEqual(2, rig.Delivered.Count, region + ": RX2 downlink");
            Assert.AreEqual((int)RxWindow.Rx2, (int)rig.World.Network.Downlinks.Last.Window, region + ": in RX2");
            AssertNothingRejected(rig, region);
        }

        [TestMethod]
        public void Otaa11_MacCommandsInFOpts_AreEncryptedOnAirBothWays()
        {
            WorldRig rig = Rig11("EU868", 1104, new NetworkOptions());
            var tap = new AirTap();
            rig.World.Air.AddMonitor(tap);
            rig.PowerOn(Options11("EU868", 1104));
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            int margin = -1;
            rig.Device.OnLinkCheck += (d, m, g) => margin = m;
            rig.Device.RequestLinkCheck();
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 600000).Succeeded);
            Assert.IsTrue(margin >= 0, "LinkCheckAns reached the device (decrypted from FOpts)");
            Assert.AreEqual(1, rig.World.Network.MacCounters.LinkChecksAnswered, "the network read LinkCheckReq");

            // The network read RekeyInd (0x0B 0x01) and LinkCheckReq (0x02) from FOpts; on air the bytes differ.
            UplinkRecord up = rig.World.Network.Uplinks[0];
            Assert.AreEqual(3, up.FOptsLength, "RekeyInd + LinkCheckReq");
            Assert.AreEqual((int)Cid.Rekey, (int)up.FOpts[0]);
            Assert.AreEqual(0x02, (int)up.FOpts[2]);
            byte[] air = tap.LastUplink;
            Assert.AreEqual(3, air[5] & 0x0F, "FOptsLen on air");
            Assert.IsFalse(air[8] == up.FOpts[0] && air[9] == up.FOpts[1] && air[10] == up.FOpts[2], "uplink FOpts encrypted with NwkSEncKey (1.1 section 4.3.1.6)");

            // The downlink's FOpts (RekeyConf 0x0B 0x01, LinkCheckAns 0x02 margin count) are encrypted too.
            byte[] down = tap.LastDownlink;
            int fOptsLen = down[5] & 0x0F;
            Assert.AreEqual(5, fOptsLen, "RekeyConf + LinkCheckAns");
            Assert.IsFalse(down[8] == Cid.Rekey && down[9] == 1 && down[10] == 0x02, "downlink FOpts encrypted (1.1 section 4.3.1.6)");
            AssertNothingRejected(rig, "FOpts");
        }

        [TestMethod]
        public void Otaa11_HoursAcrossThe16BitBoundary_NoFrameRejected()
        {
            // Every counter starts 40 below 2^16: FCntUp, NFCntDown, AFCntDown all cross into their upper 16 bits, which
            // never go on air (the receiver restores them, 1.1 section 4.3.1.5); every MIC is over the 32-bit counter.
            WorldRig rig = Rig11("EU868", 1105, new NetworkOptions());
            rig.PowerOn(Options11("EU868", 1105));
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            int joinTx = rig.Device.Diagnostics.Counters.Transmissions;
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 0 }, false, 600000).Succeeded, "RekeyInd / RekeyConf");
            NetworkSession ns = rig.World.Network.FindDevice(rig.Identity.DevEui).Session;
            rig.Mac.Session.FCntUp = 65496;
            ns.FCntDown = 65530;   // NFCntDown moves only with ACK-only downlinks: 15 in this run
            ns.AFCntDown = 65496;
            ulong start = rig.World.Scheduler.NowMicroseconds;
            int sent = 0;
            for (int i = 0; i < 90; i++)
            {
                if (i % 2 == 0) rig.World.Network.Enqueue(rig.Identity.DevEui, 10, new byte[] { (byte)i }, i % 4 == 0);
                SendResult r = rig.Device.Send(1, new byte[] { (byte)i, 1, 2 }, i % 3 == 0, 600000);
                Assert.IsTrue(r.Succeeded, "uplink " + i.ToString() + ": " + r.ToString());
                sent++;
                rig.World.Sleep(120000);
            }
            Assert.IsTrue(rig.World.Scheduler.NowMicroseconds - start >= 3UL * 3600 * 1000000, "three hours of simulated time");
            Assert.IsTrue(rig.World.Network.Uplinks.Last.FCnt > 65536u + 40, "FCntUp crossed 2^16: " + rig.World.Network.Uplinks.Last.FCnt.ToString());
            Assert.IsTrue(rig.Mac.Session.Keys.AFCntDown > 65536u, "AFCntDown crossed 2^16: " + rig.Mac.Session.Keys.AFCntDown.ToString());
            Assert.IsTrue(rig.Mac.Session.FCntDown > 65536u, "NFCntDown crossed 2^16: " + rig.Mac.Session.FCntDown.ToString());
            // Every transmission since the join reached the network and was accepted (the device's own empty uplinks
            // that fetch a downlink the network announced with FPending included).
            Assert.AreEqual(rig.Device.Diagnostics.Counters.Transmissions - joinTx, rig.World.Network.Counters.UplinksAccepted, "every uplink accepted");
            Assert.IsTrue(rig.World.Network.Counters.UplinksAccepted > sent, "at least one per Send");
            Assert.AreEqual(45, rig.Delivered.Count, "every application downlink delivered");
            AssertNothingRejected(rig, "long horizon");
        }

        [TestMethod]
        public void Otaa11_PowerCutAtEveryStoreWrite_NoCounterReused_TheSessionResumes()
        {
            // From fresh flash, a life that joins (DevNonce, JoinNonce, the session with RekeyInd owed), sends confirmed and
            // unconfirmed uplinks (FCntUp) and takes confirmed application downlinks (AFCntDown, the owed ACK and its
            // ConfFCnt) and network downlinks (RekeyConf, ACKs: NFCntDown). Power is cut in the middle of its n-th flash
            // write for n = 0, 1, 2, ... until a life has no n-th write; after each cut the device reboots and lives again,
            // then once more. A reused DevNonce or FCntUp, a lost owed RekeyInd or ACK shows as a rejection.
            int cut = 0;
            for (; cut < 200; cut++)
            {
                WorldRig rig = Rig11("EU868", 1106, new NetworkOptions());
                LoRaWanOptions o = Options11("EU868", 1106);
                rig.World.Flash.TearAfter(cut, 7);
                Life(rig, o, 0);
                rig.World.Flash.TearAfter(-1, 0);
                bool wasCut = rig.World.Flash.PowerLost;
                Life(rig, o, 1);
                Life(rig, o, 2);
                string at = "cut at write " + cut.ToString() + ": ";
                Assert.IsTrue(rig.Device.IsJoined, at + "joined");
                rig.PowerOn(o);
                Assert.IsTrue(rig.Device.IsJoined, at + "the session resumes from flash");
                Assert.AreEqual((int)SendStatus.Acked, (int)rig.Device.Send(1, new byte[] { 1 }, true, 600000).Status, at + "the resumed session works");
                Assert.IsTrue(WorldRig.AllDistinct(rig.DevNoncesOnAir), at + "a DevNonce was transmitted twice");
                Assert.AreEqual(0, rig.World.Network.Counters.ReusedFCntWithNewData, at + "an FCntUp was reused for new data");
                AssertNothingRejected(rig, at);
                if (!wasCut) break;
            }
            Assert.IsTrue(cut >= 8 && cut < 200, "every write of the life was cut once: " + cut.ToString() + " writes");
        }

        /// <summary>
        /// One life of the device between two power cuts: join when needed, a reset (as a wake-up from deep sleep: the
        /// session and what it owes come from flash), four uplinks, two application downlinks.
        /// </summary>
        static void Life(WorldRig rig, LoRaWanOptions o, int n)
        {
            LoRaWanDevice d = rig.PowerOn(o);
            if (rig.World.Flash.PowerLost) return;
            if (!d.IsJoined && !d.Join(600000)) return;
            if (rig.World.Flash.PowerLost) return;
            d = rig.PowerOn(o);
            if (rig.World.Flash.PowerLost || !d.IsJoined) return;
            for (int i = 0; i < 4 && !rig.World.Flash.PowerLost; i++)
            {
                if (i % 2 == 0) rig.World.Network.Enqueue(rig.Identity.DevEui, 6, new byte[] { (byte)n, (byte)i }, i == 0);
                d.Send(1, new byte[] { (byte)n, (byte)i }, i == 1, 600000);
            }
        }

        [TestMethod]
        public void Abp11_PowerCutAtEveryStoreWrite_NoCounterReused()
        {
            // ABP 1.1 from fresh flash: ResetInd owed, FCntUp, NFCntDown, AFCntDown; a cut at every write index, as above.
            int cut = 0;
            for (; cut < 200; cut++)
            {
                var rig = new WorldRig("EU868", 1107, DeviceIdentity.Abp11(AbpDevAddr, FNwk, SNwk, NwkSEnc, AppS), LoRaWanVersion.V1_1, new NetworkOptions());
                LoRaWanOptions o = Options11("EU868", 1107);
                o.FCntPersistInterval = 1;
                rig.World.Flash.TearAfter(cut, 7);
                Life(rig, o, 0);
                rig.World.Flash.TearAfter(-1, 0);
                bool wasCut = rig.World.Flash.PowerLost;
                Life(rig, o, 1);
                string at = "cut at write " + cut.ToString() + ": ";
                rig.PowerOn(o);
                Assert.AreEqual((int)SendStatus.Acked, (int)rig.Device.Send(1, new byte[] { 1 }, true, 600000).Status, at + "the session works");
                Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed, at + "ResetInd answered");
                Assert.AreEqual(0, rig.World.Network.Counters.ReusedFCntWithNewData + rig.World.Network.Counters.Retransmissions, at + "an FCntUp was reused");
                AssertNothingRejected(rig, at);
                if (!wasCut) break;
            }
            Assert.IsTrue(cut >= 4 && cut < 200, "every write of the life was cut once: " + cut.ToString() + " writes");
        }

        /// <summary>Copies the last uplink and the last downlink (inverted IQ) put on the air.</summary>
        sealed class AirTap : IAirMonitor
        {
            public byte[] LastUplink;
            public byte[] LastDownlink;

            public void OnTransmission(AirFrame frame)
            {
                var copy = new byte[frame.Length];
                System.Array.Copy(frame.Payload, copy, frame.Length);
                if (frame.InvertIq) LastDownlink = copy;
                else LastUplink = copy;
            }
        }
    }
}
