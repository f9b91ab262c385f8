namespace LoRaWan.Simulation
{
    /// <summary>
    /// SX1276 register addresses (LoRa page unless noted) and power-on reset values as the chip model uses them,
    /// written down from the Semtech SX1276/77/78/79 datasheet register tables independently of the driver.
    /// </summary>
    internal static class ChipRegisters
    {
        public const byte Fifo = 0x00;
        public const byte OpMode = 0x01;
        public const byte FrfMsb = 0x06;
        public const byte FrfMid = 0x07;
        public const byte FrfLsb = 0x08;
        public const byte PaConfig = 0x09;
        public const byte Ocp = 0x0B;
        public const byte Lna = 0x0C;
        public const byte FifoAddrPtr = 0x0D;
        public const byte FifoTxBaseAddr = 0x0E;
        public const byte FifoRxBaseAddr = 0x0F;
        public const byte FifoRxCurrentAddr = 0x10;
        public const byte IrqFlagsMask = 0x11;
        public const byte IrqFlags = 0x12;
        public const byte RxNbBytes = 0x13;
        public const byte RxHeaderCntValueMsb = 0x14;
        public const byte RxHeaderCntValueLsb = 0x15;
        public const byte RxPacketCntValueMsb = 0x16;
        public const byte RxPacketCntValueLsb = 0x17;
        public const byte ModemStat = 0x18;
        public const byte PktSnrValue = 0x19;
        public const byte PktRssiValue = 0x1A;
        public const byte RssiValue = 0x1B;
        public const byte HopChannel = 0x1C;
        public const byte ModemConfig1 = 0x1D;
        public const byte ModemConfig2 = 0x1E;
        public const byte SymbTimeoutLsb = 0x1F;
        public const byte PreambleMsb = 0x20;
        public const byte PreambleLsb = 0x21;
        public const byte PayloadLength = 0x22;
        public const byte MaxPayloadLength = 0x23;
        public const byte FifoRxByteAddr = 0x25;
        public const byte ModemConfig3 = 0x26;
        public const byte DetectOptimize = 0x31;
        public const byte InvertIQ = 0x33;
        public const byte SyncWord = 0x39;
        public const byte InvertIQ2 = 0x3B;
        public const byte DioMapping1 = 0x40;
        public const byte Version = 0x42;
        public const byte PaDac = 0x4D;

        /// <summary>FSK page: RegImageCal (AutoImageCalOn 7, ImageCalStart 6, ImageCalRunning 5).</summary>
        public const byte FskImageCal = 0x3B;

        /// <summary>First and last address of the page that differs between FSK/OOK and LoRa mode.</summary>
        public const byte PagedFirst = 0x0D;
        public const byte PagedLast = 0x3F;

        // RegIrqFlags bits
        public const byte IrqRxTimeout = 0x80;
        public const byte IrqRxDone = 0x40;
        public const byte IrqPayloadCrcError = 0x20;
        public const byte IrqValidHeader = 0x10;
        public const byte IrqTxDone = 0x08;
        public const byte IrqCadDone = 0x04;
        public const byte IrqFhssChangeChannel = 0x02;
        public const byte IrqCadDetected = 0x01;

        /// <summary>Power-on value of a LoRa-page (or common) register.</summary>
        public static byte LoRaResetValue(int address)
        {
            switch (address)
            {
                case 0x01: return 0x09; // RegOpMode: FSK, LowFrequencyModeOn, standby
                case 0x06: return 0x6C; // RegFrf = 0x6C8000 → 434 MHz
                case 0x07: return 0x80;
                case 0x08: return 0x00;
                case 0x09: return 0x4F; // RegPaConfig
                case 0x0A: return 0x09; // RegPaRamp
                case 0x0B: return 0x2B; // RegOcp: on, 100 mA
                case 0x0C: return 0x20; // RegLna: G1
                case 0x0E: return 0x80; // RegFifoTxBaseAddr
                case 0x0F: return 0x00; // RegFifoRxBaseAddr
                case 0x1D: return 0x72; // RegModemConfig1: 125 kHz, 4/5, explicit
                case 0x1E: return 0x70; // RegModemConfig2: SF7
                case 0x1F: return 0x64; // RegSymbTimeoutLsb
                case 0x20: return 0x00; // RegPreambleMsb
                case 0x21: return 0x08; // RegPreambleLsb
                case 0x22: return 0x01; // RegPayloadLength
                case 0x23: return 0xFF; // RegMaxPayloadLength
                case 0x2F: return 0x20; // RegIfFreq1 (value not in the datasheet; the model's choice)
                case 0x31: return 0xC3; // RegDetectOptimize: automatic IF on, SF7..12
                case 0x33: return 0x27; // RegInvertIQ: normal RX and TX
                case 0x36: return 0x03; // RegHighBwOptimize1
                case 0x37: return 0x0A; // RegDetectionThreshold
                case 0x39: return 0x12; // RegSyncWord: private
                case 0x3B: return 0x1D; // RegInvertIQ2: normal
                case 0x4B: return 0x09; // RegTcxo
                case 0x4D: return 0x84; // RegPaDac
                default: return 0x00;
            }
        }

        /// <summary>Power-on value of an FSK-page register (0x0D..0x3F); only RegImageCal matters to the model.</summary>
        public static byte FskResetValue(int address)
        {
            // RegImageCal 0x82; RegPacketConfig2 0x40 (DataMode 1: packet mode, datasheet rev. 7 register table).
            if (address == FskImageCal) return 0x82;
            return address == 0x31 ? (byte)0x40 : (byte)0x00;
        }
    }
}
