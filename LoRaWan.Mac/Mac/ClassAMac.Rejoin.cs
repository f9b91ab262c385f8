using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    // LoRaWAN 1.1 §6.2.4 Rejoin-requests, §5.13 ForceRejoinReq, §5.14 RejoinParamSetupReq. A Rejoin-request is an
    // operation of its own (MacRequestSlot.Rejoin) between two uplinks: it goes out on the session's channels and waits for
    // a join-accept in the join windows (JOIN_ACCEPT_DELAY1/2, RX1 offset 0, the region's RX2, as the join-accept that
    // answers a Join-request). The session in use stays in use until such a join-accept is accepted.
    public sealed partial class ClassAMac
    {
        /// <summary>
        /// Sends a LoRaWAN 1.1 Rejoin-request of <paramref name="type"/> now: 0 (reset the device's context, §6.2.4: the
        /// network answers with a new session and radio parameters) or 1 (restore a lost session context, signed with
        /// JSIntKey; the join server answers). Type 2 is sent only on the network's ForceRejoinReq. The session stays in use
        /// until a join-accept answering it is accepted; then the new session replaces it (keys, DevAddr, counters at 0,
        /// RekeyInd until RekeyConf). Returns false while the MAC is busy, and while the Rejoin-requests of the network's
        /// ForceRejoinReq (§5.13) are still being sent (they are not replaced). True means the request is queued, not that it
        /// goes out: a ForceRejoinReq that the MAC thread receives before it takes the request wins (§5.13), and the
        /// application's request is then dropped (the network's Rejoin-requests go out instead). Any thread.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not 0 or 1</exception>
        /// <exception cref="InvalidOperationException">no LoRaWAN 1.1 OTAA session joined with OptNeg = 1; the message says
        /// which of these is missing</exception>
        public bool StartRejoin(int type)
        {
            MacRequestSlot slot = _requests;
            if (type != 0 && type != 1) throw new ArgumentOutOfRangeException("type", "a device starts Rejoin-requests of type 0 or 1; type 2 answers the network's ForceRejoinReq (LoRaWAN 1.1 §6.2.4)");
            string why = WhyNoRejoin();
            if (why != null) throw new InvalidOperationException(why);
            // The network's ForceRejoinReq order in progress (§5.13) is not the application's to replace: busy until it is done.
            // A snapshot only: the MAC thread owns the rejoin state and checks again when it takes the request.
            if (_join.Rejoin.Forced) return false;
            if (!slot.TryClaim(false, false)) return false;
            // Only the slot is written here (as Send writes its payload): the MAC thread schedules it (BeginRequestedRejoin).
            slot.Port = type;
            slot.Publish(MacRequestSlot.Rejoin);
            PostRequest();
            return true;
        }

        /// <summary>
        /// The MAC thread takes the application's Rejoin-request of <paramref name="type"/> (<see cref="StartRejoin"/>): it is
        /// scheduled and sent now, unless a ForceRejoinReq order (LoRaWAN 1.1 §5.13) arrived since StartRejoin was called —
        /// the network's order wins and the application's request is dropped (the MAC goes back to Idle; the order's
        /// Rejoin-requests go out as they fall due).
        /// </summary>
        void BeginRequestedRejoin(int type)
        {
            RejoinAttempt ra = _join.Rejoin;
            if (ra.Forced)
            {
                bool requestWaiting = _requests.End(MacRequestSlot.Rejoin);
                if (requestWaiting) PostRequest();
                ScheduleIdleWork();
                return;
            }
            ra.Schedule(type, _session.DataRate, 1, 0, false, 0);
            BeginRejoinAttempt();
        }

        /// <summary>The next RJcount1 a type 1 Rejoin-request uses (persisted; never reused, never wraps).</summary>
        public int NextRjCount1 { get { return _nonces.NextRjCount1; } }

        /// <summary>The next RJcount0 a type 0 or 2 Rejoin-request uses (persisted; back to 0 with a new session).</summary>
        public int NextRjCount0 { get { return _nonces.NextRjCount0; } }

        /// <summary>A 1.1 OTAA session with the four 1.1 keys (OptNeg = 1): the only one a Rejoin-request belongs to.</summary>
        bool CanRejoin { get { return _identity.Is11 && _session.Active && _session.Otaa && _session.Keys.Separate; } }

        /// <summary>Why <see cref="StartRejoin"/> does not apply now (null: it does), in words for the exception.</summary>
        string WhyNoRejoin()
        {
            if (!_identity.Is11) return "Rejoin-requests are LoRaWAN 1.1 (section 6.2.4); this device runs LoRaWAN 1.0.x (LoRaWanOptions.Version)";
            if (!_identity.IsOtaa) return "an ABP device has no join server to answer a Rejoin-request (LoRaWAN 1.1 section 6.2.4 is for devices activated over the air)";
            if (!_session.Active) return "not joined: a Rejoin-request continues a session; join first";
            if (!_session.Keys.Separate) return "the network answered the join with OptNeg = 0 (a LoRaWAN 1.0 network, section 6.2.3): it does not take Rejoin-requests";
            return null;
        }

        /// <summary>
        /// ForceRejoinReq (LoRaWAN 1.1 §5.13) at <paramref name="p"/> in the frame just received: Max_Retries + 1 Rejoin-requests
        /// of the type asked (RejoinType 0 or 1: type 0; 2: type 2; 3..7 RFU: ignored) at its DR, the first at once, then every
        /// 32 s · 2^Period + rand(0..32 s). A new ForceRejoinReq replaces the sequence in progress. No answer.
        /// </summary>
        void ForceRejoin(byte[] b, int p)
        {
            int type = ForceRejoinReq.RejoinType(b, p);
            if (type > 2 || !CanRejoin) { _cmd.Processor.Ignored++; return; }
            if (type == 1) type = 0;
            int dataRate = ForceRejoinReq.DataRate(b, p);
            // A rate the current channels cannot carry would never go out: the session's rate instead.
            if (!_region.IsDataRateSupported(dataRate) || !_region.IsDataRateAvailable(_plan, dataRate)) dataRate = _session.DataRate;
            _join.Rejoin.Schedule(type, dataRate, ForceRejoinReq.MaxRetries(b, p) + 1, ForceRejoinReq.Period(b, p), true, _scheduler.NowMicroseconds);
            // The order is written before the downlink that carried it counts as received (its session and counter records
            // come after this): a power cut leaves either both or neither. One nonce-record write per ForceRejoinReq.
            RecordForcedRejoin(false);
            _nonces.Save();
        }

        /// <summary>
        /// Mirrors the ForceRejoinReq order in progress (LoRaWAN 1.1 §5.13) into the nonce record, to go with its next save:
        /// the transmissions left, type, data rate and period; none when the Rejoin-request due is not the network's.
        /// </summary>
        void RecordForcedRejoin(bool started)
        {
            RejoinAttempt ra = _join.Rejoin;
            LoRaWan.Session.NonceRecord n = _nonces;
            n.ForcedRejoinsLeft = ra.Forced && ra.Type != RejoinAttempt.NoneDue ? ra.TransmissionsLeft : 0;
            n.ForcedRejoinType = ra.Type;
            n.ForcedRejoinDataRate = ra.DataRate;
            n.ForcedRejoinPeriod = ra.Period;
            n.ForcedRejoinStarted = started;
        }

        /// <summary>
        /// At start-up, on a restored LoRaWAN 1.1 session: a ForceRejoinReq order the nonce record still holds is carried on
        /// (§5.13 asks Max_Retries + 1 Rejoin-requests; a reset does not cancel the network's order). Its first goes at once if
        /// it had not gone out; otherwise the next is due 32 s · 2^Period + rand(0..32 s) after the restart (the time of the
        /// last one is not known after a reset: waiting a whole period never sends two closer than the spec's spacing). The
        /// alarm is armed; the MAC thread sends it. RejoinParamSetupReq's parameter comes back with the session record; its
        /// uplink count and time count from the restart (they are not persisted).
        /// </summary>
        void ResumeForcedRejoin()
        {
            LoRaWan.Session.NonceRecord n = _nonces;
            RejoinAttempt ra = _join.Rejoin;
            // RejoinParamSetupReq's MaxTimeN period (§5.14) counts from the restart: the MAC clock starts again at boot.
            ra.LastRejoinUs = _scheduler.NowMicroseconds;
            if (n.ForcedRejoinsLeft <= 0 || !CanRejoin) return;
            int dataRate = n.ForcedRejoinDataRate;
            if (!_region.IsDataRateSupported(dataRate) || !_region.IsDataRateAvailable(_plan, dataRate)) dataRate = _session.DataRate;
            ulong now = _scheduler.NowMicroseconds;
            ra.Schedule(n.ForcedRejoinType, dataRate, n.ForcedRejoinsLeft, n.ForcedRejoinPeriod, true, now);
            if (n.ForcedRejoinStarted) ra.DueUs = now + ForcedRejoinIntervalUs(ra.Period);
            _alarm.Arm(ra.DueUs);
        }

        /// <summary>LoRaWAN 1.1 §5.13: 32 s · 2^Period + Rand32, a pseudo-random 0..32 s, between two ordered Rejoin-requests.</summary>
        ulong ForcedRejoinIntervalUs(int period)
        {
            return (RejoinAttempt.PeriodUnitUs << period) + (ulong)_tx.Random.Next((int)(RejoinAttempt.PeriodUnitUs / 1000)) * 1000UL;
        }

        /// <summary>
        /// After an uplink: RejoinParamSetupReq's periodic type 0 Rejoin-request (LoRaWAN 1.1 §5.14) falls due after
        /// 2^(MaxCountN + 4) uplinks or 2^(MaxTimeN + 10) s since the last one, whichever comes first.
        /// </summary>
        void CountUplinkForRejoin()
        {
            RejoinAttempt ra = _join.Rejoin;
            int rejoinParam = _session.Network.RejoinParam;
            if (_tx.Count == 0) return;   // the uplink never went on air
            ra.UplinksSinceRejoin++;
            if (ra.Type != RejoinAttempt.NoneDue || !CanRejoin) return;   // one is due already (ForceRejoinReq's first)
            ulong now = _scheduler.NowMicroseconds;
            bool byCount = ra.UplinksSinceRejoin >= 1 << ((rejoinParam & 0x0F) + 4);
            bool byTime = now - ra.LastRejoinUs >= (1UL << ((rejoinParam >> 4) + 10)) * 1000000UL;
            if (byCount || byTime) ra.Schedule(0, _session.DataRate, 1, 0, false, now);
        }

        /// <summary>
        /// When RejoinParamSetupReq's MaxTimeN period (LoRaWAN 1.1 §5.14: 2^(MaxTimeN + 10) s since the last type 0
        /// Rejoin-request or the session's start) runs out, on the MAC clock; ulong.MaxValue when no period is set or the
        /// session takes no Rejoin-requests. The idle alarm waits for it too, so it falls due while the device sends nothing.
        /// </summary>
        ulong PeriodicRejoinTimeUs()
        {
            int rejoinParam = _session.Network.RejoinParam;
            if (rejoinParam < 0 || !CanRejoin) return ulong.MaxValue;
            return _join.Rejoin.LastRejoinUs + (1UL << ((rejoinParam >> 4) + 10)) * 1000000UL;
        }

        /// <summary>In Idle: the periodic type 0 Rejoin-request falls due when its MaxTimeN period has run out (none other due).</summary>
        void CheckPeriodicRejoinTime()
        {
            RejoinAttempt ra = _join.Rejoin;
            ulong now = _scheduler.NowMicroseconds;
            if (ra.Type == RejoinAttempt.NoneDue && PeriodicRejoinTimeUs() <= now) ra.Schedule(0, _session.DataRate, 1, 0, false, now);
        }

        /// <summary>
        /// In Idle with a Rejoin-request due: at once when its time has come (a waiting request is taken after it), else the
        /// alarm for it, or for the empty uplink owed in <paramref name="owedDelayMs"/> (−1: none) when that comes first.
        /// </summary>
        void ScheduleRejoin(int owedDelayMs)
        {
            ulong now = _scheduler.NowMicroseconds;
            // Due now (ForceRejoinReq's first, RejoinParamSetupReq's count reached): at once, before any waiting request.
            if (_join.Rejoin.DueUs <= now && TryBeginDueRejoin()) return;
            ulong due = _join.Rejoin.DueUs < now ? now : _join.Rejoin.DueUs;
            if (owedDelayMs >= 0 && now + (ulong)owedDelayMs * 1000UL < due) due = now + (ulong)owedDelayMs * 1000UL;
            _alarm.Arm(due);
        }

        /// <summary>
        /// In Idle (the idle alarm, the end of an operation): starts the Rejoin-request that is due; false when none is, or
        /// another operation is in progress. A request waiting in the slot (an uplink, a join) is taken when it is done.
        /// </summary>
        bool TryBeginDueRejoin()
        {
            RejoinAttempt ra = _join.Rejoin;
            MacRequestSlot slot = _requests;
            if (ra.Type == RejoinAttempt.NoneDue || _scheduler.NowMicroseconds < ra.DueUs || !CanRejoin) return false;
            if (!slot.TryBegin(MacRequestSlot.Rejoin)) return false;
            BeginRejoinAttempt();
            return true;
        }

        /// <summary>
        /// One Rejoin-request on air. LoRaWAN 1.1 §6.2.4.1: RJcount0 (types 0 and 2) and RJcount1 (type 1) are spent with
        /// every transmission and persisted before it (a power cut never replays one); neither wraps: at 2^16 − 1 no more
        /// Rejoin-requests of its types. MIC: type 0/2 cmac(SNwkSIntKey, …), type 1 cmac(JSIntKey, …) (§6.2.4.2, §6.2.4.3).
        /// </summary>
        void BeginRejoinAttempt()
        {
            RejoinAttempt ra = _join.Rejoin;
            JoinAttempt ja = _join;
            Transmission tx = _tx;
            int type = ra.Type;
            int rj = type == 1 ? _nonces.NextRjCount1 : _nonces.NextRjCount0;
            if (type == RejoinAttempt.NoneDue || !CanRejoin || rj >= RejoinAttempt.RjCountLimit)
            {
                if (rj >= RejoinAttempt.RjCountLimit)
                    _diag.LastError = type == 1 ? "RJcount1 reached 2^16-1: no more type 1 Rejoin-requests (LoRaWAN 1.1 §6.2.4.1)"
                        : "RJcount0 reached 2^16-1: no more type 0/2 Rejoin-requests in this session (LoRaWAN 1.1 §6.2.4.1)";
                ra.Clear();
                EndRejoinAttempt();
                return;
            }
            if (type == 1) _nonces.NextRjCount1 = rj + 1;
            else _nonces.NextRjCount0 = rj + 1;
            ra.TransmissionsLeft--;
            // With the RJcount it spends, the nonce record keeps what is left of a ForceRejoinReq order (§5.13): no write of its own.
            RecordForcedRejoin(true);
            _nonces.Save();
            ra.RjCount = rj;
            ra.Accepted = false;
            if (type == 0 && !ra.Forced) { ra.UplinksSinceRejoin = 0; ra.LastRejoinUs = _scheduler.NowMicroseconds; }

            RejoinRequestFrame f = ra.Request;
            f.RejoinType = type;
            f.NetId = _session.NetId;
            f.JoinEui = _identity.JoinEui;
            f.DevEui = _identity.DevEui;
            f.RjCount = (ushort)rj;
            tx.Length = f.Write(tx.Frame, 0);
            int micAt = tx.Length - DataMic.MicSize;
            byte[] key = _session.Keys.SNwkSIntKey;
            if (type == 1)
            {
                ja.Keys.DeriveJoinServerKey(_identity.NwkKey, 0, RootKeyGeneration, SessionKeyType.JSIntKey, _identity.DevEui, ja.JsIntKey, 0);
                key = ja.JsIntKey;
            }
            ja.Crypto.ComputeRequestMic(key, 0, tx.Frame, 0, micAt, tx.Frame, micAt);
            tx.Count = 0;
            TransmitPending();
        }

        /// <summary>
        /// A frame in a window of a Rejoin-request. LoRaWAN 1.1 §6.2.3: the join-accept that answers a Rejoin-request is
        /// encrypted with JSEncKey and signed cmac(JSIntKey, JoinReqType | JoinEUI | DevNonce | MHDR … CFList) with
        /// JoinReqType = the Rejoin type and the Rejoin-request's RJcount as DevNonce; OptNeg = 1 and a JoinNonce above the
        /// last one. Nothing in it is acted on before all of that holds.
        /// </summary>
        bool HandleRejoinAccept(int length)
        {
            byte[] frame = _windows.Frame;
            JoinAttempt ja = _join;
            RejoinAttempt ra = ja.Rejoin;
            MacCounterValues counters = _diag.Counters;
            if (length < 1 || Mhdr.GetMType(frame[0]) != MType.JoinAccept) { counters.MalformedFrames++; return false; }
            ja.Keys.DeriveJoinServerKey(_identity.NwkKey, 0, RootKeyGeneration, SessionKeyType.JSEncKey, _identity.DevEui, ra.JsEncKey, 0);
            ja.Keys.DeriveJoinServerKey(_identity.NwkKey, 0, RootKeyGeneration, SessionKeyType.JSIntKey, _identity.DevEui, ja.JsIntKey, 0);
            if (!ja.Crypto.DecryptJoinAccept(ra.JsEncKey, 0, frame, 0, length)
                || ja.Accept.Read(frame, 0, length) != FrameResult.Ok || !ja.Accept.OptNeg
                || !ja.Crypto.VerifyJoinAcceptMic11(ja.JsIntKey, 0, (byte)ra.Type, _identity.JoinEui, (ushort)ra.RjCount, frame, 0, length)
                || (_nonces.HasJoinNonce && ja.Accept.JoinNonce <= _nonces.LastJoinNonce))
            {
                counters.RejectedJoinAccepts++;
                return false;
            }
            StartRejoinSession();
            // As after a join: the nonce record (JoinNonce, RJcount0 back to 0) first, then the session that refers to it.
            _nonces.LastJoinNonce = ja.Accept.JoinNonce;
            _nonces.HasJoinNonce = true;
            _nonces.NextRjCount0 = 0;
            _nonces.Save();
            _session.Save(_options.FCntPersistInterval);
            ra.Accepted = true;
            return true;
        }

        /// <summary>
        /// The session the join-accept of a Rejoin-request starts: keys derived with its RJcount as DevNonce (1.1 §6.2.3,
        /// as LoRaMac-node), counters at 0, RekeyInd until RekeyConf. Type 0 and 1 reset the radio parameters as a join
        /// does (default channels, the CFList, DLSettings and RxDelay of the accept); type 2 keeps them (§6.2.4.1: it changes
        /// DevAddr, keys and frame counters only).
        /// </summary>
        void StartRejoinSession()
        {
            RejoinAttempt ra = _join.Rejoin;
            LoRaWan.Session.DeviceSession s = _session;
            bool keep = ra.Type == 2;
            int rx1 = s.Rx1DrOffset, rx2 = s.Rx2DataRate, delay = s.RxDelaySeconds, dr = s.DataRate, power = s.TxPowerIndex, nbTrans = s.NbTrans;
            uint rx2Frequency = s.Rx2FrequencyHz;
            bool adr = s.Adr;
            if (!keep)
            {
                _plan.Reset();
                ApplyDefaultChannels();
                if (_join.Accept.HasCfList && !_region.ApplyCfList(_plan, _windows.Frame, _join.Accept.CfListOffset)) _diag.Counters.MalformedFrames++;
            }
            StartOtaaSession(ra.RjCount, dr);
            if (!keep) return;
            s.Rx1DrOffset = rx1;
            s.Rx2DataRate = rx2;
            s.Rx2FrequencyHz = rx2Frequency;
            s.RxDelaySeconds = delay;
            s.DataRate = dr;
            s.TxPowerIndex = power;
            s.NbTrans = nbTrans;
            s.Adr = adr;
        }

        /// <summary>
        /// The windows of a Rejoin-request are over (or it could not go out): the MAC goes back to Idle on the session now in
        /// use. Without an accepted answer the next transmission of a ForceRejoinReq sequence is due 32 s · 2^Period +
        /// rand(0..32 s) later (LoRaWAN 1.1 §5.13); uplinks go on meanwhile.
        /// </summary>
        void EndRejoinAttempt()
        {
            RejoinAttempt ra = _join.Rejoin;
            if (!ra.Accepted && ra.TransmissionsLeft > 0) ra.DueUs = _scheduler.NowMicroseconds + ForcedRejoinIntervalUs(ra.Period);
            else ra.Clear();
            ra.Accepted = false;
            _state = MacState.Idle;
            bool requestWaiting = _requests.End(MacRequestSlot.None);
            Note(EventNotes.Idle, 0, 0, 0);
            if (requestWaiting) PostRequest();
            ScheduleIdleWork();
        }
    }
}
