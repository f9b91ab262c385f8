using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The EU-like plan family (RP002-1.0.4 EU863-870, AS923, IN865-867, KR920-923): a few default channels
    /// that every device knows and that carry Join-Requests, up to 16 channels in all, more channels from a
    /// type-0 CFList or NewChannelReq, RX1 on the uplink frequency (or the DlChannelReq frequency), and
    /// LinkADRReq ChMaskCntl 0 (mask of channels 0..15) and 6 (all defined channels on).
    /// </summary>
    public sealed class DynamicChannelRegion : Region
    {
        private const int ChannelSlots = ChannelPlan.MaxDynamicChannels;
        private const int CfListChannels = 5;

        private readonly uint[] _defaultChannels;
        private readonly int _channelMinDr;
        private readonly int _channelMaxDr;
        private readonly uint _rasterStartHz;
        private readonly uint _rasterStepHz;

        /// <param name="name">RP002 name</param>
        /// <param name="id">persisted identifier</param>
        /// <param name="defaultChannels">default channel frequencies in Hz; they are the join channels</param>
        /// <param name="channelMinDr">lowest DR of default and CFList channels</param>
        /// <param name="channelMaxDr">highest DR of default and CFList channels</param>
        /// <param name="rasterStartHz">first frequency of the region's channel raster (0 = any multiple of 100 Hz)</param>
        /// <param name="rasterStepHz">raster step (0 = none)</param>
        internal DynamicChannelRegion(string name, RegionId id, uint[] defaultChannels, int channelMinDr, int channelMaxDr,
            uint rasterStartHz, uint rasterStepHz)
            : base(name, id)
        {
            _defaultChannels = defaultChannels;
            _channelMinDr = channelMinDr;
            _channelMaxDr = channelMaxDr;
            _rasterStartHz = rasterStartHz;
            _rasterStepHz = rasterStepHz;
        }

        /// <inheritdoc />
        public override bool IsFixedChannelPlan
        {
            get { return false; }
        }

        /// <inheritdoc />
        public override int ChannelCount
        {
            get { return ChannelSlots; }
        }

        /// <inheritdoc />
        public override int DefaultChannelCount
        {
            get { return _defaultChannels.Length; }
        }

        /// <inheritdoc />
        public override uint GetDefaultChannelFrequency(int index)
        {
            return _defaultChannels[index];
        }

        /// <inheritdoc />
        public override bool SupportsChannelCommands
        {
            get { return true; }
        }

        /// <inheritdoc />
        public override bool IsFrequencyValid(uint frequencyHz)
        {
            if (!base.IsFrequencyValid(frequencyHz)) return false;
            if (_rasterStepHz == 0) return frequencyHz % 100 == 0;
            return frequencyHz >= _rasterStartHz && (frequencyHz - _rasterStartHz) % _rasterStepHz == 0;
        }

        internal override void ResetChannels(ChannelPlan plan)
        {
            for (int ch = 0; ch < _defaultChannels.Length; ch++)
                Define(plan, ch, _defaultChannels[ch], _channelMinDr, _channelMaxDr);
        }

        /// <inheritdoc />
        public override uint GetUplinkFrequency(ChannelPlan plan, int channel)
        {
            return channel >= 0 && channel < ChannelSlots ? plan.Frequency[channel] : 0;
        }

        /// <summary>RX1 uses the uplink frequency unless DlChannelReq moved it (RP002-1.0.4, e.g. EU868 "RX1 ... same channel as the uplink").</summary>
        public override uint GetRx1Frequency(ChannelPlan plan, int channel)
        {
            if (channel < 0 || channel >= ChannelSlots) return 0;
            uint dl = plan.Rx1Frequency[channel];
            return dl != 0 ? dl : plan.Frequency[channel];
        }

        /// <inheritdoc />
        public override int GetChannelMinDataRate(ChannelPlan plan, int channel)
        {
            return plan.MinDataRate[channel];
        }

        /// <inheritdoc />
        public override int GetChannelMaxDataRate(ChannelPlan plan, int channel)
        {
            return plan.MaxDataRate[channel];
        }

        /// <summary>
        /// CFList type 0 (RP002-1.0.4 "CFList"): five 3-byte frequencies (×100 Hz, little-endian) for the
        /// channels after the default ones, with the default DR range. Frequency 0 leaves a channel undefined;
        /// an invalid frequency is skipped. Byte 15 is the CFListType.
        /// </summary>
        public override bool ApplyCfList(ChannelPlan plan, byte[] cfList, int offset)
        {
            if (cfList == null || offset < 0 || offset + 16 > cfList.Length || cfList[offset + 15] != 0) return false;
            int first = _defaultChannels.Length;
            for (int i = 0; i < CfListChannels && first + i < ChannelSlots; i++)
            {
                int p = offset + 3 * i;
                uint hz = (uint)(cfList[p] | (cfList[p + 1] << 8) | (cfList[p + 2] << 16)) * 100u;
                int ch = first + i;
                if (hz == 0) Remove(plan, ch);
                else if (IsFrequencyValid(hz)) Define(plan, ch, hz, _channelMinDr, _channelMaxDr);
            }
            return true;
        }

        /// <summary>
        /// LinkADRReq channel mask (RP002-1.0.4 EU-like "ChMaskCntl"): 0 = ChMask enables channels 0..15,
        /// 6 = all defined channels on (ChMask ignored), anything else is RFU. Enabling an undefined channel
        /// is refused (LoRaWAN 1.0.4 §5.3 "channel mask ACK").
        /// </summary>
        public override bool ApplyChannelMask(ChannelPlan plan, int chMaskCntl, int chMask)
        {
            if (chMaskCntl == 0)
            {
                for (int ch = 0; ch < ChannelSlots; ch++)
                    if ((chMask & (1 << ch)) != 0 && plan.Frequency[ch] == 0) return false;
                for (int ch = 0; ch < ChannelSlots; ch++) plan.SetEnabled(ch, (chMask & (1 << ch)) != 0);
                return true;
            }
            if (chMaskCntl == 6)
            {
                for (int ch = 0; ch < ChannelSlots; ch++) plan.SetEnabled(ch, plan.Frequency[ch] != 0);
                return true;
            }
            return false;
        }

        /// <summary>
        /// Dynamic plans: the region's default channels are enabled again, the others stay as they are
        /// (LoRaWAN 1.0.4 §4.3.1.1 "re-enable all default uplink frequency channels").
        /// </summary>
        public override bool RestoreDefaultChannels(ChannelPlan plan)
        {
            bool changed = false;
            for (int ch = 0; ch < _defaultChannels.Length; ch++)
            {
                if (plan.IsEnabled(ch)) continue;
                plan.SetEnabled(ch, true);
                changed = true;
            }
            return changed;
        }

        /// <summary>
        /// NewChannelReq (LoRaWAN 1.0.4 §5.6): frequency 0 removes the channel; default channels cannot be
        /// changed (LoRaWAN 1.0.x: "the default channels SHALL NOT be modified"); the frequency must be valid
        /// for the region and min ≤ max must both be uplink data rates of the region.
        /// </summary>
        public override int ApplyNewChannel(ChannelPlan plan, int channel, uint frequencyHz, int minDataRate, int maxDataRate)
        {
            if (channel < _defaultChannels.Length || channel >= ChannelSlots) return 0;
            if (frequencyHz == 0)
            {
                Remove(plan, channel);
                return 3;
            }
            bool frequencyOk = IsFrequencyValid(frequencyHz);
            bool rangeOk = minDataRate <= maxDataRate && IsUplinkDataRate(minDataRate) && IsUplinkDataRate(maxDataRate);
            int status = (frequencyOk ? 1 : 0) | (rangeOk ? 2 : 0);
            if (status == 3) Define(plan, channel, frequencyHz, minDataRate, maxDataRate);
            return status;
        }

        /// <summary>
        /// DlChannelReq (LoRaWAN 1.0.4 §5.6): moves RX1 of an existing uplink channel to another valid
        /// frequency of the region.
        /// </summary>
        public override int ApplyDlChannel(ChannelPlan plan, int channel, uint frequencyHz)
        {
            if (channel < 0 || channel >= ChannelSlots) return 0;
            bool frequencyOk = IsFrequencyValid(frequencyHz);
            bool uplinkExists = plan.Frequency[channel] != 0;
            int status = (frequencyOk ? 1 : 0) | (uplinkExists ? 2 : 0);
            if (status == 3) plan.Rx1Frequency[channel] = frequencyHz;
            return status;
        }

        /// <inheritdoc />
        public override int GetJoinDataRate(ChannelPlan plan, int attempt, int preferredDataRate)
        {
            return preferredDataRate >= 0 ? preferredDataRate : DefaultDataRate;
        }

        internal override bool IsChannelEligible(ChannelPlan plan, int channel, int dataRate, bool joinRequest)
        {
            if (joinRequest && channel >= _defaultChannels.Length) return false;
            return plan.IsEnabled(channel) && plan.Frequency[channel] != 0 && plan.Band[channel] >= 0
                && dataRate >= plan.MinDataRate[channel] && dataRate <= plan.MaxDataRate[channel];
        }

        /// <summary>The eligible channels of <see cref="SelectChannel"/>, kept in the plan (issue 20: one per uplink, UsableDataRate).</summary>
        internal override bool HasChannelFor(ChannelPlan plan, int dataRate)
        {
            int usedBands;
            return EligibleMask(plan, dataRate, false, out usedBands) != 0;
        }

        /// <inheritdoc />
        /// <remarks>
        /// The base rule (the shortest wait over the eligible channels) visited per sub-band: a channel's wait is its
        /// sub-band's, so the eligible channels' sub-bands (<see cref="EligibleMask"/>, kept in the plan) give the same
        /// answer without a virtual call per channel (issue 20).
        /// </remarks>
        public override ulong GetWaitUs(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs, DutyCycleTracker dutyCycle)
        {
            int bands;
            if (EligibleMask(plan, dataRate, joinRequest, out bands) == 0) return ulong.MaxValue;
            if (dutyCycle == null) return 0;
            int maxDutyCycle = plan.MaxDutyCycle;
            ulong best = ulong.MaxValue;
            for (int b = 0; (bands >> b) != 0; b++)
            {
                if (((bands >> b) & 1) == 0) continue;
                ulong w = dutyCycle.GetWaitUs(b, nowUs, airTimeUs, joinRequest, maxDutyCycle);
                if (w < best) best = w;
                if (best == 0) break;
            }
            return best;
        }

        // Bit ch set when channel ch is eligible (IsChannelEligible's rule, with the plan's arrays and mask word 0, which
        // holds the 16 dynamic channels, read once). Only the enabled channels are visited, and the loop ends after the
        // highest of them (issue 20: the 16-slot loop was 353 IL of a 14,482 IL cycle for EU868's three channels).
        // usedBands: bit b set when an eligible channel is on sub-band b. Kept in the plan until it changes
        // (ChannelPlan.Version) or another data rate or join flag is asked for.
        int EligibleMask(ChannelPlan plan, int dataRate, bool joinRequest, out int usedBands)
        {
            int key = dataRate * 2 + (joinRequest ? 1 : 0);
            if (plan.EligibleVersion == plan.Version && plan.EligibleKey == key)
            {
                usedBands = plan.EligibleBands;
                return plan.EligibleChannels;
            }
            int enabled = plan.Mask[0];
            if (joinRequest) enabled &= (1 << _defaultChannels.Length) - 1;
            uint[] frequency = plan.Frequency;
            sbyte[] band = plan.Band;
            byte[] minDr = plan.MinDataRate;
            byte[] maxDr = plan.MaxDataRate;
            int eligible = 0;
            int used = 0;
            for (int ch = 0; (enabled >> ch) != 0; ch++)
            {
                if (((enabled >> ch) & 1) == 0 || frequency[ch] == 0) continue;
                int b = band[ch];
                if (b < 0 || dataRate < minDr[ch] || dataRate > maxDr[ch]) continue;
                eligible |= 1 << ch;
                used |= 1 << b;
            }
            plan.EligibleKey = key;
            plan.EligibleChannels = eligible;
            plan.EligibleBands = used;
            plan.EligibleVersion = plan.Version;
            usedBands = used;
            return eligible;
        }

        /// <inheritdoc />
        public override int SelectChannel(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs,
            DutyCycleTracker dutyCycle, IRandomSource random, out ulong waitUs)
        {
            EnsureDataRateSupported(dataRate);

            // Sub-bands used by eligible channels, and which of them are free now. The eligible channels are found once,
            // as a bit mask (issue 20: three passes of IsChannelEligible/IsEnabled calls were 2,100 IL of a 16,346 IL cycle).
            int usedBands;
            int eligible = EligibleMask(plan, dataRate, joinRequest, out usedBands);
            sbyte[] band = plan.Band;
            if (usedBands == 0)
            {
                waitUs = ulong.MaxValue;
                return -1;
            }

            int freeBands = 0;
            ulong bandWait = ulong.MaxValue;
            for (int b = 0; (usedBands >> b) != 0; b++)
            {
                if (((usedBands >> b) & 1) == 0) continue;
                ulong w = dutyCycle == null ? 0 : dutyCycle.GetBandWaitUs(b, nowUs, airTimeUs);
                if (w == 0) freeBands |= 1 << b;
                else if (w < bandWait) bandWait = w;
            }

            ulong globalWait = dutyCycle == null ? 0 : dutyCycle.GetGlobalWaitUs(nowUs, airTimeUs, joinRequest, plan.MaxDutyCycle);
            if (freeBands == 0 || globalWait > 0)
            {
                waitUs = freeBands != 0 ? globalWait : (globalWait > bandWait ? globalWait : bandWait);
                return -1;
            }

            // The candidates: eligible channels on a free sub-band (all of them when every used sub-band is free).
            int candidates = eligible;
            if (freeBands != usedBands)
                for (int ch = 0; (eligible >> ch) != 0; ch++)
                    if (((eligible >> ch) & 1) != 0 && (freeBands & (1 << band[ch])) == 0) candidates &= ~(1 << ch);
            int count = 0;
            for (int m = candidates; m != 0; m &= m - 1) count++;

            // The pick-th candidate, uniformly at random.
            int pick = random.Next(count);
            for (int ch = 0; (candidates >> ch) != 0; ch++)
            {
                if (((candidates >> ch) & 1) == 0) continue;
                if (pick == 0)
                {
                    waitUs = 0;
                    return ch;
                }
                pick--;
            }
            waitUs = ulong.MaxValue; // not reached
            return -1;
        }

        private void Define(ChannelPlan plan, int channel, uint frequencyHz, int minDr, int maxDr)
        {
            plan.Frequency[channel] = frequencyHz;
            plan.Rx1Frequency[channel] = 0;
            plan.MinDataRate[channel] = (byte)minDr;
            plan.MaxDataRate[channel] = (byte)maxDr;
            plan.Band[channel] = (sbyte)GetBandIndex(frequencyHz);
            plan.SetEnabled(channel, true);
        }

        private static void Remove(ChannelPlan plan, int channel)
        {
            plan.Frequency[channel] = 0;
            plan.Rx1Frequency[channel] = 0;
            plan.MinDataRate[channel] = 0;
            plan.MaxDataRate[channel] = 0;
            plan.Band[channel] = -1;
            plan.SetEnabled(channel, false);
        }
    }
}
