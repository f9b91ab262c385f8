using System;
using Drivers.Sx127x;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// The driver's carrier sense (IRadio.IsChannelFree) on the chip model: LoRa RX continuous, RegRssiValue sampled
    /// for the sense time after a 1 ms settle (RSSI = −157 + RegRssiValue on the HF port, datasheet rev. 7 §5.5.5),
    /// busy as soon as one sample exceeds the threshold; the chip model's occupancy windows make a channel busy.
    /// </summary>
    [TestClass]
    public class Sx1276CarrierSenseTests
    {
        const uint Kr1 = 922100000;

        [TestMethod]
        public void QuietChannel_IsFree_AfterListeningTheWholeSenseTime()
        {
            SimulatedBoard board = RadioTestKit.Board(1, new RadioEventRecorder());
            ulong start = board.Scheduler.NowMicroseconds;
            Assert.IsTrue(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "noise floor -120 dBm: free");
            ulong took = board.Scheduler.NowMicroseconds - start;
            Assert.IsTrue(took >= 7000 && took < 7500, "1 ms settle + 6 ms sense: " + took.ToString());
            Assert.AreEqual(1, board.Chip.CarrierSenseCount, "one RX-continuous sense with RSSI reads");
            Assert.AreEqual(1, board.Chip.Mode, "left in standby");
            Assert.AreEqual(0, board.Chip.ReceivedFrameCount);
            Assert.AreEqual(1, board.Driver.CarrierSenseCount);
            Assert.AreEqual(0, board.Driver.BusyChannelCount);
        }

        [TestMethod]
        public void ThresholdIsStrict_Minus64Busy_Minus65Free()
        {
            SimulatedBoard board = RadioTestKit.Board(2, new RadioEventRecorder());
            board.Chip.AddOccupancy(Kr1, -64, 0, ulong.MaxValue);
            Assert.IsFalse(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "-64 dBm > -65 dBm: busy");
            board.Chip.ClearOccupancy();
            board.Chip.AddOccupancy(Kr1, -65, 0, ulong.MaxValue);
            Assert.IsTrue(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "-65 dBm is not above -65 dBm: free");
            Assert.AreEqual(1, board.Driver.BusyChannelCount);
        }

        [TestMethod]
        public void BusyChannel_EndsTheSenseAtTheFirstLoudSample()
        {
            SimulatedBoard board = RadioTestKit.Board(3, new RadioEventRecorder());
            board.Chip.AddOccupancy(Kr1, -40, 0, ulong.MaxValue);
            ulong start = board.Scheduler.NowMicroseconds;
            Assert.IsFalse(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000));
            ulong took = board.Scheduler.NowMicroseconds - start;
            Assert.IsTrue(took <= 1100, "stops after the settle time: " + took.ToString());
        }

        [TestMethod]
        public void CarrierStartingMidSense_IsCaught()
        {
            SimulatedBoard board = RadioTestKit.Board(4, new RadioEventRecorder());
            ulong now = board.Scheduler.NowMicroseconds;
            // Starts 5.5 ms into the 6 ms window (settle 1 ms + 4.5 ms), lasts 1 ms.
            board.Chip.AddOccupancy(Kr1, -50, now + 5500, now + 6500);
            Assert.IsFalse(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "a carrier inside the window makes it busy");
            board.Chip.ClearOccupancy();
            now = board.Scheduler.NowMicroseconds;
            board.Chip.AddOccupancy(Kr1, -50, now + 8000, now + 9000);
            Assert.IsTrue(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "a carrier after the window does not");
        }

        [TestMethod]
        public void NeighbourChannel200kHzAway_IsNotSeen_TheSameChannelIs()
        {
            SimulatedBoard board = RadioTestKit.Board(5, new RadioEventRecorder());
            board.Chip.AddOccupancy(Kr1 + 200000, -30, 0, ulong.MaxValue);
            board.Chip.AddOccupancy(Kr1 - 200000, -30, 0, ulong.MaxValue);
            Assert.IsTrue(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "KR920 raster neighbours are outside the 250 kHz LoRa receive bandwidth");
            board.Chip.AddOccupancy(Kr1 + 100000, -30, 0, ulong.MaxValue);
            Assert.IsFalse(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000), "100 kHz away is inside it");
        }

        [TestMethod]
        public void TransmitAfterSense_ChipMeasuresTheSense_OnTheSameFrequencyOnly()
        {
            SimulatedBoard board = RadioTestKit.Board(6, new RadioEventRecorder());
            byte[] frame = RadioTestKit.Frame13();
            Assert.IsTrue(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000));
            board.Radio.Transmit(RadioTestKit.Uplink(Kr1, 12, 125000, 14), frame, 0, frame.Length);
            Assert.IsTrue(board.Chip.LastSenseBeforeTxUs >= 6000, "sensed >= 6 ms: " + board.Chip.LastSenseBeforeTxUs.ToString());
            board.Scheduler.RunFor(3000000);

            Assert.IsTrue(board.Radio.IsChannelFree(Kr1, 200000, -65, 6000));
            board.Radio.Transmit(RadioTestKit.Uplink(Kr1 + 200000, 12, 125000, 14), frame, 0, frame.Length);
            Assert.AreEqual(0UL, board.Chip.LastSenseBeforeTxUs, "sensed another frequency: not a sense of this one");
            Assert.AreEqual(1, board.Chip.TransmissionsUnsensed);
            board.Scheduler.RunFor(3000000);

            board.Radio.Transmit(RadioTestKit.Uplink(Kr1, 12, 125000, 14), frame, 0, frame.Length);
            Assert.AreEqual(0UL, board.Chip.LastSenseBeforeTxUs, "a sense counts for one transmission only");
            Assert.AreEqual(0UL, board.Chip.MinSenseBeforeTxUs);
        }

        [TestMethod]
        public void BadArguments_AreRefused()
        {
            SimulatedBoard board = RadioTestKit.Board(7, new RadioEventRecorder());
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.IsChannelFree(Kr1, 200000, -65, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.IsChannelFree(Kr1, 200000, -65, 200000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.IsChannelFree(Kr1, 600000, -65, 6000));
        }

        [TestMethod]
        public void StoppedClockWithoutSenseWait_IsAClearError_NotAHang()
        {
            SimulatedBoard board = RadioTestKit.Board(8, new RadioEventRecorder());
            board.Driver.SenseWait = null;   // virtual time then never moves during the sense
            Assert.ThrowsException(typeof(InvalidOperationException), () => board.Radio.IsChannelFree(Kr1, 200000, -65, 6000));
            Assert.AreEqual(1, board.Chip.Mode, "left in standby");
        }
    }
}
