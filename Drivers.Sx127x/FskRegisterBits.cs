namespace Drivers.Sx127x
{
    /// <summary>
    /// Values of the FSK/OOK registers for LoRaWAN's GFSK data rates (SX1276/77/78/79 datasheet rev. 7, "Registers
    /// for FSK/OOK modem" and §4.2 "FSK/OOK modem"; the format from RP002-1.0.4's GFSK rows: 50 kbit/s, 25 kHz
    /// deviation, 5-byte preamble, sync word C1 94 C1, variable length, whitening, CRC-16).
    /// </summary>
    internal static class FskRegisterBits
    {
        // RegOpMode (0x01) in FSK/OOK mode: LongRangeMode 0, ModulationType 00 = FSK; Mode 101 = receiver.
        public const byte ModeReceiver = 0x05;

        /// <summary>Frequency deviation of LoRaWAN GFSK: 25 kHz (RP002-1.0.4, every region's FSK row).</summary>
        public const int DeviationHz = 25000;

        /// <summary>
        /// RegPaRamp in FSK: ModulationShaping (6..5) 01 = Gaussian filter BT = 1.0 ("GFSK"; RP002 does not name a BT, 1.0
        /// is the SX1276's widest Gaussian filter), PaRamp 1001 = 40 µs as in LoRa mode.
        /// </summary>
        public const byte PaRampGaussianBt1 = 0x29;

        /// <summary>
        /// RegRxConfig: AfcAutoOn (4), AgcAutoOn (3), RxTrigger 110 = start on PreambleDetect (LoRaMac-node's FSK
        /// receive setting).
        /// </summary>
        public const byte RxConfig = 0x1E;

        /// <summary>RegPreambleDetect: on, 2 bytes detected, tolerance 10 chip errors (LoRaMac-node's FSK setting).</summary>
        public const byte PreambleDetect = 0xAA;

        /// <summary>RegSyncConfig: AutoRestartRxMode off, PreamblePolarity 0 (0xAA), SyncOn, SyncSize 2 = 3 bytes.</summary>
        public const byte SyncConfig = 0x12;

        /// <summary>LoRaWAN's GFSK sync word C1 94 C1 (RP002-1.0.4 "Preamble format").</summary>
        public const byte Sync1 = 0xC1;
        public const byte Sync2 = 0x94;
        public const byte Sync3 = 0xC1;

        /// <summary>
        /// RegPacketConfig1: PacketFormat 1 = variable length, DcFree 10 = whitening, CrcOn, CrcAutoClearOff (PayloadReady
        /// comes even on a bad CRC, and CrcOk tells), no address filtering, CrcWhiteningType 0 = CCITT CRC-16 with the
        /// standard whitening.
        /// </summary>
        public const byte PacketConfig1 = 0xD8;

        /// <summary>RegPacketConfig2: DataMode 1 = packet mode; PayloadLength(10:8) = 0.</summary>
        public const byte PacketConfig2 = 0x40;

        /// <summary>RegFifoThresh: TxStartCondition 1 = start when the FIFO is not empty; threshold 15.</summary>
        public const byte FifoThresh = 0x8F;

        // RegIrqFlags1 (0x3E)
        public const byte Irq1PreambleDetect = 0x02;
        public const byte Irq1SyncAddressMatch = 0x01;

        // RegIrqFlags2 (0x3F)
        public const byte Irq2FifoOverrun = 0x10;
        public const byte Irq2PacketSent = 0x08;
        public const byte Irq2PayloadReady = 0x04;
        public const byte Irq2CrcOk = 0x02;

        /// <summary>RegDioMapping1 in packet mode: DIO0 00 = PayloadReady (RX) / PacketSent (TX).</summary>
        public const byte DioMapping = 0x00;

        /// <summary>The FIFO of the FSK packet engine holds 64 bytes; the length byte of a variable-length packet is one of them.</summary>
        public const int FifoSize = 64;
    }
}
