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
        /// <summary>State that outlives a reboot (a new MutantRadio per boot): [0] = the first DevNonce, or -1.</summary>
        readonly int[] _memory;

        public MutantRadio(IRadio inner, VirtualScheduler scheduler, Kind kind, Func<ClassAMac> mac, byte[] appKey, int[] memory)
        {
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
            string s = k.ToString();
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsUpper(s[i]) && i > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(s[i]));
            }
            return sb.ToString();
        }

        public void SetEventSink(IRadioEventSink sink) => _inner.SetEventSink(sink);
        public void SetPublicNetwork(bool isPublic) => _inner.SetPublicNetwork(isPublic);
        public void TxDeadlinePassed() => _inner.TxDeadlinePassed();
        public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info) => _inner.ReadPacket(buffer, offset, maxLength, info);
        public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs) => _inner.IsChannelFree(frequencyHz, bandwidthHz, rssiThresholdDbm, senseTimeUs);
        public void ReceiveContinuous(RxConfig config)
        {
            if (_kind == Kind.RxcIgnored) return;
            _inner.ReceiveContinuous(config);
        }

        public void Sleep() => _inner.Sleep();
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
