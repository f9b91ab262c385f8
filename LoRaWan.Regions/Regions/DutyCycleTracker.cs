using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// Duty-cycle bookkeeping for one device. Non-blocking: it answers "allowed now" (0) or "wait N µs" and
    /// is told about each transmission afterwards. Three independent limits, the strictest wins:
    /// <list type="number">
    /// <item>Per sub-band, where the region enforces a duty cycle (EU868). The rule is ETSI EN 300 220's: no
    /// sliding hour holds more than DutyCycle × 1 h of air time on the sub-band (<see cref="AirTimeWindow"/>, exact
    /// for sparse frames, conservative for dense ones, bounded memory; one window for all sub-bands, each frame tagged
    /// with its sub-band, exact while at most <see cref="ExactBandsPerSlot"/> sub-bands send in one 100 s slot). On top, each frame is followed by the
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

        /// <summary>
        /// Sub-bands whose frames can share an accounting slot while the shared window stays exact: its capacity is this many
        /// times <see cref="AirTimeWindow.Capacity"/> (an EU868 device sends on its default channels' sub-band, the CFList's,
        /// and may get a channel in the 10 % sub-band; more in one slot merges the oldest entries, an upper bound).
        /// </summary>
        public const int ExactBandsPerSlot = 3;

        // A frame's source bit in the shared window when no sub-band limit counts it (a sub-band without a duty cycle, or
        // the limits off): only the aggregated limit sees it.
        private const uint Unlimited = 1U << SubBandTable.MaxBands;

        // Bit b: sub-band b has a duty cycle (divisor > 1); no bit at or above the region's band count.
        private readonly int _limited;
        // Sub-band b: [b] the end of its time-off (µs), and from the region's table (fixed once the region is built)
        // [Divisors + b] its duty-cycle divisor, [Budgets + b] the hour's budget ObservationUs / divisor (issue 20: read and
        // divided on every channel selection before; one array instead of three, indexed by constant offsets: no field).
        private readonly ulong[] _band = new ulong[3 * SubBandTable.MaxBands];
        private const int Divisors = SubBandTable.MaxBands;
        private const int Budgets = 2 * SubBandTable.MaxBands;
        // Every frame, tagged with its sub-band's bit (or Unlimited): the sub-band limits count their own bit, the
        // aggregated limit all of them (issue 20: one window instead of one per sub-band and one for all, 7 in EU868).
        private readonly AirTimeWindow _window;
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
            int bands = region.BandCount;
            for (int b = 0; b < bands; b++)
            {
                int divisor = region.GetBandDutyCycleDivisor(b);
                _band[Divisors + b] = (ulong)divisor;
                _band[Budgets + b] = ObservationUs / (ulong)divisor;
                if (divisor > 1) _limited |= 1 << b;
            }
            _window = new AirTimeWindow(_limited == 0 ? AirTimeWindow.Capacity : ExactBandsPerSlot * AirTimeWindow.Capacity);
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
            Array.Clear(_band, 0, SubBandTable.MaxBands);
            _window.Clear();
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
            // _limited has no bit at or above the band count: one test for the range and the duty cycle.
            if (!_enabled || (uint)band >= 32 || ((_limited >> band) & 1) == 0) return 0;
            ulong[] table = _band;
            ulong ready = table[band];
            ulong start = _window.GetEarliestStartUs(nowUs > ready ? nowUs : ready, airTimeUs, table[Budgets + band], 1U << band);
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
                t = _window.GetEarliestStartUs(t, airTimeUs, budget > airTimeUs ? budget : airTimeUs, AirTimeWindow.AllSources);
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
            // GetGlobalWaitUs's answer without the call when no DutyCycleReq limit and no join (issue 20).
            ulong global = maxDutyCycle <= 0 && !joinRequest
                ? (_aggregatedReadyUs > nowUs ? _aggregatedReadyUs - nowUs : 0)
                : GetGlobalWaitUs(nowUs, airTimeUs, joinRequest, maxDutyCycle);
            return global > wait ? global : wait;
        }

        /// <summary>The limits that do not depend on the sub-band (aggregated duty cycle, join back-off).</summary>
        public ulong GetGlobalWaitUs(ulong nowUs, ulong airTimeUs, bool joinRequest, int maxDutyCycle)
        {
            // No DutyCycleReq limit and no join: only the Toff of an earlier limit can remain (issue 20: no call).
            if (maxDutyCycle <= 0 && !joinRequest) return _aggregatedReadyUs > nowUs ? _aggregatedReadyUs - nowUs : 0;
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
            uint source = Unlimited;
            if (_enabled && (uint)band < 32 && ((_limited >> band) & 1) != 0)
            {
                ulong[] table = _band;
                ulong ready = startUs + airTimeUs * table[Divisors + band];
                if (ready > table[band]) table[band] = ready;
                source = 1U << band;
            }
            _window.Record(startUs, airTimeUs, source);
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
            if ((uint)band >= 32 || ((_limited >> band) & 1) == 0) return 0;
            return _window.GetAirTimeInLastHourUs(nowUs, 1U << band);
        }

        /// <summary>Air time on all sub-bands in the hour before <paramref name="nowUs"/> (what DutyCycleReq's limit counts).</summary>
        public ulong GetAirTimeInLastHourUs(ulong nowUs)
        {
            return _window.GetAirTimeInLastHourUs(nowUs, AirTimeWindow.AllSources);
        }
    }
}
