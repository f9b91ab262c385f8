using System;
using LoRaWan.Mac;
using LoRaWan.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The MAC's event queue on one thread (its contention tests are host tests: Host/HostTests/Mac/MacEventQueueStressTests):
    /// first in, first out with every field intact, lap after lap; full drops the newest and counts it; an alarm or a
    /// request kept aside comes after the queue; the capacity is a power of two.
    /// </summary>
    [TestClass]
    public class MacEventQueueTests
    {
        static void ExpectTake(MacEventQueue q, MacEventKind kind, RadioEvent radioEvent, ulong time, ulong due, string what)
        {
            MacEventKind k;
            RadioEvent r;
            ulong t;
            ulong d;
            Assert.IsTrue(q.TryTake(out k, out r, out t, out d), what + ": an event");
            Assert.AreEqual((int)kind, (int)k, what + ": kind");
            Assert.AreEqual((int)radioEvent, (int)r, what + ": radio event");
            Assert.AreEqual(time, t, what + ": time");
            Assert.AreEqual(due, d, what + ": due");
        }

        static void ExpectEmpty(MacEventQueue q, string what)
        {
            MacEventKind k;
            RadioEvent r;
            ulong t;
            ulong d;
            Assert.IsFalse(q.TryTake(out k, out r, out t, out d), what + ": empty");
            Assert.AreEqual((int)MacEventKind.None, (int)k, what + ": no kind");
        }

        [TestMethod]
        public void Take_ReturnsTheKind_AndLeavesTheEventsFieldsInTheTakenFields()
        {
            var q = new MacEventQueue(4);
            Assert.AreEqual((int)MacEventKind.None, (int)q.Take(), "empty");
            Assert.IsTrue(q.Post(MacEventKind.Timer, RadioEvent.None, 0x123456789UL, 0x987654321UL), "posted");
            Assert.IsTrue(q.Post(MacEventKind.Radio, RadioEvent.RxTimeout, 7, 0), "posted");
            Assert.AreEqual((int)MacEventKind.Timer, (int)q.Take(), "the alarm first");
            Assert.AreEqual(0x123456789UL, q.TakenTimeUs, "its time");
            Assert.AreEqual(0x987654321UL, q.TakenDueUs, "its due value");
            Assert.AreEqual((int)MacEventKind.Radio, (int)q.Take(), "then the radio event");
            Assert.AreEqual((int)RadioEvent.RxTimeout, (int)q.TakenRadioEvent, "which one");
            Assert.AreEqual(7UL, q.TakenTimeUs, "its time");
            Assert.AreEqual((int)MacEventKind.None, (int)q.Take(), "empty again");
        }

        [TestMethod]
        public void AnEventWithoutAKind_IsRefusedWithAClearError()
        {
            // Take answers None for "empty": an event of kind None would end the MAC's loop with events still queued.
            var q = new MacEventQueue(4);
            Assert.ThrowsException(typeof(ArgumentException), () => q.Post(MacEventKind.None, RadioEvent.TxDone, 1, 0));
            Assert.AreEqual(0, q.Count, "nothing queued");
        }

        [TestMethod]
        public void Events_ComeOutInOrder_WithTheirFields_LapAfterLap()
        {
            var q = new MacEventQueue(4);
            ulong n = 0;
            // 250 laps of a 4-slot ring, between one and four events queued at a time.
            for (int round = 0; round < 400; round++)
            {
                int batch = 1 + round % 4;
                for (int b = 0; b < batch; b++)
                {
                    ulong v = n + (ulong)b;
                    Assert.IsTrue(q.Post(v % 2 == 0 ? MacEventKind.Radio : MacEventKind.Timer, (RadioEvent)(int)(v % 6), 0x100000000UL + v, ~v), "posted");
                }
                Assert.AreEqual(batch, q.Count, "queued");
                for (int b = 0; b < batch; b++, n++)
                    ExpectTake(q, n % 2 == 0 ? MacEventKind.Radio : MacEventKind.Timer, (RadioEvent)(int)(n % 6), 0x100000000UL + n, ~n, "event " + n);
                ExpectEmpty(q, "after round " + round);
            }
            Assert.AreEqual(0, q.Dropped);
        }

        [TestMethod]
        public void AFullQueue_DropsTheNewest_AndCountsIt()
        {
            var q = new MacEventQueue(4);
            for (int i = 0; i < 4; i++) Assert.IsTrue(q.Post(MacEventKind.Radio, RadioEvent.TxDone, (ulong)i, 0), "fits");
            Assert.IsFalse(q.Post(MacEventKind.Radio, RadioEvent.RxDone, 99, 0), "full");
            Assert.IsFalse(q.Post(MacEventKind.Request, RadioEvent.None, 98, 0), "still full");
            Assert.AreEqual(2, q.Dropped);
            ExpectTake(q, MacEventKind.Radio, RadioEvent.TxDone, 0, 0, "the oldest");
            Assert.IsTrue(q.Post(MacEventKind.Radio, RadioEvent.RxTimeout, 4, 0), "a slot is free again");
            for (int i = 1; i < 4; i++) ExpectTake(q, MacEventKind.Radio, RadioEvent.TxDone, (ulong)i, 0, "kept " + i);
            ExpectTake(q, MacEventKind.Radio, RadioEvent.RxTimeout, 4, 0, "the one posted after");
            ExpectEmpty(q, "drained");
            Assert.AreEqual(2, q.Dropped);
        }

        [TestMethod]
        public void AnAlarmAndARequestKeptAside_ComeAfterTheQueue_AlarmFirst_OnceEach()
        {
            var q = new MacEventQueue(2);
            Assert.IsTrue(q.Post(MacEventKind.Radio, RadioEvent.TxDone, 10, 0), "fits");
            Assert.IsTrue(q.Post(MacEventKind.Radio, RadioEvent.RxTimeout, 11, 0), "fits");
            q.KeepAside(MacEventKind.Request, 0, 0);
            q.KeepAside(MacEventKind.Timer, 5000, 5020);
            ExpectTake(q, MacEventKind.Radio, RadioEvent.TxDone, 10, 0, "queue first");
            ExpectTake(q, MacEventKind.Radio, RadioEvent.RxTimeout, 11, 0, "queue second");
            ExpectTake(q, MacEventKind.Timer, RadioEvent.None, 5020, 5000, "then the alarm (time = fired, due)");
            ExpectTake(q, MacEventKind.Request, RadioEvent.None, 0, 0, "then the request");
            ExpectEmpty(q, "each once");
        }

        [TestMethod]
        public void TheCapacity_IsAPowerOfTwo_UpTo2To20()
        {
            // Slot turns wrap around at 2^24 beside the event word; only a power of two divides it (MacEventQueue's remarks).
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MacEventQueue(12));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MacEventQueue(1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MacEventQueue(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MacEventQueue(MacEventQueue.MaxCapacity * 2));
            Assert.AreEqual(0, new MacEventQueue(16).Count);
        }

        [TestMethod]
        public void AnEventsWord_KeepsItsKindAndRadioEvent_AtTheirLargestValues_BesideTheTurn()
        {
            // The slot word packs the turn above 8 bits and the event below: kind (3 bits) and radio event (3 bits) at 7
            // each, on every slot of several laps (a field that spilled into the turn would stop the queue or reorder it).
            var q = new MacEventQueue(2);
            for (int n = 0; n < 10; n++)
            {
                Assert.IsTrue(q.Post((MacEventKind)7, (RadioEvent)7, ulong.MaxValue, ulong.MaxValue - 1), "posted " + n);
                Assert.IsTrue(q.Post(MacEventKind.Radio, RadioEvent.None, 0, 0), "posted " + n + " (the smallest word)");
                Assert.IsFalse(q.Post(MacEventKind.Radio, RadioEvent.TxDone, 1, 1), "full");
                Assert.AreEqual(2, q.Count, "queued");
                ExpectTake(q, (MacEventKind)7, (RadioEvent)7, ulong.MaxValue, ulong.MaxValue - 1, "lap " + n + ", largest");
                Assert.AreEqual(7 | 7 << 3, MacEventQueue.EventWord((MacEventKind)7, (RadioEvent)7), "the word of kind 7 and radio event 7");
                Assert.IsTrue(q.Post(MacEventKind.DeviceClass, RadioEvent.TxTimeout, 5, 6), "posted");
                Assert.AreEqual(1 | 0 << 3, q.TakeEvent(), "TakeEvent: the word of kind Radio, radio event None");
                Assert.AreEqual(4 | 5 << 3, q.TakeEvent(), "TakeEvent: the word of kind DeviceClass (4), TxTimeout (5)");
                Assert.AreEqual(5UL, q.TakenTimeUs, "its time");
                Assert.AreEqual(6UL, q.TakenDueUs, "its due value");
                Assert.AreEqual(0, q.TakeEvent(), "empty: 0");
            }
            Assert.AreEqual(10, q.Dropped);
        }

        [TestMethod]
        public void AKindOrRadioEventAbove7_IsRefusedWithAClearError()
        {
            // Three bits each in the event word: a larger value would spill into the other field or the slot's turn.
            var q = new MacEventQueue(4);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => q.Post((MacEventKind)8, RadioEvent.TxDone, 1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => q.Post(MacEventKind.Radio, (RadioEvent)8, 1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => q.Post(MacEventKind.Radio, (RadioEvent)(-1), 1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => q.Post((MacEventKind)(-1), RadioEvent.TxDone, 1, 0));
            Assert.AreEqual(0, q.Count, "nothing queued");
            Assert.AreEqual(0, q.Dropped, "nothing dropped");
        }
    }
}
