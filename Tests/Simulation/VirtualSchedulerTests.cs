using LoRaWan.Platform;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Simulation
{
    /// <summary>Records (time, tag) of each event it handles.</summary>
    public sealed class EventLog : ISimulationEventHandler
    {
        public readonly ulong[] Times = new ulong[512];
        public readonly int[] Tags = new int[512];
        public int Count;

        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            Times[Count] = nowUs;
            Tags[Count] = tag;
            Count++;
        }
    }

    /// <summary>Records alarm deliveries.</summary>
    public sealed class TimerLog : ITimerSink
    {
        public int Count;
        public ulong DueUs;
        public ulong FiredUs;

        public void OnTimer(ulong dueUs, ulong firedUs)
        {
            Count++;
            DueUs = dueUs;
            FiredUs = firedUs;
        }
    }

    [TestClass]
    public class VirtualSchedulerTests
    {
        [TestMethod]
        public void Events_RunByTimeThenByInsertion()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            EventLog log = new EventLog();
            scheduler.Schedule(30, log, 1);
            scheduler.Schedule(10, log, 2);
            scheduler.Schedule(20, log, 3);
            scheduler.Schedule(10, log, 4);
            scheduler.Schedule(10, log, 5);
            scheduler.RunUntilIdle(100);
            int[] expectedTags = { 2, 4, 5, 3, 1 };
            ulong[] expectedTimes = { 10, 10, 10, 20, 30 };
            Assert.AreEqual(5, log.Count, "all ran");
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual(expectedTags[i], log.Tags[i], "tag at " + i.ToString());
                Assert.AreEqual(expectedTimes[i], log.Times[i], "time at " + i.ToString());
            }
            Assert.AreEqual(30UL, scheduler.NowMicroseconds, "clock at the last event");
        }

        [TestMethod]
        public void ManyEvents_ComeOutSortedAndStableAcrossHeapGrowth()
        {
            VirtualScheduler scheduler = new VirtualScheduler(4);
            EventLog log = new EventLog();
            uint lcg = 12345;
            for (int i = 0; i < 300; i++)
            {
                lcg = lcg * 1664525u + 1013904223u;
                scheduler.Schedule((lcg >> 24) % 40, log, i); // many ties
            }
            scheduler.RunUntilIdle(1000);
            Assert.AreEqual(300, log.Count, "all ran");
            for (int i = 1; i < 300; i++)
            {
                Assert.IsTrue(log.Times[i] >= log.Times[i - 1], "time order at " + i.ToString());
                if (log.Times[i] == log.Times[i - 1])
                    Assert.IsTrue(log.Tags[i] > log.Tags[i - 1], "insertion order among ties at " + i.ToString());
            }
        }

        [TestMethod]
        public void RunUntil_StopsAtTheLimitAndMovesTheClock()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            EventLog log = new EventLog();
            scheduler.Schedule(100, log, 1);
            scheduler.Schedule(200, log, 2);
            scheduler.RunUntil(150);
            Assert.AreEqual(1, log.Count, "only the first");
            Assert.AreEqual(150UL, scheduler.NowMicroseconds, "clock");
            scheduler.RunUntil(200);
            Assert.AreEqual(2, log.Count, "the event exactly at the limit runs");
            Assert.AreEqual(0, scheduler.PendingCount, "empty");
            Assert.IsFalse(scheduler.RunNext(), "nothing left");
        }

        [TestMethod]
        public void PastTime_RunsAtTheCurrentTime()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            EventLog log = new EventLog();
            scheduler.RunUntil(1000);
            scheduler.Schedule(10, log, 7);
            scheduler.RunNext();
            Assert.AreEqual(1000UL, log.Times[0], "not in the past");
        }

        [TestMethod]
        public void Alarm_FiresOnceWithDueAndFiredTimes()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            TimerLog timer = new TimerLog();
            IScheduler alarm = scheduler;
            alarm.SetTimerSink(timer);
            alarm.Arm(5000);
            scheduler.RunUntil(4999);
            Assert.AreEqual(0, timer.Count, "not early");
            scheduler.RunUntil(100000);
            Assert.AreEqual(1, timer.Count, "once");
            Assert.AreEqual(5000UL, timer.DueUs, "due");
            Assert.AreEqual(5000UL, timer.FiredUs, "fired on time without jitter");
        }

        [TestMethod]
        public void Alarm_RearmReplacesAndCancelDisarms()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            VirtualAlarm alarm = new VirtualAlarm(scheduler, null);
            TimerLog timer = new TimerLog();
            alarm.SetTimerSink(timer);
            alarm.Arm(5000);
            alarm.Arm(8000);
            scheduler.RunUntil(7000);
            Assert.AreEqual(0, timer.Count, "the first arming was replaced");
            scheduler.RunUntil(9000);
            Assert.AreEqual(1, timer.Count, "fired");
            Assert.AreEqual(8000UL, timer.DueUs, "the second due time");
            alarm.Arm(12000);
            alarm.Cancel();
            scheduler.RunUntil(20000);
            Assert.AreEqual(1, timer.Count, "cancelled");
            Assert.IsFalse(alarm.IsArmed, "disarmed");
        }

        [TestMethod]
        public void Alarm_WithJitter_StaysInItsBoundsAndRepeatsForASeed()
        {
            long[] first = AlarmErrors(99);
            long[] second = AlarmErrors(99);
            for (int i = 0; i < first.Length; i++)
            {
                Assert.AreEqual(first[i], second[i], "deterministic at " + i.ToString());
                // latency [0, 3000] plus spread [−1000, +1000]
                Assert.IsTrue(first[i] >= -1000 && first[i] <= 4000, "bounded: " + first[i].ToString());
            }
            long[] other = AlarmErrors(100);
            bool differs = false;
            for (int i = 0; i < first.Length; i++) if (first[i] != other[i]) differs = true;
            Assert.IsTrue(differs, "another seed gives another sequence");
        }

        static long[] AlarmErrors(int seed)
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            VirtualAlarm alarm = new VirtualAlarm(scheduler, new Jitter(seed, 3000, 1000));
            TimerLog timer = new TimerLog();
            alarm.SetTimerSink(timer);
            long[] errors = new long[50];
            for (int i = 0; i < errors.Length; i++)
            {
                ulong due = scheduler.NowMicroseconds + 10000;
                alarm.Arm(due);
                scheduler.RunUntil(due + 10000);
                Assert.AreEqual(i + 1, timer.Count, "fired " + i.ToString());
                errors[i] = (long)timer.FiredUs - (long)due;
            }
            return errors;
        }

        [TestMethod]
        public void Jitter_LatencyIsOneSidedAndSpreadSymmetric()
        {
            Jitter jitter = new Jitter(7);
            bool sawNegative = false;
            bool sawPositive = false;
            for (int i = 0; i < 1000; i++)
            {
                uint latency = jitter.Latency(500);
                Assert.IsTrue(latency <= 500, "latency bound");
                long spread = jitter.Spread(200);
                Assert.IsTrue(spread >= -200 && spread <= 200, "spread bound");
                if (spread < 0) sawNegative = true;
                if (spread > 0) sawPositive = true;
            }
            Assert.IsTrue(sawNegative && sawPositive, "both signs");
            Assert.AreEqual(0u, jitter.Latency(0), "no latency when the bound is 0");
            Assert.AreEqual(1000UL, new Jitter(3).Apply(1000, 0), "no error when nothing is set");
            Assert.IsTrue(new Jitter(3, 0, 1000).Apply(0, 500) >= 500, "never before now");
        }
    }
}
