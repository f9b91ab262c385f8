using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// Continuous reception (RXCONTINUOUS, the Class C receiver) through the driver on the chip model. Datasheet rev. 7,
    /// LoRa continuous receive mode: RxDone per packet, PayloadCrcError checked per packet, the radio "remains in RXCONT
    /// mode waiting for the next packet", RxTimeout never occurs.
    /// </summary>
    [TestClass]
    public class Sx1276ContinuousReceiveTests
    {
        static readonly byte[] Downlink17 = new byte[] { 0x60, 0x04, 0x03, 0x02, 0x01, 0x20, 0x07, 0x00, 0x03, 0x55, 0xAA, 0x10, 0x20, 0x30, 0x40, 0x50, 0x66 };
        static readonly byte[] Downlink13 = new byte[] { 0x60, 0x04, 0x03, 0x02, 0x01, 0x00, 0x08, 0x00, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5 };

        // 17 bytes at SF9/125 kHz without CRC: 12.25 + 28 symbols of 4.096 ms = 164.864 ms (as in Sx1276ReceiveTests).
        const ulong AirSf9Len17Us = 164864;

        const int ModeRxContinuous = 5;

        [TestMethod]
        public void EveryFrame_ReportsRxDoneAtItsEnd_AndTheChipStaysInRx()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(21, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            byte[] buffer = new byte[64];

            board.Radio.ReceiveContinuous(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            for (int k = 0; k < 3; k++)
            {
                // Frames 5, 65 and 125 s after RX started: far beyond any symbol timeout.
                ulong start = t0 + 5000000UL + (ulong)k * 60000000UL;
                gateway.Transmit(start, 869525000, 9, 125000, k == 1 ? Downlink13 : Downlink17, true);
                board.Scheduler.RunUntil(start + 1000000);
                Assert.AreEqual(k + 1, events.Count, "one event per frame, frame " + k.ToString());
                Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone, frame " + k.ToString());
                if (k != 1) Assert.AreEqual(start + AirSf9Len17Us, events.LastStamp, "stamped by the DIO0 handler at the frame's end");
                int length = board.Radio.ReadPacket(buffer, 0, buffer.Length, null);
                byte[] expected = k == 1 ? Downlink13 : Downlink17;
                Assert.AreEqual(expected.Length, length, "length, frame " + k.ToString());
                for (int i = 0; i < length; i++) Assert.AreEqual(expected[i], buffer[i], "byte " + i.ToString());
                Assert.AreEqual(ModeRxContinuous, board.Chip.Mode, "still in RXCONTINUOUS after frame " + k.ToString());
            }
            Assert.AreEqual(3, board.Driver.ContinuousRxFrames, "frames counted");
            Assert.IsTrue(board.Driver.IsReceivingContinuously, "the driver still listens");
            Assert.AreEqual(0, events.CountOf(RadioEvent.RxTimeout), "RxTimeout never occurs in RXCONTINUOUS");
        }

        [TestMethod]
        public void CrcErrorFrame_ReportsRxCrcError_AndTheNextFrameIsReceived()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(22, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            gateway.DownlinkCrc = true; // only a frame that carries a payload CRC can fail it
            ulong t0 = board.Scheduler.NowMicroseconds;

            board.Radio.ReceiveContinuous(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            board.Chip.CorruptNextFrames = 1;
            gateway.Transmit(t0 + 10000, 869525000, 9, 125000, Downlink17, true);
            gateway.Transmit(t0 + 1000000, 869525000, 9, 125000, Downlink13, true);
            board.Scheduler.RunUntil(t0 + 500000);
            Assert.AreEqual(1, events.Count, "one event for the damaged frame");
            Assert.AreEqual((int)RadioEvent.RxCrcError, (int)events.Last, "RxCrcError");
            Assert.AreEqual(0, board.Radio.ReadPacket(new byte[64], 0, 64, null), "a damaged frame is not handed out");
            Assert.AreEqual(ModeRxContinuous, board.Chip.Mode, "still listening after the CRC error");

            board.Scheduler.RunUntil(t0 + 2000000);
            Assert.AreEqual(2, events.Count, "two events");
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "the next frame is received");
            Assert.AreEqual(Downlink13.Length, board.Radio.ReadPacket(new byte[64], 0, 64, null), "and read");
            Assert.AreEqual(1, board.Driver.ContinuousRxCrcErrors, "CRC errors counted");
            Assert.AreEqual(1, board.Driver.ContinuousRxFrames, "good frames counted");
        }

        [TestMethod]
        public void FramesOnAnotherFrequencySfOrIq_AreNotReceived()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(23, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;

            board.Radio.ReceiveContinuous(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 10000, 868100000, 9, 125000, Downlink17, true);   // another channel
            gateway.Transmit(t0 + 500000, 869525000, 12, 125000, Downlink17, true);  // another SF
            gateway.Transmit(t0 + 3000000, 869525000, 9, 125000, Downlink17, false); // an uplink (normal IQ)
            board.Scheduler.RunUntil(t0 + 4000000);
            Assert.AreEqual(0, events.Count, "nothing reported");
            gateway.Transmit(t0 + 4500000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunUntil(t0 + 5000000);
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "the matching frame still is");
        }

        [TestMethod]
        public void Transmit_EndsContinuousRx_AndItResumesWhenStartedAgain()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(24, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            RxConfig rxc = RadioTestKit.Downlink(869525000, 9, 125000, 8);
            ulong t0 = board.Scheduler.NowMicroseconds;

            board.Radio.ReceiveContinuous(rxc);
            board.Scheduler.RunFor(1000);
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), RadioTestKit.Frame13(), 0, 13);
            Assert.IsFalse(board.Driver.IsReceivingContinuously, "TX ends continuous reception");
            // A downlink during the uplink is lost (half duplex).
            gateway.Transmit(t0 + 2000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunUntil(t0 + 400000);
            Assert.AreEqual(1, events.Count, "only TxDone");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            Assert.AreEqual(1, board.Chip.Mode, "standby after TxDone: continuous RX does not come back by itself");

            board.Radio.ReceiveContinuous(rxc);
            gateway.Transmit(t0 + 500000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunUntil(t0 + 1000000);
            Assert.AreEqual(2, events.Count, "TxDone, RxDone");
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "received after resuming");
        }

        [TestMethod]
        public void ReceiveSleepAndStandby_EndContinuousRx()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(25, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            RxConfig rxc = RadioTestKit.Downlink(869525000, 9, 125000, 8);
            ulong t0 = board.Scheduler.NowMicroseconds;

            board.Radio.ReceiveContinuous(rxc);
            board.Driver.Standby();
            Assert.AreEqual(1, board.Chip.Mode, "Standby: chip in standby");
            Assert.IsFalse(board.Driver.IsReceivingContinuously, "Standby ends it");
            board.Radio.ReceiveContinuous(rxc);
            board.Radio.Sleep();
            Assert.AreEqual(0, board.Chip.Mode, "Sleep: chip asleep");
            board.Radio.ReceiveContinuous(rxc);
            board.Radio.Receive(rxc); // a single window (RX1/RX2 take precedence over RXC)
            Assert.AreEqual(6, board.Chip.Mode, "Receive: RXSINGLE");
            board.Scheduler.RunUntil(t0 + 1000000);
            Assert.AreEqual(1, events.Count, "the single window times out");
            Assert.AreEqual((int)RadioEvent.RxTimeout, (int)events.Last, "RxTimeout of the single window");
            gateway.Transmit(t0 + 1100000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunUntil(t0 + 2000000);
            Assert.AreEqual(1, events.Count, "nothing heard once the single window is over");
        }
    }
}
