using System;

namespace LoRaWan.NanoBench
{
    /// <summary>
    /// The benchmark program run on nanoCLR (NanoBench/README.md): issue 20's operations,
    /// IL patterns, the event queue under threads, heap use. Every measured part lies between two <see cref="Marker.Cut"/>
    /// calls; the program prints which part is which ("part N: ...", N counting the cuts from 1).
    /// </summary>
    public static class Program
    {
        /// <summary>Measured runs of every operation (after one unmeasured warm-up run).</summary>
        public const int Reps = 10;

        static int s_cuts;

        /// <summary>Runs every section.</summary>
        public static void Main()
        {
            Console.WriteLine("NanoBench: operations (" + Reps + " measured runs each)");
            Operation[] ops =
            {
                new Nothing(), new AesBlock(), new KeyExpansion(), new Cmac64(), new Uplink20(), new JoinAccept(), new ClassACycle(),
                new RigAlone(), new IdleMac(),
            };
            for (int o = 0; o < ops.Length; o++) Measure(ops[o]);

            Console.WriteLine("NanoBench: IL patterns (" + IlPatterns.Iterations + " iterations per loop)");
            var patterns = new IlPatterns();
            for (int k = 0; k < IlPatterns.Names.Length; k++)
            {
                patterns.Run(k);
                for (int r = 0; r < 3; r++)
                {
                    Console.WriteLine("part " + (s_cuts + 1) + ": il " + k + " " + IlPatterns.Names[k]);
                    Cut();
                    patterns.Run(k);
                    Cut();
                }
            }

            Console.WriteLine("NanoBench: held memory");
            object keep = HeldMemory.Run();
            Check.That(keep != null, "rig");

            Console.WriteLine("NanoBench: MacEventQueue stress " + new QueueStress().Run(600000));
            Console.WriteLine("NanoBench: done");
        }

        static void Measure(Operation op)
        {
            op.Run();
            op.Between();
            for (int r = 0; r < Reps; r++)
            {
                Console.WriteLine("part " + (s_cuts + 1) + ": op " + op.Name);
                Cut();
                op.Run();
                Cut();
                op.Between();
            }
        }

        static void Cut()
        {
            s_cuts++;
            Marker.Cut();
        }
    }
}
