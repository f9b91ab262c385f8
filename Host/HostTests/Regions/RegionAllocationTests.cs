using System;
using LoRaWan.Radio;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Regions
{
    /// <summary>
    /// Choosing a channel and computing air time must not allocate (DESIGN.md: no allocation per frame).
    /// Measured with the runtime's per-thread allocation counter after a warm-up pass.
    /// </summary>
    [TestClass]
    public class RegionAllocationTests
    {
        [TestMethod]
        public void SelectChannelAndAirTime_AllocateNothing_Eu868()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            eu.ApplyCfList(plan, new byte[] { 0x18, 0x4F, 0x84, 0xE8, 0x56, 0x84, 0xB8, 0x5E, 0x84, 0x88, 0x66, 0x84, 0x58, 0x6E, 0x84, 0x00 }, 0);
            var dc = new DutyCycleTracker(eu, 0);
            var random = new XorShiftRandom(1);
            long bytes = Measure(eu, plan, dc, random, true);
            OutputHelper.WriteLine("EU868: " + bytes + " bytes allocated over 2000 selections");
            Assert.AreEqual(0L, bytes, "EU868 selection, air time, wait and bookkeeping");
        }

        [TestMethod]
        public void SelectChannelAndAirTime_AllocateNothing_Us915()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            var dc = new DutyCycleTracker(us, 0);
            var random = new XorShiftRandom(2);
            long bytes = Measure(us, plan, dc, random, false);
            OutputHelper.WriteLine("US915: " + bytes + " bytes allocated over 2000 selections");
            Assert.AreEqual(0L, bytes, "US915 selection (join and data), air time and bookkeeping");
        }

        [TestMethod]
        public void DutyCycleSaturatedForHours_AllocatesNothing()
        {
            // Hours of back-to-back frames on every EU868 sub-band and under DutyCycleReq: the sliding-hour
            // accounting fills, merges and ages out its entries without allocating.
            Region eu = Region.Create("EU868");
            var dc = new DutyCycleTracker(eu, 0);
            ulong now = 0;
            SaturateAllBands(eu, dc, ref now, 2000);   // warm-up: JIT
            int frames = 0;
            long bytes = SteadyStateAllocation.Measure(null, () => frames = SaturateAllBands(eu, dc, ref now, 20000), out string note);
            OutputHelper.WriteLine("EU868 duty cycle: " + bytes + " bytes allocated over " + frames + " frames, " + (now / 3600000000UL) + " h " + note);
            Assert.AreEqual(0L, bytes, "duty-cycle waits, bookkeeping and reports");
            Assert.IsTrue(now > 5UL * 3600000000UL, "more than five simulated hours");
        }

        private static int SaturateAllBands(Region eu, DutyCycleTracker dc, ref ulong now, int n)
        {
            ulong sum = 0;
            for (int i = 0; i < n; i++)
            {
                int band = i % eu.BandCount;
                ulong air = (i & 1) == 0 ? 41216UL : 399616UL;   // SF7 13 and 255 bytes
                int maxDCycle = (i / 5000) % 2 == 0 ? 0 : 3;
                ulong wait = dc.GetWaitUs(band, now, air, false, maxDCycle);
                if (wait == ulong.MaxValue) continue;
                dc.RecordTransmission(band, now + wait, air, false, maxDCycle);
                now += wait / (ulong)eu.BandCount + air + 1000;
                sum += dc.GetBandAirTimeInLastHourUs(band, now) + dc.GetAirTimeInLastHourUs(now);
            }
            return n + (int)(sum & 0);
        }

        private static long Measure(Region region, ChannelPlan plan, DutyCycleTracker dc, IRandomSource random, bool eu)
        {
            Run(region, plan, dc, random, 200, eu); // warm-up: JIT, static tables
            long bytes = SteadyStateAllocation.Measure(null, () => Run(region, plan, dc, random, 2000, eu), out string note);
            if (note.Length > 0) OutputHelper.WriteLine(note);
            return bytes;
        }

        private static void Run(Region region, ChannelPlan plan, DutyCycleTracker dc, IRandomSource random, int n, bool eu)
        {
            ulong now = 0;
            for (int i = 0; i < n; i++)
            {
                bool join = i % 5 == 0;
                int dr = join ? region.GetJoinDataRate(plan, i, 0) : (eu ? 5 : 3);
                ulong air = region.GetAirTimeUs(dr, 13 + i % 40, true);
                ulong wait;
                int ch = region.SelectChannel(plan, dr, join, now, air, dc, random, out wait);
                if (ch < 0)
                {
                    now += wait == ulong.MaxValue ? 1000000UL : wait;
                    continue;
                }
                dc.RecordTransmission(plan, ch, now, air, join);
                now += air + region.GetWaitUs(plan, dr, false, now + air, air, dc) + AirTime.LoRaWanFrameUs(7, 125000, 20, false) / 1000;
                region.GetRx1Frequency(plan, ch);
                region.GetRx1DataRate(plan, dr, 1);
            }
        }
    }
}
