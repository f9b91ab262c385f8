using System;
using LoRaWan.Frames;

namespace LoRaWan.Simulation
{
    // MAC commands, network side (LoRaWAN 1.0.4 §5): after each accepted uplink the server checks the answers it
    // carries against the requests of the previous downlink, answers LinkCheckReq and DeviceTimeReq, feeds ADR, and
    // queues the next requests (NetworkServer.MacRequests.cs) in the session's pending FOpts.
    public sealed partial class NetworkServer
    {
        readonly NetworkMacOptions _mac = new NetworkMacOptions();
        readonly NetworkMacCounters _macCounters = new NetworkMacCounters();
        readonly MacCommandReader _macReader = new MacCommandReader();

        /// <summary>What the network asks devices for with MAC commands (change at any time).</summary>
        public NetworkMacOptions Mac
        {
            get { return _mac; }
        }

        /// <summary>MAC command exchanges and how the devices answered.</summary>
        public NetworkMacCounters MacCounters
        {
            get { return _macCounters; }
        }

        /// <summary>The MAC command state of the device's session (pending or active); null before a session exists.</summary>
        public NetworkMacState GetMacState(ulong devEui)
        {
            lock (_sync)
            {
                NetworkSession s = SessionOf(devEui);
                return s == null ? null : MacStateOf(s);
            }
        }

        /// <summary>Asks the device for RECEIVE_DELAY1 = <paramref name="delaySeconds"/> (1..15) with RXTimingSetupReq in a coming downlink.</summary>
        public void RequestRxTiming(ulong devEui, int delaySeconds)
        {
            if (delaySeconds < 1 || delaySeconds > 15) throw new ArgumentOutOfRangeException("delaySeconds", "RX1 delay is 1..15 s");
            lock (_sync) MacStateOf(RequireSession(devEui)).RequestRxDelaySeconds = delaySeconds;
        }

        /// <summary>Asks the device for an aggregated duty cycle of 1/2^<paramref name="maxDCycle"/> (0..15) with DutyCycleReq.</summary>
        public void RequestDutyCycle(ulong devEui, int maxDCycle)
        {
            if (maxDCycle < 0 || maxDCycle > 15) throw new ArgumentOutOfRangeException("maxDCycle", "MaxDCycle is 0..15");
            lock (_sync) MacStateOf(RequireSession(devEui)).RequestMaxDutyCycle = maxDCycle;
        }

        /// <summary>
        /// Sends TxParamSetupReq (dwell times, MaxEIRP index 0..15). In regions that do not implement it the device must
        /// ignore it: the network then expects no answer.
        /// </summary>
        public void RequestTxParamSetup(ulong devEui, bool downlinkDwellTime, bool uplinkDwellTime, int maxEirpIndex)
        {
            if (maxEirpIndex < 0 || maxEirpIndex > 15) throw new ArgumentOutOfRangeException("maxEirpIndex", "MaxEIRP is 0..15");
            lock (_sync) MacStateOf(RequireSession(devEui)).RequestTxParam = (downlinkDwellTime ? 0x20 : 0) | (uplinkDwellTime ? 0x10 : 0) | maxEirpIndex;
        }

        /// <summary>Moves RX1 of uplink channel <paramref name="channel"/> to <paramref name="frequencyHz"/> with DlChannelReq.</summary>
        public void RequestDlChannel(ulong devEui, int channel, uint frequencyHz)
        {
            if (channel < 0 || channel > 255) throw new ArgumentOutOfRangeException("channel");
            lock (_sync)
            {
                NetworkMacState m = MacStateOf(RequireSession(devEui));
                m.RequestDlChannel = channel;
                m.RequestDlFrequencyHz = frequencyHz;
            }
        }

        NetworkSession SessionOf(ulong devEui)
        {
            NetworkDevice d = FindDevice(devEui);
            if (d == null) return null;
            return d.Session != null ? d.Session : d.PendingSession;
        }

        NetworkSession RequireSession(ulong devEui)
        {
            NetworkSession s = SessionOf(devEui);
            if (s == null) throw new InvalidOperationException("DevEUI " + devEui.ToString("X16") + " has no session");
            return s;
        }

        NetworkMacState MacStateOf(NetworkSession s)
        {
            if (s.Mac == null) s.Mac = new NetworkMacState(_region);
            return s.Mac;
        }

