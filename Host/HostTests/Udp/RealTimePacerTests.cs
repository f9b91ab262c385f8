using System.Diagnostics;
using System.Threading;
using LoRaWan.Simulation;
using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>The pacer makes virtual time pass at wall-clock speed and brings input from other threads onto the simulation thread.</summary>
    [TestClass]
    public class RealTimePacerTests
    {
        sealed class FlagService : IRealTimeService
        {
            public volatile bool Raised;
            public ulong SeenAtUs = ulong.MaxValue;
            public int SeenOnThread;
            public readonly ManualResetEventSlim Polled = new ManualResetEventSlim(false);

            public void Poll(ulong nowUs)
            {
                Polled.Set();
                if (Raised && SeenAtUs == ulong.MaxValue)
                {
                    SeenAtUs = nowUs;
                    SeenOnThread = Thread.CurrentThread.ManagedThreadId;
                }
            }
        }

        [TestMethod]
        public void VirtualTime_PassesAtWallClockSpeed()
        {
            var scheduler = new VirtualScheduler();
            var pacer = new RealTimePacer(scheduler);
            pacer.Start();
            var wall = Stopwatch.StartNew();
            scheduler.RunFor(300000);
            wall.Stop();
            pacer.Stop();
            Assert.IsTrue(wall.Elapsed.TotalMilliseconds >= 299.0, "300 ms of virtual time took " + wall.Elapsed.TotalMilliseconds + " ms");
            Assert.IsTrue(wall.Elapsed.TotalMilliseconds < 2000.0, "and not much more: " + wall.Elapsed.TotalMilliseconds + " ms");
            Assert.IsTrue(pacer.MaxLeadUs <= (long)pacer.StepUs, "virtual time never more than one step ahead of the wall clock");

            // Stopped: the scheduler runs free again.
            wall.Restart();
            scheduler.RunFor(10000000);
            Assert.IsTrue(wall.ElapsedMilliseconds < 1000, "10 s without the pacer took " + wall.ElapsedMilliseconds + " ms");
        }

        [TestMethod]
        public void InputFromAnotherThread_IsPolledOnTheSimulationThread_AtItsWallTime()
        {
            var scheduler = new VirtualScheduler();
            var pacer = new RealTimePacer(scheduler);
            var service = new FlagService();
            pacer.AddService(service);
            pacer.Start();
            var other = new Thread(() =>
            {
                // From the first tick (virtual time 0 tied to the wall clock), 100 ms of wall time.
                service.Polled.Wait();
                Thread.Sleep(100);
                service.Raised = true;
                pacer.Wake();
            });
            other.Start();
            scheduler.RunFor(400000);
            pacer.Stop();
            other.Join();
            Assert.AreEqual(Thread.CurrentThread.ManagedThreadId, service.SeenOnThread, "polled on the thread that runs the scheduler");
            Assert.IsTrue(service.SeenAtUs >= 99000 && service.SeenAtUs <= 300000, "seen at virtual " + service.SeenAtUs + " µs, raised ≈ 100 ms after the first tick");
        }
    }
}
