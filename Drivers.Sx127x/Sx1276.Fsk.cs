using System;
using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    // The GFSK data rates of RP002-1.0.4 (EU868 DR7, AS923 DR7, …: 50 kbit/s) on the SX1276's FSK/OOK modem in packet
    // mode. The chip changes modem only in sleep (RegOpMode LongRangeMode), so a frame at an FSK rate goes
    // sleep → FSK sleep → FSK standby, and the next LoRa operation goes back through sleep (EnterStandby).
    // Limit: the packet engine's FIFO holds 64 bytes and this driver loads it once (no FifoLevel refill on a DIO the
    // board does not wire), so an FSK PHYPayload is at most 63 bytes (the length byte takes one).
    public sealed partial class Sx1276
    {
        /// <summary>The GFSK bit rate LoRaWAN uses (RP002-1.0.4: every FSK data rate is 50 kbit/s).</summary>
        public const int LoRaWanFskBitRate = 50000;

        /// <summary>Largest PHYPayload this driver sends or receives with FSK: the 64-byte FIFO less the length byte.</summary>
        public const int MaxFskPayloadLength = FskRegisterBits.FifoSize - 1;

        /// <summary>RegRxBw for 50 kHz: RxBwMant 01 (20), RxBwExp 3: 32 MHz / (20 · 2^5) = 50 kHz (LoRaMac-node's DR7 receive bandwidth).</summary>
        const byte FskRxBw50kHz = 0x0B;

        /// <summary>RegAfcBw for 83.3 kHz: RxBwMant 10 (24), RxBwExp 2: 32 MHz / (24 · 2^4) (LoRaMac-node's DR7 AFC bandwidth).</summary>
        const byte FskAfcBw83kHz = 0x12;

        bool _fskMode;
        int _fskBitRate;
        int _fskRxLength;
        int _fskRssiDbm;
        readonly byte[] _fskRx = new byte[FskRegisterBits.FifoSize];

        /// <summary>True while the chip is in FSK/OOK mode (between an FSK frame or window and the next LoRa one).</summary>
        public bool IsFskMode
        {
            get { return _fskMode; }
        }

        static void ValidateFsk(int bitRate)
        {
            if (bitRate != LoRaWanFskBitRate)
                throw new ArgumentOutOfRangeException("bitRate", "the driver sends LoRaWAN's GFSK at 50000 bit/s only");
        }

        /// <summary>RegFdev for <paramref name="deviationHz"/>: Fdev / F(STEP), F(STEP) = 32 MHz / 2^19, rounded to the nearest step.</summary>
        internal static uint DeviationToFdev(int deviationHz)
        {
            return (uint)((((ulong)deviationHz << 19) + CrystalHz / 2) / CrystalHz);
        }

        /// <summary>RegBitrate for <paramref name="bitRate"/>: F(XOSC) / bit rate, rounded (BitRateFrac 0).</summary>
        internal static uint BitRateRegister(int bitRate)
        {
            return (uint)((CrystalHz + (ulong)bitRate / 2) / (ulong)bitRate);
        }

        /// <summary>Sleep → FSK/OOK sleep → FSK standby, when the chip is in LoRa mode. Caller holds the lock.</summary>
        void EnterFskStandby()
        {
            if (!_fskMode)
            {
                W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
                W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
                _fskMode = true;
            }
            W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeStandby);
            _state = StateStandby;
        }

        /// <summary>FSK standby → sleep → LoRa sleep (the LoRa paths then set their own mode). Caller holds the lock.</summary>
        void LeaveFskMode()
        {
            W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeSleep);
            _fskMode = false;
        }

        /// <summary>The packet engine as LoRaWAN's GFSK format asks (FskRegisterBits), in FSK standby.</summary>
        void WriteFskModem(uint frequencyHz, int bitRate)
        {
            WriteFrequency(frequencyHz);
            uint br = BitRateRegister(bitRate);
            W(Register.FskBitrateMsb, (byte)(br >> 8));
            W(Register.FskBitrateLsb, (byte)br);
            uint fdev = DeviationToFdev(FskRegisterBits.DeviationHz);
            W(Register.FskFdevMsb, (byte)(fdev >> 8));
            W(Register.FskFdevLsb, (byte)fdev);
            W(Register.PaRamp, FskRegisterBits.PaRampGaussianBt1);
            W(Register.FskPreambleMsb, 0);
            W(Register.FskPreambleLsb, AirTime.LoRaWanFskPreambleBytes);
            W(Register.FskSyncConfig, FskRegisterBits.SyncConfig);
            W(Register.FskSyncValue1, FskRegisterBits.Sync1);
            W(Register.FskSyncValue2, FskRegisterBits.Sync2);
            W(Register.FskSyncValue3, FskRegisterBits.Sync3);
            W(Register.FskPacketConfig1, FskRegisterBits.PacketConfig1);
            W(Register.FskPacketConfig2, FskRegisterBits.PacketConfig2);
            W(Register.FskPayloadLength, MaxFskPayloadLength);
            W(Register.FskFifoThresh, FskRegisterBits.FifoThresh);
            W(Register.DioMapping1, FskRegisterBits.DioMapping);
        }

        /// <summary>A frame at a GFSK rate (<see cref="TxConfig.FskBitRate"/> set): the length byte and the payload go into the FIFO in standby, then TX.</summary>
        void TransmitFsk(TxConfig config, byte[] buffer, int offset, int length)
        {
            ValidateFsk(config.FskBitRate);
            if (length > MaxFskPayloadLength)
                throw new ArgumentOutOfRangeException("length", "an FSK frame is at most 63 bytes with this driver (one load of the 64-byte FIFO)");
            ulong airTimeUs = AirTime.LoRaWanFskFrameUs(config.FskBitRate, length);
            lock (_sync)
            {
                if (!EnsureInitialized())
                {
                    Post(RadioEvent.TxTimeout, _clock.NowMicroseconds);
                    return;
                }
                EnterFskStandby();
                WriteFskModem(config.FrequencyHz, config.FskBitRate);
                WriteTxPower(LimitTxPower(config.PowerDbm, _clock.NowMicroseconds, airTimeUs));
                _bus.WriteRegister((byte)Register.Fifo, (byte)length);   // variable length: the length byte leads
                _bus.WriteFifo(buffer, offset, length);
                _fskBitRate = config.FskBitRate;
                _packetReady = false;
                _state = StateTx;
                _txOutcome = RadioEvent.None;
                StartTransmitter(RegisterBits.LowFrequencyModeOn | RegisterBits.ModeTx, airTimeUs);
            }
        }

        /// <summary>
        /// A GFSK receive window. The receiver starts on a detected preamble (RegRxConfig RxTrigger) and stays in RX until
        /// PayloadReady (DIO0: RxDone or RxCrcError) or the next command. The chip's FSK timeout interrupt cannot reach
        /// DIO0/DIO1 in packet mode, so the window's end is the MAC's: its one alarm, armed for
        /// <see cref="RxConfig.SymbolTimeout"/> bytes (8 / bit rate each, LoRaMac-node's RX single timeout for FSK) plus
        /// the longest frame, then <see cref="Sleep"/> (issue 14: one owner per timer; the driver keeps no alarm).
        /// </summary>
        void ReceiveFsk(RxConfig config)
        {
            ValidateFsk(config.FskBitRate);
            lock (_sync)
            {
                if (!EnsureInitialized())
                {
                    Post(RadioEvent.RxTimeout, _clock.NowMicroseconds);
                    return;
                }
                EnterFskStandby();
                WriteFskModem(config.FrequencyHz, config.FskBitRate);
                W(Register.FskRxBw, FskRxBw50kHz);
                W(Register.FskAfcBw, FskAfcBw83kHz);
                W(Register.FskPreambleDetect, FskRegisterBits.PreambleDetect);
                W(Register.FskRxConfig, FskRegisterBits.RxConfig);
                _fskBitRate = config.FskBitRate;
                _fskRxLength = 0;
                _packetReady = false;
                _rxFrequencyHz = config.FrequencyHz;
                _state = StateRx;
                W(Register.OpMode, RegisterBits.LowFrequencyModeOn | FskRegisterBits.ModeReceiver);
            }
        }

        /// <summary>
        /// DIO0 in FSK mode (PacketSent in TX, PayloadReady in RX). In RX the FIFO (64 bytes at most) is read here into
        /// the driver's buffer, the RSSI is taken and the chip goes to standby: a few SPI transfers, no waiting. Caller
        /// holds the lock.
        /// </summary>
        void ServiceFskInterrupt(ulong stampUs)
        {
            byte flags = R(Register.FskIrqFlags2);
            if (_state == StateTx)
            {
                if ((flags & FskRegisterBits.Irq2PacketSent) == 0) return;
                W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeStandby);
                _state = StateStandby;
                ReportTx(RadioEvent.TxDone, TxDoneTime(stampUs));
                return;
            }
            if (_state != StateRx || (flags & FskRegisterBits.Irq2PayloadReady) == 0) return;
            _fskRssiDbm = -(R(Register.FskRssiValue) >> 1);
            int length = _bus.ReadRegister((byte)Register.Fifo);
            if (length > _fskRx.Length) length = _fskRx.Length;
            if (length > 0) _bus.ReadFifo(_fskRx, 0, length);
            W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeStandby);
            _state = StateStandby;
            if ((flags & FskRegisterBits.Irq2CrcOk) == 0)
            {
                Post(RadioEvent.RxCrcError, stampUs);
                return;
            }
            _fskRxLength = length;
            _packetReady = true;
            Post(RadioEvent.RxDone, stampUs);
        }

        /// <summary>The frame the last FSK PayloadReady brought (copied from the FIFO in the interrupt). Caller holds the lock.</summary>
        int ReadFskPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info)
        {
            int length = _fskRxLength;
            if (length > maxLength) length = maxLength;
            if (length > 0) Array.Copy(_fskRx, 0, buffer, offset, length);
            if (info != null)
            {
                info.RssiDbm = _fskRssiDbm;
                info.SnrQuarterDb = 0; // the FSK receiver measures no SNR
            }
            return length;
        }
    }
}
