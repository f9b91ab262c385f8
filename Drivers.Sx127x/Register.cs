namespace Drivers.Sx127x
{
    /// <summary>
    /// SX1276/77/78/79 register addresses in LoRa mode, named as the Semtech datasheet ("Registers for the LoRa
    /// modem") names them. Registers 0x0D..0x3F mean something else in FSK/OOK mode; RegImageCal and the
    /// FSK registers of the GFSK data rates (Sx1276.Fsk.cs) are listed at the end, prefixed Fsk.
    /// </summary>
    internal enum Register : byte
    {
        /// <summary>FIFO read/write access (burst through the SPI at this address).</summary>
        Fifo = 0x00,
        /// <summary>LongRangeMode (bit 7), AccessSharedReg (6), LowFrequencyModeOn (3), Mode (2..0).</summary>
        OpMode = 0x01,
        /// <summary>Frf(23:16).</summary>
        FrfMsb = 0x06,
        /// <summary>Frf(15:8).</summary>
        FrfMid = 0x07,
        /// <summary>Frf(7:0); Frf = f · 2^19 / F(XOSC).</summary>
        FrfLsb = 0x08,
        /// <summary>PaSelect (7), MaxPower (6..4), OutputPower (3..0).</summary>
        PaConfig = 0x09,
        /// <summary>PA ramp time.</summary>
        PaRamp = 0x0A,
        /// <summary>OcpOn (5), OcpTrim (4..0).</summary>
        Ocp = 0x0B,
        /// <summary>LnaGain (7..5), LnaBoostLf (4..3), LnaBoostHf (1..0).</summary>
        Lna = 0x0C,
        /// <summary>SPI interface address pointer into the FIFO.</summary>
        FifoAddrPtr = 0x0D,
        /// <summary>Where the modem reads the payload to send.</summary>
        FifoTxBaseAddr = 0x0E,
        /// <summary>Where the modem writes received payloads.</summary>
        FifoRxBaseAddr = 0x0F,
        /// <summary>Start address of the last packet received.</summary>
        FifoRxCurrentAddr = 0x10,
        /// <summary>A 1 masks the corresponding flag of <see cref="IrqFlags"/>.</summary>
        IrqFlagsMask = 0x11,
        /// <summary>RxTimeout (7), RxDone (6), PayloadCrcError (5), ValidHeader (4), TxDone (3), CadDone (2), FhssChangeChannel (1), CadDetected (0); write 1 to clear.</summary>
        IrqFlags = 0x12,
        /// <summary>Number of payload bytes of the last packet received.</summary>
        RxNbBytes = 0x13,
        /// <summary>Modem status.</summary>
        ModemStat = 0x18,
        /// <summary>SNR of the last packet, signed two's complement, in quarter dB.</summary>
        PktSnrValue = 0x19,
        /// <summary>RSSI of the last packet (offset by −157 HF / −164 LF).</summary>
        PktRssiValue = 0x1A,
        /// <summary>Current RSSI.</summary>
        RssiValue = 0x1B,
        /// <summary>PllTimeout (7), CrcOnPayload (6), FhssPresentChannel (5..0).</summary>
        HopChannel = 0x1C,
        /// <summary>Bw (7..4), CodingRate (3..1), ImplicitHeaderModeOn (0).</summary>
        ModemConfig1 = 0x1D,
        /// <summary>SpreadingFactor (7..4), TxContinuousMode (3), RxPayloadCrcOn (2), SymbTimeout(9:8) (1..0).</summary>
        ModemConfig2 = 0x1E,
        /// <summary>SymbTimeout(7:0).</summary>
        SymbTimeoutLsb = 0x1F,
        /// <summary>PreambleLength(15:8).</summary>
        PreambleMsb = 0x20,
        /// <summary>PreambleLength(7:0).</summary>
        PreambleLsb = 0x21,
        /// <summary>Payload length in bytes (TX, and RX in implicit header mode).</summary>
        PayloadLength = 0x22,
        /// <summary>Largest payload the receiver accepts.</summary>
        MaxPayloadLength = 0x23,
        /// <summary>LowDataRateOptimize (3), AgcAutoOn (2).</summary>
        ModemConfig3 = 0x26,
        /// <summary>IF frequency, first register (Semtech's name, REG_LR_IFFREQ1 in LoRaMac-node's sx1276Regs-LoRa.h); errata 2.3 writes it by its address 0x2F.</summary>
        IfFreq1 = 0x2F,
        /// <summary>IF frequency, second register (REG_LR_IFFREQ2); errata 2.3 writes it by its address 0x30.</summary>
        IfFreq2 = 0x30,
        /// <summary>AutomaticIFOn (7, errata 2.3), DetectionOptimize (2..0).</summary>
        DetectOptimize = 0x31,
        /// <summary>InvertIQ RX (6) and TX (0; the datasheet's wording of this bit is inverted: 1 = normal).</summary>
        InvertIQ = 0x33,
        /// <summary>Errata 2.1: 0x03 normally, 0x02 at 500 kHz.</summary>
        HighBwOptimize1 = 0x36,
        /// <summary>Detection threshold: 0x0A for SF7..12.</summary>
        DetectionThreshold = 0x37,
        /// <summary>LoRa sync word: 0x34 public (LoRaWAN), 0x12 private.</summary>
        SyncWord = 0x39,
        /// <summary>Errata 2.1: 0x64 (HF) / 0x7F (LF) at 500 kHz.</summary>
        HighBwOptimize2 = 0x3A,
        /// <summary>0x1D normal IQ, 0x19 inverted IQ.</summary>
        InvertIQ2 = 0x3B,
        /// <summary>Dio0Mapping (7..6), Dio1Mapping (5..4), Dio2Mapping (3..2), Dio3Mapping (1..0).</summary>
        DioMapping1 = 0x40,
        /// <summary>Dio4Mapping, Dio5Mapping, MapPreambleDetect.</summary>
        DioMapping2 = 0x41,
        /// <summary>Silicon revision: 0x12 for the SX1276/77/78/79 (RFM95/96/98).</summary>
        Version = 0x42,
        /// <summary>PA DAC: 0x84 default, 0x87 enables +20 dBm on PA_BOOST.</summary>
        PaDac = 0x4D,

        /// <summary>FSK/OOK page only: AutoImageCalOn (7), ImageCalStart (6), ImageCalRunning (5).</summary>
        FskImageCal = 0x3B,

        // FSK/OOK mode (datasheet "Registers for FSK/OOK modem"); 0x02..0x05 are not paged, 0x0D..0x3F are the FSK page.
        /// <summary>BitRate(15:8); BitRate = F(XOSC) / bit rate (fractional part 0).</summary>
        FskBitrateMsb = 0x02,
        /// <summary>BitRate(7:0).</summary>
        FskBitrateLsb = 0x03,
        /// <summary>Fdev(13:8); Fdev = frequency deviation / F(STEP).</summary>
        FskFdevMsb = 0x04,
        /// <summary>Fdev(7:0).</summary>
        FskFdevLsb = 0x05,
        /// <summary>FSK page: RestartRx… (7..5), AfcAutoOn (4), AgcAutoOn (3), RxTrigger (2..0).</summary>
        FskRxConfig = 0x0D,
        /// <summary>FSK page: RSSI = −RssiValue / 2 dBm.</summary>
        FskRssiValue = 0x11,
        /// <summary>FSK page: RxBwMant (4..3), RxBwExp (2..0); single-side bandwidth F(XOSC) / (RxBwMant · 2^(RxBwExp + 2)).</summary>
        FskRxBw = 0x12,
        /// <summary>FSK page: the AFC bandwidth, same coding as RegRxBw.</summary>
        FskAfcBw = 0x13,
        /// <summary>FSK page: PreambleDetectorOn (7), PreambleDetectorSize (6..5), PreambleDetectorTol (4..0).</summary>
        FskPreambleDetect = 0x1F,
        /// <summary>FSK page: preamble length in bytes (15:8).</summary>
        FskPreambleMsb = 0x25,
        /// <summary>FSK page: preamble length in bytes (7:0).</summary>
        FskPreambleLsb = 0x26,
        /// <summary>FSK page: AutoRestartRxMode (7..6), PreamblePolarity (5), SyncOn (4), SyncSize (2..0) = bytes − 1.</summary>
        FskSyncConfig = 0x27,
        /// <summary>FSK page: first sync word byte (the one sent first).</summary>
        FskSyncValue1 = 0x28,
        /// <summary>FSK page: second sync word byte.</summary>
        FskSyncValue2 = 0x29,
        /// <summary>FSK page: third sync word byte.</summary>
        FskSyncValue3 = 0x2A,
        /// <summary>FSK page: PacketFormat (7), DcFree (6..5), CrcOn (4), CrcAutoClearOff (3), AddressFiltering (2..1), CrcWhiteningType (0).</summary>
        FskPacketConfig1 = 0x30,
        /// <summary>FSK page: DataMode (6), IoHomeOn (5), BeaconOn (3), PayloadLength(10:8).</summary>
        FskPacketConfig2 = 0x31,
        /// <summary>FSK page: PayloadLength(7:0), the largest accepted length in variable-length mode.</summary>
        FskPayloadLength = 0x32,
        /// <summary>FSK page: TxStartCondition (7), FifoThreshold (5..0).</summary>
        FskFifoThresh = 0x35,
        /// <summary>FSK page: ModeReady (7) … Timeout (2), PreambleDetect (1), SyncAddressMatch (0).</summary>
        FskIrqFlags1 = 0x3E,
        /// <summary>FSK page: FifoFull (7), FifoEmpty (6), FifoLevel (5), FifoOverrun (4), PacketSent (3), PayloadReady (2), CrcOk (1), LowBat (0).</summary>
        FskIrqFlags2 = 0x3F,
    }
}
