using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Tests.EndToEnd;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>Regressions from the MAC review: each test fails on the code before its fix.</summary>
    [TestClass]
    public class ReviewMacRegressionTests
    {
        [TestMethod]
        public void LinkCheckRequestedWhileTheMacsAckUplinkWaits_RidesTheReplacingUplink()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.EmptyAckUplinkDelayMs = 1000;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.ConfirmedDownlink());
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1500000);
            Assert.AreEqual((int)MacState.BackingOff, (int)rig.Device.Mac.State, "the MAC's ACK uplink waits for the band");
            rig.Device.RequestLinkCheck();
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 2 }, false, 60000).Succeeded);
            Assert.AreEqual("02", CommandRig.FOpts(rig.Radio.LastSent), "LinkCheckReq (CID 0x02) in FOpts");
        }

        [TestMethod]
        public void LinkAdrReqNbTransZero_MeansTheDefaultOne()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "03 50 0700 03"));   // DR5, power 0, channels 0..2, NbTrans 3
            rig.Send();
            Assert.AreEqual(3, rig.Device.Mac.Session.NbTrans);
            rig.DeliverNext(CommandRig.Down(2, "03 50 0700 00"));   // NbTrans 0
            rig.Send();
            Assert.AreEqual(1, rig.Device.Mac.Session.NbTrans, "LoRaWAN 1.0.4 §5.3: NbTrans 0 = the default, 1");
        }

        [TestMethod]
        public void ConfirmedUplink_ValidDownlinkWithoutAck_EndsTheRetransmissions()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.NbTrans = 3;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, CommandRig.Down(1, "06"));   // unconfirmed downlink, no ACK, DevStatusReq
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, true, 120000);
            Assert.AreEqual((int)SendStatus.NoAck, (int)r.Status);
            Assert.AreEqual(1, r.Transmissions, "no retransmission after a valid downlink");
        }

        [TestMethod]
        public void DeviceTimeRequestedRightAfterARejoin_IsAnswered()
        {
            var rig = new WorldRig("EU868", 31, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 31));
            Assert.IsTrue(rig.Device.Join(120000));
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            Assert.IsTrue(rig.Device.Join(120000), "rejoined");
            rig.Device.RequestDeviceTime();
            bool answered = false;
            rig.Device.OnNetworkTime += (s, seconds, fraction) => { answered = true; };
            rig.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.IsTrue(answered, "DeviceTimeAns received");
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
            Assert.IsFalse(d.Mac.IsBusy, "Join's timeout cancelled the join");
            Assert.AreEqual((int)MacState.Idle, (int)d.Mac.State);
            Assert.IsTrue(d.BeginJoin(), "a new join can start");
        }

        [TestMethod]
        public void AdaptiveMargin_IsNotInflatedByAWindowOpenedAfterALongRx1Frame()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.DataRate = 0;
            o.AdaptTimingError = true;
            var rig = new MacTestRig(o);
            // A 112-byte frame for another DevAddr fills RX1 (SF12): RX2 then opens late by design, not by platform.
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataDown;
            f.DevAddr = 0x26011111;
            f.FCnt = 1;
            f.FPort = 1;
            var buf = new byte[255];
            f.Write(buf, 0, null, 0, 0, new byte[100], 0, 100);
            var frame = new byte[f.Length];
            System.Array.Copy(buf, frame, f.Length);
            rig.Radio.DeliverInWindow(0, frame);
            rig.Device.Send(1, new byte[] { 1 }, false, 600000);
            Assert.IsTrue(rig.Device.Mac.EffectiveTimingErrorUs <= ClassAMac.MaxAdaptiveTimingErrorUs,
                "margin " + rig.Device.Mac.EffectiveTimingErrorUs.ToString() + " µs");
            Assert.AreEqual(30000L, rig.Device.Mac.EffectiveTimingErrorUs, "only the alarm-opened RX1 was measured, on time");
        }
    }
}
