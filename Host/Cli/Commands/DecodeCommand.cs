using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Cli
{
    /// <summary>
    /// <c>lorawan decode --hex &lt;PHYPayload&gt; [--nwkskey K] [--appskey K] [--appkey K] [--fcnt-msb N]</c>: the fields
    /// of a LoRaWAN 1.0.x frame as one JSON object, parsed by the device codec (LoRaWan.Frames) and checked with the
    /// device crypto (LoRaWan.Crypto). With keys: the decrypted payload and whether the MIC is valid; with
    /// <c>--appkey</c> a Join-accept is decrypted and a Join-request's MIC checked.
    /// </summary>
    public static class DecodeCommand
    {
        const string Description = "The fields of a LoRaWAN 1.0.x frame as JSON; with keys the decrypted payload and whether the MIC is valid.";

        static readonly OptionSet Options = Declare();

        static OptionSet Declare()
        {
            var o = new OptionSet();
            o.Text("--hex", "PHYPayload", "the frame as hex (as a gateway or the console shows it)");
            o.Text("--nwkskey", "key", "NwkSKey (32 hex digits): checks the MIC, decrypts FPort 0");
            o.Text("--appskey", "key", "AppSKey (32 hex digits): decrypts FRMPayload on FPort 1..255");
            o.Text("--appkey", "key", "AppKey (32 hex digits): decrypts a Join-accept, checks a Join-request MIC");
            o.Text("--fcnt-msb", "N", "upper 16 bits of the 32-bit frame counter (0..65535) for the MIC and decryption");
            return o;
        }

        /// <summary>The <c>decode</c> command for <see cref="Program.Root"/>.</summary>
        public static readonly Command Command = Options.Command("decode", Description, p => Execute(new CliArgs(p, Options), p.InvocationConfiguration.Output));

        /// <summary>Runs <c>lorawan decode</c> with <paramref name="args"/> (the arguments after the command name).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Program.Run(Program.With("decode", args), stdout, stderr);

        static int Execute(CliArgs a, TextWriter stdout)
        {
            byte[] frame = a.HexBytes("hex");
            byte[] nwkSKey = FrameText.Key(a, "nwkskey");
            byte[] appSKey = FrameText.Key(a, "appskey");
            byte[] appKey = FrameText.Key(a, "appkey");
            int fcntMsb = a.Int("fcnt-msb", -1);
            if (a.Get("fcnt-msb") != null && (fcntMsb < 0 || fcntMsb > 0xFFFF)) throw new CliException($"--fcnt-msb must be 0..65535, got {fcntMsb}");
            a.RejectUnknown();
            if (frame.Length == 0) throw new CliException("--hex: empty frame");
            if (frame.Length > PhyPayload.MaxLength) throw new CliException($"--hex: {frame.Length} bytes is more than a LoRa frame can carry ({PhyPayload.MaxLength})");

            FrameResult r = PhyPayload.ReadHeader(frame, 0, frame.Length, out MType mtype);
            if (r != FrameResult.Ok) throw new CliException(FrameText.Describe(r, mtype, frame.Length));
            switch (mtype)
            {
                case MType.UnconfirmedDataUp:
                case MType.UnconfirmedDataDown:
                case MType.ConfirmedDataUp:
                case MType.ConfirmedDataDown:
                    DecodeData(stdout, frame, nwkSKey, appSKey, fcntMsb);
                    break;
                case MType.JoinRequest:
                    DecodeJoinRequest(stdout, frame, appKey);
                    break;
                case MType.JoinAccept:
                    DecodeJoinAccept(stdout, frame, appKey);
                    break;
                case MType.RejoinRequest:
                    DecodeRejoinRequest(stdout, frame);
                    break;
                default:
                    FrameText.PrintJson(stdout, w =>
                    {
                        w.WriteString("mtype", "Proprietary");
                        w.WriteString("frmPayload", Convert.ToHexString(frame, 1, frame.Length - 1));
                    });
                    break;
            }
            return 0;
        }

        static void DecodeData(TextWriter stdout, byte[] frame, byte[] nwkSKey, byte[] appSKey, int fcntMsb)
        {
            var f = new DataFrame();
            FrameResult r = f.Read(frame, 0, frame.Length, 0);
            if (r != FrameResult.Ok) throw new CliException(FrameText.Describe(r, f.MType, frame.Length));
            var direction = f.IsDownlink ? FrameDirection.Downlink : FrameDirection.Uplink;
            uint fcnt = fcntMsb >= 0 ? ((uint)fcntMsb << 16) | f.FCnt : f.FCnt;

            // FRMPayload decrypted into a copy (the frame itself stays as on air for the MIC).
            byte[] plain = null;
            byte[] payloadKey = f.FPort == 0 ? nwkSKey : appSKey;
            if (payloadKey != null)
            {
                plain = new byte[f.FrmPayloadLength];
                Array.Copy(frame, f.FrmPayloadOffset, plain, 0, plain.Length);
                new PayloadCipher().DecryptFrmPayload(payloadKey, 0, direction, f.DevAddr, fcnt, plain, 0, plain.Length);
            }

            FrameText.PrintJson(stdout, w =>
            {
                w.WriteString("mtype", f.MType.ToString());
                w.WriteString("devAddr", FrameText.Msb(f.DevAddr, 4));
                w.WriteNumber("fCnt", fcnt);
                if (f.FPort == DataFrame.NoPort) w.WriteNull("fPort");
                else w.WriteNumber("fPort", f.FPort);
                w.WriteBoolean("adr", f.Adr);
                w.WriteBoolean("ack", f.Ack);
                w.WriteBoolean("adrAckReq", f.AdrAckReq);
                w.WriteBoolean("fPending", f.FPending);
                w.WriteString("fOpts", Convert.ToHexString(frame, f.FOptsOffset, f.FOptsLength));
                bool down = f.IsDownlink;
                if (f.FOptsLength > 0) MacCommandJson.Write(w, frame, f.FOptsOffset, f.FOptsLength, down);
                else if (f.FPort == 0 && plain != null) MacCommandJson.Write(w, plain, 0, plain.Length, down);
                else { w.WriteStartArray("macCommands"); w.WriteEndArray(); }
                w.WriteString("frmPayload", Convert.ToHexString(frame, f.FrmPayloadOffset, f.FrmPayloadLength));
                if (plain != null) w.WriteString("payload", Convert.ToHexString(plain));
                if (nwkSKey != null)
                    w.WriteBoolean("micValid", new DataMic().Verify10(nwkSKey, 0, direction, f.DevAddr, fcnt, frame, 0, frame.Length));
            });
        }

        static void DecodeJoinRequest(TextWriter stdout, byte[] frame, byte[] appKey)
        {
            var jr = new JoinRequestFrame();
            FrameResult r = jr.Read(frame, 0, frame.Length);
            if (r != FrameResult.Ok) throw new CliException(FrameText.Describe(r, MType.JoinRequest, frame.Length));
            FrameText.PrintJson(stdout, w =>
            {
                w.WriteString("mtype", "JoinRequest");
                w.WriteString("joinEui", FrameText.Msb(jr.JoinEui, 8));
                w.WriteString("devEui", FrameText.Msb(jr.DevEui, 8));
                w.WriteNumber("devNonce", jr.DevNonce);
                if (appKey != null) w.WriteBoolean("micValid", new JoinCrypto().VerifyRequestMic(appKey, 0, frame, 0, frame.Length));
            });
        }

        static void DecodeJoinAccept(TextWriter stdout, byte[] frame, byte[] appKey)
        {
            if (frame.Length != JoinAcceptFrame.LengthWithoutCfList && frame.Length != JoinAcceptFrame.LengthWithCfList)
                throw new CliException(FrameText.Describe(FrameResult.JoinAcceptWrongLength, MType.JoinAccept, frame.Length));
            if (appKey == null)
            {
                // Everything after MHDR is encrypted: without the key only the type is known.
                FrameText.PrintJson(stdout, w => w.WriteString("mtype", "JoinAccept"));
                return;
            }
            byte[] plain = (byte[])frame.Clone();
            var crypto = new JoinCrypto();
            crypto.DecryptJoinAccept(appKey, 0, plain, 0, plain.Length);
            var ja = new JoinAcceptFrame();
            FrameResult r = ja.Read(plain, 0, plain.Length);
            if (r != FrameResult.Ok) throw new CliException(FrameText.Describe(r, MType.JoinAccept, frame.Length));
            FrameText.PrintJson(stdout, w =>
            {
                w.WriteString("mtype", "JoinAccept");
                w.WriteString("joinNonce", FrameText.Msb(ja.JoinNonce, 3));
                w.WriteString("netId", FrameText.Msb(ja.NetId, 3));
                w.WriteString("devAddr", FrameText.Msb(ja.DevAddr, 4));
                w.WriteNumber("rx1DrOffset", ja.Rx1DrOffset);
                w.WriteNumber("rx2DataRate", ja.Rx2DataRate);
                w.WriteNumber("rxDelay", ja.RxDelay);
                if (ja.HasCfList) w.WriteString("cfList", Convert.ToHexString(plain, ja.CfListOffset, CfList.Length));
                else w.WriteNull("cfList");
                w.WriteBoolean("micValid", crypto.VerifyJoinAcceptMic10(appKey, 0, plain, 0, plain.Length));
            });
        }

        static void DecodeRejoinRequest(TextWriter stdout, byte[] frame)
        {
            var rj = new RejoinRequestFrame();
            FrameResult r = rj.Read(frame, 0, frame.Length);
            if (r != FrameResult.Ok) throw new CliException(FrameText.Describe(r, MType.RejoinRequest, frame.Length));
            FrameText.PrintJson(stdout, w =>
            {
                w.WriteString("mtype", "RejoinRequest");
                w.WriteNumber("rejoinType", rj.RejoinType);
                if (rj.RejoinType == 1) w.WriteString("joinEui", FrameText.Msb(rj.JoinEui, 8));
                else w.WriteString("netId", FrameText.Msb(rj.NetId, 3));
                w.WriteString("devEui", FrameText.Msb(rj.DevEui, 8));
                w.WriteNumber("rjCount", rj.RjCount);
            });
        }
    }
}
