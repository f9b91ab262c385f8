using System.CommandLine;
using System.CommandLine.Parsing;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// A parsed <c>lorawan simulate</c> command line: each option's value (<see cref="Get{T}"/>), the checks that
    /// involve two options or the region, and what the values mean for the device (identity, MAC options).
    /// </summary>
    public sealed class SimulationSettings
    {
        readonly ParseResult _parse;

        /// <summary>Checks the parsed line; a <see cref="CliException"/> (one line, exit code 2) when options do not fit together.</summary>
        public SimulationSettings(ParseResult parse)
        {
            _parse = parse;
            Region = RegionCommand.CreateRegion(Get(SimulateOptions.Region));
            Check();
        }

        /// <summary>Parses <c>simulate</c> + <paramref name="args"/>; a <see cref="CliException"/> with the CLI's error line when bad.</summary>
        public static SimulationSettings Parse(params string[] args)
        {
            ParseResult p = Program.Root.Parse(Program.With("simulate", args));
            if (p.Errors.Count > 0) throw new CliException(Program.ErrorLine(p));
            return new SimulationSettings(p);
        }

        /// <summary>The value of <paramref name="option"/> (its default when not given).</summary>
        public T Get<T>(Option<T> option) => _parse.GetValue(option);

        /// <summary>True when <paramref name="option"/> is on the command line.</summary>
        public bool Given(Option option) => _parse.GetResult(option) is OptionResult { Implicit: false };

        /// <summary>The region of <c>--region</c> (a fresh instance; the simulation builds its own).</summary>
        public Region Region { get; }

        public string RegionName => Get(SimulateOptions.Region);
        public string VersionText => Get(SimulateOptions.MacVersion);
        public LoRaWanVersion Version => SimulateOptions.Version(VersionText);
        public bool Abp => Get(SimulateOptions.Activation) == "abp";
        /// <summary>--class C: the device runs Class C (LoRaWAN 1.0.4 §15).</summary>
        public bool ClassC => Get(SimulateOptions.Class) == "C";
        /// <summary>US915/AU915: the device and network use sub-band 2 (The Things Network's plan).</summary>
        public bool FixedPlan => Region.Name == "US915" || Region.Name == "AU915";

        /// <summary>--mac-version 1.1: the LoRaWAN 1.1 identities (NwkKey and AppKey; four ABP session keys).</summary>
        public bool Is11 => Version == LoRaWanVersion.V1_1;

        /// <summary>
        /// The device's identity: OTAA from --deveui/--joineui/--appkey (1.1: and --nwkkey), or ABP from
        /// --devaddr/--nwkskey/--appskey (1.1: --fnwksintkey/--snwksintkey/--nwksenckey/--appskey).
        /// </summary>
        public DeviceIdentity Identity()
        {
            if (Abp)
                return Is11
                    ? DeviceIdentity.Abp11(Get(SimulateOptions.DevAddr), Get(SimulateOptions.FNwkSIntKey), Get(SimulateOptions.SNwkSIntKey), Get(SimulateOptions.NwkSEncKey), Get(SimulateOptions.AppSKey))
                    : DeviceIdentity.Abp(Get(SimulateOptions.DevAddr), Get(SimulateOptions.NwkSKey), Get(SimulateOptions.AppSKey));
            return Is11
                ? DeviceIdentity.Otaa11(Get(SimulateOptions.DevEui), Get(SimulateOptions.JoinEui), Get(SimulateOptions.NwkKey), Get(SimulateOptions.AppKey))
                : DeviceIdentity.Otaa(Get(SimulateOptions.DevEui), Get(SimulateOptions.JoinEui), Get(SimulateOptions.AppKey));
        }

        /// <summary>
        /// The root or session keys in the order and with the names The Things Stack's console shows them (MSB hex), e.g.
        /// "AppKey 2B7E... · NwkKey BEC4..." (OTAA 1.1).
        /// </summary>
        public string KeysText()
        {
            if (Abp)
                return Is11
                    ? $"FNwkSIntKey {Get(SimulateOptions.FNwkSIntKey)} · SNwkSIntKey {Get(SimulateOptions.SNwkSIntKey)} · NwkSEncKey {Get(SimulateOptions.NwkSEncKey)} · AppSKey {Get(SimulateOptions.AppSKey)}"
                    : $"NwkSKey {Get(SimulateOptions.NwkSKey)} · AppSKey {Get(SimulateOptions.AppSKey)}";
            return Is11
                ? $"AppKey {Get(SimulateOptions.AppKey)} · NwkKey {Get(SimulateOptions.NwkKey)}"
                : $"AppKey {Get(SimulateOptions.AppKey)}";
        }

        /// <summary>The MAC options: version, seed, sub-band; --dr fixes the data rate with ADR off; --adr starts at the region's default (slowest allowed) rate.</summary>
        public LoRaWanOptions DeviceOptions()
        {
            var options = new LoRaWanOptions { Version = Version, RandomSeed = (uint)Get(SimulateOptions.Seed) };
            if (FixedPlan) options.SubBand = 2;
            int? dr = Get(SimulateOptions.DataRate);
            if (dr != null)
            {
                options.DataRate = dr.Value;
                options.Adr = false;
            }
            else if (Get(SimulateOptions.Adr)) options.DataRate = Region.DefaultDataRate;   // the slowest allowed rate (DR2 AU915/AS923, DR1 CN470): ADR brings it up
            return options;
        }

        void Check()
        {
            bool udp = Given(SimulateOptions.Udp);
            if (!udp && Given(SimulateOptions.State)) throw new CliException("--state is only used with --udp (the in-process network forgets between runs anyway)");
            if (!udp && Given(SimulateOptions.GatewayEui)) throw new CliException("--gateway-eui is only used with --udp");
            if (!udp && Given(SimulateOptions.Certification)) throw new CliException("--certification is only used with --udp (the in-process network sends no FPort 224 commands; see lorawan certify)");
            if (udp && Given(SimulateOptions.DioLatencyMs)) throw new CliException("--dio-latency-ms is only used without --udp");
            if (ClassC && Get(SimulateOptions.IntervalS) == 0) throw new CliException("--class C queues downlinks between uplinks: give --interval-s a value of 10 or more");
            if (udp && Given(SimulateOptions.Adr)) throw new CliException("--adr drives the in-process network; with --udp the real network server decides");
            Option[] otaaOnly = { SimulateOptions.DevEui, SimulateOptions.JoinEui, SimulateOptions.AppKey };
            Option[] abpOnly = { SimulateOptions.DevAddr, SimulateOptions.NwkSKey, SimulateOptions.AppSKey };
            foreach (Option o in Abp ? otaaOnly : abpOnly)
                if (Given(o)) throw new CliException($"{o.Name} is an {(Abp ? "OTAA" : "ABP")} option (this run uses --activation {(Abp ? "abp" : "otaa")})");
            Option[] v11 = { SimulateOptions.NwkKey, SimulateOptions.FNwkSIntKey, SimulateOptions.SNwkSIntKey, SimulateOptions.NwkSEncKey };
            foreach (Option o in v11)
                if (Given(o) && !Is11) throw new CliException($"{o.Name} is a LoRaWAN 1.1 key (this run uses --mac-version {VersionText}; give --mac-version 1.1)");
            if (Given(SimulateOptions.NwkKey) && Abp) throw new CliException("--nwkkey is an OTAA option (this run uses --activation abp)");
            if (Abp && !Is11)
                foreach (Option o in new Option[] { SimulateOptions.FNwkSIntKey, SimulateOptions.SNwkSIntKey, SimulateOptions.NwkSEncKey })
                    if (Given(o)) throw new CliException($"{o.Name} is a LoRaWAN 1.1 ABP key");
            if (!Abp)
                foreach (Option o in new Option[] { SimulateOptions.FNwkSIntKey, SimulateOptions.SNwkSIntKey, SimulateOptions.NwkSEncKey })
                    if (Given(o)) throw new CliException($"{o.Name} is an ABP option (this run uses --activation otaa)");
            if (Abp && Is11 && Given(SimulateOptions.NwkSKey))
                throw new CliException("--nwkskey is the LoRaWAN 1.0 ABP key; a LoRaWAN 1.1 ABP device has --fnwksintkey, --snwksintkey and --nwksenckey (and --appskey)");

            int? dr = Get(SimulateOptions.DataRate);
            if (dr != null)
            {
                if (Get(SimulateOptions.Adr)) throw new CliException("--dr fixes the data rate with ADR off; it cannot be combined with --adr");
                RegionCommand.RequireDefinedDataRate(Region, dr.Value);
                if (!Region.IsUplinkDataRate(dr.Value)) throw new CliException($"DR{dr} in {Region.Name} is not an uplink data rate");
                if (!Region.IsDataRateSupported(dr.Value)) throw new CliException($"DR{dr} in {Region.Name} is not a data rate this radio sends (LR-FHSS)");
                if (!Region.IsDataRateAvailable(Region.CreateChannelPlan(), dr.Value))
                    throw new CliException($"DR{dr} in {Region.Name} is carried by no default channel (a network adds one with NewChannelReq, e.g. for the FSK rate)");
                int? bytes = Get(SimulateOptions.PayloadBytes);
                // Dwell time off (the default plan); the MAC checks again at every Send.
                int max = Region.GetMaxAppPayload(dr.Value, false, false);
                if (bytes != null && bytes.Value > max)
                    throw new CliException($"--payload-bytes {bytes} is more than DR{dr} in {Region.Name} carries ({max} bytes); use --payload-bytes max");
            }
        }
    }
}
