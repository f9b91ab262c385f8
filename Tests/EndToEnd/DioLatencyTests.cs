using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// Issue 21: the DIO0 interrupt handler runs late on nanoFramework (the ESP32 ISR only queues the event; one
    /// interpreter thread delivers it, up to a time slice or a garbage collection later). The driver reports TxDone
    /// from what the radio knows (TX start + air time + ramp-down), so RX1 is planned from the real end of the
    /// uplink and the default 30 ms window margin is left for the alarm's own error. With the DIO handler 0..40 ms
    /// late (beyond the margin) and the CLI's default ±5 ms alarm error, every downlink arrives in RX1 at DR5 (SF7,
    /// the thinnest margin in symbols) and DR0 (SF12).
    /// </summary>
    [TestClass]
    public class DioLatencyTests
    {
        const int Cycles = 8;

        static int CaughtInRx1(int dataRate, uint dioLatencyMaxUs, int seed)
        {
            var rig = new WorldRig("EU868", seed, LoRaWanVersion.V1_0_4);
            rig.World.DioLatencyMaxUs = dioLatencyMaxUs;
            rig.World.AlarmSpreadUs = 5000;
            LoRaWanOptions options = WorldRig.Options("EU868", seed);
            options.Adr = false;
            options.DataRate = dataRate;
            rig.PowerOn(options);
            int[] rx1 = new int[1];
            rig.Device.OnDownlink += (sender, d) => { if (d.Window == 1) rx1[0]++; };
            if (!rig.Device.Join(3600000)) return -1;
            for (int i = 0; i < Cycles; i++)
            {
                rig.World.Network.Enqueue(rig.Identity.DevEui, 7, new byte[] { (byte)i }, false);
                rig.Device.Send(1, new byte[] { (byte)i }, false, 3600000);
            }
            return rx1[0];
        }

        [DataRow(5)]
        [DataRow(0)]
        [TestMethod]
        public void Eu868_EveryRx1DownlinkCaught_WithTheDioHandlerUpTo40MsLate(int dataRate)
        {
            for (int seed = 1; seed <= 3; seed++)
                Assert.AreEqual(Cycles, CaughtInRx1(dataRate, 40000, seed * 13 + dataRate), "DIO 0..40 ms late, alarm ±5 ms, seed " + seed.ToString());
        }
    }
}