        /// <summary>
        /// HandleDataUplink, just before the downlink is scheduled: checks the answers in the uplink (FOpts, or the
        /// FPort-0 payload already decrypted with NwkSKey), answers the device's requests, feeds ADR and queues the
        /// next requests. Returns true when a downlink should go even with nothing else to send (a sticky answer
        /// arrived: only a downlink stops its repetition).
        /// </summary>
        bool HandleMacCommands(ulong now, NetworkSession s, UplinkRecord rec)
        {
            NetworkMacState m = MacStateOf(s);
            // A repetition of the frame already handled (NbTrans, confirmed retry) says nothing new.
            if (rec.IsRetransmission) return false;

            // The requests queued after the previous uplink went out when the session's pending FOpts were taken.
            if (m.QueuedLength > 0 && s.PendingFOptsLength == 0) MoveQueuedToInFlight(m);

            byte[] b = null;
            int length = 0;
            if (rec.FOptsLength > 0)
            {
                b = rec.FOpts;
                length = rec.FOptsLength;
            }
            else if (rec.FPort == 0)
            {
                b = rec.Payload;
                length = rec.PayloadLength;
            }

            bool wantDownlink = false;
            bool linkCheck = false;
            bool deviceTime = false;
            int resetMinor = -1;
            if (length > 0)
            {
                _macReader.Reset(b, 0, length, false);
                while (_macReader.MoveNext())
                {
                    byte cid = _macReader.Cid;
                    int at = _macReader.CommandOffset;
                    int size = 1 + _macReader.PayloadLength;
                    if (cid == Cid.LinkCheck || (cid == Cid.DeviceTime && s.Device.MacVersion >= LoRaWanVersion.V1_0_3))
                    {
                        if (cid == Cid.LinkCheck) linkCheck = true;
                        else deviceTime = true;
                        Observe(now, s, b, at, size, MacAnswerVerdict.DeviceRequest, -1);
                        continue;
                    }
                    if (s.Is11 && (cid == Cid.Rekey || cid == Cid.Reset || cid == Cid.DeviceMode))
                    {
                        if (cid == Cid.Reset) resetMinor = ResetInd.Minor(b, at + 1);
                        else Indicate(s, m, b, at);
                        Observe(now, s, b, at, size, MacAnswerVerdict.DeviceRequest, -1);
                        continue;
                    }
                    if (CheckAnswer(now, s, m, rec, b, at, size)) wantDownlink = true;
                }
                if (_macReader.Status != MacCommandStatus.End) _macCounters.MalformedSequences++;
            }

            // Requests of the last downlink that got no answer are asked again (The Things Stack does the same).
            for (int i = 0; i < m.InFlightCount; i++)
            {
                if (m.InFlightAnswered[i] || m.InFlightExpected[i] == NoAnswer) continue;
                _macCounters.AnswersMissing++;
                int end = i + 1 < m.InFlightCount ? m.InFlightOffset[i + 1] : InFlightLength(m);
                Observe(now, s, m.InFlight, m.InFlightOffset[i], end - m.InFlightOffset[i], MacAnswerVerdict.Missing, m.InFlightExpected[i]);
            }
            m.InFlightCount = 0;
            if (resetMinor >= 0 && !s.Device.IsOtaa) m = ResetMacState(s, resetMinor);

            if (rec.DataRate != m.AdrHistoryDataRate || m.TxPowerIndex != m.AdrHistoryPower)
            {
                // The device changed data rate or power (ADR command, back-off, its own choice): start over.
                m.ClearAdrHistory();
                m.AdrHistoryDataRate = rec.DataRate;
                m.AdrHistoryPower = m.TxPowerIndex;
            }
            if (rec.Adr) m.AddSnr(rec.SnrDb);
            m.DataRate = rec.DataRate;

            QueueRequests(now, s, m, rec, linkCheck, deviceTime);
            return wantDownlink;
        }

