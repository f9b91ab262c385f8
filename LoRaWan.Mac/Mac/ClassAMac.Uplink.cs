using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    public sealed partial class ClassAMac
    {
        const int OpNone = 0;
        const int OpJoin = 1;
        const int OpData = 2;

        // Request handed over from the application thread (guarded by _requestLock).
        int _requestKind;
        int _requestPort;
        int _requestLength;
        bool _requestConfirmed;
        int _opKind;            // written under _requestLock so the application sees "busy" correctly
        bool _preemptible;      // under _requestLock: an internal (empty) uplink not yet on air; an app send replaces it
        bool _preemptedAck;     // the ACK flag before that internal frame was built

        // The operation in progress (MAC thread only).
        bool _opInternal;       // an empty uplink the MAC decided to send (ACK, MAC answers)
        bool _opConfirmed;
        uint _opFCnt;
        int _opTransmissions;
        int _opNbTrans;
        bool _opAcked;
        bool _opDownlinkSeen;
        int _txLength;
        bool _ackPending;       // a confirmed downlink awaits its ACK (LoRaWAN 1.0.4 §4.3.1.2)
        SendResult _result;

        // Bound at transmit time from the channel and data rate actually used (RX1/RX2 follow the uplink).
        int _txChannel;
        int _txDataRate;
        uint _txFrequency;
        ulong _txAirTimeUs;
        ulong _txStartUs;
        ulong _txDoneUs;
        ulong _rx1DelayUs;
        uint _rx1Frequency;
        int _rx1DataRate;
        uint _rx2Frequency;
        int _rx2DataRate;

        /// <summary>Finished whenever an operation (the application's or the MAC's own) completes; may be null.</summary>
        public MacOperation IdleSignal;

        /// <summary>True while a join or an uplink is in progress.</summary>
        public bool IsBusy { get { lock (_requestLock) { return _opKind != OpNone || _requestKind != OpNone; } } }

        /// <summary>The result of the last finished uplink request.</summary>
        public SendResult LastResult { get { return _result; } }

        /// <summary>
        /// Microseconds until every duty-cycle sub-band may send a maximum-size frame at the current data rate again,
        /// and DutyCycleReq's aggregated limit allows it (0 = now). Sub-bands whose hourly budget is shorter than
        /// such a frame are not waited for.
        /// </summary>
        public ulong DutyCycleRestUs
        {
            get
            {
                if (!_session.Active) return 0;
                int dr = _session.DataRate;
                ulong airTime = _region.GetAirTimeUs(dr, _region.GetMaxMacPayload(_plan, dr) + DataFrame.Overhead, true);
                ulong now = _scheduler.NowMicroseconds;
                ulong rest = _dutyCycle.GetAggregatedWaitUs(now, airTime, _plan.MaxDutyCycle);
                for (int band = 0; band < _region.BandCount; band++)
                {
                    ulong w = _dutyCycle.GetBandWaitUs(band, now, airTime);
                    if (w != ulong.MaxValue && w > rest) rest = w;
                }
                return rest;
            }
        }

        /// <summary>True when an application uplink would have to wait for another operation (a join, an uplink on air).</summary>
        bool IsBusyForApplication
        {
            get { lock (_requestLock) { return (_opKind != OpNone && !_preemptible) || _requestKind != OpNone; } }
        }

        /// <summary>
        /// The shortest time from now in which an application uplink of <paramref name="length"/> bytes, started now,
        /// can complete, in µs: the wait until a channel carrying the current data rate may take its air time
        /// (<paramref name="waitUs"/>: duty cycle, DutyCycleReq), the air time, and RECEIVE_DELAY1 (a downlink in RX1
        /// ends a cycle earliest). A lower bound: MAC answers riding along only lengthen the frame. ulong.MaxValue
        /// when it cannot be told (no session, a data rate this stack cannot send, no channel carrying it).
        /// </summary>
        public ulong GetShortestCycleUs(int length, out ulong waitUs)
        {
            waitUs = 0;
            int dr = _session.DataRate;
            if (!_session.Active || !_region.IsDataRateSupported(dr)) return ulong.MaxValue;
            // PHYPayload = MHDR (1) + FHDR without FOpts (7) + FPort (1) + FRMPayload + MIC (4).
            ulong airTime = _region.GetAirTimeUs(dr, length + 13, true);
            waitUs = _region.GetWaitUs(_plan, dr, false, _scheduler.NowMicroseconds, airTime, _dutyCycle);
            if (waitUs == ulong.MaxValue) return ulong.MaxValue;
            int rxDelay = _session.RxDelaySeconds < 1 ? 1 : _session.RxDelaySeconds;
            return waitUs + airTime + (ulong)rxDelay * OneSecondUs;
        }

        /// <summary>The largest application payload the current data rate carries (no pending MAC answers counted).</summary>
        public int MaxPayload
        {
            get { return MaxAppPayload(_session.DataRate, 0); }
        }

        int MaxAppPayload(int dataRate, int foptsLength)
        {
            // MACPayload = FHDR (7 + FOpts) + FPort (1) + FRMPayload (regional parameters, "M").
            int m = _region.GetMaxMacPayload(_plan, dataRate);
            int n = m - 8 - foptsLength;
            return n < 0 ? 0 : n;
        }

        /// <summary>
        /// Queues an uplink of <paramref name="length"/> bytes of <paramref name="payload"/> from
        /// <paramref name="offset"/> on <paramref name="port"/> (1..223). Returns <see cref="SendStatus.Pending"/> when
        /// accepted (the outcome arrives through <see cref="IMacListener.OnUplinkCompleted"/>), or the reason it was
        /// refused: <see cref="SendStatus.InvalidArgument"/> for a port outside 1..223, a null payload (send an empty
        /// one as a zero-length array) or an offset/length outside the array; <see cref="SendStatus.Busy"/> while
        /// another uplink or join is in progress — except from an event handler (<see cref="IsInEventHandler"/>),
        /// where the uplink is queued behind the one in progress and goes on air when that one completes (one queued
        /// uplink at most: a second one is Busy). Copies the payload; the caller's buffer is free on return. Any thread.
        /// </summary>
        public SendResult StartSend(int port, byte[] payload, int offset, int length, bool confirmed)
        {
            return StartSend(port, payload, offset, length, confirmed, ulong.MaxValue);
        }

        /// <summary>
        /// <see cref="StartSend(int, byte[], int, int, bool)"/> for a caller that waits at most
        /// <paramref name="limitUs"/> µs for the outcome: when the MAC is free and can already tell that the uplink cannot
        /// complete within it (see <see cref="GetShortestCycleUs"/>), nothing is queued and the result says why at once —
        /// <see cref="SendStatus.DutyCycleWait"/> with <see cref="SendResult.WaitMs"/> when the duty cycle holds it back,
        /// <see cref="SendStatus.Timeout"/> when the limit is shorter than one uplink cycle.
        /// </summary>
        public SendResult StartSend(int port, byte[] payload, int offset, int length, bool confirmed, ulong limitUs)
        {
            if (port < 1 || port > 223 || payload == null || offset < 0 || length < 0 || offset > payload.Length - length)
                return SendResult.Of(SendStatus.InvalidArgument);
            if (!_session.Active) return SendResult.Of(SendStatus.NotJoined);
            int max = MaxAppPayload(_session.DataRate, 0);
            if (length > max)
            {
                SendResult r = SendResult.Of(SendStatus.PayloadTooLarge);
                r.MaxPayload = max;
                r.DataRate = _session.DataRate;
                return r;
            }
            bool fromHandler = IsInEventHandler;
            if (limitUs != ulong.MaxValue && !IsBusyForApplication)
            {
                ulong waitUs;
                ulong cycleUs = GetShortestCycleUs(length, out waitUs);
                if (cycleUs != ulong.MaxValue && cycleUs > limitUs)
                {
                    SendResult r = SendResult.Of(waitUs > 0 ? SendStatus.DutyCycleWait : SendStatus.Timeout);
                    r.WaitMs = (long)((waitUs + 999) / 1000);
                    r.DataRate = _session.DataRate;
                    return r;
                }
            }
            lock (_requestLock)
            {
                // An empty uplink the MAC queued for its own answers/ACK and that is still waiting for a free
                // channel gives way: the application's uplink carries the same answers. A handler cannot wait for the
                // uplink in progress (it runs on the MAC's thread): its request waits in the slot, and Complete posts
                // it again when that uplink is done (HandleRequest).
                if ((_opKind != OpNone && !_preemptible && !fromHandler) || _requestKind != OpNone) return SendResult.Of(SendStatus.Busy);
                if (length > 0) Array.Copy(payload, offset, _appPayload, 0, length);
                _requestPort = port;
                _requestLength = length;
                _requestConfirmed = confirmed;
                _requestKind = OpData;
            }
            PostRequest();
            return SendResult.Of(SendStatus.Pending);
        }

        void HandleRequest()
        {
            int kind;
            bool replacing;
            bool stopJoin;
            lock (_requestLock)
            {
                stopJoin = _requestKind == OpNone && _opKind == OpJoin && _joinCancelled && _state == MacState.BackingOff;
                if (stopJoin) _opKind = OpNone;
            }
            if (stopJoin)
            {
                // CancelJoin while the next attempt waits for its back-off: do not keep the MAC busy until then.
                Disarm();
                _joinRestartPending = false;
                _state = MacState.Idle;
                Note(NoteIdle, 0, 0, 0);
                NotifyJoinAttempt(false, -1);
                return;
            }
            lock (_requestLock)
            {
                kind = _requestKind;
                // The internal uplink this request was to replace went on air in the meantime: take the request
                // when that cycle completes (Complete posts it again).
                if (kind != OpNone && _opKind != OpNone && !_preemptible) return;
                replacing = kind == OpData && _opKind != OpNone && _preemptible;
                _requestKind = OpNone;
                if (kind != OpNone) _opKind = kind;
                _preemptible = false;
            }
            if (replacing)
            {
                // The internal frame never went on air: what it carried is owed again. Its FCnt stays unused.
                _answers.Restore();
                _ackPending = _preemptedAck;
                _opInternal = false;
            }
            if (kind == OpData)
            {
                if (_state != MacState.Idle) Disarm();   // an empty-ACK alarm may be armed
                BeginData(_requestPort, _requestLength, _requestConfirmed, false);
            }
            else if (kind == OpJoin) BeginJoin();
        }

        void BeginData(int port, int length, bool confirmed, bool internalOp)
        {
            _opInternal = internalOp;
            lock (_requestLock) { _preemptible = internalOp; }
            _opConfirmed = confirmed;
            _opTransmissions = 0;
            _opAcked = false;
            _opDownlinkSeen = false;
            _opNbTrans = _session.NbTrans < 1 ? 1 : _session.NbTrans;
            if (!_session.Active) { Complete(SendStatus.NotJoined); return; }
            if (_session.FCntUp == 0xFFFFFFFF) { Complete(SendStatus.CounterExhausted); return; }
            // Last line of defence: never build a frame at a rate the dwell time forbids or no channel carries.
            if (UsableDataRate.Ensure(_region, _plan, _session)) PersistSession();
            // MAC commands: ADR back-off and ADR_ACK_CNT; answers that do not fit beside the payload go first, alone.
            if (PrepareUplinkCommands(port, length, internalOp)) { port = DataFrame.NoPort; length = 0; confirmed = false; _opConfirmed = false; }

            // LoRaWAN 1.0.4 §4.3.1.5: FCntUp is never reused. Persist a window ahead before using a counter
            // the persisted record does not cover.
            _opFCnt = _session.FCntUp;
            if (_opFCnt >= _session.FCntUpLimit) _session.SaveCounters(_options.FCntPersistInterval);
            _session.FCntUp = _opFCnt + 1;

            if (internalOp)
            {
                // This frame may be replaced by an application uplink before it goes on air: keep what it
                // consumes (the ACK and the MAC answers) so the replacement can carry it.
                EnsureCommands();
                _answers.Save();
                _preemptedAck = _ackPending;
            }
            _txLength = BuildDataFrame(port, length, confirmed);
            if (_txLength <= 0) { Complete(SendStatus.PayloadTooLarge); return; }
            TransmitPending();
        }

        int BuildDataFrame(int port, int length, bool confirmed)
        {
            _up.MType = confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp;
            _up.DevAddr = _session.DevAddr;
            _up.Adr = _session.Adr;
            _up.AdrAckReq = _uplinkAdrAckReq;
            _up.Ack = _ackPending;
            _up.ClassB = false;
            _up.FPending = false;
            _up.FCnt = (ushort)_opFCnt;
            byte[] payload = _appPayload;
            int foptsLength = SelectUplinkCommands(ref port, ref length, ref payload);
            _up.FPort = port;
            FrameResult r = _up.Write(_tx, 0, _fopts, 0, foptsLength, payload, 0, port == DataFrame.NoPort ? 0 : length);
            if (r != FrameResult.Ok) return 0;
            if (_up.FrmPayloadLength > 0)
            {
                // FRMPayload key: NwkSKey for FPort 0, AppSKey otherwise (LoRaWAN 1.0.4 §4.3.3).
                byte[] key = port == 0 ? _session.NwkSKey : _session.AppSKey;
                _cipher.EncryptFrmPayload(key, 0, FrameDirection.Uplink, _session.DevAddr, _opFCnt, _tx, _up.FrmPayloadOffset, _up.FrmPayloadLength);
            }
            _mic.Compute10(_session.NwkSKey, 0, FrameDirection.Uplink, _session.DevAddr, _opFCnt, _tx, 0, _up.MicInputLength, _tx, _up.MicOffset);
            _ackPending = false;
            return _up.Length;
        }

        /// <summary>Sends the frame in _tx now if a channel is free, or backs off until one is.</summary>
        void TransmitPending()
        {
            bool join = _opKind == OpJoin;
            int dataRate = join ? _joinDataRate : _session.DataRate;
            ulong now = _scheduler.NowMicroseconds;
            ulong airTime = _region.GetAirTimeUs(dataRate, _txLength, true);
            ulong waitUs;
            // Listen-before-talk (KR920; AS923 in Japan): a busy channel is skipped for the next free one (Regions/README.md).
            LoRaWan.Radio.IRadio sensor = _options.UsesListenBeforeTalk(_region) ? _radio : null;
            int channel = _region.SelectClearChannel(_plan, dataRate, join, now, airTime, _dutyCycle, _random, sensor, out waitUs);
            if (sensor != null) now = _scheduler.NowMicroseconds;   // the senses took time
            if (channel < 0)
            {
                if (waitUs == ulong.MaxValue)
                {
                    // No enabled channel carries this data rate: nothing will ever free up.
                    _result.WaitMs = -1;
                    if (join) { AbortJoin(); return; }
                    Complete(SendStatus.DutyCycleWait);
                    return;
                }
                _state = MacState.BackingOff;
                if (Trace != null) Trace.BackingOff(now, waitUs);
                Arm(now + waitUs);
                return;
            }

            _txChannel = channel;
            _txDataRate = dataRate;
            _txFrequency = _region.GetUplinkFrequency(_plan, channel);
            _txAirTimeUs = airTime;
            _txConfig.FrequencyHz = _txFrequency;
            _txConfig.SpreadingFactor = _region.GetSpreadingFactor(dataRate);
            _txConfig.BandwidthHz = _region.GetBandwidthHz(dataRate);
            _txConfig.CodingRate = 1;
            _txConfig.PreambleSymbols = 8;
            _txConfig.Crc = true;
            _txConfig.InvertIq = false;
            int eirp = _region.LimitEirpForFrequency(_txFrequency, _region.GetTxPowerEirpDbm(_plan, join ? 0 : _session.TxPowerIndex));
            _txConfig.PowerDbm = eirp - _options.AntennaGainDbi;

            // RX parameters follow the uplink actually sent (LoRaWAN 1.0.4 §3.3.1 and the regional RX1 rules).
            _rx1Frequency = _region.GetRx1Frequency(_plan, channel);
            if (join)
            {
                _rx1DelayUs = JoinAcceptDelay1Us;
                _rx1DataRate = _region.GetRx1DataRate(_plan, dataRate, 0);
                _rx2Frequency = _region.Rx2Frequency;
                _rx2DataRate = _region.Rx2DataRate;
            }
            else
            {
                _rx1DelayUs = (ulong)_session.RxDelaySeconds * OneSecondUs;
                _rx1DataRate = _region.GetRx1DataRate(_plan, dataRate, _session.Rx1DrOffset);
                _rx2Frequency = _session.Rx2FrequencyHz;
                _rx2DataRate = _session.Rx2DataRate;
            }

            _dutyCycle.RecordTransmission(_plan, channel, now, airTime, join);
            _txStartUs = now;
            _state = MacState.Transmitting;
            Arm(now + airTime + TxWatchdogMarginUs);
            if (_opInternal) lock (_requestLock) { _preemptible = false; }
            _opTransmissions++;
            Counters.Transmissions++;
            if (Trace != null) Trace.Transmitting(now, join, join ? (uint)_opDevNonce : _opFCnt, channel, _txFrequency, dataRate, _txLength, airTime, _txConfig.PowerDbm);
            _radio.Transmit(_txConfig, _tx, 0, _txLength);
        }

        void OnTxDone(ulong stampUs)
        {
            _txDoneUs = stampUs;
            if (Trace != null) Trace.TxDone(stampUs);
            if (!_region.IsDataRateSupported(_rx1DataRate))
            {
                // The RX1 rate for this uplink and offset is not LoRa (e.g. AS923/IN865 DR5 + RX1DROffset 7 = FSK
                // DR7, which this stack does not receive): no RX1, go straight to RX2.
                _window = 1;
                _state = MacState.WaitingRx2;
                if (!_region.IsDataRateSupported(_rx2DataRate)) { EndOfWindows(false); return; }
                Arm(WindowOpenTime(_rx1DelayUs + OneSecondUs, _rx2DataRate));
                return;
            }
            _state = MacState.WaitingRx1;
            Arm(WindowOpenTime(_rx1DelayUs, _rx1DataRate));
        }

        /// <summary>When to start listening for a window whose preamble is due <paramref name="delayUs"/> after TxDone.</summary>
        ulong WindowOpenTime(ulong delayUs, int dataRate)
        {
            int sf = _region.GetSpreadingFactor(dataRate);
            int bw = _region.GetBandwidthHz(dataRate);
            int symbols = RxWindowTiming.SymbolTimeout(sf, bw, EffectiveTimingErrorUs);
            long offsetUs = RxWindowTiming.WindowOffsetMilliseconds(sf, bw, symbols, _options.RadioWakeUpUs) * 1000L;
            long at = (long)(_txDoneUs + delayUs) + offsetUs;
            return at < 0 ? 0 : (ulong)at;
        }

        /// <summary>Upper bound of the margin <see cref="LoRaWanOptions.AdaptTimingError"/> may reach, µs.</summary>
        public const long MaxAdaptiveTimingErrorUs = 200000;

        /// <summary>The timing error the windows cover: the configured one, or more when measurements say so.</summary>
        public long EffectiveTimingErrorUs
        {
            get
            {
                long e = _options.TimingErrorUs;
                if (_options.AdaptTimingError && Timing.Count > 0)
                {
                    long measured = Timing.MaxLateUs + Timing.MaxLateUs / 4;
                    // Bounded: one pathological measurement must not make RX1 listen through RX2's time.
                    if (measured > MaxAdaptiveTimingErrorUs) measured = MaxAdaptiveTimingErrorUs;
                    if (measured > e) e = measured;
                }
                return e;
            }
        }

        void Complete(SendStatus status)
        {
            if (_appDeferred && ResumeDeferredSend()) return;
            _result.Status = status;
            _result.FCnt = _opFCnt;
            _result.DataRate = _txDataRate;
            _result.FrequencyHz = _txFrequency;
            _result.AirTimeUs = _txAirTimeUs;
            _result.Transmissions = _opTransmissions;
            if (status == SendStatus.PayloadTooLarge) _result.MaxPayload = MaxAppPayload(_session.DataRate, 0);
            bool wasInternal = _opInternal;
            _opInternal = false;
            _state = MacState.Idle;
            bool requestWaiting;
            lock (_requestLock)
            {
                _opKind = OpNone;
                _preemptible = false;
                requestWaiting = _requestKind != OpNone;
            }
            // The result first, then "idle": a Send waiting for the MAC must not start before this result is delivered.
            // Both are raised after this transition (RaiseNotes).
            if (!wasInternal) NoteUplinkCompleted(_result);
            Note(NoteIdle, 0, 0, 0);
            if (requestWaiting) PostRequest();
            ScheduleIdleWork();
        }

        /// <summary>Pause before a join attempt that was cut short (radio failure, internal error) is retried.</summary>
        const ulong AbortRetryDelayUs = 1000000;
        bool _joinRestartPending;

        /// <summary>
        /// Ends the cycle early (radio failure, internal error). Does nothing that can fail again here: a data
        /// uplink completes with <paramref name="status"/>; a join is retried from the alarm with a fresh DevNonce.
        /// </summary>
        void AbortCycle(SendStatus status)
        {
            Disarm();
            try { _radio.Sleep(); } catch (Exception e) { RecordInternalError(e.GetType().FullName + ": " + e.Message); }
            if (_opKind == OpJoin)
            {
                _joinAttempt++;
                _joinRestartPending = true;
                _state = MacState.BackingOff;
                Arm(_scheduler.NowMicroseconds + AbortRetryDelayUs);
                return;
            }
            if (_opKind == OpData) { Complete(status); return; }
            _state = MacState.Idle;
        }

        /// <summary>In Idle, arms the alarm for work the MAC owes the network (the ACK of a confirmed downlink).</summary>
        void ScheduleIdleWork()
        {
            if (_state != MacState.Idle || !_session.Active) return;
            if ((_ackPending || AnswersOwed) && _options.EmptyAckUplinkDelayMs > 0)
                Arm(_scheduler.NowMicroseconds + (ulong)_options.EmptyAckUplinkDelayMs * 1000UL);
        }

        void OnIdleTimer()
        {
            if ((!_ackPending && !AnswersOwed) || !_session.Active) return;
            lock (_requestLock)
            {
                if (_opKind != OpNone || _requestKind != OpNone) return;
                _opKind = OpData;
            }
            // An empty uplink, FPort absent, carrying the ACK (LoRaWAN 1.0.4 §4.3.1.2 / §18.1).
            BeginData(DataFrame.NoPort, 0, false, true);
        }
    }
}
