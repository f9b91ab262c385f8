using System;
using System.IO;
using LoRaWan.Platform;
using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    /// <summary>
    /// Semtech SX1276/77/78/79 (HopeRF RFM95/96/98) driver, LoRa mode only, implementing the MAC's
    /// <see cref="IRadio"/> directly. It talks to the chip only through an <see cref="IRegisterBus"/>, takes the
    /// DIO0/DIO1 interrupts through <see cref="OnDio0"/>/<see cref="OnDio1"/> (wired to GPIO on the board, to the
    /// chip model in simulation) and reports completions to the <see cref="IRadioEventSink"/> with a timestamp
    /// taken from the <see cref="IClock"/> first thing in the handler.
    /// Transmit and receive allocate nothing.
    /// </summary>
    /// <remarks>
    /// Create it, call <see cref="Init"/> (it throws <see cref="IOException"/> when no SX1276 answers), then use
    /// it through <see cref="IRadio"/>. Completion events:
    /// TX → <see cref="RadioEvent.TxDone"/> (DIO0), or, when the MAC's TX deadline passes first
    /// (<see cref="TxDeadlinePassed"/>), TxDone found in RegIrqFlags or <see cref="RadioEvent.TxTimeout"/> (the
    /// chip is then put to sleep, reset and re-initialised by the next command); the driver has no timer of its own;
    /// RX → <see cref="RadioEvent.RxDone"/> / <see cref="RadioEvent.RxCrcError"/> (DIO0) or
    /// <see cref="RadioEvent.RxTimeout"/> (DIO1).
    /// Read a received frame with <see cref="ReadPacket"/> before the next Transmit, Receive or Sleep: the chip
    /// keeps it in its FIFO only until then (the FIFO is not retained in sleep mode).
    /// </remarks>
    public sealed partial class Sx1276 : IRadio
    {
        const int StateUninitialized = 0;
        const int StateStandby = 1;
        const int StateSleep = 2;
        const int StateTx = 3;
        const int StateRx = 4;

        /// <summary>Register reads allowed while waiting for one image calibration (≈10 ms on the chip).</summary>
        const int ImageCalibrationMaxPolls = 2000;

        /// <summary>Above this frequency the HF port is in use (RSSI offset −157 dB, errata 2.1 HF value).</summary>
        public const uint HighFrequencyThresholdHz = 525000000;

        /// <summary>
        /// PA ramp-down after the last symbol, µs: RegPaRamp = 1001 (40 µs, its reset value, which Init writes
        /// explicitly; datasheet rev. 7, RegPaRamp and §5.4.2 "PA ramp"). Part of the computed end of a frame.
        /// </summary>
        public const ulong PaRampDownUs = 40;

        /// <summary>Where the HF front end is calibrated unless <see cref="ImageCalibrationFrequencyHz"/> says otherwise: 868 MHz.</summary>
        public const uint DefaultImageCalibrationHz = 868000000;

        /// <summary>Where the LF front end is calibrated when the band in use is HF: 434 MHz, the chip's own power-on choice (§4.2.3.8).</summary>
        public const uint LowBandImageCalibrationHz = 434000000;

        /// <summary>Highest output power without <see cref="AllowHighPower"/>: +17 dBm, the PA_BOOST limit with the default PA DAC.</summary>
        public const int DefaultMaxPowerDbm = 17;

        /// <summary>Highest output power with <see cref="AllowHighPower"/>: +20 dBm (RegPaDac 0x87, datasheet §5.4.3).</summary>
        public const int HighPowerMaxDbm = 20;

        /// <summary>+18..+20 dBm is allowed for 1 % of the time (datasheet §5.4.3): a high-power frame rests 99 times its air time.</summary>
        public const ulong HighPowerDutyCycleDivisor = 100;

        /// <summary>
        /// The clock is read just before and just after the SPI write of TX mode; when the two stamps are further
        /// apart than this (the thread was pre-empted in between), the start is not trusted and TxDone falls back to
        /// the DIO0 stamp alone.
        /// </summary>
        public const ulong MaxTxStartUncertaintyUs = 2000;

        readonly IRegisterBus _bus;
        readonly IClock _clock;
        readonly IResetLine _reset;
        readonly object _sync = new object();

        IRadioEventSink _sink;
        byte _syncWord = RegisterBits.SyncWordPublic;
        int _state = StateUninitialized;
        bool _packetReady;
        uint _rxFrequencyHz;
        RadioEvent _txOutcome;
        ulong _txOutcomeUs;
        ulong _txStartUs;
        ulong _txComputedEndUs;
        bool _txStartTrusted;
        bool _recoveryPending;
        readonly TxDoneTiming _txTiming = new TxDoneTiming();
        readonly LoRaAirTimeMemo _lastAir = new LoRaAirTimeMemo();
        uint _imageCalibrationHz = DefaultImageCalibrationHz;
        bool _allowHighPower;
        bool _highPowerUsed;
        ulong _highPowerNextUs;
        int _highPowerTransmissions;
        int _highPowerDowngrades;
        int _txTimeouts;

        /// <summary>
        /// Creates the driver. Nothing is sent to the chip until <see cref="Init"/>.
        /// </summary>
        /// <param name="bus">Register access to the chip.</param>
        /// <param name="clock">Timestamps for interrupts (HighResTimer on the board, virtual time in simulation).</param>
        /// <param name="reset">The NRESET line, or null when it is not wired (the chip is then only re-initialised).</param>
        public Sx1276(IRegisterBus bus, IClock clock, IResetLine reset)
        {
            if (bus == null) throw new ArgumentNullException("bus");
            if (clock == null) throw new ArgumentNullException("clock");
            _bus = bus;
            _clock = clock;
            _reset = reset;
        }

        /// <summary>
        /// The carrier at which <see cref="Init"/> calibrates the receive chain (image and RSSI calibration,
        /// datasheet rev. 7 §4.2.3.8): the calibration should run with Frf set in the band of interest (the datasheet's
        /// example: 868.3 MHz for the HF port, 169 MHz when used there), and the chip keeps one result per front end.
        /// Set it to the centre of the region's band before <see cref="Init"/> (e.g. (Region.MinFrequencyHz +
        /// Region.MaxFrequencyHz) / 2: 915 MHz for US915, 866.5 MHz for EU868); default 868 MHz. The other front end
        /// is calibrated at 434 MHz (LF) or 868 MHz (HF).
        /// </summary>
        public uint ImageCalibrationFrequencyHz
        {
            get { return _imageCalibrationHz; }
            set
            {
                if (value < 137000000 || value > 1020000000)
                    throw new ArgumentOutOfRangeException("value", "the SX1276 tunes 137..1020 MHz");
                _imageCalibrationHz = value;
            }
        }

        /// <summary>
        /// Off by default: requests above +17 dBm are sent at +17 dBm. On: +18..+20 dBm (the high-power PA DAC) is
        /// used, but only within the 1 % duty cycle the datasheet (§5.4.3) allows for it: a frame that comes sooner
        /// than 99 × the last high-power frame's air time after it is sent at +17 dBm instead
        /// (<see cref="HighPowerDowngrades"/>). Also check that your board's supply and antenna suit +20 dBm and
        /// that your region allows it.
        /// </summary>
        public bool AllowHighPower
        {
            get { return _allowHighPower; }
            set { lock (_sync) { _allowHighPower = value; } }
        }

        /// <summary>Frames sent at +18..+20 dBm.</summary>
        public int HighPowerTransmissions
        {
            get { return _highPowerTransmissions; }
        }

        /// <summary>Frames that asked for more than +17 dBm with <see cref="AllowHighPower"/> on but were sent at +17 dBm to keep the 1 % duty cycle.</summary>
        public int HighPowerDowngrades
        {
            get { return _highPowerDowngrades; }
        }

        /// <summary>How many transmissions ended in TxDeadlinePassed with the chip still transmitting (put to sleep, reset by the next command) since construction.</summary>
        public int TxTimeoutCount
        {
            get { return _txTimeouts; }
        }

        /// <summary>True once <see cref="Init"/> succeeded; false again after a TX timeout until the next command re-initialises the chip.</summary>
        public bool IsInitialized
        {
            get { return _state != StateUninitialized; }
        }

        /// <summary>
        /// True after a TX timeout: the chip was put to sleep by <see cref="TxDeadlinePassed"/>, and the reset pulse
        /// and re-initialisation (tens of milliseconds of SPI polling) wait for the next <see cref="Transmit"/> or
        /// <see cref="Receive"/>, so the deadline call stays a few register accesses.
        /// </summary>
        public bool RecoveryPending
        {
            get { return _recoveryPending; }
        }

        /// <summary>How each TxDone was timed: the computed end (TX start + air time + ramp-down) next to the DIO0 stamp.</summary>
        public TxDoneTiming TxTiming
        {
            get { return _txTiming; }
        }

        /// <summary>
        /// Resets (when a reset line is wired) and initialises the chip: checks RegVersion, runs the RX chain
        /// (image) calibration at 434 and 868 MHz, switches to LoRa mode (sleep → LoRa → standby) and writes the
        /// settings that never change (LNA, FIFO bases, detection optimisation). Safe to call again at any time.
        /// </summary>
        /// <exception cref="IOException">no SX1276 answers (wrong wiring, chip-select pin or SPI mode) or it does not obey.</exception>
        public void Init()
        {
            lock (_sync)
            {
                InitCore();
            }
        }

        void InitCore()
        {
            _state = StateUninitialized;
            _packetReady = false;
            _fskMode = false;   // the sequence below ends in LoRa standby from any mode
            if (_reset != null) _reset.Pulse();

            byte version = R(Register.Version);
            if (version != RegisterBits.ExpectedVersion) throw WrongVersion(version);

            // FSK/OOK standby: RegImageCal lives on the FSK register page and ImageCalStart acts in standby (datasheet §4.2.3.8).
            // LongRangeMode only changes in sleep mode, so go to sleep first whatever mode the chip is in.
            W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeStandby);
            CalibrateRxChain();

            // Sleep → LoRa (sleep) → standby.
            W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeStandby);
            byte opMode = R(Register.OpMode);
            if ((opMode & RegisterBits.LongRangeMode) == 0 || (opMode & RegisterBits.ModeMask) != RegisterBits.ModeStandby)
                throw new IOException("SX1276 did not enter LoRa standby mode (RegOpMode reads 0x" + opMode.ToString("X2") + ", expected 0x89).");

            W(Register.Lna, RegisterBits.LnaMaxGainBoost);
            W(Register.PaRamp, RegisterBits.PaRamp40Us);
            W(Register.FifoTxBaseAddr, 0x00);
            W(Register.FifoRxBaseAddr, 0x00);
            W(Register.MaxPayloadLength, 0xFF);
            W(Register.DetectOptimize, RegisterBits.DetectOptimizeAutoIf);
            W(Register.DetectionThreshold, RegisterBits.DetectionThresholdSf7To12);
            W(Register.SyncWord, _syncWord);
            W(Register.IrqFlagsMask, RegisterBits.IrqAll);
            W(Register.IrqFlags, RegisterBits.IrqAll);
            _state = StateStandby;
        }

        /// <inheritdoc />
        public void SetEventSink(IRadioEventSink sink)
        {
            _sink = sink;
        }

        /// <inheritdoc />
        public void SetPublicNetwork(bool isPublic)
        {
            lock (_sync)
            {
                _syncWord = isPublic ? RegisterBits.SyncWordPublic : RegisterBits.SyncWordPrivate;
                if (_state != StateUninitialized) W(Register.SyncWord, _syncWord);
            }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">a parameter the SX1276 cannot send in LoRaWAN (SF 7..12, 125/250/500 kHz, 1..255 bytes).</exception>
        public void Transmit(TxConfig config, byte[] buffer, int offset, int length)
        {
            if (config == null) throw new ArgumentNullException("config");
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (length < 1 || length > 255) throw new ArgumentOutOfRangeException("length", "a LoRa payload is 1..255 bytes");
            if (offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException("offset");
            if (config.FskBitRate != 0)
            {
                TransmitFsk(config, buffer, offset, length);   // GFSK data rate: Sx1276.Fsk.cs
                return;
            }
            int spreadingFactor = config.SpreadingFactor;
            int bandwidthHz = config.BandwidthHz;
            int codingRate = config.CodingRate;
            int preambleSymbols = config.PreambleSymbols;
            bool crc = config.Crc;

            lock (_sync)
            {
                // Validated and computed once per parameter set (LoRaAirTimeMemo); a bad set throws here, before anything is written.
                LoRaAirTimeMemo memo = _lastAir;
                ulong airTimeUs = memo.Matches(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, length, crc)
                    ? memo.AirTimeUs
                    : memo.Keep(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, length, crc,
                        ValidateAndComputeAirTime(spreadingFactor, bandwidthHz, codingRate, preambleSymbols, length, crc));
                _txOutcome = RadioEvent.None;
                if (!EnsureInitialized())
                {
                    ReportTx(RadioEvent.TxTimeout, _clock.NowMicroseconds);
                    return;
                }
                EnterStandby();
                WriteModem(config.FrequencyHz, spreadingFactor, bandwidthHz, codingRate, preambleSymbols, crc, 0);
                WriteTxPower(LimitTxPower(config.PowerDbm, _clock.NowMicroseconds, airTimeUs));
                // The register writes below go straight to the bus, not through W (issue 20: a call per register).
                IRegisterBus bus = _bus;
                bool invertIq = config.InvertIq;
                bus.WriteRegister((byte)Register.InvertIQ, invertIq ? RegisterBits.InvertIqTxInverted : RegisterBits.InvertIqNormal);
                bus.WriteRegister((byte)Register.InvertIQ2, invertIq ? RegisterBits.InvertIq2Inverted : RegisterBits.InvertIq2Normal);

                // The FIFO is written in standby (datasheet, LoRa FIFO: not accessible in sleep mode): TX base 0, pointer at the base.
                bus.WriteRegister((byte)Register.FifoTxBaseAddr, 0x00);
                bus.WriteRegister((byte)Register.FifoAddrPtr, 0x00);
                bus.WriteFifo(buffer, offset, length);
                bus.WriteRegister((byte)Register.PayloadLength, (byte)length);

                bus.WriteRegister((byte)Register.DioMapping1, RegisterBits.DioMappingTx);
                bus.WriteRegister((byte)Register.IrqFlagsMask, RegisterBits.IrqMaskAllButTxDone);
                bus.WriteRegister((byte)Register.IrqFlags, RegisterBits.IrqAll);

                _packetReady = false;
                _state = StateTx;
                StartTransmitter(RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeTx, airTimeUs);
            }
        }

        /// <summary>
        /// Writes TX mode (<paramref name="opMode"/>: LoRa or FSK) and records what the radio knows about the end of the
        /// frame: the chip starts when the SPI write of TX mode completes, sends for the air time and ramps the PA down.
        /// Stamped on both sides of the write: if the thread was pre-empted in between, the start is unknown and TxDone
        /// uses the DIO0 stamp alone. Caller holds the lock.
        /// </summary>
        void StartTransmitter(int opMode, ulong airTimeUs)
        {
            ulong beforeUs = _clock.NowMicroseconds;
            _bus.WriteRegister((byte)Register.OpMode, (byte)opMode);   // not through W: once per transmission (issue 20)
            ulong afterUs = _clock.NowMicroseconds;
            _txStartUs = afterUs;
            _txComputedEndUs = afterUs + airTimeUs + PaRampDownUs;
            _txStartTrusted = afterUs - beforeUs <= MaxTxStartUncertaintyUs;
            if (!_txStartTrusted) _txTiming.UntrustedStarts++;
            _txTiming.LastStartUs = afterUs;
            _txTiming.LastAirTimeUs = airTimeUs;
            _txTiming.LastComputedEndUs = _txComputedEndUs;
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">a parameter the SX1276 cannot receive in LoRaWAN (SF 7..12, 125/250/500 kHz).</exception>
        public void Receive(RxConfig config)
        {
            if (config == null) throw new ArgumentNullException("config");
            if (config.FskBitRate != 0)
            {
                ReceiveFsk(config);   // GFSK data rate: Sx1276.Fsk.cs
                return;
            }
            ValidateModulation(config.SpreadingFactor, config.BandwidthHz, config.CodingRate, config.PreambleSymbols);
            int symbolTimeout = config.SymbolTimeout;
            if (symbolTimeout < 4) symbolTimeout = 4;
            if (symbolTimeout > 1023) symbolTimeout = 1023;

            lock (_sync)
            {
                if (!EnsureInitialized())
                {
                    Post(RadioEvent.RxTimeout, _clock.NowMicroseconds);
                    return;
                }
                ProgramLoRaReceiver(config, symbolTimeout, RegisterBits.IrqMaskAllButRx);
                _state = StateRx;
                _bus.WriteRegister((byte)Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeRxSingle);
            }
        }

        /// <summary>
        /// Standby, then the LoRa receiver as <paramref name="config"/> says (modem, IQ, errata 2.3, FIFO at 0, DIO0 =
        /// RxDone, <paramref name="irqMask"/> unmasked, flags cleared): what RX single and RXCONTINUOUS share before their
        /// mode write. Caller holds the lock.
        /// </summary>
        void ProgramLoRaReceiver(RxConfig config, int symbolTimeout, byte irqMask)
        {
            EnterStandby();
            uint frequencyHz = config.FrequencyHz;
            int bandwidthHz = config.BandwidthHz;
            WriteModem(frequencyHz, config.SpreadingFactor, bandwidthHz, config.CodingRate, config.PreambleSymbols, config.Crc, symbolTimeout);
            // Straight to the bus, not through W (issue 20: a call per register).
            IRegisterBus bus = _bus;
            bool invertIq = config.InvertIq;
            bus.WriteRegister((byte)Register.InvertIQ, invertIq ? RegisterBits.InvertIqRxInverted : RegisterBits.InvertIqNormal);
            bus.WriteRegister((byte)Register.InvertIQ2, invertIq ? RegisterBits.InvertIq2Inverted : RegisterBits.InvertIq2Normal);
            // Errata 2.3, "Receiver spurious reception of a LoRa signal": below 500 kHz turn the automatic IF off
            // (RegDetectOptimize bit 7 = 0) and set RegIfFreq1 (0x2F) = 0x40 and RegIfFreq2 (0x30) = 0x00 (62.5..250 kHz);
            // at 500 kHz keep the automatic IF on.
            if (bandwidthHz < 500000)
            {
                bus.WriteRegister((byte)Register.DetectOptimize, RegisterBits.DetectOptimizeManualIf);
                bus.WriteRegister((byte)Register.IfFreq1, RegisterBits.IfFreq1Errata);
                bus.WriteRegister((byte)Register.IfFreq2, RegisterBits.IfFreq2Errata);
            }
            else
            {
                bus.WriteRegister((byte)Register.DetectOptimize, RegisterBits.DetectOptimizeAutoIf);
            }

            bus.WriteRegister((byte)Register.FifoRxBaseAddr, 0x00);
            bus.WriteRegister((byte)Register.FifoAddrPtr, 0x00);
            bus.WriteRegister((byte)Register.DioMapping1, RegisterBits.DioMappingRx);
            bus.WriteRegister((byte)Register.IrqFlagsMask, irqMask);
            bus.WriteRegister((byte)Register.IrqFlags, RegisterBits.IrqAll);

            _packetReady = false;
            _rxFrequencyHz = frequencyHz;
        }

        /// <inheritdoc />
        public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || maxLength < 0 || offset > buffer.Length - maxLength) throw new ArgumentOutOfRangeException("maxLength");
            lock (_sync)
            {
                if (!_packetReady) return 0;
                if (_fskMode) return ReadFskPacket(buffer, offset, maxLength, info);
                int length = R(Register.RxNbBytes);
                if (length > maxLength) length = maxLength;
                W(Register.FifoAddrPtr, R(Register.FifoRxCurrentAddr));
                if (length > 0) _bus.ReadFifo(buffer, offset, length);
                if (info != null)
                {
                    int snrQuarterDb = (sbyte)R(Register.PktSnrValue);
                    int packetRssi = R(Register.PktRssiValue);
                    info.SnrQuarterDb = snrQuarterDb;
                    info.RssiDbm = PacketRssiDbm(packetRssi, snrQuarterDb, _rxFrequencyHz > HighFrequencyThresholdHz);
                }
                return length;
            }
        }

        /// <inheritdoc />
        public void Sleep()
        {
            lock (_sync)
            {
                if (_state == StateUninitialized) return;
                _packetReady = false;
                _state = StateSleep;
                if (_fskMode) LeaveFskMode();
                _bus.WriteRegister((byte)Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            }
        }

        /// <summary>
        /// Packet strength from RegPktRssiValue and RegPktSnrValue (datasheet rev. 7, §5.5.5 "RSSI and SNR in LoRa
        /// mode"), with the offset of the port in use (−157 dB HF, −164 dB LF):
        /// SNR ≥ 0: offset + 16/15 · PacketRssi (the datasheet's slope correction; LoRaMac-node's sx1276.c applies
        /// it on both ports too); SNR &lt; 0, the signal below the noise: offset + PacketRssi + PacketSnr · 0.25.
        /// Rounded to the nearest dB.
        /// </summary>
        internal static int PacketRssiDbm(int packetRssi, int snrQuarterDb, bool highFrequencyPort)
        {
            int offset = highFrequencyPort ? -157 : -164;
            if (snrQuarterDb >= 0) return offset + (16 * packetRssi + 7) / 15;   // PacketRssi is 0..255: round(16·r/15)
            return offset + packetRssi + (snrQuarterDb - 2) / 4;
        }

        /// <summary>
        /// Runs a pending re-initialisation (after a TX timeout, or a failed one) here, on the caller's thread.
        /// False when the chip still does not answer.
        /// </summary>
        bool EnsureInitialized()
        {
            if (_state != StateUninitialized) return true;
            try
            {
                InitCore();
                _recoveryPending = false;
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        void EnterStandby()
        {
            if (_fskMode) LeaveFskMode();   // back from a GFSK frame or window: the modem changes in sleep only
            _bus.WriteRegister((byte)Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeStandby);
            _state = StateStandby;
        }

        void CalibrateRxChain()
        {
            // Image and RSSI calibration of the RX chain (datasheet rev. 7 §4.2.3.8): the chip calibrates only the LF
            // front end (at 434 MHz) after a reset, and a calibration is valid for the band it ran in ("launched with
            // Frf set to 868.3 MHz if the HF port supports communication in this frequency band"). So run it in FSK
            // standby, with the PA cut, for both front ends (the results are kept per front end), the one in use at
            // ImageCalibrationFrequencyHz (the region's centre), the other at its usual point.
            byte paConfig = R(Register.PaConfig);
            W(Register.PaConfig, 0x00);
            bool highBand = _imageCalibrationHz > HighFrequencyThresholdHz;
            CalibrateImageAt(highBand ? LowBandImageCalibrationHz : _imageCalibrationHz);
            CalibrateImageAt(highBand ? _imageCalibrationHz : DefaultImageCalibrationHz);
            W(Register.PaConfig, paConfig);
        }

        void CalibrateImageAt(uint frequencyHz)
        {
            WriteFrequency(frequencyHz);
            W(Register.FskImageCal, (byte)(R(Register.FskImageCal) | RegisterBits.ImageCalStart));
            for (int i = 0; i < ImageCalibrationMaxPolls; i++)
            {
                if ((R(Register.FskImageCal) & RegisterBits.ImageCalRunning) == 0) return;
            }
            throw new IOException("SX1276 image calibration did not finish (RegImageCal ImageCalRunning stays set).");
        }

        static IOException WrongVersion(byte version)
        {
            string hint = version == 0xFF
                ? " 0xFF usually means MISO is not connected or the chip is not powered."
                : version == 0x00
                    ? " 0x00 usually means the chip-select (NSS) pin is wrong or the chip is held in reset."
                    : " Another value usually means a different chip (SX1272 reads 0x22) or a wrong SPI mode.";
            return new IOException("SX1276 not found: RegVersion (0x42) reads 0x" + version.ToString("X2") +
                ", expected 0x12. Check the wiring (MOSI, MISO, SCK, NSS, power), the chip-select pin number and that the bus runs SPI mode 0, MSB first." + hint);
        }

        void Post(RadioEvent radioEvent, ulong timestampUs)
        {
            IRadioEventSink sink = _sink;
            if (sink != null) sink.OnRadioEvent(radioEvent, timestampUs);
        }

        byte R(Register register)
        {
            return _bus.ReadRegister((byte)register);
        }

        void W(Register register, byte value)
        {
            _bus.WriteRegister((byte)register, value);
        }

        void W(Register register, int value)
        {
            _bus.WriteRegister((byte)register, (byte)value);
        }
    }
}
