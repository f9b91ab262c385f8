using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using LoRaWan.Tests.EndToEnd;
using LoRaWan.Tests.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Session
{
    /// <summary>Persistence of the session and the nonces: nothing owed or counted is lost across a reset, and a session is restored only for its identity.</summary>
    [TestClass]
    public class SessionPersistenceTests
    {
        [TestMethod]
        public void DevNonceCounter_PassesSixteenBitsThroughPersistence()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var n = new NonceRecord(flash);
            n.Load();
            n.NextDevNonce = 0x10000;   // DevNonce 0xFFFF was just used
            n.Save();
            var m = new NonceRecord(flash);
            m.Load();
            Assert.AreEqual(0x10000, m.NextDevNonce, "not wrapped to 0: DevNonce 0 would be replayed");
        }

        [TestMethod]
        public void NonceRecordVersion2_StillLoads_WithItsDevNonce_AndRjCountsAt0_Version3KeepsThem()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            // The version-2 layout (before rejoin): next DevNonce 0x0123, JoinNonce 0x376338, flags 1, JoinEUI, DevEUI, key check.
            var v2 = new RecordStore(flash, StoreSlots.Nonces, 0x4E4E, 2, 29);
            v2.Save(TestHex.Bytes("23010000" + "38633700" + "01" + "4242222312000000" + "4143421342004200" + "78563412"), 0);
            var n = new NonceRecord(flash);
            Assert.IsTrue(n.Load(), "the version-2 record loads");
            Assert.AreEqual(0x0123, n.NextDevNonce);
            Assert.AreEqual(0x376338u, n.LastJoinNonce);
            Assert.IsTrue(n.HasJoinNonce);
            Assert.AreEqual(0, n.NextRjCount1, "no Rejoin-request was ever sent");
            Assert.AreEqual(0, n.NextRjCount0);
            n.NextRjCount1 = 0xFFFF;
            n.NextRjCount0 = 0x1234;
            n.Save();
            var m = new NonceRecord(flash);
            Assert.IsTrue(m.Load());
            Assert.AreEqual(0xFFFF, m.NextRjCount1, "RJcount1 in bytes 29..30");
            Assert.AreEqual(0x1234, m.NextRjCount0, "RJcount0 in bytes 31..32");
            Assert.AreEqual(0x0123, m.NextDevNonce);
            Assert.IsTrue(m.HasJoinNonce);
        }

        [TestMethod]
        public void NonceRecord_KeepsAForceRejoinReqOrderInBytes7And8_BesideTheJoinNonceAndItsFlag()
        {
            // LoRaWAN 1.1 §5.13: an order in progress survives a reset. Byte 7 (the high byte of the 24-bit JoinNonce, zero in
            // every record written before) = transmissions left | DR << 4; byte 8 = HasJoinNonce | type 2 << 1 | Period << 2 |
            // first sent << 5. A record with zeros there holds no order (the version-2 test above: its bytes 7..8 are 00 01).
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var n = new NonceRecord(flash);
            n.Load();
            n.LastJoinNonce = 0xABCDEF;
            n.HasJoinNonce = true;
            n.ForcedRejoinsLeft = 5;
            n.ForcedRejoinType = 2;
            n.ForcedRejoinDataRate = 11;
            n.ForcedRejoinPeriod = 6;
            n.ForcedRejoinStarted = true;
            n.Save();
            var raw = new byte[StoreSlots.NoncePayloadSize];
            Assert.IsTrue(new RecordStore(flash, StoreSlots.Nonces, 0x4E4E, 3, StoreSlots.NoncePayloadSize).Load(raw, 0), "still a version-3 record");
            Assert.AreEqual("EFCDAB", TestHex.Of(raw, 4, 3), "JoinNonce in bytes 4..6");
            Assert.AreEqual((byte)0xB5, raw[7], "5 left | DR11 << 4");
            Assert.AreEqual((byte)0x3B, raw[8], "HasJoinNonce | type 2 | Period 6 | first sent");
            var m = new NonceRecord(flash);
            Assert.IsTrue(m.Load());
            Assert.AreEqual(0xABCDEFu, m.LastJoinNonce, "the order does not leak into the JoinNonce");
            Assert.AreEqual(5, m.ForcedRejoinsLeft);
            Assert.AreEqual(2, m.ForcedRejoinType);
            Assert.AreEqual(11, m.ForcedRejoinDataRate);
            Assert.AreEqual(6, m.ForcedRejoinPeriod);
            Assert.IsTrue(m.ForcedRejoinStarted);
            m.ForcedRejoinsLeft = 0;   // the order carried out: nothing of it stays
            m.Save();
            Assert.IsTrue(new RecordStore(flash, StoreSlots.Nonces, 0x4E4E, 3, StoreSlots.NoncePayloadSize).Load(raw, 0));
            Assert.AreEqual((byte)0, raw[7]);
            Assert.AreEqual((byte)1, raw[8], "only HasJoinNonce");
        }

        [TestMethod]
        public void SessionOfAnotherIdentity_IsNotRestored()
        {
            var rig = new WorldRig("EU868", 32, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 32));
            Assert.IsTrue(rig.Device.Join(120000));
            var other = DeviceIdentity.Otaa("70B3D57ED0000B02", "0000000000000000", "2B7E151628AED2A6ABF7158809CF4F3C");
            LoRaWanDevice d = rig.World.PowerOn(other, WorldRig.Options("EU868", 32));
            Assert.IsFalse(d.IsJoined, "a new DevEUI/AppKey must join, not reuse the old session");
            var sameEuiOtherKey = DeviceIdentity.Otaa(WorldRig.DevEui, WorldRig.JoinEui, "2B7E151628AED2A6ABF7158809CF4F3C");
            d = rig.World.PowerOn(sameEuiOtherKey, WorldRig.Options("EU868", 32));
            Assert.IsFalse(d.IsJoined, "same EUIs with another AppKey must join too");
            d = rig.World.PowerOn(rig.Identity, WorldRig.Options("EU868", 32));
            Assert.IsTrue(d.IsJoined, "the original identity still finds its session");
        }

        [TestMethod]
        public void StickyAnswerOwedAtReset_IsSentAfterTheReset()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            var rig = new CommandRig("EU868", o);
            rig.DeliverNext(CommandRig.Down(1, "08 05"));   // RXTimingSetupReq, Del = 5 s
            rig.Send();
            var again = new CommandRig("EU868", o, rig.Flash, rig.Scheduler);   // reset (deep sleep) right after
            again.Send();
            Assert.AreEqual("08", CommandRig.FOpts(again.Sent(0)), "RXTimingSetupAns still repeated after the reset");
            ulong rx1 = (ulong)again.Radio.RxOpenedAt[0] - (ulong)again.Radio.TxDoneAt[0];
            Assert.IsTrue(rx1 > 4900000 && rx1 < 5000000, "and the new 5 s delay is in force: " + rx1.ToString());
        }

        [TestMethod]
        public void FreshAnswerSentBeforeAReset_IsNotSentAgain_TheStickyOneIsRepeated()
        {
            // DutyCycleReq (LoRaWAN 1.0.4 §5.3) is answered once; RXTimingSetupAns (§5.7) repeats until a downlink.
            LoRaWanOptions o = CommandRig.Adr(5);
            o.EmptyAckUplinkDelayMs = 0;
            var rig = new CommandRig("EU868", o);
            rig.DeliverNext(CommandRig.Down(1, "04 00 08 05"));   // DutyCycleReq 1/2^0, RXTimingSetupReq 5 s
            rig.Send();
            rig.Send();
            Assert.AreEqual("04" + "08", CommandRig.FOpts(rig.Sent(1)), "both answers in the next uplink");
            var again = new CommandRig("EU868", o, rig.Flash, rig.Scheduler);   // reset (deep sleep) after it went out
            again.Send();
            Assert.AreEqual("08", CommandRig.FOpts(again.Sent(0)), "DutyCycleAns was sent: not again; RXTimingSetupAns repeated");
            again.Send();
            Assert.AreEqual("08", CommandRig.FOpts(again.Sent(1)), "still repeated: no downlink yet");
            var third = new CommandRig("EU868", o, again.Flash, again.Scheduler);   // a second reset keeps it so
            third.Send();
            Assert.AreEqual("08", CommandRig.FOpts(third.Sent(0)));
            Assert.IsTrue(CommandRig.Read(third.Sent(0)).FCnt > CommandRig.Read(again.Sent(1)).FCnt, "no FCntUp reused");
        }

        [TestMethod]
        public void FreshAnswerOwedAtAReset_BeforeItsUplink_IsStillSent()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            o.EmptyAckUplinkDelayMs = 0;
            var rig = new CommandRig("EU868", o);
            rig.DeliverNext(CommandRig.Down(1, "04 00"));   // DutyCycleReq
            rig.Send();
            var again = new CommandRig("EU868", o, rig.Flash, rig.Scheduler);   // reset before any uplink carried the answer
            again.Send();
            Assert.AreEqual("04", CommandRig.FOpts(again.Sent(0)), "DutyCycleAns owed across the reset");
            Assert.IsTrue(CommandRig.Read(again.Sent(0)).FCnt > CommandRig.Read(rig.Sent(0)).FCnt, "no FCntUp reused");
            var third = new CommandRig("EU868", o, again.Flash, again.Scheduler);
            third.Send();
            Assert.AreEqual("", CommandRig.FOpts(third.Sent(0)), "and once sent, not again");
        }

        [TestMethod]
        public void MacAnswers_PowerCutAtEveryStoreWrite_NoAnswerReachesTheNetworkTwice()
        {
            // A device that sleeps (resets) after every uplink, asked for DutyCycleReq (answered once) and RXTimingSetupReq
            // (its answer repeats until a downlink). The network model counts an answer it did not ask for (a DutyCycleAns
            // sent again after a reset) as unexpected, as The Things Stack rejects an answer with no pending request.
            // Power is cut in the middle of the n-th flash write, for every n, then the device lives on.
            int cut = 0;
            for (; cut < 100; cut++)
            {
                var rig = new WorldRig("EU868", 33, LoRaWanVersion.V1_0_4);
                LoRaWanOptions o = WorldRig.Options("EU868", 33);
                o.EmptyAckUplinkDelayMs = 0;
                rig.PowerOn(o);
                Assert.IsTrue(rig.Device.Join(600000), "joined");
                rig.World.Network.Mac.Enabled = true;
                rig.World.Network.RequestDutyCycle(rig.Identity.DevEui, 0);
                rig.World.Network.RequestRxTiming(rig.Identity.DevEui, 2);
                rig.World.Flash.TearAfter(cut, 7);
                bool wasCut = false;
                for (int i = 0; i < 5 && !wasCut; i++)
                {
                    rig.Device.Send(1, new byte[] { (byte)i }, false, 600000);
                    wasCut = rig.World.Flash.PowerLost;
                    if (!wasCut) rig.PowerOn(o);   // deep sleep: the session and what it owes come from flash
                }
                rig.World.Flash.TearAfter(-1, 0);
                for (int i = 0; i < 4; i++)
                {
                    rig.PowerOn(o);
                    Assert.IsTrue(rig.Device.IsJoined, "cut at write " + cut.ToString() + ": the session resumes");
                    rig.Device.Send(2, new byte[] { (byte)i }, false, 600000);
                }
                NetworkMacCounters m = rig.World.Network.MacCounters;
                string at = "cut at write " + cut.ToString() + ": ";
                Assert.AreEqual(0, m.AnswersUnexpected, at + "an answer the network did not ask for (sent twice)");
                Assert.AreEqual(0, m.AnswersWrong, at + "a wrong answer");
                Assert.IsTrue(m.AnswersCorrect >= 2, at + "both requests answered: " + m.AnswersCorrect.ToString());
                Assert.AreEqual(0, rig.World.Network.Counters.ReusedFCntWithNewData, at + "an FCntUp was reused");
                if (!wasCut) break;
            }
            Assert.IsTrue(cut >= 5 && cut < 100, "every write was cut once: " + cut.ToString());
        }

        [TestMethod]
        public void AckOwedAtReset_IsSentAfterTheReset()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.EmptyAckUplinkDelayMs = 0;   // no empty uplink: the ACK waits for the next application uplink
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.ConfirmedDownlink());
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            Assert.AreEqual(1, rig.Downlinks.Count);
            var again = new MacTestRig(o, rig.Flash, rig.Scheduler);
            again.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.IsTrue(CommandRig.Read(again.Radio.LastSent).Ack, "the ACK of the confirmed downlink survives the reset");
        }

        [TestMethod]
        public void AbpCounters_SurviveAnUnreadableSessionRecord()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            var rig = new CommandRig("EU868", o);
            for (int i = 0; i < 40; i++) rig.Send();
            int last = CommandRig.Read(rig.Sent(-1)).FCnt;
            Assert.AreEqual(39, last);
            // Both copies of the session record unreadable (e.g. a firmware update changed its layout).
            var junk = new byte[40];
            for (int i = 0; i < junk.Length; i++) junk[i] = 0x5A;
            rig.Flash.Write(StoreSlots.Session, junk, 0, junk.Length);
            rig.Flash.Write(StoreSlots.Session + 1, junk, 0, junk.Length);
            var again = new CommandRig("EU868", o, rig.Flash, rig.Scheduler);
            again.Send();
            int next = CommandRig.Read(again.Sent(0)).FCnt;
            Assert.IsTrue(next > last, "FCnt " + next.ToString() + " after " + last.ToString() + ": a counter was reused");
        }
    }
}
