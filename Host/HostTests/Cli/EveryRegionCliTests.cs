using System.IO;
using LoRaWan.Cli;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// <c>lorawan simulate --region R</c> and <c>lorawan airtime --region R</c> in every region the catalog
    /// knows: the names reach the CLI through the region lookup alone.
    /// </summary>
    [TestClass]
    public class EveryRegionCliTests
    {
        [DataRow("EU868")]
        [DataRow("US915")]
        [DataRow("AU915")]
        [DataRow("AS923-1")]
        [DataRow("AS923-2")]
        [DataRow("AS923-3")]
        [DataRow("AS923-4")]
        [DataRow("IN865")]
        [DataRow("KR920")]
        [DataRow("RU864")]
        [DataRow("EU433")]
        [DataRow("CN779")]
        [DataRow("CN470-20A")]
        [DataRow("CN470-20B")]
        [DataRow("CN470-26A")]
        [DataRow("CN470-26B")]
        [DataRow("CN470-RP1")]
        [TestMethod]
        public void SimulateWithAdr_JoinsDeliversAndAnswersRight(string region)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            // --adr: the simulated network also asks LinkADRReq (with this plan's ChMaskCntl) and checks the answers.
            int code = SimulateCommand.Run(new[] { "--region", region, "--minutes", "60", "--adr" }, o, e);
            string output = o.ToString();
            Assert.AreEqual(0, code, region + ": " + e.ToString() + output);
            Assert.Contains("joined                 yes", output, region + " joined");
            Assert.Contains(" 0 wrong, 0 missing", output, region + " every MAC answer right");
            Assert.IsFalse(output.Contains("MAC commands           0 requests"), region + ": the network asked something (LinkADRReq)");
        }

        [TestMethod]
        public void Airtime_NewRegions()
        {
            // SF12/125 kHz, 13 bytes: 1155.072 ms (shared/VECTORS.md) in every region whose DR0 is SF12/125 kHz.
            foreach (string region in new[] { "RU864", "EU433", "CN779", "CN470-RP1" })
                Assert.AreEqual("{\"airtimeUs\": 1155072}", Airtime(region, "0", "13"), region + " DR0");
            // CN470 RP002 DR0 is SF12 too (listed, not usable for uplinks; air time is still defined).
            Assert.AreEqual("{\"airtimeUs\": 1155072}", Airtime("CN470-20A", "0", "13"), "CN470-20A DR0");
        }

        static string Airtime(string region, string dr, string size)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = AirtimeCommand.Run(new[] { "--region", region, "--dr", dr, "--size", size }, o, e);
            Assert.AreEqual(0, code, region + ": " + e.ToString());
            return o.ToString().Trim();
        }
    }
}
