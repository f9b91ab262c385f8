using LoRaWan.Radio;

namespace LoRaWan.Regions
{
    public abstract partial class Region
    {
        /// <summary>
        /// How long the device waits before sensing again when every eligible channel was busy (plus up to as much
        /// again at random, so devices that found the same channels busy do not retry together).
        /// </summary>
        public const ulong ListenBeforeTalkRetryUs = 100000;

        /// <summary>Sets the carrier-sense parameters the national rule of this region asks for.</summary>
        internal void DefineListenBeforeTalk(int senseTimeUs, int rssiThresholdDbm, int bandwidthHz)
        {
            _carrierSense.SenseTimeUs = senseTimeUs;
            _carrierSense.ThresholdDbm = rssiThresholdDbm;
            _carrierSense.BandwidthHz = bandwidthHz;
        }

        /// <summary>True when the region knows carrier-sense parameters (KR920: Korea; AS923: Japan's).</summary>
        public bool HasListenBeforeTalk
        {
            get { return _carrierSense.SenseTimeUs > 0; }
        }

        /// <summary>Minimum time a channel is sensed free before a transmission, µs (0 when the region has no LBT rule).</summary>
        public int CarrierSenseTimeUs
        {
            get { return _carrierSense.SenseTimeUs; }
        }

        /// <summary>RSSI above which a channel is busy, dBm.</summary>
        public int CarrierSenseThresholdDbm
        {
            get { return _carrierSense.ThresholdDbm; }
        }

        /// <summary>Receive bandwidth of the carrier sense, Hz.</summary>
        public int CarrierSenseBandwidthHz
        {
            get { return _carrierSense.BandwidthHz; }
        }

        /// <summary>
        /// <see cref="SelectChannel"/> with listen-before-talk: the randomly picked channel is sensed with
        /// <paramref name="sensor"/> (<see cref="CarrierSenseTimeUs"/> at <see cref="CarrierSenseThresholdDbm"/>); when it
        /// is busy the next eligible channel whose sub-band is free is sensed, and so on once round every channel, as
        /// LoRaMac-node's RegionKR920NextChannel/RegionAS923NextChannel do. A busy channel is never returned. When
        /// every candidate is busy: −1 with <paramref name="waitUs"/> = <see cref="ListenBeforeTalkRetryUs"/> plus a random
        /// part of as much again. <paramref name="sensor"/> null: plain <see cref="SelectChannel"/>. Blocks for one sense
        /// per channel tried (at most <see cref="ChannelCount"/>). Allocates nothing.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">a sensor is given but the region has no carrier-sense parameters.</exception>
        public int SelectClearChannel(ChannelPlan plan, int dataRate, bool joinRequest, ulong nowUs, ulong airTimeUs,
            DutyCycleTracker dutyCycle, IRandomSource random, IRadio sensor, out ulong waitUs)
        {
            int first = SelectChannel(plan, dataRate, joinRequest, nowUs, airTimeUs, dutyCycle, random, out waitUs);
            if (first < 0 || sensor == null) return first;
            if (!HasListenBeforeTalk) throw new System.InvalidOperationException(Name + " has no listen-before-talk parameters");
            int n = ChannelCount;
            CarrierSenseRule rule = _carrierSense;
            for (int i = 0; i < n; i++)
            {
                int ch = (first + i) % n;
                if (i > 0)
                {
                    if (!IsChannelEligible(plan, ch, dataRate, joinRequest)) continue;
                    if (dutyCycle != null && dutyCycle.GetWaitUs(plan.GetBand(ch), nowUs, airTimeUs, joinRequest, plan.MaxDutyCycle) != 0) continue;
                }
                if (sensor.IsChannelFree(GetUplinkFrequency(plan, ch), rule.BandwidthHz, rule.ThresholdDbm, rule.SenseTimeUs))
                {
                    waitUs = 0;
                    return ch;
                }
            }
            waitUs = ListenBeforeTalkRetryUs + (ulong)random.Next((int)ListenBeforeTalkRetryUs);
            return -1;
        }
    }
}
