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
