using Drivers.Sx127x;
using LoRaWan.Mac;
using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// Issue 14: one lateness accumulator (min, max, sum, count) for the MAC's receive windows and the driver's
    /// TxDone, instead of two copies.
    /// </summary>
    [TestClass]
    public class LatenessStatsTests
    {
        [TestMethod]
        public void Record_KeepsMinMaxSumCount_EarlyValuesNegative_MeanTruncated()
        {
            var s = new LatenessStats();
            Assert.AreEqual(0L, s.MeanUs, "empty: mean 0");
            s.Record(40000);
            Assert.AreEqual(40000L, s.MinUs, "the first value is the minimum, whatever its sign");
            s.Record(-250);
            s.Record(7);
            Assert.AreEqual(3, s.Count);
            Assert.AreEqual(-250L, s.MinUs);
            Assert.AreEqual(40000L, s.MaxUs);
            Assert.AreEqual(39757L, s.SumUs);
            Assert.AreEqual(13252L, s.MeanUs, "39757 / 3 = 13252.3");
        }
    }
}
