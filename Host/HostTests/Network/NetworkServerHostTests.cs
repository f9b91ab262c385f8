using System;
using System.Diagnostics;
using System.Security.Cryptography;
using LoRaWan.Frames;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using LoRaWan.Tests.Network;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Network
{
    /// <summary>
    /// Host-only checks of the network model: its AES inverse cipher against .NET's AES, and that its steady-state
    /// uplink + ACK path allocates nothing (so a whole-simulation allocation measurement sees only the device).
    /// </summary>
    [TestClass]
    public class NetworkServerHostTests
    {
        [TestMethod]
        public void AesDecrypt_10000RandomKeysAndBlocks_MatchDotNetAesEcb()
        {
            var rng = new Random(197);
            using var reference = Aes.Create();
            var ours = new AesDecrypt();
            var key = new byte[16];
            var block = new byte[16];
            var expected = new byte[16];
            var actual = new byte[16];
            for (int n = 0; n < 10000; n++)
            {
                rng.NextBytes(key);
                rng.NextBytes(block);
                reference.Key = key;
                reference.DecryptEcb(block, expected, PaddingMode.None);
                ours.UseKey(key, 0);
                ours.DecryptBlock(block, 0, actual, 0);
                if (!expected.AsSpan().SequenceEqual(actual))
                    Assert.AreEqual(Convert.ToHexString(expected), Convert.ToHexString(actual), "key " + Convert.ToHexString(key));
            }
        }

        sealed class CountingTransmitter : IDownlinkTransmitter
        {
            public int Count;
            public bool Transmit(ulong startUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, int offset, int length)
            {
                Count++;
                return true;
            }
        }

        [TestMethod]
        public void SteadyStateUplinkAndAck_AllocateNothing_WithoutHistory()
        {
            var options = new NetworkOptions { RecordHistory = false };
            var clock = new ManualClock();
            var tx = new CountingTransmitter();
            var server = new NetworkServer(Region.Create("EU868"), clock, tx, options);
            byte[] nwk = Convert.FromHexString("44024241ED4CE9A68C6A8BC055233FD3");
            byte[] app = Convert.FromHexString("EC925802AE430CA77FD3DD73CB2CC588");
            server.AddAbpDevice(0x49BE7DF1, nwk, app, LoRaWanVersion.V1_0_4);
            var dev = TestEndDevice.Abp(0x49BE7DF1, nwk, app);
            const int N = 2000;
            // FCnts are used once: frames for every window SteadyStateAllocation may take (the measured one is the last).
            var frames = new byte[200 + SteadyStateAllocation.MaxWindows * (N - 200)][];
            for (int i = 0; i < frames.Length; i++) frames[i] = dev.Uplink((uint)i, 1, new byte[] { (byte)i, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, true, false);
            var md = new UplinkMetadata();

            void Run(int from, int to)
            {
                for (int i = from; i < to; i++)
                {
                    ulong end = 1000000UL + (ulong)i * 10000000UL;
                    clock.NowMicroseconds = end + 20000;
                    md.Set(868100000, 7, 125000, end, -80, 7f, 1);
                    server.OnUplink(frames[i], 0, frames[i].Length, md);
                    clock.NowMicroseconds = end + 60000; // a second gateway's copy
                    md.Set(868100000, 7, 125000, end, -70, 9f, 2);
                    server.OnUplink(frames[i], 0, frames[i].Length, md);
                }
            }

            Run(0, 200); // warm-up: JIT, static tables, key schedules
            var sw = new Stopwatch();
            int next = 200;
            long bytes = SteadyStateAllocation.Measure(null, () =>
            {
                sw.Restart();
                Run(next, next + N - 200);
                sw.Stop();
                next += N - 200;
            }, out string note);
            OutputHelper.WriteLine($"{N - 200} uplinks (+ duplicate) with ACK: {bytes} bytes allocated, {sw.Elapsed.TotalMilliseconds * 1000 / (N - 200):F1} µs per uplink {note}");
            Assert.AreEqual(next, server.Counters.UplinksAccepted);
            Assert.AreEqual(next, server.Counters.Duplicates);
            Assert.AreEqual(next, tx.Count, "one ACK per confirmed uplink");
            Assert.AreEqual(0L, bytes);
        }
    }
}
