using System;
using LoRaWan.Radio;

namespace LoRaWan.Regions
{
    /// <summary>
    /// A LoRaWAN regional channel plan (LoRa Alliance RP002-1.0.4 "LoRaWAN Regional Parameters"): the tables of
    /// one region plus the algorithm of its plan family. A region object is immutable and holds no per-device
    /// state; everything the network changes with MAC commands lives in a <see cref="ChannelPlan"/>, and
    /// duty-cycle history in a <see cref="DutyCycleTracker"/>.
    /// <para>Two families: <see cref="DynamicChannelRegion"/> (EU868, AS923-1..4, IN865, KR920, RU864, EU433,
    /// CN779: up to 16 channels the network can add with CFList type 0 / NewChannelReq) and
    /// <see cref="FixedChannelRegion"/> (US915, AU915, CN470: numbered fixed channels selected by a mask, CFList
    /// type 1). The numbers of each region are data in <see cref="RegionCatalog"/>.</para>
    /// </summary>
    public abstract partial class Region
    {
        /// <summary>Data-rate indexes 0..15 (the 4-bit DR field of LinkADRReq).</summary>
        public const int DataRateSlots = 16;

        /// <summary>Row width of the RX1 data-rate tables: RX1DROffset is at most 7 (AS923, IN865).</summary>
        internal const int Rx1Columns = 8;

        /// <summary>Dwell-time limit that TxParamSetupReq switches on (RP002-1.0.4 AS923/AU915): 400 ms.</summary>
        public const ulong DwellTimeLimitUs = 400000;

        /// <summary>Builds an empty table; <see cref="RegionCatalog"/> fills it.</summary>
        internal Region(string name, RegionId id)
        {
            _name = name;
            _id = id;
            for (int i = 0; i < _rx1.Length; i++) _rx1[i] = -1;
        }

        // ------------------------------------------------------------------ factory

        /// <summary>
        /// The region called <paramref name="name"/>: exactly one of EU868, US915, AU915, AS923-1, AS923-2,
        /// AS923-3, AS923-4, IN865, KR920, RU864, EU433, CN779, CN470-20A, CN470-20B, CN470-26A, CN470-26B
        /// (RP002 CN470-510 by antenna type) or CN470-RP1 (the older 96-channel CN470 plan), case-insensitive.
        /// </summary>
        /// <exception cref="ArgumentException">any other name; the message lists the valid ones</exception>
        public static Region Create(string name)
        {
            return RegionCatalog.Create(name);
        }

        /// <summary>The region a persisted <see cref="ChannelPlan"/> record names.</summary>
        /// <exception cref="ArgumentException"><paramref name="id"/> is not a known region</exception>
        public static Region Create(RegionId id)
        {
            return RegionCatalog.Create(id);
        }

        /// <summary>The names <see cref="Create(string)"/> accepts, comma separated.</summary>
        public static string ValidNames
        {
            get { return RegionCatalog.ValidNames; }
        }

        // ------------------------------------------------------------------ identity and family

        /// <summary>The RP002 name, e.g. "EU868" or "AS923-2".</summary>
        public string Name
        {
            get { return _name; }
        }

        /// <summary>The identifier stored in the persisted <see cref="ChannelPlan"/>.</summary>
        public RegionId Id
        {
            get { return _id; }
        }

        /// <summary>True for the fixed-channel family (US915, AU915, CN470).</summary>
        public abstract bool IsFixedChannelPlan { get; }

        /// <summary>Number of channel slots: 16 (dynamic plans); 72 (US915/AU915), 64 or 48 (CN470 20/26 MHz), 96 (CN470-RP1).</summary>
        public abstract int ChannelCount { get; }

        // ------------------------------------------------------------------ data rates

        /// <summary>True when <paramref name="dataRate"/> is defined (not RFU) in this region.</summary>
        public bool IsDataRateDefined(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots && _modulation[dataRate] != (byte)Modulation.None;
        }

        /// <summary>The modulation of <paramref name="dataRate"/>; <see cref="Modulation.None"/> when RFU.</summary>
        public Modulation GetModulation(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots ? (Modulation)_modulation[dataRate] : Modulation.None;
        }

