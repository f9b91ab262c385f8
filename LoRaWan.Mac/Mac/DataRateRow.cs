using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan.Mac
{
    /// <summary>
    /// One data rate's row of the region's table, read once and kept while the rate stays the same (issue 20: the Class A
    /// cycle read SF, bandwidth and FSK bit rate of the same rate up to four times per window, and computed the same air
    /// times every cycle). The region's tables never change after construction and the MAC's region is fixed, so a row
    /// is valid until the data rate it holds changes (<see cref="Load"/> re-reads it then). The air times are computed on
    /// first use only (a rate this stack cannot send or receive throws there, as <see cref="Region.GetAirTimeUs"/> does).
    /// Used on the MAC's thread only. Nothing here allocates.
    /// </summary>
    internal sealed class DataRateRow
    {
        /// <summary>The data rate held; −1 before the first <see cref="Load"/>.</summary>
        internal int DataRate = -1;
        /// <summary>
        /// <see cref="Region.IsDataRateSupported"/> of <see cref="DataRate"/>, read at <see cref="Load"/> (issue 20: asked at
        /// TxDone and again between the windows every cycle). The region's tables never change, so it changes only with the rate.
        /// </summary>
        internal bool Supported;
        internal int SpreadingFactor;
        internal int BandwidthHz;
        /// <summary>FSK bit rate; 0 for a LoRa rate.</summary>
        internal int FskBitRate;
        long _symbolTimeUs;
        ulong _maxDownlinkUs;
        int _uplinkLength = -1;
        ulong _uplinkUs;
        /// <summary>The timing error the window was last fitted to (<see cref="FitWindow"/>), µs; −1: not fitted since the last <see cref="Load"/>.</summary>
        internal long FittedErrorUs = -1;
        /// <summary>The radio wake-up the window was last fitted to, µs.</summary>
        internal long FittedWakeUpUs;

        /// <summary>The window's symbol timeout (RxWindowTiming.SymbolTimeoutFor), as of the last <see cref="FitWindow"/>.</summary>
        internal int WindowSymbols;
        /// <summary>When to open the window relative to its delay, µs (RxWindowTiming.WindowOffsetMillisecondsFor × 1000).</summary>
        internal long WindowOffsetUs;
        /// <summary>How long the window listens: <see cref="WindowSymbols"/> × the window's symbol time, µs.</summary>
        internal ulong WindowListenUs;
        /// <summary>
        /// From a window's opening to its guard alarm, µs: <see cref="WindowListenUs"/>, the largest downlink's air time and
        /// the caller's margin, set by the caller after each <see cref="FitWindow"/> (ClassAMac.FittedRow).
        /// </summary>
        internal ulong WindowGuardUs;

        /// <summary>
        /// The receive settings of a window row (null for the uplink's row): every field but <see cref="RxConfig.FrequencyHz"/>
        /// follows the row, written at <see cref="Load"/> and <see cref="FitWindow"/> and by nothing else, so opening a window
        /// sets only the frequency (issue 20: nine field writes per window, the same values every cycle).
        /// </summary>
        internal readonly RxConfig Window;

        /// <summary>A row for the uplink (no receive settings).</summary>
        internal DataRateRow()
        {
        }

        /// <summary>A receive window's row, which keeps <paramref name="window"/> in step with the row (<see cref="Window"/>).</summary>
        internal DataRateRow(RxConfig window)
        {
            Window = window;
            window.CodingRate = 1;
            window.InvertIq = true;   // downlinks are sent with inverted IQ (LoRaWAN 1.0.4 §4.1)
        }

        /// <summary>Holds <paramref name="dataRate"/>'s row of <paramref name="region"/> (nothing to do when it already does).</summary>
        internal void Load(Region region, int dataRate)
        {
            if (dataRate == DataRate) return;   // the caller tests this first on the hot path (ClassAMac.FittedRow)
            int sf = region.GetSpreadingFactor(dataRate);
            int bw = region.GetBandwidthHz(dataRate);
            int fsk = region.GetFskBitRate(dataRate);
            SpreadingFactor = sf;
            BandwidthHz = bw;
            FskBitRate = fsk;
            Supported = region.IsDataRateSupported(dataRate);
            RxConfig window = Window;
            if (window != null)
            {
                window.SpreadingFactor = sf;
                window.BandwidthHz = bw;
                window.FskBitRate = fsk;
                window.PreambleSymbols = fsk != 0 ? AirTime.LoRaWanFskPreambleBytes : 8;
                window.Crc = fsk != 0;   // LoRa downlinks carry no payload CRC (LoRaWAN 1.0.4 §4.1); FSK frames always do
            }
            _symbolTimeUs = 0;
            _maxDownlinkUs = 0;
            _uplinkLength = -1;
            FittedErrorUs = -1;
            DataRate = dataRate;
        }

        /// <summary>
        /// Sets <see cref="WindowSymbols"/>, <see cref="WindowOffsetUs"/> and <see cref="WindowListenUs"/> for a timing
        /// error of <paramref name="errorUs"/> (≥ 0) and a radio wake-up of <paramref name="wakeUpUs"/>, computed once per
        /// row and pair (issue 20: RxWindowTiming's divisions ran three times per window, 229 IL of a 14,482 IL cycle): the caller
        /// calls it only when <see cref="FittedErrorUs"/> or <see cref="FittedWakeUpUs"/> differs (ClassAMac.FittedRow).
        /// </summary>
        internal void FitWindow(long errorUs, long wakeUpUs)
        {
            long tsym = WindowSymbolTimeUs;
            int symbols = RxWindowTiming.SymbolTimeoutFor(tsym, errorUs);
            WindowSymbols = symbols;
            if (Window != null) Window.SymbolTimeout = symbols;
            WindowOffsetUs = RxWindowTiming.WindowOffsetMillisecondsFor(tsym, symbols, wakeUpUs) * 1000L;
            WindowListenUs = (ulong)symbols * (ulong)tsym;
            FittedErrorUs = errorUs;
            FittedWakeUpUs = wakeUpUs;
        }

        /// <summary>The receive window's symbol in µs: 2^SF / BW for LoRa, one byte (8 / bitrate) for GFSK.</summary>
        internal long WindowSymbolTimeUs
        {
            get
            {
                if (_symbolTimeUs == 0)
                    _symbolTimeUs = FskBitRate != 0 ? RxWindowTiming.FskSymbolTimeMicroseconds(FskBitRate)
                        : RxWindowTiming.SymbolTimeMicroseconds(SpreadingFactor, BandwidthHz);
                return _symbolTimeUs;
            }
        }

        /// <summary>Air time of the largest downlink (<see cref="Transmission.MaxPhyPayload"/> bytes), µs.</summary>
        internal ulong MaxDownlinkUs(Region region)
        {
            if (_maxDownlinkUs == 0) _maxDownlinkUs = region.GetAirTimeUs(DataRate, Transmission.MaxPhyPayload, false);
            return _maxDownlinkUs;
        }

        /// <summary>Air time of an uplink of <paramref name="phyPayloadLength"/> bytes, µs (the last length's kept).</summary>
        internal ulong UplinkUs(Region region, int phyPayloadLength)
        {
            if (phyPayloadLength != _uplinkLength)
            {
                _uplinkUs = region.GetAirTimeUs(DataRate, phyPayloadLength, true);
                _uplinkLength = phyPayloadLength;
            }
            return _uplinkUs;
        }
    }
}
