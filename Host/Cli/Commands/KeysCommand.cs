using System;
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
        public const string Usage =
            "usage: lorawan keys --appkey K --joinnonce <hex> --netid <hex> --devnonce <hex>\n" +
            "       lorawan keys --appkey K --nwkkey K --joinnonce <hex> --joineui <hex> --deveui <hex> --devnonce <hex> [--netid <hex>]";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                var a = new CliArgs(args, "help");
                if (a.Flag("help")) { stdout.WriteLine(Usage); return 0; }
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
            catch (CliException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return 2;
            }
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
