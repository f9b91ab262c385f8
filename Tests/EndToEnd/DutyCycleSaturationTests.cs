using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using LoRaWan.Tests.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// An EU868 ABP device that sends the largest payload again as soon as each Send returns, for six simulated
    /// hours, through MAC, driver, chip model and air. Judged on the air by <see cref="AirLog"/> (nothing of the MAC's
    /// bookkeeping): every hour after the first uses at least 90 % of the 1 % sub-band's 36 s, and no sliding hour
    /// holds more than 36 s (ETSI EN 300 220).
    /// </summary>
    [TestClass]
    public class DutyCycleSaturationTests
    {
        const ulong Hour = AirLog.Hour;

        sealed class UplinkLog : IAirMonitor
        {
            readonly Region _region;
            public readonly AirLog Log = new AirLog(1000);
            public UplinkLog(Region region) { _region = region; }
            public void OnTransmission(AirFrame frame)
            {
                if (frame.InvertIq) return;   // downlinks
                Log.Add(frame.StartUs, frame.AirTimeUs, _region.GetBandIndex(frame.FrequencyHz));
            }
        }

        [DataRow(0, 51)]    // RP002 EU868 DR0: M 59, N 51
        [DataRow(5, 242)]   // DR5: M 250, N 242
        [TestMethod]
        public void Eu868AbpMaxPayloadBackToBack_SixHours_EveryHourAfterTheFirstAtLeast90Percent_NoHourAbove100(int dr, int maxPayload)
        {
            var net = new NetworkOptions();
            net.RecordHistory = false;
            var world = new VirtualWorld("EU868", 41, net);
            world.Network.Mac.ExtraChannels = false;   // the three default channels only: one 1 % sub-band, g1
            var air = new UplinkLog(world.Region);
            world.Air.AddMonitor(air);
            DeviceIdentity id = DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey);
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.DataRate = dr;
            o.RandomSeed = 41;
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.AreEqual(maxPayload, device.MaxPayload, "largest application payload");
            var payload = new byte[maxPayload];
            ulong t0 = world.Scheduler.NowMicroseconds;
            int sent = 0;
            long restMs = 0;
            ulong restFromUs = 0;
            AirLog log = air.Log;
            while (world.Scheduler.NowMicroseconds < t0 + 6 * Hour)
            {
                payload[0] = (byte)sent;
                SendResult r = device.Send(1, payload, false, 7200000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "uplink " + sent.ToString() + ": " + r.ToString());
                if (sent > 0)
                {
                    // DutyCycleRestMs (what the deep-sleep sketch sleeps) said when this frame could go: it went then.
                    long waitedMs = (long)((log.Start(sent) - restFromUs + 999) / 1000);
                    Assert.IsTrue(waitedMs >= restMs && waitedMs <= restMs + 1, "uplink " + sent.ToString() + ": rest said " + restMs.ToString() + " ms, waited " + waitedMs.ToString() + " ms");
                }
                sent++;
                restFromUs = world.Scheduler.NowMicroseconds;
                restMs = device.DutyCycleRestMs;
            }
            Assert.AreEqual(sent, log.Count, "every uplink on air once");
            // Evenly paced: no silence longer than two time-offs and one accounting slot (the old history left 55 min).
            ulong toff = log.Air(0) * 100;
            ulong longestGap = 0;
            for (int i = 1; i < log.Count; i++)
                if (log.Start(i) - log.Start(i - 1) > longestGap) longestGap = log.Start(i) - log.Start(i - 1);
            OutputHelper.WriteLine("DR" + dr.ToString() + ": longest gap between uplinks " + (longestGap / 1000000).ToString() + " s, Toff spacing " + (toff / 1000000).ToString() + " s");
            Assert.IsTrue(longestGap <= 2 * toff + 100000000UL, "longest gap " + longestGap.ToString() + " us");
            int g1 = world.Region.GetBandIndex(868100000);
            ulong budget = Hour / 100;
            for (int h = 0; h < 6; h++)
            {
                ulong used = log.OnAir(g1, t0 + (ulong)h * Hour, t0 + (ulong)(h + 1) * Hour);
                ulong hundredths = used * 10000 / budget;
                OutputHelper.WriteLine("DR" + dr.ToString() + " hour " + (h + 1).ToString() + ": " + (used / 1000).ToString() + " ms = "
                    + (hundredths / 100).ToString() + "." + (hundredths % 100).ToString("D2") + " % of the 1 % band's 36 s");
                if (h > 0) Assert.IsTrue(used * 10 >= budget * 9, "hour " + (h + 1).ToString() + ": " + used.ToString() + " us");
            }
            ulong fullest = log.FullestHour(g1);
            OutputHelper.WriteLine("DR" + dr.ToString() + ": " + sent.ToString() + " uplinks, fullest sliding hour " + (fullest / 1000).ToString() + " ms");
            Assert.IsTrue(fullest <= budget, "fullest sliding hour " + fullest.ToString() + " us");
            Assert.IsTrue(log.FullestHourByStart(g1) <= budget, "whole frames starting within one hour");
            // The MAC's own report of the last hour agrees with the air (SF12: exact; SF7: within one slot's frames).
            ulong now = world.Scheduler.NowMicroseconds;
            ulong real = log.OnAir(g1, now - Hour, now);
            ulong said = world.Mac.DutyCycle.GetBandAirTimeInLastHourUs(g1, now);
            Assert.IsTrue(said >= real && said <= real + (dr == 0 ? 0UL : 1000000UL), "last-hour report " + said.ToString() + " us, on air " + real.ToString() + " us");
        }
    }
}
