using LoRaWan.Radio;
using LoRaWan.Simulation;
using LoRaWan.Tests.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Simulation
{
    /// <summary>The gateway endpoint on the simulated air: what it hears, and boards sharing one air.</summary>
    [TestClass]
    public class GatewayEndpointTests
    {
        [TestMethod]
        public void Uplink_IsHeardWithItsMetadata()
        {
            SimulatedBoard board = RadioTestKit.Board(1, new RadioEventRecorder());
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            UplinkRecorder uplinks = new UplinkRecorder();
            gateway.SetUplinkReceiver(uplinks);
            gateway.UplinkRssiDbm = -101;
            gateway.UplinkSnrQuarterDb = -22;
            byte[] frame = RadioTestKit.Frame13();
            ulong start = board.Scheduler.NowMicroseconds;

            board.Radio.Transmit(RadioTestKit.Uplink(868300000, 7, 250000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);

            Assert.AreEqual(1, uplinks.Count, "heard");
            CollectionAssert.AreEqual(frame, uplinks.PayloadCopy(), "payload");
            Assert.AreEqual(868300000u, uplinks.FrequencyHz, "frequency");
            Assert.AreEqual(7, uplinks.SpreadingFactor, "SF");
            Assert.AreEqual(250000, uplinks.BandwidthHz, "BW");
            // 13 bytes SF7/250 kHz with CRC: half the 125 kHz air time, 23.168 ms.
            Assert.AreEqual(start + 23168UL, uplinks.EndUs, "end of the uplink");
            Assert.AreEqual(-101, uplinks.RssiDbm, "RSSI");
            Assert.AreEqual(-22, uplinks.SnrQuarterDb, "SNR");
        }

        [TestMethod]
        public void Uplink_OffTheGatewaysChannels_IsNotHeard()
        {
            SimulatedBoard board = RadioTestKit.Board(2, new RadioEventRecorder());
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            UplinkRecorder uplinks = new UplinkRecorder();
            gateway.SetUplinkReceiver(uplinks);
            gateway.AddChannel(868100000);
            gateway.AddChannel(868300000);
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(867100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(0, uplinks.Count, "not on a channel");
            board.Radio.Transmit(RadioTestKit.Uplink(868300000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, uplinks.Count, "on a channel");
        }

        [TestMethod]
        public void InvertedIqFrames_AreNotHeardAsUplinks()
        {
            SimulatedBoard board = RadioTestKit.Board(3, new RadioEventRecorder());
            GatewayEndpoint listener = new GatewayEndpoint(board.Air);
            UplinkRecorder uplinks = new UplinkRecorder();
            listener.SetUplinkReceiver(uplinks);
            GatewayEndpoint other = new GatewayEndpoint(board.Air);
            other.Transmit(board.Scheduler.NowMicroseconds, 869525000, 9, 125000, RadioTestKit.Frame13(), true);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(0, uplinks.Count, "a downlink is not an uplink");
            other.Transmit(board.Scheduler.NowMicroseconds, 869525000, 9, 125000, RadioTestKit.Frame13(), false);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, uplinks.Count, "normal IQ is");
        }

        [TestMethod]
        public void TwoBoardsOnOneAir_HearEachOther()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Air air = new Air(scheduler);
            SimulatedBoard sender = new SimulatedBoard(scheduler, air, 1, true);
            SimulatedBoard receiver = new SimulatedBoard(scheduler, air, 2, true);
            RadioEventRecorder senderEvents = new RadioEventRecorder();
            RadioEventRecorder receiverEvents = new RadioEventRecorder();
            sender.Radio.SetEventSink(senderEvents);
            receiver.Radio.SetEventSink(receiverEvents);

            // The receiver listens like a gateway would: normal IQ, CRC expected.
            RxConfig rx = RadioTestKit.Downlink(868500000, 8, 125000, 20);
            rx.InvertIq = false;
            rx.Crc = true;
            receiver.Radio.Receive(rx);
            byte[] frame = RadioTestKit.Frame13();
            sender.Radio.Transmit(RadioTestKit.Uplink(868500000, 8, 125000, 14), frame, 0, frame.Length);
            scheduler.RunFor(1000000);

            Assert.AreEqual((int)RadioEvent.TxDone, (int)senderEvents.Last, "sent");
            Assert.AreEqual((int)RadioEvent.RxDone, (int)receiverEvents.Last, "received");
            Assert.AreEqual(senderEvents.LastStamp, receiverEvents.LastStamp, "TxDone and RxDone at the same instant");
            byte[] buffer = new byte[32];
            Assert.AreEqual(13, receiver.Radio.ReadPacket(buffer, 0, 32, null), "length");
            Assert.AreEqual((byte)0xE5, buffer[12], "last byte");
        }

        [TestMethod]
        public void Downlink_InThePast_IsSentAtOnceAndCounted()
        {
            SimulatedBoard board = RadioTestKit.Board(4, new RadioEventRecorder());
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            board.Scheduler.RunUntil(50000);
            ulong end = gateway.Transmit(1000, 869525000, 7, 125000, RadioTestKit.Frame13(), true);
            Assert.AreEqual(1, gateway.LateDownlinks, "late");
            // 13 bytes SF7/125 kHz without CRC: 12.25 + 28 symbols of 1.024 ms = 41.216 ms.
            Assert.AreEqual(50000UL + 41216UL, end, "starts now");
        }
    }
}
