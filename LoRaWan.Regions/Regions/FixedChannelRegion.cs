using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The fixed-channel plan family (RP002-1.0.4 US902-928, AU915-928, CN470-510 in its four antenna types,
    /// and the RP001 CN470-510 plan): numbered uplink channels on fixed rasters that are never added or moved,
    /// only masked (CFList type 1, LinkADRReq ChMaskCntl), and an RX1 frequency found from the uplink channel
    /// number ("downlink channel = uplink channel modulo the number of downlink channels").
    /// <para>The channels are given as groups in channel order (<see cref="DefineUplinkGroup"/>): US915 is
    /// 64 × 125 kHz from 902.3 MHz plus 8 × 500 kHz from 903.0 MHz; CN470 20 MHz type A is 32 channels from
    /// 470.3 MHz plus 32 from 503.5 MHz. The first <c>primaryChannels</c> carry the primary DR range; the rest
    /// (US915/AU915 only) carry one wide-channel data rate.</para>
    /// </summary>
    public sealed class FixedChannelRegion : Region
    {
        private const int MaxGroups = 4;

        private readonly int _channelCount;
        private readonly int _primaryCount;
        private readonly int _minPrimaryDr;
        private readonly int _maxPrimaryDr;
        private readonly int _wideDr;
        private readonly int _joinDrPrimary;
        private readonly int _joinDrWide;
        private readonly int _chMaskBlocks;
        private readonly int _chMaskAllOn;
        private readonly int _chMaskAllOff;
        private readonly bool _usChMaskControls;

        // Uplink and downlink channel groups, in channel order.
        private readonly uint[] _upFirstHz = new uint[MaxGroups];
        private readonly uint[] _upStepHz = new uint[MaxGroups];
        private readonly int[] _upCount = new int[MaxGroups];
        private int _upGroups;
        private readonly uint[] _downFirstHz = new uint[MaxGroups];
        private readonly uint[] _downStepHz = new uint[MaxGroups];
        private readonly int[] _downCount = new int[MaxGroups];
        private int _downGroups;
        private int _downlinkChannels;

        // Channels a Join-Request may use (null: every enabled channel).
        private ushort[] _joinChannels;

        /// <param name="name">RP002 name</param>
        /// <param name="id">persisted identifier</param>
        /// <param name="channels">number of uplink channels (72 US915/AU915, 64 CN470 20 MHz, 48 CN470 26 MHz, 96 CN470 RP001)</param>
        /// <param name="primaryChannels">channels 0..primaryChannels−1 carry minPrimaryDr..maxPrimaryDr; the others carry wideDr</param>
        /// <param name="minPrimaryDr">lowest DR of the primary channels</param>
        /// <param name="maxPrimaryDr">highest DR of the primary channels</param>
        /// <param name="wideDr">the DR of the wide (500 kHz) uplink channels; −1 when there are none</param>
        /// <param name="joinDrPrimary">Join-Request DR on the primary channels when the application names none</param>
        /// <param name="joinDrWide">Join-Request DR on the wide channels (−1 when there are none)</param>
        /// <param name="chMaskBlocks">ChMaskCntl 0..chMaskBlocks−1 set the mask of channels 16·n..16·n+15</param>
        /// <param name="chMaskAllOn">the ChMaskCntl that enables every channel (−1: none)</param>
        /// <param name="chMaskAllOff">the ChMaskCntl that disables every channel (−1: none)</param>
        /// <param name="usChMaskControls">ChMaskCntl 4..7 as US902-928 defines them (500 kHz mask, banks of eight)</param>
        internal FixedChannelRegion(string name, RegionId id, int channels, int primaryChannels, int minPrimaryDr,
            int maxPrimaryDr, int wideDr, int joinDrPrimary, int joinDrWide, int chMaskBlocks, int chMaskAllOn,
            int chMaskAllOff, bool usChMaskControls)
            : base(name, id)
        {
            if (channels > ChannelPlan.MaskWords * 16) throw new ArgumentOutOfRangeException("channels");
            _channelCount = channels;
            _primaryCount = primaryChannels;
            _minPrimaryDr = minPrimaryDr;
            _maxPrimaryDr = maxPrimaryDr;
            _wideDr = wideDr;
            _joinDrPrimary = joinDrPrimary;
            _joinDrWide = joinDrWide;
            _chMaskBlocks = chMaskBlocks;
            _chMaskAllOn = chMaskAllOn;
            _chMaskAllOff = chMaskAllOff;
            _usChMaskControls = usChMaskControls;
        }

        /// <summary>Appends <paramref name="count"/> uplink channels: firstHz, firstHz + stepHz, … (catalog only).</summary>
        internal void DefineUplinkGroup(uint firstHz, uint stepHz, int count)
        {
            _upFirstHz[_upGroups] = firstHz;
            _upStepHz[_upGroups] = stepHz;
            _upCount[_upGroups] = count;
            _upGroups++;
        }

        /// <summary>
        /// Appends <paramref name="count"/> downlink (RX1) channels. RX1 of uplink channel c is downlink channel
        /// c mod (number of downlink channels) (catalog only).
        /// </summary>
        internal void DefineDownlinkGroup(uint firstHz, uint stepHz, int count)
        {
            _downFirstHz[_downGroups] = firstHz;
            _downStepHz[_downGroups] = stepHz;
            _downCount[_downGroups] = count;
            _downGroups++;
            _downlinkChannels += count;
        }

        /// <summary>Restricts Join-Requests to the listed channels (CN470-510 "common join channels"; catalog only).</summary>
        internal void DefineJoinChannels(int[] channels)
        {
            _joinChannels = new ushort[ChannelPlan.MaskWords];
            for (int i = 0; i < channels.Length; i++)
                _joinChannels[channels[i] >> 4] = (ushort)(_joinChannels[channels[i] >> 4] | (1 << (channels[i] & 15)));
        }

        /// <summary>True when a Join-Request may use <paramref name="channel"/> (mask permitting).</summary>
        public bool IsJoinChannel(int channel)
        {
            if (channel < 0 || channel >= _channelCount) return false;
            return _joinChannels == null || (_joinChannels[channel >> 4] & (1 << (channel & 15))) != 0;
        }

        /// <summary>ChMaskCntl 0..ChannelMaskBlocks−1 each set the mask of 16 channels (LinkADRReq).</summary>
        public int ChannelMaskBlocks
        {
            get { return _chMaskBlocks; }
        }

        /// <summary>True when ChMaskCntl 4..7 mean what US902-928 defines (500 kHz mask, banks of eight).</summary>
        public bool UsesUsChannelMaskControls
        {
            get { return _usChMaskControls; }
        }

        /// <summary>Number of RX1 downlink channels (8 US915/AU915, 64 CN470 20 MHz, 24 CN470 26 MHz, 48 CN470 RP001).</summary>
        public int DownlinkChannelCount
        {
            get { return _downlinkChannels; }
        }

        /// <inheritdoc />
        public override bool IsFixedChannelPlan
        {
            get { return true; }
        }

        /// <inheritdoc />
        public override int ChannelCount
        {
            get { return _channelCount; }
        }

        /// <inheritdoc />
        public override int DefaultChannelCount
        {
            get { return _channelCount; }
        }

        /// <inheritdoc />
        public override uint GetDefaultChannelFrequency(int index)
        {
            return Frequency(index);
        }

        /// <summary>NewChannelReq and DlChannelReq are not implemented in fixed plans (RP002-1.0.4).</summary>
        public override bool SupportsChannelCommands
        {
            get { return false; }
        }

        /// <summary>
        /// True for a frequency of this plan's rasters: an uplink channel or a downlink channel (the only values
        /// RXParamSetupReq can meaningfully name).
        /// </summary>
        public override bool IsFrequencyValid(uint frequencyHz)
        {
            if (!base.IsFrequencyValid(frequencyHz)) return false;
            for (int g = 0; g < _downGroups; g++)
                if (OnRaster(frequencyHz, _downFirstHz[g], _downStepHz[g], _downCount[g])) return true;
            for (int g = 0; g < _upGroups; g++)
                if (OnRaster(frequencyHz, _upFirstHz[g], _upStepHz[g], _upCount[g])) return true;
            return false;
        }

        private static bool OnRaster(uint hz, uint first, uint step, int count)
        {
            return hz >= first && (hz - first) % step == 0 && (hz - first) / step < (uint)count;
        }

        internal override void ResetChannels(ChannelPlan plan)
        {
            // RP002-1.0.4: at boot every channel of the plan is enabled; that is also the default mask until the
            // application chooses a sub-band or a mask of its own.
            for (int ch = 0; ch < _channelCount; ch++) plan.SetEnabled(ch, true);
            Array.Copy(plan.Mask, 0, plan.DefaultMask, 0, ChannelPlan.MaskWords);
            RestartPass(plan);
        }

        /// <inheritdoc />
        public override uint GetUplinkFrequency(ChannelPlan plan, int channel)
        {
            return Frequency(channel);
        }

        /// <summary>
        /// RX1 frequency: downlink channel (uplink channel mod <see cref="DownlinkChannelCount"/>); US915/AU915
        /// 923.3 MHz + 600 kHz × (c mod 8), CN470 26 MHz type A 490.1 MHz + 200 kHz × (c mod 24), …
        /// </summary>
        public override uint GetRx1Frequency(ChannelPlan plan, int channel)
        {
            if (channel < 0 || channel >= _channelCount || _downlinkChannels == 0) return 0;
            int d = channel % _downlinkChannels;
            for (int g = 0; g < _downGroups; g++)
            {
                if (d < _downCount[g]) return _downFirstHz[g] + (uint)d * _downStepHz[g];
                d -= _downCount[g];
            }
            return 0;
        }

        /// <inheritdoc />
        public override int GetChannelMinDataRate(ChannelPlan plan, int channel)
        {
            return channel < _primaryCount ? _minPrimaryDr : _wideDr;
        }

        /// <inheritdoc />
        public override int GetChannelMaxDataRate(ChannelPlan plan, int channel)
        {
            return channel < _primaryCount ? _maxPrimaryDr : _wideDr;
        }

        /// <summary>
        /// CFList type 1 (RP002-1.0.4 "CFList"): 16-bit little-endian ChMask words, one per 16 channels of the
        /// plan (US915/AU915: ChMask0..ChMask4 for channels 0..79; CN470 20 MHz: ChMask0..3; 26 MHz: ChMask0..2;
        /// the 96-channel RP001 CN470 plan: ChMask0..5, as The Things Stack encodes it), replace the channel mask;
        /// bits of channels the plan does not have are ignored. Byte 15 is the CFListType.
        /// </summary>
        public override bool ApplyCfList(ChannelPlan plan, byte[] cfList, int offset)
        {
            if (cfList == null || offset < 0 || offset + 16 > cfList.Length || cfList[offset + 15] != 1) return false;
            int words = (_channelCount + 15) / 16;
            if (words > 6) words = 6;
            for (int w = 0; w < words; w++)
                plan.Mask[w] = (ushort)(cfList[offset + 2 * w] | (cfList[offset + 2 * w + 1] << 8));
            ClearUndefined(plan);
            RestartPass(plan);
            return true;
        }

        /// <summary>
        /// LinkADRReq channel mask. Every fixed plan: ChMaskCntl 0..blocks−1 = ChMask applies to channels
        /// 16·n..16·n+15 (enabling a channel the plan does not have is refused). US902-928/AU915-928 then:
        /// 4 = ChMask bits 0..7 apply to the 500 kHz channels 64..71; 5 = ChMask bits 0..7 each enable or disable
        /// a bank of eight 125 kHz channels (bit n: channels 8n..8n+7) and the matching 500 kHz channel 64+n;
        /// 6 = all 125 kHz channels on, ChMask bits 0..7 apply to 64..71; 7 = all 125 kHz channels off, ChMask
        /// bits 0..7 apply to 64..71. CN470-510: one ChMaskCntl switches every channel on and (RP002 types) one
        /// switches every channel off (20 MHz: 6 and 7; 26 MHz: 3 and 4; RP001 plan: 6 on, no off); the
        /// others are RFU.
        /// </summary>
        public override bool ApplyChannelMask(ChannelPlan plan, int chMaskCntl, int chMask)
        {
            if (_usChMaskControls && chMaskCntl >= 4) return ApplyUsControl(plan, chMaskCntl, chMask);
            if (chMaskCntl >= 0 && chMaskCntl < _chMaskBlocks)
            {
                for (int i = 0; i < 16; i++)
                    if ((chMask & (1 << i)) != 0 && chMaskCntl * 16 + i >= _channelCount) return false;
                plan.Mask[chMaskCntl] = (ushort)chMask;
            }
            else if (chMaskCntl == _chMaskAllOn)
            {
                for (int ch = 0; ch < _channelCount; ch++) plan.SetEnabled(ch, true);
            }
            else if (chMaskCntl == _chMaskAllOff)
            {
                for (int w = 0; w < ChannelPlan.MaskWords; w++) plan.Mask[w] = 0;
            }
            else
            {
                return false;
            }
            RestartPass(plan);
            return true;
        }

        private bool ApplyUsControl(ChannelPlan plan, int chMaskCntl, int chMask)
        {
            switch (chMaskCntl)
            {
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
                        plan.SetEnabled(_primaryCount + bank, on);
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

        /// <summary>
        /// Enables only sub-band <paramref name="subBand"/> (1-based group of eight primary channels) and, where the
        /// plan has them, its wide channel (US915/AU915 FSB2 = channels 8–15 and 65).
        /// </summary>
        public override bool SetSubBand(ChannelPlan plan, int subBand)
        {
            if (subBand < 1 || subBand > _primaryCount / 8) return false;
            for (int w = 0; w < ChannelPlan.MaskWords; w++) plan.Mask[w] = 0;
            for (int i = 0; i < 8; i++) plan.SetEnabled(8 * (subBand - 1) + i, true);
            if (_wideDr >= 0 && _primaryCount + subBand - 1 < _channelCount) plan.SetEnabled(_primaryCount + subBand - 1, true);
            // The application's choice is the default mask the ADR back-off comes back to (RestoreDefaultChannels).
            Array.Copy(plan.Mask, 0, plan.DefaultMask, 0, ChannelPlan.MaskWords);
            RestartPass(plan);
            return true;
        }

        /// <summary>
        /// The application's own default mask: one 16-bit word per 16 channels of the plan (US915/AU915: five words,
        /// channels 0..71; CN470 20 MHz: four; 26 MHz: three; RP001 plan: six). No bit of a channel the plan lacks;
        /// in US915/AU915 at least two 125 kHz channels or only 500 kHz ones (<see cref="IsChannelMaskAllowed"/>).
        /// </summary>
        public override bool SetDefaultChannelMask(ChannelPlan plan, ushort[] mask)
        {
            if (mask == null || mask.Length != (_channelCount + 15) / 16) return false;
            int enabled = 0;
            int enabledPrimary = 0;
            for (int ch = 0; ch < mask.Length * 16; ch++)
            {
                if ((mask[ch >> 4] & (1 << (ch & 15))) == 0) continue;
                if (ch >= _channelCount) return false;
                enabled++;
                if (ch < _primaryCount) enabledPrimary++;
            }
            if (enabled == 0) return false;
            if (_usChMaskControls && enabledPrimary == 1) return false;
            for (int w = 0; w < ChannelPlan.MaskWords; w++)
            {
                ushort v = w < mask.Length ? mask[w] : (ushort)0;
                plan.Mask[w] = v;
                plan.DefaultMask[w] = v;
            }
            RestartPass(plan);
            return true;
        }

        /// <summary>
        /// Fixed plans: the channel mask becomes the default mask again — every channel of the plan, or the sub-band the
        /// application chose (<see cref="SetSubBand"/>), never more (LoRaMac-node RegionUS915InitDefaults /
        /// RegionAU915InitDefaults, INIT_TYPE_ACTIVATE_DEFAULT_CHANNELS: "Copy channels default mask"). A device on
        /// The Things Network's FSB2 stays on channels 8–15 and 65, which its gateways hear.
        /// </summary>
        public override bool RestoreDefaultChannels(ChannelPlan plan)
        {
            bool changed = false;
            for (int w = 0; w < ChannelPlan.MaskWords; w++)
            {
                if (plan.Mask[w] == plan.DefaultMask[w]) continue;
                plan.Mask[w] = plan.DefaultMask[w];
                changed = true;
            }
            if (changed) RestartPass(plan);
            return changed;
        }

        /// <summary>
        /// FCC 15.247: a device sending with a 125 kHz data rate hops over at least two 125 kHz channels. A channel
        /// mask leaving fewer than two of them enabled for such a rate is refused (LinkADRAns channel mask NACK), as
        /// LoRaMac-node does (RegionUS915LinkAdrReq / RegionAU915LinkAdrReq: "FCC 15.247 paragraph F mandates to hop
        /// on at least 2 125 kHz channels", commit dcbcfb32 lines 676–680 / 678–682). A 500 kHz rate needs no 125 kHz
        /// channel.
        /// </summary>
        public override bool IsChannelMaskAllowed(ChannelPlan plan, int dataRate)
        {
            // The rule is the FCC's (US902-928; AU915-928 follows it in LoRaMac-node); CN470 has no such rule.
            if (!_usChMaskControls || dataRate < _minPrimaryDr || dataRate > _maxPrimaryDr) return true;
            int enabled125 = 0;
            for (int ch = 0; ch < _primaryCount && enabled125 < 2; ch++) if (plan.IsEnabled(ch)) enabled125++;
            return enabled125 >= 2;
        }

        /// <summary>
        /// RP002-1.0.4 US902-928 Join-Request sequence ("probes the octet groups of eight 125 kHz channels
        /// followed by probing one 500 kHz channel each pass"): a pass is one 125 kHz Join-Request per enabled
        /// group of eight, then one on a 500 kHz channel (DR4 in US915, DR6 in AU915) when one is enabled. With
        /// one sub-band configured (e.g. FSB2) this alternates 125 kHz and 500 kHz. Plans without wide channels
        /// (CN470) join at <paramref name="preferredDataRate"/> when it is a primary rate, else at their default.
        /// </summary>
        public override int GetJoinDataRate(ChannelPlan plan, int attempt, int preferredDataRate)
        {
            if (_wideDr < 0)
                return preferredDataRate >= _minPrimaryDr && preferredDataRate <= _maxPrimaryDr ? preferredDataRate : _joinDrPrimary;
            int groups = 0;
            int primaryGroups = _primaryCount / 8;
            for (int g = 0; g < primaryGroups; g++)
                if ((plan.Mask[g >> 1] & ((g & 1) == 0 ? 0x00FF : 0xFF00)) != 0) groups++;
            bool hasWide = false;
            for (int ch = _primaryCount; ch < _channelCount && !hasWide; ch++) hasWide = plan.IsEnabled(ch);
            if (groups == 0) return _joinDrWide;
            if (!hasWide) return _joinDrPrimary;
            int pass = groups + 1;
            int position = (attempt < 0 ? 0 : attempt) % pass;
            return position == pass - 1 ? _joinDrWide : _joinDrPrimary;
        }

        internal override bool IsChannelEligible(ChannelPlan plan, int channel, int dataRate, bool joinRequest)
        {
            if (!plan.IsEnabled(channel) || channel >= _channelCount) return false;
            if (joinRequest && !IsJoinChannel(channel)) return false;
            return channel < _primaryCount ? dataRate >= _minPrimaryDr && dataRate <= _maxPrimaryDr : dataRate == _wideDr;
        }

        /// <summary>
        /// Random among the enabled channels that carry <paramref name="dataRate"/>, without repeating a channel
        /// until every such channel was used (RP002-1.0.4: "the end-device SHALL change channel for every
        /// transmission"); Join-Requests on primary channels probe the enabled groups of eight in turn.
        /// </summary>
        public override int SelectChannel(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs,
            DutyCycleTracker dutyCycle, IRandomSource random, out ulong waitUs)
        {
            EnsureDataRateSupported(dataRate);
            bool narrow = dataRate >= _minPrimaryDr && dataRate <= _maxPrimaryDr;
            int first = narrow ? 0 : _primaryCount;
            int last = narrow ? _primaryCount : _channelCount;

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
                    ResetRemaining(plan, 0, _primaryCount);
                    ch = PickInNextGroup(plan, dataRate, random);
                }
                plan.Remaining[ch >> 4] = (ushort)(plan.Remaining[ch >> 4] & ~(1 << (ch & 15)));
                return ch;
            }

            int picked = PickRemaining(plan, dataRate, first, last, false, random);
            if (picked < 0)
            {
                ResetRemaining(plan, first, last);
                picked = PickRemaining(plan, dataRate, first, last, false, random);
            }
            plan.Remaining[picked >> 4] = (ushort)(plan.Remaining[picked >> 4] & ~(1 << (picked & 15)));
            return picked;
        }

        private int PickInNextGroup(ChannelPlan plan, int dataRate, IRandomSource random)
        {
            int groups = (_primaryCount + 7) / 8;
            for (int k = 0; k < groups; k++)
            {
                int g = (plan.JoinGroup + k) % groups;
                int end = 8 * g + 8 > _primaryCount ? _primaryCount : 8 * g + 8;
                int ch = PickRemaining(plan, dataRate, 8 * g, end, true, random);
                if (ch >= 0)
                {
                    plan.JoinGroup = (g + 1) % groups;
                    return ch;
                }
            }
            return -1;
        }

        private int PickRemaining(ChannelPlan plan, int dataRate, int first, int last, bool joinRequest, IRandomSource random)
        {
            int count = 0;
            for (int ch = first; ch < last; ch++)
                if (IsRemaining(plan, ch) && IsChannelEligible(plan, ch, dataRate, joinRequest)) count++;
            if (count == 0) return -1;
            int pick = random.Next(count);
            for (int ch = first; ch < last; ch++)
            {
                if (!IsRemaining(plan, ch) || !IsChannelEligible(plan, ch, dataRate, joinRequest)) continue;
                if (pick == 0) return ch;
                pick--;
            }
            return -1;
        }

        private static bool IsRemaining(ChannelPlan plan, int channel)
        {
            return (plan.Remaining[channel >> 4] & (1 << (channel & 15))) != 0;
        }

        private static void ResetRemaining(ChannelPlan plan, int first, int last)
        {
            for (int ch = first; ch < last; ch++)
            {
                int bit = 1 << (ch & 15);
                if ((plan.Mask[ch >> 4] & bit) != 0) plan.Remaining[ch >> 4] = (ushort)(plan.Remaining[ch >> 4] | bit);
            }
        }

        private static void RestartPass(ChannelPlan plan)
        {
            // Every method that writes plan.Mask directly ends here: the mask changed (ChannelPlan.Version, a cache key).
            plan.Version++;
            Array.Copy(plan.Mask, 0, plan.Remaining, 0, ChannelPlan.MaskWords);
            plan.JoinGroup = 0;
        }

        /// <summary>Clears mask bits of channels the plan does not have.</summary>
        internal void ClearUndefined(ChannelPlan plan)
        {
            for (int ch = _channelCount; ch < ChannelPlan.MaskWords * 16; ch++) plan.SetEnabled(ch, false);
        }

        private uint Frequency(int channel)
        {
            if (channel < 0 || channel >= _channelCount) return 0;
            int c = channel;
            for (int g = 0; g < _upGroups; g++)
            {
                if (c < _upCount[g]) return _upFirstHz[g] + (uint)c * _upStepHz[g];
                c -= _upCount[g];
            }
            return 0;
        }
    }
}
