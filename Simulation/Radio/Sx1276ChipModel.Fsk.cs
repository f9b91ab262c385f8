using LoRaWan.Radio;

namespace LoRaWan.Simulation
{
    // The FSK/OOK modem of the chip model in packet mode, as far as LoRaWAN's GFSK data rates use it (SX1276 datasheet
    // rev. 7 §4.2 "FSK/OOK modem", §4.2.13 "Packet handler"): RegBitrate, preamble length, sync word (RegSyncConfig,
    // RegSyncValue1..), variable-length packets with the length byte first in the 64-byte FIFO, CRC on/off, the
    // IrqFlags1/IrqFlags2 status flags, DIO0 mapping 00 = PacketSent (TX) / PayloadReady (RX), RegRssiValue
    // (−RSSI·2). A transmission lasts (preamble + sync + length + payload + CRC) · 8 / bitrate and ends with PacketSent,
    // the chip staying in TX until told otherwise; the receiver (mode 101) takes a frame whose preamble starts while
    // it listens, at the same bit rate and sync word, within its RX bandwidth (RegRxBw) of the carrier, puts it into
    // the FIFO and sets PayloadReady (and CrcOk unless damaged); a frame longer than the FIFO overruns it
    // (FifoOverrun, no PayloadReady). Not modelled: FIFO refills during TX and FifoLevel, AFC, OOK, Manchester,
    // address filtering, the sequencer and the RX timeouts of RegRxTimeout1..3.
    public sealed partial class Sx1276ChipModel
    {
        const int FskFifoSize = 64;
        const byte Irq1PreambleDetect = 0x02;
        const byte Irq1SyncAddressMatch = 0x01;
        const byte Irq2FifoOverrun = 0x10;
        const byte Irq2PacketSent = 0x08;
        const byte Irq2PayloadReady = 0x04;
        const byte Irq2CrcOk = 0x02;
        const byte Irq2FifoEmpty = 0x40;
        /// <summary>RegPacketConfig2 (0x31) DataMode: 1 = packet mode, 0 = continuous mode.</summary>
        const byte PacketConfig2DataMode = 0x40;

        readonly byte[] _fskFifo = new byte[FskFifoSize];
        int _fskFifoHead;
        int _fskFifoCount;
        byte _fskIrq1;
        byte _fskIrq2;
        int _fskRssiDbm = int.MinValue;
        int _fskTransmissionCount;
        int _fskReceivedCount;

        /// <summary>Frames this chip sent with its FSK modem.</summary>
        public int FskTransmissionCount { get { return _fskTransmissionCount; } }
        /// <summary>Frames this chip received with its FSK modem (PayloadReady raised).</summary>
        public int FskReceivedCount { get { return _fskReceivedCount; } }

        /// <summary>The FSK bit rate programmed in RegBitrate: F(XOSC) / BitRate, rounded to 1 bit/s; 0 when unset.</summary>
        public int FskBitRate
        {
            get
            {
                int br = (_lora[0x02] << 8) | _lora[0x03];
                return br == 0 ? 0 : (int)((32000000 + br / 2) / br);
            }
        }

        byte Fsk(int address)
        {
            return _fsk[address - ChipRegisters.PagedFirst];
        }

        /// <summary>FSK-page registers with behaviour (status flags, RSSI); false for the plain ones.</summary>
        bool TryReadFskRegister(int address, out byte value)
        {
            value = 0;
            if (IsLoRaMode) return false;
            switch (address)
            {
                case 0x3E: value = _fskIrq1; return true;
                case 0x3F: value = (byte)(_fskIrq2 | (_fskFifoCount == 0 ? Irq2FifoEmpty : 0)); return true;
                case 0x11:
                    NoteRssiRead();
                    int rssi = _fskRssiDbm != int.MinValue ? _fskRssiDbm : _locked != null ? _linkRssiDbm : CurrentRssiDbm();
                    int v = -2 * rssi;
                    value = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
                    return true;
                default: return false;
            }
        }

        byte FskFifoPop()
        {
            if (Mode == ModeSleep || _fskFifoCount == 0) return 0;
            byte b = _fskFifo[_fskFifoHead];
            _fskFifoHead = (_fskFifoHead + 1) % FskFifoSize;
            _fskFifoCount--;
            if (_fskFifoCount == 0)
            {
                _fskIrq2 &= unchecked((byte)~Irq2PayloadReady);   // PayloadReady clears when the FIFO is empty
                UpdateDio();
            }
            return b;
        }

        void FskFifoPush(byte value)
        {
            if (Mode == ModeSleep) return;
            if (_fskFifoCount == FskFifoSize)
            {
                _fskIrq2 |= Irq2FifoOverrun;
                return;
            }
            _fskFifo[(_fskFifoHead + _fskFifoCount) % FskFifoSize] = value;
            _fskFifoCount++;
        }

        void ClearFskFifo()
        {
            _fskFifoHead = 0;
            _fskFifoCount = 0;
        }

        /// <summary>A mode change in FSK/OOK mode (after the common part of OnModeChange).</summary>
        void OnFskModeChange(int oldMode, int newMode)
        {
            if (oldMode == ModeTx) _fskIrq2 &= unchecked((byte)~Irq2PacketSent);   // cleared on leaving TX
            if (oldMode == ModeRxContinuous) _fskIrq1 = 0;
            if (newMode == ModeSleep) ClearFskFifo();
            if (newMode == ModeTx) StartFskTransmission();
            else if (newMode == ModeRxContinuous) StartFskReception();
            UpdateDio();
        }

