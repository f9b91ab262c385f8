namespace Drivers.Sx127x
{
    /// <summary>Bit fields and fixed values of the registers in <see cref="Register"/> (SX1276 datasheet, LoRa register descriptions).</summary>
    internal static class RegisterBits
    {
        // RegOpMode (0x01)
        /// <summary>LongRangeMode: 1 = LoRa. Only changes in sleep mode.</summary>
        public const byte LongRangeMode = 0x80;
        /// <summary>LowFrequencyModeOn, 1 after reset; the driver keeps it (it only selects the test-register page).</summary>
        public const byte LowFrequencyModeOn = 0x08;
        /// <summary>Mode field mask (bits 2..0).</summary>
        public const byte ModeMask = 0x07;
        public const byte ModeSleep = 0x00;
        public const byte ModeStandby = 0x01;
        public const byte ModeTx = 0x03;
        public const byte ModeRxContinuous = 0x05;
        public const byte ModeRxSingle = 0x06;

        // RegIrqFlags (0x12) / RegIrqFlagsMask (0x11)
        public const byte IrqRxTimeout = 0x80;
        public const byte IrqRxDone = 0x40;
        public const byte IrqPayloadCrcError = 0x20;
        public const byte IrqValidHeader = 0x10;
        public const byte IrqTxDone = 0x08;
        public const byte IrqAll = 0xFF;
        /// <summary>RegIrqFlagsMask during TX: everything masked but TxDone.</summary>
        public const byte IrqMaskAllButTxDone = 0xFF ^ IrqTxDone;
        /// <summary>RegIrqFlagsMask during RX: everything masked but RxTimeout, RxDone and PayloadCrcError.</summary>
        public const byte IrqMaskAllButRx = 0xFF ^ (IrqRxTimeout | IrqRxDone | IrqPayloadCrcError);

        // RegDioMapping1 (0x40), LoRa mode: DIO0 00 = RxDone, 01 = TxDone; DIO1 00 = RxTimeout.
        public const byte DioMappingRx = 0x00;
        public const byte DioMappingTx = 0x40;

        // RegPaConfig (0x09)
        public const byte PaSelectBoost = 0x80;
        /// <summary>MaxPower = 7 (only meaningful on RFO; PA_BOOST ignores it).</summary>
        public const byte MaxPower7 = 0x70;

        // RegPaRamp (0x0A): PaRamp bits 3..0, 1001 = 40 µs (the reset value).
        public const byte PaRamp40Us = 0x09;

        // RegPaDac (0x4D)
        public const byte PaDacDefault = 0x84;
        public const byte PaDacHighPower = 0x87;

        // RegOcp (0x0B): OcpOn | OcpTrim. Imax = 45 + 5·trim (trim ≤ 15), −30 + 10·trim (15 < trim ≤ 27).
        /// <summary>OCP on, 100 mA (trim 11): the reset value, enough up to +17 dBm.</summary>
        public const byte Ocp100mA = 0x2B;
        /// <summary>OCP on, 140 mA (trim 17), for +18..+20 dBm with the high-power PA DAC.</summary>
        public const byte Ocp140mA = 0x31;

        /// <summary>RegLna: G1 (maximum gain) with the HF LNA current boost (150 %).</summary>
        public const byte LnaMaxGainBoost = 0x23;

        // RegModemConfig3 (0x26)
        public const byte LowDataRateOptimize = 0x08;
        public const byte AgcAutoOn = 0x04;

        // RegDetectOptimize (0x31): reserved bits 6..3 keep their reset value 0b1000; DetectionOptimize 0x3 for SF7..12.
        /// <summary>Automatic IF on (bit 7): 500 kHz, or before errata 2.3 is applied.</summary>
        public const byte DetectOptimizeAutoIf = 0xC3;
        /// <summary>Automatic IF off (errata 2.3, bandwidths below 500 kHz).</summary>
        public const byte DetectOptimizeManualIf = 0x43;
        /// <summary>RegDetectionThreshold for SF7..12.</summary>
        public const byte DetectionThresholdSf7To12 = 0x0A;

        // Errata 2.3 (bandwidth 62.5..250 kHz): register 0x2F (RegIfFreq1) = 0x40, register 0x30 (RegIfFreq2) = 0x00.
        public const byte IfFreq1Errata = 0x40;
        public const byte IfFreq2Errata = 0x00;

        // Errata 2.1: RegHighBwOptimize1 0x02 at 500 kHz (0x03 otherwise); RegHighBwOptimize2 0x64 (HF) / 0x7F (LF).
        public const byte HighBwOptimize1Default = 0x03;
        public const byte HighBwOptimize1Bw500 = 0x02;
        public const byte HighBwOptimize2Bw500Hf = 0x64;
        public const byte HighBwOptimize2Bw500Lf = 0x7F;

        // RegInvertIQ (0x33): bit 6 = RX inverted; bit 0 = TX *not* inverted (the datasheet's wording of bit 0 is
        // the opposite of what the silicon does). Bits 5..1 keep their reset value (0x27 = normal RX, normal TX).
        public const byte InvertIqNormal = 0x27;
        public const byte InvertIqRxInverted = 0x67;
        public const byte InvertIqTxInverted = 0x26;
        // RegInvertIQ2 (0x3B, LoRa page)
        public const byte InvertIq2Normal = 0x1D;
        public const byte InvertIq2Inverted = 0x19;

        // RegImageCal (0x3B, FSK page)
        public const byte ImageCalStart = 0x40;
        public const byte ImageCalRunning = 0x20;

        /// <summary>RegVersion of every SX1276/77/78/79 (and the RFM95/96/98 built on it).</summary>
        public const byte ExpectedVersion = 0x12;

        // RegSyncWord (0x39)
        public const byte SyncWordPublic = 0x34;
        public const byte SyncWordPrivate = 0x12;
    }
}
