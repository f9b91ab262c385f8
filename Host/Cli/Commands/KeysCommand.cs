using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using LoRaWan.Crypto;

namespace LoRaWan.Cli
{
    /// <summary>
    /// <c>lorawan keys --appkey K --joinnonce &lt;hex&gt; --netid &lt;hex&gt; --devnonce &lt;hex&gt;</c>: the LoRaWAN 1.0.x
    /// session keys <c>{"nwkSKey", "appSKey"}</c>; with <c>--nwkkey K --joineui E --deveui D</c> (--netid then optional:
    /// 1.1 derives from JoinEUI) the LoRaWAN 1.1 set <c>{"appSKey", "fNwkSIntKey", "sNwkSIntKey", "nwkSEncKey",
    /// "jsIntKey", "jsEncKey"}</c>. Numbers and EUIs as MSB hex (e.g. <c>--joinnonce 376338 --netid AABBCC --devnonce F18E</c>).
    /// Derived by the device crypto (LoRaWan.Crypto.KeyDerivation).
    /// </summary>
    public static class KeysCommand
    {
        const string Description =
            "Session keys derived from a join, as JSON.\n" +
            "  LoRaWAN 1.0: lorawan keys --appkey K --joinnonce <hex> --netid <hex> --devnonce <hex>\n" +
            "  LoRaWAN 1.1: lorawan keys --appkey K --nwkkey K --joinnonce <hex> --joineui <hex> --deveui <hex> --devnonce <hex>";

        static readonly OptionSet Options = Declare();

        static OptionSet Declare()
        {
            var o = new OptionSet();
            o.Text("--appkey", "key", "AppKey (32 hex digits)");
            o.Text("--joinnonce", "hex", "JoinNonce/AppNonce, 3 bytes MSB first");
            o.Text("--netid", "hex", "NetID, 3 bytes MSB first (1.0)");
            o.Text("--devnonce", "hex", "DevNonce, 2 bytes MSB first");
            o.Text("--nwkkey", "key", "NwkKey (32 hex digits): derives the LoRaWAN 1.1 key set");
            o.Text("--joineui", "hex", "JoinEUI, 8 bytes MSB first (1.1)");
            o.Text("--deveui", "hex", "DevEUI, 8 bytes MSB first (1.1)");
            return o;
        }

        /// <summary>The <c>keys</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = Options.Command("keys", Description, p => Execute(new CliArgs(p, Options), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan keys</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("keys", args), stdout, stderr);

        static int Execute(CliArgs a, TextWriter stdout)
        {
            byte[] appKey = FrameText.Key(a, "appkey", required: true);
            uint joinNonce = (uint)FrameText.ParseMsb(a, "joinnonce", 3);
            ushort devNonce = (ushort)FrameText.ParseMsb(a, "devnonce", 2);
            bool v11 = a.Get("nwkkey") != null || a.Get("joineui") != null || a.Get("deveui") != null;
            var kd = new KeyDerivation();
            if (!v11)
            {
                uint netId = (uint)FrameText.ParseMsb(a, "netid", 3);
                a.RejectUnknown();
                FrameText.PrintJson(stdout, w =>
                {
                    w.WriteString("nwkSKey", Derive10(kd, appKey, SessionKeyType.NwkSKey, joinNonce, netId, devNonce));
                    w.WriteString("appSKey", Derive10(kd, appKey, SessionKeyType.AppSKey, joinNonce, netId, devNonce));
                });
                return 0;
            }
            byte[] nwkKey = FrameText.Key(a, "nwkkey", required: true);
            ulong joinEui = FrameText.ParseMsb(a, "joineui", 8);
            ulong devEui = FrameText.ParseMsb(a, "deveui", 8);
            if (a.Get("netid") != null) FrameText.ParseMsb(a, "netid", 3); // accepted for symmetry with 1.0; 1.1 derives from JoinEUI
            a.RejectUnknown();
            FrameText.PrintJson(stdout, w =>
            {
                w.WriteString("appSKey", Derive11(kd, appKey, SessionKeyType.AppSKey, joinNonce, joinEui, devNonce));
                w.WriteString("fNwkSIntKey", Derive11(kd, nwkKey, SessionKeyType.FNwkSIntKey, joinNonce, joinEui, devNonce));
                w.WriteString("sNwkSIntKey", Derive11(kd, nwkKey, SessionKeyType.SNwkSIntKey, joinNonce, joinEui, devNonce));
                w.WriteString("nwkSEncKey", Derive11(kd, nwkKey, SessionKeyType.NwkSEncKey, joinNonce, joinEui, devNonce));
                w.WriteString("jsIntKey", JoinServerKey(kd, nwkKey, SessionKeyType.JSIntKey, devEui));
                w.WriteString("jsEncKey", JoinServerKey(kd, nwkKey, SessionKeyType.JSEncKey, devEui));
            });
            return 0;
        }

        static string Derive10(KeyDerivation kd, byte[] key, byte type, uint appNonce, uint netId, ushort devNonce)
        {
            var output = new byte[16];
            kd.Derive10(key, 0, type, appNonce, netId, devNonce, output, 0);
            return Convert.ToHexString(output);
        }

        static string Derive11(KeyDerivation kd, byte[] key, byte type, uint joinNonce, ulong joinEui, ushort devNonce)
        {
            var output = new byte[16];
            kd.Derive11(key, 0, type, joinNonce, joinEui, devNonce, output, 0);
            return Convert.ToHexString(output);
        }

        static string JoinServerKey(KeyDerivation kd, byte[] nwkKey, byte type, ulong devEui)
        {
            var output = new byte[16];
            kd.DeriveJoinServerKey(nwkKey, 0, type, devEui, output, 0);
            return Convert.ToHexString(output);
        }
    }
}
