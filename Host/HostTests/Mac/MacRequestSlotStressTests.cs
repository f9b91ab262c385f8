using System;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The request slot between the application and the MAC under real contention (it takes no lock: MacRequestSlot's
    /// remarks). Several application threads claim it, write a payload that names them, and publish, as StartSend does;
    /// a thread shaped like the MAC's takes each request, checks it, and completes the operation, and in between starts
    /// internal uplinks the application's requests may replace, as the idle alarm does. One claimer at a time may write,
    /// a request is never taken half-written, and every published request is taken exactly once.
    /// </summary>
    [TestClass]
    public class MacRequestSlotStressTests
    {
        const int Requesters = 4;
        const int PerRequester = 1000;
        const int PayloadBytes = 24;

        delegate int TakeFn(out bool replacing);

        sealed class Slot
        {
            public Func<bool, bool, bool> TryClaim;
            public Action<int> Publish;
            public TakeFn Take;
            public Func<int, bool> End;
            public Action<bool> SetPreemptible;
            public Func<int, bool> TryBegin;
            public byte[] Payload;
            public int Data;
            public int None;
            public int Wait;
        }

        static Slot NewSlot()
        {
            Type t = typeof(ClassAMac).Assembly.GetType("LoRaWan.Mac.MacRequestSlot", true);
            object slot = Activator.CreateInstance(t, true);
            const BindingFlags any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
            T Bind<T>(string name) where T : Delegate { return (T)t.GetMethod(name, any).CreateDelegate(typeof(T), slot); }
            int Const(string name) { return (int)t.GetField(name, BindingFlags.Static | BindingFlags.NonPublic).GetValue(null); }
            return new Slot
            {
                TryClaim = Bind<Func<bool, bool, bool>>("TryClaim"),
                Publish = Bind<Action<int>>("Publish"),
                Take = Bind<TakeFn>("Take"),
                End = Bind<Func<int, bool>>("End"),
                SetPreemptible = Bind<Action<bool>>("SetPreemptible"),
                TryBegin = Bind<Func<int, bool>>("TryBegin"),
                Payload = (byte[])t.GetField("Payload", any).GetValue(slot),
                Data = Const("Data"),
                None = Const("None"),
                Wait = Const("Wait"),
            };
        }

        [TestMethod]
        public void SeveralRequestersAndTheMacThread_OneWriterAtATime_EveryRequestTakenOnceAndWhole()
        {
            Slot slot = NewSlot();
            int writers = 0;
            long claimed = 0, taken = 0, replaced = 0, internalOps = 0;
            string fault = null;
            int requestersDone = 0;

            var threads = new Thread[Requesters];
            for (int r = 0; r < Requesters; r++)
            {
                int id = r + 1;
                threads[r] = new Thread(() =>
                {
                    for (int n = 0; n < PerRequester && Volatile.Read(ref fault) == null;)
                    {
                        // StartSend: an application uplink may replace a preemptible internal one (not from a handler).
                        if (!slot.TryClaim(true, false)) { Thread.Yield(); continue; }
                        if (Interlocked.Increment(ref writers) != 1) Volatile.Write(ref fault, $"requester {id}: another requester holds the claim too");
                        for (int i = 0; i < PayloadBytes; i++) slot.Payload[i] = (byte)id;
                        Interlocked.Decrement(ref writers);
                        Interlocked.Increment(ref claimed);
                        slot.Publish(slot.Data);
                        n++;
                    }
                    Interlocked.Increment(ref requestersDone);
                });
                threads[r].IsBackground = true;
            }

            var mac = new Thread(() =>
            {
                var limit = Stopwatch.StartNew();
                bool internalUp = false;
                int idle = 0;
                while (Volatile.Read(ref fault) == null && limit.ElapsedMilliseconds < 30000)
                {
                    int kind = slot.Take(out bool replacing);
                    if (kind == slot.Data)
                    {
                        if (Volatile.Read(ref writers) != 0) { fault = "a request was taken while a requester was still writing"; return; }
                        int id = slot.Payload[0];
                        for (int i = 1; i < PayloadBytes; i++)
                            if (slot.Payload[i] != id) { fault = $"payload byte {i} is {slot.Payload[i]}, byte 0 {id}: torn request"; return; }
                        if (replacing != internalUp) { fault = $"replacing {replacing} with an internal uplink {(internalUp ? "preemptible" : "absent")}"; return; }
                        taken++;
                        if (replacing) replaced++;
                        internalUp = false;
                        slot.End(slot.None);   // the uplink completes
                        continue;
                    }
                    if (kind == slot.Wait) { fault = "a request had to wait, but no operation was in progress that was not preemptible"; return; }
                    if (internalUp)
                    {
                        // The internal uplink's back-off ends unreplaced now and then: it completes.
                        if (++idle % 5 == 0) { slot.End(slot.None); internalUp = false; }
                        // Take cleared Preemptible (a spurious request, as HandleRequest does): set it again, as BeginData would.
                        else slot.SetPreemptible(true);
                    }
                    else if (slot.TryBegin(slot.Data))
                    {
                        slot.SetPreemptible(true);   // the idle alarm's empty uplink, not yet on air
                        internalUp = true;
                        internalOps++;
                    }
                    if (Volatile.Read(ref requestersDone) == Requesters && Interlocked.Read(ref claimed) == taken) return;
                }
                if (fault == null) fault = $"not drained within 30 s: {Volatile.Read(ref requestersDone)} requesters done, {Interlocked.Read(ref claimed)} claimed, {taken} taken";
            });
            mac.IsBackground = true;

            mac.Start();
            foreach (Thread t in threads) t.Start();
            bool macEnded = mac.Join(60000);
            Volatile.Write(ref fault, fault ?? (macEnded ? null : "the MAC thread hung"));
            foreach (Thread t in threads) Assert.IsTrue(t.Join(10000), "a requester hung");
            Assert.IsNull(fault, fault);
            Assert.AreEqual((long)Requesters * PerRequester, claimed, "every requester's requests claimed");
            Assert.AreEqual(claimed, taken, "every published request taken exactly once");
            Assert.IsTrue(replaced > 0, "some requests replaced an internal uplink");
            OutputHelper.WriteLine($"{claimed} requests, {replaced} replaced an internal uplink, {internalOps} internal uplinks");
        }
    }
}