        /// <summary>LoRa spreading factor (7..12) of <paramref name="dataRate"/>; 0 when it is not a LoRa rate.</summary>
        public int GetSpreadingFactor(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots ? _spreadingFactor[dataRate] : 0;
        }

        /// <summary>
        /// LoRa bandwidth in Hz (125000, 250000, 500000) of <paramref name="dataRate"/>; for LR-FHSS the occupied
        /// channel width; 0 for FSK or RFU.
        /// </summary>
        public int GetBandwidthHz(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots ? _bandwidthHz[dataRate] : 0;
        }

        /// <summary>FSK bit rate in bit/s of <paramref name="dataRate"/>; 0 when it is not an FSK rate.</summary>
        public int GetFskBitRate(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots ? _fskBitRate[dataRate] : 0;
        }

        /// <summary>True when end-devices may send with <paramref name="dataRate"/>.</summary>
        public bool IsUplinkDataRate(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots && (_direction[dataRate] & Uplink) != 0;
        }

        /// <summary>True when the network may answer with <paramref name="dataRate"/> (RX1/RX2).</summary>
        public bool IsDownlinkDataRate(int dataRate)
        {
            return dataRate >= 0 && dataRate < DataRateSlots && (_direction[dataRate] & Downlink) != 0;
        }

        /// <summary>True when this stack can use <paramref name="dataRate"/>: it is defined and it is LoRa or GFSK.</summary>
        public bool IsDataRateSupported(int dataRate)
        {
            // GetModulation's table read without the call (issue 20: 4 per Class A cycle).
            if (dataRate < 0 || dataRate >= DataRateSlots) return false;
            int m = _modulation[dataRate];
            return m == (int)Modulation.LoRa || m == (int)Modulation.Fsk;
        }

        /// <summary>Throws unless <paramref name="dataRate"/> is a LoRa or GFSK rate of this region.</summary>
        /// <exception cref="NotSupportedException">an LR-FHSS rate (defined, but not implemented here)</exception>
        /// <exception cref="ArgumentOutOfRangeException">an RFU or out-of-range index</exception>
        public void EnsureDataRateSupported(int dataRate)
        {
            Modulation m = GetModulation(dataRate);
            if (m == Modulation.LoRa || m == Modulation.Fsk) return;
            if (m == Modulation.LrFhss)
                throw new NotSupportedException("DR" + dataRate.ToString() + " in " + _name +
                    " is LR-FHSS; this stack supports LoRa and FSK data rates only");
            throw new ArgumentOutOfRangeException("dataRate", "DR" + dataRate.ToString() + " is not defined in " + _name);
        }

        /// <summary>The highest data-rate index an end-device may send with (any modulation).</summary>
        public int MaxUplinkDataRate
        {
            get
            {
                for (int dr = DataRateSlots - 1; dr >= 0; dr--) if (IsUplinkDataRate(dr)) return dr;
                return -1;
            }
        }

        /// <summary>
        /// The data rate a device uses before ADR or the application picks one (and the join data rate of
        /// dynamic plans): DR0, or DR2 where DR0/DR1 are not allowed under the default dwell time (AS923, AU915).
        /// </summary>
        public int DefaultDataRate
        {
            get { return _defaultDataRate; }
        }

        /// <summary>
        /// Maximum MACPayload size M in bytes (RP002-1.0.4 "Maximum payload size" tables) for
        /// <paramref name="dataRate"/>; 0 when the rate is RFU or not allowed (e.g. AS923 DR0 with dwell time).
        /// <paramref name="dwellTime"/> selects the 400 ms dwell-time column (AS923, AU915; elsewhere the same);
        /// <paramref name="repeaterCompatible"/> the smaller column for networks with repeaters.
        /// </summary>
        public int GetMaxMacPayload(int dataRate, bool dwellTime, bool repeaterCompatible)
        {
            if (dataRate < 0 || dataRate >= DataRateSlots) return 0;
            return _maxMacPayload[dataRate * 4 + (dwellTime ? 1 : 0) + (repeaterCompatible ? 2 : 0)];
        }

