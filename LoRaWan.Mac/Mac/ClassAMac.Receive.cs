using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    public sealed partial class ClassAMac
    {
        const ulong RetransmitTimeoutMinUs = 1000000;   // LoRaWAN 1.0.4: RETRANSMIT_TIMEOUT is 2 s ± 1 s
        const ulong RetransmitTimeoutSpanUs = 2000000;

        int _window;

        void OpenWindow(int window, ulong dueUs, ulong firedUs, bool fromAlarm)
        {
            _window = window;
            // Lateness as the radio sees it: now (after the hop from the timer callback to this thread), not when the
            // alarm fired. A window opened immediately after a long RX1 says nothing about the platform: not recorded.
            ulong openedUs = _scheduler.NowMicroseconds;
            if (openedUs < firedUs) openedUs = firedUs;
            if (fromAlarm) Timing.Record((long)(openedUs - dueUs));
            int dataRate = window == 1 ? _rx1DataRate : _rx2DataRate;
            int sf = _region.GetSpreadingFactor(dataRate);
            int bw = _region.GetBandwidthHz(dataRate);
            _rxConfig.FrequencyHz = window == 1 ? _rx1Frequency : _rx2Frequency;
            _rxConfig.SpreadingFactor = sf;
            _rxConfig.BandwidthHz = bw;
            _rxConfig.CodingRate = 1;
            _rxConfig.PreambleSymbols = 8;
            _rxConfig.Crc = false;          // downlinks carry no payload CRC (LoRaWAN 1.0.4 §4.1)
            _rxConfig.InvertIq = true;
            _rxConfig.SymbolTimeout = RxWindowTiming.SymbolTimeout(sf, bw, EffectiveTimingErrorUs);
            _state = window == 1 ? MacState.Rx1 : MacState.Rx2;
            // Guard: if the radio never reports the end of the window, close it ourselves. A frame that started
            // inside the window may last up to its maximum air time.
            ulong listen = (ulong)_rxConfig.SymbolTimeout * (ulong)RxWindowTiming.SymbolTimeMicroseconds(sf, bw);
            ulong frame = _region.GetAirTimeUs(dataRate, MaxPhyPayload, false);
            Arm(openedUs + listen + frame + RxGuardMarginUs);
            if (Trace != null) Trace.WindowOpened(window, dueUs, firedUs, _rxConfig.FrequencyHz, dataRate, _rxConfig.SymbolTimeout);
            _radio.Receive(_rxConfig);
        }

        void OnRxDone()
        {
            int length = _radio.ReadPacket(_rx, 0, _rx.Length, _rxInfo);
            bool forUs = length > 0 && (_opKind == OpJoin ? HandleJoinAccept(length) : HandleDataDownlink(length));
            if (!forUs)
            {
                WindowClosedEmpty();
                return;
            }
            Timing.FramesReceived++;
            if (Trace != null) Trace.WindowClosed(_window, _scheduler.NowMicroseconds, true);
            Disarm();
            _radio.Sleep();
            EndOfWindows(true);
        }

        void WindowClosedEmpty()
        {
            Timing.Missed++;
            if (Trace != null) Trace.WindowClosed(_window, _scheduler.NowMicroseconds, false);
            if (_state == MacState.Rx1)
            {
                Disarm();
                _state = MacState.WaitingRx2;
                if (!_region.IsDataRateSupported(_rx2DataRate)) { _radio.Sleep(); EndOfWindows(false); return; }
                ulong due = WindowOpenTime(_rx1DelayUs + OneSecondUs, _rx2DataRate);
                ulong now = _scheduler.NowMicroseconds;
                if (due <= now) OpenWindow(2, due, now, false);
                else Arm(due);
                return;
            }
            Disarm();
            _radio.Sleep();
            EndOfWindows(false);
        }

        /// <summary>Both windows are over (or one brought a frame for us): retransmit, retry or finish.</summary>
        void EndOfWindows(bool frameForUs)
        {
            if (_opKind == OpJoin)
            {
                if (_joinAccepted) JoinSucceeded();
                else JoinAttemptFailed();
                return;
            }
            if (_opConfirmed)
            {
                if (_opAcked) { Complete(SendStatus.Acked); return; }
                // A valid downlink without ACK also ends the retransmissions (LoRaWAN 1.0.4 §4.3.1.2/§5.3: NbTrans
                // repetitions stop when a downlink is received in one of the receive windows).
                if (_opDownlinkSeen) { Complete(SendStatus.NoAck); return; }
                if (_opTransmissions < _opNbTrans)
                {
                    // Same frame, same FCnt, after RETRANSMIT_TIMEOUT (LoRaWAN 1.0.4 §19 / §4.3.1.2).
                    _state = MacState.BackingOff;
                    ulong wait = RetransmitTimeoutMinUs + (ulong)_random.Next((int)(RetransmitTimeoutSpanUs / 1000)) * 1000UL;
                    if (Trace != null) Trace.BackingOff(_scheduler.NowMicroseconds, wait);
                    Arm(_scheduler.NowMicroseconds + wait);
                    return;
                }
                Complete(SendStatus.NoAck);
                return;
            }
            // LoRaWAN 1.0.4 §4.3.1.1 NbTrans: an unconfirmed uplink is repeated NbTrans times unless a valid
            // downlink is received in one of its receive windows.
            if (!_opDownlinkSeen && _opTransmissions < _opNbTrans)
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
            int dataRate = _window == 1 ? _rx1DataRate : _rx2DataRate;
            FrameResult r = _down.Read(_rx, 0, length, _region.GetMaxDownlinkMacPayload(_plan, dataRate));
            if (r != FrameResult.Ok || !_down.IsDownlink) { Counters.MalformedFrames++; return false; }
            if (_down.DevAddr != _session.DevAddr) { Counters.ForeignFrames++; return false; }

            // Rebuild the 32-bit FCntDown from its 16 low bits (LoRaWAN 1.0.4 §4.3.1.5): the smallest value
            // not below the last accepted one that has these low bits.
            uint last = _session.HasFCntDown ? _session.FCntDown : 0;
            uint fcnt = (last & 0xFFFF0000u) | _down.FCnt;
            if (fcnt < last) fcnt += 0x10000;

            // The MIC is checked before anything in the frame is acted on.
            if (!_mic.Verify10(_session.NwkSKey, 0, FrameDirection.Downlink, _session.DevAddr, fcnt, _rx, 0, length))
            {
                Counters.MicFailures++;
                return false;
            }
            if (_session.HasFCntDown && fcnt <= _session.FCntDown)
            {
                Counters.ReplayedFrames++;
                return false;
            }
            _session.FCntDown = fcnt;
            _session.HasFCntDown = true;
            _session.AdrAckCounter = 0;
            _opDownlinkSeen = true;
            if (_down.Ack && _opConfirmed) _opAcked = true;
            if (_down.IsConfirmed) _ackPending = true;
            ProcessDownlinkCommands(fcnt);   // MAC commands (FOpts or FPort 0); their effects are saved with the counter
            // Flash wear and MAC-thread time: a plain downlink (no commands, not confirmed) with nothing owed on
            // record changes only FCntDown, which lives in the small counter record.
            bool sessionChanged = _down.FOptsLength > 0 || _down.FPort == 0 || _down.IsConfirmed
                || _session.OwedAck || _session.OwedFreshLength > 0 || _session.OwedStickyLength > 0;
            if (sessionChanged) PersistSession();
            else _session.SaveCountersKeepingWindow();

            if (_down.FPort > 0 && _down.FPort <= 223 && _down.FrmPayloadLength >= 0)
            {
                _cipher.DecryptFrmPayload(_session.AppSKey, 0, FrameDirection.Downlink, _session.DevAddr, fcnt, _rx, _down.FrmPayloadOffset, _down.FrmPayloadLength);
                Deliver(fcnt);
            }
            return true;
        }

        void Deliver(uint fcnt)
        {
            int n = _down.FrmPayloadLength;
            if (n > _downlink.Payload.Length) n = _downlink.Payload.Length;
            if (n > 0) System.Array.Copy(_rx, _down.FrmPayloadOffset, _downlink.Payload, 0, n);
            _downlink.Length = n;
            _downlink.Port = _down.FPort;
            _downlink.RssiDbm = _rxInfo.RssiDbm;
            _downlink.SnrQuarterDb = _rxInfo.SnrQuarterDb;
            _downlink.FPending = _down.FPending;
            _downlink.Confirmed = _down.IsConfirmed;
            _downlink.FCnt = fcnt;
            _downlink.Window = _window;
            Counters.DownlinksDelivered++;
            Note(NoteDownlink, 0, 0, 0);   // raised once the windows are closed (RaiseNotes)
        }
    }
}
