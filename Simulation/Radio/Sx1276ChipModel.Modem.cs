using LoRaWan.Radio;

namespace LoRaWan.Simulation
{
    // The LoRa modem of the chip model: transmission, single and continuous reception, timing.
    public sealed partial class Sx1276ChipModel
    {
        const int EventTxEnd = 1;
        const int EventRxTimeout = 2;
        const int EventValidHeader = 3;

        int _generation;          // bumped when TX/RX stops: pending events of the old activity become stale
        AirFrame _txFrame;
        AirFrame _locked;         // the frame being received
        bool _rxTimeoutArmed;
        ulong _rxTimeoutAtUs;

        /// <summary>Scheduler callback for the model's own timers (end of TX, RX symbol timeout, header received).</summary>
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            int kind = tag & 0x03;
            if (tag != Tag(kind)) return; // stale: the activity it belonged to has stopped
            if (!IsLoRaMode)
            {
                OnFskSimulationEvent(kind);
                return;
            }
            if (kind == EventTxEnd && Mode == ModeTx)
            {
                // TxDone: the modem returns to standby and raises the IRQ.
                _txFrame = null;
                SetModeQuietly(ModeStandby);
                _generation++;
                RaiseIrq(ChipRegisters.IrqTxDone);
            }
            else if (kind == EventRxTimeout && Mode == ModeRxSingle && _rxTimeoutArmed && _locked == null)
            {
                _rxTimeoutArmed = false;
                SetModeQuietly(ModeStandby);
                _generation++;
                RaiseIrq(ChipRegisters.IrqRxTimeout);
            }
            else if (kind == EventValidHeader && _locked != null && (Mode == ModeRxSingle || Mode == ModeRxContinuous))
            {
                // The explicit header (first 8 symbols after the preamble) was received: ValidHeader and its counter.
                Increment(ChipRegisters.RxHeaderCntValueMsb);
                RaiseIrq(ChipRegisters.IrqValidHeader);
            }
        }

        /// <summary>Air callback: a frame's preamble starts; lock on it if listening with matching parameters.</summary>
        public void OnFrameStart(AirFrame frame, ulong nowUs)
        {
            if (!IsLoRaMode)
            {
                OnFskFrameStart(frame);
                return;
            }
            if (_locked != null || frame.FskBitRate != 0) return;
            int mode = Mode;
            if (mode == ModeRxSingle)
            {
                // "Unless a preamble is detected inside the window": it must start early enough that DetectSymbols
                // of it pass before the timeout.
                if (!_rxTimeoutArmed || nowUs >= _rxTimeoutAtUs) return;
                if (nowUs + (ulong)_detectSymbols * frame.SymbolTimeUs > _rxTimeoutAtUs) return;
            }
            else if (mode != ModeRxContinuous)
            {
                return;
            }
            if (Matches(frame)) Lock(frame);
        }

        /// <summary>Air callback: a frame ends; if it is the one being received, it lands in the FIFO.</summary>
        public void OnFrameEnd(AirFrame frame, ulong nowUs)
        {
            if (frame != _locked) return;
            _locked = null;
            _generation++; // the frame's pending ValidHeader (an aborted frame's) must not fire for the next one
            if (!IsLoRaMode)
            {
                if (Mode == ModeRxContinuous && !frame.Aborted) DeliverFsk(frame);
                return;
            }
            int mode = Mode;
            bool single = mode == ModeRxSingle;
            if (!single && mode != ModeRxContinuous) return;
            if (frame.Aborted)
            {
                // Lost track of the signal: RXSINGLE flags RxTimeout and goes to standby.
                if (single)
                {
                    SetModeQuietly(ModeStandby);
                    _generation++;
                    RaiseIrq(ChipRegisters.IrqRxTimeout);
                }
                return;
            }
            Deliver(frame, single);
        }

        void StopActivity()
        {
            _generation++;
            EndCarrier();
            if (_txFrame != null)
            {
                _air.Abort(_txFrame);
                _txFrame = null;
            }
            _locked = null;
            _rxTimeoutArmed = false;
        }

        int Tag(int kind)
        {
            return (_generation << 2) | kind;
        }