        /// <summary>The same as <see cref="GetMaxMacPayload(int,bool,bool)"/>, not repeater compatible.</summary>
        public int GetMaxMacPayload(int dataRate, bool dwellTime)
        {
            return GetMaxMacPayload(dataRate, dwellTime, false);
        }

        /// <summary>
        /// Maximum application payload N = M − 8 (FHDR without FOpts is 7 bytes, FPort 1 byte); 0 when the
        /// rate is not allowed.
        /// </summary>
        public int GetMaxAppPayload(int dataRate, bool dwellTime, bool repeaterCompatible)
        {
            int m = GetMaxMacPayload(dataRate, dwellTime, repeaterCompatible);
            return m > 8 ? m - 8 : 0;
        }

        /// <summary>The maximum MACPayload size under the dwell-time setting held in <paramref name="plan"/>.</summary>
        public int GetMaxMacPayload(ChannelPlan plan, int dataRate)
        {
            // GetMaxMacPayload(dataRate, plan.UplinkDwellTime, false), without the second call (issue 20: 4 per cycle).
            if (dataRate < 0 || dataRate >= DataRateSlots) return 0;
            return _maxMacPayload[dataRate * 4 + (plan.UplinkDwellTime ? 1 : 0)];
        }

        /// <summary>
        /// Maximum MACPayload M of a downlink at <paramref name="dataRate"/>: the downlink dwell-time column
        /// (TxParamSetupReq sets uplink and downlink dwell time separately; RP002 §2.x "Maximum payload size").
        /// </summary>
        public int GetMaxDownlinkMacPayload(ChannelPlan plan, int dataRate)
        {
            return GetMaxMacPayload(dataRate, plan.DownlinkDwellTime, false);
        }

        /// <summary>
        /// True when an uplink may use <paramref name="dataRate"/> under the plan's dwell-time setting:
        /// a supported LoRa uplink rate whose maximum payload is not zero.
        /// </summary>
        public bool IsUplinkDataRateUsable(ChannelPlan plan, int dataRate)
        {
            // IsUplinkDataRate, IsDataRateSupported and GetMaxMacPayload(plan, dataRate) > 0 as table reads, without the three
            // calls (issue 20: asked before every uplink, UsableDataRate.Ensure through IsDataRateAvailable).
            if (dataRate < 0 || dataRate >= DataRateSlots || (_direction[dataRate] & Uplink) == 0) return false;
            int m = _modulation[dataRate];
            if (m != (int)Modulation.LoRa && m != (int)Modulation.Fsk) return false;
            return _maxMacPayload[dataRate * 4 + (plan.UplinkDwellTime ? 1 : 0)] > 0;
        }

        /// <summary>
        /// Time on air in microseconds of a PHYPayload of <paramref name="phyPayloadLength"/> bytes sent with
        /// <paramref name="dataRate"/> (uplinks with CRC, downlinks without). No allocation.
        /// </summary>
        /// <remarks>A GFSK rate uses the FSK formula (<see cref="AirTime.LoRaWanFskFrameUs"/>, CRC in both directions).</remarks>
        /// <exception cref="NotSupportedException">an LR-FHSS rate</exception>
        public ulong GetAirTimeUs(int dataRate, int phyPayloadLength, bool uplink)
        {
            // One answer kept (issue 20: the MAC asks for the same uplink's air time every cycle, ≈ 7,000 x86 of AirTime on
            // nanoCLR): key (data rate, length, direction) and value in one long, read and written whole, so any thread may
            // ask (a torn pair cannot be seen: nanoCLR switches threads between IL instructions, and a 64-bit field is one
            // access on the host). The tables it depends on never change after construction.
            if (dataRate >= 0 && dataRate < DataRateSlots && phyPayloadLength >= 0 && phyPayloadLength <= 0xFFFF)
            {
                long key = (long)(((dataRate << 17) | (phyPayloadLength << 1) | (uplink ? 1 : 0)) + 1) << AirTimeKeyShift;
                long memo = _airTimeMemo;
                if ((memo & ~AirTimeValueMask) == key) return (ulong)(memo & AirTimeValueMask);
                ulong us = ComputeAirTimeUs(dataRate, phyPayloadLength, uplink);
                if (us <= AirTimeValueMask) _airTimeMemo = key | (long)us;
                return us;
            }
            return ComputeAirTimeUs(dataRate, phyPayloadLength, uplink);
        }

