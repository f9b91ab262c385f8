using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// Several application threads on one <see cref="LoRaWanDevice"/>: each blocking Send must return its own uplink's
    /// outcome, whatever another thread sends meanwhile. The interleavings are made exact in virtual time with
    /// <see cref="DeschedulingRunner"/>: the waiting thread is "descheduled" right after the MAC finished its uplink and
    /// before it looked, and another thread's call runs in that gap (on a board: the MAC thread's AboveNormal priority
    /// and a time slice are enough).
    /// </summary>
    [TestClass]
    public class ConcurrentCallerTests
    {
        /// <summary>What another thread does in the gap.</summary>
        public delegate void OtherThread();

        /// <summary>
        /// A <see cref="VirtualMacRunner"/> whose next wait that ends with its operation done runs <see cref="Gap"/> (once)
        /// before the waiter looks at the operation again, then waits on as <see cref="ThreadedMacRunner"/> does when the
        /// flag it was woken for is no longer set.
        /// </summary>
        sealed class DeschedulingRunner : IMacRunner
        {
            readonly VirtualMacRunner _inner;
            readonly VirtualScheduler _scheduler;
            public OtherThread Gap;

            public DeschedulingRunner(VirtualScheduler scheduler)
            {
                _scheduler = scheduler;
                _inner = new VirtualMacRunner(scheduler);
            }

            public VirtualMacRunner Inner { get { return _inner; } }
            public void Attach(ClassAMac mac) { _inner.Attach(mac); }
            public void Detach() { _inner.Detach(); }
            public void Wake() { _inner.Wake(); }

            public bool Wait(MacOperation operation, int timeoutMs)
            {
                ulong deadline = _scheduler.NowMicroseconds + (ulong)timeoutMs * 1000UL;
                bool done = _inner.Wait(operation, timeoutMs);
                OtherThread gap = Gap;
                if (!done || gap == null) return done;
                Gap = null;
                gap();
                if (operation.Done) return true;
                ulong now = _scheduler.NowMicroseconds;
                return now < deadline && _inner.Wait(operation, (int)((deadline - now) / 1000UL) + 1);
            }
        }

        sealed class Rig
        {
            public readonly VirtualScheduler Scheduler = new VirtualScheduler();
            public readonly ScriptedRadio Radio;
            public readonly DeschedulingRunner Runner;
            public readonly LoRaWanDevice Device;

            public Rig()
            {
                Radio = new ScriptedRadio(Scheduler);
                Runner = new DeschedulingRunner(Scheduler);
                var wiring = new MacWiring();
                wiring.Runner = Runner;
                var mac = new ClassAMac(Radio, Region.Create("EU868"), DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey),
                    new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), Scheduler, MacTestRig.Dr5NoAdr(), wiring);
                Device = new LoRaWanDevice(mac);
            }

            /// <summary>The FCnt of the frame sent with <paramref name="length"/> bytes of payload (13 bytes of header and MIC).</summary>
            public int FCntOfPayloadLength(int length)
            {
                int found = -1;
                for (int i = 0; i < Radio.Sent.Count; i++)
                {
                    byte[] f = (byte[])Radio.Sent[i];
                    if (f.Length == 13 + length)
                    {
                        Assert.AreEqual(-1, found, "one frame of " + length.ToString() + " payload bytes");
                        found = MacTestRig.FCntOf(f);
                    }
                }
                return found;
            }
        }

        [TestMethod]
        public void BeginSendFromAnotherThread_BetweenTheMacsFinishAndTheWaitersLook_DoesNotHideTheWaitersOutcome()
        {
            var rig = new Rig();
            SendResult other = SendResult.Of(SendStatus.Busy);
            rig.Runner.Gap = () => { other = rig.Device.BeginSend(1, new byte[5], 0, 5, false); };
            SendResult r = rig.Device.Send(1, new byte[2], false, 60000);
            Assert.AreEqual((int)SendStatus.Pending, (int)other.Status, "the other thread's uplink was queued in the gap");
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual((uint)rig.FCntOfPayloadLength(2), r.FCnt, "the waiter's own uplink, not the one queued after it");
            Assert.AreEqual(1, rig.Radio.Sent.Count, "and it returned when its own uplink completed: " + r.ToString());
        }

        [TestMethod]
        public void BlockingSendFromAnotherThread_InTheGap_EachCallerGetsItsOwnOutcome()
        {
            var rig = new Rig();
            SendResult other = SendResult.Of(SendStatus.Busy);
            rig.Runner.Gap = () => { other = rig.Device.Send(1, new byte[7], false, 60000); };
            SendResult r = rig.Device.Send(1, new byte[3], false, 60000);
            Assert.AreEqual(2, rig.Radio.Sent.Count, "both uplinks went on air");
            Assert.AreEqual((int)SendStatus.Sent, (int)other.Status, other.ToString());
            Assert.AreEqual((uint)rig.FCntOfPayloadLength(7), other.FCnt, "the other caller's own uplink");
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual((uint)rig.FCntOfPayloadLength(3), r.FCnt, "the first caller's own uplink, not the later one's");
        }

        [TestMethod]
        public void TheUplinkCompletedEvent_StillSeesEveryOutcome_InOrder()
        {
            var rig = new Rig();
            var seen = new System.Collections.ArrayList();
            rig.Device.OnUplinkCompleted += (s, result) => seen.Add(result.FCnt);
            rig.Runner.Gap = () => rig.Device.BeginSend(1, new byte[5], 0, 5, false);
            SendResult r = rig.Device.Send(1, new byte[2], false, 60000);
            rig.Runner.Inner.Sleep(60000);
            Assert.AreEqual(2, seen.Count, "both outcomes raised");
            Assert.AreEqual(r.FCnt, (uint)seen[0]);
            Assert.AreEqual((uint)rig.FCntOfPayloadLength(5), (uint)seen[1]);
        }
    }
}
