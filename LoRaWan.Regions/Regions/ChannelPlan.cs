using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The per-device channel state that MAC commands change, kept apart from the immutable
    /// <see cref="Region"/> tables so the MAC can copy it (a LinkADRReq block is tried on a scratch copy),
    /// reset it (rejoin) and persist it in the session record as a fixed-size block
    /// (<see cref="SerializedSize"/> bytes, <see cref="Write"/>/<see cref="Read"/>).
    /// <para>Holds: up to 16 dynamic channels (frequency, DlChannelReq RX1 frequency, DR range), the enabled
    /// mask of up to 96 channels (72 used by US915/AU915, 96 by the RP001 CN470 plan), UplinkDwellTime, DownlinkDwellTime and MaxEIRP
    /// (TxParamSetupReq), and MaxDCycle (DutyCycleReq). The fixed-plan join-probing state is volatile and
    /// not persisted.</para>
    /// </summary>
    public sealed class ChannelPlan
    {
        /// <summary>Bytes written by <see cref="Write"/> and read by <see cref="Read"/>.</summary>
        public const int SerializedSize = 128;

        /// <summary>Format version in byte 0 of the record.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Channel slots of dynamic plans (LoRaWAN ChIndex is 0..15).</summary>
        public const int MaxDynamicChannels = 16;

        internal const int MaskWords = 6;
        private const int PersistedMaskWords = 5;
        private const int ChannelRecordOffset = 16;
        private const int ChannelRecordSize = 7;

        private readonly Region _region;

        internal readonly uint[] Frequency = new uint[MaxDynamicChannels];
        internal readonly uint[] Rx1Frequency = new uint[MaxDynamicChannels];
        internal readonly byte[] MinDataRate = new byte[MaxDynamicChannels];
        internal readonly byte[] MaxDataRate = new byte[MaxDynamicChannels];
        internal readonly sbyte[] Band = new sbyte[MaxDynamicChannels];
        internal readonly ushort[] Mask = new ushort[MaskWords];
        /// <summary>
        /// Changes with every change of the channels, the mask or <see cref="UplinkDwellTime"/> (<see cref="Reset"/>,
        /// <see cref="SetEnabled"/>, which DynamicChannelRegion's channel definitions end with, <see cref="CopyFrom"/>,
        /// <see cref="Read"/>, the UplinkDwellTime setter): a cache key.
        /// </summary>
        internal int Version;
        // The last data rate Region.IsDataRateAvailable found available, valid while AvailableVersion == Version (issue 20:
        // UsableDataRate.Ensure asks before every uplink; the answer depends only on the plan and the region's tables).
        internal int AvailableVersion = -1;
        internal int AvailableDataRate;
        // DynamicChannelRegion's eligible channels (bit mask) and their sub-bands for one data rate and join flag
        // (EligibleKey: dataRate * 2 + join), valid while EligibleVersion == Version (issue 20: recomputed on every
        // uplink before, 200-480 IL of a Class A cycle). Like the rest of the plan, used by one thread at a time.
        internal int EligibleVersion = -1;
        internal int EligibleKey;
        internal int EligibleChannels;
        internal int EligibleBands;

        // Fixed plans: the application's default channel mask (all 72 channels, or the sub-band the application
        // chose with Region.SetSubBand). The ADR back-off restores it (LoRaWAN 1.0.4 §4.3.1.1; LoRaMac-node
        // RegionUS915InitDefaults INIT_TYPE_ACTIVATE_DEFAULT_CHANNELS copies ChannelsDefaultMask). Not persisted: it
        // is the application's configuration, set again at every start.
        internal readonly ushort[] DefaultMask = new ushort[MaskWords];

        // Fixed plans: channels not yet used in the current pass (RP002-1.0.4 US915 "SHOULD NOT select a
        // channel used in a previous pass"), and the next 125 kHz group a Join-Request probes. Volatile.
        internal readonly ushort[] Remaining = new ushort[MaskWords];
        internal int JoinGroup;

        private bool _uplinkDwellTime;
        private bool _downlinkDwellTime;
        private int _maxEirpDbm;
        private int _maxDutyCycle;

        /// <summary>A plan for <paramref name="region"/> holding its defaults.</summary>
        public ChannelPlan(Region region)
        {
            if (region == null) throw new ArgumentNullException("region");
            _region = region;
            Reset();
        }

        /// <summary>The region this plan belongs to.</summary>
        public Region Region
        {
            get { return _region; }
        }

        /// <summary>
        /// Restores the region's defaults (boot, or before a new join). For fixed plans this includes the default
        /// channel mask (all channels): apply the application's sub-band again afterwards.
        /// </summary>
        public void Reset()
        {
            Array.Clear(Frequency, 0, MaxDynamicChannels);
            Array.Clear(Rx1Frequency, 0, MaxDynamicChannels);
            Array.Clear(MinDataRate, 0, MaxDynamicChannels);
            Array.Clear(MaxDataRate, 0, MaxDynamicChannels);
            for (int i = 0; i < MaxDynamicChannels; i++) Band[i] = -1;
            Array.Clear(Mask, 0, MaskWords);
            Array.Clear(DefaultMask, 0, MaskWords);
            Array.Clear(Remaining, 0, MaskWords);
            JoinGroup = 0;
            _uplinkDwellTime = _region.DefaultUplinkDwellTime;
            _downlinkDwellTime = _region.DefaultDownlinkDwellTime;
            _maxEirpDbm = _region.DefaultMaxEirpDbm;
            _maxDutyCycle = 0;
            _region.ResetChannels(this);
            Version++;
        }

        /// <summary>UplinkDwellTime (TxParamSetupReq): the 400 ms limit and its smaller payload table apply.</summary>
        public bool UplinkDwellTime
        {
            get { return _uplinkDwellTime; }
            set
            {
                if (value == _uplinkDwellTime) return;
                _uplinkDwellTime = value;
                Version++;   // the payload table changes: the rates available (IsDataRateAvailable) may too
            }
        }

        /// <summary>DownlinkDwellTime (TxParamSetupReq): changes AS923's RX1 data rates.</summary>
        public bool DownlinkDwellTime
        {
            get { return _downlinkDwellTime; }
            set { _downlinkDwellTime = value; }
        }

        /// <summary>Maximum EIRP in dBm that TXPower index 0 stands for (region default or TxParamSetupReq).</summary>
        public int MaxEirpDbm
        {
            get { return _maxEirpDbm; }
            set { _maxEirpDbm = value; }
        }

        /// <summary>
        /// DutyCycleReq MaxDCycle (0..15): the aggregated duty cycle is 1/2^MaxDCycle; 0 means no limit beyond
        /// the regional one (LoRaWAN 1.0.4 §5.3).
        /// </summary>
        public int MaxDutyCycle
        {
            get { return _maxDutyCycle; }
            set
            {
                if (value < 0 || value > 15) throw new ArgumentOutOfRangeException("value", "MaxDCycle must be 0..15");
                _maxDutyCycle = value;
            }
        }

        /// <summary>Number of channel slots (16 dynamic; 48, 64, 72 or 96 fixed).</summary>
        public int ChannelCount
        {
            get { return _region.ChannelCount; }
        }

        /// <summary>True when <paramref name="channel"/> is enabled in the mask.</summary>
        public bool IsEnabled(int channel)
        {
            if (channel < 0 || channel >= MaskWords * 16) return false;
            return (Mask[channel >> 4] & (1 << (channel & 15))) != 0;
        }

        /// <summary>Enables or disables <paramref name="channel"/> in the mask (no validation).</summary>
        internal void SetEnabled(int channel, bool enabled)
        {
            int bit = 1 << (channel & 15);
            if (enabled) Mask[channel >> 4] = (ushort)(Mask[channel >> 4] | bit);
            else Mask[channel >> 4] = (ushort)(Mask[channel >> 4] & ~bit);
            Version++;
        }

        /// <summary>True when <paramref name="channel"/> is in the default channel mask (fixed plans; see <see cref="Region.RestoreDefaultChannels"/>).</summary>
        public bool IsDefaultEnabled(int channel)
        {
            if (channel < 0 || channel >= MaskWords * 16) return false;
            return (DefaultMask[channel >> 4] & (1 << (channel & 15))) != 0;
        }

        /// <summary>Number of enabled channels.</summary>
        public int EnabledCount
        {
            get
            {
                int n = 0;
                int count = ChannelCount;
                for (int ch = 0; ch < count; ch++) if (IsEnabled(ch)) n++;
                return n;
            }
        }

        /// <summary>Uplink frequency in Hz of <paramref name="channel"/> (0 = not defined).</summary>
        public uint GetFrequency(int channel)
        {
            return _region.GetUplinkFrequency(this, channel);
        }

        /// <summary>Lowest data rate of <paramref name="channel"/>.</summary>
        public int GetMinDataRate(int channel)
        {
            return _region.GetChannelMinDataRate(this, channel);
        }

        /// <summary>Highest data rate of <paramref name="channel"/>.</summary>
        public int GetMaxDataRate(int channel)
        {
            return _region.GetChannelMaxDataRate(this, channel);
        }

        /// <summary>The duty-cycle sub-band of <paramref name="channel"/> (0 for fixed plans).</summary>
        public int GetBand(int channel)
        {
            // A dynamic plan's defined channel has its sub-band in Band; a fixed plan's Band stays −1 and its one band is 0
            // (issue 20: the region's virtual IsFixedChannelPlan only then).
            if (channel < MaxDynamicChannels)
            {
                int b = Band[channel];
                if (b >= 0) return b;
            }
            if (_region.IsFixedChannelPlan) return 0;
            return Band[channel];
        }

        /// <summary>Makes this plan an exact copy of <paramref name="other"/> (same region). No allocation.</summary>
        public void CopyFrom(ChannelPlan other)
        {
            if (other._region.Id != _region.Id) throw new ArgumentException("plans of different regions", "other");
            Array.Copy(other.Frequency, 0, Frequency, 0, MaxDynamicChannels);
            Array.Copy(other.Rx1Frequency, 0, Rx1Frequency, 0, MaxDynamicChannels);
            Array.Copy(other.MinDataRate, 0, MinDataRate, 0, MaxDynamicChannels);
            Array.Copy(other.MaxDataRate, 0, MaxDataRate, 0, MaxDynamicChannels);
            Array.Copy(other.Band, 0, Band, 0, MaxDynamicChannels);
            Array.Copy(other.Mask, 0, Mask, 0, MaskWords);
            Array.Copy(other.DefaultMask, 0, DefaultMask, 0, MaskWords);
            Array.Copy(other.Remaining, 0, Remaining, 0, MaskWords);
            JoinGroup = other.JoinGroup;
            _uplinkDwellTime = other._uplinkDwellTime;
            _downlinkDwellTime = other._downlinkDwellTime;
            _maxEirpDbm = other._maxEirpDbm;
            _maxDutyCycle = other._maxDutyCycle;
            Version++;
        }

        /// <summary>
        /// Writes the persistent part as <see cref="SerializedSize"/> bytes at <paramref name="offset"/>:
        /// version, region id, dwell flags, MaxEIRP, MaxDCycle, mask words 0..4 (little-endian), 16 channel
        /// records (frequency/100 in 3 bytes LE as in NewChannelReq, RX1 frequency/100 in 3 bytes, DR range
        /// byte max&lt;&lt;4|min), zero padding. Fixed plans have no channel records: mask word 5 (channels
        /// 80..95, the RP001 CN470 plan) takes the first two bytes of record 0. No allocation.
        /// </summary>
        public void Write(byte[] buffer, int offset)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || offset + SerializedSize > buffer.Length) throw new ArgumentOutOfRangeException("offset", "the plan needs " + SerializedSize.ToString() + " bytes");
            Array.Clear(buffer, offset, SerializedSize);
            buffer[offset] = FormatVersion;
            buffer[offset + 1] = (byte)_region.Id;
            buffer[offset + 2] = (byte)((_uplinkDwellTime ? 1 : 0) | (_downlinkDwellTime ? 2 : 0));
            buffer[offset + 3] = (byte)_maxEirpDbm;
            buffer[offset + 4] = (byte)_maxDutyCycle;
            for (int w = 0; w < PersistedMaskWords; w++)
            {
                buffer[offset + 5 + 2 * w] = (byte)Mask[w];
                buffer[offset + 6 + 2 * w] = (byte)(Mask[w] >> 8);
            }
            if (_region.IsFixedChannelPlan)
            {
                buffer[offset + ChannelRecordOffset] = (byte)Mask[MaskWords - 1];
                buffer[offset + ChannelRecordOffset + 1] = (byte)(Mask[MaskWords - 1] >> 8);
                return;
            }
            for (int ch = 0; ch < MaxDynamicChannels; ch++)
            {
                int p = offset + ChannelRecordOffset + ch * ChannelRecordSize;
                WriteFrequency(buffer, p, Frequency[ch]);
                WriteFrequency(buffer, p + 3, Rx1Frequency[ch]);
                buffer[p + 6] = (byte)((MaxDataRate[ch] << 4) | (MinDataRate[ch] & 0x0F));
            }
        }

        /// <summary>
        /// Reads a record written by <see cref="Write"/>. Returns false, leaving the plan unchanged, when the
        /// version or region differs or a field is out of range (the caller then keeps or resets the defaults).
        /// No allocation.
        /// </summary>
        public bool Read(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset + SerializedSize > buffer.Length) return false;
            if (buffer[offset] != FormatVersion || buffer[offset + 1] != (byte)_region.Id) return false;
            if ((buffer[offset + 2] & 0xFC) != 0 || buffer[offset + 4] > 15 || buffer[offset + 3] > 36) return false;
            bool fixedPlan = _region.IsFixedChannelPlan;
            for (int ch = 0; ch < MaxDynamicChannels; ch++)
            {
                int p = offset + ChannelRecordOffset + ch * ChannelRecordSize;
                if (fixedPlan)
                {
                    // Fixed plans: record 0 holds only mask word 5; everything else is zero.
                    for (int i = ch == 0 ? 2 : 0; i < ChannelRecordSize; i++) if (buffer[p + i] != 0) return false;
                    continue;
                }
                uint f = ReadFrequency(buffer, p);
                if (f != 0 && !_region.IsFrequencyValid(f)) return false;
                if ((buffer[p + 6] & 0x0F) > (buffer[p + 6] >> 4)) return false;
            }

            _uplinkDwellTime = (buffer[offset + 2] & 1) != 0;
            _downlinkDwellTime = (buffer[offset + 2] & 2) != 0;
            _maxEirpDbm = buffer[offset + 3];
            _maxDutyCycle = buffer[offset + 4];
            for (int w = 0; w < PersistedMaskWords; w++)
                Mask[w] = (ushort)(buffer[offset + 5 + 2 * w] | (buffer[offset + 6 + 2 * w] << 8));
            Mask[MaskWords - 1] = fixedPlan
                ? (ushort)(buffer[offset + ChannelRecordOffset] | (buffer[offset + ChannelRecordOffset + 1] << 8))
                : (ushort)0;
            for (int ch = 0; ch < MaxDynamicChannels; ch++)
            {
                int p = offset + ChannelRecordOffset + ch * ChannelRecordSize;
                if (fixedPlan)
                {
                    Frequency[ch] = 0;
                    Rx1Frequency[ch] = 0;
                    MinDataRate[ch] = 0;
                    MaxDataRate[ch] = 0;
                    Band[ch] = -1;
                    continue;
                }
                Frequency[ch] = ReadFrequency(buffer, p);
                Rx1Frequency[ch] = ReadFrequency(buffer, p + 3);
                MinDataRate[ch] = (byte)(buffer[p + 6] & 0x0F);
                MaxDataRate[ch] = (byte)(buffer[p + 6] >> 4);
                Band[ch] = Frequency[ch] == 0 ? (sbyte)-1 : (sbyte)_region.GetBandIndex(Frequency[ch]);
                if (Frequency[ch] == 0 && !_region.IsFixedChannelPlan) SetEnabled(ch, false);
            }
            if (fixedPlan) ((FixedChannelRegion)_region).ClearUndefined(this);
            else for (int w = 1; w < MaskWords; w++) Mask[w] = 0;
            Array.Copy(Mask, 0, Remaining, 0, MaskWords);
            JoinGroup = 0;
            Version++;
            return true;
        }

        private static void WriteFrequency(byte[] buffer, int p, uint hz)
        {
            uint v = hz / 100;
            buffer[p] = (byte)v;
            buffer[p + 1] = (byte)(v >> 8);
            buffer[p + 2] = (byte)(v >> 16);
        }

        private static uint ReadFrequency(byte[] buffer, int p)
        {
            return (uint)(buffer[p] | (buffer[p + 1] << 8) | (buffer[p + 2] << 16)) * 100u;
        }
    }
}
