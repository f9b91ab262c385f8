using LoRaWan.Simulation;
using LoRaWan.Tests.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Simulation
{
    /// <summary>Counts DIO rising edges.</summary>
    public sealed class DioLog : IDioListener
    {
        public int Dio0;
        public int Dio1;
        public ulong LastUs;

        public void OnDioRising(int dio, ulong nowUs)
        {
            if (dio == 0) Dio0++;
            else Dio1++;
            LastUs = nowUs;
        }
    }

    /// <summary>
    /// The chip model driven by raw register writes, as the datasheet describes the chip (no driver involved):
    /// FIFO pointers, mode rules, IRQ mask and DIO edges, and timing from the programmed registers.
    /// </summary>
    [TestClass]
    public class Sx1276ChipModelTests
    {
        static Sx1276ChipModel LoRaStandby(VirtualScheduler scheduler, Air air, DioLog dio)
        {
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, air);
            chip.SetDioListener(dio);
            chip.WriteRegister(0x01, 0x08); // FSK sleep
            chip.WriteRegister(0x01, 0x88); // LoRa sleep
            chip.WriteRegister(0x01, 0x89); // LoRa standby
            return chip;
        }

        [TestMethod]
        public void ResetValues_AreTheDatasheets()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, new Air(scheduler));
            Assert.AreEqual((byte)0x12, chip.ReadRegister(0x42), "RegVersion");
            Assert.AreEqual((byte)0x09, chip.ReadRegister(0x01), "RegOpMode: FSK standby");
            Assert.AreEqual((byte)0x6C, chip.ReadRegister(0x06), "RegFrfMsb (434 MHz)");
            Assert.AreEqual((byte)0x4F, chip.ReadRegister(0x09), "RegPaConfig");
            Assert.AreEqual((byte)0x2B, chip.ReadRegister(0x0B), "RegOcp");
            Assert.AreEqual((byte)0x84, chip.ReadRegister(0x4D), "RegPaDac");
            chip.WriteRegister(0x01, 0x08);
            chip.WriteRegister(0x01, 0x88);
            Assert.AreEqual((byte)0x80, chip.ReadRegister(0x0E), "RegFifoTxBaseAddr");
            Assert.AreEqual((byte)0x00, chip.ReadRegister(0x0F), "RegFifoRxBaseAddr");
            Assert.AreEqual((byte)0x72, chip.ReadRegister(0x1D), "RegModemConfig1");
            Assert.AreEqual((byte)0x70, chip.ReadRegister(0x1E), "RegModemConfig2");
            Assert.AreEqual((byte)0x64, chip.ReadRegister(0x1F), "RegSymbTimeoutLsb");
            Assert.AreEqual((byte)0x08, chip.ReadRegister(0x21), "RegPreambleLsb");
            Assert.AreEqual((byte)0x12, chip.ReadRegister(0x39), "RegSyncWord");
            Assert.AreEqual((byte)0x27, chip.ReadRegister(0x33), "RegInvertIQ");
            Assert.AreEqual((byte)0x1D, chip.ReadRegister(0x3B), "RegInvertIQ2");
        }

        [TestMethod]
        public void Fifo_PointerAdvancesPerByteAndWraps()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = LoRaStandby(scheduler, new Air(scheduler), new DioLog());
            chip.WriteRegister(0x0D, 0xFE);
            chip.WriteFifo(new byte[] { 1, 2, 3, 4 }, 0, 4);
            Assert.AreEqual((byte)0x02, chip.ReadRegister(0x0D), "FifoAddrPtr advanced by 4 and wrapped");
            Assert.AreEqual((byte)1, chip.PeekFifo(0xFE), "byte at 0xFE");
            Assert.AreEqual((byte)3, chip.PeekFifo(0x00), "byte at 0x00 after the wrap");
            chip.WriteRegister(0x0D, 0xFF);
            byte[] read = new byte[3];
            chip.ReadFifo(read, 0, 3);
            CollectionAssert.AreEqual(new byte[] { 2, 3, 4 }, read, "burst read");
            Assert.AreEqual((byte)0x02, chip.ReadRegister(0x0D), "pointer after the read");
        }

        [TestMethod]
        public void Fifo_IsNotAccessibleInSleepAndIsLostThere()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = LoRaStandby(scheduler, new Air(scheduler), new DioLog());
            chip.WriteRegister(0x0D, 0x10);
            chip.WriteFifo(new byte[] { 0xAB }, 0, 1);
            chip.WriteRegister(0x01, 0x88); // sleep
            chip.WriteRegister(0x0D, 0x10);
            chip.WriteFifo(new byte[] { 0xCD }, 0, 1);
            Assert.AreEqual((byte)0x10, chip.ReadRegister(0x0D), "no access in sleep: the pointer stays");
            chip.WriteRegister(0x01, 0x89);
            Assert.AreEqual((byte)0x00, chip.PeekFifo(0x10), "content lost in sleep");
        }

        [TestMethod]
        public void MaskedIrq_NeverSetsItsFlag_AndDio0RisesOncePerClear()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            DioLog dio = new DioLog();
            Sx1276ChipModel chip = LoRaStandby(scheduler, new Air(scheduler), dio);
            chip.WriteRegister(0x22, 4);         // RegPayloadLength
            chip.WriteRegister(0x40, 0x40);      // DIO0 = TxDone
            chip.WriteRegister(0x11, 0x08);      // TxDone masked
            chip.WriteRegister(0x01, 0x8B);      // TX
            scheduler.RunFor(1000000);
            Assert.AreEqual((byte)0x00, chip.ReadRegister(0x12), "masked: no flag");
            Assert.AreEqual(0, dio.Dio0, "masked: no edge");

            chip.WriteRegister(0x11, 0x00);
            chip.WriteRegister(0x01, 0x8B);
            scheduler.RunFor(1000000);
            Assert.AreEqual((byte)0x08, chip.ReadRegister(0x12), "TxDone flag");
            Assert.AreEqual(1, dio.Dio0, "one edge");
            chip.WriteRegister(0x01, 0x8B);      // second TX without clearing the flag
            scheduler.RunFor(1000000);
            Assert.AreEqual(1, dio.Dio0, "no new edge while the flag stays set");
            chip.WriteRegister(0x12, 0xFF);      // clear
            Assert.IsFalse(chip.Dio0High, "DIO0 low after clearing");
            chip.WriteRegister(0x01, 0x8B);
            scheduler.RunFor(1000000);
            Assert.AreEqual(2, dio.Dio0, "edge again after the clear");
        }

        [TestMethod]
        [DataRow(0x74, 0x00, 46336)]
        [DataRow(0xC4, 0x08, 1155072)]
        public void Transmission_LastsTheAirTimeOfItsRegisters(int modemConfig2, int modemConfig3, int expectedUs)
        {
            // 13 bytes, 125 kHz, CR 4/5, explicit header, preamble 8, CRC on; SF7 or SF12 with LDRO.
            VirtualScheduler scheduler = new VirtualScheduler();
            Air air = new Air(scheduler);
            AirRecorder monitor = new AirRecorder();
            air.AddMonitor(monitor);
            DioLog dio = new DioLog();
            Sx1276ChipModel chip = LoRaStandby(scheduler, air, dio);
            chip.WriteRegister(0x1D, 0x72);
            chip.WriteRegister(0x1E, (byte)modemConfig2);
            chip.WriteRegister(0x26, (byte)modemConfig3);
            chip.WriteRegister(0x22, 13);
            chip.WriteRegister(0x40, 0x40);
            ulong start = scheduler.NowMicroseconds;
            chip.WriteRegister(0x01, 0x8B);
            Assert.AreEqual(3, chip.Mode, "TX");
            scheduler.RunFor((ulong)expectedUs - 1);
            Assert.AreEqual(0, dio.Dio0, "still transmitting");
            scheduler.RunFor(1);
            Assert.AreEqual(1, dio.Dio0, "TxDone on DIO0");
            Assert.AreEqual(start + (ulong)expectedUs, dio.LastUs, "edge time");
            Assert.AreEqual((ulong)expectedUs, monitor.AirTimeUs, "air time on the air");
            Assert.AreEqual(1, chip.Mode, "standby after TX");
        }

        [TestMethod]
        public void RxSingle_TimesOutAfterSymbTimeoutSymbols()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            DioLog dio = new DioLog();
            Sx1276ChipModel chip = LoRaStandby(scheduler, new Air(scheduler), dio);
            chip.WriteRegister(0x1D, 0x72);      // 125 kHz
            chip.WriteRegister(0x1E, 0x91);      // SF9, SymbTimeout(9:8) = 1
            chip.WriteRegister(0x1F, 0x02);      // SymbTimeout = 0x102 = 258 symbols
            chip.WriteRegister(0x40, 0x00);      // DIO1 = RxTimeout
            ulong start = scheduler.NowMicroseconds;
            chip.WriteRegister(0x01, 0x8E);      // RXSINGLE
            scheduler.RunFor(10000000);
            Assert.AreEqual(1, dio.Dio1, "one DIO1 edge");
            Assert.AreEqual(start + 258UL * 4096UL, dio.LastUs, "258 symbols of 4.096 ms");
            Assert.AreEqual((byte)0x80, chip.ReadRegister(0x12), "RxTimeout flag");
            Assert.AreEqual(1, chip.Mode, "standby");
        }

        [TestMethod]
        public void RxContinuous_RaisesValidHeaderThenRxDonePerFrame_AndStaysInRx()
        {
            // Datasheet rev. 7, LoRa continuous receive mode: per packet ValidHeader once the header is in, then RxDone
            // (with PayloadCrcError when the payload CRC fails); the modem stays in RXCONT and RxTimeout never occurs.
            VirtualScheduler scheduler = new VirtualScheduler();
            Air air = new Air(scheduler);
            DioLog dio = new DioLog();
            Sx1276ChipModel chip = LoRaStandby(scheduler, air, dio);
            GatewayEndpoint gateway = new GatewayEndpoint(air);
            byte[] frame = new byte[17];
            for (int i = 0; i < frame.Length; i++) frame[i] = (byte)(0xA0 + i);
            chip.WriteRegister(0x06, 0xD9);      // Frf = 0xD9619A: 869.525 MHz
            chip.WriteRegister(0x07, 0x62);
            chip.WriteRegister(0x08, 0x9A);
            chip.WriteRegister(0x1D, 0x72);      // 125 kHz, CR 4/5, explicit header
            chip.WriteRegister(0x1E, 0x90);      // SF9
            chip.WriteRegister(0x39, 0x34);      // public sync word
            chip.WriteRegister(0x33, 0x67);      // RX inverted IQ (downlinks)
            chip.WriteRegister(0x3B, 0x19);
            chip.WriteRegister(0x11, 0x00);      // every IRQ unmasked
            chip.WriteRegister(0x40, 0x00);      // DIO0 = RxDone, DIO1 = RxTimeout
            chip.WriteRegister(0x01, 0x8D);      // RXCONTINUOUS
            ulong t0 = scheduler.NowMicroseconds;

            gateway.Transmit(t0 + 10000, 869525000, 9, 125000, frame, true);
            // Header in after 8 + 4.25 + 8 symbols of 4.096 ms = 82.944 ms; the 17-byte frame ends after 164.864 ms.
            scheduler.RunUntil(t0 + 10000 + 82943);
            Assert.AreEqual((byte)0x00, chip.ReadRegister(0x12), "nothing before the header is in");
            scheduler.RunUntil(t0 + 10000 + 82944);
            Assert.AreEqual((byte)0x10, chip.ReadRegister(0x12), "ValidHeader while the payload is still on the air");
            Assert.AreEqual(0, dio.Dio0, "no DIO0 edge yet");
            scheduler.RunUntil(t0 + 10000 + 164864);
            Assert.AreEqual(1, dio.Dio0, "DIO0 (RxDone) at the end of the frame");
            Assert.AreEqual(t0 + 10000 + 164864UL, dio.LastUs, "edge time");
            Assert.AreEqual((byte)0x50, chip.ReadRegister(0x12), "RxDone | ValidHeader");
            Assert.AreEqual((byte)17, chip.ReadRegister(0x13), "RegRxNbBytes");
            Assert.AreEqual(5, chip.Mode, "still RXCONTINUOUS");
            chip.WriteRegister(0x12, 0xFF);

            // A second frame, with a payload CRC that fails: counted as a header, not as a valid packet.
            gateway.DownlinkCrc = true;
            chip.CorruptNextFrames = 1;
            gateway.Transmit(t0 + 1000000, 869525000, 9, 125000, frame, true);
            scheduler.RunUntil(t0 + 61000000);
            Assert.AreEqual(2, dio.Dio0, "a DIO0 edge per frame once the flags were cleared");
            Assert.AreEqual((byte)0x70, chip.ReadRegister(0x12), "RxDone | PayloadCrcError | ValidHeader");
            Assert.AreEqual((byte)2, chip.ReadRegister(0x15), "RegRxHeaderCntValueLsb: two headers");
            Assert.AreEqual((byte)1, chip.ReadRegister(0x17), "RegRxPacketCntValueLsb: one valid packet");
            Assert.AreEqual(0, dio.Dio1, "no RxTimeout in a minute of RXCONTINUOUS");
            Assert.AreEqual(5, chip.Mode, "still RXCONTINUOUS");
        }

        [TestMethod]
        public void SpiAllOnes_ReadsFFEverywhere()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = LoRaStandby(scheduler, new Air(scheduler), new DioLog());
            chip.SpiReadsAllOnes = true;
            Assert.AreEqual((byte)0xFF, chip.ReadRegister(0x42), "RegVersion");
            Assert.AreEqual((byte)0xFF, chip.ReadRegister(0x12), "RegIrqFlags");
            byte[] fifo = new byte[2];
            chip.ReadFifo(fifo, 0, 2);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF }, fifo, "FIFO");
        }
    }
}
