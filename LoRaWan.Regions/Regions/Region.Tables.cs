using System;

namespace LoRaWan.Regions
{
    /// <summary>The table storage of <see cref="Region"/> and the methods <see cref="RegionCatalog"/> fills it with.</summary>
    public abstract partial class Region
    {
        private const byte Uplink = 1;
        private const byte Downlink = 2;

        // LoRaWAN 1.0.4 §5.8 TXParamSetupReq: the MaxEIRP field codes (dBm).
        private static readonly byte[] MaxEirpCodes = { 8, 10, 12, 13, 14, 16, 18, 20, 21, 24, 26, 27, 29, 30, 33, 36 };

        private readonly string _name;
        private readonly RegionId _id;

        // The data-rate table, indexed by DR.
        private readonly byte[] _modulation = new byte[DataRateSlots];
        private readonly byte[] _spreadingFactor = new byte[DataRateSlots];
        private readonly int[] _bandwidthHz = new int[DataRateSlots];
        private readonly int[] _fskBitRate = new int[DataRateSlots];
        private readonly byte[] _direction = new byte[DataRateSlots];
        // Max MACPayload size M per DR: [dr * 4 + variant], variant bit 0 = dwell time on, bit 1 = repeater.
        private readonly byte[] _maxMacPayload = new byte[DataRateSlots * 4];

        // RX1 data rate: [uplinkDr * 8 + offset], −1 = not allowed. The second table applies when
        // DownlinkDwellTime = 1 (AS923); null when the region has one table.
        private readonly sbyte[] _rx1 = new sbyte[DataRateSlots * Rx1Columns];
        private sbyte[] _rx1DownlinkDwell;
        private int _maxRx1Offset;

        // Duty-cycle sub-bands, allocated once with the region, filled by AddBand.
        private readonly SubBandTable _bands = new SubBandTable();

        private uint _minFrequencyHz;
        private uint _maxFrequencyHz;

        // Scalars of RP002-1.0.4 "Default settings" / "Receive windows"; its "TX power" and TxParamSetupReq
        // defaults, and the listen-before-talk rule, each in an object of their own.
        private uint _rx2FrequencyHz;
        private int _rx2DataRate;
        private int _defaultDataRate;
        private bool _dutyCycleEnforced;
        private readonly TxParameterDefaults _txParams = new TxParameterDefaults();
        private readonly CarrierSenseRule _carrierSense = new CarrierSenseRule();

        /// <summary>Sets the scalar defaults of the region.</summary>
        internal void DefineDefaults(uint rx2FrequencyHz, int rx2DataRate, int defaultDataRate, int maxEirpDbm,
            int maxTxPowerIndex, bool txParamSetup, bool uplinkDwellTime, bool downlinkDwellTime,
            bool dutyCycleEnforced, bool listenBeforeTalk)
        {
            _rx2FrequencyHz = rx2FrequencyHz;
            _rx2DataRate = rx2DataRate;
            _defaultDataRate = defaultDataRate;
            _txParams.MaxEirpDbm = maxEirpDbm;
            _txParams.MaxTxPowerIndex = maxTxPowerIndex;
            _txParams.SupportsTxParamSetup = txParamSetup;
            _txParams.UplinkDwellTime = uplinkDwellTime;
            _txParams.DownlinkDwellTime = downlinkDwellTime;
            _dutyCycleEnforced = dutyCycleEnforced;
            _carrierSense.Required = listenBeforeTalk;
        }

