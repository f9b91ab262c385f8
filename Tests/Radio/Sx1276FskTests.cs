using System;
using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// The GFSK data rates (RP002-1.0.4: 50 kbit/s, 25 kHz deviation, 5-byte preamble, sync word C1 94 C1, variable
    /// length, whitening, CRC-16) through the driver's FSK modem on the chip model: the registers against the SX1276
    /// datasheet's formulas worked out by hand, PacketSent/PayloadReady on DIO0, the air time, RSSI, the window's end,
    /// and which receivers hear an FSK frame.
    /// </summary>
    [TestClass]
    public class Sx1276FskTests
    {
        static readonly byte[] Downlink17 = new byte[] { 0x60, 0x04, 0x03, 0x02, 0x01, 0x20, 0x07, 0x00, 0x03, 0x55, 0xAA, 0x10, 0x20, 0x30, 0x40, 0x50, 0x66 };

        static TxConfig FskUplink(uint frequencyHz)
        {
            TxConfig c = new TxConfig();
            c.FrequencyHz = frequencyHz;
            c.FskBitRate = 50000;
            c.PowerDbm = 14;
            return c;
        }

        static RxConfig FskWindow(uint frequencyHz, int bytes)
        {
            RxConfig c = new RxConfig();
            c.FrequencyHz = frequencyHz;
            c.FskBitRate = 50000;
            c.SymbolTimeout = bytes;
            return c;
        }

        [TestMethod]
        public void Transmit_ProgramsTheLoRaWanGfskFormat_AndEndsWithPacketSent()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(1, events);
            AirRecorder air = new AirRecorder();
            board.Air.AddMonitor(air);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            UplinkRecorder heard = new UplinkRecorder();
            gateway.SetUplinkReceiver(heard);
            ulong t0 = board.Scheduler.NowMicroseconds;
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(FskUplink(868800000), frame, 0, frame.Length);

            Sx1276ChipModel chip = board.Chip;
            Assert.IsFalse(chip.IsLoRaMode, "FSK/OOK mode");
            // RegBitrate = 32 MHz / 50 kbit/s = 640 = 0x0280; RegFdev = 25 kHz / (32 MHz / 2^19 = 61.035 Hz) = 409.6 → 410 = 0x019A.
            Assert.AreEqual((byte)0x02, chip.PeekRegister(0x02), "RegBitrateMsb");
            Assert.AreEqual((byte)0x80, chip.PeekRegister(0x03), "RegBitrateLsb");
            Assert.AreEqual((byte)0x01, chip.PeekRegister(0x04), "RegFdevMsb");
            Assert.AreEqual((byte)0x9A, chip.PeekRegister(0x05), "RegFdevLsb");
            Assert.AreEqual((byte)0x00, chip.PeekFskRegister(0x25), "RegPreambleMsb");
            Assert.AreEqual((byte)0x05, chip.PeekFskRegister(0x26), "RegPreambleLsb: 5 bytes");
            Assert.AreEqual((byte)0x12, chip.PeekFskRegister(0x27), "RegSyncConfig: SyncOn, 3 bytes");
            Assert.AreEqual((byte)0xC1, chip.PeekFskRegister(0x28), "sync 1");
            Assert.AreEqual((byte)0x94, chip.PeekFskRegister(0x29), "sync 2");
            Assert.AreEqual((byte)0xC1, chip.PeekFskRegister(0x2A), "sync 3");
            // RegPacketConfig1: 1 variable | 10 whitening | 1 CRC on | 1 CRC auto-clear off | 00 no address | 0 CCITT = 1101 1000.
            Assert.AreEqual((byte)0xD8, chip.PeekFskRegister(0x30), "RegPacketConfig1");
            Assert.AreEqual((byte)0x40, chip.PeekFskRegister(0x31), "RegPacketConfig2: packet mode");
            Assert.AreEqual((byte)0x00, chip.PeekRegister(0x40), "DIO0 = PacketSent");

            board.Scheduler.RunFor(1000000);
            // (5 + 3 + 1 + 13 + 2) bytes · 160 µs = 3840 µs.
            Assert.AreEqual(1, air.Count, "one frame on the air");
            Assert.AreEqual(3840UL, air.AirTimeUs, "air time");
            Assert.AreEqual(868800000u, air.FrequencyHz, "frequency");
            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last, "TxDone");
            Assert.AreEqual(t0 + 3840UL, events.LastStamp, "TxDone at the end of the frame");
            Assert.AreEqual(1, heard.Count, "the gateway heard it");
            Assert.AreEqual(0, heard.SpreadingFactor, "as FSK");
            Assert.AreEqual(50000, heard.BandwidthHz, "at 50 kbit/s");
            CollectionAssert.AreEqual(frame, heard.PayloadCopy(), "payload");
            Assert.AreEqual(1, chip.FskTransmissionCount, "FSK transmissions");

            board.Radio.Sleep();
            Assert.IsTrue(chip.IsLoRaMode, "back to LoRa through sleep");
            Assert.AreEqual(0, chip.ConfigWritesWhileBusy, "no modem writes outside sleep/standby");
        }

        [TestMethod]
        public void Receive_DeliversTheFrameWithRssi_AtPayloadReady()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(2, events);
            board.Chip.LinkRssiDbm = -97;
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(FskWindow(869525000, 40));
            gateway.Transmit(t0 + 2000, 869525000, 0, 50000, Downlink17, true);
            board.Scheduler.RunFor(1000000);

            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "RxDone");
            // (5 + 3 + 1 + 17 + 2) bytes · 160 µs = 4480 µs after the preamble began.
            Assert.AreEqual(t0 + 2000 + 4480UL, events.LastStamp, "RxDone at the end of the frame");
            byte[] buffer = new byte[64];
            RxPacketInfo info = new RxPacketInfo();
            Assert.AreEqual(17, board.Radio.ReadPacket(buffer, 2, 60, info), "length");
            for (int i = 0; i < 17; i++) Assert.AreEqual(Downlink17[i], buffer[2 + i], "byte " + i.ToString());
            Assert.AreEqual(-97, info.RssiDbm, "RSSI = −RegRssiValue / 2");
            Assert.AreEqual(0, info.SnrQuarterDb, "no SNR in FSK");
            Assert.AreEqual(1, board.Chip.FskReceivedCount, "FSK receptions");
        }

        [TestMethod]
        public void Receive_StaysInRx_UntilTheMacEndsTheWindow()
        {
            // The chip's FSK timeout reaches no wired DIO and the driver keeps no alarm (issue 14: the MAC's one timer):
            // an empty FSK window reports nothing and the chip listens until the MAC puts it to sleep.
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(3, events);
            board.Radio.Receive(FskWindow(869525000, 10));
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(0, events.Count, "no event from the driver");
            Assert.IsFalse(board.Chip.IsLoRaMode, "FSK mode");
            Assert.AreEqual(5, board.Chip.Mode, "the FSK receiver (mode 5) still on");
            board.Radio.Sleep();
            Assert.AreEqual(0, board.Chip.Mode, "asleep");
            Assert.AreEqual(0, events.Count, "Sleep reports nothing");
        }

        [TestMethod]
        public void FrameUnderWayAtTheWindowsEnd_IsStillReceived()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(4, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            board.Radio.Receive(FskWindow(869525000, 10));   // the window ends 1600 µs in
            gateway.Transmit(t0 + 1000, 869525000, 0, 50000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, events.Count, "one event");
            Assert.AreEqual((int)RadioEvent.RxDone, (int)events.Last, "the preamble was detected inside the window");
        }

        [TestMethod]
        [DataRow(0, 869525000, 7, "a LoRa receiver")]
        [DataRow(1, 869725000, 0, "an FSK receiver 200 kHz away")]
        [DataRow(2, 869525000, 25000, "an FSK receiver at another bit rate")]
        public void FskFrame_ReachesOnlyFskReceiversOnItsFrequencyAndBitRate(int row, int frequencyHz, int other, string what)
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(5 + row, events);
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            ulong t0 = board.Scheduler.NowMicroseconds;
            if (other == 7) board.Radio.Receive(RadioTestKit.Downlink((uint)frequencyHz, 7, 125000, 30));
            else board.Radio.Receive(FskWindow((uint)frequencyHz, 60));
            gateway.Transmit(t0 + 500, 869525000, 0, other == 25000 ? 25000 : 50000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(0, events.CountOf(RadioEvent.RxDone), what + ": nothing received");
            if (other == 7) Assert.AreEqual((int)RadioEvent.RxTimeout, (int)events.Last, what + ": the LoRa window ends empty");
            else Assert.AreEqual(0, events.Count, what + ": no event (the MAC ends an FSK window)");
        }

        [TestMethod]
        public void DamagedFrame_IsACrcError()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(9, events);
            board.Chip.CorruptNextFrames = 1;
            GatewayEndpoint gateway = new GatewayEndpoint(board.Air);
            board.Radio.Receive(FskWindow(869525000, 40));
            gateway.Transmit(board.Scheduler.NowMicroseconds + 500, 869525000, 0, 50000, Downlink17, true);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual((int)RadioEvent.RxCrcError, (int)events.Last, "CrcOk stays clear");
            Assert.AreEqual(0, board.Radio.ReadPacket(new byte[64], 0, 64, null), "nothing to read");
        }

        [TestMethod]
        public void FrameLongerThanTheFifo_IsRefusedClearly()
        {
            SimulatedBoard board = RadioTestKit.Board(10, new RadioEventRecorder());
            byte[] frame = new byte[64];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.Transmit(FskUplink(868800000), frame, 0, 64));
            board.Radio.Transmit(FskUplink(868800000), frame, 0, 63);   // 63 + the length byte fill the 64-byte FIFO
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, board.Chip.FskTransmissionCount, "63 bytes go out");
        }
    }
}
