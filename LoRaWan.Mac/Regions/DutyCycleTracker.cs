using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// Duty-cycle bookkeeping for one device. Non-blocking: it answers "allowed now" (0) or "wait N µs" and
    /// is told about each transmission afterwards. Three independent limits, the strictest wins:
    /// <list type="number">
    /// <item>Per sub-band, where the region enforces a duty cycle (EU868): after a frame the sub-band rests
    /// for Toff = TimeOnAir / DutyCycle − TimeOnAir (RP002-1.0.4 EU863-870 "the same sub-band cannot be used
    /// again during the next Toff"), and, so that no one-hour observation window ever holds more than
    /// DutyCycle × 1 h of air time (ETSI EN 300 220-2 measures duty cycle over one hour), the frames of the
    /// last hour are kept in a small per-band history and checked too.</item>
    /// <item>The aggregated duty cycle 1/2^MaxDCycle set by DutyCycleReq (LoRaWAN 1.0.4 §5.4), across all
    /// sub-bands: after a frame, nothing is sent for TimeOnAir·2^MaxDCycle − TimeOnAir.</item>
    /// <item>The Join-Request back-off of LoRaWAN 1.0.4 §7 (<see cref="JoinBackoff"/>).</item>
    /// </list>
    /// Times are the MAC clock's microseconds (ulong). All storage is allocated in the constructor.
    /// </summary>
    public sealed class DutyCycleTracker
    {
        /// <summary>Frames remembered per sub-band for the one-hour check; older ones are merged (conservatively).</summary>
        public const int HistoryDepth = 8;

        /// <summary>The duty-cycle observation period: one hour.</summary>
        public const ulong ObservationUs = 3600UL * 1000000UL;

        private readonly Region _region;
        private readonly int _bands;
        private readonly ulong[] _bandReadyUs;
        private readonly ulong[] _historyEndUs;
        private readonly ulong[] _historyAirUs;
        private readonly int[] _historyHead;
        private readonly int[] _historyCount;
        private readonly JoinBackoff _join;
        private ulong _aggregatedReadyUs;
        private bool _enabled;

        /// <summary>
        /// Bookkeeping for <paramref name="region"/>'s sub-bands; <paramref name="startUs"/> is the power-up
        /// or reset time from which the join back-off counts.
        /// </summary>
        public DutyCycleTracker(Region region, ulong startUs)
        {
            if (region == null) throw new ArgumentNullException("region");
            _region = region;
            _bands = region.BandCount;
            _bandReadyUs = new ulong[_bands];
            _historyEndUs = new ulong[_bands * HistoryDepth];
            _historyAirUs = new ulong[_bands * HistoryDepth];
            _historyHead = new int[_bands];
            _historyCount = new int[_bands];
            _join = new JoinBackoff(startUs);
            _enabled = region.DutyCycleEnforced;
        }

        /// <summary>
        /// Whether the regional sub-band limits are enforced (default: the region's
        /// <see cref="Region.DutyCycleEnforced"/>). The aggregated duty cycle and the join back-off apply regardless.
        /// </summary>
        public bool Enabled
        {
            get { return _enabled; }
            set { _enabled = value; }
        }

        /// <summary>The Join-Request back-off.</summary>
        public JoinBackoff JoinBackoff
        {
            get { return _join; }
        }

        /// <summary>Forgets every transmission and restarts the join back-off at <paramref name="startUs"/> (device reset).</summary>
        public void Reset(ulong startUs)
        {
            Array.Clear(_bandReadyUs, 0, _bands);
            Array.Clear(_historyHead, 0, _bands);
            Array.Clear(_historyCount, 0, _bands);
            _aggregatedReadyUs = 0;
            _join.Reset(startUs);
        }

        /// <summary>
        /// 0 when a frame of <paramref name="airTimeUs"/> may start on sub-band <paramref name="band"/> at
        /// <paramref name="nowUs"/> as far as that sub-band's limit goes, otherwise microseconds to wait
        /// (<see cref="ulong.MaxValue"/> when the frame is longer than the sub-band's hourly budget).
        /// </summary>
        public ulong GetBandWaitUs(int band, ulong nowUs, ulong airTimeUs)
        {
            if (!_enabled || band < 0 || band >= _bands) return 0;
            int divisor = _region.GetBandDutyCycleDivisor(band);
            if (divisor <= 1) return 0;
            ulong budget = ObservationUs / (ulong)divisor;
            if (airTimeUs > budget) return ulong.MaxValue;

            ulong t = nowUs > _bandReadyUs[band] ? nowUs : _bandReadyUs[band];

            // One-hour window ending when the new frame ends: frames that end after its start count.
            ulong windowStart = t + airTimeUs > ObservationUs ? t + airTimeUs - ObservationUs : 0;
            int count = _historyCount[band];
            int head = _historyHead[band];
            int baseIndex = band * HistoryDepth;
            ulong sum = airTimeUs;
            for (int i = 0; i < count; i++)
            {
                int k = baseIndex + (head + i) % HistoryDepth;
                if (_historyEndUs[k] > windowStart) sum += _historyAirUs[k];
            }
            if (sum > budget)
            {
                // Let the oldest frames age out of the window (history is in time order) until the new one fits.
                ulong excess = sum - budget;
                for (int i = 0; i < count && excess > 0; i++)
                {
                    int k = baseIndex + (head + i) % HistoryDepth;
                    if (_historyEndUs[k] <= windowStart) continue;
                    ulong expires = _historyEndUs[k] + ObservationUs - airTimeUs;
                    if (expires > t) t = expires;
                    excess = _historyAirUs[k] >= excess ? 0 : excess - _historyAirUs[k];
                }
            }
            return t - nowUs;
        }

        /// <summary>0 when the aggregated duty cycle (DutyCycleReq) allows a frame now, otherwise µs to wait.</summary>
        public ulong GetAggregatedWaitUs(ulong nowUs)
        {
            return _aggregatedReadyUs > nowUs ? _aggregatedReadyUs - nowUs : 0;
        }

        /// <summary>
        /// The combined answer for a frame on sub-band <paramref name="band"/>: the largest of the sub-band
        /// wait, the aggregated duty-cycle wait and, for a Join-Request, the join back-off wait.
        /// </summary>
        public ulong GetWaitUs(int band, ulong nowUs, ulong airTimeUs, bool joinRequest)
        {
            ulong wait = GetBandWaitUs(band, nowUs, airTimeUs);
            ulong aggregated = GetAggregatedWaitUs(nowUs);
            if (aggregated > wait) wait = aggregated;
            if (joinRequest)
            {
                ulong join = _join.GetWaitUs(nowUs, airTimeUs);
                if (join > wait) wait = join;
            }
            return wait;
        }

        /// <summary>The limits that do not depend on the sub-band (aggregated duty cycle, join back-off).</summary>
        public ulong GetGlobalWaitUs(ulong nowUs, ulong airTimeUs, bool joinRequest)
        {
            ulong wait = GetAggregatedWaitUs(nowUs);
            if (joinRequest)
            {
                ulong join = _join.GetWaitUs(nowUs, airTimeUs);
                if (join > wait) wait = join;
            }
            return wait;
        }

        /// <summary>
        /// Records a frame sent on <paramref name="channel"/> of <paramref name="plan"/> at <paramref name="startUs"/>
        /// (sub-band from the channel, MaxDCycle from the plan).
        /// </summary>
        public void RecordTransmission(ChannelPlan plan, int channel, ulong startUs, ulong airTimeUs, bool joinRequest)
        {
            RecordTransmission(plan.GetBand(channel), startUs, airTimeUs, joinRequest, plan.MaxDutyCycle);
        }

        /// <summary>
        /// Records a frame of <paramref name="airTimeUs"/> that started at <paramref name="startUs"/> on
        /// sub-band <paramref name="band"/>; <paramref name="maxDutyCycle"/> is DutyCycleReq's MaxDCycle (0 = none).
        /// </summary>
        public void RecordTransmission(int band, ulong startUs, ulong airTimeUs, bool joinRequest, int maxDutyCycle)
        {
            if (_enabled && band >= 0 && band < _bands)
            {
                int divisor = _region.GetBandDutyCycleDivisor(band);
                if (divisor > 1)
                {
                    ulong ready = startUs + airTimeUs * (ulong)divisor;
                    if (ready > _bandReadyUs[band]) _bandReadyUs[band] = ready;
                    AddToHistory(band, startUs + airTimeUs, airTimeUs);
                }
            }
            if (maxDutyCycle > 0)
            {
                ulong ready = startUs + (airTimeUs << maxDutyCycle);
                if (ready > _aggregatedReadyUs) _aggregatedReadyUs = ready;
            }
            if (joinRequest) _join.Record(startUs, airTimeUs);
        }

        /// <summary>Air time of the frames on sub-band <paramref name="band"/> that ended within the hour before <paramref name="nowUs"/>.</summary>
        public ulong GetBandAirTimeInLastHourUs(int band, ulong nowUs)
        {
            ulong windowStart = nowUs > ObservationUs ? nowUs - ObservationUs : 0;
            ulong sum = 0;
            int baseIndex = band * HistoryDepth;
            for (int i = 0; i < _historyCount[band]; i++)
            {
                int k = baseIndex + (_historyHead[band] + i) % HistoryDepth;
                if (_historyEndUs[k] > windowStart) sum += _historyAirUs[k];
            }
            return sum;
        }

        private void AddToHistory(int band, ulong endUs, ulong airTimeUs)
        {
            int baseIndex = band * HistoryDepth;
            // Drop frames that can no longer fall into any window with this one.
            while (_historyCount[band] > 0)
            {
                int oldest = baseIndex + _historyHead[band];
                if (_historyEndUs[oldest] + ObservationUs > endUs - airTimeUs) break;
                _historyHead[band] = (_historyHead[band] + 1) % HistoryDepth;
                _historyCount[band]--;
            }
            if (_historyCount[band] == HistoryDepth)
            {
                // Full: fold the oldest frame into the next one. The merged entry keeps the later end time, so
                // it stays in the window at least as long as either frame would: never undercounts.
                int oldest = baseIndex + _historyHead[band];
                int next = baseIndex + (_historyHead[band] + 1) % HistoryDepth;
                _historyAirUs[next] += _historyAirUs[oldest];
                _historyHead[band] = (_historyHead[band] + 1) % HistoryDepth;
                _historyCount[band]--;
            }
            int slot = baseIndex + (_historyHead[band] + _historyCount[band]) % HistoryDepth;
            _historyEndUs[slot] = endUs;
            _historyAirUs[slot] = airTimeUs;
            _historyCount[band]++;
        }
    }
}
