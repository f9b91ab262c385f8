using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// Listen-before-talk end to end in simulation: channels made busy in the chip model are never used, the device
    /// hops to a free one or waits, and the chip measures a sense of at least the required time on the transmit
    /// frequency before every transmission, join requests included (KR920: 6 ms; AS923 in Japan: 5 ms).
    /// </summary>
    [TestClass]
    public class ListenBeforeTalkEndToEndTests
    {
        static readonly uint[] Kr920CfList = new uint[] { 922700000, 922900000, 923100000 };

        static WorldRig Kr920Rig(int seed)
        {
            var net = new NetworkOptions();
            net.SetCfListFrequencies(Kr920CfList, 3);
            var rig = new WorldRig("KR920", seed, LoRaWanVersion.V1_0_4, net);
            rig.PowerOn(WorldRig.Options("KR920", seed));
            return rig;
        }

        [TestMethod]
        public void Kr920_SomeChannelsBusy_JoinAndUplinksOnlyOnFreeChannels_EachSensedAtLeast6ms()
        {
            WorldRig rig = Kr920Rig(401);
            Sx1276ChipModel chip = rig.World.Board.Chip;
            // Two of the three join channels and one CFList channel busy at -50 dBm (above -65 dBm) all along.
            chip.AddOccupancy(922100000, -50, 0, ulong.MaxValue);
            chip.AddOccupancy(922300000, -50, 0, ulong.MaxValue);
            chip.AddOccupancy(922700000, -50, 0, ulong.MaxValue);

            Assert.IsTrue(rig.Device.Join(3600000), "joined on the one free join channel");
            Assert.IsTrue(chip.TransmissionCount >= 1);
            for (int i = 0; i < 12; i++)
            {
                SendResult r = rig.Device.Send(1, new byte[] { (byte)i }, false, 3600000);
                Assert.IsTrue(r.Succeeded, "uplink " + i.ToString() + ": " + r.ToString());
            }
            Assert.AreEqual(12, rig.World.Network.Uplinks.Count, "every uplink reached the network");
            Assert.AreEqual(0, chip.TransmissionsOnOccupiedChannel, "never on a busy channel");
            Assert.AreEqual(0, chip.TransmissionsUnsensed, "every transmission sensed on its own frequency");
            Assert.IsTrue(chip.MinSenseBeforeTxUs >= 6000, "sensed >= 6 ms before each: " + chip.MinSenseBeforeTxUs.ToString());
            Assert.IsTrue(rig.World.Board.Driver.BusyChannelCount > 0, "busy channels were sensed and skipped");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.MicFailures + rig.Device.Diagnostics.Counters.MalformedFrames);
        }

        [TestMethod]
        public void Kr920_EveryChannelBusyFor3Seconds_DeviceWaitsThenSends()
        {
            WorldRig rig = Kr920Rig(402);
            Sx1276ChipModel chip = rig.World.Board.Chip;
            Assert.IsTrue(rig.Device.Join(3600000), "joined");
            ulong from = rig.World.Scheduler.NowMicroseconds;
            ulong until = from + 3000000;
            uint[] all = new uint[] { 922100000, 922300000, 922500000, 922700000, 922900000, 923100000 };
            for (int i = 0; i < all.Length; i++) chip.AddOccupancy(all[i], -60, from, until);
            int before = chip.TransmissionCount;

            SendResult r = rig.Device.Send(1, new byte[] { 7 }, false, 3600000);
            Assert.IsTrue(r.Succeeded, r.ToString());
            Assert.AreEqual(before + 1, chip.TransmissionCount, "one transmission");
            Assert.IsTrue(rig.World.Board.Driver.TxTiming.LastStartUs >= until, "sent only after the channels cleared");
            Assert.AreEqual(0, chip.TransmissionsOnOccupiedChannel);
            Assert.IsTrue(chip.LastSenseBeforeTxUs >= 6000, "sensed >= 6 ms: " + chip.LastSenseBeforeTxUs.ToString());
            Assert.IsTrue(rig.World.Board.Driver.BusyChannelCount >= 6, "every channel found busy at least once");
        }

        [TestMethod]
        public void As923_OffByDefault_OnForJapan_Senses5ms()
        {
            var rig = new WorldRig("AS923-1", 403, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("AS923-1", 403));
            Assert.IsTrue(rig.Device.Join(3600000), "joined");
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 3600000).Succeeded);
            Assert.AreEqual(0, rig.World.Board.Chip.CarrierSenseCount, "AS923 outside Japan: no sensing");

            var jp = new WorldRig("AS923-1", 404, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options("AS923-1", 404);
            o.ListenBeforeTalk = ListenBeforeTalkMode.On;
            jp.PowerOn(o);
            Sx1276ChipModel chip = jp.World.Board.Chip;
            chip.AddOccupancy(923200000, -75, 0, ulong.MaxValue);   // above Japan's -80 dBm (Korea's -65 would call it free)
            Assert.IsTrue(jp.Device.Join(3600000), "joined on 923.4 MHz");
            for (int i = 0; i < 4; i++) Assert.IsTrue(jp.Device.Send(1, new byte[] { (byte)i }, false, 3600000).Succeeded);
            Assert.AreEqual(0, chip.TransmissionsOnOccupiedChannel, "never on the busy channel");
            Assert.AreEqual(0, chip.TransmissionsUnsensed);
            Assert.IsTrue(chip.MinSenseBeforeTxUs >= 5000, "sensed >= 5 ms: " + chip.MinSenseBeforeTxUs.ToString());
        }
    }
}
