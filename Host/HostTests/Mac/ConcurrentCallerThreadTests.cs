using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using Mono.Cecil;
using Mono.Cecil.Cil;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// Application threads calling the device at the same time, with real threads: the device's own runner
    /// (<see cref="ThreadedMacRunner"/>) on a clock that runs ten times faster than the wall clock. Each caller must get
    /// its own uplink's outcome; <see cref="LoRaWanDevice.DevAddr"/> must never return an address that was not the
    /// active session's.
    /// </summary>
    [TestClass]
    public class ConcurrentCallerThreadTests
    {
        const int Threads = 4;
        const int SendsPerThread = 3;

        static LoRaWanDevice Start(out ThreadedRunnerTests.ThreadedRadio radio)
        {
            var clock = new ThreadedRunnerTests.WallClockScheduler(10);
            radio = new ThreadedRunnerTests.ThreadedRadio(clock);
            var o = new LoRaWanOptions { Adr = false, DataRate = 5, RandomSeed = 3 };
            return new LoRaWanDevice(radio, Region.Create("IN865"),   // no duty-cycle limit: back-to-back uplinks
                DeviceIdentity.Abp("49BE7DF1", "44024241ED4CE9A68C6A8BC055233FD3", "EC925802AE430CA77FD3DD73CB2CC588"),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), clock, o);
        }

        /// <summary>The payload length of the frame sent with <paramref name="fcnt"/> (13 bytes of header, FPort and MIC).</summary>
        static int PayloadLengthOf(ThreadedRunnerTests.ThreadedRadio radio, uint fcnt)
        {
            int length = -1;
            lock (radio.Sent)
                foreach (byte[] f in radio.Sent)
                    if ((uint)MacTestRig.FCntOf(f) == fcnt)
                    {
                        Assert.AreEqual(-1, length, "one frame with FCnt " + fcnt);
                        length = f.Length - 13;
                    }
            return length;
        }

        [TestMethod]
        public void ManyThreadsSendingAtOnce_EachGetsItsOwnUplinksOutcome()
        {
            LoRaWanDevice device = Start(out ThreadedRunnerTests.ThreadedRadio radio);
            try
            {
                var statuses = new SendStatus[Threads, SendsPerThread];
                var fcnts = new uint[Threads, SendsPerThread];
                int begun = 0;
                var threads = new List<Thread>();
                for (int t = 0; t < Threads; t++)
                {
                    int me = t;
                    threads.Add(new Thread(() =>
                    {
                        // Thread t sends payloads of t + 1 bytes (its frames are told apart by their length); odd threads
                        // through the allocation-free Send, each with its own outcome object.
                        var outcome = new UplinkOutcome();
                        for (int i = 0; i < SendsPerThread; i++)
                        {
                            if (me % 2 == 0)
                            {
                                SendResult r = device.Send(1, new byte[me + 1], false, 60000);
                                statuses[me, i] = r.Status;
                                fcnts[me, i] = r.FCnt;
                            }
                            else
                            {
                                statuses[me, i] = device.Send(1, new byte[11 + me], 10, me + 1, false, 60000, outcome);
                                Assert.AreEqual((int)statuses[me, i], (int)outcome.Status, "the status returned is the outcome's");
                                fcnts[me, i] = outcome.FCnt;
                            }
                        }
                    }));
                }
                // And a thread queueing without waiting (BeginSend), whose uplinks must not end anyone's wait.
                var beginner = new Thread(() =>
                {
                    for (int i = 0; i < 40; i++)
                    {
                        if (device.BeginSend(1, new byte[20], 0, 20, false).Status == SendStatus.Pending) Interlocked.Increment(ref begun);
                        Thread.Sleep(15);
                    }
                });
                foreach (Thread th in threads) th.Start();
                beginner.Start();
                foreach (Thread th in threads) Assert.IsTrue(th.Join(120000), "a sender finished");
                Assert.IsTrue(beginner.Join(120000));

                var wrong = new List<string>();
                for (int t = 0; t < Threads; t++)
                    for (int i = 0; i < SendsPerThread; i++)
                    {
                        SendStatus status = statuses[t, i];
                        uint fcnt = fcnts[t, i];
                        int length = status == SendStatus.Sent ? PayloadLengthOf(radio, fcnt) : -1;
                        if (status != SendStatus.Sent || length != t + 1)
                            wrong.Add($"thread {t} send {i}: {SendResult.StatusName(status)} FCnt {fcnt} = a frame of {length} bytes");
                    }
                OutputHelper.WriteLine($"{radio.Sent.Count} frames, {begun} by BeginSend");
                Assert.AreEqual(0, wrong.Count, string.Join("; ", wrong));
                Assert.AreEqual(Threads * SendsPerThread + begun, radio.Sent.Count, "every accepted uplink went on air once");
                Assert.AreEqual(0, device.Diagnostics.Counters.InternalErrors + device.Diagnostics.Counters.ListenerErrors, device.Diagnostics.LastError);
            }
            finally
            {
                device.Dispose();
            }
        }

        [TestMethod]
        public void DevAddr_ReadWhileTheSessionChanges_IsNeverAnAddressOfASessionNotActive()
        {
            // The MAC's order when a join replaces the session (ClassAMac.BeginJoin, DeviceSession.StartFromJoinAccept):
            // Active = false, the new DevAddr written, ... Active = true. Here the address B is written as the session
            // ends and A is written back before Active returns, so B is never an active session's address: a reader that
            // returns B read Active and DevAddr at two different moments. Each state lasts a while (on the device a
            // session change takes a join's seconds), as the MAC's would.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            DeviceSession s = rig.Mac.Session;
            uint a = s.DevAddr;
            const uint B = 0x26000001;
            Assert.AreEqual(a, rig.Device.DevAddr);
            int stop = 0;
            var writer = new Thread(() =>
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    s.Active = false;
                    s.DevAddr = B;
                    Thread.SpinWait(300);
                    s.DevAddr = a;
                    s.Active = true;
                    Thread.SpinWait(300);
                }
            });
            writer.Start();
            long reads = 0, torn = 0, zero = 0;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < 1500 && torn == 0)
            {
                uint d = rig.Device.DevAddr;
                reads++;
                if (d == B) torn++;
                else if (d == 0) zero++;
                else Assert.AreEqual(a, d);
            }
            Volatile.Write(ref stop, 1);
            writer.Join();
            OutputHelper.WriteLine($"{reads} reads, {zero} without a session, {torn} torn");
            Assert.AreEqual(0L, torn, "DevAddr returned the address written while no session was active");
            Assert.IsTrue(zero > 0 && reads - zero > 0, "both states were seen");
        }

        /// <summary>The session fields a method reads, with the methods of the MAC's assembly it calls.</summary>
        static void SessionFieldReads(MethodDefinition m, List<string> reads, HashSet<string> seen)
        {
            if (m == null || !m.HasBody || !seen.Add(m.FullName)) return;
            foreach (Instruction i in m.Body.Instructions)
            {
                if (i.OpCode == OpCodes.Ldfld && i.Operand is FieldReference f && f.DeclaringType.Name == "DeviceSession") reads.Add(f.Name);
                if ((i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt) && i.Operand is MethodReference c && c.Module == m.Module)
                    SessionFieldReads(c.Resolve(), reads, seen);
            }
        }

        [TestMethod]
        public void DevAddr_ReadsTheSessionOnce()
        {
            // Whether a session exists and its address, read in one field read: two reads can straddle a session change
            // (the stress test above catches that only when the threads collide).
            using var module = ModuleDefinition.ReadModule(typeof(LoRaWanDevice).Assembly.Location);
            MethodDefinition getter = module.GetType("LoRaWan.LoRaWanDevice").Properties.Single(p => p.Name == "DevAddr").GetMethod;
            var reads = new List<string>();
            SessionFieldReads(getter, reads, new HashSet<string>());
            Assert.AreEqual(1, reads.Count, "DeviceSession fields read: " + string.Join(", ", reads));
        }
    }
}