        /// <summary><see cref="GetAirTimeUs"/>'s memo: (1 + DR·2^17 + length·2 + uplink) in bits 40.., the air time in µs below; 0 = empty.</summary>
        private long _airTimeMemo;
        private const int AirTimeKeyShift = 40;
        private const long AirTimeValueMask = (1L << AirTimeKeyShift) - 1;

        private ulong ComputeAirTimeUs(int dataRate, int phyPayloadLength, bool uplink)
        {
            Modulation m = GetModulation(dataRate);
            if (m == Modulation.Fsk) return AirTime.LoRaWanFskFrameUs(_fskBitRate[dataRate], phyPayloadLength);
            if (m != Modulation.LoRa) EnsureDataRateSupported(dataRate);
            return AirTime.LoRaWanFrameUs(_spreadingFactor[dataRate], _bandwidthHz[dataRate], phyPayloadLength, uplink);
        }

        // ------------------------------------------------------------------ receive windows

        /// <summary>Default RX2 frequency in Hz (RP002-1.0.4 "Receive windows").</summary>
        public uint Rx2Frequency
        {
            get { return _rx2FrequencyHz; }
        }

        /// <summary>Default RX2 data rate.</summary>
        public int Rx2DataRate
        {
            get { return _rx2DataRate; }
        }

        /// <summary>Highest valid RX1DROffset (RXParamSetupReq / join-accept DLSettings).</summary>
        public int MaxRx1DrOffset
        {
            get { return _maxRx1Offset; }
        }

        /// <summary>
        /// The RX1 data rate for an uplink at <paramref name="uplinkDataRate"/> with RX1DROffset
        /// <paramref name="offset"/> (RP002-1.0.4 RX1 tables; AS923 with its DownlinkDwellTime rule); −1 when
        /// the offset or the uplink rate is not valid.
        /// </summary>
        public int GetRx1DataRate(int uplinkDataRate, int offset, bool downlinkDwellTime)
        {
            if (uplinkDataRate < 0 || uplinkDataRate >= DataRateSlots || offset < 0 || offset > _maxRx1Offset) return -1;
            sbyte[] table = downlinkDwellTime && _rx1DownlinkDwell != null ? _rx1DownlinkDwell : _rx1;
            return table[uplinkDataRate * Rx1Columns + offset];
        }

        /// <summary>The RX1 data rate under the plan's DownlinkDwellTime.</summary>
        public int GetRx1DataRate(ChannelPlan plan, int uplinkDataRate, int offset)
        {
            // GetRx1DataRate(uplinkDataRate, offset, plan.DownlinkDwellTime) without the second call (issue 20: once per uplink).
            if (uplinkDataRate < 0 || uplinkDataRate >= DataRateSlots || offset < 0 || offset > _maxRx1Offset) return -1;
            sbyte[] table = _rx1DownlinkDwell != null && plan.DownlinkDwellTime ? _rx1DownlinkDwell : _rx1;
            return table[uplinkDataRate * Rx1Columns + offset];
        }

        /// <summary>The RX1 frequency after an uplink on <paramref name="channel"/> (family rule).</summary>
        public abstract uint GetRx1Frequency(ChannelPlan plan, int channel);

        // ------------------------------------------------------------------ transmit power

        /// <summary>The region's default maximum EIRP in dBm (TXPower index 0 before any TxParamSetupReq).</summary>
        public int DefaultMaxEirpDbm
        {
            get { return _txParams.MaxEirpDbm; }
        }

        /// <summary>The highest TXPower index defined (each step is −2 dB).</summary>
        public int MaxTxPowerIndex
        {
            get { return _txParams.MaxTxPowerIndex; }
        }

