using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Bench
{
    /// <summary>
    /// A Stopwatch harness that alternates ours and BouncyCastle batch by batch, so a load change on a
    /// shared 2-core box hits both sides alike (BenchmarkDotNet runs one benchmark after the other).
    /// Reports the median and minimum ns per operation, allocated bytes per operation, and ours/peer.
    /// `dotnet run -c Release --project Host/Bench -- --interleaved`.
    /// </summary>
    public static class Interleaved
    {
        const int Rounds = 200;
        const int WarmupRounds = 30;

        sealed class Side
        {
            public string Name;
            public Action Op;
            public int Batch;
            public readonly List<double> Ns = new List<double>();
            public long Allocated;
            public long Ops;
        }

        public static void Run()
        {
            var b = new CryptoBenchmarks();
            b.Setup();
            var pairs = new (string Operation, Side Ours, Side Peer)[]
            {
                ("1 AES-128 block", S("Aes128.EncryptBlock", b.Ours_Aes128_Block, 20000), S("AesEngine.ProcessBlock", b.BouncyCastle_AesEngine_Block, 20000)),
                ("key expansion", S("Aes128.SetKey", b.Ours_Aes128_SetKey, 20000), S("AesEngine.Init", b.BouncyCastle_AesEngine_Init, 20000)),
                ("CMAC of 64 bytes", S("AesCmac", b.Ours_AesCmac_64, 5000), S("CMac(AesEngine)", b.BouncyCastle_CMac_64, 5000)),
                ("uplink 1.0: encrypt 51 B + MIC", S("PayloadCipher + DataMic", b.Ours_Uplink10_51, 2000), S("AesEngine + CMac", b.BouncyCastle_Uplink10_51, 2000)),
                ("uplink 1.1: encrypt 51 B + MIC", S("PayloadCipher + DataMic", b.Ours_Uplink11_51, 2000), S("AesEngine + 2 CMac", b.BouncyCastle_Uplink11_51, 2000)),
            };
            Console.WriteLine($"Interleaved Stopwatch harness, {Rounds} alternating batches per side after {WarmupRounds} warm-up batches; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
            Console.WriteLine();
            Console.WriteLine("| operation | ours (median / min ns) | alloc B/op | BouncyCastle (median / min ns) | alloc B/op | ours / BC (median) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (operation, ours, peer) in pairs)
            {
                for (int r = 0; r < WarmupRounds + Rounds; r++)
                {
                    Measure(ours, r >= WarmupRounds);
                    Measure(peer, r >= WarmupRounds);
                }
                double om = Median(ours.Ns), pm = Median(peer.Ns);
                Console.WriteLine($"| {operation} | {om:F1} / {Min(ours.Ns):F1} | {(double)ours.Allocated / ours.Ops:F0} | {pm:F1} / {Min(peer.Ns):F1} | {(double)peer.Allocated / peer.Ops:F0} | {om / pm:F2} |");
            }
            b.Cleanup();
        }

        static Side S(string name, Action op, int batch) => new Side { Name = name, Op = op, Batch = batch };

        static void Measure(Side side, bool record)
        {
            Action op = side.Op;
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < side.Batch; i++) op();
            long t1 = Stopwatch.GetTimestamp();
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            if (!record) return;
            side.Ns.Add((t1 - t0) * 1e9 / Stopwatch.Frequency / side.Batch);
            side.Allocated += a1 - a0;
            side.Ops += side.Batch;
        }

        static double Median(List<double> v)
        {
            var s = new List<double>(v);
            s.Sort();
            return s[s.Count / 2];
        }

        static double Min(List<double> v)
        {
            double m = double.MaxValue;
            foreach (double x in v) m = Math.Min(m, x);
            return m;
        }
    }
}
