using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>OTAA on the whole simulated stack: driver, chip model, air, gateway, network server (LoRaWAN 1.0.4 §6.2).</summary>
    [TestClass]
    public class JoinTests
    {
        [TestMethod]
        public void OtaaJoin_SucceedsInRx1()
        {
            var rig = new WorldRig("EU868", 11, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 11));
            Assert.IsTrue(rig.Device.Join(120000), "joined");
            Assert.AreEqual(1, rig.World.Network.Counters.JoinAccepts);
            Assert.AreEqual((int)RxWindow.Rx1, (int)rig.World.Network.Downlinks[0].Window, "join-accept in RX1");
            Assert.AreEqual(1, rig.Device.Diagnostics.Timing.FramesReceived);
        }

        [TestMethod]
        public void BeginJoinFromAnotherThread_AfterThisJoinEnded_DoesNotHideItsEnd()
        {
            // The OnJoinAttempt handler runs on the MAC's thread, after the join ended and before the blocking Join looked:
            // "another thread" starting a join there must not make this Join wait for that one.
            var rig = new WorldRig("EU868", 12, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 12));
            ulong joinedAt = 0;
            bool again = false;
            rig.Device.OnJoinAttempt += (s, joined, attempt) =>
            {
                if (!joined || joinedAt != 0) return;
                joinedAt = rig.World.Scheduler.NowMicroseconds;
                again = s.BeginJoin();
            };
            bool result = rig.Device.Join(120000);
            Assert.IsTrue(again, "the second join started");
            Assert.AreEqual(joinedAt, rig.World.Scheduler.NowMicroseconds, "Join returned when its own join ended");
            Assert.IsTrue(result, "joined");
            Assert.AreEqual(1, rig.World.Network.Counters.JoinAccepts, "before the second join's accept");
        }

        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [TestMethod]
        public void OtaaJoinAndUplink_WorksForEachSupportedMacVersion(int minor)
        {
            LoRaWanVersion version = minor == 2 ? LoRaWanVersion.V1_0_2 : minor == 3 ? LoRaWanVersion.V1_0_3 : LoRaWanVersion.V1_0_4;
            var rig = new WorldRig("EU868", 100 + minor, version);
            LoRaWanOptions o = WorldRig.Options("EU868", 100 + minor);
            o.Version = version;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(120000), "joined");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 5, new byte[] { 0x42 }, false);
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            Assert.AreEqual(1, rig.Delivered.Count, "downlink delivered");
            // A rejoin after a reset uses the next DevNonce, which every version's rule accepts.
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(120000), "rejoined");
            Assert.AreEqual(2, rig.World.Network.Counters.JoinAccepts);
        }

        [TestMethod]
        public void Rejoin_StartsFromTheDefaultPlanPlusTheNewCfList()
        {
            var rig = new WorldRig("EU868", 18, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 18));
            Assert.IsTrue(rig.Device.Join(120000));
            LoRaWan.Regions.ChannelPlan plan = rig.Mac.Session.Plan;
            Assert.AreEqual(8, plan.EnabledCount, "3 default channels + 5 from the TTN CFList");
            // What a LinkADRReq of the old session could have left: only channel 0 enabled.
            Assert.IsTrue(rig.World.Region.ApplyChannelMask(plan, 0, 0x0001));
            Assert.AreEqual(1, plan.EnabledCount);
            Assert.IsTrue(rig.Device.Join(120000), "rejoined");
            Assert.AreEqual(8, plan.EnabledCount, "the new session does not inherit the old channel mask");
        }

        [TestMethod]
        public void OtaaJoin_SucceedsInRx2WhenRx1IsSuppressed()
        {
            var rig = new WorldRig("EU868", 12, LoRaWanVersion.V1_0_4);
            rig.World.Network.ForceRx2 = true;
            rig.PowerOn(WorldRig.Options("EU868", 12));
            Assert.IsTrue(rig.Device.Join(120000), "joined");
            Assert.AreEqual((int)RxWindow.Rx2, (int)rig.World.Network.Downlinks[0].Window, "join-accept in RX2");
            // JOIN_ACCEPT_DELAY2 = 6 s after the end of the join request (RP002).
            DownlinkRecord d = rig.World.Network.Downlinks[0];
            Assert.AreEqual(6000000UL, d.StartUs - d.UplinkEndUs);
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "the RX2-joined session works");
        }

        [TestMethod]
        public void OtaaJoin_Us915Fsb2_JoinsOnTheSubBand()
        {
            var rig = new WorldRig("US915", 13, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("US915", 13));
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            SendResult r = rig.Device.Send(1, new byte[] { 1, 2 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status);
            // FSB2 = channels 8..15 (903.9..905.3 MHz) and 65 (904.6 MHz).
            uint f = rig.World.Network.Uplinks.Last.FrequencyHz;
            Assert.IsTrue((f >= 903900000 && f <= 905300000) || f == 904600000, "uplink on FSB2, got " + f.ToString());
        }

        [TestMethod]
        public void Rejoin_Us915Fsb2_ProbesTheSubBand_NotTheOldSessionsMask()
        {
            var rig = new WorldRig("US915", 16, LoRaWanVersion.V1_0_4);
            // An 8-channel gateway on FSB2, as The Things Network's in the US: 903.9..905.3 MHz and 904.6 MHz (500 kHz).
            rig.World.Gateway.ClearChannels();
            for (uint i = 0; i < 8; i++) rig.World.Gateway.AddChannel(903900000u + 200000u * i);
            rig.World.Gateway.AddChannel(904600000u);
            rig.PowerOn(WorldRig.Options("US915", 16));
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            // The session's mask moves to sub-band 1 (channels 0..7 and 64), as another network's LinkADRReq would.
            LoRaWan.Regions.ChannelPlan plan = rig.Mac.Session.Plan;
            Assert.IsTrue(rig.World.Region.ApplyChannelMask(plan, 7, 0x01), "all 125 kHz off, channel 64 on");
            Assert.IsTrue(rig.World.Region.ApplyChannelMask(plan, 0, 0x00FF), "channels 0..7 on");
            int heard = rig.DevNoncesOnAir.Count;
            Assert.IsTrue(rig.Device.Join(600000), "rejoined through the FSB2 gateway");
            Assert.AreEqual(heard + 1, rig.DevNoncesOnAir.Count, "the first Join-Request of the rejoin was heard: it went out on FSB2");
        }

        [TestMethod]
        public void JoinAfterReset_ContinuesTheDevNonceCounter()
        {
            var rig = new WorldRig("EU868", 14, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 14));
            Assert.IsTrue(rig.Device.Join(120000));
            // Reset, then force a new join: the counter continues from flash (1.0.4 §6.2.5), so the network,
            // which rejects a DevNonce that is not greater than the last one, accepts it at once.
            rig.PowerOn(WorldRig.Options("EU868", 14));
            Assert.IsTrue(rig.Device.IsJoined, "the session was restored from flash");
            Assert.IsTrue(rig.Device.Join(120000), "rejoined");
            Assert.AreEqual(2, rig.DevNoncesOnAir.Count, "one join request per join");
            Assert.AreEqual(0, (int)rig.DevNoncesOnAir[0]);
            Assert.AreEqual(1, (int)rig.DevNoncesOnAir[1]);
            Assert.AreEqual(0, rig.World.Network.Counters.JoinRejectedDevNonceTooSmall + rig.World.Network.Counters.JoinRejectedDevNonceReused);
        }

        [TestMethod]
        public void DeviceThatLostItsNonces_IsRejectedUntilItsDevNoncePassesTheLastOne()
        {
            // A second board with the same keys but empty flash reuses DevNonce 0: The Things Stack (and our
            // network model) refuses it for 1.0.4 — exactly why the counter must be persisted.
            var rig = new WorldRig("EU868", 15, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 15));
            Assert.IsTrue(rig.Device.Join(120000));
            // Wipe both copies of the nonce record (the device "forgets"), keep the network's memory.
            rig.World.Flash.Corrupt(StoreSlots.Nonces, 3);
            rig.World.Flash.Corrupt(StoreSlots.Nonces + 1, 3);
            rig.PowerOn(WorldRig.Options("EU868", 15));
            Assert.IsTrue(rig.Device.Join(3600000), "eventually joins");
            Assert.IsTrue(rig.World.Network.Counters.JoinRejectedDevNonceTooSmall + rig.World.Network.Counters.JoinRejectedDevNonceReused >= 1,
                "the reused DevNonce 0 was rejected");
            Assert.AreEqual(0, (int)rig.DevNoncesOnAir[1], "the forgetful device restarted at 0");
        }

        [TestMethod]
        public void PowerCutAroundTheDevNonceWrite_NeverPutsADevNonceOnAirTwice()
        {
            // Cut power at every flash write of the first joins (nonce record, session record), reboot, carry on.
            var rig = new WorldRig("EU868", 17, LoRaWanVersion.V1_0_4);
            for (int cut = 0; cut < 6; cut++)
            {
                rig.World.Flash.TearAfter(cut, 7);
                LoRaWanDevice d = rig.PowerOn(WorldRig.Options("EU868", 17));
                d.Join(120000);
                rig.World.Flash.TearAfter(-1, 0);
            }
            LoRaWanDevice last = rig.PowerOn(WorldRig.Options("EU868", 17));
            if (!last.IsJoined) Assert.IsTrue(last.Join(600000), "joins in the end");
            Assert.IsTrue(rig.DevNoncesOnAir.Count >= 3, "several join requests went on air");
            Assert.IsTrue(WorldRig.AllDistinct(rig.DevNoncesOnAir), "a DevNonce was transmitted twice");
            Assert.AreEqual(0, rig.World.Network.Counters.JoinRejectedDevNonceTooSmall + rig.World.Network.Counters.JoinRejectedDevNonceReused);
        }

        [DataRow(8, 0)]
        [DataRow(7, 7)]
        [TestMethod]
        public void JoinAcceptWithAnLrFhssRx2Rate_FallsBackToTheRegionalRx2Default_AnFskOneIsUsed(int rx2DataRate, int expected)
        {
            // A join-accept (built here: the network model refuses such a setting) whose DLSettings name an RX2 rate
            // and an RX1DROffset of 6 (EU868 defines 0..5). EU868 DR8 is LR-FHSS (uplink only): the regional default
            // DR0 stays. DR7 is GFSK, which this stack receives: it is taken.
            byte[] appKey = Hex.Parse(WorldRig.AppKey, 16, "AppKey");
            var accept = new JoinAcceptFrame();
            accept.JoinNonce = 1;
            accept.NetId = 0x13;
            accept.DevAddr = 0x26000042;
            accept.Rx1DrOffset = 6;
            accept.Rx2DataRate = (byte)rx2DataRate;
            accept.RxDelay = 1;
            var frame = new byte[33];
            int n = accept.Write(frame, 0, null, 0);
            new LoRaWan.Crypto.JoinCrypto().ComputeJoinAcceptMic10(appKey, 0, frame, 0, n - 4, frame, n - 4);
            Assert.IsTrue(new JoinAcceptCipher().Encrypt(appKey, 0, frame, 0, n));
            var onAir = new byte[n];
            System.Array.Copy(frame, onAir, n);

            var scheduler = new VirtualScheduler();
            var radio = new LoRaWan.Tests.Mac.ScriptedRadio(scheduler);
            radio.DeliverInWindow(0, onAir);
            var wiring = new MacWiring();
            wiring.Runner = new VirtualMacRunner(scheduler);
            var mac = new ClassAMac(radio, Region.Create("EU868"),
                DeviceIdentity.Otaa(WorldRig.DevEui, WorldRig.JoinEui, WorldRig.AppKey), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize),
                scheduler, WorldRig.Options("EU868", 303), wiring);
            var device = new LoRaWanDevice(mac);
            Assert.IsTrue(device.Join(60000), "joined");
            Assert.AreEqual(0x26000042u, device.DevAddr);
            Assert.AreEqual(expected, mac.Session.Rx2DataRate, "RX2 DR" + rx2DataRate.ToString());
            Assert.AreEqual(0, mac.Session.Rx1DrOffset, "an undefined offset is not applied");
        }

        [TestMethod]
        public void CancelledJoinWaitingForBackOff_StopsAtOnce()
        {
            // A device the network does not know: every join attempt fails and the back-off grows.
            var rig = new WorldRig("EU868", 41, LoRaWanVersion.V1_0_4);
            var stranger = DeviceIdentity.Otaa("70B3D57ED0000C03", "0000000000000000", "2B7E151628AED2A6ABF7158809CF4F3C");
            LoRaWanDevice d = rig.World.PowerOn(stranger, WorldRig.Options("EU868", 41));
            Assert.IsFalse(d.Join(2 * 3600 * 1000), "no join with unknown keys");
            rig.World.Runner.RunUntil(rig.World.Scheduler.NowMicroseconds + 1000);
            Assert.IsFalse(rig.World.Mac.IsBusy, "Join's timeout cancelled the join");
            Assert.AreEqual((int)MacState.Idle, (int)rig.World.Mac.State);
            Assert.IsTrue(d.BeginJoin(), "a new join can start");
        }
    }
}
