using System;
using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    // Continuous reception (RXCONTINUOUS), the receiver of a Class C device. SX1276/77/78/79 datasheet rev. 7, LoRa
    // "Continuous Receive Operating Mode" and its packet processing sequence: the modem scans for a preamble, receives the packet, raises RxDone
    // (PayloadCrcError with it when the payload CRC failed) and "remains in RXCONT mode waiting for the next packet";
    // RxTimeout never occurs and the chip never returns to standby by itself; status registers describe only the last
    // packet, so they are read before the next RxDone.
    public sealed partial class Sx1276
    {
        const int StateRxContinuous = 5;

        /// <summary>RegIrqFlagsMask in continuous RX: RxDone, PayloadCrcError and ValidHeader unmasked (RxTimeout cannot occur).</summary>
        const byte IrqMaskContinuousRx = 0xFF ^ (RegisterBits.IrqRxDone | RegisterBits.IrqPayloadCrcError | RegisterBits.IrqValidHeader);

        int _continuousFrames;
        int _continuousCrcErrors;

        /// <summary>True while the chip is in continuous reception (until the next Transmit, Receive, carrier sense, Standby or Sleep).</summary>
        public bool IsReceivingContinuously
        {
            get { return _state == StateRxContinuous; }
        }

        /// <summary>Frames received in continuous reception with a good (or no) payload CRC (RxDone reported).</summary>
        public int ContinuousRxFrames
        {
            get { return _continuousFrames; }
        }

        /// <summary>Frames received in continuous reception with PayloadCrcError (RxCrcError reported).</summary>
        public int ContinuousRxCrcErrors
        {
            get { return _continuousCrcErrors; }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Programs the modem in standby as <see cref="Receive"/> does (frequency, SF, BW, CR, preamble, IQ, errata
        /// 2.3), unmasks RxDone, PayloadCrcError and ValidHeader, maps DIO0 to RxDone and writes RXCONTINUOUS. Each
        /// frame's DIO0 edge is stamped first thing in <see cref="OnDio0"/>; the handler reads and clears RegIrqFlags
        /// (so the next frame's RxDone raises DIO0 again), reports RxDone or RxCrcError and leaves the chip listening:
        /// no register write, no allocation per frame. A header that fails its own CRC raises nothing on the SX1276
        /// (RegIrqFlags has no header-error flag, unlike the SX126x's HeaderErr): the modem drops it and goes back to
        /// the preamble search, so there is nothing to report. LoRaWAN downlinks carry no payload CRC (LoRaWAN 1.0.4
        /// §4.1), so their damage is found by the MIC, not here. Any other command (Transmit, Receive,
        /// IsChannelFree, <see cref="Standby"/>, Sleep) ends the reception first: they all go through standby.
        /// </remarks>
        /// <exception cref="ArgumentException">a parameter the SX1276 cannot receive in LoRaWAN (SF 7..12, 125/250/500 kHz).</exception>
        public void ReceiveContinuous(RxConfig config)
        {
            if (config == null) throw new ArgumentNullException("config");
            ValidateModulation(config.SpreadingFactor, config.BandwidthHz, config.CodingRate, config.PreambleSymbols);
            lock (_sync)
            {
                if (!EnsureInitialized())
                {
                    Post(RadioEvent.RxTimeout, _clock.NowMicroseconds);
                    return;
                }
                // RegSymbTimeout is not used in RXCONTINUOUS: its reset value (0x64) is written.
                ProgramLoRaReceiver(config, 0x64, IrqMaskContinuousRx);
                _state = StateRxContinuous;
                W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeRxContinuous);
            }
        }

        /// <summary>
        /// Puts the chip in standby (ends a continuous or single reception, keeps the FIFO and the configuration).
        /// Does nothing before <see cref="Init"/>
        /// or after a TX timeout (the chip is then asleep until the next command re-initialises it).
        /// </summary>
        public void Standby()
        {
            lock (_sync)
            {
                if (_state == StateUninitialized) return;
                EnterStandby();
            }
        }

        /// <summary>
        /// DIO0 in continuous reception: the flags were read and cleared by the caller, which holds the lock.
        /// RxDone with PayloadCrcError → RxCrcError (the frame is dropped, <see cref="ReadPacket"/> returns 0);
        /// RxDone alone → RxDone. ValidHeader alone (the next frame's header, seen while this handler ran late) is
        /// only cleared: its RxDone follows. The chip stays in RXCONTINUOUS either way.
        /// </summary>
        void ContinuousRxInterrupt(byte flags, ulong stampUs)
        {
            if ((flags & RegisterBits.IrqRxDone) == 0) return;
            if ((flags & RegisterBits.IrqPayloadCrcError) != 0)
            {
                _packetReady = false;
                _continuousCrcErrors++;
                Post(RadioEvent.RxCrcError, stampUs);
                return;
            }
            _packetReady = true;
            _continuousFrames++;
            Post(RadioEvent.RxDone, stampUs);
        }
    }
}
