using System;
using System.Collections;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// A radio for MAC unit tests: records every transmission and receive window on virtual time, reports TxDone
    /// after the frame's air time, and answers a receive window with the frame the test queued for that window
    /// number (or an RxTimeout after the symbol timeout). No chip model, no air: exact, scriptable timing.
    /// Its records are typed arrays allocated with the radio (RadioRecords.cs): a call the MAC makes allocates and boxes
    /// nothing here, so a measured cycle (NanoBench, Host/IlMeter) charges the environment only its own bookkeeping.
    /// </summary>
    public sealed class ScriptedRadio : IRadio, ISimulationEventHandler
    {
        const int TagTxDone = 1;
        const int TagRxDone = 2;
        const int TagRxTimeout = 3;
        const int TagContinuousFrame = 4; // | index << 3: frame number index of ScheduleContinuousFrame

        readonly VirtualScheduler _scheduler;
        IRadioEventSink _sink;

        /// <summary>
        /// True (the default): every call is recorded below. False: only the counters (<see cref="Transmissions"/>,
        /// <see cref="WindowsOpened"/>, <see cref="Sleeps"/>) are kept; the benchmarks' measured cycle (NanoBench,
        /// Host/IlMeter) runs so: recording 14 values and a frame per cycle cost it about 39,000 x86 on nanoCLR, charged
        /// to the cycle although no real radio does it.
        /// </summary>
        public bool Recording = true;

        /// <summary>Transmissions started (recording or not).</summary>
        public int Transmissions;

        /// <summary>Receive windows opened (recording or not): the index <see cref="DeliverInWindow"/> counts in.</summary>
        public int WindowsOpened;

        /// <summary>Entries each record holds before it first grows (a test that records more still keeps every entry).</summary>
        public const int RecordCapacity = 32;

        /// <summary>Frames sent.</summary>
        public readonly FrameRecord Sent = new FrameRecord(RecordCapacity, 64);
        /// <summary>Start time (µs) of each transmission.</summary>
        public readonly TimeRecord SentAt = new TimeRecord(RecordCapacity);
        /// <summary>Frequency (Hz) of each transmission.</summary>
        public readonly FrequencyRecord SentFrequency = new FrequencyRecord(RecordCapacity);
        /// <summary>Spreading factor of each transmission.</summary>
        public readonly NumberRecord SentSf = new NumberRecord(RecordCapacity);
        /// <summary>TxDone times (µs).</summary>
        public readonly TimeRecord TxDoneAt = new TimeRecord(RecordCapacity);
        /// <summary>Receive windows opened: time (µs).</summary>
        public readonly TimeRecord RxOpenedAt = new TimeRecord(RecordCapacity);
        /// <summary>Receive windows opened: frequency (Hz).</summary>
        public readonly FrequencyRecord RxFrequency = new FrequencyRecord(RecordCapacity);
        /// <summary>Receive windows opened: spreading factor.</summary>
        public readonly NumberRecord RxSf = new NumberRecord(RecordCapacity);
        /// <summary>Receive windows opened: symbol timeout.</summary>
        public readonly NumberRecord RxSymbolTimeout = new NumberRecord(RecordCapacity);
        /// <summary>Receive windows opened: inverted IQ.</summary>
        public readonly FlagRecord RxInvertIq = new FlagRecord(RecordCapacity);

        /// <summary>Continuous receptions started: time (µs).</summary>
        public readonly TimeRecord RxContinuousOpenedAt = new TimeRecord(RecordCapacity);
        /// <summary>Continuous receptions started: frequency (Hz).</summary>
        public readonly FrequencyRecord RxContinuousFrequency = new FrequencyRecord(RecordCapacity);
        /// <summary>Continuous receptions started: spreading factor.</summary>
        public readonly NumberRecord RxContinuousSf = new NumberRecord(RecordCapacity);
        /// <summary>Frames of <see cref="ScheduleContinuousFrame"/> (byte[], the test's own arrays: a test's set-up, not a radio call).</summary>
        readonly ArrayList _continuousFrames = new ArrayList();

        /// <summary>True from <see cref="ReceiveContinuous"/> until the next Transmit, Receive, IsChannelFree or Sleep.</summary>
        public bool InContinuousRx;
        /// <summary>Frames of <see cref="ScheduleContinuousFrame"/> that reported RxDone (the radio was in continuous RX when they ended).</summary>
        public int ContinuousFramesReceived;
        /// <summary>Frames of <see cref="ScheduleContinuousFrame"/> that ended while the radio was not in continuous RX.</summary>
        public int ContinuousFramesMissed;

        byte[] _pending;
        int _pendingWindowIndex = -1;
        byte[] _lastFrame;
        int _snrQuarterDb = 20;

        /// <summary>Creates the radio on <paramref name="scheduler"/>'s time.</summary>
        public ScriptedRadio(VirtualScheduler scheduler)
        {
            _scheduler = scheduler;
        }

        /// <summary>Whether public sync word was selected.</summary>
        public bool PublicNetwork;

        /// <summary>Times Sleep was called.</summary>
        public int Sleeps;

        /// <summary>
        /// When true, the TxDone interrupt is lost (a dead DIO0 line): the frame still ends after its air time, and
        /// only <see cref="TxDeadlinePassed"/> reports it, stamped with that end.
        /// </summary>
        public bool DropTxDone;

        /// <summary>When true, a transmission never ends (a hung chip): <see cref="TxDeadlinePassed"/> stops it and reports TxTimeout.</summary>
        public bool HangTx;

        /// <summary>When <see cref="TxDeadlinePassed"/> was called (µs).</summary>
        public readonly TimeRecord TxDeadlineAt = new TimeRecord(RecordCapacity);

        bool _txOnAir;
        ulong _txEndUs;
        RadioEvent _txOutcome;
        ulong _txOutcomeUs;

        /// <summary>Answers receive window number <paramref name="windowIndex"/> (0-based, counting every window opened) with <paramref name="frame"/>.</summary>
        public void DeliverInWindow(int windowIndex, byte[] frame)
        {
            _pending = frame;
            _pendingWindowIndex = windowIndex;
        }

        /// <summary>
        /// A frame that ends on the air at <paramref name="endUs"/>: if the radio is then in continuous reception,
        /// it reports RxDone at that time and <see cref="ReadPacket"/> returns it; otherwise it is missed.
        /// </summary>
        public void ScheduleContinuousFrame(ulong endUs, byte[] frame)
        {
            int index = _continuousFrames.Count;
            _continuousFrames.Add(frame);
            _scheduler.Schedule(endUs, this, TagContinuousFrame | (index << 3));
        }

        /// <summary>
        /// Forgets every record (the counters, <see cref="WindowsOpened"/> among them, and the flags stay): a benchmark that runs many cycles keeps the records in the
        /// arrays they were built with, so recording never grows them.
        /// </summary>
        public void ClearRecords()
        {
            Sent.Clear();
            SentAt.Clear();
            SentFrequency.Clear();
            SentSf.Clear();
            TxDoneAt.Clear();
            RxOpenedAt.Clear();
            RxFrequency.Clear();
            RxSf.Clear();
            RxSymbolTimeout.Clear();
            RxInvertIq.Clear();
            RxContinuousOpenedAt.Clear();
            RxContinuousFrequency.Clear();
            RxContinuousSf.Clear();
            TxDeadlineAt.Clear();
            ContinuousWaveAt.Clear();
            ContinuousWaveFrequency.Clear();
            ContinuousWavePower.Clear();
            ContinuousWaveEndedAt.Clear();
        }

        /// <summary>The last frame sent.</summary>
        public byte[] LastSent { get { return Sent.Count == 0 ? null : Sent[Sent.Count - 1]; } }

        /// <inheritdoc />
        public void SetEventSink(IRadioEventSink sink) { _sink = sink; }

        /// <inheritdoc />
        public void SetPublicNetwork(bool isPublic) { PublicNetwork = isPublic; }

        /// <inheritdoc />
        public void Transmit(TxConfig config, byte[] buffer, int offset, int length)
        {
            InContinuousRx = false;
            InContinuousWave = false;
            ulong now = _scheduler.NowMicroseconds;
            Transmissions++;
            if (Recording)
            {
                Sent.Add(buffer, offset, length);
                SentAt.Add(now);
                SentFrequency.Add(config.FrequencyHz);
                SentSf.Add(config.SpreadingFactor);
            }
            ulong air = FrameAirUs(config.SpreadingFactor, config.BandwidthHz, length, config.Crc);
            _txOnAir = true;
            _txEndUs = now + air;
            _txOutcome = RadioEvent.None;
            if (!DropTxDone && !HangTx) _scheduler.ScheduleAfter(air, this, TagTxDone);
        }

        // The air time of the last frame sent, kept: a MAC sends the same length at the same data rate again and again.
        int _airSf, _airBandwidthHz, _airLength;
        bool _airCrc;
        ulong _airUs;

        ulong FrameAirUs(int spreadingFactor, int bandwidthHz, int length, bool crc)
        {
            if (spreadingFactor != _airSf || bandwidthHz != _airBandwidthHz || length != _airLength || crc != _airCrc)
            {
                _airUs = AirTime.LoRaWanFrameUs(spreadingFactor, bandwidthHz, length, crc);   // throws for a bad setting: nothing kept
                _airSf = spreadingFactor;
                _airBandwidthHz = bandwidthHz;
                _airLength = length;
                _airCrc = crc;
            }
            return _airUs;
        }

        /// <inheritdoc />
        public void TxDeadlinePassed()
        {
            ulong now = _scheduler.NowMicroseconds;
            if (Recording) TxDeadlineAt.Add(now);
            if (_txOnAir)
            {
                if (!HangTx && now >= _txEndUs) ReportTx(RadioEvent.TxDone, _txEndUs);   // finished, interrupt lost
                else ReportTx(RadioEvent.TxTimeout, now);                               // stopped
            }
            else if (_txOutcome != RadioEvent.None && _sink != null) _sink.OnRadioEvent(_txOutcome, _txOutcomeUs);
        }

        void ReportTx(RadioEvent outcome, ulong timeUs)
        {
            _txOnAir = false;
            _txOutcome = outcome;
            _txOutcomeUs = timeUs;
            if (outcome == RadioEvent.TxDone && Recording) TxDoneAt.Add(timeUs);
            if (_sink != null) _sink.OnRadioEvent(outcome, timeUs);
        }

        /// <inheritdoc />
        public void Receive(RxConfig config)
        {
            InContinuousRx = false;
            InContinuousWave = false;
            int index = WindowsOpened++;
            if (Recording)
            {
                RxOpenedAt.Add(_scheduler.NowMicroseconds);
                RxFrequency.Add(config.FrequencyHz);
                RxSf.Add(config.SpreadingFactor);
                RxSymbolTimeout.Add(config.SymbolTimeout);
                RxInvertIq.Add(config.InvertIq);
            }
            if (_pending != null && _pendingWindowIndex == index)
            {
                _lastFrame = _pending;
                _pending = null;
                ulong air = AirTime.LoRaWanFrameUs(config.SpreadingFactor, config.BandwidthHz, _lastFrame.Length, false);
                _scheduler.ScheduleAfter(air + 10000, this, TagRxDone);
                return;
            }
            ulong tsym = AirTime.SymbolTimeUs(config.SpreadingFactor, config.BandwidthHz);
            _scheduler.ScheduleAfter((ulong)config.SymbolTimeout * tsym, this, TagRxTimeout);
        }

        /// <inheritdoc />
        public void ReceiveContinuous(RxConfig config)
        {
            if (Recording)
            {
                RxContinuousOpenedAt.Add(_scheduler.NowMicroseconds);
                RxContinuousFrequency.Add(config.FrequencyHz);
                RxContinuousSf.Add(config.SpreadingFactor);
            }
            InContinuousRx = true;
        }

        /// <inheritdoc />
        public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info)
        {
            if (_lastFrame == null) return 0;
            int n = _lastFrame.Length < maxLength ? _lastFrame.Length : maxLength;
            Array.Copy(_lastFrame, 0, buffer, offset, n);
            info.RssiDbm = -80;
            info.SnrQuarterDb = _snrQuarterDb;
            _lastFrame = null;
            return n;
        }

        /// <inheritdoc />
        public void Sleep()
        {
            Sleeps++;
            InContinuousRx = false;
            if (InContinuousWave && Recording) ContinuousWaveEndedAt.Add(_scheduler.NowMicroseconds);
            InContinuousWave = false;
        }

        /// <summary>Continuous waves started: time (µs), frequency (Hz), power (dBm); and when each ended (µs).</summary>
        public readonly TimeRecord ContinuousWaveAt = new TimeRecord(RecordCapacity);
        public readonly FrequencyRecord ContinuousWaveFrequency = new FrequencyRecord(RecordCapacity);
        public readonly NumberRecord ContinuousWavePower = new NumberRecord(RecordCapacity);
        public readonly TimeRecord ContinuousWaveEndedAt = new TimeRecord(RecordCapacity);
        /// <summary>True from <see cref="StartContinuousWave"/> until the next Transmit, Receive, IsChannelFree or Sleep.</summary>
        public bool InContinuousWave;
        /// <summary>Set: the next continuous wave does not start and TxTimeout is reported (a chip that does not answer).</summary>
        public bool FailNextContinuousWave;

        /// <inheritdoc />
        public void StartContinuousWave(uint frequencyHz, int powerDbm)
        {
            if (FailNextContinuousWave)
            {
                FailNextContinuousWave = false;
                if (_sink != null) _sink.OnRadioEvent(RadioEvent.TxTimeout, _scheduler.NowMicroseconds);
                return;
            }
            InContinuousRx = false;
            if (Recording)
            {
                ContinuousWaveAt.Add(_scheduler.NowMicroseconds);
                ContinuousWaveFrequency.Add(frequencyHz);
                ContinuousWavePower.Add(powerDbm);
            }
            InContinuousWave = true;
        }

        /// <summary>Frequencies <see cref="IsChannelFree"/> reports busy (Hz); empty = every channel free.</summary>
        public uint[] BusyFrequencies = new uint[0];

        /// <summary>Carrier senses asked for, and the frequency, threshold and time of the last one.</summary>
        public int ChannelSenses;
        public uint LastSensedHz;
        public int LastSenseThresholdDbm;
        public int LastSenseTimeUs;

        /// <inheritdoc />
        public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs)
        {
            ChannelSenses++;
            InContinuousRx = false;
            LastSensedHz = frequencyHz;
            LastSenseThresholdDbm = rssiThresholdDbm;
            LastSenseTimeUs = senseTimeUs;
            for (int i = 0; i < BusyFrequencies.Length; i++) if (BusyFrequencies[i] == frequencyHz) return false;
            return true;
        }

        /// <inheritdoc />
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            if (_sink == null) return;
            if (tag == TagTxDone)
            {
                if (_txOnAir) ReportTx(RadioEvent.TxDone, nowUs);
            }
            else if (tag == TagRxDone) _sink.OnRadioEvent(RadioEvent.RxDone, nowUs);
            else if (tag == TagRxTimeout) _sink.OnRadioEvent(RadioEvent.RxTimeout, nowUs);
            else if ((tag & 0x07) == TagContinuousFrame)
            {
                if (!InContinuousRx)
                {
                    ContinuousFramesMissed++;
                    return;
                }
                ContinuousFramesReceived++;
                _lastFrame = (byte[])_continuousFrames[tag >> 3];
                _sink.OnRadioEvent(RadioEvent.RxDone, nowUs);
            }
        }
    }
}
