using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The data uplink path of the network model: the lora-packet frames of shared/VECTORS.md (DevAddr 49BE7DF1),
    /// MIC and DevAddr checks, FCnt rebuild across 0xFFFF → 0x10000, replay, retransmission and gateway
    /// deduplication (LoRaWAN 1.0.4 §4.3.1.5, §4.4; The Things Stack's 200 ms window).
    /// </summary>
    [TestClass]
    public class NetworkServerUplinkTests
    {
        const uint DevAddr = 0x49BE7DF1;
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const string Fcnt2Test = "40F17DBE4900020001954378762B11FF0D";
        const string Fcnt4Fox = "40F17DBE490004000155332DE41A11ADC072553544429CE7787707D1C316E027E7E5E334263376AFFB8AA17AD30075293F28DEA8A20AF3C5E7";
        const ulong T0 = 100000000;

        static NetworkBench Bench(out RecordingObserver obs)
        {
            var bench = new NetworkBench("EU868", null);
            bench.Server.AddAbpDevice(0x0102030405060708, DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), LoRaWanVersion.V1_0_4);
            obs = new RecordingObserver();
            bench.Server.Observer = obs;
            return bench;
        }

        static TestEndDevice Device()
        {
            return TestEndDevice.Abp(DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey));
        }

        [TestMethod]
        public void VectorUplink_Accepted_PayloadDecrypted()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            bench.Send(TestHex.Bytes(Fcnt2Test), 868100000, 7, 125000, T0);
            Assert.AreEqual(1, bench.Server.Uplinks.Count);
            UplinkRecord up = bench.Server.Uplinks[0];
            Assert.AreEqual(2u, up.FCnt);
            Assert.AreEqual(1, up.FPort);
            Assert.AreEqual("74657374", TestHex.Of(up.Payload, 0, up.PayloadLength), "ASCII test");
            Assert.AreEqual(5, up.DataRate, "SF7/125 kHz is EU868 DR5");
            Assert.AreEqual(0, up.Channel, "868.1 MHz is channel 0");
            Assert.AreEqual(868100000u, up.FrequencyHz);
            Assert.AreEqual(T0, up.UplinkEndUs);
            Assert.IsFalse(up.Confirmed);
            Assert.IsFalse(up.Ack);
            Assert.IsFalse(up.IsRetransmission);
            Assert.AreEqual(0x0102030405060708UL, up.DevEui);
            Assert.AreEqual(0, bench.Transmitter.Calls, "nothing to answer");
        }

        [TestMethod]
        public void VectorUplink_ThreeBlocks_Decrypted()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            bench.Send(TestHex.Bytes(Fcnt4Fox), 868300000, 7, 125000, T0);
            UplinkRecord up = bench.Server.Uplinks.Last;
            Assert.AreEqual(4u, up.FCnt);
            const string Text = "The quick brown fox jumps over the lazy dog.";
            Assert.AreEqual(Text.Length, up.PayloadLength);
            for (int i = 0; i < Text.Length; i++) Assert.AreEqual((byte)Text[i], up.Payload[i], "byte " + i.ToString());
        }

        [TestMethod]
        public void WrongMic_Rejected()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            byte[] frame = TestHex.Bytes(Fcnt2Test);
            frame[frame.Length - 1] ^= 0x80;
            bench.Send(frame, 868100000, 7, 125000, T0);
            Assert.AreEqual((int)UplinkRejectReason.MicMismatch, (int)obs.LastUplinkRejectReason);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedMic);
            Assert.AreEqual(0, bench.Server.Uplinks.Count);

            frame = TestHex.Bytes(Fcnt2Test);
            frame[10] ^= 0x01; // a payload bit
            bench.Send(frame, 868100000, 7, 125000, T0 + 5000000);
            Assert.AreEqual(2, bench.Server.Counters.UplinksRejectedMic);
        }

        [TestMethod]
        public void UplinkLongerThanTheRegionalMaximum_IsDropped_LikeTheThingsStack()
        {
            // EU868 DR0 (SF12/125): M = 59 (RP002). A 1.0.4 uplink with FRMPayload 51 has MACPayload 59 (accepted);
            // with 52 it has 60 and is dropped.
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            TestEndDevice d = Device();
            bench.Send(d.Uplink(0, 1, new byte[51], false, false), 868100000, 12, 125000, T0);
            Assert.AreEqual(1, bench.Server.Uplinks.Count, "51 bytes fit");
            bench.Send(d.Uplink(1, 1, new byte[52], false, false), 868100000, 12, 125000, T0 + 10000000);
            Assert.AreEqual(1, bench.Server.Uplinks.Count, "52 bytes do not");
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedMalformed);
        }

        [TestMethod]
        public void UnknownDevAddr_Rejected()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            byte[] frame = TestHex.Bytes(Fcnt2Test);
            frame[1] ^= 0x01;
            bench.Send(frame, 868100000, 7, 125000, T0);
            Assert.AreEqual((int)UplinkRejectReason.UnknownDevAddr, (int)obs.LastUplinkRejectReason);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedUnknownDevAddr);
        }

        [TestMethod]
        public void Garbage_RejectedAsMalformed()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            bench.Send(new byte[] { 0x40, 1, 2 }, 868100000, 7, 125000, T0);
            bench.Send(new byte[0], 868100000, 7, 125000, T0 + 1000000);
            bench.Send(new byte[] { 0x00, 1, 2, 3 }, 868100000, 7, 125000, T0 + 2000000);
            Assert.AreEqual(2, bench.Server.Counters.UplinksRejectedMalformed);
            Assert.AreEqual(1, bench.Server.Counters.JoinRejectedMalformed, "a short Join-request");
            Assert.AreEqual(3, bench.Server.Counters.FramesReceived);
        }

        [TestMethod]
        public void ReplayedUplink_Ignored()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            bench.Send(TestHex.Bytes(Fcnt4Fox), 868100000, 7, 125000, T0);
            bench.Send(TestHex.Bytes(Fcnt2Test), 868100000, 7, 125000, T0 + 10000000);
            Assert.AreEqual((int)UplinkRejectReason.FCntReplay, (int)obs.LastUplinkRejectReason);
            Assert.AreEqual(1, bench.Server.Counters.UplinksRejectedReplay);
            Assert.AreEqual(1, bench.Server.Uplinks.Count);
            Assert.AreEqual(4u, bench.Server.FindDevice(0x0102030405060708).Session.LastFCntUp);
        }

        [TestMethod]
        public void Retransmission_RecognisedNotDeliveredTwice()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            bench.Send(TestHex.Bytes(Fcnt2Test), 868100000, 7, 125000, T0);
            bench.Send(TestHex.Bytes(Fcnt2Test), 868300000, 7, 125000, T0 + 3000000);
            Assert.AreEqual(2, bench.Server.Counters.UplinksAccepted);
            Assert.AreEqual(1, bench.Server.Counters.Retransmissions);
            Assert.AreEqual(0, bench.Server.Counters.ReusedFCntWithNewData);
            Assert.IsFalse(bench.Server.Uplinks[0].IsRetransmission);
            Assert.IsTrue(bench.Server.Uplinks[1].IsRetransmission, "same FCnt after the dedup window");
            Assert.AreEqual(0, obs.UplinkRejects);
        }

        [TestMethod]
        public void SameFCnt_NewPayload_Flagged()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            TestEndDevice dev = Device();
            bench.Send(dev.Uplink(7, 1, new byte[] { 1 }, false, false), 868100000, 7, 125000, T0);
            bench.Send(dev.Uplink(7, 1, new byte[] { 2 }, false, false), 868100000, 7, 125000, T0 + 3000000);
            Assert.IsTrue(bench.Server.Uplinks.Last.ReusedFCntWithNewData);
            Assert.AreEqual(1, bench.Server.Counters.ReusedFCntWithNewData);
        }

        [TestMethod]
        public void TwoGateways_OneUplink_BestRssiKept()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            byte[] frame = TestHex.Bytes(Fcnt2Test);
            bench.SendVia(frame, 868100000, 7, 125000, T0, 11, -110, T0 + 20000);
            bench.SendVia(frame, 868100000, 7, 125000, T0, 22, -60, T0 + 120000);
            bench.SendVia(frame, 868100000, 7, 125000, T0, 33, -90, T0 + 210000);
            Assert.AreEqual(1, bench.Server.Uplinks.Count, "one uplink");
            Assert.AreEqual(1, bench.Server.Counters.UplinksAccepted);
            Assert.AreEqual(2, bench.Server.Counters.Duplicates);
            UplinkRecord up = bench.Server.Uplinks[0];
            Assert.AreEqual(3, up.GatewayCount);
            Assert.AreEqual(-60, up.RssiDbm);
            Assert.AreEqual(22UL, up.GatewayId);

            // Past 200 ms the same frame is a retransmission, not a duplicate.
            bench.SendVia(frame, 868100000, 7, 125000, T0 + 2000000, 11, -100, T0 + 2020000);
            Assert.AreEqual(1, bench.Server.Counters.Retransmissions);
        }

        [TestMethod]
        public void FCnt_RebuiltAcross16BitRollover()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            TestEndDevice dev = Device();
            bench.Send(dev.Uplink(0xFFFE, 1, new byte[] { 0xA }, false, false), 868100000, 7, 125000, T0);
            bench.Send(dev.Uplink(0xFFFF, 1, new byte[] { 0xB }, false, false), 868100000, 7, 125000, T0 + 10000000);
            bench.Send(dev.Uplink(0x10000, 1, new byte[] { 0xC }, false, false), 868100000, 7, 125000, T0 + 20000000);
            bench.Send(dev.Uplink(0x10002, 1, new byte[] { 0xD }, false, false), 868100000, 7, 125000, T0 + 30000000);
            Assert.AreEqual(0, obs.UplinkRejects);
            Assert.AreEqual(4, bench.Server.Uplinks.Count);
            Assert.AreEqual(0xFFFFu, bench.Server.Uplinks[1].FCnt);
            Assert.AreEqual(0x10000u, bench.Server.Uplinks[2].FCnt, "on air 0x0000 after 0xFFFF");
            Assert.AreEqual((byte)0xC, bench.Server.Uplinks[2].Payload[0], "decrypted with the 32-bit FCnt");
            Assert.AreEqual(0x10002u, bench.Server.Uplinks[3].FCnt);

            // An old frame of the first epoch is a replay even though its 16 bits are above the current ones.
            bench.Send(dev.Uplink(0xFFFF, 1, new byte[] { 0xB }, false, false), 868100000, 7, 125000, T0 + 40000000);
            Assert.AreEqual((int)UplinkRejectReason.MicMismatch, (int)obs.LastUplinkRejectReason,
                "0xFFFF after 0x10002 rebuilds to 0x1FFFF, whose MIC fails");
            Assert.AreEqual(4, bench.Server.Uplinks.Count);
        }

        [TestMethod]
        public void ConfirmedUplink_AckedInRx1()
        {
            RecordingObserver obs;
            NetworkBench bench = Bench(out obs);
            TestEndDevice dev = Device();
            bench.Send(dev.Uplink(10, 2, new byte[] { 0x55 }, true, false), 868300000, 9, 125000, T0);
            Assert.IsTrue(bench.Server.Uplinks.Last.Confirmed);
            Assert.AreEqual(1, bench.Transmitter.Count);
            TransmittedFrame tx = bench.Transmitter[0];
            Assert.AreEqual(T0 + 1000000UL, tx.StartUs, "ABP session: RECEIVE_DELAY1 = 1 s");
            Assert.AreEqual(868300000u, tx.FrequencyHz);
            Assert.AreEqual(9, tx.SpreadingFactor, "RX1 DR3 after DR3 with offset 0");
            Assert.IsTrue(dev.ReadDownlink(tx.Bytes, 0), "MIC with NwkSKey, FCntDown 0");
            Assert.IsTrue(dev.Downlink.Ack);
            Assert.AreEqual((int)MType.UnconfirmedDataDown, (int)dev.Downlink.MType);
            Assert.AreEqual(-1, dev.Downlink.FPort, "an empty ACK carries no FPort");
            Assert.AreEqual(12, tx.Bytes.Length);
            Assert.AreEqual(1, bench.Server.Counters.AcksSent);

            // The device missed it and retries with the same FCnt: ACKed again with the next FCntDown.
            bench.Send(dev.Uplink(10, 2, new byte[] { 0x55 }, true, false), 868500000, 9, 125000, T0 + 4000000);
            Assert.IsTrue(bench.Server.Uplinks.Last.IsRetransmission);
            Assert.AreEqual(1, bench.Server.Counters.Retransmissions);
            Assert.AreEqual(2, bench.Transmitter.Count);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter[1].Bytes, 1), "FCntDown 1: never reused");
            Assert.IsTrue(dev.Downlink.Ack);
            Assert.AreEqual(868500000u, bench.Transmitter[1].FrequencyHz);
        }
    }
}
