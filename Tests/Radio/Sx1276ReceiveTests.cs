using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// Single reception through the driver on the chip model, with a gateway sending downlinks: the window,
    /// the DIO1 timeout after SymbTimeout symbols (TimeOut = SymbTimeout · Ts, Ts = 2^SF / BW), CRC errors,
    /// and packet SNR/RSSI as the datasheet (§5.5.5) defines them.
    /// </summary>
    [TestClass]
    public class Sx1276ReceiveTests
    {
        static readonly byte[] Downlink17 = new byte[] { 0x60, 0x04, 0x03, 0x02, 0x01, 0x20, 0x07, 0x00, 0x03, 0x55, 0xAA, 0x10, 0x20, 0x30, 0x40, 0x50, 0x66 };

        [TestMethod]
        public void PreambleInsideTheWindow_IsReceived()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(1, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;

            // SF9/125 kHz: Ts = 4.096 ms; 8 symbols = 32.768 ms of window; the preamble starts 2 ms in.
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 2000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(2000000);

            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone");
            // 17 bytes at SF9/125 kHz without CRC: 12.25 + 28 symbols of 4.096 ms = 164.864 ms.
            Assert.AreEqual(t0 + 2000 + 164864UL, events.LastStamp, "RxDone at the end of the frame");
            byte[] buffer = new byte[64];
            RxPacketInfo info = new RxPacketInfo();
            int length = board.Radio.ReadPacket(buffer, 3, 60, info);
            Assert.AreEqual(17, length, "length");
            for (int i = 0; i < 17; i++) Assert.AreEqual(Downlink17[i], buffer[3 + i], "byte " + i.ToString());
            Assert.AreEqual(board.Chip.LinkRssiDbm, info.RssiDbm, "RSSI");
            Assert.AreEqual(board.Chip.LinkSnrQuarterDb, info.SnrQuarterDb, "SNR");
        }

        [TestMethod]
        public void PreambleStartedBeforeRx_IsMissed()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(2, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;

            gateway.Transmit(t0, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(1000); // the preamble has been on the air for 1 ms
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            board.Scheduler.RunFor(2000000);

            Assert.AreEqual(0, events.CountOf(RadioEvent.RxDone), "no RxDone");
            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.RxTimeout, (int)events.Last, "RxTimeout");
            Assert.AreEqual(t0 + 1000 + 8 * 4096UL, events.LastStamp, "timeout 8 symbols after RX started");
        }

        [TestMethod]
        public void LateLock_CatchesAPreambleAlreadyUnderWay()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(2, events);
            board.Chip.LateLockSymbols = 2; // LoRaMac-node's assumption: 6 of the 8 preamble symbols suffice
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;

            gateway.Transmit(t0, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(8000); // < 2 symbols of 4.096 ms
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "received");
        }

        [TestMethod]
        [DataRow(0, 3)]
        [DataRow(2, 2)]
        public void Sf12WindowCentredInThePreamble_NeedsLateLock(int lateLockSymbols, int expectedEvent)
        {
            // LoRaMac-node's window for SF12 with a 10 ms error (shared/VECTORS.md): 6 symbols, opened 32 ms after
            // the expected preamble start, i.e. inside the 8-symbol preamble. Only a radio that can lock on a
            // preamble already under way (LateLockSymbols = 8 − MinRxSymbols = 2) receives the frame.
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(14, events);
            board.Chip.LateLockSymbols = lateLockSymbols;
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            gateway.Transmit(t0, 869525000, 12, 125000, Downlink17, true);
            board.Scheduler.RunFor(32000);
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 12, 125000, 6));
            board.Scheduler.RunFor(3000000);
            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual(expectedEvent, (int)events.Last, "3 = RxTimeout, 2 = RxDone");
        }

        [TestMethod]
        public void PreambleAfterTheWindow_TimesOut()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(3, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;

            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 8 * 4096 + 1000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(2000000);

            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.RxTimeout, (int)events.Last, "RxTimeout");
            Assert.AreEqual(t0 + 8 * 4096UL, events.LastStamp, "after 8 symbols");
            Assert.AreEqual(0, board.Radio.ReadPacket(new byte[64], 0, 64, null), "no frame");
        }

        [DataRow(0, 2)]
        [DataRow(6, 3)]
        [TestMethod]
        public void PreambleStartingTooCloseToTheTimeout_IsNotDetected(int detectSymbols, int expectedEvent)
        {
            // SF9/125 kHz, Tsym 4096 µs, SymbTimeout 8: the preamble starts 3 symbols before the timeout. A radio
            // that needs 6 preamble symbols to detect it (LoRaMac-node's MinRxSymbols) times out; 0 = the
            // optimistic model that catches any preamble starting before the timeout.
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(3, events);
            board.Chip.DetectSymbols = detectSymbols;
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;

            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 5 * 4096, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(2000000);

            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual(expectedEvent, (int)events.Last, "3 = RxTimeout, 2 = RxDone");
        }

        [TestMethod]
        public void Timeout_ComesOnDio1AfterSymbTimeoutSymbols()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(4, events);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 12, 125000, 5));
            board.Scheduler.RunFor(163839);
            Assert.AreEqual(0, events.Count, "not before 5 · 32.768 ms");
            board.Scheduler.RunFor(1);
            Assert.AreEqual((int)RadioEvent.RxTimeout, (int)events.Last, "RxTimeout");
            Assert.AreEqual(t0 + 163840UL, events.LastStamp, "5 symbols of 32.768 ms (SF12/125 kHz)");
            Assert.AreEqual(1, board.Chip.Mode, "RXSINGLE returned to standby");
        }

        [TestMethod]
        public void Timeout_IsSignalledOnlyThroughDio1()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(5, events);
            board.Chip.DropDio1Edges = 1;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 12, 125000, 5));
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(0, events.Count, "with the DIO1 edge lost nothing is reported");
            Assert.AreEqual(0x80, board.Chip.PeekRegister(0x12) & 0x80, "RxTimeout flag set in the chip");
        }

        [TestMethod]
        [DataRow(869525000, 9, false, 0x34)]
        [DataRow(868100000, 9, true, 0x34)]
        [DataRow(869525000, 10, true, 0x34)]
        [DataRow(869525000, 9, true, 0x12)]
        public void MismatchedFrame_IsNotReceived(int frequencyHz, int sf, bool invertIq, int syncWord)
        {
            // The receiver listens on 869.525 MHz, SF9, inverted IQ, public sync word; each row changes one thing.
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(6, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            gateway.SyncWord = (byte)syncWord;
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 2000, (uint)frequencyHz, sf, 125000, Downlink17, invertIq);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual((int)RadioEvent.RxTimeout, (int)events.Last, "RxTimeout");
            Assert.AreEqual(1, events.Count, "one event");
        }

        [TestMethod]
        public void CorruptedFrameWithCrc_IsReportedAsCrcError()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(7, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            gateway.DownlinkCrc = true;
            board.Chip.CorruptNextFrames = 1;
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 2000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.RxCrcError, (int)events.Last, "RxCrcError");
            Assert.AreEqual(0, board.Radio.ReadPacket(new byte[64], 0, 64, null), "the damaged frame is not handed out");
        }

        [TestMethod]
        public void IntactFrameWithCrc_IsReceived()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(8, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            gateway.DownlinkCrc = true;
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 9, 125000, 8));
            gateway.Transmit(t0 + 2000, 869525000, 9, 125000, Downlink17, true);
            board.Scheduler.RunFor(2000000);
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone");
            Assert.AreEqual(0x40, board.Chip.PeekRegister(0x1C) & 0x40, "RegHopChannel CrcOnPayload from the header");
        }

        [TestMethod]
        public void NegativeSnr_IsReadAsSignedQuarterDb()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(9, events);
            board.Chip.LinkSnrQuarterDb = -40; // −10 dB: below the noise, still above SF12's −20 dB floor
            board.Chip.LinkRssiDbm = -125;
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 12, 125000, 8));
            gateway.Transmit(t0 + 10000, 869525000, 12, 125000, Downlink17, true);
            board.Scheduler.RunFor(3000000);
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone");
            Assert.AreEqual((byte)0xD8, board.Chip.PeekRegister(0x19), "RegPktSnrValue: −40 in two's complement");

            RxPacketInfo info = new RxPacketInfo();
            board.Radio.ReadPacket(new byte[64], 0, 64, info);
            Assert.AreEqual(-40, info.SnrQuarterDb, "SNR −10 dB");
            // §5.5.5, SNR < 0: Packet Strength = −157 + PacketRssi + PacketSnr · 0.25.
            int expected = -157 + board.Chip.PeekRegister(0x1A) + (-40 / 4);
            Assert.AreEqual(expected, info.RssiDbm, "RSSI with the SNR < 0 correction");
            Assert.AreEqual(-125, info.RssiDbm, "the link's RSSI");
        }

        [TestMethod]
        [DataRow(868100000, -157)]
        [DataRow(433175000, -164)]
        public void PacketRssi_UsesThePortsOffset(int frequencyHz, int offsetDb)
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(10, events);
            board.Chip.LinkRssiDbm = -90;
            board.Chip.LinkSnrQuarterDb = 28;
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink((uint)frequencyHz, 7, 125000, 8));
            gateway.Transmit(t0 + 1000, (uint)frequencyHz, 7, 125000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone");
            RxPacketInfo linkInfo = new RxPacketInfo();
            board.Radio.ReadPacket(new byte[64], 0, 64, linkInfo);
            Assert.AreEqual(-90, linkInfo.RssiDbm, "the link's RSSI comes back through the model's register and the driver");

            // Independent of the model's link mapping: set the raw registers and decode them. PacketRssi 75 with
            // SNR +8 dB: offset + 16/15 · 75 = offset + 80 exactly (datasheet rev. 7, §5.5.5, SNR ≥ 0).
            board.Chip.PokeRegister(0x1A, 75);
            board.Chip.PokeRegister(0x19, 0x20); // +8 dB
            RxPacketInfo info = new RxPacketInfo();
            board.Radio.ReadPacket(new byte[64], 0, 64, info);
            Assert.AreEqual(offsetDb + 80, info.RssiDbm, "−157 (HF, > 525 MHz) / −164 (LF) + 16/15 · PacketRssi");
            Assert.AreEqual(32, info.SnrQuarterDb, "SNR +8 dB");
        }

        [TestMethod]
        [DataRow(0, 0, -157)]        // SNR 0 counts as "SNR ≥ 0": the slope applies (16/15 · 0 = 0)
        [DataRow(150, 40, 3)]        // 16/15 · 150 = 160 exactly
        [DataRow(100, 0, -50)]       // 16/15 · 100 = 106.67 → 107
        [DataRow(31, 1, -124)]       // 16/15 · 31 = 33.07 → 33
        [DataRow(40, -1, -117)]      // SNR < 0: −157 + 40 + (−0.25) → −117.25 → −117, no slope
        [DataRow(40, -40, -127)]     // −157 + 40 − 10
        public void PacketRssi_FollowsTheDatasheetFormula_HighFrequencyPort(int packetRssi, int snrQuarterDb, int expectedDbm)
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(12, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(868100000, 7, 125000, 8));
            gateway.Transmit(t0 + 1000, 868100000, 7, 125000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone");

            board.Chip.PokeRegister(0x1A, (byte)packetRssi);
            board.Chip.PokeRegister(0x19, (byte)(sbyte)snrQuarterDb);
            RxPacketInfo info = new RxPacketInfo();
            board.Radio.ReadPacket(new byte[64], 0, 64, info);
            Assert.AreEqual(expectedDbm, info.RssiDbm, "datasheet §5.5.5 packet strength");
        }

        [TestMethod]
        public void ReadPacket_TruncatesToTheCallersSpace()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(11, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 7, 125000, 8));
            gateway.Transmit(t0 + 1000, 869525000, 7, 125000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            byte[] small = new byte[5];
            Assert.AreEqual(5, board.Radio.ReadPacket(small, 0, 5, null), "copied bytes");
            CollectionAssert.AreEqual(new byte[] { 0x60, 0x04, 0x03, 0x02, 0x01 }, small, "first bytes");
        }

        [TestMethod]
        public void Sleep_LosesTheFrame()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(12, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(RadioTestKit.Downlink(869525000, 7, 125000, 8));
            gateway.Transmit(t0 + 1000, 869525000, 7, 125000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            board.Radio.Sleep();
            Assert.AreEqual(0, board.Radio.ReadPacket(new byte[64], 0, 64, null), "read the frame before sleeping");
        }

        [TestMethod]
        public void ReceiveAfterReceive_ReusesTheRadioWithoutAllocatingState()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(13, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            RxConfig rx = RadioTestKit.Downlink(869525000, 7, 125000, 8);
            byte[] buffer = new byte[64];
            for (int i = 0; i < 5; i++)
            {
                ulong t = board.Scheduler.NowMicroseconds;
                board.Radio.Receive(rx);
                gateway.Transmit(t + 1000, 869525000, 7, 125000, Downlink17, true);
                board.Scheduler.RunFor(1000000);
                Assert.AreEqual(17, board.Radio.ReadPacket(buffer, 0, 64, null), "frame " + i.ToString());
            }
            Assert.AreEqual(5, events.CountOf(RadioEvent.RxDone), "five RxDone");
        }
    }
}
