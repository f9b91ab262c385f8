using LoRaWan.Frames;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    // What the network asks next (The Things Stack's order of business, LoRaWAN 1.0.4 §5): answers to the device's own
    // requests first, then DevStatusReq when due, RXParamSetupReq towards the configured RX2, the on-demand
    // RXTimingSetupReq / DutyCycleReq / TxParamSetupReq, NewChannelReq for missing extra channels, DlChannelReq, and
    // LinkADRReq from ADR — as many as fit in the 15 bytes of FOpts. For each request the answer the device should
    // give is worked out on a copy of the network's view of the device, in the order the device will process them.
    public sealed partial class NetworkServer
    {
        void QueueRequests(ulong now, NetworkSession s, NetworkMacState m, UplinkRecord rec, bool linkCheck, bool deviceTime)
        {
            bool hadQueued = m.QueuedLength > 0;
            m.QueuedLength = 0;
            m.QueuedCount = 0;
            m.Scratch.CopyFrom(s.ChannelPlan);
            int sf = _region.GetSpreadingFactor(rec.DataRate);

            if (linkCheck)
            {
                // LinkCheckAns (§5.1): margin above the demodulation floor of the request's data rate, gateways that heard it.
                float marginDb = rec.SnrDb - AdrAlgorithm.RequiredSnrDb(sf);
                int margin = marginDb <= 0 ? 0 : (int)(marginDb + 0.5f);
                if (margin > 254) margin = 254;
                int gateways = rec.GatewayCount < 1 ? 1 : (rec.GatewayCount > 255 ? 255 : rec.GatewayCount);
                if (Queue(m, LinkCheckAns.Write(m.Queued, m.QueuedLength, margin, gateways), NoAnswer, -1, false)) _macCounters.LinkChecksAnswered++;
            }
            if (deviceTime)
            {
                // DeviceTimeAns (§5.9): GPS time at the end of the uplink that carried the request, 1/256 s fraction.
                ulong gpsUs = _mac.GpsSecondsAtZero * 1000000UL + rec.UplinkEndUs;
                uint seconds = (uint)(gpsUs / 1000000UL);
                int fraction = (int)((gpsUs % 1000000UL) * 256UL / 1000000UL);
                if (Queue(m, DeviceTimeAns.Write(m.Queued, m.QueuedLength, seconds, fraction), NoAnswer, -1, false)) _macCounters.DeviceTimesAnswered++;
            }
            QueueConfirmations(m);

            if (_mac.Enabled)
            {
                if (DevStatusDue(m, rec, now)) Queue(m, DevStatusReq.Write(m.Queued, m.QueuedLength), NoStatus, -1, true);
                QueueRxParamSetup(s, m, rec);
                if (m.RequestRxDelaySeconds > 0) Queue(m, RxTimingSetupReq.Write(m.Queued, m.QueuedLength, m.RequestRxDelaySeconds), NoStatus, -1, true);
                if (m.RequestMaxDutyCycle >= 0) Queue(m, DutyCycleReq.Write(m.Queued, m.QueuedLength, m.RequestMaxDutyCycle), NoStatus, -1, true);
                QueueAdrParamSetup(s, m);
                QueueRejoinRequests(s, m);
                if (m.RequestTxParam >= 0)
                {
                    // Regions without TxParamSetupReq: the device must ignore it and not answer (RP002-1.0.4).
                    bool supported = _region.SupportsTxParamSetup;
                    int v = m.RequestTxParam;
                    if (Queue(m, TxParamSetupReq.Write(m.Queued, m.QueuedLength, (v & 0x20) != 0, (v & 0x10) != 0, v & 0x0F), supported ? NoStatus : NoAnswer, -1, true) && supported)
                        _region.ApplyTxParamSetup(m.Scratch, v);
                }
                QueueNewChannels(m);
                if (m.RequestDlChannel >= 0 && m.QueuedLength + 5 <= m.Queued.Length)
                {
                    int expected = _region.SupportsChannelCommands ? _region.ApplyDlChannel(m.Scratch, m.RequestDlChannel, m.RequestDlFrequencyHz) : NoAnswer;
                    Queue(m, DlChannelReq.Write(m.Queued, m.QueuedLength, m.RequestDlChannel, m.RequestDlFrequencyHz), expected, -1, true);
                }
                if (rec.Adr) QueueLinkAdr(m, rec);
            }

            if (m.QueuedLength > 0)
            {
                s.SetPendingFOpts(m.Queued, 0, m.QueuedLength);
                var o = _observer as IMacCommandObserver;
                if (o != null) o.MacCommandsQueued(now, s.DevAddr, m.Queued, 0, m.QueuedLength);
            }
            else if (hadQueued) s.SetPendingFOpts(null, 0, 0);
        }

        /// <summary>Appends a command the writer just wrote (0 = it did not fit): its expected answer and LinkADR block.</summary>
        bool Queue(NetworkMacState m, int written, int expected, int blockStart, bool request)
        {
            if (written <= 0 || m.QueuedCount >= NetworkMacState.MaxRequests) return false;
            m.QueuedOffset[m.QueuedCount] = m.QueuedLength;
            m.QueuedExpected[m.QueuedCount] = expected;
            m.QueuedBlockStart[m.QueuedCount] = blockStart;
            m.QueuedCount++;
            m.QueuedLength += written;
            if (request) _macCounters.RequestsQueued++;
            return true;
        }

        bool DevStatusDue(NetworkMacState m, UplinkRecord rec, ulong now)
        {
            if (!m.DevStatusEverAsked) return true;
            if (_mac.DevStatusPeriodUplinks > 0 && rec.FCnt - m.DevStatusFCnt >= (uint)_mac.DevStatusPeriodUplinks) return true;
            return _mac.DevStatusPeriodUs > 0 && now - m.DevStatusUs >= _mac.DevStatusPeriodUs;
        }

        /// <summary>RXParamSetupReq (§5.4) when the session's RX1DROffset / RX2 differ from the configured target (valid targets only).</summary>
        void QueueRxParamSetup(NetworkSession s, NetworkMacState m, UplinkRecord rec)
        {
            int offset = _mac.Rx1DrOffset >= 0 ? _mac.Rx1DrOffset : s.Rx1DrOffset;
            int rx2Dr = _mac.Rx2DataRate >= 0 ? _mac.Rx2DataRate : s.Rx2DataRate;
            uint frequency = _mac.Rx2FrequencyHz != 0 ? _mac.Rx2FrequencyHz : s.Rx2FrequencyHz;
            if (offset == s.Rx1DrOffset && rx2Dr == s.Rx2DataRate && frequency == s.Rx2FrequencyHz) return;
            bool channelOk = _region.IsFrequencyValid(frequency);
            bool dataRateOk = _region.IsDownlinkDataRate(rx2Dr) && _region.IsDataRateSupported(rx2Dr);
            bool offsetOk = offset <= _region.MaxRx1DrOffset && _region.GetRx1DataRate(m.Scratch, rec.DataRate, offset) >= 0;
            if (!channelOk || !dataRateOk || !offsetOk) return;
            Queue(m, RxParamSetupReq.Write(m.Queued, m.QueuedLength, offset, rx2Dr, frequency), 0x07, -1, true);
        }

        /// <summary>NewChannelReq (§5.6) for each of the CFList channels the device does not have (dynamic plans).</summary>
        void QueueNewChannels(NetworkMacState m)
        {
            if (!_mac.ExtraChannels || _region.IsFixedChannelPlan) return;
            int count = _options.GetCfListFrequencies(_region.Name, _cfListFrequencies);
            int first = _region.DefaultChannelCount;
            int minDr = m.Scratch.GetMinDataRate(0);
            int maxDr = m.Scratch.GetMaxDataRate(0);
            for (int i = 0; i < count && first + i < ChannelPlan.MaxDynamicChannels; i++)
            {
                uint f = _cfListFrequencies[i];
                int ch = first + i;
                if (f == 0 || m.Scratch.GetFrequency(ch) == f) continue;
                if (m.QueuedLength + 6 > m.Queued.Length) return;
                int expected = _region.ApplyNewChannel(m.Scratch, ch, f, minDr, maxDr);
                Queue(m, NewChannelReq.Write(m.Queued, m.QueuedLength, ch, f, minDr, maxDr), expected, -1, true);
            }
        }

        /// <summary>
        /// LinkADRReq (§5.3) when ADR moves the device or its channel mask should change: dynamic plans one command
        /// (ChMaskCntl 0, every defined channel on); fixed plans ChMaskCntl 7 (500 kHz channels) then ChMaskCntl 0..3
        /// for each group of sixteen 125 kHz channels in use.
        /// </summary>
        void QueueLinkAdr(NetworkMacState m, UplinkRecord rec)
        {
            int dataRate = rec.DataRate;
            int power = m.TxPowerIndex;
            bool change = false;
            int needed = m.AdrMinUplinks(_mac.AdrMinUplinks);
            if (_mac.Adr && m.AdrCount >= needed)
            {
                float best = m.AdrSnr[0];
                for (int i = 1; i < m.AdrCount; i++) if (m.AdrSnr[i] > best) best = m.AdrSnr[i];
                AdrAlgorithm.Decide(_region, m.Scratch, rec.DataRate, m.TxPowerIndex, best, _mac.InstallationMarginDb, out dataRate, out power);
                change = dataRate != rec.DataRate || power != m.TxPowerIndex;
            }
            ChannelPlan plan = m.Scratch;
            bool fixedPlan = _region.IsFixedChannelPlan;
            int dynamicMask = 0;
            if (!fixedPlan)
            {
                for (int ch = 0; ch < ChannelPlan.MaxDynamicChannels; ch++)
                    if (plan.GetFrequency(ch) != 0) dynamicMask |= 1 << ch;
                for (int ch = 0; ch < ChannelPlan.MaxDynamicChannels && !change; ch++)
                    if (plan.IsEnabled(ch) != ((dynamicMask & (1 << ch)) != 0)) change = true;
            }
            if (!change) return;

            int start = m.QueuedCount;
            // US915/AU915: "all 125 kHz off + 500 kHz mask" (ChMaskCntl 7), then the non-empty 125 kHz words.
            // Other fixed plans (CN470): every ChMask block word, so no plan-specific "all off" is needed.
            var fixedRegion = _region as FixedChannelRegion;
            bool usControls = fixedRegion != null && fixedRegion.UsesUsChannelMaskControls;
            int blocks = fixedRegion != null ? fixedRegion.ChannelMaskBlocks : 0;
            int commands = 1;
            if (fixedPlan && usControls) for (int w = 0; w < 4; w++) if (Word(plan, w) != 0) commands++;
            if (fixedPlan && !usControls) commands = blocks;
            if (m.QueuedLength + 5 * commands > m.Queued.Length) return;

            // The device's answer: masks applied in order on a copy, data rate on the resulting mask (§5.3).
            m.BlockScratch.CopyFrom(plan);
            bool maskOk = true;
            int nbTrans = m.NbTrans;
            if (!fixedPlan)
            {
                if (!_region.ApplyChannelMask(m.BlockScratch, 0, dynamicMask)) maskOk = false;
            }
            else if (usControls)
            {
                if (!_region.ApplyChannelMask(m.BlockScratch, 7, Word(plan, 4) & 0xFF)) maskOk = false;
                for (int w = 0; w < 4; w++)
                    if (Word(plan, w) != 0 && !_region.ApplyChannelMask(m.BlockScratch, w, Word(plan, w))) maskOk = false;
            }
            else
            {
                for (int w = 0; w < blocks; w++)
                    if (!_region.ApplyChannelMask(m.BlockScratch, w, Word(plan, w))) maskOk = false;
            }
            maskOk = maskOk && _region.HasEnabledChannel(m.BlockScratch);
            bool dataRateOk = _region.IsDataRateAvailable(maskOk ? m.BlockScratch : plan, dataRate);
            bool powerOk = _region.IsTxPowerIndexValid(power);
            int expected = (powerOk ? 4 : 0) | (dataRateOk ? 2 : 0) | (maskOk ? 1 : 0);
            if (expected != 0x07) return;   // never ask for what the device must refuse

            if (!fixedPlan)
            {
                Queue(m, LinkAdrReq.Write(m.Queued, m.QueuedLength, dataRate, power, dynamicMask, 0, nbTrans), expected, start, true);
                return;
            }
            if (!usControls)
            {
                for (int w = 0; w < blocks; w++)
                    Queue(m, LinkAdrReq.Write(m.Queued, m.QueuedLength, dataRate, power, Word(plan, w), w, nbTrans), expected, start, true);
                return;
            }
            Queue(m, LinkAdrReq.Write(m.Queued, m.QueuedLength, dataRate, power, Word(plan, 4) & 0xFF, 7, nbTrans), expected, start, true);
            for (int w = 0; w < 4; w++)
                if (Word(plan, w) != 0) Queue(m, LinkAdrReq.Write(m.Queued, m.QueuedLength, dataRate, power, Word(plan, w), w, nbTrans), expected, start, true);
        }

        /// <summary>Channels 16·w .. 16·w + 15 of <paramref name="plan"/> as a ChMask word.</summary>
        static int Word(ChannelPlan plan, int w)
        {
            int v = 0;
            for (int i = 0; i < 16; i++) if (plan.IsEnabled(16 * w + i)) v |= 1 << i;
            return v;
        }
    }
}
