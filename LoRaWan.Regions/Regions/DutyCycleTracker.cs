using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// Duty-cycle bookkeeping for one device. Non-blocking: it answers "allowed now" (0) or "wait N µs" and
    /// is told about each transmission afterwards. Three independent limits, the strictest wins:
    /// <list type="number">
    /// <item>Per sub-band, where the region enforces a duty cycle (EU868). The rule is ETSI EN 300 220's: no
    /// sliding hour holds more than DutyCycle × 1 h of air time on the sub-band (<see cref="AirTimeWindow"/>, exact
    /// for sparse frames, conservative for dense ones, bounded memory). On top, each frame is followed by the
    /// LoRaWAN time-off Toff = TimeOnAir / DutyCycle − TimeOnAir on its sub-band (LoRaWAN 1.0 EU863-870, kept by
    /// RP002 and LoRaMac-node) so that a busy application is paced evenly instead of spending the hour's budget in
    /// one burst and falling silent for the rest of it. Toff alone would let an hour hold one frame more than the
    /// budget (13 SF12 frames of 2.79 s = 36.3 s within 3600 s on a 1 % band); the window alone would allow bursts.
    /// Together a saturating application gets every whole frame the budget holds in every hour.</item>
    /// <item>The aggregated duty cycle 1/2^MaxDCycle set by DutyCycleReq (LoRaWAN 1.0.4 §5.3), across all
    /// sub-bands: the same two rules over all frames (Toff = TimeOnAir·2^MaxDCycle − TimeOnAir, and no sliding hour
    /// above 1 h / 2^MaxDCycle). Frames sent before the request count in its hour too.</item>
    /// <item>The Join-Request back-off of LoRaWAN 1.0.4 §7 (<see cref="JoinBackoff"/>).</item>
    /// </list>
    /// Times are the MAC clock's microseconds (ulong). All storage is allocated in the constructor.
    /// </summary>
    public sealed class DutyCycleTracker
    {
        /// <summary>The duty-cycle observation period: one hour.</summary>
        public const ulong ObservationUs = AirTimeWindow.ObservationUs;

        private readonly int _bands;
        private readonly ulong[] _bandReadyUs;
        // Per sub-band, from the region's table (fixed once the region is built): the duty-cycle divisor and the hour's
        // budget, ObservationUs / divisor (issue 20: read and divided on every channel selection before).
        private readonly ulong[] _bandDivisor;
        private readonly ulong[] _bandBudgetUs;
        private readonly AirTimeWindow[] _bandWindows;
        private readonly AirTimeWindow _all;
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
            _bands = region.BandCount;
            _bandReadyUs = new ulong[_bands];
            _bandWindows = new AirTimeWindow[_bands];
            _bandDivisor = new ulong[_bands];
            _bandBudgetUs = new ulong[_bands];
            for (int b = 0; b < _bands; b++)
            {
                int divisor = region.GetBandDutyCycleDivisor(b);
                _bandDivisor[b] = (ulong)divisor;
                _bandBudgetUs[b] = ObservationUs / (ulong)divisor;
                if (divisor > 1) _bandWindows[b] = new AirTimeWindow();
            }
            _all = new AirTimeWindow();
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
            for (int b = 0; b < _bands; b++)
                if (_bandWindows[b] != null) _bandWindows[b].Clear();
            _all.Clear();
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
            AirTimeWindow window = _bandWindows[band];
            if (window == null) return 0;
            ulong ready = _bandReadyUs[band];
            ulong start = window.GetEarliestStartUs(nowUs > ready ? nowUs : ready, airTimeUs, _bandBudgetUs[band]);
            return start == ulong.MaxValue ? ulong.MaxValue : start - nowUs;
        }

        /// <summary>
        /// 0 when the aggregated duty cycle 1/2^<paramref name="maxDutyCycle"/> (DutyCycleReq; 0 = no limit) allows a
        /// frame of <paramref name="airTimeUs"/> now, otherwise µs to wait. A frame longer than the hourly budget
        /// (MaxDCycle 15 allows 110 ms per hour, less than any SF12 frame) is not refused for ever, which would mute
        /// the device: it waits until it is alone in its hour, and its Toff (2^MaxDCycle − 1 times its air time, many
        /// hours) keeps the long-run ratio.
        /// </summary>
        public ulong GetAggregatedWaitUs(ulong nowUs, ulong airTimeUs, int maxDutyCycle)
        {
            ulong t = _aggregatedReadyUs > nowUs ? _aggregatedReadyUs : nowUs;
            if (maxDutyCycle > 0)
            {
                ulong budget = ObservationUs >> (maxDutyCycle > 15 ? 15 : maxDutyCycle);
                t = _all.GetEarliestStartUs(t, airTimeUs, budget > airTimeUs ? budget : airTimeUs);
            }
            return t - nowUs;
        }

        /// <summary>
        /// The combined answer for a frame on sub-band <paramref name="band"/>: the largest of the sub-band
        /// wait, the aggregated duty-cycle wait (<paramref name="maxDutyCycle"/>: the plan's MaxDCycle) and, for a
        /// Join-Request, the join back-off wait.
        /// </summary>
        public ulong GetWaitUs(int band, ulong nowUs, ulong airTimeUs, bool joinRequest, int maxDutyCycle)
        {
            ulong wait = GetBandWaitUs(band, nowUs, airTimeUs);
            ulong global = GetGlobalWaitUs(nowUs, airTimeUs, joinRequest, maxDutyCycle);
            return global > wait ? global : wait;
        }

        /// <summary>The limits that do not depend on the sub-band (aggregated duty cycle, join back-off).</summary>
        public ulong GetGlobalWaitUs(ulong nowUs, ulong airTimeUs, bool joinRequest, int maxDutyCycle)
        {
            ulong wait = GetAggregatedWaitUs(nowUs, airTimeUs, maxDutyCycle);
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
            if (_enabled && band >= 0 && band < _bands && _bandWindows[band] != null)
            {
                ulong ready = startUs + airTimeUs * _bandDivisor[band];
                if (ready > _bandReadyUs[band]) _bandReadyUs[band] = ready;
                _bandWindows[band].Record(startUs, airTimeUs);
            }
            _all.Record(startUs, airTimeUs);
            if (maxDutyCycle > 0)
            {
                ulong ready = startUs + (airTimeUs << (maxDutyCycle > 15 ? 15 : maxDutyCycle));
                if (ready > _aggregatedReadyUs) _aggregatedReadyUs = ready;
            }
            if (joinRequest) _join.Record(startUs, airTimeUs);
        }

        /// <summary>
        /// Air time on sub-band <paramref name="band"/> in the hour before <paramref name="nowUs"/> (what the sub-band
        /// limit counts: exact when no two frames started within one <see cref="AirTimeWindow.SlotUs"/> slot, else
        /// at most that slot's other frames more). 0 for a sub-band without a duty cycle or while the limits are off.
        /// </summary>
        public ulong GetBandAirTimeInLastHourUs(int band, ulong nowUs)
        {
            if (band < 0 || band >= _bands || _bandWindows[band] == null) return 0;
            return _bandWindows[band].GetAirTimeInLastHourUs(nowUs);
        }

        /// <summary>Air time on all sub-bands in the hour before <paramref name="nowUs"/> (what DutyCycleReq's limit counts).</summary>
        public ulong GetAirTimeInLastHourUs(ulong nowUs)
        {
            return _all.GetAirTimeInLastHourUs(nowUs);
        }
    }
}
