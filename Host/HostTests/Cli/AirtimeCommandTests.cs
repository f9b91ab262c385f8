using System;
using System.IO;
using LoRaWan.Cli;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary><c>lorawan airtime</c>: JSON on stdout, one error line on stderr with exit code 2.</summary>
    [TestClass]
    public class AirtimeCommandTests
    {
        static int Run(string[] args, out string stdout, out string stderr)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = AirtimeCommand.Run(args, o, e);
            stdout = o.ToString().Trim();
            stderr = e.ToString().Trim();
            return code;
        }

        [TestMethod]
        public void ModulationParameters_GiveTheVector()
        {
            int code = Run(new[] { "--sf", "12", "--bw", "125", "--size", "13" }, out string o, out string e);
            Assert.AreEqual(0, code, e);
            Assert.AreEqual("{\"airtimeUs\": 1155072}", o, "shared/VECTORS.md: 1155.072 ms");
        }

        [TestMethod]
        public void RegionAndDataRate_GiveTheSameAnswer()
        {
            int code = Run(new[] { "--region", "EU868", "--dr", "0", "--size", "13" }, out string o, out string e);
            Assert.AreEqual(0, code, e);
            Assert.AreEqual("{\"airtimeUs\": 1155072}", o, "EU868 DR0 = SF12/125");
        }

        [TestMethod]
        public void Options_CodingRatePreambleAndCrc()
        {
            // SF7/125, 13 bytes, CR 4/5, 8 symbols, CRC: 46.336 ms. Without CRC: ceil(104/28) = 4 blocks, 28 symbols + 12.25 = 41.216 ms.
            Run(new[] { "--sf", "7", "--bw", "125", "--size", "13" }, out string withCrc, out _);
            Assert.AreEqual("{\"airtimeUs\": 46336}", withCrc, "CRC on");
            Run(new[] { "--sf", "7", "--bw", "125", "--size", "13", "--no-crc" }, out string noCrc, out _);
            Assert.AreEqual("{\"airtimeUs\": 41216}", noCrc, "CRC off");
            // CR 4/8: 8 + 5 blocks * 8 = 48 symbols + 12.25 = 61.696 ms.
            Run(new[] { "--sf", "7", "--bw", "125", "--size", "13", "--cr", "4" }, out string cr8, out _);
            Assert.AreEqual("{\"airtimeUs\": 61696}", cr8, "CR 4/8");
            // Preamble 12: 4 more symbols of 1.024 ms than the default.
            Run(new[] { "--sf", "7", "--bw", "125", "--size", "13", "--preamble", "12" }, out string pre12, out _);
            Assert.AreEqual("{\"airtimeUs\": 50432}", pre12, "preamble 12");
        }

        [TestMethod]
        public void UnknownRegion_IsOneErrorLineAndExit2()
        {
            int code = Run(new[] { "--region", "XX999", "--dr", "0", "--size", "13" }, out string o, out string e);
            Assert.AreEqual(2, code, "exit 2");
            Assert.AreEqual("", o, "nothing on stdout");
            Assert.StartsWith("error: unknown region 'XX999'", e, "names the region");
            Assert.Contains("EU868", e, "lists the valid names");
            Assert.AreEqual(1, e.Split('\n').Length, "one line");
        }

        [TestMethod]
        public void UnknownDataRate_IsAnError()
        {
            int code = Run(new[] { "--region", "EU868", "--dr", "14", "--size", "13" }, out _, out string e);
            Assert.AreEqual(2, code, "exit 2");
            Assert.StartsWith("error: DR14 is not defined in EU868", e, "clear message");
        }

        [TestMethod]
        public void FskDataRate_UsesTheGfskFormula()
        {
            // RP002 GFSK at 50 kbit/s: (5 preamble + 3 sync + 1 length + 13 payload + 2 CRC) bytes · 8 / 50000 s
            // = 24 · 160 µs = 3840 µs, the same both ways (FSK frames carry their CRC in both directions).
            Assert.AreEqual(0, Run(new[] { "--region", "EU868", "--dr", "7", "--size", "13" }, out string up, out _), "uplink");
            Assert.AreEqual("{\"airtimeUs\": 3840}", up.Trim(), "uplink air time");
            Assert.AreEqual(0, Run(new[] { "--region", "AS923-1", "--dr", "7", "--size", "13", "--downlink" }, out string down, out _), "downlink");
            Assert.AreEqual("{\"airtimeUs\": 3840}", down.Trim(), "downlink air time");
        }

        [TestMethod]
        public void DownlinkOnlyRate_NeedsDownlink()
        {
            Assert.AreEqual(2, Run(new[] { "--region", "US915", "--dr", "8", "--size", "13" }, out _, out string e), "DR8 is not an uplink rate");
            Assert.Contains("not an uplink", e, "says so");
            Assert.AreEqual(0, Run(new[] { "--region", "US915", "--dr", "8", "--size", "13", "--downlink" }, out string o, out _), "as a downlink");
            Assert.StartsWith("{\"airtimeUs\": ", o, "JSON");
        }

        [TestMethod]
        public void MissingOrBadOptions_AreErrors()
        {
            Assert.AreEqual(2, Run(new[] { "--sf", "12", "--size", "13" }, out _, out string e1), "no --bw");
            Assert.Contains("--bw", e1, "names it");
            Assert.AreEqual(2, Run(new[] { "--sf", "13", "--bw", "125", "--size", "13" }, out _, out _), "SF13");
            Assert.AreEqual(2, Run(new[] { "--sf", "7", "--bw", "125", "--size", "300" }, out _, out _), "300 bytes");
            Assert.AreEqual(2, Run(new[] { "--sf", "7", "--bw", "125", "--size", "13", "--bogus", "1" }, out _, out string e2), "unknown option");
            Assert.Contains("--bogus", e2, "names it");
        }
    }
}
