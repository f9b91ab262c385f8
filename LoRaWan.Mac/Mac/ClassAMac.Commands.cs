using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    // MAC commands (LoRaWAN 1.0.4 §5) and the ADR back-off (§4.3.1.1) as the state machine sees them. The rest of
    // the class calls in at four places: BeginData (PrepareUplinkCommands), BuildDataFrame (SelectUplinkCommands),
    // HandleDataDownlink (ProcessDownlinkCommands) and the idle alarm (AnswersOwed); Complete resumes an
    // application uplink that had to wait for a MAC-only one (ResumeDeferredSend).
    public sealed partial class ClassAMac
    {
        /// <summary>The answers the device owes the network (fresh, sticky, its own requests).</summary>
        public MacAnswers Answers { get { EnsureCommands(); return _cmd.Answers; } }

        /// <summary>The MAC command executor (counters of processed, stopped and ignored commands).</summary>
        public MacCommandProcessor Commands { get { EnsureCommands(); return _cmd.Processor; } }

        /// <summary>
        /// Asks the network for a link check: a LinkCheckReq rides on the next uplink (LoRaWAN 1.0.4 §5.1); the answer
        /// arrives through <see cref="IMacCommandListener.OnLinkCheck"/>. Any thread.
        /// </summary>
        public void RequestLinkCheck()
        {
            EnsureCommands();
            _cmd.Answers.RequestLinkCheck();   // no lock: one atomic step against the MAC taking it (MacAnswers' remarks)
        }

        /// <summary>
        /// Asks the network for the time: a DeviceTimeReq rides on the next uplink (LoRaWAN 1.0.4 §5.9; 1.0.3 and
        /// later). False for a LoRaWAN 1.0.2 device. Any thread.
        /// </summary>
        public bool RequestDeviceTime()
        {
            if (_options.Version < LoRaWanVersion.V1_0_3) return false;
            EnsureCommands();
            _cmd.Answers.RequestDeviceTime();
            return true;
        }

        /// <summary>
        /// The network's time now, as microseconds since the GPS epoch (1980-01-06 00:00:00 UTC, no leap seconds), from
        /// the last DeviceTimeAns and the MAC clock; false until one has arrived.
        /// </summary>
        public bool TryGetNetworkTime(out ulong gpsMicroseconds)
        {
            MacCommandState cmd = _cmd;
            if (cmd == null || !cmd.HasNetworkTime)
            {
                gpsMicroseconds = 0;
                return false;
            }
            ulong now = _scheduler.NowMicroseconds;
            gpsMicroseconds = now >= cmd.NetworkTimeAnchorUs
                ? cmd.NetworkTimeGpsUs + (now - cmd.NetworkTimeAnchorUs)
                : cmd.NetworkTimeGpsUs - (cmd.NetworkTimeAnchorUs - now);
            return true;
        }

        /// <summary>
        /// Fresh answers, or a DeviceModeInd not yet on air, wait for an uplink: the idle alarm sends an empty one if the
        /// application does not.
        /// </summary>
        bool AnswersOwed
        {
            get
            {
                MacCommandState cmd = _cmd;
                return cmd != null && (cmd.Answers.FreshLength > 0 || (cmd.Answers.DeviceModeIndicated >= 0 && cmd.Answers.DeviceModeIndSends == 0));
            }
        }

        /// <summary>
        /// Creates the command state once: the constructor calls it, before the MAC is handed to any other thread, so the
        /// other calls (the application's requests among them) only check; the lock is never taken on the cycle path.
        /// </summary>
        void EnsureCommands()
        {
            if (_cmd != null) return;
            lock (_requests)
            {
                if (_cmd != null) return;
                _cmd = new MacCommandState(new MacCommandProcessor(_region, _plan, _session, new MacAnswers(), _options.Version),
                    _session.Address, _session.JoinNonce);
            }
        }

        /// <summary>Answers belong to the session that was asked: a new join or personalisation drops them.</summary>
        void CheckAnswersSession()
        {
            if (_cmd.AnswersDevAddr == _session.Address && _cmd.AnswersJoinNonce == _session.JoinNonce) return;
            // Answers were for the old session; the application's LinkCheck/DeviceTime requests still stand (Clear keeps
            // them: reading and writing them back here would drop one made in between).
            _cmd.Answers.Clear();
            _cmd.HasNetworkTime = false;
            _cmd.AnswersDevAddr = _session.Address;
            _cmd.AnswersJoinNonce = _session.JoinNonce;
            // A new LoRaWAN 1.1 session starts in Class A on the network's side: a Class C device says so (§18.1).
            if (_options.Version >= LoRaWanVersion.V1_1 && _session.DeviceClass == DeviceClass.C)
                _cmd.Answers.IndicateDeviceMode((int)DeviceClass.C, true);
        }

        /// <summary><see cref="PrepareUplinkCommands"/>: the uplink goes as asked, with what fits riding along.</summary>
        const int CommandsRide = 0;
        /// <summary><see cref="PrepareUplinkCommands"/>: a MAC-only uplink goes first, the application's right after.</summary>
        const int CommandsFirst = 1;
        /// <summary><see cref="PrepareUplinkCommands"/>: the application payload cannot be sent with what every uplink must carry.</summary>
        const int PayloadCannotRide = 2;

        /// <summary>
        /// BeginData, before the frame counter is taken: the ADR back-off and ADRACKReq for this uplink
        /// (LoRaWAN 1.0.4 §4.3.1.1), ADR_ACK_CNT, and whether an application uplink must make way for a MAC-only one
        /// because what it must carry does not fit beside its payload: the fresh answers, and the LoRaWAN 1.1 indications
        /// owed in every uplink (RekeyInd §5.10, ResetInd §5.1, DeviceModeInd; The Things Stack drops an uplink of a new
        /// session without RekeyInd). Returns <see cref="CommandsFirst"/> (send port-less now, the application payload
        /// right after, see <see cref="ResumeDeferredSend"/>), or, for that application payload once the MAC-only uplink
        /// is done, <see cref="PayloadCannotRide"/> when an indication is still owed and still does not fit beside it.
        /// </summary>
        int PrepareUplinkCommands(int port, int length, bool internalOp)
        {
            Uplink up = _uplink;
            DeviceSession session = _session;
            EnsureCommands();
            CheckAnswersSession();
            up.AdrAckReq = false;
            if (session.Adr)
            {
                bool changed;
                // ADR_ACK_LIMIT/DELAY: the options' until the network sets them (ADRParamSetupReq, LoRaWAN 1.1 §5.11).
                NetworkSettings network = session.Network;
                up.AdrAckReq = AdrBackoff.Evaluate(session.AdrAckCounter, network.AdrAckLimit(_options.AdrAckLimit),
                    network.AdrAckDelay(_options.AdrAckDelay), _region, _plan, _session, out changed);
                if (changed)
                {
                    up.NbTrans = session.NbTrans < 1 ? 1 : session.NbTrans;   // the step applies to this uplink
                    PersistSession();
                }
            }
            // "Each time the uplink frame counter is incremented ... the end-device SHALL increment ADR_ACK_CNT".
            if (session.AdrAckCounter < AdrBackoff.MaxCounter) session.AdrAckCounter++;
            // LoRaWAN 1.1 §5.10 RekeyInd, §5.1 ResetInd: in every uplink until the Conf.
            SessionKeys keys = session.Keys;
            MacAnswers answers = _cmd.Answers;
            answers.Indication = keys.RekeyOwed ? Cid.Rekey : keys.ResetOwed ? Cid.Reset : 0;

            bool resuming = up.Deferral == Uplink.Resuming;
            if (resuming) up.Deferral = Uplink.NotDeferred;
            if (internalOp || port < 1) return CommandsRide;
            int indications = answers.IndicationLength;
            int dataRate = session.DataRate;
            // After the MAC-only uplink: its Conf did not come, and an uplink without the indication is not sent.
            if (resuming) return indications == 0 || length <= MaxAppPayload(dataRate, indications) ? CommandsRide : PayloadCannotRide;
            int owed = answers.FreshLength + indications;
            if (owed == 0) return CommandsRide;
            if (owed <= DataFrame.MaxFOptsLength && length <= MaxAppPayload(dataRate, owed)) return CommandsRide;
            up.Deferral = Uplink.Deferred;
            _requests.Hold();   // the payload waits in the slot: no other request may overwrite it (MacRequestSlot)
            return CommandsFirst;
        }

        /// <summary>
        /// BuildDataFrame: puts what the device owes into the frame. An application frame carries whole commands in
        /// FOpts (clear, ≤ 15 bytes, LoRaWAN 1.0.x) as far as its payload leaves room under the data rate's maximum. A
        /// port-less frame (empty ACK, answers only) carries them in FOpts when they fit there, otherwise on FPort 0 as
        /// FRMPayload (encrypted with NwkSKey by the caller), up to the data rate's maximum. Returns the FOpts length, or −1
        /// (the frame writer then refuses the frame: PayloadTooLarge) when the application payload no longer fits the
        /// data rate — LinkADRReq or the ADR back-off may have lowered it since the request was accepted.
        /// </summary>
        int SelectUplinkCommands(ref int port, ref int length, ref byte[] payload)
        {
            Uplink up = _uplink;
            EnsureCommands();
            int dataRate = _session.DataRate;
            if (port >= 1)
            {
                int max = MaxAppPayload(dataRate, 0);
                if (length > max) return -1;
                int room = max - length;
                if (room > DataFrame.MaxFOptsLength) room = DataFrame.MaxFOptsLength;
                int n = _cmd.Answers.Select(up.FOpts, 0, room);
                if (_cmd.Answers.Commit()) ApplyIndicatedClass();
                return n;
            }
            // M − 7 bytes fit in a port-less MACPayload (FHDR without FOpts is 7 bytes).
            int withoutPort = MaxMacPayload(dataRate) - 7;
            int pending = _cmd.Answers.PendingLength;
            if (pending <= DataFrame.MaxFOptsLength && pending <= withoutPort)
            {
                int n = _cmd.Answers.Select(up.FOpts, 0, DataFrame.MaxFOptsLength);
                if (_cmd.Answers.Commit()) ApplyIndicatedClass();
                return n;
            }
            int bytes = _cmd.Answers.Select(up.MacPayload, 0, MaxAppPayload(dataRate, 0));
            if (_cmd.Answers.Commit()) ApplyIndicatedClass();
            if (bytes == 0) return 0;
            port = 0;
            length = bytes;
            payload = up.MacPayload;
            return 0;
        }

        /// <summary>Complete, after a MAC-only uplink sent ahead of the application's: starts the application uplink.</summary>
        bool ResumeDeferredSend()
        {
            MacRequestSlot slot = _requests;
            _uplink.Deferral = Uplink.NotDeferred;
            // Built right below, in this transition (no handler and no other claimer runs in between): the slot is free
            // again for a handler's uplink queued behind this one.
            slot.Release();
            if (!_session.IsActive) return false;
            _uplink.Deferral = Uplink.Resuming;
            BeginData(slot.Port, slot.Length, slot.Confirmed, false);
            return true;
        }

        /// <summary>
        /// HandleDataDownlink, after the MIC and FCntDown checks: a Class A downlink was received (sticky answers stop)
        /// and its MAC commands are carried out — FOpts in clear, or FRMPayload on FPort 0 decrypted with NwkSKey
        /// (LoRaWAN 1.0.4 §4.3.1.6, §5). A frame with both never gets here: the parser rejects it.
        /// </summary>
        void ProcessDownlinkCommands(uint fcnt)
        {
            ReceiveWindows rw = _windows;
            EnsureCommands();
            CheckAnswersSession();
            _cmd.Answers.OnClassADownlink();
            int offset;
            int length;
            if (rw.Header.FOptsLength > 0)
            {
                offset = rw.Header.FOptsOffset;
                length = rw.Header.FOptsLength;
            }
            else if (rw.Header.FPort == 0 && rw.Header.FrmPayloadLength > 0)
            {
                offset = rw.Header.FrmPayloadOffset;
                length = rw.Header.FrmPayloadLength;
                // LoRaWAN 1.1 §4.3.3: NwkSEncKey (a 1.0 session: NwkSKey).
                byte[] key = _session.Keys.Separate ? _session.Keys.NwkSEncKey : _session.NwkSKey;
                _cipher.DecryptFrmPayload(key, 0, _session.Keys.Generation, FrameDirection.Downlink, _session.Address, fcnt, rw.Frame, offset, length);
            }
            else return;

            _cmd.Processor.Process(rw.Frame, offset, length, rw.Info.SnrQuarterDb, ReadBattery());
            if (_cmd.Processor.DeviceModeConfirmed) _cmd.Answers.ConfirmDeviceMode();   // persisted with the downlink
            if (_cmd.Processor.ForceRejoinOffset >= 0) ForceRejoin(rw.Frame, _cmd.Processor.ForceRejoinOffset);
            if (_cmd.Processor.LinkCheckAnswered && _observers.CommandListener != null)
                Note(EventNotes.LinkCheck, _cmd.Processor.LinkMarginDb, _cmd.Processor.GatewayCount, 0);   // raised after the transition
            // DeviceTimeAns is anchored to the end of the uplink that carried DeviceTimeReq: the TxDone stamp of the
            // transmission whose window brought this answer (LoRaWAN 1.0.4 §5.9).
            if (_cmd.Processor.DeviceTimeAnswered && _cmd.Answers.DeviceTimeSelected)
            {
                _cmd.NetworkTimeGpsUs = (ulong)_cmd.Processor.GpsSeconds * 1000000UL + (ulong)_cmd.Processor.GpsFraction * 15625UL / 4UL;
                _cmd.NetworkTimeAnchorUs = rw.TxDoneUs;
                _cmd.HasNetworkTime = true;
                if (_observers.CommandListener != null) Note(EventNotes.NetworkTime, (int)_cmd.Processor.GpsSeconds, _cmd.Processor.GpsFraction, rw.TxDoneUs);
            }
        }

        int ReadBattery()
        {
            BatteryLevelProvider provider = _observers.Battery;
            if (provider == null) return DevStatusAns.BatteryUnknown;
            try
            {
                int level = provider();
                return level < 0 || level > 255 ? DevStatusAns.BatteryUnknown : level;
            }
            catch (Exception e)
            {
                _diag.Counters.ListenerErrors++;
                _diag.LastError = e.Message;
                return DevStatusAns.BatteryUnknown;
            }
        }
    }
}