        /// <summary>Marks an answer as the model says; true when it is a sticky answer (the device repeats it until a downlink).</summary>
        bool CheckAnswer(ulong now, NetworkSession s, NetworkMacState m, UplinkRecord rec, byte[] b, int at, int size)
        {
            byte cid = b[at];
            int status = size > 1 ? b[at + 1] : -1;
            bool sticky = MacCommandTable.IsStickyAnswer(cid);

            int match = -1;
            for (int i = 0; i < m.InFlightCount && match < 0; i++)
                if (!m.InFlightAnswered[i] && m.InFlight[m.InFlightOffset[i]] == cid && m.InFlightExpected[i] != NoAnswer) match = i;

            if (match >= 0)
            {
                m.InFlightAnswered[match] = true;
                int expected = m.InFlightExpected[match];
                bool ok = expected >= 0 ? status == expected : AnswerWellFormed(cid, b, at, size);
                if (ok)
                {
                    _macCounters.AnswersCorrect++;
                    ApplyAccepted(now, s, m, rec, match, b, at);
                }
                else _macCounters.AnswersWrong++;
                ClearOnDemand(m, cid);
                // Whatever the answer, ADR decides again only on a fresh history (no LinkADRReq on every uplink).
                if (cid == Cid.LinkAdr) m.ClearAdrHistory();
                Observe(now, s, b, at, size, ok ? MacAnswerVerdict.Correct : MacAnswerVerdict.Wrong, expected);
                if (sticky && cid < m.StickySeen.Length)
                {
                    m.StickySeen[cid] = true;
                    m.StickyStatus[cid] = status;
                    m.StickyDownlinks[cid] = s.DownlinkCount;
                }
                return sticky;
            }

            if (sticky && cid < m.StickySeen.Length && m.StickySeen[cid] && m.StickyStatus[cid] == status)
            {
                // LoRaWAN 1.0.4 §5.4/§5.7/§5.8: repeated in every uplink until a Class A downlink reaches the device.
                _macCounters.StickyRepeats++;
                if (s.DownlinkCount > m.StickyDownlinks[cid]) _macCounters.LateStickyRepeats++;
                Observe(now, s, b, at, size, MacAnswerVerdict.StickyRepeat, status);
                return true;
            }
            _macCounters.AnswersUnexpected++;
            Observe(now, s, b, at, size, MacAnswerVerdict.Unexpected, -1);
            return false;
        }

        /// <summary>Answers without a status byte to compare: only their reserved bits can be wrong.</summary>
        static bool AnswerWellFormed(byte cid, byte[] b, int at, int size)
        {
            // DevStatusAns RadioStatus: bits 7..6 RFU (LoRaWAN 1.0.4 §5.5).
            if (cid == Cid.DevStatus) return size == 3 && (b[at + 2] & 0xC0) == 0;
            return true;
        }

