using System;
using LoRaWan.Radio;
using LoRaWan.Simulation;
using LoRaWan.Tests.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Radio
{
    /// <summary>
    /// The driver and the simulation must not allocate per frame: after a warm-up (which lets the scheduler's
    /// heap and the air's frame pool reach their working size), a transmit and a receive cycle allocate 0 bytes
    /// on the calling thread (GC.GetAllocatedBytesForCurrentThread, through <see cref="SteadyStateAllocation"/>).
    /// </summary>
    [TestClass]
    public class RadioAllocationTests
    {
        static readonly byte[] Downlink = new byte[] { 0x60, 0x04, 0x03, 0x02, 0x01, 0x20, 0x07, 0x00, 0x03, 0x55, 0xAA, 0x10, 0x20 };

        sealed class Rig
        {
            public readonly RadioEventRecorder Events = new RadioEventRecorder();
            public readonly SimulatedBoard Board;
            public readonly GatewayEndpoint Gateway;
            public readonly UplinkRecorder Uplinks = new UplinkRecorder();
            public readonly TxConfig Tx = RadioTestKit.Uplink(868100000, 7, 125000, 14);
            public readonly RxConfig Rx = RadioTestKit.Downlink(869525000, 9, 125000, 8);
            public readonly byte[] Frame = RadioTestKit.Frame13();
            public readonly byte[] Buffer = new byte[255];
            public readonly RxPacketInfo Info = new RxPacketInfo();

            public Rig()
            {
                Board = RadioTestKit.Board(1, Events);
                Board.InterruptJitter.LatencyMaxUs = 2000;
                Board.InterruptJitter.SpreadUs = 500;
                Gateway = new GatewayEndpoint(Board.Air);
                Gateway.SetUplinkReceiver(Uplinks);
            }

            public void TransmitCycle()
            {
                Events.Clear();
                Board.Radio.Transmit(Tx, Frame, 0, Frame.Length);
                Board.Scheduler.RunFor(100000);
                if (Events.Last != RadioEvent.TxDone) throw new InvalidOperationException("no TxDone");
            }

            public void ReceiveCycle()
            {
                Events.Clear();
                ulong t = Board.Scheduler.NowMicroseconds;
                Board.Radio.Receive(Rx);
                Gateway.Transmit(t + 2000, 869525000, 9, 125000, Downlink, 0, Downlink.Length, true);
                Board.Scheduler.RunFor(300000);
                if (Events.Last != RadioEvent.RxDone) throw new InvalidOperationException("no RxDone");
                if (Board.Radio.ReadPacket(Buffer, 0, Buffer.Length, Info) != Downlink.Length) throw new InvalidOperationException("no frame");
                Board.Radio.Sleep();
            }

            /// <summary>One frame received in continuous reception (the radio stays in RX between calls).</summary>
            public void ContinuousFrame()
            {
                Events.Clear();
                ulong t = Board.Scheduler.NowMicroseconds;
                Gateway.Transmit(t + 2000, 869525000, 9, 125000, Downlink, 0, Downlink.Length, true);
                Board.Scheduler.RunFor(300000);
                if (Events.Last != RadioEvent.RxDone) throw new InvalidOperationException("no RxDone");
                if (Board.Radio.ReadPacket(Buffer, 0, Buffer.Length, Info) != Downlink.Length) throw new InvalidOperationException("no frame");
            }

            public void TimeoutCycle()
            {
                Events.Clear();
                Board.Radio.Receive(Rx);
                Board.Scheduler.RunFor(100000);
                if (Events.Last != RadioEvent.RxTimeout) throw new InvalidOperationException("no RxTimeout");
            }
        }

        [TestMethod]
        public void Transmit_AllocatesNothingInSteadyState()
        {
            Rig rig = new Rig();
            for (int i = 0; i < 20; i++) rig.TransmitCycle();
            Assert.AreEqual(20, rig.Uplinks.Count, "every warm-up uplink reached the gateway");
            int uplinksBefore = 0;
            long allocated = SteadyStateAllocation.Measure(() => uplinksBefore = rig.Uplinks.Count, () =>
            {
                for (int i = 0; i < 100; i++) rig.TransmitCycle();
            }, out string note);
            OutputHelper.WriteLine("bytes allocated by 100 transmissions: " + allocated + " " + note);
            Assert.AreEqual(0L, allocated, "bytes per 100 transmissions");
            Assert.AreEqual(100, rig.Uplinks.Count - uplinksBefore, "every uplink reached the gateway");
        }

        [TestMethod]
        public void Receive_AllocatesNothingInSteadyState()
        {
            Rig rig = new Rig();
            for (int i = 0; i < 20; i++)
            {
                rig.ReceiveCycle();
                rig.TimeoutCycle();
            }
            long allocated = SteadyStateAllocation.Measure(null, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    rig.ReceiveCycle();
                    rig.TimeoutCycle();
                }
            }, out string note);
            OutputHelper.WriteLine("bytes allocated by 100 receptions + 100 timeouts: " + allocated + " " + note);
            Assert.AreEqual(0L, allocated, "bytes per 100 receive cycles");
        }

        [TestMethod]
        public void ContinuousReceive_AllocatesNothingPerFrame()
        {
            Rig rig = new Rig();
            rig.Board.Radio.ReceiveContinuous(rig.Rx);
            for (int i = 0; i < 20; i++) rig.ContinuousFrame();
            Assert.AreEqual(20, rig.Board.Driver.ContinuousRxFrames, "every warm-up frame received without restarting RX");
            int framesBefore = 0;
            long allocated = SteadyStateAllocation.Measure(() => framesBefore = rig.Board.Driver.ContinuousRxFrames, () =>
            {
                for (int i = 0; i < 100; i++) rig.ContinuousFrame();
            }, out string note);
            OutputHelper.WriteLine("bytes allocated by 100 frames in continuous reception: " + allocated + " " + note);
            Assert.AreEqual(0L, allocated, "bytes per 100 RXC frames");
            Assert.AreEqual(100, rig.Board.Driver.ContinuousRxFrames - framesBefore, "every frame received without restarting RX");
        }
    }
}
