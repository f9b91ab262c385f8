using System;
using System.Threading;
using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The application's LinkCheckReq/DeviceTimeReq requests (LoRaWAN 1.0.4 §5.1, §5.9) against the MAC building frames,
    /// under real contention and without a lock (MacAnswers' remarks). A thread shaped like the MAC's builds frames in
    /// the order ClassAMac calls <see cref="MacAnswers"/>: Select then Commit for each frame; for the MAC's own empty
    /// uplink Save first, and now and then the application's uplink replaces it before it goes on air (Restore, then the
    /// replacing frame's Select and Commit); sometimes a frame has room for one command only. An application thread makes
    /// one request at a time and waits until a frame that went on air after the request was made carries it: a request is
    /// never lost, whatever instant it lands at.
    /// </summary>
    [TestClass]
    public class MacAnswersRequestStressTests
    {
        const int Requests = 5000;
        /// <summary>Frames on air without the request, after it was made, before it counts as lost.</summary>
        const int LostAfterFrames = 2000;

        [TestMethod]
        public void RequestsFromAThreadWhileTheMacBuildsFrames_EachRidesAFrameOnAirAfterIt()
        {
            var answers = new MacAnswers();
            long clock = 0;              // orders the two threads' steps
            long linkCheckOnAir = 0;     // clock of the last frame on air carrying LinkCheckReq
            long deviceTimeOnAir = 0;    // ... DeviceTimeReq
            long frames = 0;
            long replaced = 0;
            int done = 0;
            int lost = 0;
            string fault = null;

            var mac = new Thread(() =>
            {
                var random = new Random(20);
                var frame = new byte[15];
                while (Volatile.Read(ref done) == 0)
                {
                    bool own = random.Next(2) == 0;
                    int room = random.Next(4) == 0 ? 1 : 15;
                    if (own) answers.Save();
                    int carried = Build(answers, frame, room);
                    if (own && random.Next(2) == 0)
                    {
                        answers.Restore();   // replaced before going on air: what it took is owed again
                        carried = Build(answers, frame, room);
                        replaced++;
                    }
                    if (carried < 0) { Volatile.Write(ref fault, "a frame carried a command nobody asked for"); return; }
                    long onAir = Interlocked.Increment(ref clock);
                    if ((carried & 1) != 0) Volatile.Write(ref linkCheckOnAir, onAir);
                    if ((carried & 2) != 0) Volatile.Write(ref deviceTimeOnAir, onAir);
                    Interlocked.Increment(ref frames);
                }
            });
            mac.IsBackground = true;
            mac.Start();

            for (int i = 0; i < Requests && Volatile.Read(ref fault) == null; i++)
            {
                bool linkCheck = i % 3 != 2;
                long made = Interlocked.Increment(ref clock);
                if (linkCheck) answers.RequestLinkCheck();
                else answers.RequestDeviceTime();
                long from = Volatile.Read(ref frames);
                while (Volatile.Read(ref linkCheck ? ref linkCheckOnAir : ref deviceTimeOnAir) <= made)
                {
                    if (Volatile.Read(ref frames) - from > LostAfterFrames) { lost++; break; }
                    Thread.Yield();
                }
            }
            Volatile.Write(ref done, 1);
            Assert.IsTrue(mac.Join(10000), "the MAC thread hung");
            Assert.IsNull(fault, fault);
            OutputHelper.WriteLine($"{Requests} requests, {frames} frames, {replaced} replaced before going on air, {lost} lost");
            Assert.AreEqual(0, lost, "requests no frame on air carried after they were made");
            Assert.IsTrue(replaced > 0, "some frames were replaced");
        }

        /// <summary>One frame's commands: Select then Commit. Returns bit 0 LinkCheckReq, bit 1 DeviceTimeReq; −1 for anything else.</summary>
        static int Build(MacAnswers answers, byte[] frame, int room)
        {
            int n = answers.Select(frame, 0, room);
            answers.Commit();
            int carried = 0;
            for (int i = 0; i < n; i++)
            {
                if (frame[i] == Cid.LinkCheck) carried |= 1;
                else if (frame[i] == Cid.DeviceTime) carried |= 2;
                else return -1;
            }
            return carried;
        }
    }
}
