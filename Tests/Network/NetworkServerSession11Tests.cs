using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The network model's LoRaWAN 1.1 data path and MAC commands with a scripted 1.1 device (EU868, ABP 1.1 unless
    /// said; uplinks at DR5 on 868.3 MHz = channel 1): the uplink MIC with TxDr, TxCh and ConfFCnt (§4.4), FOpts encrypted
    /// with NwkSEncKey both ways (§4.3.1.6 and its FCntDwn erratum), NFCntDown / AFCntDown (§4.3.1.5), the downlink MIC
    /// with ConfFCnt, and RekeyInd/Conf, ResetInd/Conf, DeviceModeInd/Conf, ADRParamSetupReq/Ans as The Things Stack
    /// handles them (pkg/networkserver/mac). Expected command bytes are written out from the LoRaWAN 1.1 §5 layouts.
    /// </summary>
    [TestClass]
    public class NetworkServerSession11Tests
    {
        const uint DevAddr = 0x26011234;
        const ulong DevEui = 0x0102030405060708;
        const string F = "379084E7CE22FF191BFF4B77536F2AA3";
        const string S = "63C59309D53485BC5164DBF71627AEB9";
        const string E = "CE07A009A3970AC0519A099ED53E550B";
        const string A = "B035CCE24E4A040EB5CECBF21724412D";
        const uint Freq = 868300000;
        const ulong T0 = 100000000;

        static NetworkBench Bench(out TestEndDevice dev)
        {
            var bench = new NetworkBench("EU868", null);
            bench.Server.AddAbpDevice11(DevEui, DevAddr, TestHex.Bytes(F), TestHex.Bytes(S), TestHex.Bytes(E), TestHex.Bytes(A));
            bench.Server.Mac.Enabled = false;
            bench.Server.Mac.ExtraChannels = false;
            dev = TestEndDevice.Abp11(DevAddr, TestHex.Bytes(F), TestHex.Bytes(S), TestHex.Bytes(E), TestHex.Bytes(A));
            dev.TxDr = 5;
            dev.TxCh = 1;
            return bench;
        }

        static void Send(NetworkBench bench, byte[] frame, uint fCnt)
        {
            bench.Send(frame, Freq, 7, 125000, T0 + fCnt * 60000000UL);
        }

        static NetworkSession Session(NetworkBench bench)
        {
            return bench.Server.GetDevice(0).Session;
        }

        [TestMethod]
        public void UplinkMic11_CoversTxChAndTxDr_WrongOnesRejected()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            dev.TxCh = 0;   // 868.3 MHz is channel 1 of the device's plan
            Send(bench, dev.Uplink(0, 1, new byte[] { 1 }, false, false), 0);
            dev.TxCh = 1;
            dev.TxDr = 4;   // SF7/125 kHz is DR5
            Send(bench, dev.Uplink(1, 1, new byte[] { 1 }, false, false), 1);
            Assert.AreEqual(2, bench.Server.Counters.UplinksRejectedMic);
            Assert.AreEqual(0, bench.Server.Counters.UplinksAccepted);

            dev.TxDr = 5;
            Send(bench, dev.Uplink(2, 1, new byte[] { 0x42 }, false, false), 2);
            Assert.AreEqual(1, bench.Server.Counters.UplinksAccepted);
            Assert.AreEqual("42", TestHex.Of(bench.Server.Uplinks.Last.Payload, 0, 1), "FRMPayload decrypted with AppSKey");
        }

        [TestMethod]
        public void ConfirmedUplink_AckDownlinkMicCarriesTheUplinkFCnt()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            Send(bench, dev.Uplink(7, 1, new byte[] { 1 }, true, false), 7);
            byte[] down = bench.Transmitter.Last.Bytes;
            Assert.IsFalse(dev.ReadDownlink(down, 0, 0), "not with ConfFCnt 0");
            Assert.IsTrue(dev.ReadDownlink(down, 0, 7), "MIC with ConfFCnt = 7, the confirmed uplink's FCnt");
            Assert.IsTrue(dev.Downlink.Ack);
        }

        [TestMethod]
        public void AckUplink_MicCarriesTheFCntOfTheLastConfirmedDownlink()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            bench.Server.Enqueue(DevEui, 1, new byte[] { 0xA0 }, false);
            Send(bench, dev.Uplink(0, 1, null, false, false), 0);                 // AFCntDown 0
            QueuedDownlink confirmed = bench.Server.Enqueue(DevEui, 1, new byte[] { 0xA1 }, true);
            Send(bench, dev.Uplink(1, 1, null, false, false), 1);                 // AFCntDown 1, confirmed
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 1, 0));
            Assert.AreEqual((int)MType.ConfirmedDataDown, (int)dev.Downlink.MType);
            Assert.AreEqual(1u, Session(bench).LastConfFCntDown);

            Send(bench, dev.Uplink(2, 1, null, false, true, null, 0), 2);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedMic, "ACK with ConfFCnt 0: wrong MIC");
            Assert.IsFalse(confirmed.Acknowledged);
            Send(bench, dev.Uplink(2, 1, null, false, true, null, 1), 2);
            Assert.AreEqual(3, bench.Server.Counters.UplinksAccepted);
            Assert.IsTrue(confirmed.Acknowledged, "ACK with ConfFCnt 1 = the confirmed downlink's AFCntDown");
        }

        [TestMethod]
        public void DownlinkCounters_MacOnlyOnNFCntDown_ApplicationOnAFCntDown()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            Send(bench, dev.Uplink(0, 1, null, true, false), 0);                  // ACK only: NFCntDown 0
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0, 0));
            Assert.AreEqual(DataFrame.NoPort, dev.Downlink.FPort);

            bench.Server.Enqueue(DevEui, 2, new byte[] { 0xB0, 0xB1 }, false);
            Send(bench, dev.Uplink(1, 1, null, false, false), 1);                 // application: AFCntDown 0
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0, 0), "AFCntDown starts at 0 beside NFCntDown");
            Assert.AreEqual(2, dev.Downlink.FPort);
            Assert.AreEqual("B0B1", TestHex.Of(dev.DownlinkPayload), "FRMPayload with AppSKey under AFCntDown");

            Send(bench, dev.Uplink(2, 1, null, true, false), 2);                  // ACK only: NFCntDown 1
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 1, 2));
            Assert.AreEqual(2u, Session(bench).FCntDown, "NFCntDown: two MAC-only downlinks");
            Assert.AreEqual(1u, Session(bench).AFCntDown, "AFCntDown: one application downlink");
        }

        [TestMethod]
        public void FOpts_EncryptedBothWays_NFCntDownAndAFCntDownKeyStreams()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            Send(bench, dev.Uplink(0, 1, null, false, false, new byte[] { 0x02 }, 0), 0);   // LinkCheckReq, encrypted
            Assert.AreEqual("02", TestHex.Of(bench.Server.Uplinks.Last.FOpts, 0, 1), "FOpts decrypted with NwkSEncKey");
            byte[] down = bench.Transmitter.Last.Bytes;
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(down, 0, down.Length, 0));
            Assert.AreNotEqual("020F01", TestHex.Of(down, f.FOptsOffset, f.FOptsLength), "not in clear on air");
            Assert.IsTrue(dev.ReadDownlink(down, 0, 0));
            Assert.AreEqual("020F01", TestHex.Of(dev.DownlinkFOpts), "LinkCheckAns under NFCntDown (margin 15 dB, 1 gateway)");

            // With application data the FOpts key stream is the AFCntDown one (erratum: A block byte 0x02).
            bench.Server.Enqueue(DevEui, 1, new byte[] { 0xC0 }, false);
            Send(bench, dev.Uplink(1, 1, null, false, false, new byte[] { 0x02 }, 0), 1);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0, 0));
            Assert.AreEqual(1, dev.Downlink.FPort);
            Assert.AreEqual("020F01", TestHex.Of(dev.DownlinkFOpts), "decrypted as AFCntDown FOpts");
        }

        [TestMethod]
        public void ResetInd_Abp11_ResetConfAndTheMacParametersBackToDefaults()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            NetworkSession s = Session(bench);
            s.RxDelaySeconds = 3;
            s.Rx1DrOffset = 2;
            Send(bench, dev.Uplink(5, 1, null, false, false, new byte[] { 0x01, 0x01 }, 0), 5);   // ResetInd, minor 1
            Assert.AreEqual(1, bench.Transmitter.Count, "ResetConf needs a downlink");
            TransmittedFrame tx = bench.Transmitter.Last;
            Assert.AreEqual(T0 + 5 * 60000000UL + 1000000UL, tx.StartUs, "RX1 with the default RECEIVE_DELAY1 1 s");
            Assert.AreEqual(7, tx.SpreadingFactor, "RX1DROffset back to 0: DR5");
            Assert.IsTrue(dev.ReadDownlink(tx.Bytes, 0, 0));
            Assert.AreEqual("0101", TestHex.Of(dev.DownlinkFOpts), "ResetConf, Serv minor 1");
            Assert.AreEqual(1, s.RxDelaySeconds);
            Assert.AreEqual(0, s.Rx1DrOffset);
            Assert.AreEqual(1, bench.Server.MacCounters.ResetConfsSent);

            // Frame counters are kept: the next FCnt continues, an old one is a replay.
            Send(bench, dev.Uplink(6, 1, null, false, false, new byte[] { 0x01, 0x01 }, 0), 6);
            Assert.AreEqual(2, bench.Server.MacCounters.ResetConfsSent, "repeated until the device hears ResetConf");
            Send(bench, dev.Uplink(1, 1, null, false, false), 7);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedReplay);
        }

        [TestMethod]
        public void DeviceModeInd_ClassCFollowedOnlyWhenSupported()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            NetworkDevice device = bench.Server.GetDevice(0);
            Send(bench, dev.Uplink(0, 1, null, false, false, new byte[] { 0x20, 0x02 }, 0), 0);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0, 0));
            Assert.AreEqual("2000", TestHex.Of(dev.DownlinkFOpts), "not supports_class_c: DeviceModeConf Class A");
            Assert.IsFalse(device.IsClassC);

            device.SupportsClassC = true;
            Send(bench, dev.Uplink(1, 1, null, false, false, new byte[] { 0x20, 0x02 }, 0), 1);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 1, 0));
            Assert.AreEqual("2002", TestHex.Of(dev.DownlinkFOpts), "DeviceModeConf Class C");
            Assert.IsTrue(device.IsClassC);
            Assert.AreEqual(2, bench.Server.MacCounters.DeviceModeConfsSent);
        }

        [TestMethod]
        public void AdrParamSetupReq_OnDemand_AnswerRecorded()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench(out dev);
            bench.Server.Mac.Enabled = true;
            bench.Server.RequestAdrParamSetup(DevEui, 7, 5);
            Send(bench, dev.Uplink(0, 1, null, false, false), 0);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0, 0));
            string fopts = TestHex.Of(dev.DownlinkFOpts);
            Assert.IsTrue(fopts.IndexOf("0C75") >= 0, "ADRParamSetupReq Limit_exp 7, Delay_exp 5 in " + fopts);

            int before = bench.Transmitter.Count;
            Send(bench, dev.Uplink(1, 1, null, false, false, new byte[] { 0x0C }, 0), 1);   // ADRParamSetupAns
            NetworkMacState m = bench.Server.GetMacState(DevEui);
            Assert.AreEqual(7, m.AdrAckLimitExponent);
            Assert.AreEqual(5, m.AdrAckDelayExponent);
            Assert.AreEqual(1, m.AdrParamSetupCount);
            if (bench.Transmitter.Count > before)
            {
                Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 1, 0));
                Assert.IsTrue(TestHex.Of(dev.DownlinkFOpts).IndexOf("0C75") < 0, "answered: not asked again");
            }
        }

        [TestMethod]
        public void AdrParamSetupReq_On10Session_Throws()
        {
            var bench = new NetworkBench("EU868", null);
            bench.Server.AddAbpDevice(DevEui, DevAddr, TestHex.Bytes(F), TestHex.Bytes(A), LoRaWanVersion.V1_0_4);
            Assert.ThrowsException(typeof(InvalidOperationException), () => bench.Server.RequestAdrParamSetup(DevEui, 7, 5));
        }
    }
}
