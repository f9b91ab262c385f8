using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    // Interrupt entry points and the recovery at the MAC's TX deadline (the timer is the MAC's: IRadio's remarks). Handlers stamp the time first, read and clear RegIrqFlags,
    // post one event and return: no allocation, no waiting.
    public sealed partial class Sx1276
    {
        /// <summary>
        /// DIO0 rising edge (TxDone in TX, RxDone in RX). Call it from the GPIO interrupt handler; it stamps the
        /// time from the clock first thing.
        /// </summary>
        public void OnDio0()
        {
            ulong stampUs = _clock.NowMicroseconds;
            ServiceInterrupt(stampUs);
        }

        /// <summary>DIO1 rising edge (RxTimeout of a single reception). Stamps the time first thing.</summary>
        public void OnDio1()
        {
            ulong stampUs = _clock.NowMicroseconds;
            ServiceInterrupt(stampUs);
        }

        /// <inheritdoc />
        /// <remarks>
        /// Still in TX: reads RegIrqFlags; TxDone set → TxDone at the computed end (the DIO0 interrupt was lost),
        /// else the chip is put to sleep and TxTimeout reported (two SPI transactions; the reset and
        /// re-initialisation wait for the next command, <see cref="RecoveryPending"/>). Outcome already reported:
        /// reported again with the same stamp. No transmission since Init: nothing.
        /// </remarks>
        public void TxDeadlinePassed()
        {
            ulong nowUs = _clock.NowMicroseconds;
            lock (_sync)
            {
                if (_state == StateTx) TxOverdue(nowUs);
                else if (_txOutcome != RadioEvent.None) Post(_txOutcome, _txOutcomeUs);
            }
        }

        void ServiceInterrupt(ulong stampUs)
        {
            lock (_sync)
            {
                if (_fskMode)
                {
                    ServiceFskInterrupt(stampUs);   // PacketSent / PayloadReady: Sx1276.Fsk.cs
                    return;
                }
                byte flags = _bus.ReadRegister((byte)Register.IrqFlags);
                if (flags == 0) return;
                _bus.WriteRegister((byte)Register.IrqFlags, flags);
                if (_state == StateTx)
                {
                    if ((flags & RegisterBits.IrqTxDone) == 0) return;
                    _state = StateStandby; // the chip returns to standby by itself after TxDone
                    ReportTx(RadioEvent.TxDone, TxDoneTime(stampUs));
                }
                else if (_state == StateRx)
                {
                    if ((flags & RegisterBits.IrqRxDone) != 0)
                    {
                        // RxSingle returns to standby after RxDone; the frame stays in the FIFO until the next mode change to sleep.
                        _state = StateStandby;
                        if ((flags & RegisterBits.IrqPayloadCrcError) != 0)
                        {
                            Post(RadioEvent.RxCrcError, stampUs);
                        }
                        else
                        {
                            _packetReady = true;
                            Post(RadioEvent.RxDone, stampUs);
                        }
                    }
                    else if ((flags & RegisterBits.IrqRxTimeout) != 0)
                    {
                        _state = StateStandby;
                        Post(RadioEvent.RxTimeout, stampUs);
                    }
                }
                else if (_state == StateRxContinuous)
                {
                    ContinuousRxInterrupt(flags, stampUs);
                }
            }
        }

        /// <summary>
        /// When the frame ended, from the DIO0 handler's stamp: the computed end (TX start + air time + ramp-down)
        /// when the start stamp is trusted and earlier than the handler ran, else the stamp. min() because the
        /// interrupt can only run after the real end: a DIO0 stamp before the computed end means the computed end
        /// is off (the chip's start-up), and the earlier of the two is the better bound. Caller holds the lock.
        /// </summary>
        ulong TxDoneTime(ulong dioStampUs)
        {
            ulong doneUs = dioStampUs;
            if (_txStartTrusted)
            {
                _txTiming.DioLateness.Record((long)dioStampUs - (long)_txComputedEndUs);
                if (_txComputedEndUs < dioStampUs) doneUs = _txComputedEndUs;
            }
            if (doneUs == dioStampUs) _txTiming.FromDioStamp++;
            else _txTiming.FromComputedEnd++;
            _txTiming.Count++;
            _txTiming.LastDioStampUs = dioStampUs;
            _txTiming.LastReportedUs = doneUs;
            return doneUs;
        }

        /// <summary>
        /// The MAC's TX deadline passed without the DIO0 handler (<see cref="TxDeadlinePassed"/>). Caller holds the lock. Reads
        /// RegIrqFlags: if TxDone is set the chip finished and only its interrupt is missing, so TxDone is reported
        /// at the computed end (at the latest now). Otherwise the transmission is lost: the chip is put to sleep
        /// (one register write, which also stops the PA) and TxTimeout is reported; the reset pulse and the
        /// re-initialisation with its calibration polls are left to the next Transmit/Receive
        /// (<see cref="RecoveryPending"/>), so the deadline call stays short.
        /// </summary>
        void TxOverdue(ulong nowUs)
        {
            byte flags = _fskMode ? _bus.ReadRegister((byte)Register.FskIrqFlags2) : _bus.ReadRegister((byte)Register.IrqFlags);
            if ((flags & (_fskMode ? FskRegisterBits.Irq2PacketSent : RegisterBits.IrqTxDone)) != 0)
            {
                if (!_fskMode) _bus.WriteRegister((byte)Register.IrqFlags, flags);
                _state = StateStandby;
                ulong doneUs = _txStartTrusted && _txComputedEndUs < nowUs ? _txComputedEndUs : nowUs;
                _txTiming.FoundByWatchdog++;
                _txTiming.Count++;
                _txTiming.LastDioStampUs = 0;
                _txTiming.LastReportedUs = doneUs;
                ReportTx(RadioEvent.TxDone, doneUs);
                return;
            }
            _txTimeouts++;
            _bus.WriteRegister((byte)Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            _state = StateUninitialized;
            _packetReady = false;
            _recoveryPending = true;
            ReportTx(RadioEvent.TxTimeout, nowUs);
        }

        /// <summary>Reports the outcome of the transmission and keeps it, for a repeat at the MAC's deadline. Caller holds the lock.</summary>
        void ReportTx(RadioEvent outcome, ulong timeUs)
        {
            _txOutcome = outcome;
            _txOutcomeUs = timeUs;
            Post(outcome, timeUs);
        }
    }
}
