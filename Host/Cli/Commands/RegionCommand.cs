using System;
using System.Collections.Generic;
using System.Globalization;
using System.CommandLine;
using System.IO;
using System.Text;
using LoRaWan.Regions;

namespace LoRaWan.Cli
{
    /// <summary>
    /// <c>lorawan region --region EU868</c>: the region's tables as JSON, dwell time off —
    /// <c>dataRates</c> (every defined DR, downlink-only ones too; LoRa rows carry sf/bwKhz, FSK and LR-FHSS
    /// rows say so and are marked unsupported), <c>rx2</c>, <c>defaultChannelsHz</c>, <c>maxEirpDbm</c>,
    /// <c>rx1DataRate</c> (one row per uplink DR, one entry per RX1DROffset; null where undefined) and the
    /// duty-cycle sub-bands.
    /// </summary>
    public static class RegionCommand
    {
        const string Description = "A region's tables (data rates, RX2, default channels, EIRP, RX1 data rates, duty-cycle sub-bands) as JSON.";

        static readonly OptionSet Options = Declare();

        static OptionSet Declare()
        {
            var o = new OptionSet();
            o.Text("--region", "name", "EU868, US915, AU915, AS923-1..4, IN865, KR920, RU864, EU433, CN779, CN470-20A/20B/26A/26B or CN470-RP1");
            return o;
        }

        /// <summary>The <c>region</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = Options.Command("region", Description, p => Execute(new CliArgs(p, Options), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan region</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("region", args), stdout, stderr);

        static int Execute(CliArgs a, TextWriter stdout)
        {
            Region region = CreateRegion(a.Required("region"));
            a.RejectUnknown();
            stdout.WriteLine(Describe(region));
            return 0;
        }

        /// <summary>The region, or a <see cref="CliException"/> listing the valid names.</summary>
        public static Region CreateRegion(string name)
        {
            try
            {
                return Region.Create(name);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }
        }

        /// <summary>A <see cref="CliException"/> unless <paramref name="dr"/> is defined in the region.</summary>
        public static void RequireDefinedDataRate(Region region, int dr)
        {
            if (region.IsDataRateDefined(dr)) return;
            var defined = new List<string>();
            for (int i = 0; i < Region.DataRateSlots; i++) if (region.IsDataRateDefined(i)) defined.Add(i.ToString(CultureInfo.InvariantCulture));
            throw new CliException($"DR{dr} is not defined in {region.Name}; defined data rates: {string.Join(", ", defined)}");
        }

        public static string Describe(Region region)
        {
            var j = new StringBuilder();
            j.Append("{\"region\": ").Append(Str(region.Name));

            j.Append(", \"dataRates\": [");
            bool first = true;
            for (int dr = 0; dr < Region.DataRateSlots; dr++)
            {
                if (!region.IsDataRateDefined(dr)) continue;
                if (!first) j.Append(", ");
                first = false;
                int m = region.GetMaxMacPayload(dr, false);
                int n = region.GetMaxAppPayload(dr, false, false);
                j.Append("{\"dr\": ").Append(dr);
                switch (region.GetModulation(dr))
                {
                    case Modulation.LoRa:
                        j.Append(", \"sf\": ").Append(region.GetSpreadingFactor(dr));
                        j.Append(", \"bwKhz\": ").Append(region.GetBandwidthHz(dr) / 1000);
                        break;
                    case Modulation.Fsk:
                        j.Append(", \"modulation\": \"FSK\", \"bitRate\": ").Append(region.GetFskBitRate(dr));
                        break;
                    case Modulation.LrFhss:
                        j.Append(", \"modulation\": \"LR-FHSS\", \"occupiedKhz\": ").Append(region.GetBandwidthHz(dr) / 1000);
                        break;
                }
                j.Append(", \"maxMacPayload\": ").Append(m).Append(", \"maxAppPayload\": ").Append(n);
                if (!region.IsUplinkDataRate(dr)) j.Append(", \"downlinkOnly\": true");
                else if (!region.IsDownlinkDataRate(dr)) j.Append(", \"uplinkOnly\": true");
                if (!region.IsDataRateSupported(dr)) j.Append(", \"supported\": false");
                j.Append('}');
            }
            j.Append(']');

            j.Append(", \"rx2\": {\"frequencyHz\": ").Append(region.Rx2Frequency).Append(", \"dr\": ").Append(region.Rx2DataRate).Append('}');

            j.Append(", \"defaultChannelsHz\": [");
            for (int i = 0; i < region.DefaultChannelCount; i++)
            {
                if (i > 0) j.Append(", ");
                j.Append(region.GetDefaultChannelFrequency(i));
            }
            j.Append(']');

            j.Append(", \"maxEirpDbm\": ").Append(region.DefaultMaxEirpDbm);
            j.Append(", \"maxTxPowerIndex\": ").Append(region.MaxTxPowerIndex);

            j.Append(", \"rx1DataRate\": [");
            int maxUplink = region.MaxUplinkDataRate;
            for (int dr = 0; dr <= maxUplink; dr++)
            {
                if (dr > 0) j.Append(", ");
                if (!region.IsUplinkDataRate(dr))
                {
                    j.Append("null");
                    continue;
                }
                j.Append('[');
                for (int o = 0; o <= region.MaxRx1DrOffset; o++)
                {
                    if (o > 0) j.Append(", ");
                    int rx1 = region.GetRx1DataRate(dr, o, false);
                    if (rx1 < 0) j.Append("null");
                    else j.Append(rx1);
                }
                j.Append(']');
            }
            j.Append(']');

            j.Append(", \"dutyCycleBands\": [");
            for (int b = 0; b < region.BandCount; b++)
            {
                if (b > 0) j.Append(", ");
                int divisor = region.GetBandDutyCycleDivisor(b);
                j.Append("{\"name\": ").Append(Str(region.GetBandName(b)));
                j.Append(", \"minHz\": ").Append(region.GetBandMinFrequency(b));
                j.Append(", \"maxHz\": ").Append(region.GetBandMaxFrequency(b));
                j.Append(", \"dutyCyclePercent\": ");
                if (divisor <= 1 || !region.DutyCycleEnforced) j.Append("null");
                else j.Append((100.0 / divisor).ToString("0.###", CultureInfo.InvariantCulture));
                j.Append('}');
            }
            j.Append(']');
            j.Append(", \"listenBeforeTalk\": ").Append(region.ListenBeforeTalkRequired ? "true" : "false");
            j.Append(", \"carrierSense\": ");
            if (!region.HasListenBeforeTalk) j.Append("null");
            else j.Append("{\"senseTimeUs\": ").Append(region.CarrierSenseTimeUs)
                .Append(", \"thresholdDbm\": ").Append(region.CarrierSenseThresholdDbm)
                .Append(", \"bandwidthHz\": ").Append(region.CarrierSenseBandwidthHz).Append('}');
            j.Append('}');
            return j.ToString();
        }

        static string Str(string s)
        {
            var b = new StringBuilder("\"");
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') b.Append('\\').Append(c);
                else if (c < ' ') b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else b.Append(c);
            }
            return b.Append('"').ToString();
        }
    }
}
