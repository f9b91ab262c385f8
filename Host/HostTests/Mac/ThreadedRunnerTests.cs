using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LoRaWan.Mac;
using LoRaWan.Platform;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The device's way of running the MAC — <see cref="ThreadedMacRunner"/>, a dedicated thread draining the event
    /// queue while "interrupts" (timer threads here) post into it — in wall-clock time with real threads.
    /// </summary>
    [TestClass]
    public class ThreadedRunnerTests
    {
        /// <summary>
        /// An IScheduler on the wall clock: alarms fire on thread-pool threads, like HighResTimer callbacks. With a
        /// <see cref="Speed"/> above 1 its time runs that many times faster than the wall clock (tests with many uplinks).
        /// </summary>
        internal sealed class WallClockScheduler : IScheduler
        {
            readonly Stopwatch _clock = Stopwatch.StartNew();
            public readonly int Speed;

            public WallClockScheduler() : this(1) { }
            public WallClockScheduler(int speed) { Speed = speed; }

            /// <summary>Real milliseconds for <paramref name="us"/> of this clock's time.</summary>
            public int RealMs(ulong us) => (int)(us / 1000 / (ulong)Speed);
            readonly object _lock = new object();
            Timer _timer;
            ITimerSink _sink;
            ulong _due;
            int _generation;

            public ulong NowMicroseconds => (ulong)(_clock.ElapsedTicks * 1000000L / Stopwatch.Frequency) * (ulong)Speed;
            public void SetTimerSink(ITimerSink sink) => _sink = sink;

            public void Arm(ulong dueUs)
            {
                lock (_lock)
                {
                    _timer?.Dispose();
                    _due = dueUs;
                    int generation = ++_generation;
                    ulong now = NowMicroseconds;
                    int ms = dueUs > now ? (int)((dueUs - now + 999) / 1000 / (ulong)Speed) : 0;
                    _timer = new Timer(_ => Fire(generation), null, ms, Timeout.Infinite);
                }
            }

            public void Cancel()
            {
                lock (_lock) { _generation++; _timer?.Dispose(); _timer = null; }
            }

            void Fire(int generation)
            {
                ulong due;
                lock (_lock)
                {
                    if (generation != _generation) return;
                    due = _due;
                }
                _sink?.OnTimer(due, NowMicroseconds);
            }
        }

        /// <summary>A radio whose TxDone and RxTimeout/RxDone come from timer threads after realistic delays.</summary>
        internal sealed class ThreadedRadio : IRadio
        {
            readonly WallClockScheduler _clock;
            IRadioEventSink _sink;
            readonly List<Timer> _timers = new List<Timer>();
            public byte[] NextDownlink;
            public readonly List<ulong> TxDone = new List<ulong>();
            public readonly List<ulong> RxOpened = new List<ulong>();
            public readonly List<byte[]> Sent = new List<byte[]>();
            public readonly List<ulong> SentAt = new List<ulong>();
            byte[] _frame;

            public ThreadedRadio(WallClockScheduler clock) { _clock = clock; }
            public void SetEventSink(IRadioEventSink sink) => _sink = sink;
            public void SetPublicNetwork(bool isPublic) { }
            public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs) => true;

            // The transmission's outcome, under _txLock: TxDone from the timer thread or TxDeadlinePassed, whichever
            // comes first; the deadline repeats an outcome already reported (IRadio's contract).
            readonly object _txLock = new object();
            ulong _txEndUs;
            RadioEvent _txOutcome = RadioEvent.None;
            ulong _txOutcomeUs;

            void After(ulong us, RadioEvent e)
            {
                lock (_timers)
                    _timers.Add(new Timer(_ =>
                    {
                        ulong now = _clock.NowMicroseconds;
                        if (e == RadioEvent.TxDone)
                        {
                            lock (_txLock)
                            {
                                if (_txOutcome != RadioEvent.None) return;
                                _txOutcome = RadioEvent.TxDone;
                                _txOutcomeUs = now;
                            }
                            lock (TxDone) TxDone.Add(now);
                        }
                        _sink.OnRadioEvent(e, now);
                    }, null, _clock.RealMs(us), Timeout.Infinite));
            }

            public void Transmit(TxConfig config, byte[] buffer, int offset, int length)
            {
                ulong air = AirTime.LoRaWanFrameUs(config.SpreadingFactor, config.BandwidthHz, length, true);
                lock (Sent) { Sent.Add(buffer.AsSpan(offset, length).ToArray()); SentAt.Add(_clock.NowMicroseconds); }
                lock (_txLock) { _txOutcome = RadioEvent.None; _txEndUs = _clock.NowMicroseconds + air; }
                After(air, RadioEvent.TxDone);
            }

            public void TxDeadlinePassed()
            {
                RadioEvent outcome;
                ulong at;
                lock (_txLock)
                {
                    if (_txOutcome == RadioEvent.None)
                    {
                        // The timer thread has not reported yet: the frame ended at its air time (a late "interrupt").
                        ulong now = _clock.NowMicroseconds;
                        _txOutcome = now >= _txEndUs ? RadioEvent.TxDone : RadioEvent.TxTimeout;
                        _txOutcomeUs = now >= _txEndUs ? _txEndUs : now;
                        if (_txOutcome == RadioEvent.TxDone) lock (TxDone) TxDone.Add(_txOutcomeUs);
                    }
                    outcome = _txOutcome;
                    at = _txOutcomeUs;
                }
                _sink.OnRadioEvent(outcome, at);
            }

            public void Receive(RxConfig config)
            {
                lock (RxOpened) RxOpened.Add(_clock.NowMicroseconds);
                byte[] frame = Interlocked.Exchange(ref NextDownlink, null);
                if (frame != null) { _frame = frame; After(30000, RadioEvent.RxDone); }
                else After((ulong)config.SymbolTimeout * AirTime.SymbolTimeUs(config.SpreadingFactor, config.BandwidthHz), RadioEvent.RxTimeout);
            }

            public void ReceiveContinuous(RxConfig config) => throw new NotSupportedException("Class A tests only");
            public void StartContinuousWave(uint frequencyHz, int powerDbm) => throw new NotSupportedException("Class A tests only");

            public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info)
            {
                byte[] f = _frame;
                if (f == null) return 0;
                Array.Copy(f, 0, buffer, offset, f.Length);
                info.RssiDbm = -70;
                info.SnrQuarterDb = 24;
                return f.Length;
            }

            public void Sleep() { }
        }

        [TestMethod]
        public void BlockingSendAndJoinlessAbp_RunOnTheMacThreadInWallClockTime()
        {
            var clock = new WallClockScheduler();
            var radio = new ThreadedRadio(clock);
            var o = new LoRaWanOptions { Adr = false, DataRate = 5, RandomSeed = 3 };
            var device = new LoRaWanDevice(radio, Region.Create("IN865"),   // no duty-cycle limit: back-to-back uplinks
                DeviceIdentity.Abp("49BE7DF1", "44024241ED4CE9A68C6A8BC055233FD3", "EC925802AE430CA77FD3DD73CB2CC588"),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), clock, o);   // default runner: ThreadedMacRunner
            try
            {
                int downlinks = 0;
                int callbackThread = -1;
                device.OnDownlink += (s, d) => { downlinks++; callbackThread = Environment.CurrentManagedThreadId; };

                // Confirmed uplink, ACKed in RX1 by the lora-packet vector downlink (ACK, FCnt 2, FPort 1).
                radio.NextDownlink = Convert.FromHexString("60F17DBE4920020001F9D65D27");
                var sw = Stopwatch.StartNew();
                SendResult r = device.Send(1, new byte[] { 1, 2 }, true, 10000);
                Assert.AreEqual((int)SendStatus.Acked, (int)r.Status, r.ToString());
                Assert.AreEqual(1, downlinks);
                Assert.AreNotEqual(Environment.CurrentManagedThreadId, callbackThread, "events come from the MAC's thread");
                Assert.IsTrue(sw.ElapsedMilliseconds >= 900 && sw.ElapsedMilliseconds < 8000, $"RX1 is about 1 s after TX: {sw.ElapsedMilliseconds} ms");
                // RX1 opened at RECEIVE_DELAY1 − 30 ms after TxDone (the window offset at DR5 with the default 30 ms
                // error), never earlier; the upper bound only allows for thread-pool latency on a loaded machine.
                long rx1 = (long)(radio.RxOpened[0] - radio.TxDone[0]);
                Assert.IsTrue(rx1 >= 968000 && rx1 < 1500000, $"RX1 opened {rx1} µs after TxDone");

                // Unconfirmed with nothing to receive: both windows, about 2 s.
                sw.Restart();
                r = device.Send(1, new byte[] { 3 }, false, 10000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
                Assert.IsTrue(sw.ElapsedMilliseconds >= 1900, $"waited for RX2: {sw.ElapsedMilliseconds} ms");
                Assert.AreEqual(3, radio.RxOpened.Count);
                Assert.AreEqual(0, device.Diagnostics.Counters.QueueOverflows + device.Diagnostics.Counters.InternalErrors);

                // A timeout shorter than the cycle returns Timeout instead of hanging.
                r = device.Send(1, new byte[] { 4 }, false, 300);
                Assert.AreEqual((int)SendStatus.Timeout, (int)r.Status);
            }
            finally
            {
                device.Dispose();   // ends the MAC thread so the process can exit
            }
        }

        [TestMethod]
        public void SendFromOnDownlinkHandler_ReturnsPendingAtOnce_AndTheAnswerGoesOnAirNext()
        {
            var clock = new WallClockScheduler();
            var radio = new ThreadedRadio(clock);
            var o = new LoRaWanOptions { Adr = false, DataRate = 5, RandomSeed = 3 };
            var mac = new ClassAMac(radio, Region.Create("IN865"),   // no duty-cycle limit: the answer may go at once
                DeviceIdentity.Abp("49BE7DF1", "44024241ED4CE9A68C6A8BC055233FD3", "EC925802AE430CA77FD3DD73CB2CC588"),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), clock, o, null);   // no wiring: ThreadedMacRunner
            var device = new LoRaWanDevice(mac);
            try
            {
                SendResult answer = SendResult.Of(SendStatus.Busy);
                long handlerMs = -1;
                ulong raisedAt = 0;
                MacState stateInHandler = MacState.Transmitting;
                var handled = new ManualResetEventSlim();
                device.OnDownlink += (s, d) =>
                {
                    raisedAt = clock.NowMicroseconds;
                    stateInHandler = mac.State;
                    var sw = Stopwatch.StartNew();
                    // The natural answer to a command: the blocking Send, on the MAC's own thread. A 20 s limit keeps
                    // the old behaviour (Busy, then waiting for the thread it blocks) from hanging the test run.
                    answer = s.Send(2, new byte[] { 0x55 }, false, 20000);
                    handlerMs = sw.ElapsedMilliseconds;
                    handled.Set();
                };

                // Unconfirmed uplink; RX1 brings the lora-packet vector downlink (FCnt 2, FPort 1, empty payload).
                radio.NextDownlink = Convert.FromHexString("60F17DBE4920020001F9D65D27");
                SendResult r = device.Send(1, new byte[] { 1, 2 }, false, 10000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
                Assert.IsTrue(handled.Wait(5000), "OnDownlink was raised");
                Assert.AreEqual((int)SendStatus.Pending, (int)answer.Status, "Send from the handler queues: " + answer);
                Assert.IsTrue(handlerMs >= 0 && handlerMs < 500, $"and returns at once: {handlerMs} ms");
                Assert.AreEqual((int)MacState.Idle, (int)stateInHandler, "raised after the windows closed and the uplink completed");

                // The answer is the next transmission, right away (no duty cycle in IN865).
                var wait = Stopwatch.StartNew();
                while (radio.Sent.Count < 2 && wait.ElapsedMilliseconds < 5000) Thread.Sleep(10);
                Assert.AreEqual(2, radio.Sent.Count, "the answer went on air");
                long delayUs = (long)(radio.SentAt[1] - raisedAt);
                Assert.IsTrue(delayUs < 1000000, $"on air {delayUs} µs after the handler ran");
                var f = new LoRaWan.Frames.DataFrame();
                Assert.AreEqual((int)LoRaWan.Frames.FrameResult.Ok, (int)f.Read(radio.Sent[1], 0, radio.Sent[1].Length, 0));
                Assert.AreEqual(2, f.FPort);
                Assert.AreEqual(1, (int)f.FCnt, "the uplink after FCnt 0");

                // Its outcome arrives like any other; a blocking Send afterwards works normally.
                r = device.Send(1, new byte[] { 3 }, false, 10000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
                Assert.AreEqual(0, device.Diagnostics.Counters.ListenerErrors + device.Diagnostics.Counters.InternalErrors, device.Diagnostics.LastError);
            }
            finally
            {
                device.Dispose();
            }
        }
    }
}
