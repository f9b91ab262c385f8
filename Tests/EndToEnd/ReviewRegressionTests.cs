using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>Regressions found in review: RX1 at a non-LoRa rate, downlink dwell time, DLSettings, KR920 EIRP.</summary>
    [TestClass]
    public class ReviewRegressionTests
    {
        [TestMethod]
        public void As923Dr5WithRx1Offset7_SkipsTheFskRx1AndReceivesInRx2()
        {
            // RP002 AS923: uplink DR5 with RX1DROffset 7 gives RX1 at DR7 (FSK), which this stack does not receive.
            var net = new NetworkOptions();
            net.Rx1DrOffset = 7;
            var rig = new WorldRig("AS923-1", 301, LoRaWanVersion.V1_0_4, net);
            rig.World.Network.ForceRx2 = true;
            LoRaWanOptions o = WorldRig.Options("AS923-1", 301);
            o.Adr = false;
            o.DataRate = 5;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            Assert.AreEqual(7, rig.Device.Mac.Session.Rx1DrOffset, "the network's RX1DROffset is applied");
            rig.World.Network.Enqueue(rig.Identity.DevEui, 3, new byte[] { 0x33 }, false);
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, true, 600000);
            Assert.AreEqual((int)SendStatus.Acked, (int)r.Status, r.ToString());
            Assert.AreEqual(1, rig.Delivered.Count, "downlink received in RX2");
            Assert.AreEqual(0, rig.Device.Mac.Counters.InternalErrors, rig.Device.Mac.LastError);
        }

        [TestMethod]
        public void As923_DownlinkSizedByDownlinkDwellTime_NotTheUplinkOne()
        {
            // TxParamSetupReq with UplinkDwellTime on and DownlinkDwellTime off: at DR2 an uplink MACPayload may be
            // 19 bytes but a downlink one 59 (RP002 AS923 maximum payload table).
            var rig = new WorldRig("AS923-1", 302, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options("AS923-1", 302);
            o.Adr = false;
            o.DataRate = 2;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(600000), "joined");
            const int ulDwellOnDlDwellOff = 0x10 | 0x05;   // bit 4 uplink dwell, bits 3..0 MaxEIRP code 5 (16 dBm)
            Assert.IsTrue(rig.World.Region.ApplyTxParamSetup(rig.Device.Mac.Session.Plan, ulDwellOnDlDwellOff));
            NetworkDevice nd = rig.World.Network.FindDevice(rig.Identity.DevEui);
            NetworkSession s = nd.Session != null ? nd.Session : nd.PendingSession;   // active at the first uplink
            Assert.IsTrue(rig.World.Region.ApplyTxParamSetup(s.ChannelPlan, ulDwellOnDlDwellOff));
            var big = new byte[40];   // MACPayload 7 + 1 + 40 = 48 bytes: over 19, within 59
            for (int i = 0; i < big.Length; i++) big[i] = (byte)i;
            rig.World.Network.Enqueue(rig.Identity.DevEui, 4, big, false);
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 600000).Succeeded);
            Assert.AreEqual(1, rig.Delivered.Count, "the 48-byte downlink is accepted");
            CollectionAssert.AreEqual(big, (byte[])rig.Delivered[0]);
        }

        [TestMethod]
        public void JoinAcceptWithAnFskRx2Rate_FallsBackToTheRegionalRx2Default()
        {
            // A join-accept (built here: the network model refuses such a setting) whose DLSettings name EU868
            // DR7 (FSK) for RX2 and an RX1DROffset of 6 (EU868 defines 0..5).
            byte[] appKey = Hex.Parse(WorldRig.AppKey, 16, "AppKey");
            var accept = new JoinAcceptFrame();
            accept.JoinNonce = 1;
            accept.NetId = 0x13;
            accept.DevAddr = 0x26000042;
            accept.Rx1DrOffset = 6;
            accept.Rx2DataRate = 7;
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
            var device = new LoRaWanDevice(radio, Region.Create("EU868"),
                DeviceIdentity.Otaa(WorldRig.DevEui, WorldRig.JoinEui, WorldRig.AppKey), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize),
                scheduler, WorldRig.Options("EU868", 303), new VirtualMacRunner(scheduler));
            Assert.IsTrue(device.Join(60000), "joined");
            Assert.AreEqual(0x26000042u, device.Mac.Session.DevAddr);
            Assert.AreEqual(0, device.Mac.Session.Rx2DataRate, "RX2 stays at EU868's default DR0");
            Assert.AreEqual(0, device.Mac.Session.Rx1DrOffset, "an undefined offset is not applied");
        }

        [TestMethod]
        public void Kr920_EirpIsLimitedTo10dBmBelow922MHz()
        {
            Region kr = Region.Create("KR920");
            Assert.AreEqual(10, kr.LimitEirpForFrequency(921900000, 14), "921.9 MHz");
            Assert.AreEqual(14, kr.LimitEirpForFrequency(922100000, 14), "922.1 MHz");
            Assert.AreEqual(8, kr.LimitEirpForFrequency(921900000, 8), "a lower setting is kept");
            Assert.AreEqual(16, Region.Create("EU868").LimitEirpForFrequency(868100000, 16), "EU868 unaffected");
        }
    }
}
