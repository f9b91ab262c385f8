using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>The "datr" identifier of PROTOCOL.TXT (e.g. SF12BW500) and the EUI text.</summary>
    [TestClass]
    public class DataRateTextTests
    {
        [TestMethod]
        [DataRow("SF7BW125", 7, 125000)]
        [DataRow("SF12BW500", 12, 500000)]
        [DataRow("SF9BW250", 9, 250000)]
        public void Parse_Valid(string text, int sf, int bw)
        {
            Assert.IsTrue(DataRateText.TryParse(text, out int s, out int b), text);
            Assert.AreEqual(sf, s);
            Assert.AreEqual(bw, b);
            Assert.AreEqual(text, DataRateText.Format(sf, bw));
        }

        [TestMethod]
        [DataRow("SF13BW125")]
        [DataRow("SF7BW124")]
        [DataRow("SF7")]
        [DataRow("sf7bw125")]
        [DataRow("SFxBW125")]
        [DataRow("")]
        public void Parse_Invalid(string text)
        {
            Assert.IsFalse(DataRateText.TryParse(text, out _, out _), text);
        }

        [TestMethod]
        public void Eui_ParsesWithSeparators()
        {
            Assert.AreEqual(0xAA555A0000000101UL, SemtechUdp.ParseEui("AA555A0000000101"));
            Assert.AreEqual(0xAA555A0000000101UL, SemtechUdp.ParseEui("aa-55-5a-00-00-00-01-01"));
            Assert.ThrowsException(typeof(System.FormatException), () => SemtechUdp.ParseEui("AA555A00000001"));
        }
    }
}
