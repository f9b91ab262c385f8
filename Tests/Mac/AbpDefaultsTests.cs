using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// An ABP device with default options (no DataRate set) in every region: it starts at the region's default
    /// data rate, as LoRaMac-node does (ChannelsDatarate from PHY_DEF_TX_DR: DR0, DR2 in AS923 and AU915 whose boot
    /// dwell time forbids DR0/DR1), and sends. Expected rates and payload sizes come from RP002-1.0.4's tables
    /// (maximum application payload N = M − 8 with no FOpts).
    /// </summary>
    [TestClass]
    public class AbpDefaultsTests
    {
        [DataRow("EU868", 0, 12, 51)]     // DR0 SF12/125, M 59
        [DataRow("US915", 0, 10, 11)]     // DR0 SF10/125, M 19
        [DataRow("AU915", 2, 10, 11)]     // DR2 SF10/125, dwell time M 19
        [DataRow("AS923-1", 2, 10, 11)]   // DR2 SF10/125, dwell time M 19
        [DataRow("AS923-2", 2, 10, 11)]
        [DataRow("AS923-3", 2, 10, 11)]
        [DataRow("AS923-4", 2, 10, 11)]
        [DataRow("IN865", 0, 12, 51)]     // DR0 SF12/125, M 59
        [DataRow("KR920", 0, 12, 51)]     // DR0 SF12/125, M 59
        [TestMethod]
        public void AbpWithDefaultOptions_StartsAtTheRegionDefaultRate_AndSends(string region, int dataRate, int sf, int maxPayload)
        {
            var rig = new CommandRig(region, new LoRaWanOptions());
            LoRaWanDevice device = rig.Device;
            Assert.AreEqual(dataRate, rig.Mac.Session.DataRate, region + ": session data rate");
            Assert.AreEqual(maxPayload, device.MaxPayload, region + ": MaxPayload");
            Assert.AreEqual(0L, device.DutyCycleRestMs, region + ": nothing sent yet, nothing to rest");

            SendResult r = device.Send(1, new byte[] { 1, 2, 3 }, false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, region + ": 3 bytes: " + r.ToString());
            Assert.AreEqual(dataRate, r.DataRate, region + ": sent at the default rate");
            Assert.AreEqual(sf, (int)rig.Radio.SentSf[0], region + ": spreading factor on air");

            r = device.Send(1, new byte[0], false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, region + ": empty frame: " + r.ToString());
            Assert.AreEqual(2, rig.Radio.Sent.Count, region + ": two frames on air");

            r = device.Send(1, new byte[maxPayload + 1], false, 3600000);
            Assert.AreEqual((int)SendStatus.PayloadTooLarge, (int)r.Status, region + ": one byte over");
            Assert.AreEqual(maxPayload, r.MaxPayload, region + ": the refusal says the limit");

            long rest = device.DutyCycleRestMs;
            if (region == "EU868") Assert.IsTrue(rest > 0 && rest < 300000, "EU868 1 % sub-band rests after an SF12 frame: " + rest.ToString() + " ms");
            else Assert.AreEqual(0L, rest, region + ": no duty cycle enforced");
        }

        [TestMethod]
        public void AbpSessionPersistedWithAnUnsetRate_RestartsAtTheDefaultRate()
        {
            // A session record written while the rate was still unset (−1, stored as 255) must not keep the device mute.
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var scheduler = new VirtualScheduler();
            var rig = new CommandRig("EU868", new LoRaWanOptions(), flash, scheduler);
            rig.Mac.Session.DataRate = -1;
            rig.Mac.Session.Save(16);
            var again = new CommandRig("EU868", new LoRaWanOptions(), flash, scheduler);
            Assert.AreEqual(0, again.Mac.Session.DataRate, "EU868 default DR0");
            Assert.AreEqual((int)SendStatus.Sent, (int)again.Device.Send(1, new byte[] { 7 }, false, 3600000).Status, "sends");
        }
    }
}