        void StartTransmission()
        {
            int sf = _lora[ChipRegisters.ModemConfig2] >> 4;
            int bandwidthHz = BandwidthHz(_lora[ChipRegisters.ModemConfig1] >> 4);
            int codingRate = (_lora[ChipRegisters.ModemConfig1] >> 1) & 0x07;
            bool explicitHeader = (_lora[ChipRegisters.ModemConfig1] & 0x01) == 0;
            int length = _lora[ChipRegisters.PayloadLength];
            if (sf < 6 || sf > 12 || bandwidthHz == 0 || codingRate < 1 || codingRate > 4 || length == 0)
            {
                _invalidTransmissions++; // reserved values: the model never finishes (the MAC's TX deadline must)
                return;
            }
            if (_hangNextTransmissions > 0)
            {
                _hangNextTransmissions--;
                return; // stays in TX without a frame and without TxDone: only the MAC's TX deadline (IRadio.TxDeadlinePassed) ends it
            }
            bool crc = (_lora[ChipRegisters.ModemConfig2] & 0x04) != 0;
            bool ldro = (_lora[ChipRegisters.ModemConfig3] & 0x08) != 0;
            int preamble = (_lora[ChipRegisters.PreambleMsb] << 8) | _lora[ChipRegisters.PreambleLsb];
            ulong airTimeUs = AirTime.LoRaUs(sf, bandwidthHz, length, codingRate, preamble, explicitHeader, crc, ldro);

            ulong now = _scheduler.NowMicroseconds;
            AirFrame frame = _air.Acquire();
            int txBase = _lora[ChipRegisters.FifoTxBaseAddr];
            for (int i = 0; i < length; i++) frame.Payload[i] = _fifo[(txBase + i) & 0xFF];
            frame.Length = length;
            frame.FrequencyHz = NominalFrequencyHz();
            frame.SpreadingFactor = sf;
            frame.BandwidthHz = bandwidthHz;
            frame.CodingRate = codingRate;
            frame.PreambleSymbols = preamble;
            frame.ExplicitHeader = explicitHeader;
            frame.Crc = crc;
            // RegInvertIQ bit 0 is 1 for a normal TX chirp and 0 for an inverted one.
            frame.InvertIq = (_lora[ChipRegisters.InvertIQ] & 0x01) == 0;
            frame.SyncWord = _lora[ChipRegisters.SyncWord];
            frame.LowDataRateOptimize = ldro;
            frame.PowerDbm = OutputPowerDbm();
            frame.StartUs = now;
            frame.AirTimeUs = airTimeUs;
            frame.Source = this;
            _air.Send(frame);
            _txFrame = frame;
            _transmissionCount++;
            _scheduler.Schedule(now + airTimeUs, this, Tag(EventTxEnd));
        }

        void StartReception(bool single)
        {
            ulong now = _scheduler.NowMicroseconds;
            _locked = null;
            _rxTimeoutArmed = false;
            int sf = _lora[ChipRegisters.ModemConfig2] >> 4;
            int bandwidthHz = BandwidthHz(_lora[ChipRegisters.ModemConfig1] >> 4);
            if (sf < 6 || sf > 12 || bandwidthHz == 0) return; // reserved values: deaf, never times out
            ulong symbolUs = AirTime.SymbolTimeUs(sf, bandwidthHz);
            if (single)
            {
                // RegSymbTimeout: 10 bits, SymbTimeout(9:8) in RegModemConfig2; TimeOut = SymbTimeout · Ts.
                int symbols = ((_lora[ChipRegisters.ModemConfig2] & 0x03) << 8) | _lora[ChipRegisters.SymbTimeoutLsb];
                _rxTimeoutAtUs = now + (ulong)symbols * symbolUs;
                _rxTimeoutArmed = true;
                _scheduler.Schedule(_rxTimeoutAtUs, this, Tag(EventRxTimeout));
            }
            // A frame already on the air is caught only if its preamble began at most LateLockSymbols ago.
            int active = _air.ActiveCount;
            for (int i = 0; i < active; i++)
            {
                AirFrame frame = _air.GetActive(i);
                if (frame == null || frame.StartUs > now || frame.FskBitRate != 0) continue;
                if (now - frame.StartUs > (ulong)_lateLockSymbols * symbolUs) continue;
                if (single && now + (ulong)_detectSymbols * symbolUs > _rxTimeoutAtUs) continue;
                if (Matches(frame))
                {
                    Lock(frame);
                    return;
                }
            }
        }

