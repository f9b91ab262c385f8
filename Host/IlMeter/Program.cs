using System;

namespace LoRaWan.IlMeter
{
    /// <summary>
    /// `dotnet run -c Release --project Host/IlMeter` prints the IL table (README.md, "Interpreter cost");
    /// `-- --profile class-a-cycle` prints where one operation's IL and est. x86 go, per method (exclusive of callees), with
    /// the times each method was entered (`--by-x86` sorts by est. x86) and the nanoCLR allocation sites (NanoAllocations)
    /// of the methods that allocated;
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
                long total = 0, totalX86 = 0, calls = 0;
                var rows = Meter.Profile(args[p + 1]);
                bool byX86 = Array.IndexOf(args, "--by-x86") >= 0;
                if (byX86) rows.Sort((a, b) => b.EstX86.CompareTo(a.EstX86));
                foreach (IlRow r in rows) { total += r.Il; totalX86 += r.EstX86; calls += r.Calls; }
                Console.WriteLine($"{args[p + 1]}: {total:N0} IL, est. {totalX86:N0} x86, {calls:N0} calls in {rows.Count} methods (exclusive of callees)");
                Console.WriteLine($"{"IL",8} {"est. x86",9} {"x86 %",6} {"calls",6}  method");
                foreach (IlRow r in rows)
                    Console.WriteLine($"{r.Il,8:N0} {r.EstX86,9:N0} {100.0 * r.EstX86 / Math.Max(1, totalX86),5:F1}% {r.Calls,6}  {(r.Allocations == 0 ? "" : r.Allocations + " allocs  ")}{r.Name}");
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
