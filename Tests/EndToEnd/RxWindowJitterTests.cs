using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// Receive windows under platform timing error: with the default 30 ms margin, every downlink is caught in RX1
    /// across EU868 DR0–DR5 and US915 DR0–DR3 when the error is within ±20 ms, whether it comes from late DIO
    /// interrupts (the TxDone stamp) or from alarm jitter.
    /// </summary>
    [TestClass]
    public class RxWindowJitterTests
    {
        const int Cycles = 8;

        static int DownlinksCaught(string region, int dataRate, uint interruptLatencyUs, uint alarmSpreadUs, int seed, LoRaWanOptions options)
        {
            var rig = new WorldRig(region, seed, LoRaWanVersion.V1_0_4);
            rig.World.InterruptLatencyMaxUs = interruptLatencyUs;
            rig.World.AlarmSpreadUs = alarmSpreadUs;
            options.Adr = false;
            options.DataRate = dataRate;
            rig.PowerOn(options);
            if (!rig.Device.Join(3600000)) return -1;
            for (int i = 0; i < Cycles; i++)
            {
                rig.World.Network.Enqueue(rig.Identity.DevEui, 7, new byte[] { (byte)i }, false);
                rig.Device.Send(1, new byte[] { (byte)i }, false, 3600000);
            }
            return rig.Delivered.Count;
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [TestMethod]
        public void Eu868_AllDownlinksCaught_WithTwentyMsOfError(int dataRate)
        {
            Assert.AreEqual(Cycles, DownlinksCaught("EU868", dataRate, 0, 20000, 30 + dataRate, WorldRig.Options("EU868", 30 + dataRate)), "alarm ±20 ms");
            Assert.AreEqual(Cycles, DownlinksCaught("EU868", dataRate, 20000, 0, 40 + dataRate, WorldRig.Options("EU868", 40 + dataRate)), "interrupt 0..20 ms late");
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [TestMethod]
        public void Us915_AllDownlinksCaught_WithTwentyMsOfError(int dataRate)
        {
            Assert.AreEqual(Cycles, DownlinksCaught("US915", dataRate, 0, 20000, 50 + dataRate, WorldRig.Options("US915", 50 + dataRate)), "alarm ±20 ms");
            Assert.AreEqual(Cycles, DownlinksCaught("US915", dataRate, 20000, 0, 60 + dataRate, WorldRig.Options("US915", 60 + dataRate)), "interrupt 0..20 ms late");
        }

        [TestMethod]
        public void ErrorBeyondTheMargin_MissesWindows_AndAdaptiveMarginRecovers()
        {
            // SF7 (DR5), alarms 45..60 ms late: beyond the 30 ms margin, RX1 opens after the preamble has gone by.
            LoRaWanOptions fixedMargin = WorldRig.Options("EU868", 70);
            int caughtFixed = DownlinksCaughtLate(fixedMargin, 70);
            Assert.IsTrue(caughtFixed < Cycles, "with a 30 ms margin some downlinks must be missed (caught " + caughtFixed.ToString() + ")");
            LoRaWanOptions adaptive = WorldRig.Options("EU868", 70);
            adaptive.AdaptTimingError = true;
            int caughtAdaptive = DownlinksCaughtLate(adaptive, 70);
            Assert.IsTrue(caughtAdaptive > caughtFixed, "the measured lateness widens the margin (" + caughtAdaptive.ToString() + " vs " + caughtFixed.ToString() + ")");
        }

        static int DownlinksCaughtLate(LoRaWanOptions options, int seed)
        {
            var rig = new WorldRig("EU868", seed, LoRaWanVersion.V1_0_4);
            options.Adr = false;
            options.DataRate = 5;
            rig.PowerOn(options);
            rig.Device.Join(3600000);
            // Make every later alarm 45..60 ms late.
            rig.World.Board.AlarmJitter.LatencyMaxUs = 15000;
            rig.World.Board.AlarmJitter.SpreadUs = 0;
            rig.World.Board.AlarmJitter.FixedLatencyUs = 45000;
            for (int i = 0; i < Cycles; i++)
            {
                rig.World.Network.Enqueue(rig.Identity.DevEui, 7, new byte[] { (byte)i }, false);
                rig.Device.Send(1, new byte[] { (byte)i }, false, 3600000);
            }
            return rig.Delivered.Count;
        }
    }
}
