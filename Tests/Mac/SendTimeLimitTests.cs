using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// A blocking Send's time limit is exact about what goes on air: a wait the MAC can foresee beyond the limit is
    /// answered at once (DutyCycleWait, nothing queued); Timeout means nothing of the uplink goes on air and no FCnt is
    /// used; an uplink queued but not finished in time is reported Pending and completes later.
    /// </summary>
    [TestClass]
    public class SendTimeLimitTests
    {
        sealed class Completions
        {
            public int Count;
            public SendResult Last;

            public void OnCompleted(LoRaWanDevice sender, SendResult result)
            {
                Count++;
                Last = result;
            }
        }

        [TestMethod]
        public void Send_WhoseDutyCycleWaitExceedsTheLimit_ReturnsAtOnceWithTheWait_AndNothingGoesOnAirLater()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.DataRate = 0;   // SF12: 2.8 s of air per maximal frame, the EU868 1 % band soon needs long rests
            var rig = new CommandRig("EU868", o);
            var payload = new byte[51];   // RP002-1.0.4 EU868 DR0: M = 59, N = 51
            const int limitMs = 60000;
            SendResult r = SendResult.Of(SendStatus.Sent);
            int sent = 0;
            ulong elapsed = 0;
            for (int i = 0; i < 40; i++)
            {
                ulong before = rig.Scheduler.NowMicroseconds;
                r = rig.Device.Send(1, payload, false, limitMs);
                elapsed = rig.Scheduler.NowMicroseconds - before;
                if (r.Status != SendStatus.Sent) break;
                sent++;
            }
            Assert.IsTrue(sent >= 1, "the first uplinks go on air at once");
            Assert.AreEqual((int)SendStatus.DutyCycleWait, (int)r.Status, "once the band must rest longer than the limit: " + r.ToString());
            Assert.AreEqual(0UL, elapsed, "returned at once, without waiting for the limit");
            Assert.IsTrue(r.WaitMs > limitMs, "the wait it reports exceeds the limit: " + r.WaitMs.ToString());
            Assert.AreEqual(sent, rig.Radio.Sent.Count);

            // Nothing was queued: more than an hour later still nothing more went on air.
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 70UL * 60000000UL);
            Assert.AreEqual(sent, rig.Radio.Sent.Count, "the refused uplink never goes on air");

            // And no FCnt was used: the next uplink takes the next counter.
            r = rig.Device.Send(1, payload, false, limitMs);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual((uint)sent, r.FCnt);
            Assert.AreEqual(sent, MacTestRig.FCntOf(rig.Radio.LastSent));
        }

        [TestMethod]
        public void Send_ThatTimesOutAfterGoingOnAir_ReturnsPending_AndItsOutcomeArrivesLater()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            var completions = new Completions();
            rig.Device.OnUplinkCompleted += completions.OnCompleted;
            // DR5: about 50 ms of air, RX1 at 1 s, RX2 at 2 s (LoRaWAN 1.0.4 §3.3): 1.5 s ends between the windows.
            ulong before = rig.Scheduler.NowMicroseconds;
            SendResult r = rig.Device.Send(1, new byte[] { 1, 2, 3 }, false, 1500);
            Assert.AreEqual((int)SendStatus.Pending, (int)r.Status, "still in its receive windows: " + r.ToString());
            Assert.IsTrue(rig.Scheduler.NowMicroseconds - before >= 1500000UL, "it waited for its limit");
            Assert.AreEqual(1, rig.Radio.Sent.Count, "it is on air");
            Assert.AreEqual(0, completions.Count);

            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 5000000);
            Assert.AreEqual(1, completions.Count, "OnUplinkCompleted reports the outcome");
            Assert.AreEqual((int)SendStatus.Sent, (int)completions.Last.Status);
            Assert.AreEqual(0U, completions.Last.FCnt);

            r = rig.Device.Send(1, new byte[] { 4 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "the next Send is not blocked by it: " + r.ToString());
            Assert.AreEqual(1U, r.FCnt);
        }

        [TestMethod]
        public void Send_WithALimitShorterThanOneCycle_ReturnsTimeoutAtOnce_AndNothingGoesOnAir()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            ulong before = rig.Scheduler.NowMicroseconds;
            // RECEIVE_DELAY1 alone is 1 s: no uplink can complete within 300 ms.
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, false, 300);
            Assert.AreEqual((int)SendStatus.Timeout, (int)r.Status, r.ToString());
            Assert.AreEqual(0UL, rig.Scheduler.NowMicroseconds - before, "at once");
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 60000000);
            Assert.AreEqual(0, rig.Radio.Sent.Count, "a Send that returned Timeout never goes on air");

            r = rig.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status);
            Assert.AreEqual(0U, r.FCnt, "and used no FCnt");
        }
    }
}
