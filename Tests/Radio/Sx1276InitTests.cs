using System;
using System.IO;
using Drivers.Sx127x;
using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// Initialisation: the chip-ID check (RegVersion 0x42 reads 0x12 on every SX1276/77/78/79), the RX chain
    /// calibration, and the switch to LoRa mode, which the chip accepts only in sleep mode.
    /// </summary>
    [TestClass]
    public class Sx1276InitTests
    {
        static SimulatedBoard Uninitialised()
        {
            return new SimulatedBoard(new VirtualScheduler(), null, 1, false);
        }

        static string InitMessage(Sx1276 driver)
        {
            try
            {
                driver.Init();
            }
            catch (IOException e)
            {
                return e.Message;
            }
            return null;
        }

        [TestMethod]
        public void WrongVersion_ThrowsIOExceptionNamingTheLikelyCauses()
        {
            SimulatedBoard board = Uninitialised();
            board.Chip.Version = 0x22; // what an SX1272 answers
            Sx1276 driver = board.Driver;
            Assert.ThrowsException(typeof(IOException), () => driver.Init());
            string message = InitMessage(driver);
            Assert.IsNotNull(message, "IOException");
            Assert.Contains("0x22", message, "the value read");
            Assert.Contains("0x12", message, "the value expected");
            Assert.Contains("wiring", message, "wiring");
            Assert.Contains("chip-select", message, "CS pin");
            Assert.Contains("SPI mode", message, "SPI mode");
            Assert.IsFalse(driver.IsInitialized, "not initialised");
        }

        [TestMethod]
        public void FloatingMiso_ThrowsIOExceptionPointingAtMiso()
        {
            SimulatedBoard board = Uninitialised();
            board.Chip.SpiReadsAllOnes = true;
            string message = InitMessage(board.Driver);
            Assert.IsNotNull(message, "IOException");
            Assert.Contains("0xFF", message, "the value read");
            Assert.Contains("MISO", message, "hint");
        }

        [TestMethod]
        public void Init_ResetsCalibratesAndEntersLoRaStandby()
        {
            SimulatedBoard board = Uninitialised();
            board.Driver.Init();
            Sx1276ChipModel chip = board.Chip;
            Assert.AreEqual(1, chip.ResetCount, "one reset pulse");
            Assert.IsTrue(chip.ImageCalibrationsLf >= 1, "image calibration in the LF band");
            Assert.IsTrue(chip.ImageCalibrationsHf >= 1, "image calibration in the HF band");
            Assert.IsTrue(chip.IsLoRaMode, "LoRa mode");
            Assert.AreEqual(1, chip.Mode, "standby");
            Assert.AreEqual((byte)0x4F, chip.PeekRegister(0x09), "RegPaConfig restored after the calibration");
            Assert.AreEqual((byte)0x23, chip.PeekRegister(0x0C), "RegLna");
            Assert.IsTrue(board.Driver.IsInitialized, "initialised");
        }

        [TestMethod]
        [DataRow(915000000, 434000000)]
        [DataRow(866500000, 434000000)]
        [DataRow(921500000, 434000000)]
        [DataRow(433175000, 868000000)]
        public void Init_CalibratesTheReceiveChainAtTheConfiguredFrequency(int frequencyHz, int otherFrontEndHz)
        {
            // Datasheet rev. 7 §4.2.3.8: calibrate with Frf in the band of interest (its example: 868.3 MHz for the
            // HF port). A US915 board must not keep a calibration made 47 MHz away at 868 MHz.
            SimulatedBoard board = Uninitialised();
            board.Driver.ImageCalibrationFrequencyHz = (uint)frequencyHz;
            board.Driver.Init();
            Sx1276ChipModel chip = board.Chip;
            bool high = frequencyHz > 525000000;
            uint usedFrontEnd = high ? chip.LastImageCalibrationHfHz : chip.LastImageCalibrationLfHz;
            uint otherFrontEnd = high ? chip.LastImageCalibrationLfHz : chip.LastImageCalibrationHfHz;
            Assert.IsTrue(Near(usedFrontEnd, (uint)frequencyHz), "the front end in use, calibrated at " + usedFrontEnd.ToString());
            Assert.IsTrue(Near(otherFrontEnd, (uint)otherFrontEndHz), "the other front end, calibrated at " + otherFrontEnd.ToString());
        }

        [TestMethod]
        public void VirtualWorld_Us915Board_IsCalibratedAtTheRegionsCentre()
        {
            var world = new VirtualWorld("US915", 1, new NetworkOptions());
            world.PowerOn(LoRaWan.DeviceIdentity.Otaa("0042004213424341", "0000000000000000", "BEC499C69E9C939E413B663961636C61"), new LoRaWan.Mac.LoRaWanOptions());
            Assert.IsTrue(Near(world.Board.Chip.LastImageCalibrationHfHz, 915000000), "902..928 MHz: 915 MHz, got " + world.Board.Chip.LastImageCalibrationHfHz.ToString());
        }

        /// <summary>Within one Frf step (61 Hz).</summary>
        static bool Near(uint actualHz, uint expectedHz)
        {
            long d = (long)actualHz - expectedHz;
            return d >= -61 && d <= 61;
        }

        [TestMethod]
        public void Init_WithoutResetLine_LeavesLoRaModeThroughSleep()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, new Air(scheduler));
            // Someone left the chip in LoRa RX continuous mode (sleep → LoRa sleep → RXCONTINUOUS).
            chip.WriteRegister(0x01, 0x08);
            chip.WriteRegister(0x01, 0x88);
            chip.WriteRegister(0x01, 0x8D);
            Assert.IsTrue(chip.IsLoRaMode, "precondition: LoRa mode");
            Assert.AreEqual(5, chip.Mode, "precondition: RXCONTINUOUS");

            Sx1276 driver = new Sx1276(chip, scheduler, null);
            driver.Init();

            Assert.AreEqual(0, chip.ResetCount, "no reset line");
            Assert.IsTrue(chip.ImageCalibrationsHf >= 1, "the calibration ran on the FSK page, so LoRa mode was left");
            Assert.IsTrue(chip.IsLoRaMode, "back in LoRa mode");
            Assert.AreEqual(1, chip.Mode, "standby");
        }

        [TestMethod]
        public void LongRangeMode_WrittenOutsideSleep_IsIgnoredByTheChip()
        {
            // The model enforces the datasheet rule the driver's init sequence relies on.
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, new Air(scheduler));
            chip.WriteRegister(0x01, 0x89); // from FSK standby: LongRangeMode must not change
            Assert.IsFalse(chip.IsLoRaMode, "still FSK");
            Assert.AreEqual(1, chip.Mode, "standby");
            chip.WriteRegister(0x01, 0x08); // FSK sleep
            chip.WriteRegister(0x01, 0x88); // LoRa sleep: allowed now
            Assert.IsTrue(chip.IsLoRaMode, "LoRa");
        }

        [TestMethod]
        public void StuckCalibration_ThrowsIOException()
        {
            SimulatedBoard board = Uninitialised();
            board.Chip.ImageCalibrationReads = 1000000;
            string message = InitMessage(board.Driver);
            Assert.IsNotNull(message, "IOException");
            Assert.Contains("calibration", message, "says what hung");
        }

        [TestMethod]
        public void Reinit_AfterUse_ReturnsToAWorkingRadio()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(1, events);
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 12, 125000, 8));
            board.Driver.Init();
            Assert.AreEqual(1, board.Chip.Mode, "standby after re-init");
            board.Scheduler.RunFor(5000000);
            Assert.AreEqual(0, events.Count, "the aborted reception reports nothing");
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
        }
    }
}
