using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoRaWan.Cli;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// <c>lorawan decode / encode / keys</c> through <see cref="Program.Run"/>: every frame of shared/VECTORS.md decodes
    /// to its documented fields, encode reproduces the vectors and round-trips through decode, the key vectors
    /// (lora-packet 1.0, The Things Stack 1.0 and 1.1) come out, and bad input is one stderr line with exit code 2.
    /// </summary>
    [TestClass]
    public class FrameCliTests
    {
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const string AppKey = "98929B92C49EDBA9676D646D3B612456";

        static int Run(out JsonElement json, out string stderr, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, o, e);
            stderr = e.ToString();
            string text = o.ToString().Trim();
            json = code == 0 ? JsonDocument.Parse(text).RootElement : default;
            return code;
        }

        static JsonElement Ok(params string[] args)
        {
            int code = Run(out JsonElement json, out string stderr, args);
            Assert.AreEqual(0, code, "exit code; stderr: " + stderr);
            Assert.AreEqual("", stderr, "nothing on stderr");
            return json;
        }

        static void Fails(string expectedInMessage, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = Program.Run(args, o, e);
            Assert.AreEqual(2, code, "exit code of " + string.Join(" ", args));
            Assert.AreEqual("", o.ToString(), "nothing on stdout");
            string err = e.ToString();
            Assert.IsTrue(err.EndsWith("\n"), "ends with a newline");
            Assert.AreEqual(1, err.TrimEnd('\n', '\r').Split('\n').Length, "exactly one line: " + err);
            Assert.IsTrue(err.StartsWith("error: "), "error prefix: " + err);
            Assert.Contains(expectedInMessage, err);
        }

        static string S(JsonElement j, string name) => j.GetProperty(name).GetString();
        static int I(JsonElement j, string name) => j.GetProperty(name).GetInt32();
        static bool B(JsonElement j, string name) => j.GetProperty(name).GetBoolean();

        [TestMethod]
        public void Decode_VectorUplink_GivesFieldsPayloadAndMic()
        {
            var j = Ok("decode", "--hex", "40F17DBE4900020001954378762B11FF0D", "--nwkskey", NwkSKey, "--appskey", AppSKey);
            Assert.AreEqual("UnconfirmedDataUp", S(j, "mtype"), "mtype");
            Assert.AreEqual("49BE7DF1", S(j, "devAddr"), "devAddr");
            Assert.AreEqual(2, I(j, "fCnt"), "fCnt");
            Assert.AreEqual(1, I(j, "fPort"), "fPort");
            Assert.IsFalse(B(j, "adr") || B(j, "ack") || B(j, "adrAckReq") || B(j, "fPending"), "flags");
            Assert.AreEqual("", S(j, "fOpts"), "fOpts");
            Assert.AreEqual(0, j.GetProperty("macCommands").GetArrayLength(), "macCommands");
            Assert.AreEqual("95437876", S(j, "frmPayload"), "frmPayload as on air");
            Assert.AreEqual("test", Encoding.ASCII.GetString(Convert.FromHexString(S(j, "payload"))), "payload");
            Assert.IsTrue(B(j, "micValid"), "MIC 2B11FF0D");
        }

        [TestMethod]
        public void Decode_VectorOfThreeBlocks_GivesTheFox()
        {
            var j = Ok("decode", "--hex", "40F17DBE490004000155332DE41A11ADC072553544429CE7787707D1C316E027E7E5E334263376AFFB8AA17AD30075293F28DEA8A20AF3C5E7",
                "--nwkskey", NwkSKey, "--appskey", AppSKey);
            Assert.AreEqual(4, I(j, "fCnt"), "fCnt");
            Assert.AreEqual("The quick brown fox jumps over the lazy dog.", Encoding.ASCII.GetString(Convert.FromHexString(S(j, "payload"))), "payload");
            Assert.IsTrue(B(j, "micValid"), "MIC");
        }

        [TestMethod]
        public void Decode_VectorDownlinkWithAck_ChecksTheDownlinkMic()
        {
            var j = Ok("decode", "--hex", "60F17DBE4920020001F9D65D27", "--nwkskey", NwkSKey);
            Assert.AreEqual("UnconfirmedDataDown", S(j, "mtype"), "mtype");
            Assert.AreEqual("49BE7DF1", S(j, "devAddr"), "devAddr");
            Assert.IsTrue(B(j, "ack"), "ACK");
            Assert.AreEqual(2, I(j, "fCnt"), "fCnt");
            Assert.AreEqual(1, I(j, "fPort"), "fPort");
            Assert.AreEqual("", S(j, "frmPayload"), "no payload");
            Assert.IsTrue(B(j, "micValid"), "MIC F9D65D27 with Dir = 1");
            Assert.IsFalse(j.TryGetProperty("payload", out _), "no payload key without the AppSKey");
        }

        [TestMethod]
        public void Decode_WithoutKeys_OmitsPayloadAndMic()
        {
            var j = Ok("decode", "--hex", "40F17DBE4900020001954378762B11FF0D");
            Assert.IsFalse(j.TryGetProperty("payload", out _), "payload");
            Assert.IsFalse(j.TryGetProperty("micValid", out _), "micValid");
            Assert.AreEqual("95437876", S(j, "frmPayload"), "frmPayload");
        }

        [TestMethod]
        public void Decode_AlteredFrame_HasAnInvalidMic()
        {
            var j = Ok("decode", "--hex", "40F17DBE4900020001954378762B11FF0E", "--nwkskey", NwkSKey);
            Assert.IsFalse(B(j, "micValid"), "last MIC byte changed");
        }

        [TestMethod]
        public void Decode_FCntMsb_Gives32BitCounterUsedByTheMic()
        {
            var j = Ok("decode", "--hex", "40F17DBE4900020001954378762B11FF0D", "--nwkskey", NwkSKey, "--fcnt-msb", "1");
            Assert.AreEqual(65538, I(j, "fCnt"), "0x0001 << 16 | 2");
            Assert.IsFalse(B(j, "micValid"), "the vector's MIC was computed with FCnt 2");
            j = Ok("decode", "--hex", "40F17DBE4900020001954378762B11FF0D", "--nwkskey", NwkSKey, "--fcnt-msb", "0");
            Assert.IsTrue(B(j, "micValid"), "MSB 0");
        }

        [TestMethod]
        public void Decode_VectorJoinRequest_GivesEuisDevNonceAndMic()
        {
            var j = Ok("decode", "--hex", "0039363463336913AA05693574323831330489C65B1304", "--appkey", AppKey);
            Assert.AreEqual("JoinRequest", S(j, "mtype"), "mtype");
            Assert.AreEqual("AA13693363343639", S(j, "joinEui"), "joinEui");
            Assert.AreEqual("3331383274356905", S(j, "devEui"), "devEui");
            Assert.AreEqual(0x8904, I(j, "devNonce"), "devNonce");
            Assert.IsTrue(B(j, "micValid"), "MIC C65B1304");
        }

        [TestMethod]
        public void Decode_VectorJoinAccept_EncryptedHereWithDotNetAes_GivesItsFields()
        {
            // The lora-packet plaintext; the network "encrypts" with AES decrypt (ECB) over everything after MHDR.
            byte[] plain = Convert.FromHexString("20386337CCBBAAE7CD2C010000D9D0A6E7");
            byte[] onAir = new byte[plain.Length];
            onAir[0] = plain[0];
            using (var aes = Aes.Create())
            {
                aes.Key = Convert.FromHexString(AppKey);
                byte[] body = aes.DecryptEcb(plain.AsSpan(1, 16), PaddingMode.None);
                body.CopyTo(onAir, 1);
            }
            var j = Ok("decode", "--hex", Convert.ToHexString(onAir), "--appkey", AppKey);
            Assert.AreEqual("JoinAccept", S(j, "mtype"), "mtype");
            Assert.AreEqual("376338", S(j, "joinNonce"), "AppNonce");
            Assert.AreEqual("AABBCC", S(j, "netId"), "NetID");
            Assert.AreEqual("012CCDE7", S(j, "devAddr"), "DevAddr");
            Assert.AreEqual(0, I(j, "rx1DrOffset"), "rx1DrOffset");
            Assert.AreEqual(0, I(j, "rx2DataRate"), "rx2DataRate");
            Assert.AreEqual(0, I(j, "rxDelay"), "rxDelay");
            Assert.AreEqual(JsonValueKind.Null, j.GetProperty("cfList").ValueKind, "cfList");
            Assert.IsTrue(B(j, "micValid"), "MIC D9D0A6E7");
        }

        [TestMethod]
        public void Decode_VectorJoinAcceptWithZeroKey()
        {
            var j = Ok("decode", "--hex", "20E3DE108795F776B8037610EF7869B5B3", "--appkey", "00000000000000000000000000000000");
            Assert.AreEqual("000000", S(j, "joinNonce"), "joinNonce");
            Assert.AreEqual("000000", S(j, "netId"), "netId");
            Assert.AreEqual("00000000", S(j, "devAddr"), "devAddr");
            Assert.IsTrue(B(j, "micValid"), "MIC F86F0A91");
            j = Ok("decode", "--hex", "20E3DE108795F776B8037610EF7869B5B3");
            Assert.AreEqual("JoinAccept", S(j, "mtype"), "without a key only the type");
        }

        [TestMethod]
        public void Decode_JoinAcceptWithCfList_ShowsIt()
        {
            // Plaintext join-accept with the EU868 CFList, encrypted with .NET's AES as the network would.
            byte[] plain = Convert.FromHexString("20" + "010000" + "130000" + "DA1B0126" + "93" + "05" + "184F84E85684B85E84886684586E8400" + "00000000");
            byte[] onAir = new byte[33];
            onAir[0] = 0x20;
            using (var aes = Aes.Create())
            {
                aes.Key = Convert.FromHexString(AppKey);
                aes.DecryptEcb(plain.AsSpan(1, 32), PaddingMode.None).CopyTo(onAir, 1);
            }
            var j = Ok("decode", "--hex", Convert.ToHexString(onAir), "--appkey", AppKey);
            Assert.AreEqual("26011BDA", S(j, "devAddr"), "devAddr");
            Assert.AreEqual(1, I(j, "rx1DrOffset"), "rx1DrOffset");
            Assert.AreEqual(3, I(j, "rx2DataRate"), "rx2DataRate");
            Assert.AreEqual(5, I(j, "rxDelay"), "rxDelay");
            Assert.AreEqual("184F84E85684B85E84886684586E8400", S(j, "cfList"), "cfList");
            Assert.IsFalse(B(j, "micValid"), "the MIC slot was left zero");
        }

        [TestMethod]
        public void Decode_DownlinkFOpts_ListsMacCommandsWithFields()
        {
            // FOpts: LinkADRReq(DR5, TX2, ChMask 00FF, NbTrans 1) | DevStatusReq | RXTimingSetupReq(1 s)
            string fopts = "0352FF0001" + "06" + "0801";
            var enc = Ok("encode", "--mtype", "UnconfirmedDataDown", "--devaddr", "49BE7DF1", "--fcnt", "3", "--fopts", fopts,
                "--nwkskey", NwkSKey);
            var j = Ok("decode", "--hex", S(enc, "phyPayload"), "--nwkskey", NwkSKey);
            Assert.AreEqual(fopts, S(j, "fOpts"), "fOpts");
            Assert.AreEqual(JsonValueKind.Null, j.GetProperty("fPort").ValueKind, "no FPort");
            var cmds = j.GetProperty("macCommands");
            Assert.AreEqual(3, cmds.GetArrayLength(), "three commands");
            Assert.AreEqual(3, I(cmds[0], "cid"), "cid");
            Assert.AreEqual("LinkADRReq", S(cmds[0], "name"), "name");
            Assert.AreEqual(5, I(cmds[0], "dataRate"), "dataRate");
            Assert.AreEqual(2, I(cmds[0], "txPower"), "txPower");
            Assert.AreEqual(0x00FF, I(cmds[0], "chMask"), "chMask");
            Assert.AreEqual(1, I(cmds[0], "nbTrans"), "nbTrans");
            Assert.AreEqual("DevStatusReq", S(cmds[1], "name"), "DevStatusReq");
            Assert.AreEqual("RXTimingSetupReq", S(cmds[2], "name"), "RXTimingSetupReq");
            Assert.AreEqual(1, I(cmds[2], "delaySeconds"), "delay");
            Assert.IsTrue(B(j, "micValid"), "MIC");
        }

        [TestMethod]
        public void Decode_UnknownCid_ReportsWhereParsingStopped()
        {
            var enc = Ok("encode", "--mtype", "UnconfirmedDataDown", "--devaddr", "01020304", "--fcnt", "1", "--fopts", "06" + "14" + "00",
                "--nwkskey", NwkSKey);
            var j = Ok("decode", "--hex", S(enc, "phyPayload"));
            Assert.AreEqual(1, j.GetProperty("macCommands").GetArrayLength(), "DevStatusReq only");
            Assert.Contains("0x14", S(j, "macCommandsError"));
        }

        [TestMethod]
        public void Encode_ReproducesTheVectors()
        {
            var j = Ok("encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "2", "--fport", "1",
                "--payload", "74657374", "--nwkskey", NwkSKey, "--appskey", AppSKey);
            Assert.AreEqual("40F17DBE4900020001954378762B11FF0D", S(j, "phyPayload"), "uplink 'test'");
            j = Ok("encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "4", "--fport", "1",
                "--payload", Convert.ToHexString(Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog.")),
                "--nwkskey", NwkSKey, "--appskey", AppSKey);
            Assert.AreEqual("40F17DBE490004000155332DE41A11ADC072553544429CE7787707D1C316E027E7E5E334263376AFFB8AA17AD30075293F28DEA8A20AF3C5E7",
                S(j, "phyPayload"), "uplink fox");
            j = Ok("encode", "--mtype", "UnconfirmedDataDown", "--devaddr", "49BE7DF1", "--fcnt", "2", "--fport", "1", "--ack",
                "--nwkskey", NwkSKey, "--appskey", AppSKey);
            Assert.AreEqual("60F17DBE4920020001F9D65D27", S(j, "phyPayload"), "downlink with ACK");
        }

        [TestMethod]
        public void EncodeThenDecode_RoundTripsEveryField()
        {
            var enc = Ok("encode", "--mtype", "ConfirmedDataDown", "--devaddr", "26011BDA", "--fcnt", "70000", "--fport", "42",
                "--payload", "DEADBEEF00", "--nwkskey", NwkSKey, "--appskey", AppSKey, "--fopts", "021403", "--adr", "--ack", "--fpending");
            string hex = S(enc, "phyPayload");
            var j = Ok("decode", "--hex", hex, "--nwkskey", NwkSKey, "--appskey", AppSKey, "--fcnt-msb", "1");
            Assert.AreEqual("ConfirmedDataDown", S(j, "mtype"), "mtype");
            Assert.AreEqual("26011BDA", S(j, "devAddr"), "devAddr");
            Assert.AreEqual(70000, I(j, "fCnt"), "32-bit FCnt");
            Assert.AreEqual(42, I(j, "fPort"), "fPort");
            Assert.IsTrue(B(j, "adr") && B(j, "ack") && B(j, "fPending"), "flags");
            Assert.IsFalse(B(j, "adrAckReq"), "adrAckReq");
            Assert.AreEqual("021403", S(j, "fOpts"), "fOpts");
            Assert.AreEqual("LinkCheckAns", S(j.GetProperty("macCommands")[0], "name"), "LinkCheckAns");
            Assert.AreEqual(20, I(j.GetProperty("macCommands")[0], "margin"), "margin");
            Assert.AreEqual(3, I(j.GetProperty("macCommands")[0], "gwCnt"), "gwCnt");
            Assert.AreEqual("DEADBEEF00", S(j, "payload"), "payload");
            Assert.AreNotEqual("DEADBEEF00", S(j, "frmPayload"), "encrypted on air");
            Assert.IsTrue(B(j, "micValid"), "MIC with the 32-bit counter");

            // Uplink with ADRACKReq, MAC commands on port 0 (encrypted with NwkSKey).
            enc = Ok("encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "26011BDA", "--fcnt", "9", "--fport", "0",
                "--payload", "0307" + "06FF07", "--nwkskey", NwkSKey, "--adrackreq");
            j = Ok("decode", "--hex", S(enc, "phyPayload"), "--nwkskey", NwkSKey);
            Assert.IsTrue(B(j, "adrAckReq"), "adrAckReq");
            Assert.AreEqual(0, I(j, "fPort"), "port 0");
            Assert.AreEqual("030706FF07", S(j, "payload"), "decrypted with NwkSKey");
            var cmds = j.GetProperty("macCommands");
            Assert.AreEqual(2, cmds.GetArrayLength(), "two answers");
            Assert.AreEqual("LinkADRAns", S(cmds[0], "name"), "LinkADRAns");
            Assert.IsTrue(B(cmds[0], "powerAck") && B(cmds[0], "dataRateAck") && B(cmds[0], "channelMaskAck"), "acks");
            Assert.AreEqual("DevStatusAns", S(cmds[1], "name"), "DevStatusAns");
            Assert.AreEqual(255, I(cmds[1], "battery"), "battery");
            Assert.AreEqual(7, I(cmds[1], "margin"), "margin");
            Assert.IsTrue(B(j, "micValid"), "MIC");
        }

        [TestMethod]
        public void Keys_LoraPacketVector10()
        {
            var j = Ok("keys", "--appkey", AppKey, "--joinnonce", "376338", "--netid", "AABBCC", "--devnonce", "F18E");
            Assert.AreEqual("4E3D6E6AFBCC67AF2BA3C8E8EC4ACF4B", S(j, "nwkSKey"), "NwkSKey");
            Assert.AreEqual("610897AA6F1460623443B527D3AC6A9D", S(j, "appSKey"), "AppSKey");
        }

        [TestMethod]
        public void Keys_TheThingsStackVectors10And11()
        {
            const string key = "BEC499C69E9C939E413B663961636C61";
            var j = Ok("keys", "--appkey", key, "--joinnonce", "AE3B1C", "--netid", "020101", "--devnonce", "7369");
            Assert.AreEqual("8C1E0543A229088DE6F84E74BB46BD62", S(j, "appSKey"), "1.0 AppSKey");
            Assert.AreEqual("0DB924EE6AF90698E05FC7CE48303C01", S(j, "nwkSKey"), "1.0 NwkSKey");

            j = Ok("keys", "--appkey", key, "--nwkkey", key, "--joinnonce", "AE3B1C", "--netid", "020101", "--devnonce", "7369",
                "--joineui", "0000001223224242", "--deveui", "0042004213424341");
            Assert.AreEqual("B035CCE24E4A040EB5CECBF21724412D", S(j, "appSKey"), "AppSKey");
            Assert.AreEqual("379084E7CE22FF191BFF4B77536F2AA3", S(j, "fNwkSIntKey"), "FNwkSIntKey");
            Assert.AreEqual("63C59309D53485BC5164DBF71627AEB9", S(j, "sNwkSIntKey"), "SNwkSIntKey");
            Assert.AreEqual("CE07A009A3970AC0519A099ED53E550B", S(j, "nwkSEncKey"), "NwkSEncKey");
            Assert.AreEqual("CB8E9EE114C3FB5CE472A5AA13AB1855", S(j, "jsIntKey"), "JSIntKey");
            Assert.AreEqual("BB711EEFB9829B4A75866F8616BACD6D", S(j, "jsEncKey"), "JSEncKey");
            Assert.IsFalse(j.TryGetProperty("nwkSKey", out _), "no 1.0 key in the 1.1 set");
        }

        [TestMethod]
        public void BadInput_IsOneErrorLineWithExitCode2()
        {
            Fails("odd number of hex digits", "decode", "--hex", "40F17");
            Fails("truncated frame", "decode", "--hex", "40F17DBE49");
            Fails("truncated frame", "decode", "--hex", "60F17DBE49050200AABBCC11223344");
            Fails("must be 16 bytes", "decode", "--hex", "40F17DBE4900020001954378762B11FF0D", "--nwkskey", "0011");
            Fails("--hex is required", "decode");
            Fails("not hex", "decode", "--hex", "ZZ");
            Fails("17 or 33", "decode", "--hex", "20E3DE108795F776B8037610EF7869B5");
            Fails("Major", "decode", "--hex", "41F17DBE4900020001954378762B11FF0D");
            Fails("unknown option --bogus", "decode", "--hex", "40F17DBE4900020001954378762B11FF0D", "--bogus", "1");
            Fails("must be 16 bytes", "keys", "--appkey", "0011", "--joinnonce", "376338", "--netid", "AABBCC", "--devnonce", "F18E");
            Fails("--joinnonce: must be 3 bytes", "keys", "--appkey", AppKey, "--joinnonce", "37633800", "--netid", "AABBCC", "--devnonce", "F18E");
            Fails("--deveui is required", "keys", "--appkey", AppKey, "--nwkkey", AppKey, "--joinnonce", "376338", "--devnonce", "F18E", "--joineui", "0000001223224242");
            Fails("--mtype must be one of", "encode", "--mtype", "JoinRequest", "--devaddr", "49BE7DF1", "--fcnt", "1", "--nwkskey", NwkSKey);
            Fails("--fpending is a downlink bit", "encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "1", "--fpending", "--nwkskey", NwkSKey);
            Fails("--adrackreq is an uplink bit", "encode", "--mtype", "UnconfirmedDataDown", "--devaddr", "49BE7DF1", "--fcnt", "1", "--adrackreq", "--nwkskey", NwkSKey);
            Fails("--payload needs --fport", "encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "1", "--payload", "01", "--nwkskey", NwkSKey);
            Fails("--fport 0", "encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "1", "--fport", "0", "--fopts", "02", "--nwkskey", NwkSKey);
            Fails("--appskey is required", "encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "1", "--fport", "1", "--payload", "01", "--nwkskey", NwkSKey);
            Fails("--fcnt must be", "encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7DF1", "--fcnt", "-1", "--nwkskey", NwkSKey);
            Fails("--devaddr: must be 4 bytes", "encode", "--mtype", "UnconfirmedDataUp", "--devaddr", "49BE7D", "--fcnt", "1", "--nwkskey", NwkSKey);
        }
    }
}
