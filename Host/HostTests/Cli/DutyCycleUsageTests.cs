using System.IO;
using LoRaWan.Cli.Simulate;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// The simulate summary's duty-cycle figures from a log of transmissions: hand-computed air time per sub-band in the
    /// sliding last hour and in full clock hours, as a percentage of the ETSI allowance (1 % = 36 s/h, 10 % = 360 s/h).
    /// </summary>
    [TestClass]
    public class DutyCycleUsageTests
    {
        const ulong S = 1000000;

        static DutyCycleUsage Log(out Region region)
        {
            region = Region.Create("EU868");
            var u = new DutyCycleUsage(region, f => true);
            u.Add(3599 * S + S / 2, 1 * S, 868100000);        // g1: 0.5 s in hour 1, 0.5 s in hour 2
            u.Add(5000 * S, 17 * S + S / 2, 868300000);       // g1: 17.5 s in hour 2
            u.Add(4000 * S, 36 * S, 869525000);               // g3 (10 %): 36 s in hour 2
            return u;
        }

        static void Near(double expected, double actual, string what) =>
            Assert.IsTrue(System.Math.Abs(expected - actual) < 1e-9, $"{what}: expected {expected}, got {actual}");

        [TestMethod]
        public void HoursAndLastHour_CountTheAirTimeInside()
        {
            DutyCycleUsage u = Log(out Region eu);
            int g1 = eu.GetBandIndex(868100000), g3 = eu.GetBandIndex(869525000);
            Assert.AreEqual(36 * S, u.AllowanceUs(g1), "1 % of an hour");
            Assert.AreEqual(360 * S, u.AllowanceUs(g3), "10 % of an hour");
            Near(0.5 / 36 * 100, u.HourPercent(g1, 1), "hour 1: 0.5 s of 36 s");
            Near(18.0 / 36 * 100, u.HourPercent(g1, 2), "hour 2: 0.5 + 17.5 s");
            Near(50.0, u.LastHourPercent(g1, 7200 * S), "last hour at 2 h");
            Near(1.0 / 36 * 100, u.LastHourPercent(g1, 4000 * S), "window 400..4000 s holds the first frame");
            Near(10.0, u.HourPercent(g3, 2), "36 s of 360 s");
            Near(0.0, u.HourPercent(g1, 3), "nothing in hour 3");
        }

        [TestMethod]
        public void Summary_ListsEachUsedBandWithItsHours()
        {
            DutyCycleUsage u = Log(out _);
            var w = new StringWriter();
            u.WriteSummary(w, 7200 * S);
            string[] lines = w.ToString().TrimEnd().Split('\n');
            Assert.AreEqual(2, lines.Length, "g1 and g3 used: " + w);
            Assert.Contains("band g1 868.0-868.6 MHz 1%: last hour 18.0 s of 36.0 s allowed (50.0 %); full hours 1-2: 1.4 % 50.0 %", lines[0]);
            Assert.Contains("last hour 36.0 s of 360.0 s allowed (10.0 %); full hours 1-2: 0.0 % 10.0 %", lines[1]);
        }

        [TestMethod]
        public void RegionWithoutDutyCycle_ShowsAirTimeOnly()
        {
            Region us = Region.Create("US915");
            var u = new DutyCycleUsage(us, f => true);
            u.Add(10 * S, 2 * S, 902300000);
            var w = new StringWriter();
            u.WriteSummary(w, 100 * S);
            Assert.Contains("2.0 s on air in the last hour (US915 sets no duty cycle here)", w.ToString());
        }
    }
}
