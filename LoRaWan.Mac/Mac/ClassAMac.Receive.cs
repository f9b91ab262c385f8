using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Radio;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    public sealed partial class ClassAMac
    {
        const ulong RetransmitTimeoutMinUs = 1000000;   // LoRaWAN 1.0.4: RETRANSMIT_TIMEOUT is 2 s ± 1 s
        const ulong RetransmitTimeoutSpanUs = 2000000;

        void OpenWindow(int window, ulong dueUs, ulong firedUs, bool fromAlarm)
        {
            ReceiveWindows rw = _windows;
            rw.Current = window;
            // Lateness as the radio sees it: now (after the hop from the timer callback to this thread), not when the
            // alarm fired. A window opened immediately after a long RX1 says nothing about the platform: not recorded.
            ulong openedUs = _scheduler.NowMicroseconds;
            if (openedUs < firedUs) openedUs = firedUs;
            if (fromAlarm) _diag.Timing.Lateness.Record((long)(openedUs - dueUs));
            int dataRate;
            DataRateRow row;
            uint frequency;
            if (window == 1) { dataRate = rw.Rx1DataRate; row = rw.Rx1Row; frequency = rw.Rx1FrequencyHz; }
            else { dataRate = rw.Rx2DataRate; row = rw.Rx2Row; frequency = rw.Rx2FrequencyHz; }
            // Fitted when the open time was set (OnTxDone, WindowClosedEmpty), for this window's rate: with a fixed timing
            // error the fit still holds (issue 20: one FittedRow call per window, ≈ 1,400 x86). With AdaptTimingError the
            // lateness just recorded may widen it. Not null either way: only a supported window is opened.
            if (_options.AdaptTimingError) row = FittedRow(row, dataRate);
            // The window's settings follow its row (DataRateRow.Window): only the frequency is the channel's.
            RxConfig config = row.Window;
            config.FrequencyHz = frequency;
            _state = window == 1 ? MacState.Rx1 : MacState.Rx2;
            // LoRa: a guard, if the radio never reports the end of the window (the chip's symbol timeout does). FSK: the
            // window's end itself (the SX1276's FSK timeout reaches no wired DIO; the driver keeps no alarm). Either way a
            // frame that started inside the window may last up to its maximum air time (DataRateRow.WindowGuardUs).
            _alarm.Arm(openedUs + row.WindowGuardUs);
            if (_observers.Trace != null) _observers.Trace.WindowOpened(window, dueUs, firedUs, config.FrequencyHz, dataRate, config.SymbolTimeout);
            _rxc.Open = false;   // RX1/RX2 take precedence over RXC (LoRaWAN 1.0.4 §15)
            _radio.Receive(config);
        }

        void OnRxDone()
        {
            ReceiveWindows rw = _windows;
            int length = _radio.ReadPacket(rw.Frame, 0, rw.Frame.Length, rw.Info);
            int operation = _requests.Operation;
            bool forUs = length > 0 && (operation == MacRequestSlot.Join ? HandleJoinAccept(length)
                : operation == MacRequestSlot.Rejoin ? HandleRejoinAccept(length) : HandleDataDownlink(length));
            if (!forUs)
            {
                WindowClosedEmpty();
                return;
            }
            _diag.Timing.FramesReceived++;
            if (_observers.Trace != null) _observers.Trace.WindowClosed(rw.Current, _scheduler.NowMicroseconds, true);
            _alarm.Disarm();
            SleepRadio();
            EndOfWindows(true);
        }

        void WindowClosedEmpty()
        {
            ReceiveWindows rw = _windows;
            _diag.Timing.Missed++;
            if (_observers.Trace != null) _observers.Trace.WindowClosed(rw.Current, _scheduler.NowMicroseconds, false);
            if (_state == MacState.Rx1)
            {
                _state = MacState.WaitingRx2;
                DataRateRow row = FittedRow(rw.Rx2Row, rw.Rx2DataRate);
                if (row == null) { _alarm.Disarm(); SleepRadio(); EndOfWindows(false); return; }
                ulong due = WindowOpenTime(rw.TxDoneUs + rw.Rx1DelayUs + OneSecondUs, row);
                ulong now = _scheduler.NowMicroseconds;
                // RX1's guard alarm is not disarmed first: both arms below replace it (IScheduler.Arm; MacAlarm.Take
                // finds the old due time stale).
                if (due <= now) OpenWindow(2, due, now, false);
                else _alarm.Arm(due);
                return;
            }
            _alarm.Disarm();
            SleepRadio();
            EndOfWindows(false);
        }

        /// <summary>Both windows are over (or one brought a frame for us): retransmit, retry or finish.</summary>
        void EndOfWindows(bool frameForUs)
        {
            Uplink up = _uplink;
            Transmission tx = _tx;
            int operation = _requests.Operation;
            if (operation == MacRequestSlot.Join)
            {
                if (_join.Accepted) JoinSucceeded();
                else JoinAttemptFailed();
                return;
            }
            if (operation == MacRequestSlot.Rejoin) { EndRejoinAttempt(); return; }
            if (up.Confirmed)
            {
                if (up.Acked) { Complete(SendStatus.Acked); return; }
                // A valid downlink without ACK also ends the retransmissions (LoRaWAN 1.0.4 §4.3.1.2/§5.2: NbTrans
                // repetitions stop when a downlink is received in one of the receive windows).
                if (up.DownlinkSeen) { Complete(SendStatus.NoAck); return; }
                if (tx.Count < up.NbTrans)
                {
                    // Same frame, same FCnt, after RETRANSMIT_TIMEOUT (LoRaWAN 1.0.4 §19 / §4.3.1.2).
                    _state = MacState.BackingOff;
                    ulong wait = RetransmitTimeoutMinUs + (ulong)tx.Random.Next((int)(RetransmitTimeoutSpanUs / 1000)) * 1000UL;
                    if (_observers.Trace != null) _observers.Trace.BackingOff(_scheduler.NowMicroseconds, wait);
                    _alarm.Arm(_scheduler.NowMicroseconds + wait);
                    return;
                }
                Complete(SendStatus.NoAck);
                return;
            }
            // LoRaWAN 1.0.4 §4.3.1.1 NbTrans: an unconfirmed uplink is repeated NbTrans times unless a valid
            // downlink is received in one of its receive windows.
            if (!up.DownlinkSeen && tx.Count < up.NbTrans)
            {
                TransmitPending();
                return;
            }
            Complete(SendStatus.Sent);
        }

        /// <summary>Validates and applies a data downlink; true when the frame was for this device and accepted.</summary>
        bool HandleDataDownlink(int length)
        {
            ReceiveWindows rw = _windows;
            Uplink up = _uplink;
            MacCounterValues counters = _diag.Counters;
            DeviceSession session = _session;
            if (!session.IsActive) return false;
            int dataRate = rw.Current == 1 ? rw.Rx1DataRate : rw.Current == 2 ? rw.Rx2DataRate : _rxc.DataRate;
            FrameResult r = rw.Header.Read(rw.Frame, 0, length, _region.GetMaxDownlinkMacPayload(_plan, dataRate));
            if (r != FrameResult.Ok || !rw.Header.IsDownlink) { counters.MalformedFrames++; return false; }
            if (rw.Header.DevAddr != session.Address) { counters.ForeignFrames++; return false; }

            // LoRaWAN 1.1 §4.3.1.5: a 1.1 session counts application downlinks (FPort > 0) in AFCntDown, the others
            // (FPort 0 or none) in NFCntDown (= FCntDown); 1.0.x has the one FCntDown.
            SessionKeys keys = session.Keys;
            bool appCounter = keys.Separate && rw.Header.FPort > 0;
            bool seen = appCounter ? keys.HasAFCntDown : session.HasFCntDown;
            // Rebuild the 32-bit counter from its 16 low bits (LoRaWAN 1.0.4 §4.3.1.5): the smallest value
            // not below the last accepted one that has these low bits.
            uint last = !seen ? 0 : appCounter ? keys.AFCntDown : session.FCntDown;
            uint fcnt = (last & 0xFFFF0000u) | rw.Header.FCnt;
            if (fcnt < last) fcnt += 0x10000;

            // The MIC is checked before anything in the frame is acted on.
            if (!VerifyDownlinkMic(fcnt, length))
            {
                counters.MicFailures++;
                return false;
            }
            if (seen && fcnt <= last)
            {
                counters.ReplayedFrames++;
                return false;
            }
            if (appCounter) { keys.AFCntDown = fcnt; keys.HasAFCntDown = true; }
            else { session.FCntDown = fcnt; session.HasFCntDown = true; }
            // LoRaWAN 1.1 §4.3.1.6: FOpts are encrypted with NwkSEncKey under the frame's own counter (erratum "FOpts Encryption").
            if (keys.Separate && rw.Header.FOptsLength > 0)
                _cipher.DecryptFOpts(keys.NwkSEncKey, 0, keys.Generation, appCounter ? FCntType.AFCntDown : FCntType.NFCntDown, session.Address, fcnt,
                    rw.Frame, rw.Header.FOptsOffset, rw.Header.FOptsLength);
            session.AdrAckCounter = 0;
            up.DownlinkSeen = true;
            if (rw.Header.Ack && up.Confirmed) up.Acked = true;
            if (rw.Header.IsConfirmed) { up.AckOwed = true; keys.ConfirmedDownFCnt = (ushort)fcnt; }
            ProcessDownlinkCommands(fcnt);   // MAC commands (FOpts or FPort 0); their effects are saved with the counter
            // Flash wear and MAC-thread time: a plain downlink (no commands, not confirmed) with nothing owed on
            // record changes only FCntDown, which lives in the small counter record.
            bool sessionChanged = rw.Header.FOptsLength > 0 || rw.Header.FPort == 0 || rw.Header.IsConfirmed
                || session.Owed.Ack || session.Owed.FreshLength > 0 || session.Owed.StickyLength > 0;
            if (sessionChanged) PersistSession();
            else session.SaveCountersKeepingWindow();

            if (RouteAcceptedDownlink(rw.Header.FPort, rw.Header.Ack) && rw.Header.FrmPayloadLength >= 0)
            {
                _cipher.DecryptFrmPayload(session.AppSKey, 0, session.Keys.Generation, FrameDirection.Downlink, session.Address, fcnt, rw.Frame, rw.Header.FrmPayloadOffset, rw.Header.FrmPayloadLength);
                Deliver(fcnt);
            }
            return true;
        }

        /// <summary>
        /// The downlink MIC over the frame just read: LoRaWAN 1.0.x cmac(NwkSKey, B0 | msg); 1.1 §4.4 cmac(SNwkSIntKey, B0 |
        /// msg) with ConfFCnt in B0 = the FCnt of the confirmed uplink the frame's ACK acknowledges (the last uplink), else 0.
        /// </summary>
        bool VerifyDownlinkMic(uint fcnt, int length)
        {
            ReceiveWindows rw = _windows;
            DeviceSession session = _session;
            if (!session.Keys.Separate) return _mic.Verify10(session.NwkSKey, 0, session.Keys.Generation, FrameDirection.Downlink, session.Address, fcnt, rw.Frame, 0, length);
            uint confFCnt = rw.Header.Ack ? _uplink.FCnt : 0;
            return _mic.VerifyDownlink11(session.Keys.SNwkSIntKey, 0, session.Keys.Generation, confFCnt, session.Address, fcnt, rw.Frame, 0, length);
        }

        void Deliver(uint fcnt)
        {
            ReceiveWindows rw = _windows;
            int n = rw.Header.FrmPayloadLength;
            if (n > rw.Downlink.Payload.Length) n = rw.Downlink.Payload.Length;
            if (n > 0) System.Array.Copy(rw.Frame, rw.Header.FrmPayloadOffset, rw.Downlink.Payload, 0, n);
            rw.Downlink.Length = n;
            rw.Downlink.Port = rw.Header.FPort;
            rw.Downlink.RssiDbm = rw.Info.RssiDbm;
            rw.Downlink.SnrQuarterDb = rw.Info.SnrQuarterDb;
            rw.Downlink.FPending = rw.Header.FPending;
            rw.Downlink.Confirmed = rw.Header.IsConfirmed;
            rw.Downlink.FCnt = fcnt;
            rw.Downlink.Window = rw.Current;
            _diag.Counters.DownlinksDelivered++;
            Note(EventNotes.Downlink, 0, 0, 0);   // raised once the windows are closed (RaiseNotes)
        }
    }
}
