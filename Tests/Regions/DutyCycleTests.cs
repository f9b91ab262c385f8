using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// Duty-cycle bookkeeping on a simulated clock: EU868 sub-band time-off (RP002-1.0.4 EU863-870 Toff),
    /// the hourly budget of each sub-band, DutyCycleReq's aggregated limit, and the LoRaWAN 1.0.4 §7
    /// Join-Request back-off.
    /// </summary>
    [TestClass]
    public class DutyCycleTests
    {
        private const ulong Second = 1000000UL;
        private const ulong Hour = 3600UL * Second;

        [TestMethod]
        public void TimeOff_IsAirTimeTimesNinetyNineAfterA1PercentFrame()
        {
            Region eu = Region.Create("EU868");
            var dc = new DutyCycleTracker(eu, 0);
            int band = eu.GetBandIndex(868100000);
            dc.RecordTransmission(band, 10 * Second, Second, false, 0);
            // Toff = TimeOnAir / 0.01 - TimeOnAir = 99 s after the frame ended at 11 s.
            Assert.AreEqual(99 * Second, dc.GetBandWaitUs(band, 11 * Second, Second), "99 s of time-off");
            Assert.AreEqual(0UL, dc.GetBandWaitUs(band, 110 * Second, Second), "free again after 110 s");
            int other = eu.GetBandIndex(869525000);
            Assert.AreEqual(0UL, dc.GetBandWaitUs(other, 11 * Second, Second), "other sub-bands are not affected");
        }

        [TestMethod]
        public void Eu868_BackToBackForAnHour_NeverExceeds36SecondsPerOnePercentBand()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            // TTN's EU868 CFList: 867.1..867.9 MHz, in the 865-868 MHz 1 % sub-band; defaults are in 868.0-868.6 1 %.
            Assert.IsTrue(eu.ApplyCfList(plan, new byte[] { 0x18, 0x4F, 0x84, 0xE8, 0x56, 0x84, 0xB8, 0x5E, 0x84, 0x88, 0x66, 0x84, 0x58, 0x6E, 0x84, 0x00 }, 0), "CFList");
            // And one channel in the 869.4-869.65 MHz 10 % sub-band.
            Assert.AreEqual(3, eu.ApplyNewChannel(plan, 8, 869525000, 0, 5), "NewChannelReq 869.525 MHz");

            var dc = new DutyCycleTracker(eu, 0);
            var random = new XorShiftRandom(42);
            ulong air = eu.GetAirTimeUs(0, 13, true); // SF12: 1.155 s per frame
            int bands = eu.BandCount;
            ulong[] perBand = new ulong[bands];
            ulong[] starts = new ulong[800];
            int[] startBand = new int[800];
            int sent = 0;
            ulong t = 0;
            while (t < 2 * Hour && sent < starts.Length)
            {
                ulong wait;
                int ch = eu.SelectChannel(plan, 0, false, t, air, dc, random, out wait);
                if (ch < 0)
                {
                    Assert.IsTrue(wait > 0 && wait != ulong.MaxValue, "a busy plan says how long to wait");
                    t += wait;
                    continue;
                }
                int band = plan.GetBand(ch);
                if (t < Hour) perBand[band] += air;
                starts[sent] = t;
                startBand[sent] = band;
                sent++;
                dc.RecordTransmission(plan, ch, t, air, false);
                t += air;
            }

            for (int b = 0; b < bands; b++)
            {
                ulong budget = Hour / (ulong)eu.GetBandDutyCycleDivisor(b);
                Assert.IsTrue(perBand[b] <= budget, eu.GetBandName(b) + ": " + perBand[b].ToString() + " us in the first hour");
            }
            for (int b = 0; b < bands; b++)
                if (perBand[b] > 0) OutputHelper.WriteLine(eu.GetBandName(b) + ": " + perBand[b].ToString() + " us of air time in the first hour");
            int g = eu.GetBandIndex(867100000);
            int g1 = eu.GetBandIndex(868100000);
            int g3 = eu.GetBandIndex(869525000);
            Assert.IsTrue(perBand[g] <= 36 * Second && perBand[g] > 34 * Second, "865-868 MHz used up to its 36 s");
            Assert.IsTrue(perBand[g1] <= 36 * Second && perBand[g1] > 34 * Second, "868.0-868.6 MHz used up to its 36 s");
            Assert.IsTrue(perBand[g3] <= 360 * Second && perBand[g3] > 350 * Second, "869.4-869.65 MHz used up to its 360 s");

            // Every one-hour window starting at a frame, over two hours, holds at most the budget.
            for (int i = 0; i < sent; i++)
            {
                ulong inWindow = 0;
                for (int j = i; j < sent && starts[j] < starts[i] + Hour; j++)
                    if (startBand[j] == startBand[i]) inWindow += air;
                ulong budget = Hour / (ulong)eu.GetBandDutyCycleDivisor(startBand[i]);
                Assert.IsTrue(inWindow <= budget, "sliding hour from frame " + i.ToString());
            }
        }

        [TestMethod]
        public void SelectChannel_WhenEveryBandIsBusy_ReturnsTheWaitForTheEarliest()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            var dc = new DutyCycleTracker(eu, 0);
            dc.RecordTransmission(plan, 0, 0, 2 * Second, false);
            ulong wait;
            int ch = eu.SelectChannel(plan, 5, false, 2 * Second, 50000, dc, new XorShiftRandom(1), out wait);
            Assert.AreEqual(-1, ch, "all three default channels share the 868.0-868.6 MHz sub-band");
            Assert.AreEqual(198 * Second, wait, "2 s frame at 1 %: free 200 s after it started");
            Assert.AreEqual(198 * Second, eu.GetWaitUs(plan, 5, false, 2 * Second, 50000, dc), "GetWaitUs agrees");
        }

        [TestMethod]
        public void DutyCycleReq_AggregatedLimitAppliesAcrossBands()
        {
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            plan.MaxDutyCycle = 7; // 1/128
            var dc = new DutyCycleTracker(us, 0);
            ulong air = 100000;
            dc.RecordTransmission(plan, 3, 0, air, false);
            Assert.AreEqual(128 * air - air, dc.GetAggregatedWaitUs(air), "Toff = air * 2^7 - air after the frame");
            ulong wait;
            Assert.AreEqual(-1, us.SelectChannel(plan, 0, false, air, air, dc, new XorShiftRandom(3), out wait), "no channel while aggregated-off");
            Assert.AreEqual(127 * air, wait, "wait until the aggregated time-off ends");
            Assert.IsTrue(us.SelectChannel(plan, 0, false, 128 * air, air, dc, new XorShiftRandom(3), out wait) >= 0, "then any channel");

            plan.MaxDutyCycle = 0;
            dc.RecordTransmission(plan, 3, 200 * air, air, false);
            Assert.AreEqual(0UL, dc.GetAggregatedWaitUs(201 * air), "MaxDCycle 0: no aggregated limit");
        }

        [TestMethod]
        public void JoinBackoff_Over24Hours_MatchesLoRaWan104Section7()
        {
            // Back-to-back Join-Requests for 24 h with only the join back-off active (sub-band limits off).
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            var dc = new DutyCycleTracker(eu, 0);
            dc.Enabled = false;
            var random = new XorShiftRandom(7);
            ulong air = eu.GetAirTimeUs(0, 23, true); // a Join-Request at SF12: 1.48 s
            ulong firstHour = 0, nextTen = 0, after = 0;
            ulong t = 0;
            int guard = 0;
            while (t < 24 * Hour && guard++ < 10000)
            {
                ulong wait;
                int ch = eu.SelectChannel(plan, 0, true, t, air, dc, random, out wait);
                if (ch < 0)
                {
                    Assert.IsTrue(wait > 0 && wait != ulong.MaxValue, "the back-off says how long to wait");
                    t += wait;
                    continue;
                }
                Assert.IsTrue(ch < 3, "Join-Requests use the default channels");
                if (t < Hour) firstHour += air;
                else if (t < 11 * Hour) nextTen += air;
                else after += air;
                dc.RecordTransmission(plan, ch, t, air, true);
                t += air;
            }
            OutputHelper.WriteLine("join air time: first hour " + firstHour.ToString() + " us, hours 1-11 " + nextTen.ToString() + " us, hours 11-24 " + after.ToString() + " us");
            // LoRaWAN 1.0.4 §7: < 36 s in the first hour, < 36 s in the next 10 hours, < 8.7 s per 24 h after.
            Assert.IsTrue(firstHour <= 36 * Second && firstHour > 36 * Second - air, "first hour: " + firstHour.ToString());
            Assert.IsTrue(nextTen <= 36 * Second && nextTen > 36 * Second - air, "hours 1-11: " + nextTen.ToString());
            Assert.IsTrue(after <= 8700000UL && after > 8700000UL - air, "hours 11-24: " + after.ToString());
        }

        [TestMethod]
        public void JoinBackoff_WindowsAndCredits()
        {
            var b = new JoinBackoff(5 * Second);
            Assert.AreEqual(0, b.GetWindow(5 * Second), "T0 opens window 0");
            Assert.AreEqual(1, b.GetWindow(5 * Second + Hour), "T0 + 1 h");
            Assert.AreEqual(2, b.GetWindow(5 * Second + 11 * Hour), "T0 + 11 h");
            Assert.AreEqual(3, b.GetWindow(5 * Second + 35 * Hour), "T0 + 35 h");
            Assert.AreEqual(36 * Second, b.GetRemainingCreditUs(5 * Second), "36 s at first");
            b.Record(5 * Second, 30 * Second);
            Assert.AreEqual(6 * Second, b.GetRemainingCreditUs(40 * Second), "36 - 30 s left");
            Assert.AreEqual(0UL, b.GetWaitUs(40 * Second, 6 * Second), "6 s still fits");
            Assert.AreEqual(Hour - 35 * Second, b.GetWaitUs(40 * Second, 7 * Second), "7 s waits for the next window");
            Assert.AreEqual(36 * Second, b.GetRemainingCreditUs(5 * Second + 2 * Hour), "fresh 36 s in hours 1-11");
            Assert.AreEqual(8700000UL, b.GetRemainingCreditUs(5 * Second + 12 * Hour), "8.7 s per day after 11 h");
        }

        [TestMethod]
        public void JoinBackoff_FrameCrossingAWindowEnd_IsChargedToBoth()
        {
            var b = new JoinBackoff(0);
            b.Record(Hour - Second, 3 * Second);
            Assert.AreEqual(2 * Second, b.GetUsedUs(1), "the 2 s past the hour count in window 1 too");
            Assert.AreEqual(34 * Second, b.GetRemainingCreditUs(Hour + 10 * Second), "window 1 starts with 34 s");
        }
    }
}
