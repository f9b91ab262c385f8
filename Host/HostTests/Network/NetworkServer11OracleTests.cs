using System;
using System.Linq;
using LoRaWan.Frames;
using LoRaWan.HostTests.Crypto;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using LoRaWan.Tests.Network;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Network
{
    /// <summary>
    /// The network model's LoRaWAN 1.1 join and data path checked against <see cref="LoRaWanOracle"/> (.NET AES and
    /// RFC 4493 written out, nothing shared with LoRaWan.Crypto): frames built byte by byte from the LoRaWAN 1.1 field
    /// layouts (§4, §6.2), the network's answers decrypted and verified the same way. Plus: the steady-state 1.1 uplink +
    /// ACK path allocates nothing.
    /// </summary>
    [TestClass]
    public class NetworkServer11OracleTests
    {
        static readonly byte[] NwkKey = Convert.FromHexString("BEC499C69E9C939E413B663961636C61");
        static readonly byte[] AppKey = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
        const ulong DevEui = 0x0042004213424341;
        const ulong JoinEui = 0x0000001223224242;

        static byte[] Le(ulong v, int n) => Enumerable.Range(0, n).Select(i => (byte)(v >> (8 * i))).ToArray();
        static byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

        [TestMethod]
        public void Join11_AcceptDecryptsWithNwkKey_MicWithJsIntKey_KeysAsTheOracleDerives()
        {
            var tx = new FakeTransmitter();
            var clock = new ManualClock();
            var server = new NetworkServer(Region.Create("EU868"), clock, tx, new NetworkOptions());
            server.AddOtaaDevice11(DevEui, JoinEui, NwkKey, AppKey);
            // LoRaWAN 1.1 §6.2.2: MHDR 0x00 | JoinEUI | DevEUI | DevNonce | cmac(NwkKey, ...)[0..3].
            const ushort devNonce = 0x0102;
            byte[] body = Cat(new byte[] { 0x00 }, Le(JoinEui, 8), Le(DevEui, 8), Le(devNonce, 2));
            byte[] request = Cat(body, LoRaWanOracle.Cmac(NwkKey, body).Take(4).ToArray());
            clock.NowMicroseconds = 10020000;
            var md = new UplinkMetadata();
            md.Set(868100000, 12, 125000, 10000000, -80, 7f, 1);
            server.OnUplink(request, 0, request.Length, md);
            Assert.AreEqual(1, tx.Count);

            byte[] onAir = tx[0].Bytes;
            byte[] plain = Cat(new[] { onAir[0] }, LoRaWanOracle.AesEncrypt(NwkKey, onAir.Skip(1).ToArray()));
            byte[] jsIntKey = LoRaWanOracle.DeriveJs(NwkKey, 0x06, DevEui);
            byte[] mic = LoRaWanOracle.JoinAcceptMic11(jsIntKey, 0xFF, JoinEui, devNonce, plain.Take(plain.Length - 4).ToArray());
            Assert.AreEqual(Convert.ToHexString(mic), Convert.ToHexString(plain, plain.Length - 4, 4), "the 1.1 Join-accept MIC");
            Assert.AreEqual(0x80, plain[11] & 0x80, "OptNeg");
            uint joinNonce = (uint)(plain[1] | plain[2] << 8 | plain[3] << 16);

            NetworkSession s = server.GetDevice(0).PendingSession;
            Assert.AreEqual(Convert.ToHexString(LoRaWanOracle.Derive11(NwkKey, 0x01, joinNonce, JoinEui, devNonce)), Convert.ToHexString(s.FNwkSIntKey));
            Assert.AreEqual(Convert.ToHexString(LoRaWanOracle.Derive11(NwkKey, 0x03, joinNonce, JoinEui, devNonce)), Convert.ToHexString(s.SNwkSIntKey));
            Assert.AreEqual(Convert.ToHexString(LoRaWanOracle.Derive11(NwkKey, 0x04, joinNonce, JoinEui, devNonce)), Convert.ToHexString(s.NwkSEncKey));
            Assert.AreEqual(Convert.ToHexString(LoRaWanOracle.Derive11(AppKey, 0x02, joinNonce, JoinEui, devNonce)), Convert.ToHexString(s.AppSKey));
        }

        [TestMethod]
        public void Data11_ConfirmedUplinkWithEncryptedFOpts_DownlinkMicAndFOptsAsTheOracleComputes()
        {
            byte[] f = Convert.FromHexString("379084E7CE22FF191BFF4B77536F2AA3");
            byte[] sKey = Convert.FromHexString("63C59309D53485BC5164DBF71627AEB9");
            byte[] e = Convert.FromHexString("CE07A009A3970AC0519A099ED53E550B");
            byte[] a = Convert.FromHexString("B035CCE24E4A040EB5CECBF21724412D");
            const uint devAddr = 0x26011234;
            const uint fCnt = 0x00010005;   // 32-bit FCntUp, 0x0005 on air
            var tx = new FakeTransmitter();
            var clock = new ManualClock();
            var server = new NetworkServer(Region.Create("EU868"), clock, tx, new NetworkOptions());
            server.Mac.Enabled = false;
            server.AddAbpDevice11(1, devAddr, f, sKey, e, a);
            server.GetDevice(0).Session.FCntDown = 0x00020003;
            // LoRaWAN 1.1 §4: MHDR (0x40 unconfirmed / 0x80 confirmed up) | DevAddr | FCtrl (FOptsLen) | FCnt | FOpts | FPort 1 |
            // FRMPayload | MIC, sent at DR5 on 868.3 MHz = channel 1.
            byte[] Up(byte mhdr, uint n, byte[] clearFOpts)
            {
                byte[] fo = LoRaWanOracle.FOpts(e, 0x01, 0, devAddr, n, clearFOpts);
                byte[] payload = LoRaWanOracle.FrmPayload(a, 0, devAddr, n, new byte[] { 0x11, 0x22 });
                byte[] m = Cat(new[] { mhdr }, Le(devAddr, 4), new[] { (byte)fo.Length }, Le(n & 0xFFFF, 2), fo, new byte[] { 0x01 }, payload);
                return Cat(m, LoRaWanOracle.UplinkMic11(sKey, f, 0, 5, 1, devAddr, n, m));
            }
            var md = new UplinkMetadata();
            // FCnt 0xFFFF first, so that 0x0005 next is rebuilt as 0x00010005 (the MIC covers the 32 bits).
            byte[] first = Up(0x40, 0xFFFF, new byte[0]);
            clock.NowMicroseconds = 40020000;
            md.Set(868300000, 7, 125000, 40000000, -80, 7.5f, 1);
            server.OnUplink(first, 0, first.Length, md);
            byte[] frame = Up(0x80, fCnt, new byte[] { 0x02 });
            clock.NowMicroseconds = 100020000;
            md.Set(868300000, 7, 125000, 100000000, -80, 7.5f, 1);
            server.OnUplink(frame, 0, frame.Length, md);
            Assert.AreEqual(2, server.Counters.UplinksAccepted);
            Assert.AreEqual(fCnt, server.Uplinks.Last.FCnt);
            Assert.AreEqual("1122", Convert.ToHexString(server.Uplinks.Last.Payload, 0, 2));

            byte[] down = tx.Last.Bytes;
            Assert.AreEqual(0x60, (int)down[0], "unconfirmed data down");
            Assert.AreEqual(0x20 | 0x03, (int)down[5], "FCtrl: ACK, FOptsLen 3");
            Assert.AreEqual("0300", Convert.ToHexString(down, 6, 2), "NFCntDown 0x00020003, 16 bits on air");
            byte[] clear = LoRaWanOracle.FOpts(e, 0x01, 1, devAddr, 0x00020003, down.Skip(8).Take(3).ToArray());
            Assert.AreEqual("020F01", Convert.ToHexString(clear), "LinkCheckAns encrypted under NFCntDown");
            byte[] downMsg = down.Take(down.Length - 4).ToArray();
            byte[] mic = LoRaWanOracle.DownlinkMic11(sKey, fCnt, devAddr, 0x00020003, downMsg);
            Assert.AreEqual(Convert.ToHexString(mic), Convert.ToHexString(down, down.Length - 4, 4), "MIC with ConfFCnt = the uplink's FCnt");
        }

        [TestMethod]
        public void SteadyState11UplinkAndAck_AllocateNothing_WithoutHistory()
        {
            var clock = new ManualClock();
            var tx = new CountingTransmitter();
            var server = new NetworkServer(Region.Create("EU868"), clock, tx, new NetworkOptions { RecordHistory = false });
            server.Mac.Enabled = false;
            byte[] f = Convert.FromHexString("379084E7CE22FF191BFF4B77536F2AA3");
            byte[] sKey = Convert.FromHexString("63C59309D53485BC5164DBF71627AEB9");
            byte[] e = Convert.FromHexString("CE07A009A3970AC0519A099ED53E550B");
            byte[] a = Convert.FromHexString("B035CCE24E4A040EB5CECBF21724412D");
            server.AddAbpDevice11(1, 0x26011234, f, sKey, e, a);
            var dev = TestEndDevice.Abp11(0x26011234, f, sKey, e, a);
            dev.TxDr = 5;
            dev.TxCh = 0;
            const int N = 600;
            // FCnts are used once: frames for every window SteadyStateAllocation may take (the measured one is the last).
            var frames = new byte[100 + SteadyStateAllocation.MaxWindows * (N - 100)][];
            for (int i = 0; i < frames.Length; i++) frames[i] = dev.Uplink((uint)i, 1, new byte[] { (byte)i, 2, 3 }, true, false, new byte[] { 0x02 }, 0);
            var md = new UplinkMetadata();
            void Run(int from, int to)
            {
                for (int i = from; i < to; i++)
                {
                    ulong end = 1000000UL + (ulong)i * 10000000UL;
                    clock.NowMicroseconds = end + 20000;
                    md.Set(868100000, 7, 125000, end, -80, 7f, 1);
                    server.OnUplink(frames[i], 0, frames[i].Length, md);
                }
            }
            Run(0, 100);
            int sentBefore = 0, next = 100;
            long bytes = SteadyStateAllocation.Measure(() => sentBefore = tx.Count, () =>
            {
                Run(next, next + N - 100);
                next += N - 100;
            }, out string note);
            Assert.AreEqual(next, server.Counters.UplinksAccepted);
            Assert.AreEqual(next, server.MacCounters.LinkChecksAnswered, "FOpts decrypted every time");
            Assert.AreEqual(N - 100, tx.Count - sentBefore, "an ACK with LinkCheckAns for each");
            OutputHelper.WriteLine($"{N - 100} 1.1 uplinks with ACK + LinkCheckAns: {bytes} bytes allocated {note}");
            Assert.AreEqual(0L, bytes);
        }

        sealed class CountingTransmitter : IDownlinkTransmitter
        {
            public int Count;
            public bool Transmit(ulong startUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, int offset, int length)
            {
                Count++;
                return true;
            }
        }
    }
}