        int FskSyncBytes()
        {
            byte config = Fsk(0x27);
            return (config & 0x10) == 0 ? 0 : (config & 0x07) + 1;
        }

        uint FskSyncWord()
        {
            int n = FskSyncBytes();
            uint word = 0;
            for (int i = 0; i < n && i < 4; i++) word = (word << 8) | Fsk(0x28 + i);
            return word;
        }

        void StartFskTransmission()
        {
            if ((Fsk(0x31) & PacketConfig2DataMode) == 0)
            {
                StartCarrier();   // continuous mode: no packet engine (Sx1276ChipModel.Carrier.cs)
                return;
            }
            int bitRate = FskBitRate;
            bool variable = (Fsk(0x30) & 0x80) != 0;
            int length = variable ? (_fskFifoCount > 0 ? _fskFifo[_fskFifoHead] : 0) : Fsk(0x32);
            int needed = variable ? length + 1 : length;
            if (bitRate == 0 || length == 0 || _fskFifoCount < needed)
            {
                _invalidTransmissions++;   // nothing (or not all of it) in the FIFO: the model never finishes
                return;
            }
            if (_hangNextTransmissions > 0)
            {
                _hangNextTransmissions--;
                return;
            }
            if (variable) FskFifoPop();
            bool crc = (Fsk(0x30) & 0x10) != 0;
            int preamble = (Fsk(0x25) << 8) | Fsk(0x26);
            ulong airTimeUs = AirTime.FskUs(bitRate, length, preamble, FskSyncBytes(), variable, crc);
            ulong now = _scheduler.NowMicroseconds;
            AirFrame frame = _air.Acquire();
            for (int i = 0; i < length; i++) frame.Payload[i] = FskFifoPop();
            frame.Length = length;
            frame.FrequencyHz = NominalFrequencyHz();
            frame.SpreadingFactor = 0;
            frame.BandwidthHz = 0;
            frame.FskBitRate = bitRate;
            frame.FskSyncWord = FskSyncWord();
            frame.PreambleSymbols = preamble;
            frame.Crc = crc;
            frame.PowerDbm = OutputPowerDbm();
            frame.StartUs = now;
            frame.AirTimeUs = airTimeUs;
            frame.Source = this;
            _air.Send(frame);
            _txFrame = frame;
            _transmissionCount++;
            _fskTransmissionCount++;
            _scheduler.Schedule(now + airTimeUs, this, Tag(EventTxEnd));
        }

        void StartFskReception()
        {
            _locked = null;
            _fskRssiDbm = int.MinValue;
            _fskIrq1 = 0;
            _fskIrq2 = 0;
            ClearFskFifo();
        }

        /// <summary>Scheduler event in FSK mode: the end of a transmission sets PacketSent; the chip stays in TX.</summary>
        void OnFskSimulationEvent(int kind)
        {
            if (kind != EventTxEnd || Mode != ModeTx) return;
            _txFrame = null;
            _generation++;
            _fskIrq2 |= Irq2PacketSent;
            UpdateDio();
        }

        /// <summary>RegRxBw single-side bandwidth in Hz: F(XOSC) / (RxBwMant · 2^(RxBwExp + 2)), mantissa 16/20/24.</summary>
        int FskRxBandwidthHz()
        {
            byte rxBw = Fsk(0x12);
            int mant = 16 + 4 * ((rxBw >> 3) & 0x03);
            int exp = rxBw & 0x07;
            if (mant > 24) return 0;
            return (int)(32000000L / (mant * (1L << (exp + 2))));
        }

        bool FskMatches(AirFrame frame)
        {
            if (frame.Source == this || frame.Aborted || frame.FskBitRate == 0) return false;
            if (frame.FskBitRate != FskBitRate || frame.FskSyncWord != FskSyncWord()) return false;
            long offset = (long)frame.FrequencyHz - (long)FrequencyHzExact();
            if (offset < 0) offset = -offset;
            return offset <= FskRxBandwidthHz() / 2;
        }

        void OnFskFrameStart(AirFrame frame)
        {
            if (_locked != null || Mode != ModeRxContinuous || !FskMatches(frame)) return;
            _locked = frame;
            _fskIrq1 |= Irq1PreambleDetect | Irq1SyncAddressMatch;
        }

        void DeliverFsk(AirFrame frame)
        {
            _fskRssiDbm = _linkRssiDbm;
            int length = frame.Length;
            if (length + 1 > FskFifoSize)
            {
                _fskIrq2 |= Irq2FifoOverrun;   // nobody drained the FIFO: the frame is lost
                return;
            }
            ClearFskFifo();
            FskFifoPush((byte)length);
            for (int i = 0; i < length; i++) FskFifoPush(frame.Payload[i]);
            bool corrupt = _corruptNextFrames > 0;
            if (corrupt)
            {
                _corruptNextFrames--;
                _fskFifo[1 + length / 2] ^= 0x5A;
            }
            _receivedFrameCount++;
            _fskReceivedCount++;
            _fskIrq2 |= Irq2PayloadReady;
            if (!corrupt || !frame.Crc) _fskIrq2 |= Irq2CrcOk;
            UpdateDio();
        }

        /// <summary>DIO0 in FSK packet mode, mapping 00: PacketSent in TX, PayloadReady in RX.</summary>
        bool FskDio0High(int mapping)
        {
            if (mapping != 0) return false;
            int mode = Mode;
            if (mode == ModeTx) return (_fskIrq2 & Irq2PacketSent) != 0;
            if (mode == ModeRxContinuous) return (_fskIrq2 & Irq2PayloadReady) != 0;
            return false;
        }
    }
}
