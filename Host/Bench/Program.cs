using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LoRaWan.Crypto;

namespace Bench
{
    /// <summary>
    /// `dotnet run -c Release --project Host/Bench` runs every benchmark (short in-process job, suits a 2-core box);
    /// `-- --filter *Block*` narrows it (BenchmarkDotNet's own switches); `-- --interleaved` runs the same operations in
    /// an alternating Stopwatch harness (robust to load drift); `-- --il` prints IL instruction counts of the
    /// straight-line AES methods, the figure that predicts cost on the nanoCLR interpreter.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Contains("--il"))
            {
                PrintIlCounts();
                return 0;
            }
            if (args.Contains("--interleaved"))
            {
                Interleaved.Run();
                return 0;
            }
            var job = Job.ShortRun
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3)
                .WithIterationCount(5);
            var config = ManualConfig.Create(DefaultConfig.Instance)
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(RankColumn.Arabic)
                .WithOptions(ConfigOptions.JoinSummary)
                // logs next to the project (Host/Bench/BenchmarkDotNet.Artifacts, git-ignored), not in the caller's directory
                .WithArtifactsPath(System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts")));
            if (args.Length == 0) args = new[] { "--filter", "*" };
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
            return 0;
        }

        static readonly Dictionary<short, OpCode> OpCodes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)).ToDictionary(o => o.Value);

        static int CountIl(Type type, string method)
        {
            var m = type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
            byte[] il = m.GetMethodBody().GetILAsByteArray();
            int count = 0, pos = 0;
            while (pos < il.Length)
            {
                short value = il[pos++];
                if (value == 0xFE) value = (short)(0xFE00 | il[pos++]);
                var op = OpCodes[value];
                pos += op.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, pos),
                    _ => 4,
                };
                count++;
            }
            return count;
        }

        static void PrintIlCounts()
        {
            // Straight-line code: the static count is the executed count (plus a few guard instructions).
            int words = CountIl(typeof(Aes128), nameof(Aes128.EncryptWords));
            int block = CountIl(typeof(Aes128), nameof(Aes128.EncryptBlock));
            int setKey = CountIl(typeof(Aes128), nameof(Aes128.SetKey));
            int chain = CountIl(typeof(AesCmac), "Chain");
            Console.WriteLine("IL instructions (Release build of the device sources):");
            Console.WriteLine($"  Aes128.EncryptWords (10 rounds)      {words,5}");
            Console.WriteLine($"  Aes128.EncryptBlock (bytes in/out)   {block + words,5}  (wrapper {block} + EncryptWords)");
            Console.WriteLine($"  Aes128.SetKey (key expansion)        {setKey,5}");
            Console.WriteLine($"  AesCmac.Chain (one CMAC block)       {chain + words,5}  (XOR-load {chain} + EncryptWords)");
            Console.WriteLine("At 3-4 million IL instructions per second on an ESP32 (shared/NANOFRAMEWORK.md), one block is about "
                + $"{(block + words) / 4.0:F0}-{(block + words) / 3.0:F0} us.");
        }
    }
}
