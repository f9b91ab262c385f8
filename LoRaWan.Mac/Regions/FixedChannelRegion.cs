using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The US-like plan family (RP002-1.0.4 US902-928 and AU915-928): 64 uplink channels of 125 kHz
    /// (0..63, 200 kHz apart), 8 of 500 kHz (64..71, 1.6 MHz apart), 8 downlink channels of 500 kHz
    /// (923.3 MHz + 600 kHz × n). RX1 uses downlink channel "uplink channel modulo 8". Channels are never
    /// added or moved, only masked: CFList type 1 and LinkADRReq ChMaskCntl 0..7.
    /// </summary>
    public sealed class FixedChannelRegion : Region
    {
        private const int Channels125 = 64;
        private const int Channels = 72;
        private const uint Step125Hz = 200000;
        private const uint Step500Hz = 1600000;
        private const uint DownlinkStepHz = 600000;

        private readonly uint _first125Hz;
        private readonly uint _first500Hz;
        private readonly uint _firstDownlinkHz;
        private readonly int _min125Dr;
        private readonly int _max125Dr;
        private readonly int _dr500;
        private readonly int _joinDr125;
        private readonly int _joinDr500;

        /// <param name="name">RP002 name</param>
        /// <param name="id">persisted identifier</param>
        /// <param name="first125Hz">frequency of channel 0</param>
        /// <param name="min125Dr">lowest DR of the 125 kHz channels</param>
        /// <param name="max125Dr">highest DR of the 125 kHz channels</param>
        /// <param name="first500Hz">frequency of channel 64</param>
        /// <param name="dr500">the DR of the 500 kHz uplink channels</param>
        /// <param name="firstDownlinkHz">frequency of downlink channel 0</param>
        /// <param name="joinDr125">Join-Request DR on 125 kHz channels</param>
        /// <param name="joinDr500">Join-Request DR on 500 kHz channels</param>
        internal FixedChannelRegion(string name, RegionId id, uint first125Hz, int min125Dr, int max125Dr,
            uint first500Hz, int dr500, uint firstDownlinkHz, int joinDr125, int joinDr500)
            : base(name, id)
        {
            _first125Hz = first125Hz;
            _min125Dr = min125Dr;
            _max125Dr = max125Dr;
            _first500Hz = first500Hz;
            _dr500 = dr500;
            _firstDownlinkHz = firstDownlinkHz;
            _joinDr125 = joinDr125;
            _joinDr500 = joinDr500;
        }

        /// <inheritdoc />
        public override bool IsFixedChannelPlan
        {
            get { return true; }
        }

        /// <inheritdoc />
        public override int ChannelCount
        {
            get { return Channels; }
        }

        /// <inheritdoc />
        public override int DefaultChannelCount
        {
            get { return Channels; }
        }

        /// <inheritdoc />
        public override uint GetDefaultChannelFrequency(int index)
        {
            return Frequency(index);
        }

        /// <summary>NewChannelReq and DlChannelReq are not implemented in US915/AU915 (RP002-1.0.4).</summary>
        public override bool SupportsChannelCommands
        {
            get { return false; }
        }

        /// <summary>
        /// True for a frequency of this plan's raster: an uplink channel (125 or 500 kHz) or a downlink channel
        /// (the only values RXParamSetupReq can meaningfully name).
        /// </summary>
        public override bool IsFrequencyValid(uint frequencyHz)
        {
            if (!base.IsFrequencyValid(frequencyHz)) return false;
            if (frequencyHz >= _firstDownlinkHz && (frequencyHz - _firstDownlinkHz) % DownlinkStepHz == 0
                && (frequencyHz - _firstDownlinkHz) / DownlinkStepHz < 8) return true;
            if (frequencyHz >= _first125Hz && (frequencyHz - _first125Hz) % Step125Hz == 0
                && (frequencyHz - _first125Hz) / Step125Hz < Channels125) return true;
            return frequencyHz >= _first500Hz && (frequencyHz - _first500Hz) % Step500Hz == 0
                && (frequencyHz - _first500Hz) / Step500Hz < 8;
        }

        internal override void ResetChannels(ChannelPlan plan)
        {
            // RP002-1.0.4: at boot all 72 channels are enabled.
            for (int w = 0; w < 4; w++) plan.Mask[w] = 0xFFFF;
            plan.Mask[4] = 0x00FF;
            RestartPass(plan);
        }

        /// <inheritdoc />
        public override uint GetUplinkFrequency(ChannelPlan plan, int channel)
        {
            return Frequency(channel);
        }

        /// <summary>RX1 frequency: 500 kHz downlink channel (uplink channel mod 8), 923.3 MHz + 600 kHz × n.</summary>
        public override uint GetRx1Frequency(ChannelPlan plan, int channel)
        {
            if (channel < 0 || channel >= Channels) return 0;
            return _firstDownlinkHz + (uint)(channel % 8) * DownlinkStepHz;
        }

        /// <inheritdoc />
        public override int GetChannelMinDataRate(ChannelPlan plan, int channel)
        {
            return channel < Channels125 ? _min125Dr : _dr500;
        }

        /// <inheritdoc />
        public override int GetChannelMaxDataRate(ChannelPlan plan, int channel)
        {
            return channel < Channels125 ? _max125Dr : _dr500;
        }

        /// <summary>
        /// CFList type 1 (RP002-1.0.4 "CFList"): ChMask0..ChMask4, five 16-bit little-endian masks for channels
        /// 0..79 (72..79 do not exist and are ignored), replace the channel mask. Byte 15 is the CFListType.
        /// </summary>
        public override bool ApplyCfList(ChannelPlan plan, byte[] cfList, int offset)
        {
            if (cfList == null || offset < 0 || offset + 16 > cfList.Length || cfList[offset + 15] != 1) return false;
            for (int w = 0; w < ChannelPlan.MaskWords; w++)
                plan.Mask[w] = (ushort)(cfList[offset + 2 * w] | (cfList[offset + 2 * w + 1] << 8));
            plan.Mask[4] &= 0x00FF;
            RestartPass(plan);
            return true;
        }

        /// <summary>
        /// LinkADRReq channel mask (RP002-1.0.4 US902-928/AU915-928 "LinkAdrReq command"):
        /// ChMaskCntl 0..3 = ChMask applies to channels 16·n..16·n+15; 4 = ChMask bits 0..7 apply to the
        /// 500 kHz channels 64..71; 5 = ChMask bits 0..7 each enable or disable a bank of eight 125 kHz
        /// channels (bit n: channels 8n..8n+7) and the matching 500 kHz channel 64+n; 6 = all 125 kHz channels
        /// on, ChMask bits 0..7 apply to 64..71; 7 = all 125 kHz channels off, ChMask bits 0..7 apply to 64..71.
        /// Bits 8..15 of ChMask are RFU for 4..7 and ignored.
        /// </summary>
        public override bool ApplyChannelMask(ChannelPlan plan, int chMaskCntl, int chMask)
        {
            switch (chMaskCntl)
            {
                case 0:
                case 1:
                case 2:
                case 3:
                    plan.Mask[chMaskCntl] = (ushort)chMask;
                    break;
                case 4:
                    plan.Mask[4] = (ushort)(chMask & 0xFF);
                    break;
                case 5:
                    for (int bank = 0; bank < 8; bank++)
                    {
                        bool on = (chMask & (1 << bank)) != 0;
                        int word = bank >> 1;
                        int bits = (bank & 1) == 0 ? 0x00FF : 0xFF00;
                        plan.Mask[word] = (ushort)(on ? plan.Mask[word] | bits : plan.Mask[word] & ~bits);
                        plan.SetEnabled(Channels125 + bank, on);
                    }
                    break;
                case 6:
                case 7:
                    ushort all = chMaskCntl == 6 ? (ushort)0xFFFF : (ushort)0;
                    for (int w = 0; w < 4; w++) plan.Mask[w] = all;
                    plan.Mask[4] = (ushort)(chMask & 0xFF);
                    break;
                default:
                    return false;
            }
            RestartPass(plan);
            return true;
        }

        /// <inheritdoc />
        public override int ApplyNewChannel(ChannelPlan plan, int channel, uint frequencyHz, int minDataRate, int maxDataRate)
        {
            return 0;
        }

        /// <inheritdoc />
        public override int ApplyDlChannel(ChannelPlan plan, int channel, uint frequencyHz)
        {
            return 0;
        }

        /// <inheritdoc />
        public override bool SetSubBand(ChannelPlan plan, int subBand)
        {
            if (subBand < 1 || subBand > 8) return false;
            for (int w = 0; w < ChannelPlan.MaskWords; w++) plan.Mask[w] = 0;
            for (int i = 0; i < 8; i++) plan.SetEnabled(8 * (subBand - 1) + i, true);
            plan.SetEnabled(Channels125 + subBand - 1, true);
            RestartPass(plan);
            return true;
        }

        /// <summary>
        /// RP002-1.0.4 US902-928 Join-Request sequence ("probes the octet groups of eight 125 kHz channels
        /// followed by probing one 500 kHz channel each pass"): a pass is one 125 kHz Join-Request per enabled
        /// group of eight, then one on a 500 kHz channel (DR4 in US915, DR6 in AU915) when one is enabled. With
        /// one sub-band configured (e.g. FSB2) this alternates 125 kHz and 500 kHz.
        /// </summary>
        public override int GetJoinDataRate(ChannelPlan plan, int attempt, int preferredDataRate)
        {
            int groups = 0;
            for (int g = 0; g < 8; g++)
                if ((plan.Mask[g >> 1] & ((g & 1) == 0 ? 0x00FF : 0xFF00)) != 0) groups++;
            bool has500 = (plan.Mask[4] & 0xFF) != 0;
            if (groups == 0) return _joinDr500;
            if (!has500) return _joinDr125;
            int pass = groups + 1;
            int position = (attempt < 0 ? 0 : attempt) % pass;
            return position == pass - 1 ? _joinDr500 : _joinDr125;
        }

        internal override bool IsChannelEligible(ChannelPlan plan, int channel, int dataRate, bool joinRequest)
        {
            if (!plan.IsEnabled(channel)) return false;
            return channel < Channels125 ? dataRate >= _min125Dr && dataRate <= _max125Dr : dataRate == _dr500;
        }

        /// <summary>
        /// Random among the enabled channels that carry <paramref name="dataRate"/>, without repeating a channel
        /// until every such channel was used (RP002-1.0.4: "the end-device SHALL change channel for every
        /// transmission"); Join-Requests on 125 kHz probe the enabled groups of eight in turn.
        /// </summary>
        public override int SelectChannel(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs,
            DutyCycleTracker dutyCycle, IRandomSource random, out ulong waitUs)
        {
            EnsureDataRateSupported(dataRate);
            bool narrow = dataRate >= _min125Dr && dataRate <= _max125Dr;
            int first = narrow ? 0 : Channels125;
            int last = narrow ? Channels125 : Channels;

            bool any = false;
            for (int ch = first; ch < last && !any; ch++) any = IsChannelEligible(plan, ch, dataRate, joinRequest);
            if (!any)
            {
                waitUs = ulong.MaxValue;
                return -1;
            }
            ulong wait = dutyCycle == null ? 0 : dutyCycle.GetWaitUs(0, nowUs, airTimeUs, joinRequest, plan.MaxDutyCycle);
            if (wait > 0)
            {
                waitUs = wait;
                return -1;
            }
            waitUs = 0;

            if (joinRequest && narrow)
            {
                int ch = PickInNextGroup(plan, dataRate, random);
                if (ch < 0)
                {
                    for (int w = 0; w < 4; w++) plan.Remaining[w] = plan.Mask[w];
                    ch = PickInNextGroup(plan, dataRate, random);
                }
                plan.Remaining[ch >> 4] = (ushort)(plan.Remaining[ch >> 4] & ~(1 << (ch & 15)));
                return ch;
            }

            int picked = PickRemaining(plan, dataRate, first, last, random);
            if (picked < 0)
            {
                if (narrow) for (int w = 0; w < 4; w++) plan.Remaining[w] = plan.Mask[w];
                else plan.Remaining[4] = plan.Mask[4];
                picked = PickRemaining(plan, dataRate, first, last, random);
            }
            plan.Remaining[picked >> 4] = (ushort)(plan.Remaining[picked >> 4] & ~(1 << (picked & 15)));
            return picked;
        }

        private int PickInNextGroup(ChannelPlan plan, int dataRate, IRandomSource random)
        {
            for (int k = 0; k < 8; k++)
            {
                int g = (plan.JoinGroup + k) % 8;
                int ch = PickRemaining(plan, dataRate, 8 * g, 8 * g + 8, random);
                if (ch >= 0)
                {
                    plan.JoinGroup = (g + 1) % 8;
                    return ch;
                }
            }
            return -1;
        }

        private int PickRemaining(ChannelPlan plan, int dataRate, int first, int last, IRandomSource random)
        {
            int count = 0;
            for (int ch = first; ch < last; ch++)
                if (IsRemaining(plan, ch) && IsChannelEligible(plan, ch, dataRate, false)) count++;
            if (count == 0) return -1;
            int pick = random.Next(count);
            for (int ch = first; ch < last; ch++)
            {
                if (!IsRemaining(plan, ch) || !IsChannelEligible(plan, ch, dataRate, false)) continue;
                if (pick == 0) return ch;
                pick--;
            }
            return -1;
        }

        private static bool IsRemaining(ChannelPlan plan, int channel)
        {
            return (plan.Remaining[channel >> 4] & (1 << (channel & 15))) != 0;
        }

        private static void RestartPass(ChannelPlan plan)
        {
            Array.Copy(plan.Mask, 0, plan.Remaining, 0, ChannelPlan.MaskWords);
            plan.JoinGroup = 0;
        }

        private uint Frequency(int channel)
        {
            if (channel < 0 || channel >= Channels) return 0;
            if (channel < Channels125) return _first125Hz + (uint)channel * Step125Hz;
            return _first500Hz + (uint)(channel - Channels125) * Step500Hz;
        }
    }
}
