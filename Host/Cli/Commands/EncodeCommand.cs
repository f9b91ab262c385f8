using System;
using System.Globalization;
using System.CommandLine;
using System.IO;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Cli
{
    /// <summary>
    /// <c>lorawan encode --mtype &lt;name&gt; --devaddr &lt;MSB hex&gt; --fcnt N --fport P --payload &lt;hex&gt; --nwkskey K
    /// --appskey K [--fopts &lt;hex&gt;] [--adr] [--ack] [--adrackreq] [--fpending]</c>: a LoRaWAN 1.0.x data frame built by
    /// the device codec, FRMPayload encrypted (AppSKey for FPort 1..255, NwkSKey for FPort 0) and MIC computed with
    /// NwkSKey by the device crypto, printed as <c>{"phyPayload": hex}</c>. Without <c>--fport</c> the frame has no
    /// FPort and <c>--payload</c> must be empty (e.g. MAC commands in <c>--fopts</c> only).
    /// </summary>
    public static class EncodeCommand
    {
        const string Description = "A LoRaWAN 1.0.x data frame, encrypted and with its MIC, as {\"phyPayload\": hex}.";

        static readonly string[] DataTypes = { "UnconfirmedDataUp", "UnconfirmedDataDown", "ConfirmedDataUp", "ConfirmedDataDown" };

        static readonly OptionSet Options = Declare();

        static OptionSet Declare()
        {
            var o = new OptionSet();
            o.Text("--mtype", "type", "UnconfirmedDataUp, UnconfirmedDataDown, ConfirmedDataUp or ConfirmedDataDown");
            o.Text("--devaddr", "hex", "DevAddr, MSB first (8 hex digits)");
            o.Text("--fcnt", "N", "frame counter 0..4294967295 (16 low bits go in the frame)");
            o.Text("--fport", "P", "FPort 0..255; without it the frame has no FPort and no payload");
            o.Text("--payload", "hex", "FRMPayload in clear (encrypted with AppSKey, or NwkSKey on FPort 0)");
            o.Text("--nwkskey", "key", "NwkSKey (32 hex digits): MIC, and FPort 0 encryption");
            o.Text("--appskey", "key", "AppSKey (32 hex digits): needed for FPort 1..255");
            o.Text("--fopts", "hex", "MAC commands in FOpts (up to 15 bytes)");
            o.Flag("--adr", "set the ADR bit");
            o.Flag("--ack", "set the ACK bit");
            o.Flag("--adrackreq", "set ADRACKReq (uplinks only)");
            o.Flag("--fpending", "set FPending (downlinks only)");
            return o;
        }

        /// <summary>The <c>encode</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = Options.Command("encode", Description, p => Execute(new CliArgs(p, Options), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan encode</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("encode", args), stdout, stderr);

        static int Execute(CliArgs a, TextWriter stdout)
        {
            var f = new DataFrame { MType = ParseMType(a.Required("mtype")) };
            f.DevAddr = (uint)FrameText.ParseMsb(a, "devaddr", 4);
            uint fcnt = ParseFCnt(a.Required("fcnt"));
            f.FCnt = (ushort)fcnt;
            f.FPort = a.Int("fport", DataFrame.NoPort);
            if (a.Get("fport") != null && (f.FPort < 0 || f.FPort > 255)) throw new CliException($"--fport must be 0..255, got {f.FPort}");
            byte[] payload = a.HexBytes("payload", required: false) ?? Array.Empty<byte>();
            byte[] fopts = a.HexBytes("fopts", required: false) ?? Array.Empty<byte>();
            byte[] nwkSKey = FrameText.Key(a, "nwkskey", required: true);
            byte[] appSKey = FrameText.Key(a, "appskey", required: f.FPort > 0);
            f.Adr = a.Flag("adr");
            f.Ack = a.Flag("ack");
            bool down = f.IsDownlink;
            if (a.Flag("adrackreq"))
            {
                if (down) throw new CliException("--adrackreq is an uplink bit (FCtrl bit 6 is RFU in downlinks)");
                f.AdrAckReq = true;
            }
            if (a.Flag("fpending"))
            {
                if (!down) throw new CliException("--fpending is a downlink bit (FCtrl bit 4 of an uplink is ClassB)");
                f.FPending = true;
            }
            a.RejectUnknown();

            var buffer = new byte[PhyPayload.MaxLength];
            FrameResult r = f.Write(buffer, 0, fopts, 0, fopts.Length, payload, 0, payload.Length);
            if (r != FrameResult.Ok)
            {
                string why = r switch
                {
                    FrameResult.FOptsTooLong => $"--fopts: {fopts.Length} bytes, FOpts holds at most {DataFrame.MaxFOptsLength}",
                    FrameResult.PayloadWithoutPort => "--payload needs --fport (a frame without FPort carries no FRMPayload)",
                    FrameResult.FOptsWithPortZero => "--fopts cannot be combined with --fport 0 (MAC commands go in one place only)",
                    _ => FrameText.Describe(r, f.MType, f.Length),
                };
                throw new CliException(why);
            }
            var direction = down ? FrameDirection.Downlink : FrameDirection.Uplink;
            if (f.FrmPayloadLength > 0)
                new PayloadCipher().EncryptFrmPayload(f.FPort == 0 ? nwkSKey : appSKey, 0, direction, f.DevAddr, fcnt,
                    buffer, f.FrmPayloadOffset, f.FrmPayloadLength);
            new DataMic().Compute10(nwkSKey, 0, direction, f.DevAddr, fcnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            FrameText.PrintJson(stdout, w => w.WriteString("phyPayload", Convert.ToHexString(buffer, 0, f.Length)));
            return 0;
        }

        static MType ParseMType(string name)
        {
            foreach (string t in DataTypes)
                if (string.Equals(t, name, StringComparison.OrdinalIgnoreCase)) return Enum.Parse<MType>(t);
            throw new CliException($"--mtype must be one of {string.Join(", ", DataTypes)}, got '{name}'");
        }

        static uint ParseFCnt(string v)
        {
            if (!uint.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out uint n))
                throw new CliException($"--fcnt must be an integer 0..4294967295, got '{v}'");
            return n;
        }
    }
}
