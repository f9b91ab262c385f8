using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary><see cref="Region.Create(string)"/>: exactly the RP002 names this stack implements.</summary>
    [TestClass]
    public class RegionFactoryTests
    {
        [TestMethod]
        public void Create_AcceptsEveryImplementedRegion()
        {
            string[] names = { "EU868", "US915", "AU915", "AS923-1", "AS923-2", "AS923-3", "AS923-4", "IN865", "KR920",
                "EU433", "CN779", "RU864", "CN470-RP1", "CN470-20A", "CN470-20B", "CN470-26A", "CN470-26B" };
            for (int i = 0; i < names.Length; i++)
            {
                Region r = Region.Create(names[i]);
                Assert.AreEqual(names[i], r.Name, "name");
                Assert.AreEqual(i + 1, (int)r.Id, names[i] + ": persisted id never renumbered");
                Assert.AreEqual((int)r.Id, (int)Region.Create(r.Id).Id, "by id");
                Assert.IsTrue(Region.ValidNames.IndexOf(names[i]) >= 0, names[i] + " listed in ValidNames");
            }
            Assert.IsTrue(Region.Create("CN470-26A").IsFixedChannelPlan, "CN470 fixed");
            Assert.IsFalse(Region.Create("RU864").IsFixedChannelPlan, "RU864 dynamic");
            Assert.IsTrue(Region.Create("US915").IsFixedChannelPlan, "US915 fixed");
            Assert.IsTrue(Region.Create("AU915").IsFixedChannelPlan, "AU915 fixed");
            Assert.IsFalse(Region.Create("KR920").IsFixedChannelPlan, "KR920 dynamic");
            Assert.AreEqual("EU868", Region.Create("eu868").Name, "case-insensitive");
        }

        [TestMethod]
        public void Create_UnknownName_ListsTheValidOnes()
        {
            try
            {
                Region.Create("CN470");
                Assert.IsTrue(false, "CN470 is not implemented");
            }
            catch (ArgumentException e)
            {
                Assert.Contains("CN470", e.Message, "names the bad value");
                Assert.Contains("EU868, US915, AU915, AS923-1, AS923-2, AS923-3, AS923-4, IN865, KR920", e.Message, "lists the valid names");
            }
            Assert.ThrowsException(typeof(ArgumentException), () => Region.Create("AS923"));
            Assert.ThrowsException(typeof(ArgumentException), () => Region.Create(null));
        }

        [TestMethod]
        public void Fsk_IsSupported_LrFhss_IsDefinedButUnsupported()
        {
            Region eu = Region.Create("EU868");
            Assert.IsTrue(eu.IsDataRateDefined(7), "DR7 defined");
            Assert.IsTrue(eu.IsDataRateSupported(7), "FSK is supported");
            Assert.AreEqual(50000, eu.GetFskBitRate(7), "50 kbit/s");
            Assert.IsFalse(eu.IsDataRateSupported(8), "LR-FHSS is not");
            eu.EnsureDataRateSupported(7);
            Assert.ThrowsException(typeof(NotSupportedException), () => eu.EnsureDataRateSupported(9));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => eu.EnsureDataRateSupported(14));
        }
    }
}