        /// <summary>True when <paramref name="index"/> is a defined TXPower index (0..<see cref="MaxTxPowerIndex"/>).</summary>
        public bool IsTxPowerIndexValid(int index)
        {
            return index >= 0 && index <= _txParams.MaxTxPowerIndex;
        }

        /// <summary>EIRP in dBm for TXPower <paramref name="index"/>: MaxEIRP − 2·index (RP002-1.0.4 TX power tables).</summary>
        public int GetTxPowerEirpDbm(int index, int maxEirpDbm)
        {
            if (!IsTxPowerIndexValid(index)) throw new ArgumentOutOfRangeException("index", "TXPower index must be 0.." + MaxTxPowerIndex.ToString());
            return maxEirpDbm - 2 * index;
        }

        /// <summary>EIRP for <paramref name="index"/> under the plan's MaxEIRP (changed by TxParamSetupReq).</summary>
        public int GetTxPowerEirpDbm(ChannelPlan plan, int index)
        {
            return GetTxPowerEirpDbm(index, plan.MaxEirpDbm);
        }

        /// <summary>
        /// The EIRP to use on <paramref name="frequencyHz"/>: <paramref name="eirpDbm"/>, limited where the regional
        /// parameters cap a part of the band. KR920: "the maximum EIRP ... below 922 MHz SHALL be limited to
        /// +10 dBm" (RP001-1.0.3 KR920 TX power; LoRaMac-node RegionKR920 GetMaxEIRP).
        /// </summary>
        public int LimitEirpForFrequency(uint frequencyHz, int eirpDbm)
        {
            TxParameterDefaults p = _txParams;
            if (frequencyHz < p.EirpLimitBelowHz && eirpDbm > p.EirpLimitBelowDbm) return p.EirpLimitBelowDbm;
            return eirpDbm;
        }

        // ------------------------------------------------------------------ TxParamSetupReq / dwell time

        /// <summary>True for the regions that implement TxParamSetupReq (RP002-1.0.4: AS923 and AU915).</summary>
        public bool SupportsTxParamSetup
        {
            get { return _txParams.SupportsTxParamSetup; }
        }

        /// <summary>UplinkDwellTime at boot (1 = the 400 ms limit applies).</summary>
        public bool DefaultUplinkDwellTime
        {
            get { return _txParams.UplinkDwellTime; }
        }

        /// <summary>DownlinkDwellTime at boot.</summary>
        public bool DefaultDownlinkDwellTime
        {
            get { return _txParams.DownlinkDwellTime; }
        }

        /// <summary>The EIRP in dBm a TxParamSetupReq MaxEIRP code 0..15 stands for (LoRaWAN 1.0.4 §5.8, Table 48).</summary>
        public static int DecodeMaxEirp(int code)
        {
            if (code < 0 || code > 15) throw new ArgumentOutOfRangeException("code", "MaxEIRP code must be 0..15");
            return MaxEirpCodes[code];
        }

        /// <summary>
        /// Applies a TxParamSetupReq payload byte (bit 5 DownlinkDwellTime, bit 4 UplinkDwellTime, bits 3..0
        /// MaxEIRP) to <paramref name="plan"/>. Returns false, changing nothing, in regions that do not
        /// implement the command (the end-device then ignores it and sends no TxParamSetupAns).
        /// </summary>
        public bool ApplyTxParamSetup(ChannelPlan plan, int eirpDwellTime)
        {
            if (!_txParams.SupportsTxParamSetup) return false;
            plan.DownlinkDwellTime = (eirpDwellTime & 0x20) != 0;
            plan.UplinkDwellTime = (eirpDwellTime & 0x10) != 0;
            plan.MaxEirpDbm = MaxEirpCodes[eirpDwellTime & 0x0F];
            return true;
        }

        // ------------------------------------------------------------------ frequencies and duty-cycle bands

        /// <summary>Lowest frequency in Hz an end-device may be told to use in this region.</summary>
        public uint MinFrequencyHz
        {
            get { return _minFrequencyHz; }
        }

