using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The join server of the network model: Join-accept timing, radio parameters and content (checked by the
    /// device's own decrypt-and-verify), DevNonce rules of LoRaWAN 1.0.4 and 1.0.3, MIC and registry checks.
    /// Expected values: LoRaWAN 1.0.4 §6.2, RP002-1.0.4 (JOIN_ACCEPT_DELAY1/2 = 5/6 s, EU868 RX2 869.525 MHz DR0,
    /// US915 RX1 = 923.3 MHz + 600 kHz × (channel mod 8), DR10 after DR0), The Things Network's EU868 CFList.
    /// </summary>
    [TestClass]
    public class NetworkServerJoinTests
    {
        const ulong DevEui = 0x70B3D57ED0000001;
        const ulong JoinEui = 0x0000000000000001;
        const string AppKeyHex = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ulong End = 10000000; // the Join-request ends on air at t = 10 s

        static NetworkBench Bench(string region, LoRaWanVersion version, NetworkOptions options, out TestEndDevice device)
        {
            var bench = new NetworkBench(region, options);
            bench.Server.AddOtaaDevice(DevEui, JoinEui, TestHex.Bytes(AppKeyHex), version);
            device = TestEndDevice.Otaa(DevEui, JoinEui, TestHex.Bytes(AppKeyHex));
            return bench;
        }

        [TestMethod]
        public void ValidJoinRequest_Eu868_JoinAcceptInRx1_DecryptsAndVerifies()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            bench.Send(dev.JoinRequest(0), 868100000, 12, 125000, End);

            Assert.AreEqual(1, bench.Transmitter.Count, "one Join-accept");
            TransmittedFrame tx = bench.Transmitter[0];
            Assert.AreEqual(End + 5000000UL, tx.StartUs, "JOIN_ACCEPT_DELAY1 after the end of the request");
            Assert.AreEqual(868100000u, tx.FrequencyHz, "EU868 RX1 on the uplink channel");
            Assert.AreEqual(12, tx.SpreadingFactor, "RX1 DR0 (uplink DR0, offset 0) = SF12");
            Assert.AreEqual(125000, tx.BandwidthHz);
            Assert.AreEqual(33, tx.Bytes.Length, "with CFList");
            Assert.AreEqual((byte)0x20, tx.Bytes[0], "MHDR Join-accept, in clear");

            Assert.IsTrue(dev.AcceptJoin(tx.Bytes, 0), "the device decrypts it with AES encrypt and the MIC verifies");
            JoinAcceptFrame ja = dev.JoinAccept;
            Assert.AreEqual(0x000013u, ja.NetId, "TTN NetID");
            Assert.AreEqual(0x26000000u, dev.DevAddr & 0xFE000000u, "DevAddr in NetID 0x13's block (NwkID 0x13)");
            Assert.AreEqual(1u, ja.JoinNonce, "first JoinNonce");
            Assert.AreEqual(0, ja.Rx1DrOffset);
            Assert.AreEqual(0, ja.Rx2DataRate, "EU868 default RX2 DR0");
            Assert.AreEqual(5, ja.RxDelay, "The Things Stack RxDelay 5 s");
            Assert.IsFalse(ja.OptNeg);
            Assert.AreEqual(CfList.TypeFrequencies, ja.CfListType);
            Assert.AreEqual(867100000u, CfList.Frequency(dev.JoinAcceptPlain, ja.CfListOffset, 0));
            Assert.AreEqual(867300000u, CfList.Frequency(dev.JoinAcceptPlain, ja.CfListOffset, 1));
            Assert.AreEqual(867500000u, CfList.Frequency(dev.JoinAcceptPlain, ja.CfListOffset, 2));
            Assert.AreEqual(867700000u, CfList.Frequency(dev.JoinAcceptPlain, ja.CfListOffset, 3));
            Assert.AreEqual(867900000u, CfList.Frequency(dev.JoinAcceptPlain, ja.CfListOffset, 4));
            Assert.AreEqual(1, bench.Server.Counters.JoinAccepts);

            // The session is pending until the device uses it with the keys it derived.
            NetworkDevice nd = bench.Server.FindDevice(DevEui);
            Assert.IsNull(nd.Session);
            Assert.IsNotNull(nd.PendingSession);
            bench.Send(dev.Uplink(0, 1, new byte[] { 1, 2, 3 }, false, false), 867500000, 7, 125000, End + 20000000);
            Assert.AreEqual(1, bench.Server.Counters.UplinksAccepted, "uplink on the new session");
            Assert.IsTrue(bench.Server.Uplinks.Last.FirstOfSession);
            Assert.AreEqual(5, bench.Server.Uplinks.Last.Channel, "867.5 MHz is the third CFList channel: channel 5");
            Assert.IsNotNull(nd.Session);
            Assert.IsNull(nd.PendingSession);
            Assert.AreEqual(dev.DevAddr, nd.Session.DevAddr);
        }

        [TestMethod]
        public void JoinAccept_Rx1DataRateFollowsUplink_Dr5()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            bench.Send(dev.JoinRequest(0), 868500000, 7, 125000, End);
            TransmittedFrame tx = bench.Transmitter.Last;
            Assert.AreEqual(868500000u, tx.FrequencyHz);
            Assert.AreEqual(7, tx.SpreadingFactor, "RX1 DR5 = SF7");
            Assert.AreEqual(End + 5000000UL, tx.StartUs);
        }

        [TestMethod]
        public void JoinAccept_InRx2_WhenGatewayRefusesRx1()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            bench.Transmitter.RefuseNext = 1;
            bench.Send(dev.JoinRequest(0), 868300000, 9, 125000, End);
            Assert.AreEqual(2, bench.Transmitter.Calls, "RX1 offered, then RX2");
            Assert.AreEqual(1, bench.Transmitter.Count);
            TransmittedFrame tx = bench.Transmitter[0];
            Assert.AreEqual(End + 6000000UL, tx.StartUs, "JOIN_ACCEPT_DELAY2");
            Assert.AreEqual(869525000u, tx.FrequencyHz, "EU868 RX2 frequency");
            Assert.AreEqual(12, tx.SpreadingFactor, "EU868 RX2 DR0 = SF12");
            Assert.AreEqual(125000, tx.BandwidthHz);
            Assert.IsTrue(dev.AcceptJoin(tx.Bytes, 0));
            Assert.AreEqual((int)RxWindow.Rx2, (int)obs.LastWindow);
            Assert.AreEqual(1, bench.Server.Counters.DownlinksRx2);
        }

        [TestMethod]
        public void JoinAccept_ForceRx2_SkipsRx1()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            bench.Server.ForceRx2 = true;
            bench.Send(dev.JoinRequest(0), 868100000, 7, 125000, End);
            Assert.AreEqual(1, bench.Transmitter.Calls);
            Assert.AreEqual(End + 6000000UL, bench.Transmitter[0].StartUs);
            Assert.AreEqual(869525000u, bench.Transmitter[0].FrequencyHz);
        }

        [TestMethod]
        public void JoinAccept_NotSent_WhenBothWindowsRefused_DevNonceStillSpent()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            bench.Transmitter.RefuseNext = 2;
            bench.Send(dev.JoinRequest(4), 868100000, 12, 125000, End);
            Assert.AreEqual(0, bench.Transmitter.Count);
            Assert.AreEqual(1, obs.NotSent);
            Assert.AreEqual(1, bench.Server.Counters.DownlinksNotSent);
            Assert.IsNull(bench.Server.FindDevice(DevEui).PendingSession);
            bench.Send(dev.JoinRequest(4), 868100000, 12, 125000, End + 30000000);
            Assert.AreEqual((int)JoinRejectReason.DevNonceTooSmall, (int)obs.LastJoinRejectReason, "the join server accepted DevNonce 4 already");
        }

        [TestMethod]
        public void DevNonce_V104_MustIncrease()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            bench.Send(dev.JoinRequest(5), 868100000, 12, 125000, End);
            Assert.AreEqual(1, obs.JoinAccepts);

            bench.Send(dev.JoinRequest(5), 868100000, 12, 125000, End + 20000000);
            Assert.AreEqual(1, obs.JoinRejects, "same DevNonce again");
            Assert.AreEqual((int)JoinRejectReason.DevNonceTooSmall, (int)obs.LastJoinRejectReason);

            bench.Send(dev.JoinRequest(3), 868100000, 12, 125000, End + 40000000);
            Assert.AreEqual(2, obs.JoinRejects, "a lower DevNonce");
            Assert.AreEqual((int)JoinRejectReason.DevNonceTooSmall, (int)obs.LastJoinRejectReason);

            bench.Send(dev.JoinRequest(6), 868100000, 12, 125000, End + 60000000);
            Assert.AreEqual(2, obs.JoinAccepts, "the next counter value");
            Assert.AreEqual(2, bench.Server.Counters.JoinRejectedDevNonceTooSmall);
            Assert.AreEqual(2, bench.Transmitter.Count, "no Join-accept for the rejected ones");
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter.Last.Bytes, 6));
            Assert.AreEqual(2u, dev.JoinAccept.JoinNonce, "JoinNonce counts accepted joins");
        }

        [TestMethod]
        public void DevNonce_V103_EachValueAcceptedOnce()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_3, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            bench.Send(dev.JoinRequest(0x1234), 868100000, 12, 125000, End);
            bench.Send(dev.JoinRequest(0x0042), 868100000, 12, 125000, End + 20000000);
            Assert.AreEqual(2, obs.JoinAccepts, "random DevNonces, a lower one is fine");
            bench.Send(dev.JoinRequest(0x1234), 868100000, 12, 125000, End + 40000000);
            Assert.AreEqual(1, obs.JoinRejects);
            Assert.AreEqual((int)JoinRejectReason.DevNonceReused, (int)obs.LastJoinRejectReason);
            bench.Send(dev.JoinRequest(0x0042), 868100000, 12, 125000, End + 60000000);
            Assert.AreEqual(2, bench.Server.Counters.JoinRejectedDevNonceReused);
            bench.Send(dev.JoinRequest(0xFFFF), 868100000, 12, 125000, End + 80000000);
            Assert.AreEqual(3, obs.JoinAccepts);
        }

        [TestMethod]
        public void JoinRequest_WrongMic_Rejected()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            byte[] frame = dev.JoinRequest(1);
            frame[22] ^= 0x01;
            bench.Send(frame, 868100000, 12, 125000, End);
            Assert.AreEqual((int)JoinRejectReason.MicMismatch, (int)obs.LastJoinRejectReason);
            Assert.AreEqual(1, bench.Server.Counters.JoinRejectedMic);
            Assert.AreEqual(0, bench.Transmitter.Calls);
            // The DevNonce was not spent: the genuine request with it is accepted.
            bench.Send(dev.JoinRequest(1), 868100000, 12, 125000, End + 20000000);
            Assert.AreEqual(1, obs.JoinAccepts);
        }

        [TestMethod]
        public void JoinRequest_OtherAppKey_Rejected()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            TestEndDevice impostor = TestEndDevice.Otaa(DevEui, JoinEui, TestHex.Bytes("000102030405060708090A0B0C0D0E0F"));
            bench.Send(impostor.JoinRequest(1), 868100000, 12, 125000, End);
            Assert.AreEqual((int)JoinRejectReason.MicMismatch, (int)obs.LastJoinRejectReason);
        }

        [TestMethod]
        public void JoinRequest_UnknownDevEui_Rejected()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            TestEndDevice stranger = TestEndDevice.Otaa(DevEui + 1, JoinEui, TestHex.Bytes(AppKeyHex));
            bench.Send(stranger.JoinRequest(1), 868100000, 12, 125000, End);
            Assert.AreEqual((int)JoinRejectReason.UnknownDevice, (int)obs.LastJoinRejectReason);
            Assert.AreEqual(1, bench.Server.Counters.JoinRejectedUnknownDevice);
        }

        [TestMethod]
        public void JoinRequest_HeardByTwoGateways_OneJoinAccept()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            byte[] frame = dev.JoinRequest(9);
            bench.SendVia(frame, 868100000, 12, 125000, End, 1, -100, End + 20000);
            bench.SendVia(frame, 868100000, 12, 125000, End, 2, -70, End + 150000);
            Assert.AreEqual(1, obs.JoinAccepts);
            Assert.AreEqual(0, obs.JoinRejects, "the copy is not a reused DevNonce");
            Assert.AreEqual(1, obs.Duplicates);
            Assert.AreEqual(1, bench.Transmitter.Count);
        }

        [TestMethod]
        public void EveryJoin_GetsANewDevAddr()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_4, null, out dev);
            bench.Send(dev.JoinRequest(1), 868100000, 12, 125000, End);
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter.Last.Bytes, 1));
            uint first = dev.DevAddr;
            bench.Send(dev.JoinRequest(2), 868100000, 12, 125000, End + 20000000);
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter.Last.Bytes, 2));
            Assert.AreNotEqual(first, dev.DevAddr);
            Assert.AreEqual(dev.DevAddr, bench.Server.FindDevice(DevEui).PendingSession.DevAddr);
        }

        [TestMethod]
        public void Us915_JoinAccept_Rx1OnDownlinkChannelModulo8_Dr10()
        {
            TestEndDevice dev;
            NetworkBench bench = Bench("US915", LoRaWanVersion.V1_0_4, null, out dev);
            // Channel 10: 902.3 MHz + 10 × 200 kHz = 904.3 MHz, DR0 = SF10/125 kHz.
            bench.Send(dev.JoinRequest(0), 904300000, 10, 125000, End);
            TransmittedFrame tx = bench.Transmitter[0];
            Assert.AreEqual(End + 5000000UL, tx.StartUs);
            Assert.AreEqual(924500000u, tx.FrequencyHz, "923.3 MHz + 600 kHz × (10 mod 8)");
            Assert.AreEqual(10, tx.SpreadingFactor, "RX1 DR10 = SF10");
            Assert.AreEqual(500000, tx.BandwidthHz, "500 kHz");
            Assert.AreEqual(17, tx.Bytes.Length, "no CFList without a configured sub-band");
            Assert.IsTrue(dev.AcceptJoin(tx.Bytes, 0));
            Assert.AreEqual(8, dev.JoinAccept.Rx2DataRate, "US915 default RX2 DR8");
        }

        [TestMethod]
        public void Us915_SubBand2_CfListChannelMask()
        {
            var options = new NetworkOptions();
            options.SubBand = 2;
            TestEndDevice dev;
            NetworkBench bench = Bench("US915", LoRaWanVersion.V1_0_4, options, out dev);
            // 500 kHz channel 65: 903.0 MHz + 1.6 MHz = 904.6 MHz, DR4 = SF8/500 kHz.
            bench.Send(dev.JoinRequest(0), 904600000, 8, 500000, End);
            TransmittedFrame tx = bench.Transmitter[0];
            Assert.AreEqual(923900000u, tx.FrequencyHz, "923.3 MHz + 600 kHz × (65 mod 8)");
            Assert.AreEqual(7, tx.SpreadingFactor, "RX1 DR13 = SF7/500 after DR4");
            Assert.AreEqual(33, tx.Bytes.Length);
            Assert.IsTrue(dev.AcceptJoin(tx.Bytes, 0));
            JoinAcceptFrame ja = dev.JoinAccept;
            Assert.AreEqual(CfList.TypeChannelMask, ja.CfListType);
            Assert.AreEqual((ushort)0xFF00, CfList.ChannelMask(dev.JoinAcceptPlain, ja.CfListOffset, 0), "channels 8..15");
            Assert.AreEqual((ushort)0, CfList.ChannelMask(dev.JoinAcceptPlain, ja.CfListOffset, 1));
            Assert.AreEqual((ushort)0, CfList.ChannelMask(dev.JoinAcceptPlain, ja.CfListOffset, 3));
            Assert.AreEqual((ushort)0x0002, CfList.ChannelMask(dev.JoinAcceptPlain, ja.CfListOffset, 4), "channel 65");
        }

        [TestMethod]
        public void CfList_Disabled_ShortJoinAccept()
        {
            var options = new NetworkOptions();
            options.CfListEnabled = false;
            options.RxDelaySeconds = 1;
            options.Rx1DrOffset = 2;
            options.Rx2DataRate = 3;
            TestEndDevice dev;
            NetworkBench bench = Bench("EU868", LoRaWanVersion.V1_0_2, options, out dev);
            bench.Send(dev.JoinRequest(0x5555), 868100000, 12, 125000, End);
            Assert.AreEqual(17, bench.Transmitter[0].Bytes.Length);
            Assert.IsTrue(dev.AcceptJoin(bench.Transmitter[0].Bytes, 0x5555));
            Assert.AreEqual(1, dev.JoinAccept.RxDelay);
            Assert.AreEqual(2, dev.JoinAccept.Rx1DrOffset);
            Assert.AreEqual(3, dev.JoinAccept.Rx2DataRate);
            Assert.AreEqual(End + 5000000UL, bench.Transmitter[0].StartUs, "the Join-accept itself still uses JOIN_ACCEPT_DELAY1");
            Assert.AreEqual(12, bench.Transmitter[0].SpreadingFactor, "and RX1DROffset 0");
        }
    }
}
