using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// Events are raised after the MAC's transition (shared/DESIGN.md): the handler sees the receive windows closed
    /// and the uplink completed, and a Send from the handler queues the uplink and returns Pending at once instead of
    /// waiting for the thread it runs on. A sketch that answers every downlink gets each answer on air next.
    /// </summary>
    [TestClass]
    public class EventHandlerTests
    {
        /// <summary>Answers each application downlink with Send(2, { 0xA0 + first byte }) from OnDownlink.</summary>
        sealed class AnsweringSketch
        {
            readonly CommandRig _rig;
            public int Downlinks;
            public int NotPending;
            public int TimeAdvanced;
            public int StateNotIdle;
            public int BusyWhenRaised;
            public SendResult LastAnswer;

            public AnsweringSketch(CommandRig rig)
            {
                _rig = rig;
                rig.Device.OnDownlink += OnDownlink;
            }

            void OnDownlink(LoRaWanDevice sender, Downlink d)
            {
                Downlinks++;
                if (_rig.Mac.State != MacState.Idle) StateNotIdle++;
                if (_rig.Mac.IsBusy) BusyWhenRaised++;
                ulong before = _rig.Scheduler.NowMicroseconds;
                // The blocking form, with its default 10-minute limit: from a handler it must not wait.
                LastAnswer = sender.Send(2, new byte[] { (byte)(0xA0 + (d.Length > 0 ? d.Payload[0] : 0)) }, false);
                if (LastAnswer.Status != SendStatus.Pending) NotPending++;
                if (_rig.Scheduler.NowMicroseconds != before) TimeAdvanced++;
            }
        }

        static byte[] AppPayload(byte[] uplink)
        {
            DataFrame f = CommandRig.Read(uplink);
            var copy = new byte[uplink.Length];
            System.Array.Copy(uplink, copy, uplink.Length);
            new PayloadCipher().DecryptFrmPayload(MacTestRig.Bytes(MacTestRig.AppSKey), 0, FrameDirection.Uplink, CommandRig.DevAddr, f.FCnt, copy, f.FrmPayloadOffset, f.FrmPayloadLength);
            var p = new byte[f.FrmPayloadLength];
            System.Array.Copy(copy, f.FrmPayloadOffset, p, 0, p.Length);
            return p;
        }

        [TestMethod]
        public void SketchAnsweringEveryDownlinkWithSend_GetsEachAnswerOnAirNext()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            var sketch = new AnsweringSketch(rig);
            const int rounds = 5;
            for (int k = 1; k <= rounds; k++)
            {
                int before = rig.Radio.Sent.Count;
                rig.DeliverNext(CommandRig.Build((uint)k, null, 1, new byte[] { (byte)k }));
                SendResult r = rig.Device.Send(1, new byte[] { (byte)k }, false, 60000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "uplink " + k.ToString() + ": " + r.ToString());
                Assert.AreEqual(k, sketch.Downlinks, "the downlink in its RX1 was delivered");
                ulong receivedAt = rig.Scheduler.NowMicroseconds;
                rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 60000000);   // the sketch's interval
                Assert.AreEqual(before + 2, rig.Radio.Sent.Count, "round " + k.ToString() + ": the uplink, then the answer");
                byte[] answer = (byte[])rig.Radio.Sent[before + 1];
                Assert.AreEqual(2, CommandRig.Read(answer).FPort);
                Assert.AreEqual((byte)(0xA0 + k), AppPayload(answer)[0]);
                // The next opportunity: the 1 % band rests about 100 × the 50 ms of the uplink (or not at all under
                // an hourly budget), far less than 10 s.
                ulong answerAt = (ulong)rig.Radio.SentAt[before + 1];
                Assert.IsTrue(answerAt >= receivedAt - 100000 && answerAt < receivedAt + 10000000, "answer on air " + (answerAt - receivedAt).ToString() + " µs after the downlink");
            }
            Assert.AreEqual(0, sketch.NotPending, "Send from the handler returned Pending: " + sketch.LastAnswer.ToString());
            Assert.AreEqual(0, sketch.TimeAdvanced, "and did not wait");
            Assert.AreEqual(0, sketch.StateNotIdle, "the handler ran after the receive windows closed and the uplink completed");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.ListenerErrors + rig.Device.Diagnostics.Counters.InternalErrors, rig.Device.Diagnostics.LastError);
        }

        /// <summary>Sends the next uplink from OnUplinkCompleted until <see cref="Rounds"/> have completed.</summary>
        sealed class ChainingSketch
        {
            public const int Rounds = 4;
            public readonly uint[] FCnts = new uint[Rounds + 1];
            public readonly int[] Statuses = new int[Rounds + 1];
            public int Completed;
            public int NotPending;

            public void OnCompleted(LoRaWanDevice sender, SendResult result)
            {
                if (Completed <= Rounds)
                {
                    FCnts[Completed] = result.FCnt;
                    Statuses[Completed] = (int)result.Status;
                }
                Completed++;
                if (Completed < Rounds && sender.BeginSend(3, new byte[] { (byte)Completed }, 0, 1, false).Status != SendStatus.Pending) NotPending++;
            }
        }

        [TestMethod]
        public void SendFromUplinkCompletedHandler_EachResultIsRaisedOnceWithItsOwnFCnt()
        {
            // EventNotes keeps one uplink result: the handler's uplink completes in a later input, after this result was
            // raised, so each completion reports its own frame and none is lost or counted as an internal error.
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            var sketch = new ChainingSketch();
            rig.Device.OnUplinkCompleted += sketch.OnCompleted;
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, new byte[] { 0 }, 0, 1, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 600000000);
            Assert.AreEqual(ChainingSketch.Rounds, sketch.Completed, "one completion per uplink");
            Assert.AreEqual(ChainingSketch.Rounds, rig.Radio.Sent.Count, "uplinks on air");
            Assert.AreEqual(0, sketch.NotPending, "BeginSend from the handler queued");
            for (int i = 0; i < ChainingSketch.Rounds; i++)
            {
                Assert.AreEqual((int)SendStatus.Sent, sketch.Statuses[i], "result " + i.ToString());
                Assert.AreEqual(CommandRig.Read(rig.Sent(i)).FCnt, sketch.FCnts[i], "result " + i.ToString() + " reports its own frame");
            }
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.ListenerErrors + rig.Device.Diagnostics.Counters.InternalErrors, rig.Device.Diagnostics.LastError);
        }

        [TestMethod]
        public void SendFromHandler_WhileTheMacIsStillBusy_QueuesBehindTheUplinkInProgress()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            var sketch = new AnsweringSketch(rig);
            // DevStatusReq (LoRaWAN 1.0.4 §5.5, CID 0x06) in RX1 of the first uplink: a 3-byte answer is owed.
            rig.DeliverNext(CommandRig.Down(1, "06"));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            // A 242-byte payload (EU868 DR5: N = 242) leaves no room for the answer: the MAC sends it alone first and
            // the application frame right after. A downlink in the answer's RX1 is raised while the application frame
            // is already under way.
            rig.DeliverNext(CommandRig.Build(2, null, 1, new byte[] { 7 }));
            SendResult r = rig.Device.Send(1, new byte[242], false, 600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(1, sketch.Downlinks);
            Assert.AreEqual(1, sketch.BusyWhenRaised, "the application frame was in progress when the handler ran");
            Assert.AreEqual((int)SendStatus.Pending, (int)sketch.LastAnswer.Status, "queued, not Busy");
            Assert.AreEqual(0, sketch.TimeAdvanced);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 60000000);
            Assert.AreEqual(4, rig.Radio.Sent.Count, "uplink, MAC answer, application frame, handler's answer");
            Assert.IsTrue(CommandRig.Read(rig.Sent(1)).FPort != 1, "the MAC's answer goes alone, without the application payload");
            Assert.AreEqual(242, CommandRig.Read(rig.Sent(2)).FrmPayloadLength);
            Assert.AreEqual(2, CommandRig.Read(rig.Sent(3)).FPort);
            Assert.AreEqual((byte)(0xA0 + 7), AppPayload(rig.Sent(3))[0]);
        }

        /// <summary>
        /// Sends from OnDownlink while an application uplink waits behind a MAC-only frame (its 242 bytes leave no room
        /// for the answer owed): a Class C device hears an RXC downlink between that frame and its RX1. The handler's Send
        /// on the MAC's thread, and one from another thread meanwhile, are recorded.
        /// </summary>
        sealed class SendDuringDeferral
        {
            readonly CommandRig _rig;
            public int Downlinks;
            public SendResult FromHandler;
            public SendResult FromThread;

            public SendDuringDeferral(CommandRig rig)
            {
                _rig = rig;
                rig.Device.OnDownlink += OnDownlink;
            }

            void OnDownlink(LoRaWanDevice sender, Downlink downlink)
            {
                Downlinks++;
                FromHandler = sender.Send(2, new byte[] { 0xEE }, false, 1000);
                var other = new System.Threading.Thread(SendFromOtherThread);
                other.Start();
                other.Join(10000);
            }

            void SendFromOtherThread()
            {
                FromThread = _rig.Device.BeginSend(3, new byte[] { 0xDD }, 0, 1, false);
            }
        }

        [TestMethod]
        public void SendFromHandler_WhileAnUplinkWaitsBehindAMacOnlyFrame_IsBusy_AndTheWaitingPayloadGoesOut()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            // DevStatusReq (LoRaWAN 1.0.4 §5.5) in RX1 of the first uplink: a 3-byte answer is owed.
            rig.DeliverNext(CommandRig.Down(1, "06"));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            rig.Device.SetDeviceClass(DeviceClass.C);
            var sketch = new SendDuringDeferral(rig);
            var completed = new System.Collections.ArrayList();
            rig.Device.OnUplinkCompleted += (s, r) => completed.Add(r.FCnt);
            // EU868 DR5: N = 242; the answer cannot ride beside 242 bytes, so it goes first, alone.
            var payload = new byte[242];
            for (int i = 0; i < payload.Length; i++) payload[i] = (byte)(i * 7 + 1);
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, payload, 0, payload.Length, false).Status);
            ulong t0 = rig.Scheduler.NowMicroseconds;
            for (int i = 0; i < 100000 && rig.Mac.State != MacState.WaitingRx1; i++) rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 10000);
            Assert.AreEqual((int)MacState.WaitingRx1, (int)rig.Mac.State, "the MAC-only frame is done, RX1 not yet open");
            Assert.AreEqual(2, rig.Radio.Sent.Count, "first uplink and the MAC-only frame on air");
            // An RXC frame ends before RX1 opens (RXC is open while the MAC waits for RX1: LoRaWAN 1.0.4 §15).
            rig.Radio.ScheduleContinuousFrame(rig.Scheduler.NowMicroseconds + 200000, CommandRig.Build(2, null, 1, new byte[] { 9 }));
            rig.Runner.RunUntil(t0 + 600000000);
            Assert.AreEqual(1, sketch.Downlinks, "the RXC frame was raised");
            DataFrame app = CommandRig.Read(rig.Sent(2));
            Assert.AreEqual(1, app.FPort, "the waiting uplink's port");
            Assert.AreEqual(242, app.FrmPayloadLength);
            byte[] sent = AppPayload(rig.Sent(2));
            for (int i = 0; i < payload.Length; i++) Assert.AreEqual(payload[i], sent[i], "the waiting uplink's byte " + i.ToString());
            Assert.AreEqual((int)SendStatus.Busy, (int)sketch.FromHandler.Status, "the handler's Send cannot queue behind an uplink already waiting");
            Assert.AreEqual((int)SendStatus.Busy, (int)sketch.FromThread.Status, "another thread's Send meanwhile is Busy");
            Assert.AreEqual(3, rig.Radio.Sent.Count, "first uplink, the MAC-only frame, the application's; nothing else");
            Assert.AreEqual(1, completed.Count, "one result: the application's uplink");
            Assert.AreEqual((uint)app.FCnt, (uint)completed[0]);
        }

        [TestMethod]
        public void BlockingJoinFromHandler_ThrowsAClearException_InsteadOfHanging()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            var holder = new JoinFromHandler();
            rig.Device.OnUplinkCompleted += holder.OnCompleted;
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            Assert.IsNotNull(holder.Error, "Join from a handler throws");
            Assert.IsInstanceOfType(holder.Error, typeof(System.InvalidOperationException));
            Assert.IsTrue(holder.Error.Message.IndexOf("BeginJoin") >= 0, holder.Error.Message);
        }

        sealed class JoinFromHandler
        {
            public System.Exception Error;

            public void OnCompleted(LoRaWanDevice sender, SendResult result)
            {
                try { sender.Join(60000); }
                catch (System.Exception e) { Error = e; }
            }
        }
    }
}
