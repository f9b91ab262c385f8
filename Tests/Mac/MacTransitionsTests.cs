using LoRaWan.Mac;
using LoRaWan.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The transition table of the Class A state machine (Mac/MacTransitions.cs, under its diagram): every (state, input)
    /// pair is handled or explicitly ignored, the table says what LoRaWAN 1.0.4 §3.3 has each state do, and the MAC
    /// dispatches through it (an ignored radio event is counted and changes nothing).
    /// </summary>
    [TestClass]
    public class MacTransitionsTests
    {
        static readonly byte[] Payload = new byte[] { 1, 2, 3 };

        // What each state does with each input, written from the spec's Class A cycle (§3.3), not from the table:
        // "-" ignored; TxDone and TxTimeout matter only while transmitting, RxDone/RxTimeout/RxCrcError only while a
        // window is open; the alarm always means something (idle work, back-off over, TX watchdog, a window opening, the
        // window guard); a request is always taken (queued or replacing an internal uplink). Class C (LoRaWAN 1.0.4 §15):
        // the radio listens on RXC "when it is not (a) transmitting or (b) receiving on RX1 or (c) receiving on RX2", so
        // in the other four states RxDone is an RXC frame, RxCrcError an RXC CRC error and RxTimeout an RXC that did not
        // start; a class switch is applied in every state. ContinuousWave (TS009 §5.14 TxCwReq): the radio sends a carrier and
        // reports nothing, so every radio event but TxTimeout (the carrier could not start) is ignored; the alarm ends it.
        //                           TxDone       RxDone  RxTimeout  RxCrcError TxTimeout Alarm        Request    ClassSwitch
        static readonly string[][] Expected =
        {
            new string[] { "-",          "rxc",   "rxcfail", "rxccrc", "-",       "idle",      "request", "class" },   // Idle
            new string[] { "-",          "rxc",   "rxcfail", "rxccrc", "-",       "backoff",   "request", "class" },   // BackingOff
            new string[] { "endofuplink","-",     "-",       "-",      "txfailed","watchdog",  "request", "class" },   // Transmitting
            new string[] { "-",          "rxc",   "rxcfail", "rxccrc", "-",       "openrx1",   "request", "class" },   // WaitingRx1
            new string[] { "-",          "frame", "empty",   "crc",    "-",       "guard",     "request", "class" },   // Rx1
            new string[] { "-",          "rxc",   "rxcfail", "rxccrc", "-",       "openrx2",   "request", "class" },   // WaitingRx2
            new string[] { "-",          "frame", "empty",   "crc",    "-",       "guard",     "request", "class" },   // Rx2
            new string[] { "-",          "-",     "-",       "-",      "cwfailed","endcw",     "request", "class" },   // ContinuousWave
        };

        static string Name(int action)
        {
            switch (action)
            {
                case MacTransitions.Ignore: return "-";
                case MacTransitions.EndOfUplink: return "endofuplink";
                case MacTransitions.TxFailed: return "txfailed";
                case MacTransitions.TxWatchdog: return "watchdog";
                case MacTransitions.FrameReceived: return "frame";
                case MacTransitions.WindowEmpty: return "empty";
                case MacTransitions.WindowCrcError: return "crc";
                case MacTransitions.WindowGuard: return "guard";
                case MacTransitions.OpenRx1: return "openrx1";
                case MacTransitions.OpenRx2: return "openrx2";
                case MacTransitions.BackOffOver: return "backoff";
                case MacTransitions.IdleWork: return "idle";
                case MacTransitions.TakeRequest: return "request";
                case MacTransitions.RxcFrame: return "rxc";
                case MacTransitions.RxcCrcError: return "rxccrc";
                case MacTransitions.RxcStartFailed: return "rxcfail";
                case MacTransitions.ApplyClass: return "class";
                case MacTransitions.EndContinuousWave: return "endcw";
                case MacTransitions.ContinuousWaveFailed: return "cwfailed";
                default: return "undefined " + action.ToString();
            }
        }

        [TestMethod]
        public void EveryStateAndInput_IsHandledOrExplicitlyIgnored_AsTheClassACycleAndClassCSay()
        {
            Assert.AreEqual(8, MacTransitions.StateCount, "a state was added: give it a row in the table and here");
            Assert.AreEqual(8, MacTransitions.InputCount, "an input was added: give it a column in the table and here");
            for (int s = 0; s < MacTransitions.StateCount; s++)
            {
                for (int i = 0; i < MacTransitions.InputCount; i++)
                {
                    string actual = Name(MacTransitions.Action((MacState)s, i));
                    Assert.AreEqual(Expected[s][i], actual, "state " + ((MacState)s).ToString() + ", input " + i.ToString());
                }
            }
        }

        [TestMethod]
        public void RadioEvents_MapToTheirInputs_NoneIsIgnored()
        {
            Assert.AreEqual(MacTransitions.TxDone, MacTransitions.InputOf(RadioEvent.TxDone));
            Assert.AreEqual(MacTransitions.RxDone, MacTransitions.InputOf(RadioEvent.RxDone));
            Assert.AreEqual(MacTransitions.RxTimeout, MacTransitions.InputOf(RadioEvent.RxTimeout));
            Assert.AreEqual(MacTransitions.RxCrcError, MacTransitions.InputOf(RadioEvent.RxCrcError));
            Assert.AreEqual(MacTransitions.TxTimeout, MacTransitions.InputOf(RadioEvent.TxTimeout));
            Assert.AreEqual(-1, MacTransitions.InputOf(RadioEvent.None));
            Assert.AreEqual(MacTransitions.Ignore, MacTransitions.Action(MacState.Rx1, -1));
        }

        [TestMethod]
        public void IgnoredRadioEvents_InIdle_AreCountedAndChangeNothing()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ClassAMac mac = rig.Mac;
            RadioEvent[] all = { RadioEvent.TxDone, RadioEvent.RxDone, RadioEvent.RxTimeout, RadioEvent.RxCrcError, RadioEvent.TxTimeout, RadioEvent.None };
            for (int i = 0; i < all.Length; i++) mac.OnRadioEvent(all[i], rig.Scheduler.NowMicroseconds);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(all.Length, mac.Counters.UnexpectedRadioEvents);
            Assert.AreEqual((int)MacState.Idle, (int)mac.State);
            Assert.AreEqual(0, rig.Radio.Sent.Count);
        }

        [TestMethod]
        public void IgnoredRadioEvents_WhileTransmitting_AreCountedAndTheUplinkGoesOn()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ClassAMac mac = rig.Mac;
            rig.Radio.DropTxDone = true;
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, Payload, 0, Payload.Length, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual((int)MacState.Transmitting, (int)mac.State);
            mac.OnRadioEvent(RadioEvent.RxDone, rig.Scheduler.NowMicroseconds);
            mac.OnRadioEvent(RadioEvent.RxTimeout, rig.Scheduler.NowMicroseconds);
            mac.OnRadioEvent(RadioEvent.RxCrcError, rig.Scheduler.NowMicroseconds);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(3, mac.Counters.UnexpectedRadioEvents);
            Assert.AreEqual(0, mac.Counters.CrcErrors);
            Assert.AreEqual((int)MacState.Transmitting, (int)mac.State);
            // The uplink's own TxDone still ends it on air: RX1 is next.
            mac.OnRadioEvent(RadioEvent.TxDone, rig.Scheduler.NowMicroseconds);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual((int)MacState.WaitingRx1, (int)mac.State);
        }

        [TestMethod]
        public void UnknownRadioEventValues_WhileTransmitting_AreCountedAsUnexpected_AndTheUplinkGoesOn()
        {
            // A radio event the MAC does not know (a value outside RadioEvent) is radio input: never thrown out of the MAC,
            // never taken for another event (the queue's event word holds 3 bits of it), counted and ignored.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ClassAMac mac = rig.Mac;
            rig.Radio.DropTxDone = true;
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, Payload, 0, Payload.Length, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual((int)MacState.Transmitting, (int)mac.State);
            RadioEvent[] unknown = { (RadioEvent)6, (RadioEvent)8, (RadioEvent)9, (RadioEvent)99, (RadioEvent)(-1), (RadioEvent)0x7FFFFFFF };
            for (int i = 0; i < unknown.Length; i++) mac.OnRadioEvent(unknown[i], rig.Scheduler.NowMicroseconds);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(unknown.Length, mac.Counters.UnexpectedRadioEvents, "each counted once");
            Assert.AreEqual(0, mac.Counters.InternalErrors, "nothing thrown inside the MAC");
            Assert.AreEqual(0, mac.Counters.QueueOverflows, "queued");
            Assert.AreEqual((int)MacState.Transmitting, (int)mac.State, "none taken for TxDone (9 is TxDone's value plus 8)");
            mac.OnRadioEvent(RadioEvent.TxDone, rig.Scheduler.NowMicroseconds);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual((int)MacState.WaitingRx1, (int)mac.State, "the queue still works: the real TxDone ends the uplink on air");
        }

        [TestMethod]
        public void AStaleAlarm_IsCountedAndChangesNothing_TheCurrentOneIsTaken()
        {
            // The alarm input is the armed one only: an alarm whose due time is not the armed one (cancelled or re-armed
            // while it was queued) is stale. The TX deadline is armed while transmitting (TxDone dropped).
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ClassAMac mac = rig.Mac;
            rig.Radio.DropTxDone = true;
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, Payload, 0, Payload.Length, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual((int)MacState.Transmitting, (int)mac.State);
            Assert.AreEqual(1, rig.Scheduler.PendingCount, "the TX deadline alone");
            ulong deadline = rig.Scheduler.NextDueUs;
            // Fired at the deadline's time, but due another time: stale (the due value decides, not the firing time).
            mac.OnTimer(deadline + 1, deadline);
            mac.OnTimer(deadline - 1, deadline);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(2, mac.Counters.StaleTimers, "both stale");
            Assert.AreEqual(0, rig.Radio.TxDeadlineAt.Count, "the TX watchdog did not run");
            Assert.AreEqual((int)MacState.Transmitting, (int)mac.State);
            // The current one, once: the watchdog asks the radio; a second copy of it is stale (the alarm was taken).
            mac.OnTimer(deadline, deadline + 3);
            mac.OnTimer(deadline, deadline + 3);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(1, rig.Radio.TxDeadlineAt.Count, "the TX watchdog ran once");
            Assert.AreEqual(3, mac.Counters.StaleTimers, "the second copy stale");
        }
    }
}