        void Lock(AirFrame frame)
        {
            _locked = frame;
            _rxTimeoutArmed = false; // a detected preamble cancels the single-RX timeout
            // ValidHeader once the header is in: preamble + 4.25 symbols, then the 8-symbol header block
            // (datasheet rev. 7, LoRa packet structure; the same symbol count as the time on air of §4.1.1.7).
            ulong headerEndUs = frame.StartUs + ((ulong)(4 * frame.PreambleSymbols + 17 + 32) * frame.SymbolTimeUs) / 4;
            _scheduler.Schedule(headerEndUs, this, Tag(EventValidHeader));
        }

        bool Matches(AirFrame frame)
        {
            if (frame.Source == this || frame.Aborted || !frame.ExplicitHeader) return false;
            if ((_lora[ChipRegisters.ModemConfig1] & 0x01) != 0) return false; // implicit header: not modelled
            int sf = _lora[ChipRegisters.ModemConfig2] >> 4;
            int bandwidthHz = BandwidthHz(_lora[ChipRegisters.ModemConfig1] >> 4);
            if (frame.SpreadingFactor != sf || frame.BandwidthHz != bandwidthHz) return false;
            long offset = (long)frame.FrequencyHz - (long)FrequencyHzExact();
            if (offset < 0) offset = -offset;
            if (offset > bandwidthHz / 4) return false;
            if (frame.SyncWord != _lora[ChipRegisters.SyncWord]) return false;
            // RegInvertIQ bit 6 inverts the receiver; RegInvertIQ2 must hold the matching value (0x19 / 0x1D).
            bool rxInverted = (_lora[ChipRegisters.InvertIQ] & 0x40) != 0;
            if (frame.InvertIq != rxInverted) return false;
            if (_lora[ChipRegisters.InvertIQ2] != (rxInverted ? 0x19 : 0x1D)) return false;
            bool ldro = (_lora[ChipRegisters.ModemConfig3] & 0x08) != 0;
            if (ldro != frame.LowDataRateOptimize) return false;
            return _linkSnrQuarterDb >= DemodulationFloorQuarterDb(sf);
        }

        void Deliver(AirFrame frame, bool single)
        {
            int rxBase = _lora[ChipRegisters.FifoRxBaseAddr];
            int length = frame.Length;
            for (int i = 0; i < length; i++) _fifo[(rxBase + i) & 0xFF] = frame.Payload[i];
            bool corrupt = _corruptNextFrames > 0;
            if (corrupt)
            {
                _corruptNextFrames--;
                _fifo[(rxBase + length / 2) & 0xFF] ^= 0x5A;
            }
            _lora[ChipRegisters.FifoRxCurrentAddr] = (byte)rxBase;
            _lora[ChipRegisters.RxNbBytes] = (byte)length;
            _lora[ChipRegisters.FifoRxByteAddr] = (byte)(rxBase + length - 1);
            _lora[ChipRegisters.HopChannel] = (byte)((_lora[ChipRegisters.HopChannel] & 0xBF) | (frame.Crc ? 0x40 : 0x00));
            int snr = _linkSnrQuarterDb;
            if (snr < -128) snr = -128;
            if (snr > 127) snr = 127;
            _lora[ChipRegisters.PktSnrValue] = (byte)snr;
            _lora[ChipRegisters.PktRssiValue] = RssiRegister(_linkRssiDbm, snr, true);
            // RegRxPacketCntValue counts valid packets: one that fails its payload CRC is not counted.
            bool crcError = corrupt && frame.Crc;
            if (!crcError) Increment(ChipRegisters.RxPacketCntValueMsb);
            _receivedFrameCount++;
            if (single)
            {
                SetModeQuietly(ModeStandby);
                _generation++;
            }
            // ValidHeader was raised when the header ended (EventValidHeader); RxDone now, with PayloadCrcError when
            // the payload CRC failed. RXSINGLE went to standby above; RXCONTINUOUS stays and waits for the next preamble.
            byte flags = ChipRegisters.IrqRxDone;
            if (crcError) flags |= ChipRegisters.IrqPayloadCrcError;
            RaiseIrq(flags);
        }

