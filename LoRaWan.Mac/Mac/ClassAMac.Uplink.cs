using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Session;
using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan.Mac
{
    public sealed partial class ClassAMac
    {
        /// <summary>True while a join or an uplink is in progress.</summary>
        public bool IsBusy { get { return _requests.IsBusy; } }

        /// <summary>The result of the last finished uplink request.</summary>
        public SendResult LastResult { get { return _uplink.Result.ToSendResult(); } }

        /// <summary>
        /// Microseconds until every duty-cycle sub-band may send a maximum-size frame at the current data rate again,
        /// and DutyCycleReq's aggregated limit allows it (0 = now). Sub-bands whose hourly budget is shorter than
        /// such a frame are not waited for.
        /// </summary>
        public ulong DutyCycleRestUs
        {
            get
            {
                if (!_session.IsActive) return 0;
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
            get { return _requests.IsBusyForApplication; }
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
            DeviceSession session = _session;
            waitUs = 0;
            int dr = session.DataRate;
            if (!session.IsActive || !_region.IsDataRateSupported(dr)) return ulong.MaxValue;
            // PHYPayload = MHDR (1) + FHDR without FOpts (7) + FPort (1) + FRMPayload + MIC (4).
            ulong airTime = _region.GetAirTimeUs(dr, length + 13, true);
            waitUs = _region.GetWaitUs(_plan, dr, false, _scheduler.NowMicroseconds, airTime, _dutyCycle);
            if (waitUs == ulong.MaxValue) return ulong.MaxValue;
            int rxDelay = session.RxDelaySeconds < 1 ? 1 : session.RxDelaySeconds;
            return waitUs + airTime + (ulong)rxDelay * OneSecondUs;
        }

        /// <summary>The largest application payload the current data rate carries (no pending MAC answers counted).</summary>
        public int MaxPayload
        {
            get { return MaxAppPayload(_session.DataRate, 0); }
        }

        int MaxAppPayload(int dataRate, int foptsLength)
        {
            // MACPayload = FHDR (7 + FOpts) + FPort (1) + FRMPayload (regional parameters, "M"). MaxMacPayload's body, not a
            // call (issue 20: twice per uplink).
            int m = _region.GetMaxMacPayload(_plan, dataRate);
            int fsk = _options.MaxFskPhyPayload - 5;
            if (m > fsk && _region.GetFskBitRate(dataRate) != 0) m = fsk;
            int n = m - 8 - foptsLength;
            return n < 0 ? 0 : n;
        }

        /// <summary>
        /// The regional M of <paramref name="dataRate"/>; at a GFSK rate no more than the radio's FSK frame limit allows
        /// (<see cref="LoRaWanOptions.MaxFskPhyPayload"/> less MHDR and MIC).
        /// </summary>
        int MaxMacPayload(int dataRate)
        {
            int m = _region.GetMaxMacPayload(_plan, dataRate);
            int fsk = _options.MaxFskPhyPayload - 5;
            return m > fsk && _region.GetFskBitRate(dataRate) != 0 ? fsk : m;
        }

        /// <summary>
        /// Queues an uplink of <paramref name="length"/> bytes of <paramref name="payload"/> from
        /// <paramref name="offset"/> on <paramref name="port"/> (1..223; 224 too when a certification package is wired, see <see cref="ICertificationPort"/>). Returns <see cref="SendStatus.Pending"/> when
        /// accepted (the outcome arrives through <see cref="IMacListener.OnUplinkCompleted"/>), or the reason it was
        /// refused: <see cref="SendStatus.InvalidArgument"/> for a port outside 1..223, a null payload (send an empty
        /// one as a zero-length array) or an offset/length outside the array; <see cref="SendStatus.Busy"/> while
        /// another uplink or join is in progress — except from an event handler (<see cref="IsInEventHandler"/>),
        /// where the uplink is queued behind the one in progress and goes on air when that one completes (one queued
        /// uplink at most: a second one is Busy, and so is one while an application uplink waits behind a MAC-only frame,
        /// see <see cref="MacRequestSlot.Hold"/>). Copies the payload; the caller's buffer is free on return. Any thread.
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
            int dataRate, maxPayload;
            long waitMs;
            SendStatus status = RequestSend(port, payload, offset, length, confirmed, limitUs, 0, out dataRate, out maxPayload, out waitMs);
            return SendResult.Refused(status, dataRate, maxPayload, waitMs);
        }

        /// <summary>
        /// <see cref="StartSend(int, byte[], int, int, bool, ulong)"/> without a <see cref="SendResult"/> (on nanoCLR a struct
        /// returned is a heap object): the status, and for a refusal the data rate, the largest payload
        /// (PayloadTooLarge) and the wait in ms (DutyCycleWait, Timeout); 0 where they do not apply. <paramref name="ticket"/>
        /// (0: none) comes back in the outcome's <see cref="UplinkOutcome.Ticket"/> when the uplink was queued: the facade's
        /// blocking Send knows its own outcome by it.
        /// </summary>
        internal SendStatus RequestSend(int port, byte[] payload, int offset, int length, bool confirmed, ulong limitUs, int ticket,
            out int dataRate, out int maxPayload, out long waitMs)
        {
            DeviceSession session = _session;
            dataRate = 0;
            maxPayload = 0;
            waitMs = 0;
            if (!IsSendablePort(port) || payload == null || offset < 0 || length < 0 || offset > payload.Length - length)
                return SendStatus.InvalidArgument;
            if (IsApplicationSuspended(port)) return SendStatus.Busy;
            if (!session.IsActive) return SendStatus.NotJoined;
            int max = MaxAppPayload(session.DataRate, 0);
            if (length > max)
            {
                maxPayload = max;
                dataRate = session.DataRate;
                return SendStatus.PayloadTooLarge;
            }
            bool fromHandler = IsInEventHandler;
            if (limitUs != ulong.MaxValue && !IsBusyForApplication)
            {
                ulong waitUs;
                ulong cycleUs = GetShortestCycleUs(length, out waitUs);
                if (cycleUs != ulong.MaxValue && cycleUs > limitUs)
                {
                    waitMs = (long)((waitUs + 999) / 1000);
                    dataRate = session.DataRate;
                    return waitUs > 0 ? SendStatus.DutyCycleWait : SendStatus.Timeout;
                }
            }
            // An empty uplink the MAC queued for its own answers/ACK and that is still waiting for a free
            // channel gives way: the application's uplink carries the same answers. A handler cannot wait for the
            // uplink in progress (it runs on the MAC's thread): its request waits in the slot, and Complete posts
            // it again when that uplink is done (HandleRequest). Claimed, written, published: MacRequestSlot's remarks.
            MacRequestSlot slot = _requests;
            if (!slot.TryClaim(true, fromHandler)) return SendStatus.Busy;
            if (length > 0) Array.Copy(payload, offset, slot.Payload, 0, length);
            slot.Port = port;
            slot.Length = length;
            slot.Confirmed = confirmed;
            slot.Ticket = ticket;
            slot.Publish(MacRequestSlot.Data);
            PostRequest();
            return SendStatus.Pending;
        }

        void HandleRequest()
        {
            MacRequestSlot slot = _requests;
            bool replacing;
            if (slot.TryStopCancelledJoin(_state == MacState.BackingOff))
            {
                // CancelJoin while the next attempt waits for its back-off: do not keep the MAC busy until then.
                _alarm.Disarm();
                _join.RestartPending = false;
                _state = MacState.Idle;
                Note(EventNotes.Idle, 0, 0, 0);
                NotifyJoinAttempt(false, -1);
                return;
            }
            // The internal uplink this request was to replace went on air in the meantime: take the request
            // when that cycle completes (Complete posts it again).
            int kind = slot.Take(out replacing);
            if (kind == MacRequestSlot.Wait) return;
            if (replacing)
            {
                // The internal frame never went on air: what it carried is owed again. Its FCnt stays unused.
                _cmd.Answers.Restore();
                _uplink.AckOwed = slot.PreemptedAck;
                _uplink.Internal = false;
            }
            if (kind == MacRequestSlot.Data)
            {
                if (_state != MacState.Idle) _alarm.Disarm();   // an empty-ACK alarm may be armed
                _uplink.Result.Ticket = slot.Ticket;   // the outcome goes back to the Send that queued it
                BeginData(slot.Port, slot.Length, slot.Confirmed, false);
            }
            else if (kind == MacRequestSlot.Join) BeginJoin();
            else if (kind == MacRequestSlot.ContinuousWave) BeginContinuousWave();
            else if (kind == MacRequestSlot.Rejoin) BeginRequestedRejoin(slot.Port);
        }

        void BeginData(int port, int length, bool confirmed, bool internalOp)
        {
            Uplink up = _uplink;
            Transmission tx = _tx;
            DeviceSession session = _session;
            up.Internal = internalOp;
            _requests.SetPreemptible(internalOp);
            up.Confirmed = confirmed;
            tx.Count = 0;
            up.Acked = false;
            up.DownlinkSeen = false;
            up.NbTrans = session.NbTrans < 1 ? 1 : session.NbTrans;
            if (!session.IsActive) { Complete(SendStatus.NotJoined); return; }
            if (session.FCntUp == 0xFFFFFFFF) { Complete(SendStatus.CounterExhausted); return; }
            if (RekeyLimitReached()) { Complete(SendStatus.NotJoined); return; }
            // Last line of defence: never build a frame at a rate the dwell time forbids or no channel carries.
            if (UsableDataRate.Ensure(_region, _plan, _session)) PersistSession();
            // MAC commands: ADR back-off and ADR_ACK_CNT; answers that do not fit beside the payload go first, alone.
            int commands = PrepareUplinkCommands(port, length, internalOp);
            if (commands == PayloadCannotRide) { Complete(SendStatus.PayloadSkipped); return; }
            if (commands == CommandsFirst) { port = DataFrame.NoPort; length = 0; confirmed = false; up.Confirmed = false; }

            // LoRaWAN 1.0.4 §4.3.1.5: FCntUp is never reused. Persist a window ahead before using a counter
            // the persisted record does not cover.
            up.FCnt = session.FCntUp;
            if (up.FCnt >= session.FCntUpLimit) session.SaveCounters(_options.FCntPersistInterval);
            session.FCntUp = up.FCnt + 1;

            if (internalOp)
            {
                // This frame may be replaced by an application uplink before it goes on air: keep what it
                // consumes (the ACK and the MAC answers) so the replacement can carry it.
                EnsureCommands();
                _cmd.Answers.Save();
                _requests.PreemptedAck = up.AckOwed;
            }
            int frameLength = BuildDataFrame(port, length, confirmed);
            tx.Length = frameLength;
            if (frameLength <= 0) { Complete(SendStatus.PayloadTooLarge); return; }
            TransmitPending();
        }

        int BuildDataFrame(int port, int length, bool confirmed)
        {
            Uplink up = _uplink;
            Transmission tx = _tx;
            DeviceSession session = _session;
            // Read once into locals (issue 20: each up.Header.X was two field reads, each session.Keys one more).
            DataFrame header = up.Header;
            SessionKeys keys = session.Keys;
            uint devAddr = session.Address;
            uint fcnt = up.FCnt;
            bool ackOwed = up.AckOwed;
            byte[] frame = tx.Frame;
            header.MType = confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp;
            header.DevAddr = devAddr;
            header.Adr = session.Adr;
            header.AdrAckReq = up.AdrAckReq;
            header.Ack = ackOwed;
            header.ClassB = false;
            header.FPending = false;
            header.FCnt = (ushort)fcnt;
            byte[] payload = _requests.Payload;
            int foptsLength = SelectUplinkCommands(ref port, ref length, ref payload);
            header.FPort = port;
            int frmPayloadLength = port == DataFrame.NoPort ? 0 : length;
            FrameResult r = header.Write(frame, 0, up.FOpts, 0, foptsLength, payload, 0, frmPayloadLength);
            if (r != FrameResult.Ok) return 0;
            // The frame starts at 0 and ends with FRMPayload then the 4-byte MIC (LoRaWAN 1.0.4 §4.1, §4.3): the MIC's
            // offset and FRMPayload's follow from the length (issue 20: one getter call where four were).
            int total = header.Length;
            int micOffset = total - 4;
            bool v11 = keys.Separate;
            if (frmPayloadLength > 0)
            {
                // FRMPayload key: AppSKey for FPort 1..255; for FPort 0 NwkSKey (LoRaWAN 1.0.4 §4.3.3), NwkSEncKey (1.1 §4.3.3).
                byte[] key = port != 0 ? keys.AppSKey : v11 ? keys.NwkSEncKey : keys.NwkSKey;
                _cipher.EncryptFrmPayload(key, 0, keys.Generation, FrameDirection.Uplink, devAddr, fcnt, frame, micOffset - frmPayloadLength, frmPayloadLength);
            }
            // LoRaWAN 1.1 §4.4: the ACK's ConfFCnt enters the MIC (B1).
            up.ConfFCnt = ackOwed ? keys.ConfirmedDownFCnt : 0u;
            up.AckOwed = false;
            // 1.1: FOpts encrypted with NwkSEncKey (§4.3.1.6 and its erratum); the MIC waits for the channel (SignUplink11).
            if (v11) { EncryptUplinkFOpts(foptsLength); return total; }
            // The MIC covers MHDR .. end of FRMPayload, the bytes before it.
            _mic.Compute10(keys.NwkSKey, 0, keys.Generation, FrameDirection.Uplink, devAddr, fcnt, frame, 0, micOffset, frame, micOffset);
            return total;
        }

        /// <summary>FOpts start after MHDR (1) and the fixed FHDR (DevAddr 4, FCtrl 1, FCnt 2).</summary>
        const int FOptsIndex = 8;

        /// <summary>LoRaWAN 1.1 §4.3.1.6: uplink FOpts encrypted with NwkSEncKey over FCntUp (T = 0x01, erratum "FOpts Encryption").</summary>
        void EncryptUplinkFOpts(int foptsLength)
        {
            if (foptsLength <= 0) return;
            DeviceSession session = _session;
            _cipher.EncryptFOpts(session.Keys.NwkSEncKey, 0, session.Keys.Generation, FCntType.FCntUp, session.Address, _uplink.FCnt, _tx.Frame, FOptsIndex, foptsLength);
        }

        /// <summary>
        /// LoRaWAN 1.1 §4.4 uplink MIC, once the channel is chosen (and again for each repetition, which may hop):
        /// cmacS = cmac(SNwkSIntKey, B1 | msg) with ConfFCnt, TxDr and TxCh (the channel index used), cmacF = cmac(FNwkSIntKey,
        /// B0 | msg), MIC = cmacS[0..1] | cmacF[0..1].
        /// </summary>
        void SignUplink11(int channel, int dataRate)
        {
            Uplink up = _uplink;
            DeviceSession session = _session;
            SessionKeys keys = session.Keys;
            _mic.ComputeUplink11(keys.SNwkSIntKey, 0, keys.NwkSKey, 0, keys.Generation, up.ConfFCnt, (byte)dataRate, (byte)channel, session.Address, up.FCnt,
                _tx.Frame, 0, up.Header.MicInputLength, _tx.Frame, up.Header.MicOffset);
        }

        /// <summary>
        /// Sends the frame in <see cref="Transmission.Frame"/> now if a channel is free, or backs off until one is. The
        /// transmit path, in order: choose a channel (duty cycle, join back-off), configure the radio for it, bind the
        /// receive windows to it, go on air.
        /// </summary>
        void TransmitPending()
        {
            Transmission tx = _tx;
            int operation = _requests.Operation;
            bool join = operation == MacRequestSlot.Join;
            int dataRate = join ? _join.DataRate : _session.DataRate;
            // A Rejoin-request (LoRaWAN 1.1 §6.2.4) goes out on the session's channels like an uplink, and waits for a
            // join-accept in the join windows.
            bool rejoin = false;
            if (operation == MacRequestSlot.Rejoin) { rejoin = true; dataRate = _join.Rejoin.DataRate; }
            ulong now = _scheduler.NowMicroseconds;
            DataRateRow row = tx.Row;
            Region region = _region;
            if (row.DataRate != dataRate) row.Load(region, dataRate);
            ulong airTime = row.UplinkUs(region, tx.Length);
            ulong waitUs;
            // Listen-before-talk (KR920; AS923 in Japan): a busy channel is skipped for the next free one (Regions/README.md).
            LoRaWan.Radio.IRadio sensor = _options.UsesListenBeforeTalk(_region) ? _radio : null;
            if (sensor != null) _rxc.Open = false;   // sensing ends RXC (KeepRxc reopens it if the MAC backs off)
            int channel = _region.SelectClearChannel(_plan, dataRate, join, now, airTime, _dutyCycle, tx.Random, sensor, out waitUs);
            if (sensor != null) now = _scheduler.NowMicroseconds;   // the senses took time
            if (channel < 0)
            {
                if (waitUs == ulong.MaxValue)
                {
                    // No enabled channel carries this data rate: nothing will ever free up.
                    _uplink.Result.SetWaitMs(-1);
                    if (join) { AbortJoin(); return; }
                    if (rejoin) { _join.Rejoin.Clear(); EndRejoinAttempt(); return; }
                    Complete(SendStatus.DutyCycleWait);
                    return;
                }
                _state = MacState.BackingOff;
                if (_observers.Trace != null) _observers.Trace.BackingOff(now, waitUs);
                _alarm.Arm(now + waitUs);
                return;
            }

            ConfigureTransmission(tx, channel, dataRate, airTime, join);
            if (!join && _session.Keys.Separate && !rejoin) SignUplink11(channel, dataRate);
            BindWindows(channel, dataRate, operation != MacRequestSlot.Data);
            _dutyCycle.RecordTransmission(_plan.GetBand(channel), now, airTime, join, _plan.MaxDutyCycle);
            tx.StartUs = now;
            _state = MacState.Transmitting;
            _alarm.Arm(now + airTime + TxDeadlineMarginUs);   // the one TX watchdog (IRadio's remarks)
            if (_uplink.Internal) _requests.SetPreemptible(false);
            tx.Count++;
            _diag.Counters.Transmissions++;
            _rxc.Open = false;   // a transmission interrupts RXC (LoRaWAN 1.0.4 §15)
            if (_observers.Trace != null) _observers.Trace.Transmitting(now, join || rejoin, join ? (uint)_join.DevNonce : rejoin ? (uint)_join.Rejoin.RjCount : _uplink.FCnt, channel, tx.FrequencyHz, dataRate, tx.Length, airTime, tx.Config.PowerDbm);
            _radio.Transmit(tx.Config, tx.Frame, 0, tx.Length);
        }

        /// <summary>The radio settings for the channel and data rate chosen (LoRaWAN 1.0.4 §4.1, regional TX power).</summary>
        void ConfigureTransmission(Transmission tx, int channel, int dataRate, ulong airTime, bool join)
        {
            TxConfig config = tx.Config;
            Region region = _region;
            ChannelPlan plan = _plan;
            uint frequency = region.GetUplinkFrequency(plan, channel);
            tx.Channel = channel;
            tx.DataRate = dataRate;
            tx.FrequencyHz = frequency;
            tx.AirTimeUs = airTime;
            config.FrequencyHz = frequency;
            if (tx.ConfigDataRate != dataRate)
            {
                // CodingRate, Crc and InvertIq are set once (Transmission's constructor).
                DataRateRow row = tx.Row;   // loaded for dataRate by TransmitPending
                config.SpreadingFactor = row.SpreadingFactor;
                config.BandwidthHz = row.BandwidthHz;
                int fsk = row.FskBitRate;
                config.FskBitRate = fsk;   // GFSK rows (e.g. EU868 DR7): RP002's FSK format
                config.PreambleSymbols = fsk != 0 ? AirTime.LoRaWanFskPreambleBytes : 8;
                tx.ConfigDataRate = dataRate;
            }
            int eirp = region.LimitEirpForFrequency(frequency, region.GetTxPowerEirpDbm(plan, join ? 0 : _session.TxPowerIndex));
            config.PowerDbm = eirp - _options.AntennaGainDbi;
        }

        /// <summary>RX parameters follow the uplink actually sent (LoRaWAN 1.0.4 §3.3.1 and the regional RX1 rules).</summary>
        void BindWindows(int channel, int dataRate, bool join)
        {
            DeviceSession session = _session;
            ReceiveWindows w = _windows;
            Region region = _region;
            ChannelPlan plan = _plan;
            w.Rx1FrequencyHz = region.GetRx1Frequency(plan, channel);
            if (join)
            {
                w.Rx1DelayUs = JoinAcceptDelay1Us;
                w.Rx1DataRate = region.GetRx1DataRate(plan, dataRate, 0);
                w.Rx2FrequencyHz = region.Rx2Frequency;
                w.Rx2DataRate = region.Rx2DataRate;
            }
            else
            {
                w.Rx1DelayUs = (ulong)session.RxDelaySeconds * OneSecondUs;
                w.Rx1DataRate = region.GetRx1DataRate(plan, dataRate, session.Rx1DrOffset);
                w.Rx2FrequencyHz = session.Rx2FrequencyHz;
                w.Rx2DataRate = session.Rx2DataRate;
            }
        }

        void OnTxDone(ulong stampUs)
        {
            ReceiveWindows rw = _windows;
            rw.TxDoneUs = stampUs;
            if (_observers.Trace != null) _observers.Trace.TxDone(stampUs);
            ulong rx1DelayUs = rw.Rx1DelayUs;
            DataRateRow row = FittedRow(rw.Rx1Row, rw.Rx1DataRate);
            if (row == null)
            {
                // The RX1 rate for this uplink and offset is one this stack does not receive (LR-FHSS, RFU; LoRa and
                // FSK are received): no RX1, go straight to RX2.
                rw.Current = 1;
                _state = MacState.WaitingRx2;
                row = FittedRow(rw.Rx2Row, rw.Rx2DataRate);
                if (row == null) { EndOfWindows(false); return; }
                _alarm.Arm(WindowOpenTime(stampUs + rx1DelayUs + OneSecondUs, row));
                return;
            }
            _state = MacState.WaitingRx1;
            _alarm.Arm(WindowOpenTime(stampUs + rx1DelayUs, row));
        }

        /// <summary>When to start listening for a window of <paramref name="row"/> whose preamble is due at <paramref name="dueUs"/>.</summary>
        static ulong WindowOpenTime(ulong dueUs, DataRateRow row)
        {
            long at = (long)dueUs + row.WindowOffsetUs;
            return at < 0 ? 0 : (ulong)at;
        }

        /// <summary>
        /// <paramref name="row"/> (a window's: <see cref="ReceiveWindows.Rx1Row"/> or <see cref="ReceiveWindows.Rx2Row"/>) for
        /// <paramref name="dataRate"/>, read from the region when the rate changed (issue 20: each window's rate is read once,
        /// not on every use, and kept from one uplink to the next), with the window fitted to <see cref="EffectiveTimingErrorUs"/>
        /// and the radio's wake-up (<see cref="DataRateRow.FitWindow"/>, refitted only when either changed) and its guard
        /// (<see cref="DataRateRow.WindowGuardUs"/>); null when this stack does not receive the rate (LR-FHSS, RFU:
        /// <see cref="DataRateRow.Supported"/>). Issue 20: one call where WindowRow, DataRateRow.Load, EffectiveTimingErrorUs,
        /// FitWindow and Region.IsDataRateSupported were five, twice per window (at TxDone for the open time, at the window).
        /// </summary>
        DataRateRow FittedRow(DataRateRow row, int dataRate)
        {
            if (row.DataRate != dataRate) row.Load(_region, dataRate);
            if (!row.Supported) return null;
            LoRaWanOptions options = _options;
            long errorUs = options.AdaptTimingError ? EffectiveTimingErrorUs : options.TimingErrorUs;
            long wakeUpUs = options.RadioWakeUpUs;
            if (errorUs != row.FittedErrorUs || wakeUpUs != row.FittedWakeUpUs)
            {
                row.FitWindow(errorUs, wakeUpUs);
                row.WindowGuardUs = row.WindowListenUs + row.MaxDownlinkUs(_region) + (row.FskBitRate != 0 ? FskWindowEndMarginUs : RxGuardMarginUs);
            }
            return row;
        }

        /// <summary>Upper bound of the margin <see cref="LoRaWanOptions.AdaptTimingError"/> may reach, µs.</summary>
        public const long MaxAdaptiveTimingErrorUs = 200000;

        /// <summary>The timing error the windows cover: the configured one, or more when measurements say so.</summary>
        public long EffectiveTimingErrorUs
        {
            get
            {
                long e = _options.TimingErrorUs;
                if (_options.AdaptTimingError && _diag.Timing.Lateness.Count > 0)
                {
                    long measured = _diag.Timing.Lateness.MaxUs + _diag.Timing.Lateness.MaxUs / 4;
                    // Bounded: one pathological measurement must not make RX1 listen through RX2's time.
                    if (measured > MaxAdaptiveTimingErrorUs) measured = MaxAdaptiveTimingErrorUs;
                    if (measured > e) e = measured;
                }
                return e;
            }
        }

        void Complete(SendStatus status)
        {
            Uplink up = _uplink;
            Transmission tx = _tx;
            MacRequestSlot slot = _requests;
            if (up.Deferral == Uplink.Deferred && ResumeDeferredSend()) return;
            up.Result.Set(status, up.FCnt, tx.DataRate, tx.FrequencyHz, tx.AirTimeUs, tx.Count);
            if (status == SendStatus.PayloadTooLarge) up.Result.SetMaxPayload(MaxAppPayload(_session.DataRate, 0));
            if (status == SendStatus.PayloadSkipped) up.Result.SetMaxPayload(MaxAppPayload(_session.DataRate, _cmd.Answers.IndicationLength));
            bool wasInternal = up.Internal;
            up.Internal = false;
            _state = MacState.Idle;
            if (_session.Network.RejoinParam >= 0) CountUplinkForRejoin();
            bool requestWaiting = slot.End(MacRequestSlot.None);
            // The result first, then "idle": a Send waiting for the MAC must not start before this result is delivered.
            // Both are raised after this transition (RaiseNotes).
            if (!wasInternal) NoteUplinkCompleted(up.Result);
            Note(EventNotes.Idle, 0, 0, 0);
            if (requestWaiting) PostRequest();
            ScheduleIdleWork();
        }

        /// <summary>Pause before a join attempt that was cut short (radio failure, internal error) is retried.</summary>
        const ulong AbortRetryDelayUs = 1000000;

        /// <summary>
        /// Ends the cycle early (radio failure, internal error). Does nothing that can fail again here: a data
        /// uplink completes with <paramref name="status"/>; a join is retried from the alarm with a fresh DevNonce.
        /// </summary>
        void AbortCycle(SendStatus status)
        {
            _alarm.Disarm();
            try { SleepRadio(); } catch (Exception e) { RecordInternalError(e.GetType().FullName + ": " + e.Message); }
            if (_requests.Operation == MacRequestSlot.Join)
            {
                _join.Number++;
                _join.RestartPending = true;
                _state = MacState.BackingOff;
                _alarm.Arm(_scheduler.NowMicroseconds + AbortRetryDelayUs);
                return;
            }
            if (_requests.Operation == MacRequestSlot.Data) { Complete(status); return; }
            if (_requests.Operation == MacRequestSlot.Rejoin) { EndRejoinAttempt(); return; }
            _requests.End(MacRequestSlot.ContinuousWave);
            _state = MacState.Idle;
        }

        /// <summary>In Idle, arms the alarm for work the MAC owes the network (the ACK of a confirmed downlink).</summary>
        void ScheduleIdleWork()
        {
            DeviceSession session = _session;
            if (_state != MacState.Idle || !session.IsActive) return;
            LoRaWanOptions options = _options;
            bool ackOwed = _uplink.AckOwed;
            // Class C answers a confirmed downlink within CLASS_C_RESP_TIMEOUT (LoRaWAN 1.0.4 §15): its own, shorter delay.
            int delayMs = session.DeviceClass == DeviceClass.C && ackOwed ? options.ClassCAckUplinkDelayMs : options.EmptyAckUplinkDelayMs;
            bool owed = (ackOwed || AnswersOwed) && delayMs > 0;
            // A Rejoin-request due (ForceRejoinReq, RejoinParamSetupReq, LoRaWAN 1.1 §5.13/§5.14) goes out from Idle too:
            // CheckPeriodicRejoinTime's test, here by hand on one reading of the period (issue 20: it read it twice per
            // cycle, and the clock even with no period set).
            RejoinAttempt ra = _join.Rejoin;
            ulong rejoinAt = PeriodicRejoinTimeUs();
            if (ra.Type == RejoinAttempt.NoneDue && rejoinAt != ulong.MaxValue)
            {
                ulong now = _scheduler.NowMicroseconds;
                if (rejoinAt <= now) ra.Schedule(0, session.DataRate, 1, 0, false, now);
            }
            if (ra.Type != RejoinAttempt.NoneDue) { ScheduleRejoin(owed ? delayMs : -1); return; }
            // ... and the alarm waits for RejoinParamSetupReq's MaxTimeN period as well, not only for the next uplink.
            ulong due = owed ? _scheduler.NowMicroseconds + (ulong)delayMs * 1000UL : ulong.MaxValue;
            if (rejoinAt < due) due = rejoinAt;
            if (due != ulong.MaxValue) _alarm.Arm(due);
        }

        void OnIdleTimer()
        {
            MacRequestSlot slot = _requests;
            CheckPeriodicRejoinTime();
            if (TryBeginDueRejoin()) return;
            if ((!_uplink.AckOwed && !AnswersOwed) || !_session.IsActive) return;
            if (!slot.TryBegin(MacRequestSlot.Data)) return;
            // An empty uplink, FPort absent, carrying the ACK (LoRaWAN 1.0.4 §4.3.1.2 / §18.1).
            BeginData(DataFrame.NoPort, 0, false, true);
        }
    }
}
