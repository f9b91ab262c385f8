using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// Class A downlinks of the network model: RX1/RX2 frequency, data rate and start time by RP002-1.0.4 (EU868 RX1 on
    /// the uplink channel with the RX1 DR table, RX2 869.525 MHz DR0; US915 RX1 923.3 MHz + 600 kHz × (channel mod 8) with
    /// DR10..13, RX2 923.3 MHz DR8), RX2 fallback, the application queue with FPending, confirmed downlinks, FCntDown,
    /// the loss and lateness switches, and the lora-packet downlink vector of shared/VECTORS.md.
    /// </summary>
    [TestClass]
    public class NetworkServerDownlinkTests
    {
        const uint DevAddr = 0x49BE7DF1;
        const ulong DevEui = 0x0102030405060708;
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const ulong T0 = 100000000;

        static NetworkBench Bench(string region, out TestEndDevice dev, out NetworkSession session)
        {
            var bench = new NetworkBench(region, null);
            NetworkDevice nd = bench.Server.AddAbpDevice(DevEui, DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), LoRaWanVersion.V1_0_4);
            session = nd.Session;
            dev = TestEndDevice.Abp(DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey));
            return bench;
        }

        [TestMethod]
        public void Eu868_Rx1_UplinkChannel_Rx1DrOffset()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            s.Rx1DrOffset = 1;
            bench.Send(dev.Uplink(1, 1, null, true, false), 868500000, 7, 125000, T0);
            TransmittedFrame tx = bench.Transmitter.Last;
            Assert.AreEqual(T0 + 1000000UL, tx.StartUs);
            Assert.AreEqual(868500000u, tx.FrequencyHz);
            Assert.AreEqual(8, tx.SpreadingFactor, "DR5 with RX1DROffset 1 → DR4 = SF8");
            Assert.AreEqual(125000, tx.BandwidthHz);
        }

        [TestMethod]
        public void Eu868_Rx2_SessionFrequencyAndDataRate()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            bench.Server.ForceRx2 = true;
            bench.Send(dev.Uplink(1, 1, null, true, false), 868100000, 7, 125000, T0);
            TransmittedFrame tx = bench.Transmitter.Last;
            Assert.AreEqual(T0 + 2000000UL, tx.StartUs, "RX2 = RECEIVE_DELAY1 + 1 s");
            Assert.AreEqual(869525000u, tx.FrequencyHz);
            Assert.AreEqual(12, tx.SpreadingFactor, "DR0");

            s.Rx2DataRate = 3;
            s.RxDelaySeconds = 5;
            bench.Send(dev.Uplink(2, 1, null, true, false), 868100000, 7, 125000, T0 + 10000000);
            tx = bench.Transmitter.Last;
            Assert.AreEqual(T0 + 10000000UL + 6000000UL, tx.StartUs, "RxDelay 5 s → RX2 at 6 s");
            Assert.AreEqual(9, tx.SpreadingFactor, "DR3 = SF9 (The Things Network's EU868 RX2)");
        }

        [TestMethod]
        public void Rx2Fallback_WhenGatewayRefusesRx1()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            bench.Transmitter.RefuseNext = 1;
            bench.Send(dev.Uplink(1, 1, new byte[] { 9 }, true, false), 868300000, 7, 125000, T0);
            Assert.AreEqual(2, bench.Transmitter.Calls);
            TransmittedFrame tx = bench.Transmitter.Last;
            Assert.AreEqual(T0 + 2000000UL, tx.StartUs);
            Assert.AreEqual(869525000u, tx.FrequencyHz);
            Assert.AreEqual(12, tx.SpreadingFactor);
            Assert.IsTrue(dev.ReadDownlink(tx.Bytes, 0), "the refused RX1 frame did not consume FCntDown 0");
            Assert.AreEqual((int)RxWindow.Rx2, (int)obs.LastWindow);
            Assert.AreEqual(1u, s.FCntDown);

            bench.Transmitter.RefuseNext = 2;
            bench.Send(dev.Uplink(2, 1, new byte[] { 9 }, true, false), 868300000, 7, 125000, T0 + 10000000);
            Assert.AreEqual(1, obs.NotSent, "neither window");
            Assert.AreEqual(1u, s.FCntDown, "nothing sent, nothing consumed");
        }

        [TestMethod]
        public void Us915_Rx1_DownlinkChannelModulo8_AndRx2()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("US915", out dev, out s);
            // Channel 63: 902.3 MHz + 63 × 200 kHz = 914.9 MHz, DR3 = SF7/125 kHz.
            bench.Send(dev.Uplink(1, 1, null, true, false), 914900000, 7, 125000, T0);
            TransmittedFrame tx = bench.Transmitter.Last;
            Assert.AreEqual(927500000u, tx.FrequencyHz, "923.3 MHz + 600 kHz × (63 mod 8 = 7)");
            Assert.AreEqual(7, tx.SpreadingFactor, "DR3 → RX1 DR13 = SF7");
            Assert.AreEqual(500000, tx.BandwidthHz);
            Assert.AreEqual(T0 + 1000000UL, tx.StartUs);

            // Channel 10 (904.3 MHz), DR0 = SF10/125 kHz, RX1DROffset 1 → DR9 = SF11/500 kHz on 924.5 MHz.
            s.Rx1DrOffset = 1;
            bench.Send(dev.Uplink(2, 1, null, true, false), 904300000, 10, 125000, T0 + 10000000);
            tx = bench.Transmitter.Last;
            Assert.AreEqual(924500000u, tx.FrequencyHz);
            Assert.AreEqual(11, tx.SpreadingFactor);
            Assert.AreEqual(500000, tx.BandwidthHz);

            bench.Server.ForceRx2 = true;
            bench.Send(dev.Uplink(3, 1, null, true, false), 904300000, 10, 125000, T0 + 20000000);
            tx = bench.Transmitter.Last;
            Assert.AreEqual(923300000u, tx.FrequencyHz, "US915 RX2 923.3 MHz");
            Assert.AreEqual(12, tx.SpreadingFactor, "DR8 = SF12/500 kHz");
            Assert.AreEqual(500000, tx.BandwidthHz);
            Assert.AreEqual(T0 + 20000000UL + 2000000UL, tx.StartUs);
        }

        [TestMethod]
        public void TwoQueuedDownlinks_FirstWithFPending()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            QueuedDownlink a = bench.Server.Enqueue(DevEui, 10, new byte[] { 0xA1, 0xA2 }, false);
            QueuedDownlink b = bench.Server.Enqueue(DevEui, 11, new byte[] { 0xB1 }, false);
            Assert.IsNotNull(a);
            Assert.AreEqual(2, bench.Server.FindDevice(DevEui).QueueLength);

            bench.Send(dev.Uplink(1, 1, new byte[] { 1 }, false, false), 868100000, 7, 125000, T0);
            Assert.AreEqual(1, bench.Transmitter.Count);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter[0].Bytes, 0));
            Assert.AreEqual(10, dev.Downlink.FPort);
            Assert.AreEqual("A1A2", TestHex.Of(dev.DownlinkPayload));
            Assert.IsTrue(dev.Downlink.FPending, "one more waits");
            Assert.IsFalse(dev.Downlink.Ack);
            Assert.AreEqual((int)MType.UnconfirmedDataDown, (int)dev.Downlink.MType);
            Assert.AreEqual(1, a.Transmissions);

            bench.Send(dev.Uplink(2, 1, new byte[] { 2 }, false, false), 868100000, 7, 125000, T0 + 10000000);
            Assert.AreEqual(2, bench.Transmitter.Count);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter[1].Bytes, 1), "FCntDown 1");
            Assert.AreEqual(11, dev.Downlink.FPort);
            Assert.AreEqual("B1", TestHex.Of(dev.DownlinkPayload));
            Assert.IsFalse(dev.Downlink.FPending, "queue empty");
            Assert.AreEqual(0, bench.Server.FindDevice(DevEui).QueueLength);

            bench.Send(dev.Uplink(3, 1, new byte[] { 3 }, false, false), 868100000, 7, 125000, T0 + 20000000);
            Assert.AreEqual(2, bench.Transmitter.Count, "nothing more to send");
            Assert.AreEqual(2, bench.Server.Counters.ApplicationDownlinksSent);
        }

        [TestMethod]
        public void ConfirmedDownlink_AcknowledgedByNextUplink()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            QueuedDownlink item = bench.Server.Enqueue(DevEui, 5, new byte[] { 1, 2, 3, 4 }, true);
            bench.Send(dev.Uplink(1, 1, new byte[] { 1 }, false, false), 868100000, 7, 125000, T0);
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter.Last.Bytes, 0));
            Assert.AreEqual((int)MType.ConfirmedDataDown, (int)dev.Downlink.MType);
            Assert.AreEqual((byte)0xA0, bench.Transmitter.Last.Bytes[0], "MHDR Confirmed Data Down");
            Assert.IsFalse(item.Acknowledged);

            bench.Send(dev.Uplink(2, 1, new byte[] { 2 }, false, true), 868100000, 7, 125000, T0 + 10000000);
            Assert.IsTrue(item.Acknowledged);
            Assert.AreEqual(T0 + 10000000UL + 20000UL, item.AcknowledgedUs);
            Assert.AreEqual(1, obs.Acked);
            Assert.AreEqual(1, bench.Server.Counters.ConfirmedDownlinksAcked);
            Assert.AreEqual(1, bench.Transmitter.Count, "nothing else to send");
        }

        [TestMethod]
        public void ConfirmedDownlink_NotAcknowledged_Requeued()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            var obs = new RecordingObserver();
            bench.Server.Observer = obs;
            QueuedDownlink item = bench.Server.Enqueue(DevEui, 5, new byte[] { 7 }, true);
            bench.Server.DropDownlinks(1); // lost on air
            bench.Send(dev.Uplink(1, 1, new byte[] { 1 }, false, false), 868100000, 7, 125000, T0);
            Assert.AreEqual(0, bench.Transmitter.Count);
            Assert.AreEqual(1, bench.Server.Counters.DownlinksDropped);
            Assert.AreEqual(1u, s.FCntDown, "a lost frame still used its FCntDown");

            bench.Send(dev.Uplink(2, 1, new byte[] { 2 }, false, false), 868100000, 7, 125000, T0 + 10000000);
            Assert.AreEqual(1, obs.Nacked);
            Assert.IsFalse(item.Acknowledged);
            Assert.AreEqual(1, bench.Transmitter.Count, "sent again after the NACK");
            Assert.IsTrue(dev.ReadDownlink(bench.Transmitter[0].Bytes, 1), "with a new FCntDown");
            Assert.AreEqual("07", TestHex.Of(dev.DownlinkPayload));
            Assert.AreEqual(2, item.Transmissions);

            bench.Send(dev.Uplink(3, 1, null, false, true), 868100000, 7, 125000, T0 + 20000000);
            Assert.IsTrue(item.Acknowledged);
        }

        [TestMethod]
        public void DownlinkVector_AckWithEmptyPort1_MatchesLoraPacket()
        {
            // shared/VECTORS.md: 60F17DBE4920020001F9D65D27 = Unconfirmed Data Down, ACK, FCnt 2, FPort 1, no payload,
            // MIC F9D65D27 with the same NwkSKey.
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            s.FCntDown = 2;
            bench.Server.Enqueue(DevEui, 1, new byte[0], false);
            bench.Send(dev.Uplink(3, 1, new byte[] { 1 }, true, false), 868100000, 7, 125000, T0);
            Assert.AreEqual("60F17DBE4920020001F9D65D27", TestHex.Of(bench.Transmitter.Last.Bytes));
            Assert.AreEqual(3u, s.FCntDown);
        }

        [TestMethod]
        public void DelayedDownlink_StartsLate()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            bench.Server.DelayDownlinks(1, 30000);
            bench.Send(dev.Uplink(1, 1, null, true, false), 868100000, 7, 125000, T0);
            Assert.AreEqual(T0 + 1000000UL + 30000UL, bench.Transmitter.Last.StartUs);
            Assert.AreEqual(30000UL, bench.Server.Downlinks.Last.LateByUs);
            Assert.AreEqual(1, bench.Server.Counters.DownlinksLate);
            bench.Send(dev.Uplink(2, 1, null, true, false), 868100000, 7, 125000, T0 + 10000000);
            Assert.AreEqual(T0 + 11000000UL, bench.Transmitter.Last.StartUs, "only one was delayed");
        }

        [TestMethod]
        public void DownlinkRecord_DescribesTheWindow()
        {
            TestEndDevice dev;
            NetworkSession s;
            NetworkBench bench = Bench("EU868", out dev, out s);
            bench.Send(dev.Uplink(1, 1, null, true, false), 868100000, 12, 125000, T0);
            DownlinkRecord d = bench.Server.Downlinks.Last;
            Assert.AreEqual((int)RxWindow.Rx1, (int)d.Window);
            Assert.AreEqual(T0 + 1000000UL, d.StartUs);
            Assert.AreEqual(0, d.DataRate);
            Assert.AreEqual(12, d.Length);
            Assert.IsTrue(d.Ack);
            Assert.AreEqual(0u, d.FCntDown);
            // SX1276 datasheet formula, 12 bytes at SF12/125 kHz, CR 4/5, explicit header, no CRC, LDRO:
            // 8 + ceil((96 − 48 + 28) / 40) × 5 = 18 payload symbols + 12.25 preamble symbols = 30.25 × 32.768 ms.
            Assert.AreEqual(991232UL, d.AirTimeUs);
        }
    }
}
