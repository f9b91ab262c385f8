using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// The registers the driver leaves in the chip after configuring a transmission or a reception, read back from
    /// the chip model. Every expected value comes from the Semtech SX1276 datasheet register descriptions and the
    /// SX1276 errata note, not from the driver.
    /// </summary>
    [TestClass]
    public class Sx1276ConfigureTests
    {
        static SimulatedBoard TransmitOnce(TxConfig config)
        {
            SimulatedBoard board = RadioTestKit.Board(1, new RadioEventRecorder());
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(config, frame, 0, frame.Length);
            return board;
        }

        static SimulatedBoard ReceiveOnce(RxConfig config)
        {
            SimulatedBoard board = RadioTestKit.Board(1, new RadioEventRecorder());
            board.Radio.Receive(config);
            return board;
        }

        [TestMethod]
        public void Transmit_ProgramsLoRaWanUplinkRegisters()
        {
            Sx1276ChipModel chip = TransmitOnce(RadioTestKit.Uplink(868100000, 7, 125000, 14)).Chip;

            // Frf = 868.1 MHz · 2^19 / 32 MHz = 14 222 950.4 → 0xD90666.
            Assert.AreEqual((byte)0xD9, chip.PeekRegister(0x06), "RegFrfMsb");
            Assert.AreEqual((byte)0x06, chip.PeekRegister(0x07), "RegFrfMid");
            Assert.AreEqual((byte)0x66, chip.PeekRegister(0x08), "RegFrfLsb");
            // RegModemConfig1: Bw 0111 (125 kHz), CodingRate 001 (4/5), ImplicitHeaderModeOn 0.
            Assert.AreEqual((byte)0x72, chip.PeekRegister(0x1D), "RegModemConfig1");
            // RegModemConfig2: SpreadingFactor 7, TxContinuousMode 0, RxPayloadCrcOn 1.
            Assert.AreEqual((byte)0x74, (byte)(chip.PeekRegister(0x1E) & 0xFC), "RegModemConfig2");
            Assert.AreEqual(0, chip.PeekRegister(0x26) & 0x08, "LowDataRateOptimize off at SF7/125 kHz (1.024 ms symbols)");
            Assert.AreEqual((byte)0x00, chip.PeekRegister(0x20), "RegPreambleMsb");
            Assert.AreEqual((byte)0x08, chip.PeekRegister(0x21), "RegPreambleLsb: 8 symbols");
            Assert.AreEqual((byte)0x34, chip.PeekRegister(0x39), "RegSyncWord: LoRaWAN public network");
            Assert.AreEqual((byte)0x27, chip.PeekRegister(0x33), "RegInvertIQ: normal TX (bit 0 = 1 means NOT inverted)");
            Assert.AreEqual((byte)0x1D, chip.PeekRegister(0x3B), "RegInvertIQ2: normal IQ");
            Assert.AreEqual((byte)0x23, chip.PeekRegister(0x0C), "RegLna: G1, LNA boost HF");
            Assert.AreEqual((byte)0x03, chip.PeekRegister(0x36), "RegHighBwOptimize1 below 500 kHz (errata 2.1)");
            Assert.AreEqual((byte)13, chip.PeekRegister(0x22), "RegPayloadLength");
            Assert.AreEqual(1, chip.PeekRegister(0x40) >> 6, "RegDioMapping1: DIO0 = 01 (TxDone)");
            Assert.AreEqual(0, chip.PeekRegister(0x11) & 0x08, "TxDone is not masked");
            Assert.AreEqual(0x83, chip.PeekRegister(0x01) & 0x87, "RegOpMode: LoRa, TX");
        }

        [TestMethod]
        public void Receive_ProgramsLoRaWanDownlinkRegisters()
        {
            // EU868 RX2: 869.525 MHz, SF12/125 kHz; a 341-symbol timeout exercises the 10-bit field.
            Sx1276ChipModel chip = ReceiveOnce(RadioTestKit.Downlink(869525000, 12, 125000, 341)).Chip;

            // Frf = 869.525 MHz · 2^19 / 32 MHz = 14 246 297.6 → 0xD9619A.
            Assert.AreEqual((byte)0xD9, chip.PeekRegister(0x06), "RegFrfMsb");
            Assert.AreEqual((byte)0x61, chip.PeekRegister(0x07), "RegFrfMid");
            Assert.AreEqual((byte)0x9A, chip.PeekRegister(0x08), "RegFrfLsb");
            Assert.AreEqual((byte)0x72, chip.PeekRegister(0x1D), "RegModemConfig1: 125 kHz, 4/5, explicit header");
            // SF12, RxPayloadCrcOn 0 (downlinks carry no CRC), SymbTimeout(9:8) = 01; 341 = 0x155.
            Assert.AreEqual((byte)0xC1, (byte)(chip.PeekRegister(0x1E) & 0xF7), "RegModemConfig2");
            Assert.AreEqual((byte)0x55, chip.PeekRegister(0x1F), "RegSymbTimeoutLsb");
            Assert.AreEqual(0x08, chip.PeekRegister(0x26) & 0x08, "LowDataRateOptimize on at SF12/125 kHz (32.768 ms symbols)");
            Assert.AreEqual((byte)0x08, chip.PeekRegister(0x21), "RegPreambleLsb: 8 symbols");
            Assert.AreEqual((byte)0x34, chip.PeekRegister(0x39), "RegSyncWord");
            Assert.AreEqual(0x40, chip.PeekRegister(0x33) & 0x40, "RegInvertIQ bit 6: RX inverted");
            Assert.AreEqual((byte)0x19, chip.PeekRegister(0x3B), "RegInvertIQ2: inverted IQ");
            Assert.AreEqual((byte)0x23, chip.PeekRegister(0x0C), "RegLna");
            // Errata 2.3 at 125 kHz: automatic IF off, 0x2F = 0x40, 0x30 = 0x00.
            Assert.AreEqual(0, chip.PeekRegister(0x31) & 0x80, "RegDetectOptimize bit 7 (automatic IF) off");
            Assert.AreEqual(0x03, chip.PeekRegister(0x31) & 0x07, "DetectionOptimize SF7..12");
            Assert.AreEqual((byte)0x0A, chip.PeekRegister(0x37), "RegDetectionThreshold SF7..12");
            Assert.AreEqual((byte)0x40, chip.PeekRegister(0x2F), "register 0x2F (errata 2.3)");
            Assert.AreEqual((byte)0x00, chip.PeekRegister(0x30), "register 0x30 (errata 2.3)");
            Assert.AreEqual(0, chip.PeekRegister(0x40) >> 6, "DIO0 = 00 (RxDone)");
            Assert.AreEqual(0, (chip.PeekRegister(0x40) >> 4) & 0x03, "DIO1 = 00 (RxTimeout)");
            Assert.AreEqual(0, chip.PeekRegister(0x11) & 0xE0, "RxTimeout, RxDone and PayloadCrcError are not masked");
            Assert.AreEqual(0x86, chip.PeekRegister(0x01) & 0x87, "RegOpMode: LoRa, RXSINGLE");
        }

        [TestMethod]
        [DataRow(125000, 0x72)]
        [DataRow(250000, 0x82)]
        [DataRow(500000, 0x92)]
        public void Transmit_WritesBandwidthCode(int bandwidthHz, int expectedModemConfig1)
        {
            Sx1276ChipModel chip = TransmitOnce(RadioTestKit.Uplink(868100000, 7, bandwidthHz, 14)).Chip;
            Assert.AreEqual((byte)expectedModemConfig1, chip.PeekRegister(0x1D), "RegModemConfig1 Bw | 4/5 | explicit");
        }

        [TestMethod]
        [DataRow(7, 125000, 0)]
        [DataRow(10, 125000, 0)]
        [DataRow(11, 125000, 8)]
        [DataRow(12, 125000, 8)]
        [DataRow(11, 250000, 0)]
        [DataRow(12, 250000, 8)]
        [DataRow(12, 500000, 0)]
        public void LowDataRateOptimize_FollowsSymbolTimeOf16Ms(int sf, int bandwidthHz, int expectedBit)
        {
            // Tsym = 2^SF / BW: SF11/125 and SF12/250 are 16.384 ms, SF11/250 and SF12/500 8.192 ms.
            Sx1276ChipModel tx = TransmitOnce(RadioTestKit.Uplink(868100000, sf, bandwidthHz, 14)).Chip;
            Assert.AreEqual(expectedBit, tx.PeekRegister(0x26) & 0x08, "TX RegModemConfig3 LowDataRateOptimize");
            Assert.AreEqual(sf, tx.PeekRegister(0x1E) >> 4, "SpreadingFactor");
            Sx1276ChipModel rx = ReceiveOnce(RadioTestKit.Downlink(868100000, sf, bandwidthHz, 8)).Chip;
            Assert.AreEqual(expectedBit, rx.PeekRegister(0x26) & 0x08, "RX RegModemConfig3 LowDataRateOptimize");
        }

        [TestMethod]
        [DataRow(2, 0xF0, 0x84)]
        [DataRow(14, 0xFC, 0x84)]
        [DataRow(17, 0xFF, 0x84)]
        [DataRow(18, 0xFF, 0x84)]
        [DataRow(20, 0xFF, 0x84)]
        [DataRow(30, 0xFF, 0x84)]
        [DataRow(-4, 0xF0, 0x84)]
        public void TxPower_IsCappedAt17Dbm_ByDefault(int powerDbm, int expectedPaConfig, int expectedPaDac)
        {
            // PA_BOOST: Pout = 2 + OutputPower with the default PA DAC (0x84). +20 dBm (RegPaDac 0x87) is specified for
            // a 1 % duty cycle only (datasheet §5.4.3): without AllowHighPower the driver stops at +17 dBm (0xFF, 0x84).
            Sx1276ChipModel chip = TransmitOnce(RadioTestKit.Uplink(868100000, 7, 125000, powerDbm)).Chip;
            Assert.AreEqual((byte)expectedPaConfig, chip.PeekRegister(0x09), "RegPaConfig (PaSelect = PA_BOOST)");
            Assert.AreEqual((byte)expectedPaDac, chip.PeekRegister(0x4D), "RegPaDac");
        }

        [TestMethod]
        [DataRow(18, 0xFD, 0x87)]
        [DataRow(20, 0xFF, 0x87)]
        [DataRow(30, 0xFF, 0x87)]
        public void TxPower_UsesThePaDacFor18To20Dbm_WhenHighPowerIsAllowed(int powerDbm, int expectedPaConfig, int expectedPaDac)
        {
            // Pout = 5 + OutputPower with RegPaDac = 0x87 (datasheet RegPaConfig and §5.4.3).
            SimulatedBoard board = RadioTestKit.Board(20, new RadioEventRecorder());
            board.Driver.AllowHighPower = true;
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, powerDbm), frame, 0, frame.Length);
            Assert.AreEqual((byte)expectedPaConfig, board.Chip.PeekRegister(0x09), "RegPaConfig (PaSelect = PA_BOOST)");
            Assert.AreEqual((byte)expectedPaDac, board.Chip.PeekRegister(0x4D), "RegPaDac");
        }

        [TestMethod]
        public void HighPower_KeepsTheOnePercentDutyCycle()
        {
            // Datasheet §5.4.3: +20 dBm at 1 % duty cycle. A 13-byte SF12 frame lasts 1155.072 ms (Semtech's LoRa
            // calculator), so the next +20 dBm frame may start 99 × 1155.072 ms = 114.352 s after that one ended;
            // sooner, it goes out at +17 dBm.
            SimulatedBoard board = RadioTestKit.Board(21, new RadioEventRecorder());
            board.Driver.AllowHighPower = true;
            AirRecorder air = new AirRecorder();
            board.Air.AddMonitor(air);
            byte[] frame = RadioTestKit.Frame13();
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Transmit(RadioTestKit.Uplink(902300000, 12, 125000, 28), frame, 0, frame.Length);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(20, air.PowerDbm, "first frame at +20 dBm");

            board.Radio.Transmit(RadioTestKit.Uplink(902300000, 12, 125000, 28), frame, 0, frame.Length);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(17, air.PowerDbm, "2 s later: +17 dBm");
            Assert.AreEqual(1, board.Driver.HighPowerDowngrades, "one downgrade");

            ulong allowedAt = t0 + 100UL * 1155072UL;   // start + air time + 99 × air time
            board.Scheduler.RunFor(allowedAt - 1 - board.Scheduler.NowMicroseconds);
            board.Radio.Transmit(RadioTestKit.Uplink(902300000, 12, 125000, 28), frame, 0, frame.Length);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(17, air.PowerDbm, "1 µs too early: +17 dBm");
            board.Scheduler.RunFor(allowedAt + 2000000 - board.Scheduler.NowMicroseconds);
            board.Radio.Transmit(RadioTestKit.Uplink(902300000, 12, 125000, 28), frame, 0, frame.Length);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(20, air.PowerDbm, "after 99 × air time: +20 dBm again");
            Assert.AreEqual(2, board.Driver.HighPowerTransmissions, "two high-power frames");
        }

        [TestMethod]
        [DataRow(923300000, 0x64)]
        [DataRow(433175000, 0x7F)]
        public void Bandwidth500_AppliesErrata21(int frequencyHz, int expectedHighBwOptimize2)
        {
            Sx1276ChipModel tx = TransmitOnce(RadioTestKit.Uplink((uint)frequencyHz, 8, 500000, 14)).Chip;
            Assert.AreEqual((byte)0x02, tx.PeekRegister(0x36), "TX RegHighBwOptimize1 at 500 kHz");
            Assert.AreEqual((byte)expectedHighBwOptimize2, tx.PeekRegister(0x3A), "TX RegHighBwOptimize2 (0x64 HF, 0x7F LF)");
            Sx1276ChipModel rx = ReceiveOnce(RadioTestKit.Downlink((uint)frequencyHz, 8, 500000, 8)).Chip;
            Assert.AreEqual((byte)0x02, rx.PeekRegister(0x36), "RX RegHighBwOptimize1 at 500 kHz");
            Assert.AreEqual((byte)expectedHighBwOptimize2, rx.PeekRegister(0x3A), "RX RegHighBwOptimize2");
            // Errata 2.3 does not apply at 500 kHz: the automatic IF stays on.
            Assert.AreEqual(0x80, rx.PeekRegister(0x31) & 0x80, "RegDetectOptimize automatic IF on at 500 kHz");
        }

        [TestMethod]
        public void Bandwidth250_AppliesErrata23()
        {
            Sx1276ChipModel chip = ReceiveOnce(RadioTestKit.Downlink(868300000, 7, 250000, 8)).Chip;
            Assert.AreEqual(0, chip.PeekRegister(0x31) & 0x80, "automatic IF off");
            Assert.AreEqual((byte)0x40, chip.PeekRegister(0x2F), "register 0x2F");
            Assert.AreEqual((byte)0x00, chip.PeekRegister(0x30), "register 0x30");
            Assert.AreEqual((byte)0x03, chip.PeekRegister(0x36), "RegHighBwOptimize1 below 500 kHz");
        }

        [TestMethod]
        public void PrivateNetwork_UsesSyncWord0x12()
        {
            SimulatedBoard board = RadioTestKit.Board(1, new RadioEventRecorder());
            board.Radio.SetPublicNetwork(false);
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            Assert.AreEqual((byte)0x12, board.Chip.PeekRegister(0x39), "RegSyncWord private");
            board.Scheduler.RunFor(1000000);
            board.Radio.SetPublicNetwork(true);
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 12, 125000, 8));
            Assert.AreEqual((byte)0x34, board.Chip.PeekRegister(0x39), "RegSyncWord public");
        }

        [TestMethod]
        public void LowFrequency_FrfFor433MHz()
        {
            // Frf = 433.175 MHz · 2^19 / 32 MHz = 7 097 139.2 → 0x6C4B33.
            Sx1276ChipModel chip = TransmitOnce(RadioTestKit.Uplink(433175000, 7, 125000, 10)).Chip;
            Assert.AreEqual((byte)0x6C, chip.PeekRegister(0x06), "RegFrfMsb");
            Assert.AreEqual((byte)0x4B, chip.PeekRegister(0x07), "RegFrfMid");
            Assert.AreEqual((byte)0x33, chip.PeekRegister(0x08), "RegFrfLsb");
        }

        [TestMethod]
        public void Configure_DoesNotWriteModemRegistersOutsideStandby()
        {
            SimulatedBoard board = RadioTestKit.Board(1, new RadioEventRecorder());
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Radio.Receive(RadioTestKit.Downlink(868100000, 7, 125000, 8)); // interrupts the TX: standby first
            board.Radio.Transmit(RadioTestKit.Uplink(868300000, 9, 125000, 14), frame, 0, frame.Length);
            Assert.AreEqual(0, board.Chip.ConfigWritesWhileBusy, "Frf/modem registers written in TX or RX mode");
        }
    }
}
