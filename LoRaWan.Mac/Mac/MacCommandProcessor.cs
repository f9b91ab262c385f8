using LoRaWan.Frames;
using LoRaWan.Regions;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    /// <summary>
    /// Carries out the MAC commands of one accepted downlink (FOpts in clear, or an FRMPayload on FPort 0 already
    /// decrypted with NwkSKey) on the session and its channel plan, and writes the answers into
    /// <see cref="MacAnswers"/> (LoRaWAN 1.0.4 §5). Requests are handled in order; a CID this LoRaWAN 1.0.x
    /// Class A device does not know stops the processing, since the length of what follows cannot be known.
    /// Nothing here allocates.
    /// </summary>
    public sealed class MacCommandProcessor
    {
        /// <summary>LinkADRReq DataRate/TXPower value meaning "keep the current one" (LoRaWAN 1.0.4 §5.2).</summary>
        public const int Keep = 0x0F;

        readonly Region _region;
        readonly ChannelPlan _plan;
        readonly ChannelPlan _scratch;
        readonly DeviceSession _session;
        readonly MacAnswers _answers;
        readonly LoRaWanVersion _version;
        readonly MacCommandReader _reader = new MacCommandReader();

        // The LinkADRReq block being collected (LoRaWAN 1.0.4 §5.2: contiguous commands form one atomic block).
        int _blockCount;
        bool _blockMaskOk;
        int _blockDataRate;
        int _blockTxPower;
        int _blockNbTrans;

        /// <param name="region">the device's region</param>
        /// <param name="plan">the live channel plan (changed only when a command is accepted)</param>
        /// <param name="session">the live session (DR, power, NbTrans, RX parameters)</param>
        /// <param name="answers">where answers go</param>
        /// <param name="version">the device's LoRaWAN version (1.0.2 .. 1.1)</param>
        public MacCommandProcessor(Region region, ChannelPlan plan, DeviceSession session, MacAnswers answers, LoRaWanVersion version)
        {
            _region = region;
            _plan = plan;
            _scratch = region.CreateChannelPlan();
            _session = session;
            _answers = answers;
            _version = version;
        }

        /// <summary>Where the answers go.</summary>
        public MacAnswers Answers { get { return _answers; } }

        // ---- results of the last Process call ----

        /// <summary>Something persistent (session or channel plan) changed.</summary>
        public bool StateChanged;
        /// <summary>A LinkCheckAns arrived; see <see cref="LinkMarginDb"/> and <see cref="GatewayCount"/>.</summary>
        public bool LinkCheckAnswered;
        /// <summary>LinkCheckAns Margin: dB above the demodulation floor of the LinkCheckReq (0..254).</summary>
        public int LinkMarginDb;
        /// <summary>LinkCheckAns GwCnt: gateways that received the LinkCheckReq.</summary>
        public int GatewayCount;
        /// <summary>A DeviceTimeAns arrived; see <see cref="GpsSeconds"/> and <see cref="GpsFraction"/>.</summary>
        public bool DeviceTimeAnswered;
        /// <summary>DeviceTimeAns: seconds since the GPS epoch at the end of the uplink that carried the request.</summary>
        public uint GpsSeconds;
        /// <summary>DeviceTimeAns: the fraction of a second in 1/256 s.</summary>
        public int GpsFraction;
        /// <summary>A DeviceModeConf arrived (LoRaWAN 1.1 §18.1); see <see cref="DeviceModeConfClass"/>.</summary>
        public bool DeviceModeConfirmed;
        /// <summary>DeviceModeConf Class: the class the network now uses (0x00 Class A, 0x02 Class C).</summary>
        public int DeviceModeConfClass;
        /// <summary>
        /// Where the payload of the last ForceRejoinReq (LoRaWAN 1.1 §5.13) is in the buffer given to <see cref="Process"/>
        /// (read it with <see cref="ForceRejoinReq"/>), or -1 when none arrived.
        /// </summary>
        public int ForceRejoinOffset = -1;

        // ---- counters ----

        /// <summary>Requests carried out (answered or not).</summary>
        public int Processed;
        /// <summary>Command sequences cut short by an unknown or unsupported CID, or by a truncated command.</summary>
        public int Stopped;
        /// <summary>Requests ignored without an answer because the region does not implement them (RP002-1.0.4).</summary>
        public int Ignored;

        /// <summary>
        /// Carries out the commands in <paramref name="buffer"/>[<paramref name="offset"/> .. +<paramref name="length"/>).
        /// <paramref name="snrQuarterDb"/> is the downlink's SNR (DevStatusAns margin), <paramref name="battery"/> the
        /// DevStatusAns battery byte (0 external power, 1..254, 255 unknown).
        /// </summary>
        public void Process(byte[] buffer, int offset, int length, int snrQuarterDb, int battery)
        {
            StateChanged = false;
            LinkCheckAnswered = false;
            DeviceTimeAnswered = false;
            DeviceModeConfirmed = false;
            ForceRejoinOffset = -1;
            _blockCount = 0;
            _reader.Reset(buffer, offset, length, true);
            while (_reader.MoveNext())
            {
                byte cid = _reader.Cid;
                int p = _reader.PayloadOffset;
                if (cid == Cid.LinkAdr)
                {
                    AddToAdrBlock(buffer, p);
                    Processed++;
                    continue;
                }
                if (_blockCount > 0) FinishAdrBlock();
                if (!Handle(cid, buffer, p, snrQuarterDb, battery))
                {
                    Stopped++;
                    break;
                }
                Processed++;
            }
            if (_blockCount > 0) FinishAdrBlock();
            if (_reader.Status == MacCommandStatus.UnknownCid || _reader.Status == MacCommandStatus.Truncated) Stopped++;
            // Whatever the commands did (TxParamSetupReq turning the dwell time on under DR0, NewChannelReq removing the
            // channels of the current rate), the device must still be able to send its answers.
            if (UsableDataRate.Ensure(_region, _plan, _session)) StateChanged = true;
        }

        /// <summary>One request other than LinkADRReq; false for a CID this device does not implement.</summary>
        bool Handle(byte cid, byte[] b, int p, int snrQuarterDb, int battery)
        {
            switch (cid)
            {
                case Cid.LinkCheck:
                    // LoRaWAN 1.0.4 §5.1 LinkCheckAns.
                    LinkCheckAnswered = true;
                    LinkMarginDb = LinkCheckAns.Margin(b, p);
                    GatewayCount = LinkCheckAns.GwCnt(b, p);
                    return true;
                case Cid.DutyCycle:
                    // §5.3: aggregated duty cycle 1/2^MaxDCycle (0 = no limit beyond the regional one).
                    _plan.MaxDutyCycle = DutyCycleReq.MaxDCycle(b, p);
                    StateChanged = true;
                    _answers.Append(DutyCycleAns.Write(_answers.FreshBuffer, _answers.FreshLength));
                    return true;
                case Cid.RxParamSetup:
                    RxParamSetup(b, p);
                    return true;
                case Cid.DevStatus:
                    // §5.5: Battery from the application, Margin = SNR of this downlink rounded to a whole dB.
                    _answers.Append(DevStatusAns.Write(_answers.FreshBuffer, _answers.FreshLength, battery, RoundQuarterDb(snrQuarterDb)));
                    return true;
                case Cid.NewChannel:
                    NewChannel(b, p);
                    return true;
                case Cid.RxTimingSetup:
                    // §5.7: RECEIVE_DELAY1 = Del seconds (0 → 1); RX2 one second later. Sticky answer.
                    _session.RxDelaySeconds = RxTimingSetupReq.DelaySeconds(b, p);
                    StateChanged = true;
                    _answers.Append(RxTimingSetupAns.Write(_answers.FreshBuffer, _answers.FreshLength));
                    return true;
                case Cid.TxParamSetup:
                    // §5.8 / RP002-1.0.4: only AS923 and AU915 implement it; elsewhere it is ignored and not answered.
                    if (!_region.ApplyTxParamSetup(_plan, b[p])) { Ignored++; return true; }
                    StateChanged = true;
                    _answers.Append(TxParamSetupAns.Write(_answers.FreshBuffer, _answers.FreshLength));
                    return true;
                case Cid.DlChannel:
                    DlChannel(b, p);
                    return true;
                case Cid.DeviceTime:
                    // §5.9 (LoRaWAN 1.0.3 and later).
                    if (_version < LoRaWanVersion.V1_0_3) return false;
                    DeviceTimeAnswered = true;
                    GpsSeconds = DeviceTimeAns.Seconds(b, p);
                    GpsFraction = DeviceTimeAns.FractionalSeconds(b, p);
                    return true;
                case Cid.Reset:
                case Cid.Rekey:
                    // LoRaWAN 1.1 §5.1 ResetConf, §5.10 RekeyConf: the indication stops (it was repeated until now).
                    if (_version < LoRaWanVersion.V1_1) return false;
                    ConfirmIndication(cid, b[p] & 0x0F);
                    return true;
                default:
                    return Handle11(cid, b, p);
            }
        }

        /// <summary>
        /// The LoRaWAN 1.1 requests and confirmations this device implements; false for a 1.0.x device (the CID is
        /// unknown to it) and for every other CID (Class B commands, the rest of 1.1, proprietary CIDs).
        /// </summary>
        bool Handle11(byte cid, byte[] b, int p)
        {
            if (_version < LoRaWanVersion.V1_1) return false;
            switch (cid)
            {
                case Cid.AdrParamSetup:
                    // LoRaWAN 1.1 §5.11: ADR_ACK_LIMIT = 2^Limit_exp, ADR_ACK_DELAY = 2^Delay_exp; every exponent 0..15 is
                    // valid (1..32768) and the answer carries no status.
                    _session.Network.AdrParam = b[p];
                    StateChanged = true;
                    _answers.Append(AdrParamSetupAns.Write(_answers.FreshBuffer, _answers.FreshLength));
                    return true;
                case Cid.DeviceMode:
                    // LoRaWAN 1.1 §18.1 DeviceModeConf: the network took note of the DeviceModeInd (the MAC stops repeating it).
                    DeviceModeConfirmed = true;
                    DeviceModeConfClass = DeviceModeConf.Class(b, p);
                    return true;
                case Cid.ForceRejoin:
                    // LoRaWAN 1.1 §5.13: no answer; the MAC sends the Rejoin-requests (the last ForceRejoinReq wins).
                    ForceRejoinOffset = p;
                    return true;
                case Cid.RejoinParamSetup:
                    RejoinParamSetup(b, p);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// RejoinParamSetupReq (LoRaWAN 1.1 §5.14): a type 0 Rejoin-request at least every 2^(MaxCountN + 4) uplinks and
        /// every 2^(MaxTimeN + 10) s. This device keeps time (the MAC clock), so it accepts both limits: TimeOK = 1.
        /// </summary>
        void RejoinParamSetup(byte[] b, int p)
        {
            _session.Network.RejoinParam = b[p];
            StateChanged = true;
            _answers.Append(RejoinParamSetupAns.Write(_answers.FreshBuffer, _answers.FreshLength, true));
        }

        /// <summary>
        /// ResetConf / RekeyConf carrying "Serv LoRaWAN version" <paramref name="minor"/>: the device's RekeyInd or ResetInd
        /// stops when the server names LoRaWAN 1.1 (Minor 1, the device's own version; §5.1, §5.10). A Conf nobody asked for,
        /// or one naming another version, changes nothing (the indication goes on). No answer.
        /// </summary>
        void ConfirmIndication(byte cid, int minor)
        {
            LoRaWan.Session.SessionKeys keys = _session.Keys;
            bool owed = cid == Cid.Rekey ? keys.RekeyOwed : keys.ResetOwed;
            if (!owed || minor != 1) { Ignored++; return; }
            if (cid == Cid.Rekey) keys.RekeyOwed = false;
            else keys.ResetOwed = false;
            if (_answers.Indication == cid) _answers.Indication = 0;
            StateChanged = true;
        }

        /// <summary>NewChannelReq (LoRaWAN 1.0.4 §5.6).</summary>
        void NewChannel(byte[] b, int p)
        {
            // RP002-1.0.4: US915/AU915 do not implement NewChannelReq; the device ignores it (no answer).
            if (!_region.SupportsChannelCommands) { Ignored++; return; }
            int ns = _region.ApplyNewChannel(_plan, NewChannelReq.ChIndex(b, p), NewChannelReq.Frequency(b, p),
                NewChannelReq.MinDataRate(b, p), NewChannelReq.MaxDataRate(b, p));
            if (ns == 3) StateChanged = true;
            _answers.Append(NewChannelAns.Write(_answers.FreshBuffer, _answers.FreshLength, (ns & 2) != 0, (ns & 1) != 0));
        }

        /// <summary>DlChannelReq (LoRaWAN 1.0.4 §5.6).</summary>
        void DlChannel(byte[] b, int p)
        {
            if (!_region.SupportsChannelCommands) { Ignored++; return; }
            int ds = _region.ApplyDlChannel(_plan, DlChannelReq.ChIndex(b, p), DlChannelReq.Frequency(b, p));
            if (ds == 3) StateChanged = true;
            _answers.Append(DlChannelAns.Write(_answers.FreshBuffer, _answers.FreshLength, (ds & 2) != 0, (ds & 1) != 0));
        }

        /// <summary>
        /// RXParamSetupReq (LoRaWAN 1.0.4 §5.4): RX1DROffset, RX2 data rate and RX2 frequency, each checked; all three
        /// applied only when all three are acceptable. The answer is sticky.
        /// </summary>
        void RxParamSetup(byte[] b, int p)
        {
            int offset = RxParamSetupReq.Rx1DrOffset(b, p);
            int rx2Dr = RxParamSetupReq.Rx2DataRate(b, p);
            uint frequency = RxParamSetupReq.Frequency(b, p);
            bool channelOk = _region.IsFrequencyValid(frequency);
            bool dataRateOk = _region.IsDownlinkDataRate(rx2Dr) && _region.IsDataRateSupported(rx2Dr);
            bool offsetOk = offset <= _region.MaxRx1DrOffset && _region.GetRx1DataRate(_plan, _session.DataRate, offset) >= 0;
            if (channelOk && dataRateOk && offsetOk)
            {
                _session.Rx1DrOffset = offset;
                _session.Rx2DataRate = rx2Dr;
                _session.Rx2FrequencyHz = frequency;
                StateChanged = true;
            }
            _answers.Append(RxParamSetupAns.Write(_answers.FreshBuffer, _answers.FreshLength, offsetOk, dataRateOk, channelOk));
        }

        // ---- LinkADRReq (LoRaWAN 1.0.4 §5.2) ----

        void AddToAdrBlock(byte[] b, int p)
        {
            if (_blockCount == 0)
            {
                // The block is tried on a copy; the live plan changes only if every part is accepted.
                _scratch.CopyFrom(_plan);
                _blockMaskOk = true;
            }
            _blockCount++;
            if (!_region.ApplyChannelMask(_scratch, LinkAdrReq.ChMaskCntl(b, p), LinkAdrReq.ChMask(b, p))) _blockMaskOk = false;
            // DataRate, TXPower and NbTrans come from the last command of the block.
            _blockDataRate = LinkAdrReq.DataRate(b, p);
            _blockTxPower = LinkAdrReq.TxPower(b, p);
            _blockNbTrans = LinkAdrReq.NbTrans(b, p);
        }

        void FinishAdrBlock()
        {
            int count = _blockCount;
            _blockCount = 0;
            bool v104 = _version >= LoRaWanVersion.V1_0_4;   // 1.0.4 §5.3 and 1.1 §5.3: DataRate/TXPower 0xF = keep
            bool keepDr = v104 && _blockDataRate == Keep;
            bool keepPower = v104 && _blockTxPower == Keep;
            int dataRate = keepDr || !_session.Adr ? _session.DataRate : _blockDataRate;
            int power = keepPower || !_session.Adr ? _session.TxPowerIndex : _blockTxPower;

            // The mask must enable a channel, and satisfy the region's rule for the rate it will be used with
            // (US915/AU915: at least two 125 kHz channels for a 125 kHz rate, see Region.IsChannelMaskAllowed).
            bool maskOk = _blockMaskOk && _region.HasEnabledChannel(_scratch) && _region.IsChannelMaskAllowed(_scratch, dataRate);
            // Data rate ACK: a rate this device can send with, carried by an enabled channel of the new mask (a kept
            // rate must also still be carried: the mask must not strand the device).
            bool drOk = _region.IsDataRateAvailable(maskOk ? _scratch : _plan, dataRate);
            bool powerOk = _region.IsTxPowerIndexValid(power);
            int nbTrans = _blockNbTrans;
            // NbTrans 0: the end-device uses the default value, 1 (LoRaWAN 1.0.4 §5.2; LoRaMac-node
            // RegionCommonLinkAdrReqVerifyParams "restore the default value according to the LoRaWAN specification").
            if (nbTrans == 0) nbTrans = 1;

            bool dataRateAck;
            bool powerAck;
            if (_session.Adr)
            {
                dataRateAck = drOk;
                powerAck = powerOk;
                if (maskOk && drOk && powerOk)
                {
                    _plan.CopyFrom(_scratch);
                    _session.DataRate = dataRate;
                    _session.TxPowerIndex = power;
                    _session.NbTrans = nbTrans;
                    StateChanged = true;
                }
            }
            else
            {
                // ADR off (LoRaWAN 1.0.4 §4.3.1.1): the device keeps its own data rate, power and NbTrans and takes
                // only the channel mask; it acknowledges the parts it honours ("keep" values in 1.0.4).
                dataRateAck = keepDr;
                powerAck = keepPower;
                if (maskOk && drOk)
                {
                    _plan.CopyFrom(_scratch);
                    StateChanged = true;
                }
                else maskOk = false;
            }

            // One LinkADRAns per LinkADRReq of the block, all with the block's status.
            for (int i = 0; i < count; i++)
                _answers.Append(LinkAdrAns.Write(_answers.FreshBuffer, _answers.FreshLength, powerAck, dataRateAck, maskOk));
        }

        /// <summary>SNR in quarter dB to whole dB, rounded half away from zero.</summary>
        static int RoundQuarterDb(int quarterDb)
        {
            return quarterDb >= 0 ? (quarterDb + 2) / 4 : -((-quarterDb + 2) / 4);
        }
    }
}
