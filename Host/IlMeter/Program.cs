using System;

namespace LoRaWan.IlMeter
{
    /// <summary>
    /// `dotnet run -c Release --project Host/IlMeter` prints the IL table (README.md, "Interpreter cost");
    /// `-- --profile class-a-cycle` prints where one operation's IL goes, per method (exclusive of callees), and the
    /// nanoCLR allocation sites (NanoAllocations) of the methods that allocated;
    /// `-- --struct-sites` lists every struct copy, struct local and box in the device assemblies (executed or not);
    /// `-- --memory` prices what the stack holds after a join on the nanoCLR heap (32-bit ESP32 and 64-bit), with the top holders.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            int p = Array.IndexOf(args, "--profile");
            if (p >= 0 && p + 1 < args.Length)
            {
                long total = 0;
                var rows = Meter.Profile(args[p + 1]);
                foreach (IlRow r in rows) total += r.Il;
                Console.WriteLine($"{args[p + 1]}: {total:N0} IL in {rows.Count} methods (exclusive of callees)");
                foreach (IlRow r in rows)
                    Console.WriteLine($"{r.Il,8:N0} {100.0 * r.Il / Math.Max(1, total),5:F1} %  {(r.Allocations == 0 ? "" : r.Allocations + " allocs  ")}{r.Name}");
                foreach (IlRow r in rows)
                    if (r.Allocations != 0)
                        foreach (string site in Meter.AllocationSites(r.Name)) Console.WriteLine($"  allocates: {r.Name}: {site}");
                return 0;
            }
            if (Array.IndexOf(args, "--struct-sites") >= 0)
            {
                // Every struct copy, struct local and box in the counted assemblies, executed or not (static view).
                foreach (string site in Meter.StructSites()) Console.WriteLine(site);
                return 0;
            }
            if (Array.IndexOf(args, "--memory") >= 0)
            {
                Console.WriteLine(Meter.HeldAfterJoin());
                return 0;
            }
            Console.Write(Meter.Format(Meter.Measure()));
            return 0;
        }
    }
}
