using System;
using System.IO;
using System.Text.Json;
using LoRaWan.Cli;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary><c>lorawan region</c>: the tables as JSON; values checked against RP002-1.0.4 numbers.</summary>
    [TestClass]
    public class RegionCommandTests
    {
        static JsonElement RunOk(string region)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = RegionCommand.Run(new[] { "--region", region }, o, e);
            Assert.AreEqual(0, code, e.ToString());
            return JsonDocument.Parse(o.ToString()).RootElement;
        }

        [TestMethod]
        public void Eu868_DataRatesRx2ChannelsEirpAndRx1()
        {
            JsonElement j = RunOk("EU868");
            JsonElement dr0 = j.GetProperty("dataRates")[0];
            Assert.AreEqual("{\"dr\": 0, \"sf\": 12, \"bwKhz\": 125, \"maxMacPayload\": 59, \"maxAppPayload\": 51}", dr0.GetRawText(), "DR0 as documented");
            JsonElement dr6 = j.GetProperty("dataRates")[6];
            Assert.AreEqual(250, dr6.GetProperty("bwKhz").GetInt32(), "DR6 SF7/250");
            JsonElement dr7 = j.GetProperty("dataRates")[7];
            Assert.AreEqual("FSK", dr7.GetProperty("modulation").GetString(), "DR7 FSK");
            Assert.AreEqual(50000, dr7.GetProperty("bitRate").GetInt32(), "DR7 50 kbit/s");
            Assert.IsFalse(dr7.TryGetProperty("supported", out _), "FSK is supported (no \"supported\": false)");
            Assert.AreEqual(869525000, j.GetProperty("rx2").GetProperty("frequencyHz").GetInt32(), "RX2 frequency");
            Assert.AreEqual(0, j.GetProperty("rx2").GetProperty("dr").GetInt32(), "RX2 DR");
            Assert.AreEqual("[868100000, 868300000, 868500000]", j.GetProperty("defaultChannelsHz").GetRawText(), "default channels");
            Assert.AreEqual(16, j.GetProperty("maxEirpDbm").GetInt32(), "max EIRP");
            Assert.AreEqual("[5, 4, 3, 2, 1, 0]", j.GetProperty("rx1DataRate")[5].GetRawText(), "RX1 for DR5, offsets 0..5");
        }

        [TestMethod]
        public void Us915_ListsDownlinkOnlyRatesAndFourOffsets()
        {
            JsonElement j = RunOk("US915");
            JsonElement rates = j.GetProperty("dataRates");
            bool sawDr8 = false, sawDr13 = false;
            foreach (JsonElement r in rates.EnumerateArray())
            {
                int dr = r.GetProperty("dr").GetInt32();
                if (dr == 8)
                {
                    sawDr8 = true;
                    Assert.AreEqual(12, r.GetProperty("sf").GetInt32(), "DR8 SF12");
                    Assert.AreEqual(500, r.GetProperty("bwKhz").GetInt32(), "DR8 500 kHz");
                    Assert.IsTrue(r.GetProperty("downlinkOnly").GetBoolean(), "downlink only");
                }
                if (dr == 13) sawDr13 = true;
            }
            Assert.IsTrue(sawDr8 && sawDr13, "DR8..DR13 listed");
            Assert.AreEqual("[10, 9, 8, 8]", j.GetProperty("rx1DataRate")[0].GetRawText(), "DR0 -> DR10/9/8/8");
            Assert.AreEqual("[13, 13, 12, 11]", j.GetProperty("rx1DataRate")[4].GetRawText(), "DR4 -> DR13/13/12/11");
            Assert.AreEqual(72, j.GetProperty("defaultChannelsHz").GetArrayLength(), "72 channels");
            Assert.AreEqual(923300000, j.GetProperty("rx2").GetProperty("frequencyHz").GetInt32(), "RX2 923.3 MHz");
            Assert.AreEqual(8, j.GetProperty("rx2").GetProperty("dr").GetInt32(), "RX2 DR8");
            Assert.AreEqual(30, j.GetProperty("maxEirpDbm").GetInt32(), "30 dBm");
        }

        [TestMethod]
        public void ListenBeforeTalk_KoreaAlways_JapanParametersInAs923_NoneInEu868()
        {
            JsonElement kr = RunOk("KR920");
            Assert.IsTrue(kr.GetProperty("listenBeforeTalk").GetBoolean(), "KR920 senses by default");
            Assert.AreEqual("{\"senseTimeUs\": 6000, \"thresholdDbm\": -65, \"bandwidthHz\": 200000}", kr.GetProperty("carrierSense").GetRawText(), "LoRaMac-node KR920");
            JsonElement jp = RunOk("AS923-1");
            Assert.IsFalse(jp.GetProperty("listenBeforeTalk").GetBoolean(), "AS923: only in Japan, by option");
            Assert.AreEqual("{\"senseTimeUs\": 5000, \"thresholdDbm\": -80, \"bandwidthHz\": 200000}", jp.GetProperty("carrierSense").GetRawText(), "ARIB STD-T108");
            Assert.AreEqual(JsonValueKind.Null, RunOk("EU868").GetProperty("carrierSense").ValueKind, "EU868: none");
        }

        [TestMethod]
        public void EveryRegion_ProducesValidJson()
        {
            foreach (string name in new[] { "EU868", "US915", "AU915", "AS923-1", "AS923-2", "AS923-3", "AS923-4", "IN865", "KR920",
                "RU864", "EU433", "CN779", "CN470-20A", "CN470-20B", "CN470-26A", "CN470-26B", "CN470-RP1" })
                Assert.AreEqual(name, RunOk(name).GetProperty("region").GetString(), name);
        }

        [TestMethod]
        public void UnknownRegion_IsOneErrorLineAndExit2()
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = RegionCommand.Run(new[] { "--region", "XX999" }, o, e);
            Assert.AreEqual(2, code, "exit 2");
            Assert.AreEqual("", o.ToString(), "nothing on stdout");
            string err = e.ToString().TrimEnd();
            Assert.StartsWith("error: unknown region 'XX999'; valid regions: EU868, US915", err, "message");
            Assert.AreEqual(1, err.Split('\n').Length, "one line");
        }
    }
}