        /// <summary>Highest frequency in Hz an end-device may be told to use in this region.</summary>
        public uint MaxFrequencyHz
        {
            get { return _maxFrequencyHz; }
        }

        /// <summary>
        /// True when a channel may be placed on <paramref name="frequencyHz"/> (NewChannelReq, DlChannelReq,
        /// CFList, RXParamSetupReq): inside the region's band, inside one of its duty-cycle sub-bands, and
        /// on the region's raster.
        /// </summary>
        public virtual bool IsFrequencyValid(uint frequencyHz)
        {
            if (frequencyHz < _minFrequencyHz || frequencyHz > _maxFrequencyHz) return false;
            return GetBandIndex(frequencyHz) >= 0;
        }

        /// <summary>Number of duty-cycle sub-bands.</summary>
        public int BandCount
        {
            get { return _bands.Count; }
        }

        /// <summary>The sub-band that holds <paramref name="frequencyHz"/>; −1 when none does.</summary>
        public int GetBandIndex(uint frequencyHz)
        {
            return _bands.IndexOf(frequencyHz);
        }

        /// <summary>
        /// The duty-cycle limit of sub-band <paramref name="band"/> as a divisor: 100 means 1 %, 1000 means
        /// 0.1 %, 10 means 10 %, 1 means no limit.
        /// </summary>
        public int GetBandDutyCycleDivisor(int band)
        {
            CheckBand(band);
            return _bands.Divisor[band];
        }

        /// <summary>Lowest frequency of sub-band <paramref name="band"/> in Hz.</summary>
        public uint GetBandMinFrequency(int band)
        {
            CheckBand(band);
            return _bands.MinHz[band];
        }

        /// <summary>Highest frequency of sub-band <paramref name="band"/> in Hz.</summary>
        public uint GetBandMaxFrequency(int band)
        {
            CheckBand(band);
            return _bands.MaxHz[band];
        }

        private void CheckBand(int band)
        {
            if (band < 0 || band >= _bands.Count) throw new ArgumentOutOfRangeException("band", "sub-band must be 0.." + (_bands.Count - 1).ToString());
        }

        /// <summary>A short name of sub-band <paramref name="band"/> (e.g. "g1 868.0-868.6 MHz 1%").</summary>
        public string GetBandName(int band)
        {
            CheckBand(band);
            return _bands.Name[band];
        }

        /// <summary>
        /// True when the region's regulation is a duty cycle the end-device must enforce by default
        /// (EU868). Elsewhere the sub-band divisors are 1 and only DutyCycleReq and the join back-off apply.
        /// </summary>
        public bool DutyCycleEnforced
        {
            get { return _dutyCycleEnforced; }
        }

        /// <summary>
        /// True when the region's regulation asks for listen-before-talk wherever it is used (KR920): the MAC senses
        /// the channel before every transmission unless <c>LoRaWanOptions.ListenBeforeTalk</c> says otherwise. AS923 is
        /// false: only Japan asks for it (<see cref="HasListenBeforeTalk"/>, switched on by the option).
        /// </summary>
        public bool ListenBeforeTalkRequired
        {
            get { return _carrierSense.Required; }
        }

        // ------------------------------------------------------------------ channels (family algorithms)

        /// <summary>A channel plan holding this region's defaults (see <see cref="ChannelPlan.Reset"/>).</summary>
        public ChannelPlan CreateChannelPlan()
        {
            return new ChannelPlan(this);
        }

        /// <summary>Number of default channels (EU868: 3; AS923: 2; fixed plans: all of their channels).</summary>
        public abstract int DefaultChannelCount { get; }

        /// <summary>Frequency in Hz of default channel <paramref name="index"/>.</summary>
        public abstract uint GetDefaultChannelFrequency(int index);

        /// <summary>Uplink frequency in Hz of <paramref name="channel"/>; 0 when the channel is not defined.</summary>
        public abstract uint GetUplinkFrequency(ChannelPlan plan, int channel);

        /// <summary>Lowest data rate <paramref name="channel"/> carries.</summary>
        public abstract int GetChannelMinDataRate(ChannelPlan plan, int channel);

