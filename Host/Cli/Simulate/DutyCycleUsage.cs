using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using LoRaWan.Regions;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// The device's real duty-cycle use, from the transmissions it made on the simulated air (start, air time,
    /// frequency as the chip model put them on air), independent of the MAC's own duty-cycle tracker: per sub-band,
    /// the air time in the last hour (sliding) and in each full clock hour of the run, as a percentage of the band's
    /// allowance (ETSI EN 300 220: 1 % = 36 s per hour). A transmission across an hour boundary counts in both hours
    /// by the part that falls in each. A frame aborted on air counts whole (the monitor sees it start).
    /// </summary>
    public sealed class DutyCycleUsage : IAirMonitor
    {
        const ulong HourUs = 3600UL * 1000000UL;

        readonly Region _region;
        readonly Func<AirFrame, bool> _isDevice;
        readonly List<(ulong StartUs, ulong AirUs, int Band)> _transmissions = new();

        /// <param name="region">the region whose sub-bands and limits apply</param>
        /// <param name="isDevice">true for the device's frames (the air also carries the gateway's downlinks)</param>
        public DutyCycleUsage(Region region, Func<AirFrame, bool> isDevice)
        {
            _region = region;
            _isDevice = isDevice;
        }

        /// <summary>Transmissions recorded.</summary>
        public int Count => _transmissions.Count;

        void IAirMonitor.OnTransmission(AirFrame frame)
        {
            if (_isDevice(frame)) Add(frame.StartUs, frame.AirTimeUs, frame.FrequencyHz);
        }

        /// <summary>Records one transmission of <paramref name="airUs"/> starting at <paramref name="startUs"/>.</summary>
        public void Add(ulong startUs, ulong airUs, uint frequencyHz) => _transmissions.Add((startUs, airUs, _region.GetBandIndex(frequencyHz)));

        /// <summary>Air time in <paramref name="band"/> between <paramref name="fromUs"/> and <paramref name="toUs"/> (parts of frames inside).</summary>
        public ulong UsedUs(int band, ulong fromUs, ulong toUs)
        {
            ulong sum = 0;
            foreach (var t in _transmissions)
            {
                if (t.Band != band) continue;
                ulong s = Math.Max(t.StartUs, fromUs);
                ulong e = Math.Min(t.StartUs + t.AirUs, toUs);
                if (e > s) sum += e - s;
            }
            return sum;
        }

        /// <summary>The band's hourly allowance in µs; 0 when the region sets no duty cycle for it.</summary>
        public ulong AllowanceUs(int band)
        {
            int divisor = _region.GetBandDutyCycleDivisor(band);
            return _region.DutyCycleEnforced && divisor > 1 ? HourUs / (ulong)divisor : 0;
        }

        /// <summary>Air time in the sliding hour before <paramref name="nowUs"/>, as a percentage of the allowance.</summary>
        public double LastHourPercent(int band, ulong nowUs) =>
            Percent(UsedUs(band, nowUs > HourUs ? nowUs - HourUs : 0, nowUs), AllowanceUs(band));

        /// <summary>Air time in full hour <paramref name="hour"/> (1 = the run's first hour), as a percentage of the allowance.</summary>
        public double HourPercent(int band, int hour) =>
            Percent(UsedUs(band, (ulong)(hour - 1) * HourUs, (ulong)hour * HourUs), AllowanceUs(band));

        static double Percent(ulong used, ulong allowance) => allowance == 0 ? 0 : 100.0 * used / allowance;

        /// <summary>One summary line per sub-band the device used, at <paramref name="nowUs"/> (the end of the run).</summary>
        public void WriteSummary(TextWriter stdout, ulong nowUs)
        {
            for (int band = 0; band < _region.BandCount; band++)
            {
                ulong total = UsedUs(band, 0, ulong.MaxValue);
                if (total == 0) continue;
                ulong allowance = AllowanceUs(band);
                ulong lastHour = UsedUs(band, nowUs > HourUs ? nowUs - HourUs : 0, nowUs);
                var line = new StringBuilder($"  duty cycle             band {_region.GetBandName(band)}: ");
                if (allowance == 0)
                {
                    stdout.WriteLine(line.Append($"{Seconds(lastHour)} s on air in the last hour ({_region.Name} sets no duty cycle here)"));
                    continue;
                }
                line.Append($"last hour {Seconds(lastHour)} s of {Seconds(allowance)} s allowed ({Pct(Percent(lastHour, allowance))})");
                int hours = (int)(nowUs / HourUs);
                if (hours > 0 && hours <= 24)
                {
                    line.Append(hours == 1 ? "; full hour 1:" : $"; full hours 1-{hours}:");
                    for (int h = 1; h <= hours; h++) line.Append(' ').Append(Pct(HourPercent(band, h)));
                }
                else if (hours > 24)
                {
                    double min = double.MaxValue, max = 0, sum = 0;
                    for (int h = 2; h <= hours; h++)
                    {
                        double p = HourPercent(band, h);
                        min = Math.Min(min, p);
                        max = Math.Max(max, p);
                        sum += p;
                    }
                    line.Append($"; hour 1 {Pct(HourPercent(band, 1))}, hours 2-{hours} min {Pct(min)} mean {Pct(sum / (hours - 1))} max {Pct(max)}");
                }
                stdout.WriteLine(line);
            }
        }

        static string Seconds(ulong us) => (us / 1e6).ToString("0.0", CultureInfo.InvariantCulture);

        static string Pct(double p) => p.ToString("0.0", CultureInfo.InvariantCulture) + " %";
    }
}