        void Increment(int msbAddress)
        {
            int value = ((_lora[msbAddress] << 8) | _lora[msbAddress + 1]) + 1;
            _lora[msbAddress] = (byte)(value >> 8);
            _lora[msbAddress + 1] = (byte)value;
        }

        /// <summary>
        /// RegPktRssiValue / RegRssiValue for a signal of <paramref name="rssiDbm"/>, the inverse of the datasheet's
        /// reading (rev. 7, §5.5.5): with SNR ≥ 0 the strength is offset + 16/15 · register, so the register holds
        /// 15/16 of (RSSI − offset); with a negative SNR it is offset + register + PacketSnr / 4, so the register holds
        /// that much more. Offset −157 dB on the HF port, −164 dB on the LF port. RegRssiValue (the current RSSI,
        /// no SNR) reads as offset + Rssi without the slope: <paramref name="packet"/> false.
        /// </summary>
        byte RssiRegister(int rssiDbm, int snrQuarterDb, bool packet)
        {
            int value = rssiDbm + (FrequencyHzExact() > 525000000 ? 157 : 164);
            if (snrQuarterDb < 0) value -= (snrQuarterDb - 2) / 4;
            else if (packet) value = value <= 0 ? 0 : (15 * value + 8) / 16;   // round(15·x/16)
            if (value < 0) value = 0;
            if (value > 255) value = 255;
            return (byte)value;
        }

        /// <summary>RegModemConfig1 Bw code → Hz (0 for reserved codes).</summary>
        static int BandwidthHz(int code)
        {
            switch (code)
            {
                case 0: return 7800;
                case 1: return 10400;
                case 2: return 15600;
                case 3: return 20800;
                case 4: return 31250;
                case 5: return 41700;
                case 6: return 62500;
                case 7: return 125000;
                case 8: return 250000;
                case 9: return 500000;
                default: return 0;
            }
        }

        /// <summary>
        /// Lowest SNR each SF demodulates (SX1276 datasheet, LoRa SNR limits: −7.5 dB at SF7 down to −20 dB at
        /// SF12, 2.5 dB per SF), in quarter dB.
        /// </summary>
        static int DemodulationFloorQuarterDb(int sf)
        {
            return -30 - 10 * (sf - 7);
        }

        /// <summary>The programmed carrier: Frf · F(XOSC) / 2^19 = Frf · 15625 / 256 Hz, rounded to 1 Hz.</summary>
        uint FrequencyHzExact()
        {
            ulong frf = ((ulong)_lora[ChipRegisters.FrfMsb] << 16) | ((ulong)_lora[ChipRegisters.FrfMid] << 8) | _lora[ChipRegisters.FrfLsb];
            return (uint)((frf * 15625UL + 128UL) >> 8);
        }

        /// <summary>
        /// The carrier rounded to 100 Hz, the unit LoRaWAN channel frequencies are defined in: Frf's 61 Hz step is
        /// finer, so this gives back the channel the driver meant (868 099 976 Hz → 868 100 000 Hz).
        /// </summary>
        uint NominalFrequencyHz()
        {
            return (FrequencyHzExact() + 50) / 100 * 100;
        }

        int OutputPowerDbm()
        {
            byte pa = _lora[ChipRegisters.PaConfig];
            int outputPower = pa & 0x0F;
            if ((pa & 0x80) != 0)
            {
                // PA_BOOST: Pout = 17 − (15 − OutputPower); with RegPaDac = 0x87 up to +20 dBm.
                return (_lora[ChipRegisters.PaDac] & 0x07) == 0x07 ? 5 + outputPower : 2 + outputPower;
            }
            // RFO: Pmax = 10.8 + 0.6 · MaxPower, Pout = Pmax − (15 − OutputPower); in tenths of dB.
            int maxPowerTenths = 108 + 6 * ((pa >> 4) & 0x07);
            return (maxPowerTenths - 10 * (15 - outputPower)) / 10;
        }
    }
}
