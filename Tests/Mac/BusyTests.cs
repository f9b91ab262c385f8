using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>The application's uplink and the MAC's own empty uplinks (ACK of a confirmed downlink) share the radio.</summary>
    [TestClass]
    public class BusyTests
    {
        [TestMethod]
        public void AppSendDuringTheMacsOwnAckUplink_IsNotRefusedAsBusy()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.EmptyAckUplinkDelayMs = 1000;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.ConfirmedDownlink());
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            Assert.AreEqual(1, rig.Downlinks.Count, "the confirmed downlink arrived");
            // One second later the MAC sends an empty uplink with the ACK. Let it go on air, then send: the
            // application's blocking Send waits for that cycle instead of returning Busy.
            // (The three default EU868 channels share one 1 % band, so it may first wait for the band.)
            ulong limit = rig.Scheduler.NowMicroseconds + 30000000UL;
            while (rig.Radio.Sent.Count < 2 && rig.Scheduler.NowMicroseconds < limit)
                rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 10000);
            Assert.AreEqual(2, rig.Radio.Sent.Count, "the empty ACK uplink is on air");
            Assert.IsTrue(rig.Mac.IsBusy, "its cycle is still running");
            SendResult r = rig.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(3, rig.Radio.Sent.Count);
        }

        [TestMethod]
        public void AppSendBeforeTheAckUplinkWentOnAir_CarriesTheAckItself()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.EmptyAckUplinkDelayMs = 60000;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.ConfirmedDownlink());
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            SendResult r = rig.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status);
            Assert.AreEqual(2, rig.Radio.Sent.Count, "no separate empty uplink");
            var f = new LoRaWan.Frames.DataFrame();
            f.Read(rig.Radio.LastSent, 0, rig.Radio.LastSent.Length, 0);
            Assert.IsTrue(f.Ack, "the application uplink acknowledges the confirmed downlink");
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 120000000);
            Assert.AreEqual(2, rig.Radio.Sent.Count, "and no empty ACK uplink follows");
        }

        [TestMethod]
        public void AppSendWhileTheAckUplinkWaitsForTheBand_ReplacesIt()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.EmptyAckUplinkDelayMs = 1000;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.ConfirmedDownlink());
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            // One second later the MAC starts its empty ACK uplink; the band is still resting (1 % duty cycle),
            // so it waits. Catch it waiting.
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1500000);
            Assert.IsTrue(rig.Mac.IsBusy, "the MAC's own uplink is pending");
            Assert.AreEqual((int)MacState.BackingOff, (int)rig.Mac.State);
            Assert.AreEqual(1, rig.Radio.Sent.Count);
            SendResult r = rig.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(2, rig.Radio.Sent.Count, "the application uplink replaced the empty one");
            var f = new LoRaWan.Frames.DataFrame();
            f.Read(rig.Radio.LastSent, 0, rig.Radio.LastSent.Length, 0);
            Assert.IsTrue(f.Ack, "and carries the ACK");
            Assert.AreEqual(1, f.FPort);
        }

        [TestMethod]
        public void LinkCheckRequestedWhileTheMacsAckUplinkWaits_RidesTheReplacingUplink()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.EmptyAckUplinkDelayMs = 1000;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.ConfirmedDownlink());
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1500000);
            Assert.AreEqual((int)MacState.BackingOff, (int)rig.Mac.State, "the MAC's ACK uplink waits for the band");
            rig.Device.RequestLinkCheck();
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 2 }, false, 60000).Succeeded);
            Assert.AreEqual("02", CommandRig.FOpts(rig.Radio.LastSent), "LinkCheckReq (CID 0x02) in FOpts");
        }
    }
}
