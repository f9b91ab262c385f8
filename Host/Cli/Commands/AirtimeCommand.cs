using System;
using System.Globalization;
using System.CommandLine;
using System.IO;
using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan.Cli
{
    /// <summary>
    /// <c>lorawan airtime --sf 12 --bw 125 --size 13 [--cr 1] [--preamble 8] [--no-crc] [--implicit-header]</c>
    /// or <c>lorawan airtime --region EU868 --dr 0 --size 13 [--downlink]</c>: time on air of a LoRa frame of
    /// <c>--size</c> PHYPayload bytes (Semtech SX1276 formula, low data rate optimisation when the symbol lasts
    /// 16 ms or more) as <c>{"airtimeUs": 1155072}</c>.
    /// </summary>
    public static class AirtimeCommand
    {
        const string Description =
            "Time on air of a LoRa frame as {\"airtimeUs\": N} (Semtech SX1276 formula).\n" +
            "  lorawan airtime --sf <7-12> --bw <kHz> --size <bytes> [--cr <1-4>] [--preamble <n>] [--no-crc] [--implicit-header]\n" +
            "  lorawan airtime --region <name> --dr <n> --size <bytes> [--downlink]";

        static readonly OptionSet Options = Declare();

        static OptionSet Declare()
        {
            var o = new OptionSet();
            o.Text("--sf", "7-12", "spreading factor (5..12)");
            o.Text("--bw", "kHz", "bandwidth in kHz (125, 250, 500, ...)");
            o.Text("--size", "bytes", "PHYPayload length 0..255");
            o.Text("--cr", "1-4", "coding rate 4/5..4/8 as 1..4 (default 1)");
            o.Text("--preamble", "n", "preamble symbols (default 8)");
            o.Flag("--no-crc", "no payload CRC (as downlinks)");
            o.Flag("--implicit-header", "implicit header mode");
            o.Text("--region", "name", "region: the data rate fixes SF and bandwidth (instead of --sf/--bw)");
            o.Text("--dr", "n", "data rate of --region");
            o.Flag("--downlink", "with --region: a downlink (no CRC)");
            return o;
        }

        /// <summary>The <c>airtime</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = Options.Command("airtime", Description, p => Execute(new CliArgs(p, Options), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan airtime</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("airtime", args), stdout, stderr);

        static int Execute(CliArgs a, TextWriter stdout)
        {
            ulong us = a.Get("region") != null ? FromRegion(a) : FromModulation(a);
            a.RejectUnknown();
            stdout.WriteLine("{\"airtimeUs\": " + us.ToString(CultureInfo.InvariantCulture) + "}");
            return 0;
        }

        static ulong FromRegion(CliArgs a)
        {
            Region region = RegionCommand.CreateRegion(a.Required("region"));
            int dr = a.Int("dr");
            int size = Size(a);
            bool downlink = a.Flag("downlink");
            foreach (string option in new[] { "sf", "bw", "cr", "preamble" })
                if (a.Get(option) != null) throw new CliException($"--{option} cannot be combined with --region (the region's data rate fixes it)");
            if (a.Flag("no-crc") || a.Flag("implicit-header")) throw new CliException("--no-crc/--implicit-header cannot be combined with --region (use --downlink for a downlink)");
            RegionCommand.RequireDefinedDataRate(region, dr);
            if (downlink ? !region.IsDownlinkDataRate(dr) : !region.IsUplinkDataRate(dr))
                throw new CliException($"DR{dr} in {region.Name} is not an {(downlink ? "downlink" : "uplink")} data rate");
            try { return region.GetAirTimeUs(dr, size, !downlink); }
            catch (NotSupportedException e) { throw new CliException(e.Message); } // FSK/LR-FHSS: a clear message
        }

        static ulong FromModulation(CliArgs a)
        {
            if (a.Get("sf") == null && a.Get("dr") != null) throw new CliException("--dr needs --region");
            int sf = a.Int("sf");
            if (sf < 5 || sf > 12) throw new CliException($"--sf must be 5..12, got {sf}");
            string bwText = a.Required("bw");
            if (!double.TryParse(bwText, NumberStyles.Float, CultureInfo.InvariantCulture, out double bwKhz) || bwKhz <= 0 || bwKhz > 1625)
                throw new CliException($"--bw must be a bandwidth in kHz (125, 250, 500, ...), got '{bwText}'");
            int bwHz = (int)Math.Round(bwKhz * 1000.0);
            int size = Size(a);
            int cr = a.Int("cr", 1);
            if (cr < 1 || cr > 4) throw new CliException($"--cr must be 1..4 (4/5..4/8), got {cr}");
            int preamble = a.Int("preamble", AirTime.LoRaWanPreambleSymbols);
            if (preamble < 0 || preamble > 65535) throw new CliException($"--preamble must be 0..65535 symbols, got {preamble}");
            bool crc = !a.Flag("no-crc");
            bool explicitHeader = !a.Flag("implicit-header");
            if (a.Flag("downlink")) throw new CliException("--downlink needs --region (or use --no-crc)");
            return AirTime.LoRaUs(sf, bwHz, size, cr, preamble, explicitHeader, crc, AirTime.IsLowDataRateOptimizeRequired(sf, bwHz));
        }

        static int Size(CliArgs a)
        {
            int size = a.Int("size");
            if (size < 0 || size > 255) throw new CliException($"--size must be 0..255 bytes, got {size}");
            return size;
        }
    }
}
