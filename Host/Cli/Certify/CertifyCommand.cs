using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using LoRaWan.Cli.Certify;
using LoRaWan.Frames;

namespace LoRaWan.Cli
{
    /// <summary>
    /// <c>lorawan certify [--region R|all] [--mac-version V] [--verbose] [--mutant M] [--mutation-check]</c>: the
    /// certification run in simulation. A harness in the network model (the LCTT's role) drives a device built with the
    /// TS009 package through scripted cases (<see cref="Cases"/>) over the simulated air; one line per case (result, id,
    /// name, clause, the reason of a failure), a summary, exit code 1 when a case failed. <c>--verbose</c> shows the
    /// exchanges; <c>--mutant</c> runs against a deliberately broken device (<see cref="MutantRadio"/>);
    /// <c>--mutation-check</c> runs every mutant and lists, per case, the mutants it caught.
    /// </summary>
    public static class CertifyCommand
    {
        const string Description = "Runs the certification test cases (LoRaWAN 1.0.4, RP002-1.0.4, TS009 over FPort 224) against the simulated device.";
        public static readonly string[] DefaultRegions = { "EU868", "US915", "AS923-1", "KR920" };

        static readonly OptionSet Options = Declare();

        static OptionSet Declare()
        {
            var o = new OptionSet();
            o.Text("--region", "name", "EU868, US915, AS923-1, KR920, or all (those four)", "EU868");
            o.Choice("--mac-version", "LoRaWAN version of the device and its registration", "1.0.4", "1.0.2", "1.0.3", "1.0.4");
            o.Flag("--verbose", "Show the TS009 and MAC-command exchanges of every case");
            o.Text("--mutant", "name", "Run against a deliberately broken device (none, rx1-late, fcnt-reused, no-mac-answers, …)", "none");
            o.Flag("--mutation-check", "Run every mutant and list which cases each one fails");
            o.Text("--case", "id", "Run only the cases whose id starts with this", "");
            return o;
        }

        /// <summary>The <c>certify</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = Options.Command("certify", Description, p => Execute(new CliArgs(p, Options), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan certify</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("certify", args), stdout, stderr);

        static int Execute(CliArgs a, TextWriter stdout)
        {
            string region = a.Get("region", "EU868");
            LoRaWanVersion version = a.Get("mac-version", "1.0.4") switch { "1.0.2" => LoRaWanVersion.V1_0_2, "1.0.3" => LoRaWanVersion.V1_0_3, _ => LoRaWanVersion.V1_0_4 };
            bool verbose = a.Flag("verbose");
            MutantRadio.Kind mutant = MutantRadio.Parse(a.Get("mutant", "none"));
            string only = a.Get("case", "");
            bool matrix = a.Flag("mutation-check");
            a.RejectUnknown();
            string[] regions = region.Equals("all", StringComparison.OrdinalIgnoreCase) ? DefaultRegions : new[] { region };
            foreach (string r in regions) RegionCommand.CreateRegion(r);
            if (matrix) return MutationCheck(regions, version, only, stdout);
            int failed = 0, passed = 0;
            foreach (string r in regions)
            {
                stdout.WriteLine("certify " + r + " LoRaWAN " + a.Get("mac-version", "1.0.4") + (mutant == MutantRadio.Kind.None ? "" : " against mutant " + MutantRadio.Name(mutant)));
                foreach (CertificationCase c in Cases.For(r))
                {
                    if (!c.Id.StartsWith(only, StringComparison.OrdinalIgnoreCase)) continue;
                    string reason = RunCase(c, r, version, mutant, verbose ? stdout : null);
                    if (reason == null) passed++; else failed++;
                    stdout.WriteLine((reason == null ? "PASS " : "FAIL ") + c.Id.PadRight(8) + " " + c.Name + " [" + c.Clause + "]" + (reason == null ? "" : ": " + reason));
                }
            }
            stdout.WriteLine("summary: " + (passed + failed) + " cases in " + string.Join(", ", regions) + ": " + passed + " pass, " + failed + " fail");
            return failed == 0 ? 0 : 1;
        }

        /// <summary>Runs one case on a fresh world; null on a pass, else the reason.</summary>
        public static string RunCase(CertificationCase c, string region, LoRaWanVersion version, MutantRadio.Kind mutant, TextWriter verbose)
        {
            try
            {
                var h = new Harness(region, version, c.Id.GetHashCode() & 0x7FFF | 1, mutant, verbose);
                if (!c.OwnJoin && !h.Start()) return "setup: no join or no test mode";
                return c.Run(h);
            }
            catch (Exception e)
            {
                return "exception: " + e.GetType().Name + ": " + e.Message;
            }
        }

        static int MutationCheck(string[] regions, LoRaWanVersion version, string only, TextWriter stdout)
        {
            int uncaught = 0;
            foreach (string r in regions)
            {
                var caught = new Dictionary<string, List<string>>();
                List<CertificationCase> cases = Cases.For(r).FindAll(c => c.Id.StartsWith(only, StringComparison.OrdinalIgnoreCase));
                foreach (CertificationCase c in cases) caught[c.Id] = new List<string>();
                foreach (MutantRadio.Kind k in Enum.GetValues(typeof(MutantRadio.Kind)))
                {
                    if (k == MutantRadio.Kind.None) continue;
                    foreach (CertificationCase c in cases)
                        if (RunCase(c, r, version, k, null) != null) caught[c.Id].Add(MutantRadio.Name(k));
                }
                stdout.WriteLine("mutation check " + r + ":");
                foreach (CertificationCase c in cases)
                {
                    List<string> m = caught[c.Id];
                    if (m.Count == 0) uncaught++;
                    stdout.WriteLine("  " + c.Id.PadRight(8) + " " + (m.Count == 0 ? "caught by no mutant" : string.Join(", ", m)));
                }
            }
            stdout.WriteLine("summary: " + uncaught + " case(s) no mutant made fail");
            return 0;
        }
    }
}