        /// <summary>Highest data rate <paramref name="channel"/> carries.</summary>
        public abstract int GetChannelMaxDataRate(ChannelPlan plan, int channel);

        /// <summary>Puts the region's default channels, mask and transmit parameters into <paramref name="plan"/>.</summary>
        internal abstract void ResetChannels(ChannelPlan plan);

        /// <summary>
        /// Applies the 16-byte CFList of a join-accept at <paramref name="offset"/>; returns false (ignoring it)
        /// when its CFListType (byte 15) is not the one this family uses (0 = frequencies, 1 = channel mask).
        /// </summary>
        public abstract bool ApplyCfList(ChannelPlan plan, byte[] cfList, int offset);

        /// <summary>
        /// Applies one LinkADRReq's ChMaskCntl/ChMask pair to the channel mask of <paramref name="plan"/>
        /// (LoRaWAN 1.0.4 §5.3; RP002-1.0.4 family semantics). Returns false when the pair must be NACKed
        /// (ChMaskCntl RFU, or it enables a channel that is not defined). Apply every pair of a block, in order,
        /// to a scratch copy, then check <see cref="HasEnabledChannel"/> and <see cref="IsDataRateAvailable"/>
        /// and commit only when all pass (1.0.4: the block is accepted or rejected as a whole).
        /// </summary>
        public abstract bool ApplyChannelMask(ChannelPlan plan, int chMaskCntl, int chMask);

        /// <summary>True for the family that implements NewChannelReq/DlChannelReq (dynamic plans).</summary>
        public abstract bool SupportsChannelCommands { get; }

        /// <summary>
        /// NewChannelReq (LoRaWAN 1.0.4 §5.6). Returns the NewChannelAns status: bit 0 "channel frequency ok",
        /// bit 1 "data rate range ok"; the plan changes only when both are set.
        /// </summary>
        public abstract int ApplyNewChannel(ChannelPlan plan, int channel, uint frequencyHz, int minDataRate, int maxDataRate);

        /// <summary>
        /// DlChannelReq (LoRaWAN 1.0.4 §5.6). Returns the DlChannelAns status: bit 0 "channel frequency ok",
        /// bit 1 "uplink frequency exists"; the plan changes only when both are set.
        /// </summary>
        public abstract int ApplyDlChannel(ChannelPlan plan, int channel, uint frequencyHz);

        /// <summary>
        /// Enables the default channels again (the last step of the ADR back-off, LoRaWAN 1.0.4 §4.3.1.1). Dynamic
        /// plans: the region's default channels, the others unchanged. Fixed plans: the default channel mask — all
        /// channels, or the sub-band the application chose with <see cref="SetSubBand"/>. Returns true when the mask
        /// changed.
        /// </summary>
        public abstract bool RestoreDefaultChannels(ChannelPlan plan);

        /// <summary>
        /// True when the channel mask of <paramref name="plan"/> may be used with <paramref name="dataRate"/> under the
        /// region's rules beyond "some enabled channel carries it" (US915/AU915: at least two 125 kHz channels for a
        /// 125 kHz rate, FCC 15.247). A LinkADRReq block failing it is NACKed (channel mask ACK = 0).
        /// </summary>
        public virtual bool IsChannelMaskAllowed(ChannelPlan plan, int dataRate)
        {
            return true;
        }

        /// <summary>True when at least one channel is enabled.</summary>
        public bool HasEnabledChannel(ChannelPlan plan)
        {
            int n = ChannelCount;
            for (int ch = 0; ch < n; ch++) if (plan.IsEnabled(ch)) return true;
            return false;
        }

        /// <summary>
        /// True when <paramref name="dataRate"/> is a usable uplink rate and at least one enabled channel
        /// carries it (LinkADRReq "data rate ACK", LoRaWAN 1.0.4 §5.2).
        /// </summary>
        public bool IsDataRateAvailable(ChannelPlan plan, int dataRate)
        {
            // The last rate found available is kept in the plan until the plan changes (ChannelPlan.Version).
            if (plan.AvailableVersion == plan.Version && plan.AvailableDataRate == dataRate) return true;
            if (!IsUplinkDataRateUsable(plan, dataRate) || !HasChannelFor(plan, dataRate)) return false;
            plan.AvailableDataRate = dataRate;
            plan.AvailableVersion = plan.Version;
            return true;
        }

