using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// Issue 14: one TX watchdog. The MAC's alarm is the only timer on a transmission (air time + 200 ms); when it
    /// passes, the driver reads RegIrqFlags (IRadio.TxDeadlinePassed): a lost DIO0 interrupt costs no downlink,
    /// and a chip that never finishes ends the uplink with RadioError and the MAC back in Idle. The real driver on
    /// the chip model, the network server answering in RX1.
    /// </summary>
    [TestClass]
    public class TxDeadlineTests
    {
        static WorldRig Joined(int seed)
        {
            var rig = new WorldRig("EU868", seed, LoRaWanVersion.V1_0_4);
            LoRaWanOptions options = WorldRig.Options("EU868", seed);
            options.Adr = false;
            options.DataRate = 5;
            rig.PowerOn(options);
            Assert.IsTrue(rig.Device.Join(3600000), "joined");
            return rig;
        }

        [TestMethod]
        public void Eu868_LostDio0Interrupt_RecoveredOnceAtTheMacsDeadline_AndRx1StillCatchesTheDownlink()
        {
            WorldRig rig = Joined(3);
            int[] rx1 = new int[1];
            rig.Device.OnDownlink += (sender, d) => { if (d.Window == 1) rx1[0]++; };
            SimulatedBoard board = rig.World.Board;
            int timeoutsBefore = rig.Device.Diagnostics.Counters.TxTimeouts;
            board.Chip.DropDio0Edges = 1;   // the frame ends, its interrupt never reaches the driver
            rig.World.Network.Enqueue(rig.Identity.DevEui, 7, new byte[] { 0x42 }, false);

            SendResult r = rig.Device.Send(1, new byte[] { 1 }, false, 3600000);

            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(1, rx1[0], "the downlink, in RX1");
            Assert.AreEqual(1, board.Driver.TxTiming.FoundByWatchdog, "TxDone found in RegIrqFlags, once");
            Assert.AreEqual(0UL, board.Driver.TxTiming.LastDioStampUs, "no DIO0 handler ran for it");
            Assert.AreEqual(board.Driver.TxTiming.LastComputedEndUs, board.Driver.TxTiming.LastReportedUs, "reported at the frame's end");
            Assert.AreEqual(timeoutsBefore, rig.Device.Diagnostics.Counters.TxTimeouts, "not a timeout");
            Assert.AreEqual(0, board.Driver.TxTimeoutCount);
        }

        [TestMethod]
        public void Eu868_ChipThatNeverFinishes_TxTimeoutAtTheDeadline_RadioError_MacIdle_AndTheNextUplinkGoesOut()
        {
            WorldRig rig = Joined(5);
            SimulatedBoard board = rig.World.Board;
            int timeoutsBefore = rig.Device.Diagnostics.Counters.TxTimeouts;
            board.Chip.HangNextTransmissions = 1;   // stays in TX: no TxDone flag, no edge

            SendResult r = rig.Device.Send(1, new byte[] { 1 }, false, 3600000);

            Assert.AreEqual((int)SendStatus.RadioError, (int)r.Status, r.ToString());
            Assert.AreEqual(timeoutsBefore + 1, rig.Device.Diagnostics.Counters.TxTimeouts, "counted once, by the MAC");
            Assert.AreEqual(1, board.Driver.TxTimeoutCount, "the driver stopped the chip once");
            Assert.AreEqual((int)MacState.Idle, (int)rig.World.Mac.State, "back in Idle");
            Assert.AreEqual(0, board.Chip.Mode, "the transmitter was stopped (sleep)");

            SendResult next = rig.Device.Send(1, new byte[] { 2 }, false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)next.Status, "the driver re-initialised on the next Transmit");
        }
    }
}