        /// <summary>The device accepted in-flight request <paramref name="index"/>: the network's view of it changes too.</summary>
        void ApplyAccepted(ulong now, NetworkSession s, NetworkMacState m, UplinkRecord rec, int index, byte[] answer, int at)
        {
            byte[] q = m.InFlight;
            int p = m.InFlightOffset[index] + 1;
            switch (q[p - 1])
            {
                case Cid.LinkAdr:
                    // The block applies when its last LinkADRAns arrives fully acknowledged.
                    if (index + 1 < m.InFlightCount && m.InFlightBlockStart[index + 1] == m.InFlightBlockStart[index]) break;
                    if (m.InFlightExpected[index] != 0x07) break;
                    m.Scratch.CopyFrom(s.ChannelPlan);
                    for (int i = m.InFlightBlockStart[index]; i <= index; i++)
                    {
                        int r = m.InFlightOffset[i] + 1;
                        _region.ApplyChannelMask(m.Scratch, LinkAdrReq.ChMaskCntl(q, r), LinkAdrReq.ChMask(q, r));
                    }
                    s.ChannelPlan.CopyFrom(m.Scratch);
                    m.TxPowerIndex = LinkAdrReq.TxPower(q, p);
                    m.NbTrans = LinkAdrReq.NbTrans(q, p) == 0 ? m.NbTrans : LinkAdrReq.NbTrans(q, p);
                    m.AdrChanges++;
                    m.ClearAdrHistory();
                    // This uplink already went out with the new settings (the device applies them at once).
                    m.AdrHistoryDataRate = rec.DataRate;
                    m.AdrHistoryPower = m.TxPowerIndex;
                    break;
                case Cid.RxParamSetup:
                    if (m.InFlightExpected[index] != 0x07) break;
                    s.Rx1DrOffset = RxParamSetupReq.Rx1DrOffset(q, p);
                    s.Rx2DataRate = RxParamSetupReq.Rx2DataRate(q, p);
                    s.Rx2FrequencyHz = RxParamSetupReq.Frequency(q, p);
                    break;
                case Cid.RxTimingSetup:
                    s.RxDelaySeconds = RxTimingSetupReq.DelaySeconds(q, p);
                    break;
                case Cid.DutyCycle:
                    m.MaxDutyCycle = DutyCycleReq.MaxDCycle(q, p);
                    break;
                case Cid.TxParamSetup:
                    _region.ApplyTxParamSetup(s.ChannelPlan, q[p]);
                    break;
                case Cid.NewChannel:
                    if (m.InFlightExpected[index] == 0x03)
                        _region.ApplyNewChannel(s.ChannelPlan, NewChannelReq.ChIndex(q, p), NewChannelReq.Frequency(q, p),
                            NewChannelReq.MinDataRate(q, p), NewChannelReq.MaxDataRate(q, p));
                    break;
                case Cid.DlChannel:
                    if (m.InFlightExpected[index] == 0x03) _region.ApplyDlChannel(s.ChannelPlan, DlChannelReq.ChIndex(q, p), DlChannelReq.Frequency(q, p));
                    break;
                case Cid.AdrParamSetup:
                    m.AdrAckLimitExponent = AdrParamSetupReq.LimitExp(q, p);
                    m.AdrAckDelayExponent = AdrParamSetupReq.DelayExp(q, p);
                    m.AdrParamSetupCount++;
                    break;
                case Cid.RejoinParamSetup:
                    m.RejoinParamTimeOk = RejoinParamSetupAns.Status(answer, at + 1) & RejoinParamSetupAns.TimeOk;
                    m.RejoinParamSetupCount++;
                    break;
                case Cid.DevStatus:
                    m.LastBattery = DevStatusAns.Battery(answer, at + 1);
                    m.LastMarginDb = DevStatusAns.Margin(answer, at + 1);
                    m.DevStatusCount++;
                    m.DevStatusEverAsked = true;
                    m.DevStatusFCnt = rec.FCnt;
                    m.DevStatusUs = now;
                    break;
            }
        }

        static void ClearOnDemand(NetworkMacState m, byte cid)
        {
            switch (cid)
            {
                case Cid.RxTimingSetup: m.RequestRxDelaySeconds = -1; break;
                case Cid.DutyCycle: m.RequestMaxDutyCycle = -1; break;
                case Cid.TxParamSetup: m.RequestTxParam = -1; break;
                case Cid.DlChannel: m.RequestDlChannel = -1; break;
                case Cid.AdrParamSetup: m.RequestAdrParam = -1; break;
                case Cid.ForceRejoin: m.RequestForceRejoin = -1; m.ForceRejoinCount++; break;
                case Cid.RejoinParamSetup: m.RequestRejoinParam = -1; break;
            }
        }

        void MoveQueuedToInFlight(NetworkMacState m)
        {
            Array.Copy(m.Queued, 0, m.InFlight, 0, m.QueuedLength);
            for (int i = 0; i < m.QueuedCount; i++)
            {
                m.InFlightOffset[i] = m.QueuedOffset[i];
                m.InFlightExpected[i] = m.QueuedExpected[i];
                m.InFlightBlockStart[i] = m.QueuedBlockStart[i];
                m.InFlightAnswered[i] = false;
                // Requests the device must ignore (no answer) need nothing more; on-demand ones are done.
                if (m.QueuedExpected[i] == NoAnswer) ClearOnDemand(m, m.Queued[m.QueuedOffset[i]]);
            }
            m.InFlightCount = m.QueuedCount;
            m.InFlightLength = m.QueuedLength;
            m.QueuedLength = 0;
            m.QueuedCount = 0;
        }

        static int InFlightLength(NetworkMacState m)
        {
            return m.InFlightLength;
        }

        /// <summary>Expected-answer marker of a request the device must not answer (e.g. TxParamSetupReq in EU868).</summary>
        internal const int NoAnswer = -2;

        /// <summary>Expected-answer marker of a request whose answer has no status byte.</summary>
        internal const int NoStatus = -1;

        void Observe(ulong now, NetworkSession s, byte[] b, int at, int size, MacAnswerVerdict verdict, int expected)
        {
            var o = _observer as IMacCommandObserver;
            if (o != null) o.MacCommandChecked(now, s.DevAddr, b, at, size, verdict, expected);
        }
    }
}
