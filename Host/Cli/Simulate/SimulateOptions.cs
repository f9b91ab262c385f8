using System.CommandLine;
using LoRaWan.Frames;
using LoRaWan.Mac;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// Every <c>lorawan simulate</c> option, declared once with its help text, default and value check (a bad value is
    /// one error line and exit code 2 before anything runs). One more option = one declaration line here and one
    /// <c>settings.Get(SimulateOptions.TheOption)</c> where the value is used. Checks that need two options or the
    /// region (a data rate, a payload size) are in <see cref="SimulationSettings"/>.
    /// </summary>
    public static class SimulateOptions
    {
        /// <summary>The declarations, in the order help lists them.</summary>
        public static readonly OptionSet Set = new();

        // ---- the device and its network ----
        public static readonly Option<string> Region = Set.Text("--region", "name", "EU868, US915, AU915, AS923-1..4, IN865, KR920, RU864, EU433, CN779, CN470-20A/20B/26A/26B or CN470-RP1 (US915/AU915 use sub-band 2)", "EU868",
            v => RegionCommand.CreateRegion(v));
        public static readonly Option<string> MacVersion = Set.Choice("--mac-version", "LoRaWAN version registered on the network (1.1: NwkKey and AppKey for OTAA, four session keys for ABP)", "1.0.4", "1.0.2", "1.0.3", "1.0.4", "1.1");
        public static readonly Option<string> Activation = Set.Choice("--activation", "OTAA (join first) or ABP (session keys from the options, no join)", "otaa", "otaa", "abp");
        public static readonly Option<string> DevEui = Set.Text("--deveui", "hex", "OTAA DevEUI (16 hex digits)", "70B3D57ED0000001", v => CliArgs.ParseHex(v, "--deveui", 8));
        public static readonly Option<string> JoinEui = Set.Text("--joineui", "hex", "OTAA JoinEUI/AppEUI (16 hex digits)", "0000000000000000", v => CliArgs.ParseHex(v, "--joineui", 8));
        public static readonly Option<string> AppKey = Set.Text("--appkey", "key", "OTAA AppKey (32 hex digits)", "2B7E151628AED2A6ABF7158809CF4F3C", v => CliArgs.ParseHex(v, "--appkey", 16));
        public static readonly Option<string> NwkKey = Set.Text("--nwkkey", "key", "OTAA NwkKey, LoRaWAN 1.1 only (32 hex digits)", "BEC499C69E9C939E413B663961636C61", v => CliArgs.ParseHex(v, "--nwkkey", 16));
        public static readonly Option<string> DevAddr = Set.Text("--devaddr", "hex", "ABP DevAddr (8 hex digits)", "260B0001", v => CliArgs.ParseHex(v, "--devaddr", 4));
        public static readonly Option<string> NwkSKey = Set.Text("--nwkskey", "key", "ABP NwkSKey (32 hex digits)", "44024241ED4CE9A68C6A8BC055233FD3", v => CliArgs.ParseHex(v, "--nwkskey", 16));
        public static readonly Option<string> AppSKey = Set.Text("--appskey", "key", "ABP AppSKey (32 hex digits)", "EC925802AE430CA77FD3DD73CB2CC588", v => CliArgs.ParseHex(v, "--appskey", 16));
        public static readonly Option<string> FNwkSIntKey = Set.Text("--fnwksintkey", "key", "ABP FNwkSIntKey, LoRaWAN 1.1 only (32 hex digits)", "44024241ED4CE9A68C6A8BC055233FD3", v => CliArgs.ParseHex(v, "--fnwksintkey", 16));
        public static readonly Option<string> SNwkSIntKey = Set.Text("--snwksintkey", "key", "ABP SNwkSIntKey, LoRaWAN 1.1 only (32 hex digits)", "5D4A2B01C0F39E7A8B6C4D2E1F3A5B7C", v => CliArgs.ParseHex(v, "--snwksintkey", 16));
        public static readonly Option<string> NwkSEncKey = Set.Text("--nwksenckey", "key", "ABP NwkSEncKey, LoRaWAN 1.1 only (32 hex digits)", "A1B2C3D4E5F60718293A4B5C6D7E8F90", v => CliArgs.ParseHex(v, "--nwksenckey", 16));

        // ---- the application's traffic ----
        public static readonly Option<int> Minutes = Set.Int("--minutes", "N", "minutes to run (virtual time; wall-clock time with --udp or --realtime)", 60, 1, 7 * 24 * 60);
        public static readonly Option<int> IntervalS = Set.Parsed("--interval-s", "N", "seconds from one uplink's end to the next; 0 = as fast as the duty cycle allows", 120,
            v => OptionSet.ParseInt("--interval-s", v) is int n && (n == 0 || n >= 10) && n <= 7 * 24 * 3600 ? n
                : throw new CliException($"--interval-s must be 0 (as fast as the duty cycle allows) or 10..604800, got {v}"));
        public static readonly Option<int?> DataRate = Set.Parsed<int?>("--dr", "N", "fixed uplink data rate, ADR off (default: the MAC's, ADR on)", null,
            v => OptionSet.ParseInt("--dr", v) is int n && n >= 0 && n <= 15 ? n : throw new CliException($"--dr must be a data rate 0..15, got {v}"), showDefault: false);
        public static readonly Option<int?> PayloadBytes = Set.Parsed<int?>("--payload-bytes", "N|max", "application payload size (default: an 8-byte CayenneLPP frame); max = the largest the current data rate carries", null,
            ParsePayloadBytes, showDefault: false);
        public static readonly Option<string> Class = Set.Choice("--class", "device class: A, or C (listens on RXC between uplinks; the application queues downlinks at random times)", "A", "A", "C");
        public static readonly Option<bool> Adr = Set.Flag("--adr", "the network manages the device with MAC commands (ADR from DR0, DevStatusReq, RX2, ...)");
        public static readonly Option<int> Seed = Set.Int("--seed", "S", "seed of every random choice (radio, network, payloads)", 1, int.MinValue, int.MaxValue);
        public static readonly Option<int> JitterMs = Set.Int("--jitter-ms", "J", "platform timing error: DIO interrupt up to J/2 late, alarms within ±J/2", 10, 0, 200);
        public static readonly Option<int> DioLatencyMs = Set.Int("--dio-latency-ms", "N", "the DIO interrupt handler alone runs a further 0..N ms late (uniform; nanoFramework's event-thread delay)", 0, 0, 5000);
        public static readonly Option<bool> Verbose = Set.Flag("--verbose", "every step: closed windows, TxDone, sticky MAC answers, gateway datagrams");

        // ---- wall clock and a real network server ----
        public static readonly Option<bool> Realtime = Set.Flag("--realtime", "pace the virtual clock with the wall clock");
        public static readonly Option<string> Udp = Set.Text("--udp", "host:port", "talk to a real network server through a virtual Semtech UDP gateway (implies wall-clock time)");
        public static readonly Option<string> GatewayEui = Set.Text("--gateway-eui", "hex", "with --udp: the gateway EUI registered on the network server");
        public static readonly Option<bool> Certification = Set.Flag("--certification", "with --udp: the TS009 certification package on FPort 224 (a network server or LCTT drives the device; README \"Certification\")");
        public static readonly Option<string> State = Set.Text("--state", "file", "with --udp: keep the board's flash (DevNonce, session, counters) in this file (default lorawan-sim-<DevEUI>.nvs)");

        /// <summary>The value of <c>--payload-bytes max</c>.</summary>
        public const int MaxPayload = -1;

        static int? ParsePayloadBytes(string v)
        {
            if (v == "max") return MaxPayload;
            if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n <= NetworkPayloadLimit) return n;
            throw new CliException($"--payload-bytes must be 0..{NetworkPayloadLimit} or max, got '{v}'");
        }

        /// <summary>The largest application payload of any LoRaWAN data rate (RP002-1.0.4: N = 242).</summary>
        const int NetworkPayloadLimit = 242;

        /// <summary>The LoRaWAN version named by <c>--mac-version</c>.</summary>
        public static LoRaWanVersion Version(string text) => text switch
        {
            "1.0.2" => LoRaWanVersion.V1_0_2,
            "1.0.3" => LoRaWanVersion.V1_0_3,
            "1.1" => LoRaWanVersion.V1_1,
            _ => LoRaWanVersion.V1_0_4,
        };
    }
}
