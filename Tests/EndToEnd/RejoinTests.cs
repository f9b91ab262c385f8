using System.Collections;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// LoRaWAN 1.1 Rejoin-requests on the whole simulated stack (issue 16): RejoinParamSetupReq's periodic type 0 (§5.14),
    /// ForceRejoinReq's type 2 (§5.13), the join-accept that answers them (§6.2.3), the session switch on both sides, and
    /// RJcount0/RJcount1 that a power cut never replays (§6.2.4.1). The MICs and keys are checked against the .NET AES
    /// oracle in Host/HostTests/Mac/RejoinMacTests.cs.
    /// </summary>
    [TestClass]
    public class RejoinTests
    {
        const string NwkKey = WorldRig.AppKey;
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";

        /// <summary>A world with one LoRaWAN 1.1 OTAA device; every Rejoin-request on air is copied.</summary>
        sealed class Rig : IAirMonitor
        {
            public readonly VirtualWorld World;
            public readonly DeviceIdentity Identity;
            public readonly int Seed;
            public LoRaWanDevice Device;
            public ClassAMac Mac;
            /// <summary>Copies (byte[]) of every Rejoin-request the device put on air.</summary>
            public readonly ArrayList Rejoins = new ArrayList();
            /// <summary>Spreading factor of each of them (int).</summary>
            public readonly ArrayList RejoinSf = new ArrayList();

            public Rig(int seed)
            {
                Seed = seed;
                World = new VirtualWorld("EU868", seed, new NetworkOptions());
                World.Network.Mac.Enabled = true;
                World.Network.Mac.Adr = false;
                Identity = DeviceIdentity.Otaa11(WorldRig.DevEui, WorldRig.JoinEui, NwkKey, AppKey);
                World.Register(Identity, LoRaWanVersion.V1_1);
                World.Air.AddMonitor(this);
            }

            public LoRaWanDevice PowerOn()
            {
                LoRaWanOptions o = WorldRig.Options("EU868", Seed);
                o.Version = LoRaWanVersion.V1_1;
                o.Adr = false;
                o.DataRate = 5;
                Device = World.PowerOn(Identity, o);
                Mac = World.Mac;
                return Device;
            }

            public void OnTransmission(AirFrame frame)
            {
                if (frame.InvertIq || frame.Length < 2 || (frame.Payload[0] >> 5) != (int)MType.RejoinRequest) return;
                var copy = new byte[frame.Length];
                System.Array.Copy(frame.Payload, copy, frame.Length);
                Rejoins.Add(copy);
                RejoinSf.Add(frame.SpreadingFactor);
            }

            public byte[] Rejoin(int i) { return (byte[])Rejoins[i]; }

            public NetworkDevice NetworkDevice { get { return World.Network.FindDevice(Identity.DevEui); } }

            public SendResult Send()
            {
                return Device.Send(1, new byte[] { 1, 2, 3 }, false, 600000);
            }
        }

        static int RjCount(byte[] f) { return f[f.Length - 6] | (f[f.Length - 5] << 8); }

        /// <summary>Joins and sends until the network took the new session (RekeyInd) and confirmed it (RekeyConf).</summary>
        static void JoinAndSettle(Rig rig)
        {
            rig.PowerOn();
            Assert.IsTrue(rig.Device.Join(120000), "joined");
            for (int i = 0; i < 3; i++) Assert.IsTrue(rig.Send().Succeeded, "uplink " + i.ToString());
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "RekeyConf received");
        }

        [TestMethod]
        public void RejoinParamSetup_PeriodicType0_IsAnsweredWithANewSession_AndDataContinues()
        {
            var rig = new Rig(401);
            JoinAndSettle(rig);
            uint oldDevAddr = rig.Mac.Session.DevAddr;
            uint oldJoinNonce = rig.Mac.Session.JoinNonce;
            // MaxCountN 0: a type 0 Rejoin-request every 2^4 = 16 uplinks; MaxTimeN 15: 2^25 s, out of reach.
            rig.World.Network.RejoinParamSetup(rig.Identity.DevEui, 15, 0);
            Assert.IsTrue(rig.Send().Succeeded, "carries the uplink whose downlink asks");
            Assert.IsTrue(rig.Send().Succeeded, "carries RejoinParamSetupAns");
            NetworkMacState m = rig.World.Network.GetMacState(rig.Identity.DevEui);
            Assert.AreEqual(1, m.RejoinParamSetupCount, "RejoinParamSetupAns received");
            Assert.AreEqual(1, m.RejoinParamTimeOk, "TimeOK: the device keeps time");
            Assert.AreEqual(0, rig.Rejoins.Count, "5 uplinks: no Rejoin-request yet");
            // Counted from the uplink whose downlink carried the request (the device counts once the parameters are set).
            int uplinks = 2;
            while (rig.Rejoins.Count == 0 && uplinks < 40)
            {
                Assert.IsTrue(rig.Send().Succeeded, "uplink " + uplinks.ToString());
                uplinks++;
            }
            Assert.AreEqual(17, uplinks, "the Rejoin-request goes out after 2^(0 + 4) = 16 uplinks, before the 17th");
            byte[] rj = rig.Rejoin(0);
            Assert.AreEqual(RejoinRequestFrame.LengthType02, rj.Length);
            Assert.AreEqual(0, (int)rj[1], "type 0");
            Assert.AreEqual(0, RjCount(rj), "RJcount0 starts at 0 in a session");
            Assert.AreEqual(1, rig.World.Network.Counters.RejoinAccepts, "answered");
            Assert.AreEqual(0, rig.World.Network.Counters.RejoinRejectedMic);
            Assert.IsTrue(rig.Mac.IsJoined);
            Assert.AreNotEqual(oldDevAddr, rig.Mac.Session.DevAddr, "new DevAddr");
            Assert.IsTrue(rig.Mac.Session.JoinNonce > oldJoinNonce, "new JoinNonce");
            Assert.AreEqual(0, rig.Mac.NextRjCount0, "RJcount0 back to 0 with the new session");
            // The uplink that waited for the Rejoin-request went out on the new session, FCnt 0, with RekeyInd.
            Assert.AreEqual(1u, rig.Mac.Session.FCntUp, "counters reset: one uplink on the new session");
            Assert.IsNull(rig.NetworkDevice.PendingSession, "the network switched with the RekeyInd");
            Assert.AreEqual(rig.Mac.Session.DevAddr, rig.NetworkDevice.Session.DevAddr);
            Assert.AreEqual(0u, rig.NetworkDevice.Session.LastFCntUp, "the network took FCnt 0 of the new session");
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.IsFalse(rig.Mac.Session.Keys.RekeyOwed, "RekeyConf");
            Assert.AreEqual(1, rig.Rejoins.Count, "no Rejoin-request after the new session's first uplinks (RejoinParamSetup reset)");
        }

        [TestMethod]
        public void RejoinParamSetup_MaxTimeNRunsOut_WhileTheDeviceSendsNothing_TheType0GoesOut()
        {
            // LoRaWAN 1.1 §5.14: a type 0 Rejoin-request every 2^(MaxTimeN + 10) s or 2^(MaxCountN + 4) uplinks, whichever
            // comes first. MaxTimeN 0: 1024 s; MaxCountN 15: 2^19 uplinks, out of reach. The device then sends nothing.
            var rig = new Rig(410);
            JoinAndSettle(rig);
            uint oldDevAddr = rig.Mac.Session.DevAddr;
            rig.World.Network.RejoinParamSetup(rig.Identity.DevEui, 0, 15);
            Assert.IsTrue(rig.Send().Succeeded, "carries the uplink whose downlink asks");
            Assert.IsTrue(rig.Send().Succeeded, "carries RejoinParamSetupAns");
            Assert.AreEqual(1, rig.World.Network.GetMacState(rig.Identity.DevEui).RejoinParamSetupCount, "answered");
            Assert.AreEqual(0, rig.Rejoins.Count);
            rig.World.Sleep(1100000);   // idle past 1024 s since the session started
            Assert.AreEqual(1, rig.Rejoins.Count, "the period ran out without an uplink: the type 0 Rejoin-request went out");
            Assert.AreEqual(0, (int)rig.Rejoin(0)[1], "type 0");
            Assert.AreEqual(1, rig.World.Network.Counters.RejoinAccepts, "answered with a new session");
            Assert.AreNotEqual(oldDevAddr, rig.Mac.Session.DevAddr);
            Assert.IsTrue(rig.Send().Succeeded, "data on the new session");
            rig.World.Sleep(600000);
            Assert.AreEqual(1, rig.Rejoins.Count, "a new session forgets RejoinParamSetupReq: no more periodic requests");
        }

        [TestMethod]
        public void Facade_StartRejoinType0_IsAnsweredWithANewSession_AndDataContinues()
        {
            var rig = new Rig(405);
            JoinAndSettle(rig);
            uint oldDevAddr = rig.Device.DevAddr;
            Assert.IsTrue(rig.Device.StartRejoin(0), "started from the device facade");
            Assert.IsFalse(rig.Device.StartRejoin(0), "busy with the first one");
            rig.World.Sleep(10000);   // JOIN_ACCEPT_DELAY2 is 6 s
            Assert.AreEqual(1, rig.Rejoins.Count, "one Rejoin-request on air");
            Assert.AreEqual(0, (int)rig.Rejoin(0)[1], "type 0");
            Assert.AreEqual(1, rig.World.Network.Counters.RejoinAccepts, "answered");
            Assert.IsTrue(rig.Device.IsJoined);
            Assert.AreNotEqual(oldDevAddr, rig.Device.DevAddr, "the new session is in use");
            Assert.IsTrue(rig.Send().Succeeded, "data on the new session");
            Assert.AreEqual(rig.Device.DevAddr, rig.NetworkDevice.Session.DevAddr, "the network switched with RekeyInd");
        }

        static string RejoinRefusal(LoRaWanDevice device, int type)
        {
            try
            {
                device.StartRejoin(type);
                return "no exception";
            }
            catch (System.ArgumentOutOfRangeException e) { return "ArgumentOutOfRange: " + e.Message; }
            catch (System.InvalidOperationException e) { return "InvalidOperation: " + e.Message; }
        }

        static bool Has(string text, string part)
        {
            return text.IndexOf(part) >= 0;
        }

        [TestMethod]
        public void Facade_StartRejoin_ValidatesTheTypeAndSaysWhereItDoesNotApply()
        {
            // Types: 0 and 1 are the device's (LoRaWAN 1.1 §6.2.4); 2 answers ForceRejoinReq only.
            var rig = new Rig(406);
            rig.PowerOn();
            string r = RejoinRefusal(rig.Device, 0);
            Assert.IsTrue(Has(r, "InvalidOperation") && Has(r, "join first"), "a 1.1 OTAA device not joined yet: " + r);
            JoinAndSettle(rig);
            r = RejoinRefusal(rig.Device, 2);
            Assert.IsTrue(Has(r, "ArgumentOutOfRange") && Has(r, "ForceRejoinReq"), "type 2: " + r);
            Assert.IsTrue(Has(RejoinRefusal(rig.Device, -1), "ArgumentOutOfRange"), "type -1");
            Assert.IsTrue(Has(RejoinRefusal(rig.Device, 3), "ArgumentOutOfRange"), "type 3");
            Assert.AreEqual(0, rig.Rejoins.Count, "nothing went out");

            // A LoRaWAN 1.0.x device.
            var v10 = new WorldRig("EU868", 407, LoRaWanVersion.V1_0_4);
            v10.PowerOn(WorldRig.Options("EU868", 407));
            Assert.IsTrue(v10.Device.Join(600000));
            r = RejoinRefusal(v10.Device, 0);
            Assert.IsTrue(Has(r, "InvalidOperation") && Has(r, "1.0.x"), "1.0.4 OTAA: " + r);

            // ABP 1.1.
            var abp = new WorldRig("EU868", 408, DeviceIdentity.Abp11(LoRaWan11EndToEndTests.AbpDevAddr, LoRaWan11EndToEndTests.FNwk,
                LoRaWan11EndToEndTests.SNwk, LoRaWan11EndToEndTests.NwkSEnc, LoRaWan11EndToEndTests.AppS), LoRaWanVersion.V1_1, new NetworkOptions());
            abp.PowerOn(LoRaWan11EndToEndTests.Options11("EU868", 408));
            Assert.IsTrue(abp.Device.IsJoined);
            r = RejoinRefusal(abp.Device, 1);
            Assert.IsTrue(Has(r, "InvalidOperation") && Has(r, "ABP"), "ABP 1.1: " + r);

            // A 1.1 device joined to a 1.0 network (OptNeg = 0, LoRaWAN 1.1 §6.2.3).
            var net = new NetworkOptions();
            net.OptNeg = false;
            WorldRig optNeg0 = LoRaWan11EndToEndTests.Rig11("EU868", 409, net);
            optNeg0.PowerOn(LoRaWan11EndToEndTests.Options11("EU868", 409));
            Assert.IsTrue(optNeg0.Device.Join(600000));
            r = RejoinRefusal(optNeg0.Device, 0);
            Assert.IsTrue(Has(r, "InvalidOperation") && Has(r, "OptNeg = 0"), "OptNeg 0: " + r);
        }

        [TestMethod]
        public void ForceRejoinReq_Type2_AtItsDataRate_NewKeysAndDevAddr_RadioParametersKept()
        {
            var rig = new Rig(402);
            JoinAndSettle(rig);
            uint oldDevAddr = rig.Mac.Session.DevAddr;
            int channels = rig.Mac.Session.Plan.EnabledCount;
            // Type 2 at DR3 (SF9), Max_Retries 2, Period 0.
            rig.World.Network.ForceRejoin(rig.Identity.DevEui, 2, 3, 2, 0);
            Assert.IsTrue(rig.Send().Succeeded, "the uplink whose downlink carries ForceRejoinReq");
            rig.World.Sleep(10000);   // the first Rejoin-request goes at once, its join windows follow
            Assert.AreEqual(1, rig.World.Network.GetMacState(rig.Identity.DevEui).ForceRejoinCount + (rig.NetworkDevice.PendingSession != null ? 1 : 0) > 0 ? 1 : 0, "ForceRejoinReq sent");
            Assert.AreEqual(1, rig.Rejoins.Count, "one Rejoin-request: the first was answered");
            byte[] rj = rig.Rejoin(0);
            Assert.AreEqual(2, (int)rj[1], "type 2");
            Assert.AreEqual(9, (int)rig.RejoinSf[0], "DR3 = SF9 as ForceRejoinReq asked");
            Assert.AreEqual(1, rig.World.Network.Counters.RejoinAccepts);
            Assert.AreNotEqual(oldDevAddr, rig.Mac.Session.DevAddr, "new DevAddr");
            Assert.AreEqual(channels, rig.Mac.Session.Plan.EnabledCount, "type 2 keeps the channels");
            Assert.AreEqual(5, rig.Mac.Session.DataRate, "type 2 keeps the data rate");
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.IsNull(rig.NetworkDevice.PendingSession, "the network switched");
            Assert.AreEqual(rig.Mac.Session.DevAddr, rig.NetworkDevice.Session.DevAddr);
            rig.World.Sleep(600000);
            Assert.AreEqual(1, rig.Rejoins.Count, "no retry after the accept");
        }

        [TestMethod]
        public void ForceRejoinReq_Unanswered_IsRetriedMaxRetriesTimes_WithRisingRjCount0_DataGoesOnMeanwhile()
        {
            var rig = new Rig(403);
            JoinAndSettle(rig);
            uint devAddr = rig.Mac.Session.DevAddr;
            rig.World.Network.ForceRejoin(rig.Identity.DevEui, 0, 5, 2, 0);
            Assert.IsTrue(rig.Send().Succeeded);
            rig.World.Gateway.SetUplinkReceiver(null);   // nobody hears the device from now on
            rig.World.Sleep(3 * 70000);
            Assert.AreEqual(3, rig.Rejoins.Count, "Max_Retries 2: three Rejoin-requests");
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(0, (int)rig.Rejoin(i)[1], "type 0");
                Assert.AreEqual(i, RjCount(rig.Rejoin(i)), "RJcount0 " + i.ToString());
            }
            rig.World.Sleep(600000);
            Assert.AreEqual(3, rig.Rejoins.Count, "no more");
            Assert.AreEqual(devAddr, rig.Mac.Session.DevAddr, "the session stays");
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "and keeps sending");
        }

        [TestMethod]
        public void PowerCutAroundEachRjCountWrite_NeverPutsAnRjCountOnAirTwice()
        {
            var rig = new Rig(404);
            JoinAndSettle(rig);
            rig.World.Gateway.SetUplinkReceiver(null);   // unanswered: RJcount0 keeps counting in this session
            for (int cut = 0; cut < 4; cut++)
            {
                for (int type = 0; type < 2; type++)
                {
                    rig.World.Flash.TearAfter(cut, 7);
                    rig.PowerOn();
                    Assert.IsTrue(rig.Mac.IsJoined, "the session is restored");
                    try { rig.Mac.StartRejoin(type); } catch (PowerLossException) { }
                    rig.World.Sleep(10000);
                    rig.World.Flash.TearAfter(-1, 0);
                }
            }
            rig.PowerOn();
            Assert.IsTrue(rig.Mac.StartRejoin(0));
            rig.World.Sleep(10000);
            var type0 = new ArrayList();
            var type1 = new ArrayList();
            for (int i = 0; i < rig.Rejoins.Count; i++) (rig.Rejoin(i)[1] == 1 ? type1 : type0).Add(RjCount(rig.Rejoin(i)));
            Assert.IsTrue(type0.Count >= 3 && type1.Count >= 2, "Rejoin-requests of both types went on air: " + type0.Count.ToString() + ", " + type1.Count.ToString());
            Assert.IsTrue(WorldRig.AllDistinct(type0), "an RJcount0 was transmitted twice");
            Assert.IsTrue(WorldRig.AllDistinct(type1), "an RJcount1 was transmitted twice");
        }

        [TestMethod]
        public void RejoinParamSetup_AnsweredWithTimeOk_KeptAcrossAReset_ForgottenByANewSession()
        {
            var rig = new Rig(405);
            JoinAndSettle(rig);
            rig.World.Network.RejoinParamSetup(rig.Identity.DevEui, 3, 9);
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.AreEqual(0x39, rig.Mac.Session.Network.RejoinParam, "MaxTimeN 3 | MaxCountN 9");
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.AreEqual(1, rig.World.Network.GetMacState(rig.Identity.DevEui).RejoinParamTimeOk, "TimeOK");
            rig.PowerOn();
            Assert.AreEqual(0x39, rig.Mac.Session.Network.RejoinParam, "restored from the session record");
            Assert.IsTrue(rig.Device.Join(120000), "a new join");
            Assert.AreEqual(-1, rig.Mac.Session.Network.RejoinParam, "a new session has no periodic Rejoin-request until asked");
        }

        /// <summary>Type 0 Rejoin-requests on air from <paramref name="from"/> on (their RJcount0 in order).</summary>
        static ArrayList Type0RjCounts(Rig rig, int from)
        {
            var list = new ArrayList();
            for (int i = from; i < rig.Rejoins.Count; i++) if (rig.Rejoin(i)[1] == 0) list.Add(RjCount(rig.Rejoin(i)));
            return list;
        }

        [TestMethod]
        public void ForceRejoinReq_ResetAfterTheFirstRejoinRequest_TheRemainingOnesStillGoOut()
        {
            // LoRaWAN 1.1 §5.13: ForceRejoinReq orders Max_Retries + 1 Rejoin-requests, 32 s · 2^Period + rand(0..32 s) apart.
            // A reset that restores the session does not cancel the network's order: the device goes on with what is left.
            var rig = new Rig(411);
            JoinAndSettle(rig);
            rig.World.Network.ForceRejoin(rig.Identity.DevEui, 0, 5, 3, 0);   // type 0, DR5, Max_Retries 3: four in all
            Assert.IsTrue(rig.Send().Succeeded, "the uplink whose downlink carries ForceRejoinReq");
            rig.World.Gateway.SetUplinkReceiver(null);   // nobody answers
            rig.World.Sleep(10000);
            Assert.AreEqual(1, rig.Rejoins.Count, "the first went out at once");
            rig.PowerOn();   // reset
            Assert.IsTrue(rig.Mac.IsJoined, "the session is restored");
            rig.World.Sleep(20000);
            Assert.AreEqual(1, rig.Rejoins.Count, "the next one waits a period (32 s at least) after the restart");
            rig.World.Sleep(3 * 70000);
            ArrayList rj = Type0RjCounts(rig, 0);
            Assert.AreEqual(4, rj.Count, "Max_Retries 3: four Rejoin-requests, three of them after the reset");
            for (int i = 0; i < 4; i++) Assert.AreEqual(i, (int)rj[i], "RJcount0 " + i.ToString());
            for (int i = 0; i < 4; i++) Assert.AreEqual(7, (int)rig.RejoinSf[i], "at ForceRejoinReq's DR5 (SF7), after the reset too");
            rig.World.Sleep(600000);
            Assert.AreEqual(4, rig.Rejoins.Count, "no more after the order");
            rig.PowerOn();
            rig.World.Sleep(600000);
            Assert.AreEqual(4, rig.Rejoins.Count, "an order carried out is not taken up again by a later reset");
        }

        [TestMethod]
        public void ForceRejoinReq_InProgress_IsNotReplacedByTheApplicationsStartRejoin()
        {
            // §5.13: the device sends the Max_Retries + 1 Rejoin-requests the network ordered. StartRejoin meanwhile is refused
            // (false, as while busy) rather than replacing the rest of the order with one request of its own.
            var rig = new Rig(415);
            JoinAndSettle(rig);
            rig.World.Network.ForceRejoin(rig.Identity.DevEui, 0, 5, 2, 0);
            Assert.IsTrue(rig.Send().Succeeded, "the uplink whose downlink carries ForceRejoinReq");
            rig.World.Gateway.SetUplinkReceiver(null);
            rig.World.Sleep(10000);
            Assert.AreEqual(1, rig.Rejoins.Count, "the first went out");
            Assert.IsFalse(rig.Device.StartRejoin(1), "refused while the order is in progress");
            rig.World.Sleep(3 * 70000);
            ArrayList rj = Type0RjCounts(rig, 0);
            Assert.AreEqual(3, rig.Rejoins.Count, "only the order's Rejoin-requests");
            Assert.AreEqual(3, rj.Count, "Max_Retries 2: three of type 0");
            Assert.IsTrue(rig.Device.StartRejoin(1), "once the order is carried out, the application's is taken");
            rig.World.Sleep(10000);
            Assert.AreEqual(1, (int)rig.Rejoin(3)[1], "type 1");
        }

        [TestMethod]
        public void ForceRejoinReq_PowerCutAtEveryStoreWrite_NoRjCount0Twice_TheOrderIsCarriedOutOnceTaken()
        {
            // The pattern of the PowerCut tests: the same run, cut at its k-th store write (torn after 7 bytes), then a restart.
            // Writes of the run: the order with the downlink that carries it (nonce record, then session and counter records),
            // the nonce record before each Rejoin-request. §5.13 + §6.2.4.1: no RJcount0 twice on air, and once the downlink
            // counts as received (its FCntDown persisted) all Max_Retries + 1 = 3 Rejoin-requests go out.
            int writes = -1;
            for (int cut = 0; writes < 0 || cut <= writes; cut++)
            {
                var rig = new Rig(412);
                JoinAndSettle(rig);
                uint fCntDown = rig.Mac.Session.FCntDown;
                int before = rig.Rejoins.Count;
                int writesBefore = rig.World.Flash.Writes;
                rig.World.Network.ForceRejoin(rig.Identity.DevEui, 0, 5, 2, 0);
                if (writes >= 0) rig.World.Flash.TearAfter(cut, 7);
                try { rig.Send(); } catch (PowerLossException) { }
                rig.World.Gateway.SetUplinkReceiver(null);   // nobody answers: the whole order goes out
                if (!rig.World.Flash.PowerLost)
                {
                    try { rig.World.Sleep(400000); } catch (PowerLossException) { }
                }
                bool lost = rig.World.Flash.PowerLost;   // the MAC halted at the torn write
                if (writes < 0)
                {
                    writes = rig.World.Flash.Writes - writesBefore;   // the uncut run: how many writes to cut
                    Assert.IsTrue(writes >= 5, "order, session, counters and three Rejoin-requests write: " + writes.ToString());
                }
                rig.World.Flash.TearAfter(-1, 0);
                if (lost)
                {
                    rig.PowerOn();
                    rig.World.Sleep(400000);
                }
                ArrayList rj = Type0RjCounts(rig, before);
                string at = " (cut at write " + cut.ToString() + " of " + writes.ToString() + ")";
                Assert.IsTrue(WorldRig.AllDistinct(rj), "an RJcount0 went on air twice" + at);
                Assert.IsTrue(rj.Count <= 3, "more than Max_Retries + 1 Rejoin-requests: " + rj.Count.ToString() + at);
                if (rig.Mac.Session.FCntDown > fCntDown)
                    Assert.AreEqual(3, rj.Count, "the downlink with the order was taken: all three Rejoin-requests" + at);
            }
        }

        [TestMethod]
        public void ForceRejoinReq_FirstRejoinRequestGoesBeforeAnUplinkQueuedBehindTheOneThatBroughtIt()
        {
            // §5.13: "the first transmission of a RejoinReq message SHALL be done immediately after the reception of the
            // command". An uplink the application queues from its handler when the uplink that brought the order completes
            // goes after it, not before (ScheduleIdleWork's "due now" branch).
            var rig = new Rig(413);
            JoinAndSettle(rig);
            rig.World.Network.ForceRejoin(rig.Identity.DevEui, 0, 5, 0, 0);
            var order = new ArrayList();
            bool queued = false;
            rig.World.Air.AddMonitor(new Recorder(order));
            rig.Device.OnUplinkCompleted += (d, r) =>
            {
                if (queued) return;
                queued = true;
                d.BeginSend(2, new byte[] { 9 }, 0, 1, false);
            };
            Assert.IsTrue(rig.Send().Succeeded, "the uplink whose downlink carries ForceRejoinReq");
            rig.World.Sleep(60000);
            Assert.IsTrue(queued, "the handler queued an uplink");
            Assert.IsTrue(order.Count >= 3, "the uplink, the Rejoin-request and the queued uplink went out: " + order.Count.ToString());
            Assert.AreEqual((int)MType.RejoinRequest, (int)order[1], "right after the uplink that brought the order: the Rejoin-request");
            Assert.AreEqual((int)MType.UnconfirmedDataUp, (int)order[2], "then the queued uplink");
        }

        [TestMethod]
        public void RejoinParamSetup_MaxTimeNRunsOutDuringAType1RejoinRequest_ItsType0GoesBeforeTheUplinkWaitingBehind()
        {
            // LoRaWAN 1.1 §5.14: MaxTimeN 0, a type 0 Rejoin-request at least every 2^10 s. The period runs out while a type 1
            // Rejoin-request of the application is in its join windows, with an uplink waiting behind it: when the windows
            // end, the periodic type 0 is due now and goes first (ScheduleIdleWork's "due now" branch), the uplink after it.
            var rig = new Rig(414);
            rig.PowerOn();
            Assert.IsTrue(rig.Device.Join(120000), "joined");
            ulong sessionStart = rig.World.Scheduler.NowMicroseconds;
            for (int i = 0; i < 3; i++) Assert.IsTrue(rig.Send().Succeeded, "uplink " + i.ToString());
            rig.World.Network.RejoinParamSetup(rig.Identity.DevEui, 0, 15);
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.IsTrue(rig.Send().Succeeded, "carries RejoinParamSetupAns");
            Assert.AreEqual(0x0F, rig.Mac.Session.Network.RejoinParam, "MaxTimeN 0 | MaxCountN 15");
            rig.World.Gateway.SetUplinkReceiver(null);   // nobody answers: the session and its RejoinParamSetupReq stay
            var order = new ArrayList();
            rig.World.Air.AddMonitor(new Recorder(order));
            ulong at = sessionStart + 1020000000UL;   // 4 s before the period runs out
            rig.World.Sleep((int)((at - rig.World.Scheduler.NowMicroseconds) / 1000UL));
            Assert.AreEqual(0, rig.Rejoins.Count, "not yet");
            Assert.IsTrue(rig.Mac.StartRejoin(1), "a type 1 Rejoin-request now; its windows end after the period");
            rig.Send();   // waits behind it
            rig.World.Sleep(60000);
            Assert.IsTrue(order.Count >= 3, "three frames on air: " + order.Count.ToString());
            Assert.AreEqual((int)MType.RejoinRequest, (int)order[0], "the type 1");
            Assert.AreEqual((int)MType.RejoinRequest, (int)order[1], "then the periodic type 0, due when the windows ended");
            Assert.AreEqual(0, (int)rig.Rejoin(1)[1], "type 0");
            Assert.AreEqual((int)MType.UnconfirmedDataUp, (int)order[2], "then the uplink that waited");
        }

        /// <summary>The MType of every uplink frame on air, in order.</summary>
        sealed class Recorder : IAirMonitor
        {
            readonly ArrayList _types;
            public Recorder(ArrayList types) { _types = types; }
            public void OnTransmission(AirFrame frame)
            {
                if (!frame.InvertIq && frame.Length > 0) _types.Add(frame.Payload[0] >> 5);
            }
        }
    }
}
