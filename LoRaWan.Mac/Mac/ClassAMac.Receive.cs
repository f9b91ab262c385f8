using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    public sealed partial class ClassAMac
    {
        const ulong RetransmitTimeoutMinUs = 1000000;   // LoRaWAN 1.0.4: RETRANSMIT_TIMEOUT is 2 s ± 1 s
        const ulong RetransmitTimeoutSpanUs = 2000000;

        void OpenWindow(int window, ulong dueUs, ulong firedUs, bool fromAlarm)
        {
            _windows.Current = window;
            // Lateness as the radio sees it: now (after the hop from the timer callback to this thread), not when the
            // alarm fired. A window opened immediately after a long RX1 says nothing about the platform: not recorded.
            ulong openedUs = _scheduler.NowMicroseconds;
            if (openedUs < firedUs) openedUs = firedUs;
            if (fromAlarm) _diag.Timing.Record((long)(openedUs - dueUs));
            int dataRate = window == 1 ? _windows.Rx1DataRate : _windows.Rx2DataRate;
            int sf = _region.GetSpreadingFactor(dataRate);
            int bw = _region.GetBandwidthHz(dataRate);
            _windows.Config.FrequencyHz = window == 1 ? _windows.Rx1FrequencyHz : _windows.Rx2FrequencyHz;
            _windows.Config.SpreadingFactor = sf;
            _windows.Config.BandwidthHz = bw;
            _windows.Config.CodingRate = 1;
            _windows.Config.PreambleSymbols = 8;
            _windows.Config.Crc = false;          // downlinks carry no payload CRC (LoRaWAN 1.0.4 §4.1)
            _windows.Config.InvertIq = true;
            _windows.Config.SymbolTimeout = RxWindowTiming.SymbolTimeout(sf, bw, EffectiveTimingErrorUs);
            _state = window == 1 ? MacState.Rx1 : MacState.Rx2;
            // Guard: if the radio never reports the end of the window, close it ourselves. A frame that started
            // inside the window may last up to its maximum air time.
            ulong listen = (ulong)_windows.Config.SymbolTimeout * (ulong)RxWindowTiming.SymbolTimeMicroseconds(sf, bw);
            ulong frame = _region.GetAirTimeUs(dataRate, MaxPhyPayload, false);
            _alarm.Arm(openedUs + listen + frame + RxGuardMarginUs);
            if (_observers.Trace != null) _observers.Trace.WindowOpened(window, dueUs, firedUs, _windows.Config.FrequencyHz, dataRate, _windows.Config.SymbolTimeout);
            _radio.Receive(_windows.Config);
        }

        void OnRxDone()
        {
            int length = _radio.ReadPacket(_windows.Frame, 0, _windows.Frame.Length, _windows.Info);
            bool forUs = length > 0 && (_requests.Operation == MacRequestSlot.Join ? HandleJoinAccept(length) : HandleDataDownlink(length));
            if (!forUs)
            {
                WindowClosedEmpty();
                return;
            }
            _diag.Timing.FramesReceived++;
            if (_observers.Trace != null) _observers.Trace.WindowClosed(_windows.Current, _scheduler.NowMicroseconds, true);
            _alarm.Disarm();
            _radio.Sleep();
            EndOfWindows(true);
        }

        void WindowClosedEmpty()
        {
            _diag.Timing.Missed++;
            if (_observers.Trace != null) _observers.Trace.WindowClosed(_windows.Current, _scheduler.NowMicroseconds, false);
            if (_state == MacState.Rx1)
            {
                _alarm.Disarm();
                _state = MacState.WaitingRx2;
                if (!_region.IsDataRateSupported(_windows.Rx2DataRate)) { _radio.Sleep(); EndOfWindows(false); return; }
                ulong due = WindowOpenTime(_windows.Rx1DelayUs + OneSecondUs, _windows.Rx2DataRate);
                ulong now = _scheduler.NowMicroseconds;
                if (due <= now) OpenWindow(2, due, now, false);
                else _alarm.Arm(due);
                return;
            }
            _alarm.Disarm();
            _radio.Sleep();
            EndOfWindows(false);
        }

        /// <summary>Both windows are over (or one brought a frame for us): retransmit, retry or finish.</summary>
        void EndOfWindows(bool frameForUs)
        {
            if (_requests.Operation == MacRequestSlot.Join)
            {
                if (_join.Accepted) JoinSucceeded();
                else JoinAttemptFailed();
                return;
            }
            if (_uplink.Confirmed)
            {
                if (_uplink.Acked) { Complete(SendStatus.Acked); return; }
                // A valid downlink without ACK also ends the retransmissions (LoRaWAN 1.0.4 §4.3.1.2/§5.3: NbTrans
                // repetitions stop when a downlink is received in one of the receive windows).
                if (_uplink.DownlinkSeen) { Complete(SendStatus.NoAck); return; }
                if (_tx.Count < _uplink.NbTrans)
                {
                    // Same frame, same FCnt, after RETRANSMIT_TIMEOUT (LoRaWAN 1.0.4 §19 / §4.3.1.2).
                    _state = MacState.BackingOff;
                    ulong wait = RetransmitTimeoutMinUs + (ulong)_tx.Random.Next((int)(RetransmitTimeoutSpanUs / 1000)) * 1000UL;
                    if (_observers.Trace != null) _observers.Trace.BackingOff(_scheduler.NowMicroseconds, wait);
                    _alarm.Arm(_scheduler.NowMicroseconds + wait);
                    return;
                }
                Complete(SendStatus.NoAck);
                return;
            }
            // LoRaWAN 1.0.4 §4.3.1.1 NbTrans: an unconfirmed uplink is repeated NbTrans times unless a valid
            // downlink is received in one of its receive windows.
            if (!_uplink.DownlinkSeen && _tx.Count < _uplink.NbTrans)
            {
                TransmitPending();
                return;
            }
            Complete(SendStatus.Sent);
        }

        /// <summary>Validates and applies a data downlink; true when the frame was for this device and accepted.</summary>
        bool HandleDataDownlink(int length)
        {
            if (!_session.Active) return false;
            int dataRate = _windows.Current == 1 ? _windows.Rx1DataRate : _windows.Rx2DataRate;
            FrameResult r = _windows.Header.Read(_windows.Frame, 0, length, _region.GetMaxDownlinkMacPayload(_plan, dataRate));
            if (r != FrameResult.Ok || !_windows.Header.IsDownlink) { _diag.Counters.MalformedFrames++; return false; }
            if (_windows.Header.DevAddr != _session.DevAddr) { _diag.Counters.ForeignFrames++; return false; }

            // Rebuild the 32-bit FCntDown from its 16 low bits (LoRaWAN 1.0.4 §4.3.1.5): the smallest value
            // not below the last accepted one that has these low bits.
            uint last = _session.HasFCntDown ? _session.FCntDown : 0;
            uint fcnt = (last & 0xFFFF0000u) | _windows.Header.FCnt;
            if (fcnt < last) fcnt += 0x10000;

            // The MIC is checked before anything in the frame is acted on.
            if (!_mic.Verify10(_session.NwkSKey, 0, FrameDirection.Downlink, _session.DevAddr, fcnt, _windows.Frame, 0, length))
            {
                _diag.Counters.MicFailures++;
                return false;
            }
            if (_session.HasFCntDown && fcnt <= _session.FCntDown)
            {
                _diag.Counters.ReplayedFrames++;
                return false;
            }
            _session.FCntDown = fcnt;
            _session.HasFCntDown = true;
            _session.AdrAckCounter = 0;
            _uplink.DownlinkSeen = true;
            if (_windows.Header.Ack && _uplink.Confirmed) _uplink.Acked = true;
            if (_windows.Header.IsConfirmed) _uplink.AckOwed = true;
            ProcessDownlinkCommands(fcnt);   // MAC commands (FOpts or FPort 0); their effects are saved with the counter
            // Flash wear and MAC-thread time: a plain downlink (no commands, not confirmed) with nothing owed on
            // record changes only FCntDown, which lives in the small counter record.
            bool sessionChanged = _windows.Header.FOptsLength > 0 || _windows.Header.FPort == 0 || _windows.Header.IsConfirmed
                || _session.OwedAck || _session.OwedFreshLength > 0 || _session.OwedStickyLength > 0;
            if (sessionChanged) PersistSession();
            else _session.SaveCountersKeepingWindow();

            if (_windows.Header.FPort > 0 && _windows.Header.FPort <= 223 && _windows.Header.FrmPayloadLength >= 0)
            {
                _cipher.DecryptFrmPayload(_session.AppSKey, 0, FrameDirection.Downlink, _session.DevAddr, fcnt, _windows.Frame, _windows.Header.FrmPayloadOffset, _windows.Header.FrmPayloadLength);
                Deliver(fcnt);
            }
            return true;
        }

        void Deliver(uint fcnt)
        {
            int n = _windows.Header.FrmPayloadLength;
            if (n > _windows.Downlink.Payload.Length) n = _windows.Downlink.Payload.Length;
            if (n > 0) System.Array.Copy(_windows.Frame, _windows.Header.FrmPayloadOffset, _windows.Downlink.Payload, 0, n);
            _windows.Downlink.Length = n;
            _windows.Downlink.Port = _windows.Header.FPort;
            _windows.Downlink.RssiDbm = _windows.Info.RssiDbm;
            _windows.Downlink.SnrQuarterDb = _windows.Info.SnrQuarterDb;
            _windows.Downlink.FPending = _windows.Header.FPending;
            _windows.Downlink.Confirmed = _windows.Header.IsConfirmed;
            _windows.Downlink.FCnt = fcnt;
            _windows.Downlink.Window = _windows.Current;
            _diag.Counters.DownlinksDelivered++;
            Note(EventNotes.Downlink, 0, 0, 0);   // raised once the windows are closed (RaiseNotes)
        }
    }
}
