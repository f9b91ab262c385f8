using System;
using Drivers.Sx127x;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A register-level model of the Semtech SX1276 in LoRa mode that answers the driver's
    /// <see cref="IRegisterBus"/> as the chip answers SPI transactions: registers with their reset values, the FSK
    /// and LoRa register pages, the 256-byte FIFO with RegFifoAddrPtr / TxBase / RxBase / RxCurrentAddr /
    /// RxNbBytes, the operating modes (sleep, standby, TX, RXSINGLE, RXCONTINUOUS), IRQ flags with their mask, the
    /// DIO0/DIO1 mapping with rising edges reported to an <see cref="IDioListener"/>, and timing in virtual time:
    /// a transmission lasts the air time of the programmed parameters, a single reception times out after
    /// SymbTimeout symbols unless a matching preamble starts inside the window; RXCONTINUOUS receives every matching
    /// frame (ValidHeader when its header is in, RxDone at its end, PayloadCrcError with a failed payload CRC) and stays
    /// in RX, without a timeout.
    /// </summary>
    /// <remarks>
    /// Rules the model enforces (datasheet): LongRangeMode changes only in sleep mode; the FIFO is not accessible
    /// in sleep mode and its content is lost there (the model's pessimistic reading); RXSINGLE and TX return to
    /// standby by themselves; masked IRQs never set their flag; a DIO rises only on a 0 → 1 change of its
    /// mapped flag, so an uncleared flag hides later events. A frame is received only if frequency (within
    /// ±BW/4), SF, bandwidth, sync word, IQ polarity (RegInvertIQ bit 6 with the matching RegInvertIQ2 value),
    /// low data rate optimisation and explicit header match, the SNR is above the SF's demodulation floor, and the
    /// radio was already in RX when the preamble began (<see cref="LateLockSymbols"/> relaxes this).
    /// FSK/OOK packet mode for LoRaWAN's GFSK rates is in Sx1276ChipModel.Fsk.cs.
    /// Not modelled: OOK, CAD, frequency hopping, implicit header, collisions.
    /// Misbehaviour switches: <see cref="Version"/>, <see cref="SpiReadsAllOnes"/>, <see cref="DropDio0Edges"/>,
    /// <see cref="DropDio1Edges"/>, <see cref="HangNextTransmissions"/>, <see cref="CorruptNextFrames"/>.
    /// </remarks>
    public sealed partial class Sx1276ChipModel : IRegisterBus, IResetLine, IAirReceiver, ISimulationEventHandler
    {
        const int ModeSleep = 0;
        const int ModeStandby = 1;
        const int ModeTx = 3;
        const int ModeRxContinuous = 5;
        const int ModeRxSingle = 6;

        readonly VirtualScheduler _scheduler;
        readonly Air _air;
        readonly byte[] _lora = new byte[0x80];
        readonly byte[] _fsk = new byte[ChipRegisters.PagedLast - ChipRegisters.PagedFirst + 1];
        readonly byte[] _fifo = new byte[256];
        IDioListener _dioListener;
        byte _irqFlags;
        bool _dio0High;
        bool _dio1High;
        int _imageCalReadsLeft;

        byte _version = 0x12;
        bool _spiReadsAllOnes;
        int _dropDio0Edges;
        int _dropDio1Edges;
        int _corruptNextFrames;
        int _hangNextTransmissions;
        int _lateLockSymbols;
        int _detectSymbols;
        int _linkRssiDbm = -80;
        int _linkSnrQuarterDb = 28;
        int _noiseFloorDbm = -120;
        int _imageCalibrationReads = 3;

        int _resetCount;
        int _imageCalibrationsLf;
        int _imageCalibrationsHf;
        uint _lastImageCalibrationLfHz;
        uint _lastImageCalibrationHfHz;
        int _transmissionCount;
        int _receivedFrameCount;
        int _droppedDioEdges;
        int _configWritesWhileBusy;
        int _invalidTransmissions;

        /// <summary>A chip at its power-on reset state, attached to <paramref name="air"/>, timed by <paramref name="scheduler"/>.</summary>
        public Sx1276ChipModel(VirtualScheduler scheduler, Air air)
        {
            if (scheduler == null) throw new ArgumentNullException("scheduler");
            if (air == null) throw new ArgumentNullException("air");
            _scheduler = scheduler;
            _air = air;
            LoadResetValues();
            air.Attach(this);
        }

        /// <summary>Where DIO rising edges go (the simulated GPIO interrupt controller).</summary>
        public void SetDioListener(IDioListener listener)
        {
            _dioListener = listener;
        }

        // ----- Misbehaviour switches and link settings -----

        /// <summary>What RegVersion (0x42) reads; 0x12 for a real SX1276. Set another value to simulate a wrong chip.</summary>
        public byte Version
        {
            get { return _version; }
            set { _version = value; }
        }

        /// <summary>When true every read returns 0xFF (MISO stuck high, chip missing); writes still land.</summary>
        public bool SpiReadsAllOnes
        {
            get { return _spiReadsAllOnes; }
            set { _spiReadsAllOnes = value; }
        }

        /// <summary>The next this-many DIO0 rising edges are not reported (a lost interrupt).</summary>
        public int DropDio0Edges
        {
            get { return _dropDio0Edges; }
            set { _dropDio0Edges = value; }
        }

        /// <summary>The next this-many DIO1 rising edges are not reported.</summary>
        public int DropDio1Edges
        {
            get { return _dropDio1Edges; }
            set { _dropDio1Edges = value; }
        }

        /// <summary>
        /// The next this-many transmissions never finish: the chip stays in TX mode without sending and never raises
        /// TxDone (what a PLL that fails to lock or a brown-out looks like to the driver). Unlike
        /// <see cref="DropDio0Edges"/>, the TxDone flag is never set either.
        /// </summary>
        public int HangNextTransmissions
        {
            get { return _hangNextTransmissions; }
            set { _hangNextTransmissions = value; }
        }

        /// <summary>
        /// The next this-many received frames arrive with a damaged byte: with a payload CRC the chip flags
        /// PayloadCrcError; without one (LoRaWAN downlinks) the damage goes undetected by the radio.
        /// </summary>
        public int CorruptNextFrames
        {
            get { return _corruptNextFrames; }
            set { _corruptNextFrames = value; }
        }

        /// <summary>
        /// How many preamble symbols may already have passed when RX starts for the radio still to lock on the
        /// frame. 0 (default): the radio must already be in RX when the preamble begins.
        /// </summary>
        public int LateLockSymbols
        {
            get { return _lateLockSymbols; }
            set { _lateLockSymbols = value < 0 ? 0 : value; }
        }

        /// <summary>
        /// Preamble symbols the radio must hear inside a single-RX window to detect the frame before RegSymbTimeout
        /// expires. 0 (default): a preamble starting any time before the timeout is caught.
        /// </summary>
        public int DetectSymbols
        {
            get { return _detectSymbols; }
            set { _detectSymbols = value < 0 ? 0 : value; }
        }

        /// <summary>Signal strength of received frames at the antenna (dBm).</summary>
        public int LinkRssiDbm
        {
            get { return _linkRssiDbm; }
            set { _linkRssiDbm = value; }
        }

        /// <summary>SNR of received frames in quarter dB (below the SF's floor, e.g. −7.5 dB at SF7, nothing is received).</summary>
        public int LinkSnrQuarterDb
        {
            get { return _linkSnrQuarterDb; }
            set { _linkSnrQuarterDb = value; }
        }

        /// <summary>RSSI of the channel without a signal (dBm), what RegRssiValue reports outside a reception.</summary>
        public int NoiseFloorDbm
        {
            get { return _noiseFloorDbm; }
            set { _noiseFloorDbm = value; }
        }

        /// <summary>How many reads of RegImageCal see ImageCalRunning set after a calibration starts.</summary>
        public int ImageCalibrationReads
        {
            get { return _imageCalibrationReads; }
            set { _imageCalibrationReads = value; }
        }

        // ----- Observations -----

        /// <summary>Manual resets (<see cref="Pulse"/>) so far.</summary>
        public int ResetCount { get { return _resetCount; } }
        /// <summary>Image calibrations started with Frf in the LF band (≤ 525 MHz).</summary>
        public int ImageCalibrationsLf { get { return _imageCalibrationsLf; } }
        /// <summary>Image calibrations started with Frf in the HF band (&gt; 525 MHz).</summary>
        public int ImageCalibrationsHf { get { return _imageCalibrationsHf; } }
        /// <summary>Carrier (Frf, in Hz) of the last image calibration of the LF front end (0: none yet).</summary>
        public uint LastImageCalibrationLfHz { get { return _lastImageCalibrationLfHz; } }
        /// <summary>Carrier (Frf, in Hz) of the last image calibration of the HF front end (0: none yet).</summary>
        public uint LastImageCalibrationHfHz { get { return _lastImageCalibrationHfHz; } }
        /// <summary>Frames this chip put on the air.</summary>
        public int TransmissionCount { get { return _transmissionCount; } }
        /// <summary>Frames this chip received (RxDone raised).</summary>
        public int ReceivedFrameCount { get { return _receivedFrameCount; } }
        /// <summary>DIO edges swallowed by <see cref="DropDio0Edges"/>/<see cref="DropDio1Edges"/>.</summary>
        public int DroppedDioEdges { get { return _droppedDioEdges; } }
        /// <summary>Writes to Frf/modem registers outside sleep and standby (the datasheet forbids them).</summary>
        public int ConfigWritesWhileBusy { get { return _configWritesWhileBusy; } }
        /// <summary>TX requests with reserved register values (the chip then never finishes).</summary>
        public int InvalidTransmissions { get { return _invalidTransmissions; } }
        /// <summary>True when LongRangeMode is set (LoRa mode).</summary>
        public bool IsLoRaMode { get { return (_lora[ChipRegisters.OpMode] & 0x80) != 0; } }
        /// <summary>RegOpMode Mode field: 0 sleep, 1 standby, 2 FSTX, 3 TX, 4 FSRX, 5 RXCONTINUOUS, 6 RXSINGLE, 7 CAD.</summary>
        public int Mode { get { return _lora[ChipRegisters.OpMode] & 0x07; } }
        /// <summary>Level of the DIO0 pin.</summary>
        public bool Dio0High { get { return _dio0High; } }
        /// <summary>Level of the DIO1 pin.</summary>
        public bool Dio1High { get { return _dio1High; } }

        /// <summary>
        /// A LoRa-page register as the chip holds it, without side effects and whatever the mode (RegIrqFlags and
        /// RegVersion included). For tests.
        /// </summary>
        public byte PeekRegister(int address)
        {
            address &= 0x7F;
            if (address == ChipRegisters.IrqFlags) return _irqFlags;
            if (address == ChipRegisters.Version) return _version;
            return _lora[address];
        }

        /// <summary>An FSK-page register (0x0D..0x3F) without side effects. For tests.</summary>
        public byte PeekFskRegister(int address)
        {
            return _fsk[address - ChipRegisters.PagedFirst];
        }

        /// <summary>Overwrites a LoRa-page register's stored value without side effects (e.g. RegPktSnrValue). For tests.</summary>
        public void PokeRegister(int address, byte value)
        {
            address &= 0x7F;
            if (address == ChipRegisters.IrqFlags) _irqFlags = value;
            else _lora[address] = value;
        }

        /// <summary>One FIFO byte, without moving any pointer. For tests.</summary>
        public byte PeekFifo(int index)
        {
            return _fifo[index & 0xFF];
        }

        // ----- IResetLine -----

        /// <summary>Manual reset: every register back to its reset value, FSK standby, FIFO cleared, TX/RX aborted.</summary>
        public void Pulse()
        {
            StopActivity();
            LoadResetValues();
            _resetCount++;
        }

        // ----- IRegisterBus -----

        /// <inheritdoc />
        public byte ReadRegister(byte address)
        {
            if (_spiReadsAllOnes) return 0xFF;
            int a = address & 0x7F;
            if (a == ChipRegisters.Fifo) return ReadFifoByte();
            if (a == ChipRegisters.Version) return _version;
            if (IsFskPage(a))
            {
                if (a == ChipRegisters.FskImageCal) return ReadImageCal();
                byte fskValue;
                if (TryReadFskRegister(a, out fskValue)) return fskValue;   // FSK status flags and RSSI: Sx1276ChipModel.Fsk.cs
                return _fsk[a - ChipRegisters.PagedFirst];
            }
            if (a == ChipRegisters.IrqFlags) return _irqFlags;
            if (a == ChipRegisters.RssiValue)
            {
                NoteRssiRead();
                return RssiRegister(_locked != null ? _linkRssiDbm : CurrentRssiDbm(), 0, false);
            }
            return _lora[a];
        }

        /// <inheritdoc />
        public void WriteRegister(byte address, byte value)
        {
            int a = address & 0x7F;
            if (a == ChipRegisters.Fifo)
            {
                WriteFifoByte(value);
                return;
            }
            if (a == ChipRegisters.OpMode)
            {
                WriteOpMode(value);
                return;
            }
            if (IsFskPage(a))
            {
                if (a == ChipRegisters.FskImageCal) WriteImageCal(value);
                else _fsk[a - ChipRegisters.PagedFirst] = value;
                return;
            }
            switch (a)
            {
                case ChipRegisters.IrqFlags:
                    _irqFlags &= (byte)~value; // write 1 to clear
                    UpdateDio();
                    return;
                case ChipRegisters.DioMapping1:
                    _lora[a] = value;
                    UpdateDio();
                    return;
                case ChipRegisters.FifoRxCurrentAddr:
                case ChipRegisters.RxNbBytes:
                case ChipRegisters.RxHeaderCntValueMsb:
                case ChipRegisters.RxHeaderCntValueLsb:
                case ChipRegisters.RxPacketCntValueMsb:
                case ChipRegisters.RxPacketCntValueLsb:
                case ChipRegisters.ModemStat:
                case ChipRegisters.PktSnrValue:
                case ChipRegisters.PktRssiValue:
                case ChipRegisters.RssiValue:
                case ChipRegisters.HopChannel:
                case ChipRegisters.FifoRxByteAddr:
                case ChipRegisters.Version:
                    return; // read-only
                case ChipRegisters.FrfMsb:
                case ChipRegisters.FrfMid:
                case ChipRegisters.FrfLsb:
                case ChipRegisters.ModemConfig1:
                case ChipRegisters.ModemConfig2:
                case ChipRegisters.ModemConfig3:
                case ChipRegisters.PreambleMsb:
                case ChipRegisters.PreambleLsb:
                case ChipRegisters.SyncWord:
                    if (Mode != ModeSleep && Mode != ModeStandby) _configWritesWhileBusy++;
                    break;
            }
            _lora[a] = value;
        }

        /// <inheritdoc />
        public void ReadFifo(byte[] buffer, int offset, int length)
        {
            for (int i = 0; i < length; i++) buffer[offset + i] = _spiReadsAllOnes ? (byte)0xFF : ReadFifoByte();
        }

        /// <inheritdoc />
        public void WriteFifo(byte[] buffer, int offset, int length)
        {
            for (int i = 0; i < length; i++) WriteFifoByte(buffer[offset + i]);
        }

        // ----- Registers, FIFO, modes -----

        bool IsFskPage(int address)
        {
            if (address < ChipRegisters.PagedFirst || address > ChipRegisters.PagedLast) return false;
            byte opMode = _lora[ChipRegisters.OpMode];
            // FSK mode, or LoRa mode with AccessSharedReg (bit 6) set.
            return (opMode & 0x80) == 0 || (opMode & 0x40) != 0;
        }

        bool FifoAccessible()
        {
            return IsLoRaMode && Mode != ModeSleep;
        }

        byte ReadFifoByte()
        {
            if (!IsLoRaMode) return FskFifoPop();
            if (!FifoAccessible()) return 0;
            byte pointer = _lora[ChipRegisters.FifoAddrPtr];
            _lora[ChipRegisters.FifoAddrPtr] = (byte)(pointer + 1);
            return _fifo[pointer];
        }

        void WriteFifoByte(byte value)
        {
            if (!IsLoRaMode)
            {
                FskFifoPush(value);
                return;
            }
            if (!FifoAccessible()) return;
            byte pointer = _lora[ChipRegisters.FifoAddrPtr];
            _fifo[pointer] = value;
            _lora[ChipRegisters.FifoAddrPtr] = (byte)(pointer + 1);
        }

        byte ReadImageCal()
        {
            byte value = _fsk[ChipRegisters.FskImageCal - ChipRegisters.PagedFirst];
            if (_imageCalReadsLeft > 0)
            {
                _imageCalReadsLeft--;
                return (byte)(value | 0x20);
            }
            return (byte)(value & ~0x20);
        }

        void WriteImageCal(byte value)
        {
            // ImageCalStart (bit 6) triggers in standby mode; ImageCalRunning (bit 5) is read-only.
            _fsk[ChipRegisters.FskImageCal - ChipRegisters.PagedFirst] = (byte)(value & ~0x60);
            if ((value & 0x40) == 0 || Mode != ModeStandby) return;
            _imageCalReadsLeft = _imageCalibrationReads;
            uint frequencyHz = FrequencyHzExact();
            if (frequencyHz > 525000000)
            {
                _imageCalibrationsHf++;
                _lastImageCalibrationHfHz = frequencyHz;
            }
            else
            {
                _imageCalibrationsLf++;
                _lastImageCalibrationLfHz = frequencyHz;
            }
        }

        void WriteOpMode(byte value)
        {
            byte current = _lora[ChipRegisters.OpMode];
            int oldMode = current & 0x07;
            int newMode = value & 0x07;
            // LongRangeMode can be modified only in sleep mode; a write in another mode keeps the old value.
            int longRange = oldMode == ModeSleep ? (value & 0x80) : (current & 0x80);
            bool modemChanged = longRange != (current & 0x80);
            _lora[ChipRegisters.OpMode] = (byte)(longRange | (value & 0x78) | newMode);
            if (newMode == oldMode && !modemChanged) return;
            OnModeChange(oldMode, newMode);
        }

        void SetModeQuietly(int mode)
        {
            _lora[ChipRegisters.OpMode] = (byte)((_lora[ChipRegisters.OpMode] & 0xF8) | mode);
        }

        void OnModeChange(int oldMode, int newMode)
        {
            NoteModeChangeForSense(newMode);
            if (oldMode == ModeTx || oldMode == ModeRxSingle || oldMode == ModeRxContinuous) StopActivity();
            if (newMode == ModeSleep)
            {
                Array.Clear(_fifo, 0, _fifo.Length);
                for (int a = ChipRegisters.RxHeaderCntValueMsb; a <= ChipRegisters.RxPacketCntValueLsb; a++) _lora[a] = 0;
            }
            if (!IsLoRaMode)
            {
                OnFskModeChange(oldMode, newMode);
                return;
            }
            if (newMode == ModeTx) StartTransmission();
            else if (newMode == ModeRxSingle || newMode == ModeRxContinuous) StartReception(newMode == ModeRxSingle);
        }

        void LoadResetValues()
        {
            for (int a = 0; a < _lora.Length; a++) _lora[a] = ChipRegisters.LoRaResetValue(a);
            for (int a = 0; a < _fsk.Length; a++) _fsk[a] = ChipRegisters.FskResetValue(a + ChipRegisters.PagedFirst);
            Array.Clear(_fifo, 0, _fifo.Length);
            _irqFlags = 0;
            _dio0High = false;
            _dio1High = false;
            _imageCalReadsLeft = 0;
            ClearFskFifo();
            _fskIrq1 = 0;
            _fskIrq2 = 0;
        }

        void RaiseIrq(byte flags)
        {
            flags &= (byte)~_lora[ChipRegisters.IrqFlagsMask]; // a masked IRQ never sets its flag
            _irqFlags |= flags;
            UpdateDio();
        }

        void UpdateDio()
        {
            byte mapping = _lora[ChipRegisters.DioMapping1];
            bool lora = IsLoRaMode;
            bool high0 = lora ? (_irqFlags & Dio0Source(mapping >> 6)) != 0 : FskDio0High(mapping >> 6);
            bool high1 = lora && (_irqFlags & Dio1Source((mapping >> 4) & 0x03)) != 0;
            bool rise0 = high0 && !_dio0High;
            bool rise1 = high1 && !_dio1High;
            _dio0High = high0;
            _dio1High = high1;
            if (rise0) Edge(0);
            if (rise1) Edge(1);
        }

        /// <summary>DIO0 in LoRa mode: 00 RxDone, 01 TxDone, 10 CadDone.</summary>
        static byte Dio0Source(int mapping)
        {
            switch (mapping)
            {
                case 0: return ChipRegisters.IrqRxDone;
                case 1: return ChipRegisters.IrqTxDone;
                case 2: return ChipRegisters.IrqCadDone;
                default: return 0;
            }
        }

        /// <summary>DIO1 in LoRa mode: 00 RxTimeout, 01 FhssChangeChannel, 10 CadDetected.</summary>
        static byte Dio1Source(int mapping)
        {
            switch (mapping)
            {
                case 0: return ChipRegisters.IrqRxTimeout;
                case 1: return ChipRegisters.IrqFhssChangeChannel;
                case 2: return ChipRegisters.IrqCadDetected;
                default: return 0;
            }
        }

        void Edge(int dio)
        {
            if (dio == 0 && _dropDio0Edges > 0)
            {
                _dropDio0Edges--;
                _droppedDioEdges++;
                return;
            }
            if (dio == 1 && _dropDio1Edges > 0)
            {
                _dropDio1Edges--;
                _droppedDioEdges++;
                return;
            }
            IDioListener listener = _dioListener;
            if (listener != null) listener.OnDioRising(dio, _scheduler.NowMicroseconds);
        }
    }
}
