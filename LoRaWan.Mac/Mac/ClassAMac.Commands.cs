using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    // MAC commands (LoRaWAN 1.0.4 §5) and the ADR back-off (§4.3.1.1) as the state machine sees them. The rest of
    // the class calls in at four places: BeginData (PrepareUplinkCommands), BuildDataFrame (SelectUplinkCommands),
    // HandleDataDownlink (ProcessDownlinkCommands) and the idle alarm (AnswersOwed); Complete resumes an
    // application uplink that had to wait for a MAC-only one (ResumeDeferredSend).
    public sealed partial class ClassAMac
    {
        MacAnswers _answers;
        MacCommandProcessor _commands;
        IMacCommandListener _commandListener;
        byte[] _macPayload;
        uint _answersDevAddr;
        uint _answersJoinNonce;
        bool _uplinkAdrAckReq;
        bool _appDeferred;
        bool _resumingDeferred;
        bool _hasNetworkTime;
        ulong _networkTimeGpsUs;
        ulong _networkTimeAnchorUs;

        /// <summary>
        /// Supplies the DevStatusAns battery byte (0 external power, 1..254, 255 unknown); null answers 255.
        /// Called on the MAC's thread when the network sends DevStatusReq.
        /// </summary>
        public BatteryLevelProvider BatteryLevel;

        /// <summary>The answers the device owes the network (fresh, sticky, its own requests).</summary>
        public MacAnswers Answers { get { EnsureCommands(); return _answers; } }

        /// <summary>The MAC command executor (counters of processed, stopped and ignored commands).</summary>
        public MacCommandProcessor Commands { get { EnsureCommands(); return _commands; } }

        /// <summary>
        /// Asks the network for a link check: a LinkCheckReq rides on the next uplink (LoRaWAN 1.0.4 §5.1); the answer
        /// arrives through <see cref="IMacCommandListener.OnLinkCheck"/>. Any thread.
        /// </summary>
        public void RequestLinkCheck()
        {
            EnsureCommands();
            lock (_requestLock) { _answers.LinkCheckRequested = true; }
        }

        /// <summary>
        /// Asks the network for the time: a DeviceTimeReq rides on the next uplink (LoRaWAN 1.0.4 §5.9; 1.0.3 and
        /// later). False for a LoRaWAN 1.0.2 device. Any thread.
        /// </summary>
        public bool RequestDeviceTime()
        {
            if (_options.Version < LoRaWanVersion.V1_0_3) return false;
            EnsureCommands();
            lock (_requestLock) { _answers.DeviceTimeRequested = true; }
            return true;
        }

        /// <summary>
        /// The network's time now, as microseconds since the GPS epoch (1980-01-06 00:00:00 UTC, no leap seconds), from
        /// the last DeviceTimeAns and the MAC clock; false until one has arrived.
        /// </summary>
        public bool TryGetNetworkTime(out ulong gpsMicroseconds)
        {
            if (!_hasNetworkTime)
            {
                gpsMicroseconds = 0;
                return false;
            }
            ulong now = _scheduler.NowMicroseconds;
            gpsMicroseconds = now >= _networkTimeAnchorUs
                ? _networkTimeGpsUs + (now - _networkTimeAnchorUs)
                : _networkTimeGpsUs - (_networkTimeAnchorUs - now);
            return true;
        }

        /// <summary>Fresh answers wait for an uplink: the idle alarm sends an empty one if the application does not.</summary>
        bool AnswersOwed
        {
            get { return _answers != null && _answers.FreshLength > 0; }
        }

        /// <summary>Creates the command state on first use (once; from the MAC thread or an application request).</summary>
        void EnsureCommands()
        {
            if (_answers != null) return;
            lock (_requestLock)
            {
                if (_answers != null) return;
                _commands = new MacCommandProcessor(_region, _plan, _session, new MacAnswers(), _options.Version);
                _macPayload = new byte[MacAnswers.FreshCapacity];
                _commandListener = _listener as IMacCommandListener;
                _answersDevAddr = _session.DevAddr;
                _answersJoinNonce = _session.JoinNonce;
                _answers = _commands.Answers;
            }
        }

        /// <summary>Answers belong to the session that was asked: a new join or personalisation drops them.</summary>
        void CheckAnswersSession()
        {
            if (_answersDevAddr == _session.DevAddr && _answersJoinNonce == _session.JoinNonce) return;
            // Answers were for the old session; the application's LinkCheck/DeviceTime requests still stand.
            bool linkCheck = _answers.LinkCheckRequested;
            bool deviceTime = _answers.DeviceTimeRequested;
            _answers.Clear();
            _answers.LinkCheckRequested = linkCheck;
            _answers.DeviceTimeRequested = deviceTime;
            _hasNetworkTime = false;
            _answersDevAddr = _session.DevAddr;
            _answersJoinNonce = _session.JoinNonce;
        }

        /// <summary>
        /// BeginData, before the frame counter is taken: the ADR back-off and ADRACKReq for this uplink
        /// (LoRaWAN 1.0.4 §4.3.1.1), ADR_ACK_CNT, and whether an application uplink must make way for a MAC-only one
        /// because the fresh answers do not fit beside its payload (returns true: send port-less now, the
        /// application payload right after, see <see cref="ResumeDeferredSend"/>).
        /// </summary>
        bool PrepareUplinkCommands(int port, int length, bool internalOp)
        {
            EnsureCommands();
            CheckAnswersSession();
            _uplinkAdrAckReq = false;
            if (_session.Adr)
            {
                bool changed;
                _uplinkAdrAckReq = AdrBackoff.Evaluate(_session.AdrAckCounter, _options.AdrAckLimit, _options.AdrAckDelay,
                    _region, _plan, _session, out changed);
                if (changed)
                {
                    _opNbTrans = _session.NbTrans < 1 ? 1 : _session.NbTrans;   // the step applies to this uplink
                    PersistSession();
                }
            }
            // "Each time the uplink frame counter is incremented ... the end-device SHALL increment ADR_ACK_CNT".
            if (_session.AdrAckCounter < AdrBackoff.MaxCounter) _session.AdrAckCounter++;

            bool resuming = _resumingDeferred;
            _resumingDeferred = false;
            int fresh = _answers.FreshLength;
            if (internalOp || resuming || port < 1 || fresh == 0) return false;
            if (fresh <= DataFrame.MaxFOptsLength && length <= MaxAppPayload(_session.DataRate, fresh)) return false;
            _appDeferred = true;
            return true;
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
            EnsureCommands();
            int dataRate = _session.DataRate;
            if (port >= 1)
            {
                if (length > MaxAppPayload(dataRate, 0)) return -1;
                int room = MaxAppPayload(dataRate, 0) - length;
                if (room > DataFrame.MaxFOptsLength) room = DataFrame.MaxFOptsLength;
                int n = _answers.Select(_fopts, 0, room);
                _answers.Commit();
                return n;
            }
            // M − 7 bytes fit in a port-less MACPayload (FHDR without FOpts is 7 bytes).
            int withoutPort = _region.GetMaxMacPayload(_plan, dataRate) - 7;
            int pending = _answers.PendingLength;
            if (pending <= DataFrame.MaxFOptsLength && pending <= withoutPort)
            {
                int n = _answers.Select(_fopts, 0, DataFrame.MaxFOptsLength);
                _answers.Commit();
                return n;
            }
            int bytes = _answers.Select(_macPayload, 0, MaxAppPayload(dataRate, 0));
            _answers.Commit();
            if (bytes == 0) return 0;
            port = 0;
            length = bytes;
            payload = _macPayload;
            return 0;
        }

        /// <summary>Complete, after a MAC-only uplink sent ahead of the application's: starts the application uplink.</summary>
        bool ResumeDeferredSend()
        {
            _appDeferred = false;
            if (!_session.Active) return false;
            _resumingDeferred = true;
            BeginData(_requestPort, _requestLength, _requestConfirmed, false);
            return true;
        }

        /// <summary>
        /// HandleDataDownlink, after the MIC and FCntDown checks: a Class A downlink was received (sticky answers stop)
        /// and its MAC commands are carried out — FOpts in clear, or FRMPayload on FPort 0 decrypted with NwkSKey
        /// (LoRaWAN 1.0.4 §4.3.1.6, §5). A frame with both never gets here: the parser rejects it.
        /// </summary>
        void ProcessDownlinkCommands(uint fcnt)
        {
            EnsureCommands();
            CheckAnswersSession();
            _answers.OnClassADownlink();
            int offset;
            int length;
            if (_down.FOptsLength > 0)
            {
                offset = _down.FOptsOffset;
                length = _down.FOptsLength;
            }
            else if (_down.FPort == 0 && _down.FrmPayloadLength > 0)
            {
                offset = _down.FrmPayloadOffset;
                length = _down.FrmPayloadLength;
                _cipher.DecryptFrmPayload(_session.NwkSKey, 0, FrameDirection.Downlink, _session.DevAddr, fcnt, _rx, offset, length);
            }
            else return;

            _commands.Process(_rx, offset, length, _rxInfo.SnrQuarterDb, ReadBattery());
            if (_commands.LinkCheckAnswered && _commandListener != null)
                Note(NoteLinkCheck, _commands.LinkMarginDb, _commands.GatewayCount, 0);   // raised after the transition
            // DeviceTimeAns is anchored to the end of the uplink that carried DeviceTimeReq: the TxDone stamp of the
            // transmission whose window brought this answer (LoRaWAN 1.0.4 §5.9).
            if (_commands.DeviceTimeAnswered && _answers.DeviceTimeSelected)
            {
                _networkTimeGpsUs = (ulong)_commands.GpsSeconds * 1000000UL + (ulong)_commands.GpsFraction * 15625UL / 4UL;
                _networkTimeAnchorUs = _txDoneUs;
                _hasNetworkTime = true;
                if (_commandListener != null) Note(NoteNetworkTime, (int)_commands.GpsSeconds, _commands.GpsFraction, _txDoneUs);
            }
        }

        int ReadBattery()
        {
            BatteryLevelProvider provider = BatteryLevel;
            if (provider == null) return DevStatusAns.BatteryUnknown;
            try
            {
                int level = provider();
                return level < 0 || level > 255 ? DevStatusAns.BatteryUnknown : level;
            }
            catch (Exception e)
            {
                Counters.ListenerErrors++;
                LastError = e.Message;
                return DevStatusAns.BatteryUnknown;
            }
        }
    }
}
