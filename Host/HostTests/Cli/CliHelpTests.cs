using System;
using System.IO;
using LoRaWan.Cli;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// The CLI explains itself (issue 19): <c>--help</c> for the tool and every command lists every option, <c>--version</c>,
    /// a suggestion for a mistyped command or option, and bad input stays one stderr line with exit code 2.
    /// </summary>
    [TestClass]
    public class CliHelpTests
    {
        static int Run(out string stdout, out string stderr, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, o, e);
            stdout = o.ToString();
            stderr = e.ToString();
            return code;
        }

        static void OneErrorLine(int code, string stdout, string stderr, string expected)
        {
            Assert.AreEqual(2, code, "exit code 2; stderr: " + stderr);
            Assert.AreEqual("", stdout, "nothing on stdout");
            Assert.AreEqual(1, stderr.TrimEnd('\n', '\r').Split('\n').Length, "exactly one line: " + stderr);
            Assert.StartsWith("error: ", stderr, "error prefix");
            Assert.Contains(expected, stderr);
        }

        // Every option each command accepts (README and the commands' documentation), written out here.
        static readonly string[][] CommandOptions =
        {
            new[] { "decode", "--hex", "--nwkskey", "--appskey", "--appkey", "--fcnt-msb" },
            new[] { "encode", "--mtype", "--devaddr", "--fcnt", "--fport", "--payload", "--nwkskey", "--appskey", "--fopts", "--adr", "--ack", "--adrackreq", "--fpending" },
            new[] { "keys", "--appkey", "--joinnonce", "--netid", "--devnonce", "--nwkkey", "--joineui", "--deveui" },
            new[] { "airtime", "--sf", "--bw", "--size", "--cr", "--preamble", "--no-crc", "--implicit-header", "--region", "--dr", "--downlink" },
            new[] { "region", "--region" },
            new[] { "simulate", "--region", "--mac-version", "--activation", "--deveui", "--joineui", "--appkey", "--nwkkey", "--devaddr", "--nwkskey", "--appskey",
                "--fnwksintkey", "--snwksintkey", "--nwksenckey", "--minutes", "--interval-s", "--dr", "--payload-bytes", "--class", "--adr", "--seed", "--jitter-ms", "--verbose", "--realtime", "--udp", "--gateway-eui", "--certification", "--state" },
            new[] { "certify", "--region", "--mac-version", "--verbose", "--mutant", "--mutation-check", "--case" },
        };

        [TestMethod]
        public void ToolHelp_ListsEveryCommandAndVersion()
        {
            Assert.AreEqual(0, Run(out string o, out string e, "--help"), e);
            Assert.Contains("lorawan [command] [options]", o, "usage line");
            foreach (string[] c in CommandOptions) Assert.Contains("  " + c[0] + " ", o, "command " + c[0]);
            Assert.Contains("--version", o, "--version listed");
            Assert.AreEqual(0, Run(out string o2, out _, "help"), "'help' as a command");
            Assert.AreEqual(o, o2, "same text");
        }

        [TestMethod]
        public void NoArguments_PrintsHelpAndExits2()
        {
            Assert.AreEqual(2, Run(out string o, out _), "nothing to do is an error");
            Assert.Contains("Commands:", o, "help on stdout");
        }

        [TestMethod]
        public void EveryCommandHelp_PrintsUsageWithEveryOption()
        {
            foreach (string[] c in CommandOptions)
            {
                // Was "error: --help needs a value" for simulate (issue 19).
                Assert.AreEqual(0, Run(out string o, out string e, c[0], "--help"), c[0] + " --help: " + e);
                Assert.AreEqual("", e, "nothing on stderr");
                Assert.Contains("lorawan " + c[0] + " [options]", o, c[0] + " usage");
                for (int i = 1; i < c.Length; i++) Assert.Contains(c[i] + " ", o, c[0] + " help lists " + c[i]);
                Assert.AreEqual(0, Run(out string o2, out _, "help", c[0]), "help " + c[0]);
                Assert.AreEqual(o, o2, "'help " + c[0] + "' = '" + c[0] + " --help'");
            }
        }

        [TestMethod]
        public void SimulateHelp_ShowsDefaultsAndValueNames()
        {
            Run(out string o, out _, "simulate", "--help");
            Assert.Contains("--activation <otaa|abp>", o, "choices");
            Assert.Contains("--payload-bytes <N|max>", o, "value name");
            Assert.Contains("[default: 120]", o, "interval default");
            Assert.Contains("[default: EU868]", o, "region default");
        }

        [TestMethod]
        public void Version_PrintsTheCliVersion()
        {
            Assert.AreEqual(0, Run(out string o, out string e, "--version"), e);
            string v = o.Trim();
            Assert.AreEqual(1, v.Split('\n').Length, "one line");
            Assert.IsTrue(v.Length > 0 && char.IsDigit(v[0]), "a version number: " + v);
            Assert.AreEqual(Program.Version, v, "the lorawan assembly's version");
        }

        [TestMethod]
        public void MistypedCommand_GetsASuggestion()
        {
            OneErrorLine(Run(out string o, out string e, "simulat"), o, e, "unknown command 'simulat' (did you mean 'simulate'?)");
            OneErrorLine(Run(out o, out e, "decod", "--hex", "00"), o, e, "did you mean 'decode'?");
            OneErrorLine(Run(out o, out e, "frobnicate"), o, e, "unknown command 'frobnicate'; commands: decode, encode, keys, airtime, region, simulate");
        }

        [TestMethod]
        public void MistypedOption_GetsASuggestion()
        {
            OneErrorLine(Run(out string o, out string e, "simulate", "--regoin", "EU868"), o, e, "unknown option --regoin (did you mean --region?)");
            OneErrorLine(Run(out o, out e, "airtime", "--sf", "7", "--bw", "125", "--szie", "13"), o, e, "unknown option --szie (did you mean --size?)");
        }

        [TestMethod]
        public void ParseErrors_AreOneLineInOurWords()
        {
            OneErrorLine(Run(out string o, out string e, "simulate", "--minutes"), o, e, "--minutes needs a value");
            OneErrorLine(Run(out o, out e, "simulate", "--minutes", "x"), o, e, "--minutes must be an integer, got 'x'");
            OneErrorLine(Run(out o, out e, "simulate", "--minutes", "0"), o, e, "--minutes must be 1..10080, got 0");
            OneErrorLine(Run(out o, out e, "simulate", "stray"), o, e, "unexpected argument 'stray'");
            OneErrorLine(Run(out o, out e, "simulate", "--region", "EU999"), o, e, "unknown region 'EU999'; valid regions: EU868");
            OneErrorLine(Run(out o, out e, "simulate", "--mac-version", "1.2"), o, e, "--mac-version must be 1.0.2, 1.0.3, 1.0.4 or 1.1, got '1.2'");
            OneErrorLine(Run(out o, out e, "simulate", "--state", "x.nvs"), o, e, "--state is only used with --udp");
            OneErrorLine(Run(out o, out e, "region"), o, e, "--region is required");
            OneErrorLine(Run(out o, out e, "decode", "--hex"), o, e, "--hex needs a value");
        }
    }
}
