using System;
using Drivers.Sx127x;
using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// Transmission through the driver on the chip model: what appears on the air, when TxDone is reported, and
    /// the watchdog that recovers a lost TxDone. Air times are the Semtech LoRa calculator's values (datasheet
    /// §4.1.1.7 formula): 13 bytes, CR 4/5, preamble 8, explicit header, CRC on → 46.336 ms at SF7/125 kHz,
    /// 1155.072 ms at SF12/125 kHz.
    /// </summary>
    [TestClass]
    public class Sx1276TransmitTests
    {
        [TestMethod]
        public void Transmit_PutsFrameOnTheAirWithItsParametersAndAirTime()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(1, events);
            AirRecorder air = new AirRecorder();
            board.Air.AddMonitor(air);
            byte[] frame = RadioTestKit.Frame13();
            ulong start = board.Scheduler.NowMicroseconds;

            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(2000000);

            Assert.AreEqual(1, air.Count, "frames on the air");
            Assert.AreEqual(868100000u, air.FrequencyHz, "frequency");
            Assert.AreEqual(7, air.SpreadingFactor, "SF");
            Assert.AreEqual(125000, air.BandwidthHz, "bandwidth");
            Assert.AreEqual(1, air.CodingRate, "CR 4/5");
            Assert.AreEqual(8, air.PreambleSymbols, "preamble");
            Assert.IsTrue(air.ExplicitHeader, "explicit header");
            Assert.IsTrue(air.Crc, "uplink CRC on");
            Assert.IsFalse(air.InvertIq, "uplink IQ normal");
            Assert.AreEqual((byte)0x34, air.SyncWord, "sync word");
            Assert.AreEqual(14, air.PowerDbm, "power");
            Assert.AreEqual(start, air.StartUs, "starts when the driver writes TX mode");
            Assert.AreEqual(46336UL, air.AirTimeUs, "air time SF7/125 kHz, 13 bytes");
            CollectionAssert.AreEqual(frame, air.PayloadCopy(), "payload");

            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            Assert.AreEqual(start + 46336UL, events.LastStamp, "TxDone stamped at the end of the frame");
            Assert.AreEqual(1, board.Chip.Mode, "the chip is back in standby");
        }

        [TestMethod]
        public void Transmit_Sf12_LastsItsAirTime()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(2, events);
            AirRecorder air = new AirRecorder();
            board.Air.AddMonitor(air);
            byte[] frame = RadioTestKit.Frame13();
            ulong start = board.Scheduler.NowMicroseconds;

            board.Radio.Transmit(RadioTestKit.Uplink(868500000, 12, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1155071);
            Assert.AreEqual(0, events.Count, "no TxDone before the air time has passed");
            board.Scheduler.RunFor(1);

            Assert.AreEqual(1155072UL, air.AirTimeUs, "air time SF12/125 kHz, 13 bytes");
            Assert.IsTrue(air.LowDataRateOptimize, "LDRO on air");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            Assert.AreEqual(start + 1155072UL, events.LastStamp, "TxDone time");
        }

        [TestMethod]
        public void Transmit_SendsFromAnOffsetInTheCallersBuffer()
        {
            SimulatedBoard board = RadioTestKit.Board(3, new RadioEventRecorder());
            AirRecorder air = new AirRecorder();
            board.Air.AddMonitor(air);
            byte[] buffer = new byte[] { 0xEE, 0xEE, 0x01, 0x02, 0x03, 0xEE };
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), buffer, 2, 3);
            board.Scheduler.RunFor(1000000);
            CollectionAssert.AreEqual(new byte[] { 0x01, 0x02, 0x03 }, air.PayloadCopy(), "payload");
        }

        [TestMethod]
        public void TxDone_WithALateInterrupt_IsDeterministicAndWithinTheLatencyBound()
        {
            ulong stampA = TxDoneStampWithLatency(42, 5000);
            ulong stampB = TxDoneStampWithLatency(42, 5000);
            Assert.AreEqual(stampA, stampB, "same seed, same delivery");
            Assert.IsTrue(stampA >= 46336UL && stampA <= 46336UL + 5000UL, "within the latency bound: " + stampA.ToString());
        }

        static ulong TxDoneStampWithLatency(int seed, uint latencyMaxUs)
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(seed, events);
            board.InterruptJitter.LatencyMaxUs = latencyMaxUs;
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            return events.LastStamp;
        }

        [TestMethod]
        public void LostTxDone_NoTimerInTheDriver_TheMacsDeadlineSleepsTheChip_ReportsTimeout_AndTheNextCommandReinitialises()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(4, events);
            board.Chip.HangNextTransmissions = 1;   // the chip never finishes: no TxDone flag, no edge
            int resetsBefore = board.Chip.ResetCount;
            int calibrationsBefore = board.Chip.ImageCalibrationsHf;
            byte[] frame = RadioTestKit.Frame13();

            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(5000000);
            // One TX watchdog, the MAC's (issue 14): the driver arms nothing of its own, so nothing happens until asked.
            Assert.AreEqual(0, events.Count, "no report without the MAC's deadline (the driver has no timer)");

            ulong deadline = board.Scheduler.NowMicroseconds;
            board.Radio.TxDeadlinePassed();
            Assert.AreEqual(1, events.Count, "exactly one event, before TxDeadlinePassed returned");
            Assert.AreEqual((int)RadioEvent.TxTimeout, (int)events.Last, "TxTimeout");
            Assert.AreEqual(deadline, events.LastStamp, "stamped when the deadline was handled");
            Assert.AreEqual(1, board.Driver.TxTimeoutCount, "counted");
            // Issue 21: no reset pulse and no calibration polls in the deadline call.
            Assert.AreEqual(resetsBefore, board.Chip.ResetCount, "no reset pulse at the deadline");
            Assert.AreEqual(calibrationsBefore, board.Chip.ImageCalibrationsHf, "no calibration at the deadline");
            Assert.AreEqual(0, board.Chip.Mode, "the chip was put to sleep (the transmitter stopped)");
            Assert.IsTrue(board.Driver.RecoveryPending, "re-initialisation left to the next command");

            // The next command resets and re-initialises; the radio works again.
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            Assert.AreEqual(resetsBefore + 1, board.Chip.ResetCount, "reset pulse by the next Transmit");
            Assert.IsFalse(board.Driver.RecoveryPending, "recovered");
            board.Scheduler.RunFor(5000000);
            Assert.AreEqual(2, events.Count, "two events");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone after recovery");
        }

        [TestMethod]
        public void LostTxDone_TheDeadlineTouchesTheBusOnlyTwice()
        {
            // A fake bus that counts the deadline call's SPI transactions: a flag read and the sleep write, nothing that
            // holds the caller (the reset pulse and two image calibrations wait for the next command).
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, new Air(scheduler));
            CountingBus bus = new CountingBus(chip);
            Sx1276 driver = new Sx1276(bus, scheduler, chip);
            RadioEventRecorder events = new RadioEventRecorder();
            driver.SetEventSink(events);
            driver.Init();
            chip.HangNextTransmissions = 1;
            byte[] frame = RadioTestKit.Frame13();
            driver.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            scheduler.RunFor(2000000);
            int before = bus.Transactions;
            driver.TxDeadlinePassed();
            Assert.AreEqual((int)RadioEvent.TxTimeout, (int)events.Last, "TxTimeout");
            Assert.AreEqual(2, bus.Transactions - before, "RegIrqFlags read + RegOpMode sleep");
        }

        [TestMethod]
        public void DroppedDio0Edge_TheDeadlineFindsTxDoneInTheFlags_ReportsTheComputedEnd()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(14, events);
            board.Chip.DropDio0Edges = 1;   // the chip finishes, the interrupt is lost
            int resetsBefore = board.Chip.ResetCount;
            byte[] frame = RadioTestKit.Frame13();
            ulong start = board.Scheduler.NowMicroseconds;

            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(46336 + 200000);
            Assert.AreEqual(0, events.Count, "nothing until the MAC's deadline (the driver has no timer)");
            board.Radio.TxDeadlinePassed();

            Assert.AreEqual(1, events.Count, "exactly one event");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone: the chip did finish");
            Assert.AreEqual(start + 46336UL + Sx1276.PaRampDownUs, events.LastStamp, "start + air time + ramp-down");
            Assert.AreEqual(0, board.Driver.TxTimeoutCount, "not a timeout");
            Assert.AreEqual(resetsBefore, board.Chip.ResetCount, "no reset");
            Assert.AreEqual(1, board.Driver.TxTiming.FoundByWatchdog, "diagnostics");
            Assert.AreEqual(1, board.Chip.Mode, "standby");
        }

        [TestMethod]
        public void TxDeadlinePassed_RepeatsAnOutcomeAlreadyReported_AndIsSilentBeforeAnyTransmission()
        {
            // IRadio's contract: the MAC may have lost the report (its queue was full), so the deadline repeats it.
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(16, events);
            board.Radio.TxDeadlinePassed();
            Assert.AreEqual(0, events.Count, "no transmission yet: nothing to report");

            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, events.Count, "TxDone by DIO0");
            ulong reported = events.LastStamp;
            board.Radio.TxDeadlinePassed();
            Assert.AreEqual(2, events.Count, "repeated");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "the same outcome");
            Assert.AreEqual(reported, events.LastStamp, "the same stamp");
            Assert.AreEqual(0, board.Driver.TxTiming.FoundByWatchdog, "not a recovery");

            board.Chip.HangNextTransmissions = 1;
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            board.Radio.TxDeadlinePassed();
            ulong timedOutAt = events.LastStamp;
            board.Radio.TxDeadlinePassed();
            Assert.AreEqual(4, events.Count, "TxTimeout, then repeated");
            Assert.AreEqual((int)RadioEvent.TxTimeout, (int)events.Last, "TxTimeout repeated");
            Assert.AreEqual(timedOutAt, events.LastStamp, "with its stamp");
            Assert.AreEqual(1, board.Driver.TxTimeoutCount, "one timeout");
        }

        [TestMethod]
        public void LateDio0_TxDoneIsTheComputedEnd_AndBothStampsAreInTheDiagnostics()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(15, events);
            board.InterruptJitter.FixedLatencyUs = 40000;   // the handler runs 40 ms after the edge
            byte[] frame = RadioTestKit.Frame13();
            ulong start = board.Scheduler.NowMicroseconds;

            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);

            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            // 46.336 ms: Semtech's LoRa calculator for 13 bytes at SF7/125 kHz; 40 µs: RegPaRamp 1001.
            Assert.AreEqual(start + 46336UL + 40UL, events.LastStamp, "the computed end, not the late handler");
            TxDoneTiming t = board.Driver.TxTiming;
            Assert.AreEqual(start, t.LastStartUs, "TX start stamp");
            Assert.AreEqual(46336UL, t.LastAirTimeUs, "air time");
            Assert.AreEqual(start + 46376UL, t.LastComputedEndUs, "computed end");
            Assert.AreEqual(start + 46336UL + 40000UL, t.LastDioStampUs, "DIO0 stamp");
            Assert.AreEqual(40000L - 40L, t.DioLateness.MaxUs, "DIO0 stamp − computed end");
            Assert.AreEqual(1, t.FromComputedEnd, "reported from the computed end");
        }

        [TestMethod]
        public void PreemptedTxModeWrite_StartIsNotTrusted_TxDoneFallsBackToTheDio0Stamp()
        {
            // The clock jumps 5 ms while RegOpMode = TX is being written (the thread was pre-empted): the start
            // stamp could be anywhere in those 5 ms, so only the interrupt's stamp is used.
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, new Air(scheduler));
            SkewingClock clock = new SkewingClock(scheduler);
            PreemptingBus bus = new PreemptingBus(chip, clock, 5000);
            Sx1276 driver = new Sx1276(bus, clock, chip);
            RadioEventRecorder events = new RadioEventRecorder();
            driver.SetEventSink(events);
            DioToDriver dio = new DioToDriver(driver);
            chip.SetDioListener(dio);
            driver.Init();
            byte[] frame = RadioTestKit.Frame13();
            driver.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            scheduler.RunFor(1000000);
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            Assert.AreEqual(1, driver.TxTiming.UntrustedStarts, "start not trusted");
            Assert.AreEqual(1, driver.TxTiming.FromDioStamp, "DIO0 stamp used");
            Assert.AreEqual(driver.TxTiming.LastDioStampUs, events.LastStamp, "reported = DIO0 stamp");
        }

        [TestMethod]
        public void Transmit_RejectsParametersTheChipCannotSend()
        {
            SimulatedBoard board = RadioTestKit.Board(5, new RadioEventRecorder());
            byte[] frame = RadioTestKit.Frame13();
            IRadio radio = board.Radio;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => radio.Transmit(RadioTestKit.Uplink(868100000, 6, 125000, 14), frame, 0, 13));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => radio.Transmit(RadioTestKit.Uplink(868100000, 7, 62500, 14), frame, 0, 13));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 10, 13));
            Assert.AreEqual(0, board.Chip.TransmissionCount, "nothing sent");
        }

        [TestMethod]
        public void Sleep_DuringTransmission_AbortsItAndReportsNothing()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(6, events);
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(10000);
            board.Radio.Sleep();
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(0, events.Count, "no TxDone and no watchdog after sleep");
            Assert.AreEqual(0, board.Chip.Mode, "sleep");
        }

        [TestMethod]
        public void AirTime_IsTheCalculatorsForEachParameterSet_WhenTransmissionsChangeLengthOrRate()
        {
            // The driver keeps the last set's validation and air time (issue 20): any parameter that changes must give
            // that set's own air time, and an invalid set must still throw. Semtech's LoRa calculator (datasheet
            // §4.1.1.7), CR 4/5, preamble 8, explicit header, CRC on: 13 B SF7 46.336 ms, 10 B SF7 41.216 ms,
            // 10 B SF9 144.384 ms, 13 B SF12 1155.072 ms (low data rate optimisation on).
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(16, events);
            byte[] frame = RadioTestKit.Frame13();
            TxConfig sf7 = RadioTestKit.Uplink(868100000, 7, 125000, 14);
            ulong[] expected = { 46336UL, 46336UL, 41216UL, 144384UL, 1155072UL };
            int[] lengths = { 13, 13, 10, 10, 13 };
            int[] factors = { 7, 7, 7, 9, 12 };
            for (int i = 0; i < expected.Length; i++)
            {
                sf7.SpreadingFactor = factors[i];
                board.Radio.Transmit(sf7, frame, 0, lengths[i]);
                board.Scheduler.RunFor(2000000);
                Assert.AreEqual(expected[i], board.Driver.TxTiming.LastAirTimeUs, "transmission " + i.ToString());
                Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone " + i.ToString());
            }
            sf7.PreambleSymbols = 5;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.Transmit(sf7, frame, 0, 13));
            sf7.PreambleSymbols = 8;
            sf7.CodingRate = 5;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.Transmit(sf7, frame, 0, 13));
            sf7.CodingRate = 1;
            sf7.BandwidthHz = 200000;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.Transmit(sf7, frame, 0, 13));
        }
    }
}