        /// <summary>True when an enabled channel of <paramref name="plan"/> carries <paramref name="dataRate"/> (not a Join-Request).</summary>
        internal virtual bool HasChannelFor(ChannelPlan plan, int dataRate)
        {
            int n = ChannelCount;
            for (int ch = 0; ch < n; ch++)
                if (IsChannelEligible(plan, ch, dataRate, false)) return true;
            return false;
        }

        /// <summary>
        /// Restricts a fixed plan to one sub-band of eight 125 kHz channels plus its 500 kHz channel
        /// (<paramref name="subBand"/> 1..8; e.g. 2 = channels 8–15 and 65, The Things Network's US915/AU915
        /// "FSB2"). Returns false, changing nothing, for dynamic plans or an invalid sub-band.
        /// </summary>
        public virtual bool SetSubBand(ChannelPlan plan, int subBand)
        {
            return false;
        }

        /// <summary>
        /// Fixed plans: makes <paramref name="mask"/> (five 16-bit words, bit n of word w = channel 16·w + n; channels
        /// 0..71) the channel mask and the application's default mask, which the ADR back-off restores and a join starts
        /// from. Returns false, changing nothing, for dynamic plans or an unusable mask: not five words, a bit above
        /// channel 71, no channel at all, or a single 125 kHz channel (FCC 15.247: at least two; LoRaMac-node
        /// RegionUS915ChanMaskSet refuses one).
        /// </summary>
        public virtual bool SetDefaultChannelMask(ChannelPlan plan, ushort[] mask)
        {
            return false;
        }

        /// <summary>
        /// The data rate of Join-Request number <paramref name="attempt"/> (0 = first). Dynamic plans use
        /// <paramref name="preferredDataRate"/>, or <see cref="DefaultDataRate"/> when it is negative (unset); fixed plans follow RP002-1.0.4's sequence (a 125 kHz channel of
        /// each enabled group of eight, then one 500 kHz channel).
        /// </summary>
        public abstract int GetJoinDataRate(ChannelPlan plan, int attempt, int preferredDataRate);

        /// <summary>
        /// Picks the channel for the next uplink at <paramref name="dataRate"/>: random among the enabled channels
        /// that carry the rate and whose sub-band is free now (<paramref name="dutyCycle"/> may be null). Join
        /// requests use the join channels. Returns the channel with <paramref name="waitUs"/> = 0, or −1 with
        /// <paramref name="waitUs"/> = how long until a channel frees up (<see cref="ulong.MaxValue"/> when no
        /// enabled channel carries the rate). Allocates nothing.
        /// </summary>
        public abstract int SelectChannel(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs,
            DutyCycleTracker dutyCycle, IRandomSource random, out ulong waitUs);

        /// <summary>
        /// "When may I next transmit?": 0 when some enabled channel carrying <paramref name="dataRate"/> is free
        /// now, otherwise microseconds until one is (<see cref="ulong.MaxValue"/> when none carries the rate).
        /// </summary>
        public virtual ulong GetWaitUs(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs, DutyCycleTracker dutyCycle)
        {
            ulong best = ulong.MaxValue;
            int n = ChannelCount;
            for (int ch = 0; ch < n; ch++)
            {
                if (!IsChannelEligible(plan, ch, dataRate, joinRequest)) continue;
                ulong w = dutyCycle == null ? 0 : dutyCycle.GetWaitUs(plan.GetBand(ch), nowUs, airTimeUs, joinRequest, plan.MaxDutyCycle);
                if (w < best) best = w;
                if (best == 0) break;
            }
            return best;
        }

        /// <summary>True when <paramref name="channel"/> is enabled, defined and carries <paramref name="dataRate"/>.</summary>
        internal abstract bool IsChannelEligible(ChannelPlan plan, int channel, int dataRate, bool joinRequest);
    }
}
