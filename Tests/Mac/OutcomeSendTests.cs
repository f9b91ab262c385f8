using System;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The allocation-free Send: <c>Send(port, payload, offset, length, confirmed, timeoutMs, outcome)</c> fills the caller's
    /// <see cref="UplinkOutcome"/> in place and returns its status, with the meanings of the SendResult-returning Send.
    /// </summary>
    [TestClass]
    public class OutcomeSendTests
    {
        [TestMethod]
        public void Send_FillsTheCallersOutcome_WithItsUplink_FromTheOffset()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            var outcome = new UplinkOutcome();
            var buffer = new byte[] { 0xEE, 0xEE, 1, 2, 3, 0xEE };
            SendStatus s = rig.Device.Send(1, buffer, 2, 3, false, 60000, outcome);
            Assert.AreEqual((int)SendStatus.Sent, (int)s);
            Assert.AreEqual((int)s, (int)outcome.Status);
            Assert.AreEqual(1, rig.Radio.Sent.Count);
            Assert.AreEqual(13 + 3, rig.Radio.LastSent.Length, "3 bytes of payload: MHDR, FHDR (7), FPort, MIC (4) and the payload");
            Assert.AreEqual((uint)MacTestRig.FCntOf(rig.Radio.LastSent), outcome.FCnt);
            Assert.AreEqual(5, outcome.DataRate);
            Assert.AreEqual(1, outcome.Transmissions);
            uint f = outcome.FrequencyHz;
            Assert.IsTrue(f == 868100000 || f == 868300000 || f == 868500000, "an EU868 default channel (RP002-1.0.4 2.4.2): " + f.ToString());
            Assert.IsTrue(outcome.Succeeded);

            // The same object again: the second uplink's outcome replaces the first's.
            s = rig.Device.Send(1, buffer, 0, 1, false, 60000, outcome);
            Assert.AreEqual((int)SendStatus.Sent, (int)s);
            Assert.AreEqual((uint)MacTestRig.FCntOf(rig.Radio.LastSent), outcome.FCnt);
            Assert.AreEqual(14, rig.Radio.LastSent.Length);
        }

        [TestMethod]
        public void Refusals_FillTheOutcome_AndClearTheLastUplinksNumbers()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            var outcome = new UplinkOutcome();
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Device.Send(1, new byte[4], 0, 4, false, 60000, outcome));
            Assert.AreEqual(0u, outcome.FCnt);
            rig.Device.Send(1, new byte[4], 0, 4, false, 60000, outcome);
            Assert.AreEqual(1u, outcome.FCnt);

            // RP002-1.0.4 EU868 DR5: N = 242.
            SendStatus s = rig.Device.Send(1, new byte[243], 0, 243, false, 60000, outcome);
            Assert.AreEqual((int)SendStatus.PayloadTooLarge, (int)s);
            Assert.AreEqual((int)s, (int)outcome.Status);
            Assert.AreEqual(242, outcome.MaxPayload);
            Assert.AreEqual(0u, outcome.FCnt, "no FCnt: nothing was sent");
            Assert.AreEqual(0, outcome.Transmissions);

            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.Send(1, new byte[4], 2, 3, false, 60000, outcome), "offset + length past the end");
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)outcome.Status);
            Assert.AreEqual(0, outcome.MaxPayload);
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.Send(0, new byte[4], 0, 4, false, 60000, outcome), "FPort 0");
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.Send(1, null, 0, 0, false, 60000, outcome), "null payload");
            Assert.AreEqual(2, rig.Radio.Sent.Count, "nothing more went on air");
        }

        [TestMethod]
        public void ANullOutcome_OrNoTimeLimit_IsAnArgumentError()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Assert.ThrowsException(typeof(ArgumentNullException), () => rig.Device.Send(1, new byte[1], 0, 1, false, 60000, null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Device.Send(1, new byte[1], 0, 1, false, 0, new UplinkOutcome()));
            Assert.AreEqual(0, rig.Radio.Sent.Count);
        }

        [TestMethod]
        public void FromAnEventHandler_ItQueues_AndReturnsPendingAtOnce()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            var inHandler = new UplinkOutcome();
            SendStatus fromHandler = SendStatus.Busy;
            bool once = false;
            rig.Device.OnUplinkCompleted += (sender, r) =>
            {
                if (once) return;
                once = true;
                fromHandler = sender.Send(2, new byte[2], 0, 2, false, 60000, inHandler);
            };
            var outcome = new UplinkOutcome();
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Device.Send(1, new byte[1], 0, 1, false, 60000, outcome));
            Assert.AreEqual((int)SendStatus.Pending, (int)fromHandler);
            Assert.AreEqual((int)SendStatus.Pending, (int)inHandler.Status);
            rig.Runner.Sleep(60000);
            Assert.AreEqual(2, rig.Radio.Sent.Count, "the handler's uplink went on air after the first");
            Assert.AreEqual((int)SendStatus.Sent, (int)outcome.Status, "the first caller's outcome is left as it was");
            Assert.AreEqual(0u, outcome.FCnt);
        }

        [TestMethod]
        public void NotFinishedWithinTheLimit_IsPending_AndTheLateOutcomeLeavesTheCallersObjectAlone()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            var rig = new MacTestRig(o);
            var outcome = new UplinkOutcome();
            // Nothing arrives, so the cycle ends after RX2 (RECEIVE_DELAY2 = 2 s, LoRaWAN 1.0.4 §6); a 1.5 s limit is longer
            // than the shortest cycle (air time + RECEIVE_DELAY1, a downlink in RX1), so the uplink is queued, and the
            // limit ends in the middle of the cycle.
            SendStatus s = rig.Device.Send(1, new byte[1], 0, 1, false, 1500, outcome);
            Assert.AreEqual((int)SendStatus.Pending, (int)s);
            Assert.AreEqual((int)SendStatus.Pending, (int)outcome.Status);
            rig.Runner.Sleep(10000);
            Assert.AreEqual(1, rig.Radio.Sent.Count, "it went on air");
            Assert.AreEqual((int)SendStatus.Pending, (int)outcome.Status, "its outcome reached the event only, not the object of a caller that left");
        }
    }
}
