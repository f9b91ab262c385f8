using System;

namespace LoRaWan.IlMeter
{
    /// <summary>
    /// `dotnet run -c Release --project Host/IlMeter` prints the IL table (README.md, "Interpreter cost");
    /// `-- --profile class-a-cycle` prints where one operation's IL goes, per method (exclusive of callees);
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
                foreach (IlRow r in rows) Console.WriteLine($"{r.Il,8:N0} {100.0 * r.Il / total,5:F1} %  {r.Name}");
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