        /// <summary>
        /// Loads the data-rate table. Each row has <see cref="RegionCatalog.DataRateColumns"/> values:
        /// DR, modulation, SF, bandwidth kHz (FSK: kbit/s, LR-FHSS: occupied width kHz), direction bits
        /// (1 up, 2 down), M, M with dwell time, M repeater, M repeater with dwell time.
        /// </summary>
        internal void DefineDataRates(ushort[] rows)
        {
            for (int i = 0; i + RegionCatalog.DataRateColumns <= rows.Length; i += RegionCatalog.DataRateColumns)
            {
                int dr = rows[i];
                Modulation m = (Modulation)rows[i + 1];
                _modulation[dr] = (byte)m;
                _spreadingFactor[dr] = m == Modulation.LoRa ? (byte)rows[i + 2] : (byte)0;
                _bandwidthHz[dr] = m == Modulation.Fsk ? 0 : rows[i + 3] * 1000;
                _fskBitRate[dr] = m == Modulation.Fsk ? rows[i + 3] * 1000 : 0;
                _direction[dr] = (byte)rows[i + 4];
                for (int v = 0; v < 4; v++) _maxMacPayload[dr * 4 + v] = (byte)rows[i + 5 + v];
            }
        }

        /// <summary>
        /// Loads an RX1 data-rate table given as rows "uplink DR, then the RX1 DR for offsets 0..maxOffset"
        /// (−1 = not allowed).
        /// </summary>
        internal void DefineRx1Table(sbyte[] rows, int maxOffset, bool downlinkDwellTable)
        {
            sbyte[] target = _rx1;
            if (downlinkDwellTable)
            {
                if (_rx1DownlinkDwell == null) _rx1DownlinkDwell = new sbyte[DataRateSlots * Rx1Columns];
                target = _rx1DownlinkDwell;
                for (int i = 0; i < target.Length; i++) target[i] = -1;
            }
            int width = maxOffset + 2;
            for (int i = 0; i + width <= rows.Length; i += width)
            {
                int dr = rows[i];
                for (int o = 0; o <= maxOffset; o++) target[dr * Rx1Columns + o] = rows[i + 1 + o];
            }
            _maxRx1Offset = maxOffset;
        }

        /// <summary>
        /// Fills an RX1 table by rule: RX1 DR = min(capDr, max(minDr, DR − effectiveOffset[offset])) for every
        /// defined uplink DR up to <paramref name="lastUplinkDr"/>.
        /// </summary>
        internal void DefineRx1Rule(sbyte[] effectiveOffsets, int minDr, int capDr, int lastUplinkDr, bool downlinkDwellTable)
        {
            sbyte[] target = _rx1;
            if (downlinkDwellTable)
            {
                if (_rx1DownlinkDwell == null) _rx1DownlinkDwell = new sbyte[DataRateSlots * Rx1Columns];
                target = _rx1DownlinkDwell;
                for (int i = 0; i < target.Length; i++) target[i] = -1;
            }
            for (int dr = 0; dr <= lastUplinkDr; dr++)
            {
                if (!IsUplinkDataRate(dr)) continue;
                for (int o = 0; o < effectiveOffsets.Length; o++)
                {
                    int v = dr - effectiveOffsets[o];
                    if (v < minDr) v = minDr;
                    if (v > capDr) v = capDr;
                    target[dr * Rx1Columns + o] = (sbyte)v;
                }
            }
            _maxRx1Offset = effectiveOffsets.Length - 1;
        }

        /// <summary>
        /// Adds one duty-cycle sub-band (a row of the region's sub-band table): inclusive Hz range, the duty-cycle
        /// limit as a divisor (100 = 1 %, 1000 = 0.1 %, 1 = no limit) and a display name. Called only while the
        /// catalog builds the region.
        /// </summary>
        internal void AddBand(uint minHz, uint maxHz, ushort dutyCycleDivisor, string name)
        {
            _bands.Add(minHz, maxHz, dutyCycleDivisor, name);
        }

        /// <summary>A stricter EIRP limit for frequencies below <paramref name="frequencyHz"/> (KR920: +10 dBm below 922 MHz).</summary>
        internal void DefineEirpLimitBelow(uint frequencyHz, int maxEirpDbm)
        {
            _txParams.EirpLimitBelowHz = frequencyHz;
            _txParams.EirpLimitBelowDbm = maxEirpDbm;
        }

        /// <summary>Sets the frequency range channels may use.</summary>
        internal void DefineFrequencyRange(uint minHz, uint maxHz)
        {
            _minFrequencyHz = minHz;
            _maxFrequencyHz = maxHz;
        }
    }
}
