using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    public sealed partial class ClassAMac
    {
        /// <summary>
        /// Starts joining (OTAA): join requests are sent, with the region's channel/data-rate alternation and
        /// the LoRaWAN 1.0.4 join back-off, until a valid join-accept arrives or <see cref="CancelJoin"/> is
        /// called. Returns false when busy. Any thread.
        /// </summary>
        public bool StartJoin()
        {
            MacRequestSlot slot = _requests;
            if (!_identity.IsOtaa) throw new InvalidOperationException("this device is personalised (ABP); it does not join");
            if (!slot.TryRequestJoin()) return false;
            PostRequest();
            return true;
        }

        /// <summary>Stops retrying the join after the current attempt (any thread).</summary>
        public void CancelJoin()
        {
            _requests.CancelJoin();
            PostRequest();
        }

        void BeginJoin()
        {
            _join.Number = 0;
            _join.RestartPending = false;
            _session.Active = false;      // the old session stops being used; a new one replaces it
            _uplink.Internal = false;
            // Join-Requests go out on the application's default channels, not on the mask the old session's network
            // left (LoRaMac-node MLME_JOIN: ResetMacParameters, INIT_TYPE_RESET_TO_DEFAULT_CHANNELS). The persisted old
            // session keeps its own plan until a join-accept replaces it.
            _plan.Reset();
            ApplyDefaultChannels();
            BeginJoinAttempt();
        }

        void BeginJoinAttempt()
        {
            Transmission tx = _tx;
            JoinAttempt ja = _join;
            if (_requests.TryEndCancelledJoin())
            {
                _state = MacState.Idle;
                Note(EventNotes.Idle, 0, 0, 0);
                return;
            }
            // LoRaWAN 1.0.4 §6.2.5: DevNonce is a counter, never reused; it is persisted before the
            // JoinRequest goes on air so that a reset cannot replay it.
            int devNonce = _nonces.NextDevNonce;
            if (devNonce > 0xFFFF)
            {
                _diag.LastError = "DevNonce space exhausted: the device can no longer join with this JoinEUI";
                AbortJoin();
                return;
            }
            ja.Accepted = false;
            _session.Active = false;
            _nonces.NextDevNonce = devNonce + 1;
            if (!_nonces.IsFor(_identity.JoinEui, _identity.DevEui, _keyCheck))
            {
                // Another identity than the last join's: its JoinNonce means nothing here (the DevNonce counter
                // still never goes back).
                _nonces.JoinEui = _identity.JoinEui;
                _nonces.DevEui = _identity.DevEui;
                _nonces.AppKeyCheck = _keyCheck;
                _nonces.HasJoinNonce = false;
            }
            _nonces.Save();
            ja.DevNonce = devNonce;

            ja.Request.JoinEui = _identity.JoinEui;
            ja.Request.DevEui = _identity.DevEui;
            ja.Request.DevNonce = (ushort)devNonce;
            tx.Length = ja.Request.Write(tx.Frame, 0);
            ja.Crypto.ComputeRequestMic(JoinRootKey, 0, RootKeyGeneration, tx.Frame, 0, JoinRequestFrame.MicIndex, tx.Frame, JoinRequestFrame.MicIndex);
            ja.DataRate = JoinDataRate(ja.Number);
            tx.Count = 0;
            TransmitPending();
        }

        /// <summary>
        /// Data rate of join attempt <paramref name="attempt"/>. Fixed plans (US915/AU915) follow the regional
        /// sequence. Dynamic plans use the configured rate, or start at the fastest 125 kHz LoRa rate and step
        /// down one rate every second attempt, so a device far from any gateway still gets in (air time grows
        /// only as needed; the join back-off keeps the total within LoRaWAN 1.0.4 §7).
        /// </summary>
        int JoinDataRate(int attempt)
        {
            if (_region.IsFixedChannelPlan || _options.DataRate >= 0)
                return _region.GetJoinDataRate(_plan, attempt, _options.DataRate);
            int top = -1;
            int bottom = -1;
            for (int dr = 0; dr <= _region.MaxUplinkDataRate; dr++)
            {
                if (!_region.IsDataRateSupported(dr) || _region.GetBandwidthHz(dr) != 125000 || !_region.IsDataRateAvailable(_plan, dr)) continue;
                if (bottom < 0) bottom = dr;
                top = dr;
            }
            if (top < 0) return _region.GetJoinDataRate(_plan, attempt, 0);
            int chosen = top - attempt / 2;
            return chosen < bottom ? bottom : chosen;
        }

        bool HandleJoinAccept(int length)
        {
            ReceiveWindows rw = _windows;
            JoinAttempt ja = _join;
            MacCounterValues counters = _diag.Counters;
            if (length < 1 || Mhdr.GetMType(rw.Frame[0]) != MType.JoinAccept) { counters.MalformedFrames++; return false; }
            // LoRaWAN 1.0.2 §6.2.5: the network encrypts with AES decrypt so the device "decrypts" with AES encrypt; with
            // the NwkKey in LoRaWAN 1.1 (§6.2.3: the accept that answers a Join-request). Nothing is acted on before the MIC.
            byte[] root = JoinRootKey;
            if (!ja.Crypto.DecryptJoinAccept(root, 0, RootKeyGeneration, rw.Frame, 0, length)
                || ja.Accept.Read(rw.Frame, 0, length) != FrameResult.Ok
                || !VerifyJoinAcceptMic(length))
            {
                counters.RejectedJoinAccepts++;
                return false;
            }
            uint joinNonce = ja.Accept.JoinNonce;
            if (_nonces.HasJoinNonce && _nonces.IsFor(_identity.JoinEui, _identity.DevEui, _keyCheck))
            {
                // 1.0.4 §6.2.6 and 1.1 §6.2.3 (OptNeg = 1): JoinNonce must be greater than the last one; 1.0.2/1.0.3, and a
                // 1.1 device answered by a 1.0.x network (OptNeg = 0, which may be a 1.0.2 server with a random AppNonce): differ.
                bool greater = _options.Version == LoRaWanVersion.V1_0_4 || IsOptNeg11;
                bool fresh = greater ? joinNonce > _nonces.LastJoinNonce : joinNonce != _nonces.LastJoinNonce;
                if (!fresh) { counters.RejectedJoinAccepts++; return false; }
            }
            // A new session starts from the region's default plan: channels, masks, MaxDCycle, dwell and EIRP that
            // MAC commands set in the previous session do not carry over (LoRaWAN 1.0.4 §6.2: join resets MAC state).
            _plan.Reset();
            ApplyDefaultChannels();
            if (ja.Accept.HasCfList && !_region.ApplyCfList(_plan, rw.Frame, ja.Accept.CfListOffset))
            {
                // An unusable CFList is ignored, the join itself stands (regional parameters: CFList is optional).
                counters.MalformedFrames++;
            }

            StartOtaaSession(ja.DevNonce, ja.DataRate);

            // Nonce record first, then the session that refers to it: a power cut in between leaves a
            // session whose JoinNonce does not match, which RestoreSession discards (the device rejoins).
            _nonces.LastJoinNonce = joinNonce;
            _nonces.HasJoinNonce = true;
            _nonces.Save();
            _session.Save(_options.FCntPersistInterval);
            ja.Accepted = true;
            return true;
        }

        /// <summary>
        /// The key generation passed with the identity's root keys (AppKey, NwkKey) to the join crypto: their bytes never change
        /// after the device is built (the key check value of the nonce record is taken from them once, too), so one constant
        /// lets JoinCrypto and KeyDerivation reuse an expanded root key by identity instead of comparing its 16 bytes.
        /// </summary>
        const int RootKeyGeneration = 0;

        /// <summary>The key that signs the Join-request and opens the join-accept: NwkKey in LoRaWAN 1.1 (§6.2.2), AppKey in 1.0.x.</summary>
        byte[] JoinRootKey { get { return _identity.Is11 ? _identity.NwkKey : _identity.AppKey; } }

        /// <summary>A 1.1 device whose network answered OptNeg = 1 (LoRaWAN 1.1 §6.2.3: DLSettings bit 7 of the accept just read).</summary>
        bool IsOptNeg11 { get { return _identity.Is11 && _join.Accept.OptNeg; } }

        /// <summary>
        /// The join-accept MIC (<paramref name="length"/> includes it). LoRaWAN 1.1 §6.2.3: with OptNeg = 1,
        /// cmac(JSIntKey, JoinReqType 0xFF | JoinEUI | DevNonce | MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay |
        /// CFList), JSIntKey = aes128_encrypt(NwkKey, 0x06 | DevEUI | pad16) (§6.1.1.3); with OptNeg = 0 the 1.0 form with the
        /// NwkKey; a 1.0.x device: the 1.0 form with the AppKey (1.0.4 §6.2.6).
        /// </summary>
        bool VerifyJoinAcceptMic(int length)
        {
            JoinAttempt ja = _join;
            byte[] frame = _windows.Frame;
            if (!IsOptNeg11) return ja.Crypto.VerifyJoinAcceptMic10(JoinRootKey, 0, RootKeyGeneration, frame, 0, length);
            ja.Keys.DeriveJoinServerKey(_identity.NwkKey, 0, RootKeyGeneration, SessionKeyType.JSIntKey, _identity.DevEui, ja.JsIntKey, 0);
            return ja.Crypto.VerifyJoinAcceptMic11(ja.JsIntKey, 0, JoinCrypto.JoinRequestType, _identity.JoinEui, (ushort)ja.DevNonce, frame, 0, length);
        }

        /// <summary>
        /// The session a valid join-accept starts (LoRaWAN 1.0.4 §6.2.3, §6.2.5): keys derived from JoinNonce, NetID and
        /// DevNonce, counters at 0, DLSettings and RxDelay from the accept, the rest from the options (built by
        /// <see cref="DeviceSession.StartFromJoinAccept"/>). Not yet persisted. <paramref name="devNonce"/> is the DevNonce of
        /// the Join-request, or the RJcount of the Rejoin-request the accept answers (LoRaWAN 1.1 §6.2.3);
        /// <paramref name="dataRate"/> the rate of that request.
        /// </summary>
        void StartOtaaSession(int devNonce, int dataRate)
        {
            JoinAttempt ja = _join;
            // LoRaWAN 1.1 §6.2.3, OptNeg = 0: the 1.0 derivation with the NwkKey as root, and FNwkSIntKey = SNwkSIntKey =
            // NwkSEncKey = that NwkSKey (a 1.0 session in every respect: 1.0 MICs, FOpts in clear, one FCntDown, no RekeyInd).
            if (!_session.StartFromJoinAccept(ja.Accept, (ushort)devNonce, JoinRootKey, RootKeyGeneration, ja.Keys, _region,
                    _options.DataRate >= 0 ? _options.DataRate : dataRate, _options.TxPowerIndex >= 0 ? _options.TxPowerIndex : 0,
                    _options.NbTrans, _options.Adr))
                _diag.Counters.MalformedFrames++;   // DLSettings replaced by the regional defaults
            if (IsOptNeg11)
            {
                // OptNeg = 1: the four 1.1 session keys, and RekeyInd in every uplink until RekeyConf (§5.10).
                _session.DeriveKeys11(ja.Keys, _identity.NwkKey, _identity.AppKey, RootKeyGeneration, _identity.JoinEui, (ushort)devNonce);
                _session.Keys.RekeyOwed = true;
                _session.Keys.RekeyUplinks = 0;
            }
            _uplink.AckOwed = false;
            // A new session: no Rejoin-request due, the periodic count and time start again (LoRaWAN 1.1 §5.14).
            ja.Rejoin.Clear();
            _nonces.ForcedRejoinsLeft = 0;   // a ForceRejoinReq order ends with its session (the nonce record is saved next)
            ja.Rejoin.UplinksSinceRejoin = 0;
            ja.Rejoin.LastRejoinUs = _scheduler.NowMicroseconds;
            UsableDataRate.Ensure(_region, _plan, _session);   // e.g. DataRate 0 in AS923 under the boot dwell time
        }

        void JoinSucceeded()
        {
            int attempt = _join.Number + 1;
            _state = MacState.Idle;
            bool requestWaiting = _requests.End(MacRequestSlot.None);
            Note(EventNotes.Idle, 0, 0, 0);
            NotifyJoinAttempt(true, attempt);
            if (requestWaiting) PostRequest();
        }

        void JoinAttemptFailed()
        {
            _join.Number++;
            NotifyJoinAttempt(false, _join.Number);
            BeginJoinAttempt();   // duty cycle and join back-off decide when it goes on air
        }

        void NotifyJoinAttempt(bool joined, int attempt)
        {
            Note(EventNotes.JoinAttempt, joined ? 1 : 0, attempt, 0);   // raised after this transition (RaiseNotes)
        }

        void AbortJoin()
        {
            _state = MacState.Idle;
            _requests.End(MacRequestSlot.None);
            Note(EventNotes.Idle, 0, 0, 0);
            NotifyJoinAttempt(false, -1);
        }

        /// <summary>
        /// The application's channels on top of the region's defaults: <see cref="LoRaWanOptions.SubBand"/> or
        /// <see cref="LoRaWanOptions.ChannelMask"/> (fixed-channel plans). They become the default mask that joins start from
        /// and the ADR back-off restores.
        /// </summary>
        void ApplyDefaultChannels()
        {
            if (_options.ChannelMask != null)
            {
                if (!_region.SetDefaultChannelMask(_plan, _options.ChannelMask))
                    throw new ArgumentException("ChannelMask does not apply to " + _region.Name + " (fixed-channel plans only: one word per 16 channels of the plan, no bit of a channel the plan lacks; US915/AU915: at least two 125 kHz channels or only 500 kHz ones)", "ChannelMask");
                return;
            }
            if (_options.SubBand == 0) return;
            // US915/AU915: the eight 125 kHz channels of the sub-band and its 500 kHz channel (e.g. TTN's FSB2).
            if (!_region.SetSubBand(_plan, _options.SubBand))
                throw new ArgumentException("SubBand " + _options.SubBand.ToString() + " does not apply to " + _region.Name + " (fixed-channel plans only: 1..number of groups of eight channels)", "SubBand");
        }
    }
}
