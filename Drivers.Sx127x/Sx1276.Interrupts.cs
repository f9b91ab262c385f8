using System.IO;
using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    // Interrupt entry points and the TX watchdog. Handlers stamp the time first, read and clear RegIrqFlags,
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

        /// <summary>
        /// For platforms without a watchdog alarm: call now and then while a transmission is under way. Returns
        /// true when TxDone is overdue, in which case the radio has been reset and TxTimeout reported.
        /// </summary>
        public bool PollTxWatchdog()
        {
            ulong nowUs = _clock.NowMicroseconds;
            lock (_sync)
            {
                if (_state != StateTx || nowUs < _txDeadlineUs) return false;
                RecoverFromLostTxDone(nowUs);
                return true;
            }
        }

        /// <summary>
        /// The watchdog alarm given to the constructor fired: when TxDone is overdue, resets the radio and reports
        /// TxTimeout. Not for the MAC: only the driver's own alarm calls it.
        /// </summary>
        public void OnTimer(ulong dueUs, ulong firedUs)
        {
            lock (_sync)
            {
                if (_state != StateTx || dueUs != _txDeadlineUs) return;
                RecoverFromLostTxDone(firedUs);
            }
        }

        void ServiceInterrupt(ulong stampUs)
        {
            lock (_sync)
            {
                byte flags = _bus.ReadRegister((byte)Register.IrqFlags);
                if (flags == 0) return;
                _bus.WriteRegister((byte)Register.IrqFlags, flags);
                if (_state == StateTx)
                {
                    if ((flags & RegisterBits.IrqTxDone) == 0) return;
                    if (_watchdog != null) _watchdog.Cancel();
                    _state = StateStandby; // the chip returns to standby by itself after TxDone
                    Post(RadioEvent.TxDone, stampUs);
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
            }
        }

        /// <summary>TxDone never came: reset and re-initialise the chip, then report TxTimeout (caller holds the lock).</summary>
        void RecoverFromLostTxDone(ulong stampUs)
        {
            _txTimeouts++;
            try
            {
                InitCore();
            }
            catch (IOException)
            {
                // The chip does not answer: stay uninitialised; the next Transmit/Receive tries again.
                _state = StateUninitialized;
            }
            Post(RadioEvent.TxTimeout, stampUs);
        }
    }
}
