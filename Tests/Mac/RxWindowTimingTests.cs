using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>The window table of shared/VECTORS.md (LoRaMac-node's RegionCommonComputeRxWindowParameters, EU868, wake-up 1 ms).</summary>
    [TestClass]
    public class RxWindowTimingTests
    {
        [TestMethod]
        public void FskWindow_CountsBytes_AsLoRaMacNodeDoes()
        {
            // GFSK 50 kbit/s: a "symbol" is a byte, 8 / 50000 s = 160 µs (LoRaMac-node RegionCommonComputeSymbolTimeFsk).
            // 30 ms error: ceil(((2·6 − 8)·160 + 2·30000) / 160) = 60640 / 160 = 379 bytes;
            // offset with 2 ms wake-up: (4·160 − ceil(379·160 / 2) − 2000) / 1000 = (640 − 30320 − 2000) / 1000 = −31.68 → −31 ms.
            Assert.AreEqual(160L, RxWindowTiming.FskSymbolTimeMicroseconds(50000), "byte time");
            Assert.AreEqual(379, RxWindowTiming.SymbolTimeoutFor(160, 30000), "bytes to listen");
            Assert.AreEqual(-31, RxWindowTiming.WindowOffsetMillisecondsFor(160, 379, 2000), "open 31 ms early");
            Assert.AreEqual(6, RxWindowTiming.SymbolTimeoutFor(160, 0), "never fewer than MinRxSymbols");
        }

        [DataRow(7, 10, 24, -9)]
        [DataRow(7, 50, 102, -49)]
        [DataRow(12, 10, 6, 32)]
        [DataRow(12, 50, 8, -1)]
        [TestMethod]
        public void Eu868Table_MatchesLoRaMacNode(int sf, int errorMs, int expectedSymbols, int expectedOffsetMs)
        {
            int symbols = RxWindowTiming.SymbolTimeout(sf, 125000, errorMs * 1000);
            Assert.AreEqual(expectedSymbols, symbols, "symbol timeout");
            Assert.AreEqual(expectedOffsetMs, RxWindowTiming.WindowOffsetMilliseconds(sf, 125000, symbols, 1000), "window offset");
        }

        [TestMethod]
        public void SymbolTime_IsTwoToTheSfOverBandwidth()
        {
            Assert.AreEqual(1024L, RxWindowTiming.SymbolTimeMicroseconds(7, 125000));
            Assert.AreEqual(32768L, RxWindowTiming.SymbolTimeMicroseconds(12, 125000));
            Assert.AreEqual(256L, RxWindowTiming.SymbolTimeMicroseconds(7, 500000));
        }

        [TestMethod]
        public void Window_CoversThePreambleForAnyErrorUpToTheMargin()
        {
            // The property the formula exists for, checked directly: with the 8-symbol preamble starting
            // anywhere in [-error, +error] around its nominal time, the radio is listening no later than
            // 2 symbols after the earliest start (so 6 preamble symbols remain) and keeps listening until at
            // least 6 symbols after the latest start. The ms rounding of the offset may delay opening by < 1 ms.
            for (int sf = 7; sf <= 12; sf++)
            {
                for (int errorMs = 0; errorMs <= 60; errorMs += 5)
                {
                    long tsym = RxWindowTiming.SymbolTimeMicroseconds(sf, 125000);
                    long error = errorMs * 1000L;
                    int symbols = RxWindowTiming.SymbolTimeout(sf, 125000, error);
                    Assert.IsTrue(symbols < RxWindowTiming.MaxSymbolTimeout, "timeout saturated");
                    long openUs = RxWindowTiming.WindowOffsetMilliseconds(sf, 125000, symbols, 0) * 1000L;
                    long closeUs = openUs + symbols * tsym;
                    string at = " (SF" + sf.ToString() + ", error " + errorMs.ToString() + " ms)";
                    Assert.IsTrue(openUs <= -error + 2 * tsym + 999, "opens too late" + at);
                    Assert.IsTrue(closeUs >= error + 6 * tsym, "closes too early" + at);
                }
            }
        }

        [TestMethod]
        public void AdaptiveMargin_IsNotInflatedByAWindowOpenedAfterALongRx1Frame()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.DataRate = 0;
            o.AdaptTimingError = true;
            var rig = new MacTestRig(o);
            // A 112-byte frame for another DevAddr fills RX1 (SF12): RX2 then opens late by design, not by platform.
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataDown;
            f.DevAddr = 0x26011111;
            f.FCnt = 1;
            f.FPort = 1;
            var buf = new byte[255];
            f.Write(buf, 0, null, 0, 0, new byte[100], 0, 100);
            var frame = new byte[f.Length];
            System.Array.Copy(buf, frame, f.Length);
            rig.Radio.DeliverInWindow(0, frame);
            rig.Device.Send(1, new byte[] { 1 }, false, 600000);
            Assert.IsTrue(rig.Mac.EffectiveTimingErrorUs <= ClassAMac.MaxAdaptiveTimingErrorUs,
                "margin " + rig.Mac.EffectiveTimingErrorUs.ToString() + " µs");
            Assert.AreEqual(30000L, rig.Mac.EffectiveTimingErrorUs, "only the alarm-opened RX1 was measured, on time");
        }
    }
}
