using System;
using LoRaWan.Crypto;
using LoRaWan.Mac;
using LoRaWan.Radio;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Certify
{
    /// <summary>
    /// A deliberately broken device for the mutation check of <c>lorawan certify --mutant</c>: sits between the MAC and
    /// the radio and makes what goes on air (or when the device listens) wrong in one way, as a MAC with that bug would
    /// (frames it rewrites get a correct MIC, so only the bug shows). <see cref="Kind.None"/> passes everything through.
    /// It also carries the MAC-level mutants (<see cref="MacMutations"/>, called at the MAC's radio call-outs); the TS009
    /// package's mutants are <see cref="MutantCertificationPort"/>'s. One enum names them all for <c>--mutant</c>.
    /// </summary>
    public sealed class MutantRadio : IRadio, ISimulationEventHandler
    {
        public enum Kind
        {
            None,
            /// <summary>RX1 opens 60 ms late (past the 30 ms timing margin): a wrong RECEIVE_DELAY1.</summary>
            Rx1Late,
            /// <summary>RX1 listens at the uplink's data rate: RX1DROffset ignored.</summary>
            Rx1IgnoresDrOffset,
            /// <summary>RX2 always at the region's default data rate: RXParamSetupReq's RX2DataRate ignored.</summary>
            Rx2DefaultDataRate,
            /// <summary>Every data uplink after the first reuses the first one's FCnt.</summary>
            FCntReused,
            /// <summary>MAC-command answers never leave the device (FOpts stripped).</summary>
            NoMacAnswers,
            /// <summary>An answer sent once is not repeated in the next uplink (sticky answers dropped).</summary>
            StickyNotRepeated,
            /// <summary>The ACK bit is never set.</summary>
            NoAckBit,
            /// <summary>The ADR bit is always set.</summary>
            AdrBitStuck,
            /// <summary>Uplinks stay at the data rate of the first data uplink (LinkADRReq's DataRate not applied).</summary>
            DataRateStuck,
            /// <summary>A repeated transmission of an FCnt never reaches the network (no retransmission, no NbTrans).</summary>
            NoRepetition,
            /// <summary>The last byte of every FPort 224 FRMPayload is lost.</summary>
            PayloadTruncated,
            /// <summary>FCntUp restarts at 0 after every boot (the persisted counter ignored).</summary>
            FCntNotPersisted,
            /// <summary>RX2 listens 200 kHz off its frequency (RX2 never hears anything).</summary>
            Rx2WrongFrequency,
            /// <summary>The ADRACKReq bit is never set.</summary>
            NoAdrAckReq,
            /// <summary>Confirmed uplinks go out as unconfirmed ones.</summary>
            ConfirmedSentUnconfirmed,
            /// <summary>Every join request reuses the first DevNonce the device ever sent (across resets too).</summary>
            DevNonceReused,
            /// <summary>RXC never opens: ReceiveContinuous ignored (a Class C switch that never reaches the radio).</summary>
            RxcIgnored,
            /// <summary>
            /// Commands the region ignores answered (the MAC's command table): TxParamSetupAns where the region does not define
            /// TxParamSetupReq, NewChannelAns in a fixed-channel plan.
            /// </summary>
            IgnoredCommandAnswered,

            // MAC-level mutants (MacMutations): the MAC's own state is broken at its radio call-outs.
            /// <summary>MAC: the first LinkADRReq of a block stays applied (its data rate) even when the block is refused.</summary>
            LinkAdrBlockHalfApplied,
            /// <summary>MAC: a downlink whose FCntDown was already seen is accepted (the replay check is off).</summary>
            FCntDownReplayAccepted,
            /// <summary>MAC: after a reset FCntUp restarts at the last counter sent before it (reused once).</summary>
            FCntUpReusedAfterReset,
            /// <summary>MAC: sticky answers (RXParamSetupAns, RXTimingSetupAns, DlChannelAns) forgotten once sent.</summary>
            StickyAnswersForgotten,
            /// <summary>MAC: RECEIVE_DELAY1 taken as 1.020 s (RX1, and RX2 with it, 20 ms late).</summary>
            Rx1Delay20MsLate,

            // TS009 package mutants (MutantCertificationPort).
            /// <summary>Package: TxPeriodicityChangeReq ignored.</summary>
            PeriodicityIgnored,
            /// <summary>Package: the application's uplinks are not suspended in test mode.</summary>
            ApplicationNotSuspended,
            /// <summary>Package: DutFPort224DisableReq ignored.</summary>
            FPort224DisableIgnored,
            /// <summary>Package: TxCwReq ignored (no carrier).</summary>
            TxCwIgnored,
        }

        readonly IRadio _inner;
        readonly VirtualScheduler _scheduler;
        readonly Kind _kind;
        readonly Func<ClassAMac> _mac;
        readonly DataMic _mic = new DataMic();
        readonly byte[] _frame = new byte[256];
        RxConfig _delayed;
        int _receivesSinceTx;
        int _lastTxSf;
        int _firstDataSf = -1;
        int _firstFCnt = -1;
        int _lastFCnt = -1;
        uint _lastFrequency;
        byte[] _lastFOpts = new byte[0];
        int _bootFCntBase = -1;

        readonly JoinCrypto _joinCrypto = new JoinCrypto();
        readonly byte[] _appKey;
        /// <summary>State that outlives a reboot (a new MutantRadio per boot): [0] = the first DevNonce, or -1; [1]: MacMutations'.</summary>
        readonly int[] _memory;

        readonly MacMutations _macMutations;
        bool _txParamSetupSeen;
        bool _newChannelSeen;

        public MutantRadio(IRadio inner, VirtualScheduler scheduler, Kind kind, Func<ClassAMac> mac, byte[] appKey, int[] memory)
        {
            _macMutations = new MacMutations(kind, memory);
            _appKey = appKey;
            _memory = memory;
            _inner = inner;
            _scheduler = scheduler;
            _kind = kind;
            _mac = mac;
        }

        public static Kind Parse(string name)
        {
            foreach (Kind k in Enum.GetValues(typeof(Kind)))
                if (string.Equals(Name(k), name, StringComparison.OrdinalIgnoreCase)) return k;
            throw new CliException("unknown mutant \"" + name + "\"; one of: " + string.Join(", ", Array.ConvertAll((Kind[])Enum.GetValues(typeof(Kind)), Name)));
        }

        /// <summary>The mutant's command-line name: kebab case of the enum name.</summary>
        public static string Name(Kind k)
        {
            if (k == Kind.Rx1Delay20MsLate) return "rx1-delay-20ms-late";
            string s = k.ToString();
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsUpper(s[i]) && i > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(s[i]));
            }
            return sb.ToString();
        }

        public void SetEventSink(IRadioEventSink sink)
        {
            _macMutations.OnEventSink(sink);
            _inner.SetEventSink(sink);
        }

        public void SetPublicNetwork(bool isPublic)
        {
            _inner.SetPublicNetwork(isPublic);
            _macMutations.OnConstructed();
        }

        public void TxDeadlinePassed() => _inner.TxDeadlinePassed();

        public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info)
        {
            int n = _inner.ReadPacket(buffer, offset, maxLength, info);
            _macMutations.OnReadPacket(buffer, offset, n);
            if (n > 8 && _kind == Kind.IgnoredCommandAnswered && ((buffer[offset] >> 5) == 3 || (buffer[offset] >> 5) == 5))
            {
                // FOpts start with the command the harness sent alone (MAC-12, MAC-15): its CID is enough.
                if ((buffer[offset + 5] & 0x0F) > 0 && buffer[offset + 8] == 0x09) _txParamSetupSeen = true;
                if ((buffer[offset + 5] & 0x0F) > 0 && buffer[offset + 8] == 0x07) _newChannelSeen = true;
            }
            return n;
        }
        public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs) => _inner.IsChannelFree(frequencyHz, bandwidthHz, rssiThresholdDbm, senseTimeUs);
        public void ReceiveContinuous(RxConfig config)
        {
            if (_kind == Kind.RxcIgnored) return;
            _inner.ReceiveContinuous(config);
        }

        public void Sleep()
        {
            _macMutations.OnSleep();
            _inner.Sleep();
        }
        public void StartContinuousWave(uint frequencyHz, int powerDbm) => _inner.StartContinuousWave(frequencyHz, powerDbm);

        public void Receive(RxConfig config)
        {
            _receivesSinceTx++;
            bool rx1 = _receivesSinceTx == 1;
            if (rx1 && _kind == Kind.Rx1IgnoresDrOffset) config.SpreadingFactor = _lastTxSf;
            if (!rx1 && _kind == Kind.Rx2DefaultDataRate && _mac() != null)
                config.SpreadingFactor = _mac().Region.GetSpreadingFactor(_mac().Region.Rx2DataRate);
            if (!rx1 && _kind == Kind.Rx2WrongFrequency) config.FrequencyHz += 200000;
            if (rx1 && _kind == Kind.Rx1Late)
            {
                _delayed = config;
                _scheduler.ScheduleAfter(60000, this, 0);
                return;
            }
            _inner.Receive(config);
        }

        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            if (_delayed != null) _inner.Receive(_delayed);
            _delayed = null;
        }

        public void Transmit(TxConfig config, byte[] buffer, int offset, int length)
        {
            _receivesSinceTx = 0;
            int mtype = buffer[offset] >> 5;
            bool data = mtype == 2 || mtype == 4;
            if (!data)
            {
                if (mtype == 0 && length == 23 && _kind == Kind.DevNonceReused)
                {
                    // Join request: MHDR | JoinEUI | DevEUI | DevNonce (octets 17..18) | MIC (LoRaWAN 1.0.4 §6.2.4).
                    Array.Copy(buffer, offset, _frame, 0, length);
                    int nonce = _frame[17] | (_frame[18] << 8);
                    if (_memory[0] < 0) _memory[0] = nonce;
                    _frame[17] = (byte)_memory[0];
                    _frame[18] = (byte)(_memory[0] >> 8);
                    _joinCrypto.ComputeRequestMic(_appKey, 0, _frame, 0, 19, _frame, 19);
                    buffer = _frame;
                    offset = 0;
                }
                _bootFCntBase = -1;
                _lastTxSf = config.SpreadingFactor;
                _inner.Transmit(config, buffer, offset, length);
                return;
            }
            Array.Copy(buffer, offset, _frame, 0, length);
            _macMutations.OnDataTransmit(_frame, length);
            int fcnt = _frame[6] | (_frame[7] << 8);
            bool repeat = fcnt == _lastFCnt;
            int n = Mutate(config, length, fcnt, repeat);
            _lastFCnt = fcnt;
            _lastTxSf = config.SpreadingFactor;
            _inner.Transmit(config, _frame, 0, n);
        }

        int Mutate(TxConfig config, int n, int fcnt, bool repeat)
        {
            ClassAMac mac = _mac();
            int foptsLen = _frame[5] & 0x0F;
            bool rewritten = false;
            switch (_kind)
            {
                case Kind.FCntReused:
                    if (_firstFCnt < 0) _firstFCnt = fcnt;
                    else { SetFCnt(_firstFCnt); rewritten = true; }
                    break;
                case Kind.FCntNotPersisted:
                    if (_bootFCntBase < 0) _bootFCntBase = fcnt;
                    SetFCnt(fcnt - _bootFCntBase);
                    rewritten = true;
                    break;
                case Kind.NoMacAnswers:
                    if (foptsLen > 0) { n = RemoveFOpts(n, foptsLen); rewritten = true; }
                    break;
                case Kind.StickyNotRepeated:
                    byte[] fopts = new byte[foptsLen];
                    Array.Copy(_frame, 8, fopts, 0, foptsLen);
                    bool same = foptsLen > 0 && foptsLen == _lastFOpts.Length && fopts.AsSpan().SequenceEqual(_lastFOpts) && !repeat;
                    _lastFOpts = fopts;
                    if (same) { n = RemoveFOpts(n, foptsLen); rewritten = true; }
                    break;
                case Kind.NoAckBit:
                    if ((_frame[5] & 0x20) != 0) { _frame[5] &= 0xDF; rewritten = true; }
                    break;
                case Kind.NoAdrAckReq:
                    if ((_frame[5] & 0x40) != 0) { _frame[5] &= 0xBF; rewritten = true; }
                    break;
                case Kind.ConfirmedSentUnconfirmed:
                    if ((_frame[0] >> 5) == 4) { _frame[0] = (byte)((_frame[0] & 0x1F) | 0x40); rewritten = true; }
                    break;
                case Kind.AdrBitStuck:
                    if ((_frame[5] & 0x80) == 0) { _frame[5] |= 0x80; rewritten = true; }
                    break;
                case Kind.DataRateStuck:
                    if (_firstDataSf < 0) _firstDataSf = config.SpreadingFactor;
                    config.SpreadingFactor = _firstDataSf;
                    break;
                case Kind.NoRepetition:
                    if (repeat && config.FrequencyHz == _lastFrequency || repeat) config.FrequencyHz += 20000000;   // off the gateway's band
                    break;
                case Kind.IgnoredCommandAnswered:
                    // The MAC answered a command its region ignores: TxParamSetupAns (CID 0x09, no payload), NewChannelAns
                    // (CID 0x07, status 0x03) appended to FOpts when the MAC did not answer it itself.
                    if (_txParamSetupSeen && foptsLen < 15 && Array.IndexOf(_frame, (byte)0x09, 8, foptsLen) < 0)
                    {
                        n = AppendFOpts(n, foptsLen, 0x09, -1);
                        rewritten = true;
                    }
                    else if (_newChannelSeen && foptsLen < 14 && Array.IndexOf(_frame, (byte)0x07, 8, foptsLen) < 0)
                    {
                        n = AppendFOpts(n, foptsLen, 0x07, 0x03);
                        rewritten = true;
                    }
                    _txParamSetupSeen = false;
                    _newChannelSeen = false;
                    break;
                case Kind.PayloadTruncated:
                    int portAt = 8 + foptsLen;
                    if (n - 4 > portAt + 1 && _frame[portAt] == ClassAMac.CertificationFPort) { n -= 1; rewritten = true; }
                    break;
            }
            _lastFrequency = config.FrequencyHz;
            if (rewritten && mac != null)
            {
                uint devAddr = (uint)(_frame[1] | (_frame[2] << 8) | (_frame[3] << 16) | (_frame[4] << 24));
                uint f = (uint)(_frame[6] | (_frame[7] << 8)) | (mac.Session.FCntUp & 0xFFFF0000u);
                _mic.Compute10(mac.Session.NwkSKey, 0, FrameDirection.Uplink, devAddr, f, _frame, 0, n - 4, _frame, n - 4);
            }
            return n;
        }

        /// <summary>Appends a MAC command (CID, and one payload octet unless -1) to the frame's FOpts; returns the new length.</summary>
        int AppendFOpts(int n, int foptsLen, byte cid, int payload)
        {
            int add = payload < 0 ? 1 : 2;
            Array.Copy(_frame, 8 + foptsLen, _frame, 8 + foptsLen + add, n - 8 - foptsLen);
            _frame[8 + foptsLen] = cid;
            if (payload >= 0) _frame[9 + foptsLen] = (byte)payload;
            _frame[5] = (byte)((_frame[5] & 0xF0) | (foptsLen + add));
            return n + add;
        }

        void SetFCnt(int fcnt)
        {
            _frame[6] = (byte)fcnt;
            _frame[7] = (byte)(fcnt >> 8);
        }

        int RemoveFOpts(int n, int foptsLen)
        {
            Array.Copy(_frame, 8 + foptsLen, _frame, 8, n - 8 - foptsLen);
            _frame[5] = (byte)(_frame[5] & 0xF0);
            return n - foptsLen;
        }
    }
}
