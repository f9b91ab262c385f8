using System;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    // The session across resets: restoring it at start-up (OTAA: only for the identity that joined; ABP: from the
    // identity plus persisted counters) and persisting it with what is still owed to the network.
    public sealed partial class ClassAMac
    {
        /// <summary>Restores the persisted session; returns true when an OTAA session record was found (used or not).</summary>
        bool RestoreSession()
        {
            bool loaded = _session.Load();
            _rxc.Watch = true;   // the restored class may be C
            bool otaaSessionFound = loaded && _session.Otaa;
            if (_identity.IsOtaa)
            {
                // A persisted session counts only if it belongs to the last accepted join of this very identity
                // (same JoinEUI, DevEUI and AppKey) and its frame counters were found (see HandleJoinAccept).
                if (!loaded || !_session.Otaa || !_nonces.HasJoinNonce || !_nonces.IsFor(_identity.JoinEui, _identity.DevEui, _keyCheck)
                    || _session.JoinNonce != _nonces.LastJoinNonce || (_session.Keys.Separate && !_identity.Is11))
                    _session.Active = false;
                else
                {
                    // A 1.1 session (OptNeg = 1) stores FNwkSIntKey and AppSKey; SNwkSIntKey and NwkSEncKey come again
                    // from the NwkKey and the join's DevNonce (LoRaWAN 1.1 §6.2.3).
                    if (_session.Keys.Separate)
                        _session.DeriveKeys11(_join.Keys, _identity.NwkKey, _identity.AppKey, RootKeyGeneration, _identity.JoinEui, _session.Keys.DevNonce);
                    RestoreOwed();
                    EnsureUsableDataRate();
                }
                return otaaSessionFound;
            }
            // ABP: keys and DevAddr come from the identity; the counters and network settings persist.
            if (!loaded || _session.Otaa || _session.Address != _identity.DevAddr || _session.CounterTag != _keyCheck
                || _session.Keys.Separate != _identity.Is11)
                StartAbpSession();
            _session.Otaa = false;
            _session.DevAddr = _identity.DevAddr;
            _session.CounterTag = _keyCheck;
            // ABP 1.1 (LoRaWAN 1.1 §6.3): four keys from the identity, NFCntDown/AFCntDown from the counter record; 1.0: two.
            if (_identity.Is11) _session.Keys.Personalize(_identity.NwkSKey, _identity.AppSKey, _identity.SNwkSIntKey, _identity.NwkSEncKey);
            else _session.Keys.Personalize(_identity.NwkSKey, _identity.AppSKey, null, null);
            // A persisted rate this plan cannot send (a record written while the rate was unset) would leave the
            // device mute: start again from the default.
            if (!_region.IsDataRateAvailable(_plan, _session.DataRate)) _session.DataRate = AbpDefaultDataRate();
            _session.Adr = _options.Adr;
            _session.Active = true;
            RestoreOwed();
            EnsureUsableDataRate();
            return otaaSessionFound;
        }

        /// <summary>ABP without a usable persisted record: the region's defaults, the counters from their own record.</summary>
        void StartAbpSession()
        {
            _plan.Reset();
            ApplyDefaultChannels();
            _session.Keys.UseOneNetworkKey();
            _session.StartAbp(_region, _identity.DevAddr, _keyCheck, AbpDefaultDataRate(),
                _options.TxPowerIndex >= 0 ? _options.TxPowerIndex : 0, _options.NbTrans);
            // LoRaWAN 1.1 §5.1: back on its default MAC and radio parameters, an ABP 1.1 device says so with ResetInd in
            // every uplink until ResetConf (its frame counters are not reset: they came from their own record).
            _session.Keys.ResetOwed = _identity.Is11;
        }

        /// <summary>
        /// BeginData, before a new FCntUp is taken: LoRaWAN 1.1 §5.10, an OTAA 1.1 device that has sent ADR_ACK_LIMIT
        /// uplinks since its join without a RekeyConf goes back to the join state. ADR_ACK_LIMIT is the session's: 2^Limit_exp
        /// once an ADRParamSetupReq (§5.11) set it, else the options' value. True when it did (the session is
        /// dropped, in flash too: a reset does not bring it back); otherwise counts this uplink.
        /// </summary>
        bool RekeyLimitReached()
        {
            SessionKeys keys = _session.Keys;
            if (!keys.RekeyOwed) return false;
            if (keys.RekeyUplinks < _session.Network.AdrAckLimit(_options.AdrAckLimit))
            {
                keys.RekeyUplinks++;
                return false;
            }
            _session.Active = false;
            PersistSession();
            _diag.LastError = "no RekeyConf within ADR_ACK_LIMIT uplinks after the join (LoRaWAN 1.1 section 5.10): join again";
            return true;
        }

        /// <summary>
        /// A restored session keeps a data rate it can send with (a session persisted under an older rule may hold
        /// DR0 under a 400 ms dwell time, or a mask that carries no rate): see <see cref="UsableDataRate"/>.
        /// </summary>
        void EnsureUsableDataRate()
        {
            if (_session.IsActive && UsableDataRate.Ensure(_region, _plan, _session)) PersistSession();
        }

        /// <summary>
        /// The data rate an ABP device starts at: the configured one, else the region's default data rate (DR0; DR2
        /// in AS923 and AU915, whose boot dwell time forbids DR0/DR1), as LoRaMac-node initialises its
        /// ChannelsDatarate from PHY_DEF_TX_DR for every activation. The slowest rate the region allows reaches the
        /// farthest gateway; with ADR on the network then moves the device up (LoRaWAN 1.0.4 §4.3.1.1).
        /// </summary>
        int AbpDefaultDataRate()
        {
            return _options.DataRate >= 0 ? _options.DataRate : _region.DefaultDataRate;
        }

        /// <summary>
        /// The ACK and MAC answers owed when the session was last saved come back after a reset, unless the uplink that
        /// carried them had started (<see cref="OwedAnswers.Carried"/>): a fresh answer is sent once, a sticky one repeats
        /// until a downlink arrives (LoRaWAN 1.0.4 §5: RXParamSetupAns, RXTimingSetupAns, DlChannelAns).
        /// </summary>
        void RestoreOwed()
        {
            OwedAnswers owed = _session.Owed;
            _uplink.AckOwed = owed.Ack && !owed.Carried;
            if (owed.DeviceModeInd && _options.Version >= LoRaWan.Frames.LoRaWanVersion.V1_1)
            {
                // The class in force was indicated and not yet confirmed: keep repeating it (LoRaWAN 1.1 §18.1).
                EnsureCommands();
                _cmd.Answers.IndicateDeviceMode((int)_session.DeviceClass, true);
            }
            if (owed.FreshLength == 0 && owed.StickyLength == 0) return;
            EnsureCommands();
            _cmd.Answers.Import(owed.Fresh, 0, owed.FreshLength, owed.Sticky, 0, owed.StickyLength);
            if (owed.Carried) _cmd.Answers.RetireImportedFresh();
        }

        /// <summary>Persists the session with what is owed to the network (ACK, answers), keeping the FCnt window.</summary>
        void PersistSession()
        {
            OwedAnswers owed = _session.Owed;
            owed.Ack = _uplink.AckOwed;
            if (_cmd != null)
            {
                int lengths = _cmd.Answers.Export(owed.Fresh, 0, DeviceSession.OwedFreshCapacity, owed.Sticky, 0, DeviceSession.OwedStickyCapacity);
                owed.FreshLength = lengths & 0xFF;
                owed.StickyLength = lengths >> 8;
                owed.DeviceModeInd = _cmd.Answers.DeviceModeIndicated >= 0 && _cmd.Answers.DeviceModeIndSends > 0;
            }
            else
            {
                owed.FreshLength = 0;
                owed.StickyLength = 0;
                owed.DeviceModeInd = false;
            }
            _session.SaveState();
        }
    }
}
