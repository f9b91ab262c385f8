using System;
using System.Diagnostics;
using System.Threading;
using LoRaWan.Mac;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The MAC's event queue under real contention (it takes no lock: MacEventQueue's remarks): several threads post while
    /// a consumer shaped like the device runner's MAC thread (wait for a wake-up or 1 ms, drain, post from inside the
    /// drain as the MAC's own thread does) takes. Every event carries its producer and sequence number in its time and
    /// the complement in its due value: nothing may be lost, duplicated, torn or reordered within a producer.
    /// </summary>
    [TestClass]
    public class MacEventQueueStressTests
    {
        const int Producers = 4;
        const int PerProducer = 25000;
        const int ConsumerOwnEvery = 7;   // the consumer posts one event of its own after every 7th event it takes

        static RadioEvent RadioEventOf(int producer) { return (RadioEvent)(1 + producer % 5); }

        static MacEventKind KindOf(int producer) { return producer % 2 == 0 ? MacEventKind.Radio : MacEventKind.Request; }

        static bool PostOne(MacEventQueue queue, int producer, uint seq)
        {
            ulong time = ((ulong)producer << 32) | seq;
            return queue.Post(KindOf(producer), RadioEventOf(producer), time, ~time);
        }

        [TestMethod]
        public void SeveralProducersAndTheMacThread_NothingLostOrDuplicated_OrderKeptPerProducer()
        {
            var queue = new MacEventQueue(16);
            var wake = new AutoResetEvent(false);
            int consumerId = Producers;   // the consumer's own events, as a fifth producer
            var next = new uint[Producers + 1];
            uint ownPosted = 0;
            long refused = 0, ownRefused = 0;
            string fault = null;
            int producersDone = 0;

            var threads = new Thread[Producers];
            for (int p = 0; p < Producers; p++)
            {
                int producer = p;
                threads[p] = new Thread(() =>
                {
                    for (uint seq = 0; seq < PerProducer; seq++)
                    {
                        // Full: counted as dropped; this producer retries the same event (the MAC's producers do not).
                        while (!PostOne(queue, producer, seq))
                        {
                            if (Volatile.Read(ref fault) != null) return;   // a broken queue can stay "full" for ever
                            Interlocked.Increment(ref refused);
                            Thread.Yield();
                        }
                        wake.Set();
                    }
                    Interlocked.Increment(ref producersDone);
                });
                threads[p].IsBackground = true;
            }

            var consumer = new Thread(() =>
            {
                long taken = 0;
                var limit = Stopwatch.StartNew();
                while (fault == null && limit.ElapsedMilliseconds < 30000)
                {
                    wake.WaitOne(1);
                    while (queue.TryTake(out MacEventKind kind, out RadioEvent radioEvent, out ulong time, out ulong due))
                    {
                        int producer = (int)(time >> 32);
                        uint seq = (uint)time;
                        if (producer > Producers) { fault = $"producer {producer} does not exist (torn event)"; return; }
                        if (due != ~time) { fault = $"producer {producer} #{seq}: due {due:X16} is not ~time (torn event)"; return; }
                        if (kind != KindOf(producer) || radioEvent != RadioEventOf(producer)) { fault = $"producer {producer} #{seq}: kind {kind}/{radioEvent} (torn event)"; return; }
                        if (seq != next[producer])
                        {
                            fault = seq < next[producer] ? $"producer {producer} #{seq} taken twice or out of order (expected #{next[producer]})"
                                : $"producer {producer}: #{next[producer]} lost (#{seq} came next)";
                            return;
                        }
                        next[producer]++;
                        // The MAC's thread posts too (the radio reporting synchronously, a handler's BeginSend).
                        if (++taken % ConsumerOwnEvery == 0)
                        {
                            if (PostOne(queue, consumerId, ownPosted)) ownPosted++;
                            else ownRefused++;   // full: dropped, as a MAC post would be
                        }
                    }
                    if (Volatile.Read(ref producersDone) == Producers && next[consumerId] == ownPosted && queue.Count == 0) return;
                }
                if (fault == null) fault = $"not drained within 30 s: {Volatile.Read(ref producersDone)} producers done, next #{string.Join(", #", next)}";
            });
            consumer.IsBackground = true;

            consumer.Start();
            foreach (Thread t in threads) t.Start();
            bool consumerEnded = consumer.Join(60000);
            Volatile.Write(ref fault, fault ?? (consumerEnded ? null : "the consumer hung"));
            foreach (Thread t in threads) Assert.IsTrue(t.Join(10000), "a producer hung");
            Assert.IsNull(fault, fault);
            for (int p = 0; p < Producers; p++) Assert.AreEqual((uint)PerProducer, next[p], $"producer {p}: every event taken once");
            Assert.AreEqual(ownPosted, next[consumerId], "the consumer's own events, every one taken once");
            Assert.IsTrue(ownPosted > 0, "the consumer posted");
            Assert.AreEqual((int)(refused + ownRefused), queue.Dropped, "every refused post counted once");
            OutputHelper.WriteLine($"{Producers} x {PerProducer} + {ownPosted} events, {refused} + {ownRefused} refused while full");
        }

        [TestMethod]
        public void TurnsWrapAroundAt2To24_TheQueueKeepsItsOrderFullnessAndFields()
        {
            // A slot's turn is kept modulo 2^24 above its event word (MacEventQueue's remarks), the positions modulo 2^32:
            // 2^24 positions on, every comparison of a turn with a position must still hold. One event at a time up to just
            // before the wrap, then full laps across it (fullness at the edge, FIFO order, the fields, Count).
            var q = new MacEventQueue(4);
            const int Wrap = 1 << 24;
            for (int n = 0; n < Wrap - 6; n++)
            {
                if (!q.Post(MacEventKind.Radio, RadioEvent.TxDone, 1, 2)) Assert.IsTrue(false, $"position {n}: refused");
                if (q.TakeEvent() != (1 | 1 << 3)) Assert.IsTrue(false, $"position {n}: not taken back");
            }
            ulong v = 0;
            for (int lap = 0; lap < 8; lap++)   // positions 2^24 − 6 to 2^24 + 26
            {
                for (int b = 0; b < 4; b++, v++)
                    Assert.IsTrue(q.Post((MacEventKind)(1 + (int)(v % 7)), (RadioEvent)(int)(v % 8), v, ~v), $"lap {lap}: fits");
                Assert.IsFalse(q.Post(MacEventKind.Request, RadioEvent.None, 0, 0), $"lap {lap}: full");
                Assert.AreEqual(4, q.Count, $"lap {lap}: Count");
                for (ulong t = v - 4; t < v; t++)
                {
                    Assert.IsTrue(q.TryTake(out MacEventKind kind, out RadioEvent radioEvent, out ulong time, out ulong due), $"event {t}");
                    Assert.AreEqual(1 + (int)(t % 7), (int)kind, $"event {t}: kind");
                    Assert.AreEqual((int)(t % 8), (int)radioEvent, $"event {t}: radio event");
                    Assert.AreEqual(t, time, $"event {t}: time");
                    Assert.AreEqual(~t, due, $"event {t}: due");
                }
                Assert.AreEqual(0, q.Count, $"lap {lap}: drained");
                Assert.AreEqual(0, q.TakeEvent(), $"lap {lap}: empty");
            }
            Assert.AreEqual(8, q.Dropped, "one refused per lap");
        }

        [TestMethod]
        public void AnAlarmKeptAsideUnderContention_ComesAfterTheQueue_AndIsNeverLost()
        {
            // The alarm's path in ClassAMac.OnTimer: when Post finds the queue full, KeepAside. Two producers keep the queue
            // full; the "alarm" thread posts one alarm at a time and waits for it to be taken before the next (one alarm is
            // armed at a time on the device).
            var queue = new MacEventQueue(4);
            const int Alarms = 3000;
            int stop = 0;
            long alarmsTaken = 0;
            int keptAside = 0;
            string fault = null;
            var alarmTaken = new AutoResetEvent(false);
            var noise = new Thread[2];
            for (int p = 0; p < noise.Length; p++)
            {
                int producer = p;
                noise[p] = new Thread(() =>
                {
                    uint seq = 0;
                    // Bursts that fill the queue, then a pause in which the consumer drains it (as between two interrupts).
                    while (Volatile.Read(ref stop) == 0)
                    {
                        for (int b = 0; b < 8; b++) if (PostOne(queue, producer, seq)) seq++;
                        Thread.Sleep(1);
                    }
                });
                noise[p].IsBackground = true;
            }
            var alarm = new Thread(() =>
            {
                uint filler = 0;
                for (ulong a = 1; a <= Alarms && fault == null; a++)
                {
                    // Every 10th alarm finds the queue just filled up (the noise alone may leave room).
                    if (a % 10 == 0) while (PostOne(queue, 2, filler)) filler++;
                    if (!queue.Post(MacEventKind.Timer, RadioEvent.None, a, a)) { queue.KeepAside(MacEventKind.Timer, a, a); keptAside++; }
                    if (!alarmTaken.WaitOne(10000)) { fault = $"alarm {a} never taken"; return; }
                }
            });
            alarm.IsBackground = true;
            var consumer = new Thread(() =>
            {
                ulong expected = 1;
                while (expected <= Alarms && fault == null)
                {
                    if (!queue.TryTake(out MacEventKind kind, out _, out ulong time, out ulong due)) { Thread.Yield(); continue; }
                    if (kind != MacEventKind.Timer) continue;
                    if (time != expected || due != expected) { fault = $"alarm {time}/{due}, expected {expected}"; return; }
                    expected++;
                    Interlocked.Increment(ref alarmsTaken);
                    alarmTaken.Set();
                }
            });
            consumer.IsBackground = true;
            foreach (Thread t in noise) t.Start();
            consumer.Start();
            alarm.Start();
            bool finished = alarm.Join(60000) && consumer.Join(60000);
            Volatile.Write(ref stop, 1);
            foreach (Thread t in noise) t.Join(10000);
            Assert.IsTrue(finished, "alarm thread and consumer finished");
            Assert.IsNull(fault, fault);
            Assert.AreEqual((long)Alarms, alarmsTaken);
            Assert.IsTrue(keptAside > 0, "the queue was full at times: the aside path ran");
            OutputHelper.WriteLine($"{Alarms} alarms, {keptAside} kept aside");
        }

        [TestMethod]
        public void QueueOverflows_CountsEveryRefusedEvent_WhenSeveralInterruptThreadsOverflowTheQueue()
        {
            // The MAC's producers count an overflow on their own threads (the radio's interrupt, the alarm, the application):
            // with a MAC that is never processed, 16 events fit and every other one must be counted, none lost to a race.
            var scheduler = new VirtualScheduler();
            var wiring = new MacWiring { Runner = new VirtualMacRunner(scheduler) };   // nobody drives it: nothing is taken
            var mac = new ClassAMac(new ScriptedRadio(scheduler), Region.Create("EU868"),
                DeviceIdentity.Abp("49BE7DF1", "44024241ED4CE9A68C6A8BC055233FD3", "EC925802AE430CA77FD3DD73CB2CC588"),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), scheduler, new LoRaWanOptions(), wiring);
            const int Threads = 4, Each = 500000;
            var go = new ManualResetEventSlim();
            var threads = new Thread[Threads];
            for (int t = 0; t < Threads; t++)
            {
                threads[t] = new Thread(() =>
                {
                    go.Wait();
                    for (int i = 0; i < Each; i++) mac.OnRadioEvent(RadioEvent.RxTimeout, (ulong)i);
                });
                threads[t].IsBackground = true;
                threads[t].Start();
            }
            go.Set();
            foreach (Thread t in threads) Assert.IsTrue(t.Join(60000), "a producer hung");
            Assert.AreEqual(Threads * Each - 16, mac.Counters.QueueOverflows, "every event past the 16 queued");
        }
    }
}
