using System;
using LoRaWan.Radio;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// Time on air against the shared vector (brocaar/lorawan airtime tests: 13 bytes SF12/125 = 1155.072 ms)
    /// and against the Semtech formula evaluated here independently, in floating point, from the datasheet
    /// text (not by calling the code under test).
    /// </summary>
    [TestClass]
    public class AirTimeTests
    {
        [TestMethod]
        public void Vector_13Bytes_Sf12_125kHz_Is1155072Us()
        {
            Assert.AreEqual(1155072UL, AirTime.LoRaWanFrameUs(12, 125000, 13, true), "shared/VECTORS.md");
            Assert.AreEqual(1155072UL, Region.Create("EU868").GetAirTimeUs(0, 13, true), "EU868 DR0");
            Assert.AreEqual(32768UL, AirTime.SymbolTimeUs(12, 125000), "Tsym 32.768 ms");
        }

        [TestMethod]
        public void OneRegion_QueriesThatDifferInOneKey_EachGetItsOwnAirTime()
        {
            // Region.GetAirTimeUs keeps its last answer: a query differing only in the data rate, the length or the direction
            // must not get it. Values: shared/VECTORS.md (SF12/125 13 bytes), Sf7_13Bytes_Is46336Us, the GFSK test below, and
            // the independent formula for US915 DR8 (SF12/500) 32 bytes without and with CRC.
            Region eu = Region.Create("EU868");
            Assert.AreEqual(1155072UL, eu.GetAirTimeUs(0, 13, true), "DR0 13 bytes");
            Assert.AreEqual(1155072UL, eu.GetAirTimeUs(0, 13, true), "the same again");
            Assert.AreEqual(46336UL, eu.GetAirTimeUs(5, 13, true), "DR5 13 bytes: another data rate");
            Assert.AreEqual(1155072UL, eu.GetAirTimeUs(0, 13, true), "DR0 13 bytes after DR5");
            Assert.AreEqual(3840UL, eu.GetAirTimeUs(7, 13, true), "DR7 13 bytes");
            Assert.AreEqual(1760UL, eu.GetAirTimeUs(7, 0, true), "DR7 0 bytes: another length");
            Assert.AreEqual(42560UL, eu.GetAirTimeUs(7, 255, true), "DR7 255 bytes");
            Region us = Region.Create("US915");
            ulong down = (ulong)(ReferenceAirTimeMs(12, 500, 32, 1, 8, false, true, false) * 1000.0 + 0.5);
            ulong up = (ulong)(ReferenceAirTimeMs(12, 500, 32, 1, 8, true, true, false) * 1000.0 + 0.5);
            Assert.IsTrue(down != up, "the two directions differ at 32 bytes");
            Assert.AreEqual(down, us.GetAirTimeUs(8, 32, false), "US915 DR8 32 bytes down");
            Assert.AreEqual(up, us.GetAirTimeUs(8, 32, true), "the same up: another direction");
            Assert.AreEqual(down, us.GetAirTimeUs(8, 32, false), "down again");
            Assert.ThrowsException(typeof(NotSupportedException), () => eu.GetAirTimeUs(8, 13, true));
            Assert.ThrowsException(typeof(NotSupportedException), () => eu.GetAirTimeUs(8, 13, true));
        }

        [TestMethod]
        public void Sf7_13Bytes_Is46336Us()
        {
            // 33 symbols + 12.25 preamble symbols of 1.024 ms.
            Assert.AreEqual(46336UL, AirTime.LoRaWanFrameUs(7, 125000, 13, true), "SF7/125 13 bytes");
        }

        // sf, bandwidth kHz, payload bytes, CR (1..4), preamble, CRC, explicit header
        [DataRow(7, 125, 51, 1, 8, true, true)]
        [DataRow(8, 125, 51, 1, 8, true, true)]
        [DataRow(9, 125, 51, 1, 8, true, true)]
        [DataRow(10, 125, 51, 1, 8, true, true)]
        [DataRow(11, 125, 51, 1, 8, true, true)]
        [DataRow(12, 125, 51, 1, 8, true, true)]
        [DataRow(7, 250, 222, 1, 8, true, true)]
        [DataRow(12, 250, 20, 1, 8, true, true)]
        [DataRow(8, 500, 20, 1, 8, true, true)]
        [DataRow(12, 500, 33, 1, 8, false, true)]
        [DataRow(10, 125, 23, 4, 8, true, true)]
        [DataRow(9, 125, 100, 2, 12, true, true)]
        [DataRow(7, 125, 0, 1, 8, true, true)]
        [DataRow(11, 125, 255, 3, 8, false, true)]
        [DataRow(8, 125, 10, 1, 8, true, false)]
        [TestMethod]
        public void MatchesIndependentFloatingPointFormula(int sf, int bwKhz, int size, int cr, int preamble, bool crc, bool explicitHeader)
        {
            bool ldro = ReferenceSymbolMs(sf, bwKhz) >= 16.0;
            double expectedMs = ReferenceAirTimeMs(sf, bwKhz, size, cr, preamble, crc, explicitHeader, ldro);
            ulong expectedUs = (ulong)(expectedMs * 1000.0 + 0.5);
            ulong actual = AirTime.LoRaUs(sf, bwKhz * 1000, size, cr, preamble, explicitHeader, crc, AirTime.IsLowDataRateOptimizeRequired(sf, bwKhz * 1000));
            Assert.AreEqual(expectedUs, actual, "SF" + sf.ToString() + "/" + bwKhz.ToString() + " " + size.ToString() + " bytes");
        }

        [TestMethod]
        public void LowDataRateOptimize_StartsAtSixteenMillisecondSymbols()
        {
            Assert.IsTrue(AirTime.IsLowDataRateOptimizeRequired(11, 125000), "SF11/125: 16.384 ms");
            Assert.IsTrue(AirTime.IsLowDataRateOptimizeRequired(12, 250000), "SF12/250: 16.384 ms");
            Assert.IsFalse(AirTime.IsLowDataRateOptimizeRequired(10, 125000), "SF10/125: 8.192 ms");
            Assert.IsFalse(AirTime.IsLowDataRateOptimizeRequired(12, 500000), "SF12/500: 8.192 ms");
        }

        [TestMethod]
        public void DownlinksHaveNoCrc()
        {
            Region us = Region.Create("US915");
            ulong up = AirTime.LoRaWanFrameUs(12, 500000, 32, true);
            ulong down = us.GetAirTimeUs(8, 32, false);
            Assert.IsTrue(down < up, "no payload CRC on downlinks: one symbol block less at 32 bytes");
            Assert.AreEqual((ulong)(ReferenceAirTimeMs(12, 500, 32, 1, 8, false, true, false) * 1000.0 + 0.5), down, "US915 DR8 downlink");
        }

        [TestMethod]
        public void FskDataRate_FollowsTheGfskFormula()
        {
            // RP002-1.0.4 GFSK: (5 preamble + 3 sync word + 1 length + PHYPayload + 2 CRC) bytes, 8 bits each, at
            // 50 kbit/s = 20 µs a bit, 160 µs a byte. Values worked out by hand:
            //   13 bytes: 24 bytes · 160 µs = 3840 µs;  0 bytes: 11 · 160 = 1760 µs;  255 bytes: 266 · 160 = 42560 µs.
            Region eu = Region.Create("EU868");
            Assert.AreEqual(3840UL, eu.GetAirTimeUs(7, 13, true), "EU868 DR7, 13 bytes up");
            Assert.AreEqual(3840UL, eu.GetAirTimeUs(7, 13, false), "down: FSK frames carry the CRC both ways");
            Assert.AreEqual(1760UL, eu.GetAirTimeUs(7, 0, true), "empty payload");
            Assert.AreEqual(42560UL, eu.GetAirTimeUs(7, 255, true), "255 bytes");
            Assert.AreEqual(3840UL, Region.Create("AS923-1").GetAirTimeUs(7, 13, true), "AS923-1 DR7");
            Assert.AreEqual(42560UL, AirTime.LoRaWanFskFrameUs(50000, 255), "LoRaWanFskFrameUs");
            // The general formula, rounded up: 8 bits at 9600 bit/s = 833.3 µs → 834; 9 bytes at 4800 bit/s = 15 ms.
            Assert.AreEqual(834UL, AirTime.FskUs(9600, 1, 0, 0, false, false), "rounded up");
            Assert.AreEqual(15000UL, AirTime.FskUs(4800, 1, 5, 3, false, false), "no length byte, no CRC");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AirTime.FskUs(0, 1, 5, 3, true, true));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AirTime.FskUs(50000, 256, 5, 3, true, true));
        }

        [TestMethod]
        public void LrFhssDataRate_IsRejectedWithAClearError()
        {
            Region eu = Region.Create("EU868");
            try
            {
                eu.GetAirTimeUs(8, 13, true);
                Assert.IsTrue(false, "LR-FHSS must not be computed as LoRa");
            }
            catch (NotSupportedException e)
            {
                Assert.Contains("LR-FHSS", e.Message, "the error names LR-FHSS");
                Assert.Contains("DR8", e.Message, "the error names the DR");
            }
        }

        [TestMethod]
        public void RejectsImpossibleParameters()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AirTime.LoRaUs(13, 125000, 10, 1, 8, true, true, false));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AirTime.LoRaUs(7, 125000, 256, 1, 8, true, true, false));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AirTime.LoRaUs(7, 125000, 10, 5, 8, true, true, false));
        }

        // ------------------------------------------------------------------ the reference formula
        // SX1276 datasheet §4.1.1.7: Tsym = 2^SF / BW; Tpreamble = (n + 4.25) Tsym;
        // payloadSymbNb = 8 + max(ceil((8PL - 4SF + 28 + 16CRC - 20IH) / (4(SF - 2DE))) (CR + 4), 0).

        private static double ReferenceSymbolMs(int sf, int bwKhz)
        {
            double chips = 1.0;
            for (int i = 0; i < sf; i++) chips *= 2.0;
            return chips / bwKhz;
        }

        private static double ReferenceAirTimeMs(int sf, int bwKhz, int pl, int cr, int preamble, bool crc, bool explicitHeader, bool ldro)
        {
            double tsym = ReferenceSymbolMs(sf, bwKhz);
            double tPreamble = (preamble + 4.25) * tsym;
            double num = 8.0 * pl - 4.0 * sf + 28.0 + (crc ? 16.0 : 0.0) - (explicitHeader ? 0.0 : 20.0);
            double den = 4.0 * (sf - (ldro ? 2.0 : 0.0));
            double blocks = Ceiling(num / den);
            if (blocks < 0) blocks = 0;
            double payloadSymbols = 8.0 + blocks * (cr + 4);
            return tPreamble + payloadSymbols * tsym;
        }

        private static double Ceiling(double x)
        {
            double t = (double)(long)x;
            return t < x ? t + 1.0 : t;
        }
    }
}
