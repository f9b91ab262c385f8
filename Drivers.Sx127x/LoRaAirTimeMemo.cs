namespace Drivers.Sx127x
{
    /// <summary>
    /// The LoRa parameters of the last transmission the driver validated and the air time it computed for them (issue 20:
    /// <see cref="Sx1276.Transmit"/> validated the modulation and ran the datasheet's air-time formula on every uplink, about
    /// 200 IL, though a device sends the same data rate and often the same length again). Any parameter that differs is a
    /// miss: the caller validates and computes again and keeps the new set (a set that fails validation is never kept).
    /// Under the driver's lock. Allocates nothing.
    /// </summary>
    internal sealed class LoRaAirTimeMemo
    {
        int _spreadingFactor;
        int _bandwidthHz;
        int _codingRate;
        int _preambleSymbols;
        int _length = -1;
        bool _crc;

        /// <summary>The air time of the kept set, µs (AirTime.LoRaUs, explicit header, low data rate optimisation as required).</summary>
        internal ulong AirTimeUs;

        /// <summary>True when the kept set is exactly these parameters (never before the first <see cref="Keep"/>).</summary>
        internal bool Matches(int spreadingFactor, int bandwidthHz, int codingRate, int preambleSymbols, int length, bool crc)
        {
            return length == _length && spreadingFactor == _spreadingFactor && bandwidthHz == _bandwidthHz
                && codingRate == _codingRate && preambleSymbols == _preambleSymbols && crc == _crc;
        }

        /// <summary>Keeps a validated set and its air time; returns <paramref name="airTimeUs"/>.</summary>
        internal ulong Keep(int spreadingFactor, int bandwidthHz, int codingRate, int preambleSymbols, int length, bool crc, ulong airTimeUs)
        {
            AirTimeUs = airTimeUs;
            _spreadingFactor = spreadingFactor;
            _bandwidthHz = bandwidthHz;
            _codingRate = codingRate;
            _preambleSymbols = preambleSymbols;
            _crc = crc;
            _length = length;
            return airTimeUs;
        }
    }
}
