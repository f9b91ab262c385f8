using System;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// No allocation per frame on the device path (DEVELOPERS.md): after warm-up, a whole uplink + RX1 + RX2
    /// cycle — MAC, crypto, codec, driver, and the simulated chip, air and network around them — allocates
    /// nothing on this thread, with and without a downlink delivered. Measured by <see cref="SteadyStateAllocation"/>, which
    /// keeps the .NET runtime's own cast-cache table out of the count (6,192 or 98,352 B, replaced on this thread when a
    /// device cast found its bucket full, in some full-suite runs).
    /// </summary>
    [TestClass]
    public class MacAllocationTests
    {
        static LoRaWanDevice Start(out VirtualWorld world, out ulong devEui)
        {
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            devEui = id.DevEui;
            LoRaWanDevice device = SteadyWorld.PowerOn(id, out world);
            Assert.IsTrue(device.Join(120000));
            return device;
        }

        [TestMethod]
        public void UplinkWithBothWindows_AllocatesNothing()
        {
            LoRaWanDevice device = Start(out VirtualWorld world, out _);
            var payload = new byte[12];
            for (int i = 0; i < 50; i++) { device.Send(1, payload, false, 600000); world.Sleep(10000); }
            int cycles = 0, missedBefore = 0;
            long allocated = SteadyStateAllocation.Measure(() => { cycles = 0; missedBefore = device.Diagnostics.Timing.Missed; }, () =>
            {
                for (int i = 0; i < 200; i++)
                {
                    SendResult r = device.Send(1, payload, false, 600000);
                    if (r.Status == SendStatus.Sent) cycles++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(200, cycles);
            Assert.AreEqual(2 * 200, device.Diagnostics.Timing.Missed - missedBefore, "RX1 and RX2 opened (empty) in each of the 200 cycles");
            OutputHelper.WriteLine($"allocated over {cycles} uplink+RX1+RX2 cycles: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }

        [TestMethod]
        public void UplinkCycle_WithEveryTxDoneInterruptLost_RecoveredAtTheTxDeadline_AllocatesNothing()
        {
            // Issue 14: the MAC's TX deadline asks the driver (IRadio.TxDeadlinePassed), which finds TxDone in
            // RegIrqFlags: that path, taken by every cycle here, allocates nothing either.
            LoRaWanDevice device = Start(out VirtualWorld world, out _);
            world.Board.Chip.DropDio0Edges = 1000000;   // every TxDone edge lost (no downlinks: RX ends by DIO1)
            var payload = new byte[12];
            for (int i = 0; i < 20; i++) { device.Send(1, payload, false, 600000); world.Sleep(10000); }
            int foundBefore = 0, cycles = 0;
            long allocated = SteadyStateAllocation.Measure(() => { cycles = 0; foundBefore = world.Board.Driver.TxTiming.FoundByWatchdog; }, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    if (device.Send(1, payload, false, 600000).Status == SendStatus.Sent) cycles++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(100, cycles);
            Assert.AreEqual(100, world.Board.Driver.TxTiming.FoundByWatchdog - foundBefore, "each TxDone found at the deadline");
            OutputHelper.WriteLine($"allocated over {cycles} cycles recovered at the TX deadline: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }

        /// <summary>The same steady-state cycle (uplink, RX1, RX2, a downlink every fourth cycle) in every region.</summary>
        [DataRow("EU868")]
        [DataRow("AS923-1")]
        [TestMethod]
        public void FskUplinkCycle_AllocatesNothing(string region)
        {
            // GFSK DR7 up, RX1 at DR7 down (the driver's FSK modem, the chip model's FSK mode, the gateway's FSK path).
            var net = new NetworkOptions();
            net.RecordHistory = false;
            var world = new VirtualWorld(region, 6, net);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.RandomSeed = 6;
            o.FCntPersistInterval = 1000;
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.IsTrue(device.Join(3600000), region + " joined");
            ChannelPlan plan = world.Mac.Session.Plan;
            Assert.AreEqual(3, world.Region.ApplyNewChannel(plan, 15, world.Region.GetUplinkFrequency(plan, 1) + 500000, 7, 7), "DR7 channel");
            world.Mac.Session.DataRate = 7;
            var payload = new byte[8];
            var downlink = new byte[] { 1, 2, 3, 4 };
            int delivered = 0;
            device.OnDownlink += (s, d) => delivered++;
            for (int i = 0; i < 40; i++)
            {
                if (i % 4 == 0) world.Network.Enqueue(id.DevEui, 3, downlink, false);
                device.Send(1, payload, false, 3600000);
                world.Sleep(10000);
            }
            // The network's queue entries are the application server's allocations: queued before each window.
            int fskBefore = 0, sent = 0;
            long allocated = SteadyStateAllocation.Measure(() =>
            {
                delivered = 0;
                sent = 0;
                fskBefore = world.Board.Chip.FskReceivedCount;
                for (int i = 0; i < 25; i++) world.Network.Enqueue(id.DevEui, 3, downlink, false);
            }, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    SendResult r = device.Send(1, payload, false, 3600000);
                    if (r.Status == SendStatus.Sent && r.DataRate == 7) sent++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(100, sent, region + " cycles at DR7");
            Assert.AreEqual(25, delivered, region + " downlinks delivered");
            Assert.AreEqual(25, world.Board.Chip.FskReceivedCount - fskBefore, region + " through the FSK receiver");
            OutputHelper.WriteLine($"{region}: allocated over 100 FSK cycles: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, region + ": bytes allocated in steady state");
        }

        [DataRow("EU868")]
        [DataRow("US915")]
        [DataRow("AU915")]
        [DataRow("AS923-1")]
        [DataRow("AS923-2")]
        [DataRow("AS923-3")]
        [DataRow("AS923-4")]
        [DataRow("IN865")]
        [DataRow("KR920")]
        [DataRow("RU864")]
        [DataRow("EU433")]
        [DataRow("CN779")]
        [DataRow("CN470-20A")]
        [DataRow("CN470-20B")]
        [DataRow("CN470-26A")]
        [DataRow("CN470-26B")]
        [DataRow("CN470-RP1")]
        [TestMethod]
        public void UplinkCycle_AllocatesNothing_InEveryRegion(string region)
        {
            var net = new NetworkOptions();
            net.RecordHistory = false;
            bool fixedUs = region == "US915" || region == "AU915";
            if (fixedUs) net.SubBand = 2;
            var world = new VirtualWorld(region, 5, net);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.RandomSeed = 5;
            o.FCntPersistInterval = 1000;
            if (fixedUs) o.SubBand = 2;
            // The fastest 125 kHz LoRa data rate of the region (short frames keep the duty-cycle waits short).
            for (int dr = 0; dr <= world.Region.MaxUplinkDataRate; dr++)
                if (world.Region.IsDataRateSupported(dr) && world.Region.GetBandwidthHz(dr) == 125000
                    && world.Region.GetMaxMacPayload(dr, world.Region.DefaultUplinkDwellTime) > 0) o.DataRate = dr;
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.IsTrue(device.Join(3600000), region + " joined");
            var payload = new byte[8];
            var downlink = new byte[] { 1, 2, 3, 4 };
            int delivered = 0;
            device.OnDownlink += (s, d) => delivered++;
            for (int i = 0; i < 40; i++)
            {
                if (i % 4 == 0) world.Network.Enqueue(id.DevEui, 3, downlink, false);
                device.Send(1, payload, false, 3600000);
                world.Sleep(10000);
            }
            // The network's queue entries are the application server's allocations: queued before each window.
            int sent = 0;
            long allocated = SteadyStateAllocation.Measure(() =>
            {
                delivered = 0;
                sent = 0;
                for (int i = 0; i < 25; i++) world.Network.Enqueue(id.DevEui, 3, downlink, false);
            }, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    SendResult r = device.Send(1, payload, false, 3600000);
                    if (r.Status == SendStatus.Sent) sent++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(100, sent, region + " cycles");
            Assert.AreEqual(25, delivered, region + " downlinks delivered");
            OutputHelper.WriteLine($"{region}: allocated over 100 cycles at DR{o.DataRate}: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, region + ": bytes allocated in steady state");
        }

        /// <summary>KR920 with listen-before-talk hopping over busy channels and AS923 in Japan: still 0 B per cycle.</summary>
        [DataRow("KR920")]
        [DataRow("AS923-1")]
        [TestMethod]
        public void UplinkCycle_WithListenBeforeTalkAndBusyChannels_AllocatesNothing(string region)
        {
            var net = new NetworkOptions();
            net.RecordHistory = false;
            var world = new VirtualWorld(region, 6, net);
            var id = DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.RandomSeed = 6;
            o.FCntPersistInterval = 1000;
            o.DataRate = 5;
            o.ListenBeforeTalk = ListenBeforeTalkMode.On;
            LoRaWanDevice device = world.PowerOn(id, o);
            uint busy = region == "KR920" ? 922100000u : 923200000u;
            world.Board.Chip.AddOccupancy(busy, -40, 0, ulong.MaxValue);
            Assert.IsTrue(device.Join(3600000), region + " joined");
            var payload = new byte[8];
            for (int i = 0; i < 40; i++) { device.Send(1, payload, false, 3600000); world.Sleep(10000); }
            int sent = 0;
            long allocated = SteadyStateAllocation.Measure(() => sent = 0, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    if (device.Send(1, payload, false, 3600000).Status == SendStatus.Sent) sent++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(100, sent, region + " cycles");
            Assert.IsTrue(world.Board.Driver.BusyChannelCount > 0, region + ": the busy channel was sensed and skipped");
            Assert.AreEqual(0, world.Board.Chip.TransmissionsOnOccupiedChannel, region + ": never on it");
            Assert.AreEqual(0, world.Board.Chip.TransmissionsUnsensed, region + ": every transmission sensed");
            OutputHelper.WriteLine($"{region} with LBT: allocated over 100 cycles: {allocated} bytes, {world.Board.Driver.CarrierSenseCount} senses, {world.Board.Driver.BusyChannelCount} busy {note}");
            Assert.AreEqual(0L, allocated, region + ": bytes allocated in steady state with LBT");
        }

        [TestMethod]
        public void UplinkWithDownlinkInRx1_AllocatesNothingOnTheDevicePath()
        {
            LoRaWanDevice device = Start(out VirtualWorld world, out ulong devEui);
            var payload = new byte[12];
            var downlink = new byte[] { 1, 2, 3, 4 };
            int delivered = 0;
            device.OnDownlink += (s, d) => delivered++;
            for (int i = 0; i < 50; i++)
            {
                world.Network.Enqueue(devEui, 3, downlink, false);
                device.Send(1, payload, false, 600000);
                world.Sleep(10000);
            }
            // The network's queue entry is the application server's allocation, not the device's: enqueue the
            // measured downlinks first, then measure only the device's cycles.
            long allocated = SteadyStateAllocation.Measure(() =>
            {
                delivered = 0;
                for (int i = 0; i < 100; i++) world.Network.Enqueue(devEui, 3, downlink, false);
            }, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    device.Send(1, payload, false, 600000);
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(100, delivered);
            OutputHelper.WriteLine($"allocated over 100 uplink+RX1-downlink cycles: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }

        /// <summary>
        /// LoRaWAN 1.1 OTAA (issue 16) after an OptNeg = 1 join and RekeyConf: confirmed uplinks (ACKed on NFCntDown) and
        /// application downlinks, every other one confirmed (AFCntDown; the device's ACK signs with ConfFCnt), and a LinkCheckReq
        /// every fourth uplink (FOpts encrypted both ways), all
        /// allocate nothing on the device path: the 1.1 MIC halves, FOpts encryption, the two downlink counters.
        /// </summary>
        [TestMethod]
        public void Otaa11ConfirmedBothWays_AllocatesNothing()
        {
            var world = new VirtualWorld("EU868", 6, new NetworkOptions { RecordHistory = false });
            var id = DeviceIdentity.Otaa11("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61", "2B7E151628AED2A6ABF7158809CF4F3C");
            world.Register(id, LoRaWanVersion.V1_1);
            var o = new LoRaWanOptions { Version = LoRaWanVersion.V1_1, RandomSeed = 6, FCntPersistInterval = 1000 };
            LoRaWanDevice device = world.PowerOn(id, o);
            Assert.IsTrue(device.Join(600000), "joined");
            var payload = new byte[12];
            var downlink = new byte[] { 1, 2, 3, 4 };
            int delivered = 0;
            device.OnDownlink += (s, d) => delivered++;
            for (int i = 0; i < 50; i++)
            {
                world.Network.Enqueue(id.DevEui, 3, downlink, i % 2 == 0);
                if (i % 4 == 0) device.RequestLinkCheck();
                device.Send(1, payload, i % 2 == 1, 600000);
                world.Sleep(10000);
            }
            Assert.IsFalse(world.Mac.Session.Keys.RekeyOwed, "RekeyConf heard");
            Assert.AreEqual(50, delivered, "every warm-up downlink delivered");
            Assert.AreEqual(13, world.Network.MacCounters.LinkChecksAnswered, "warm-up LinkCheckReq read from encrypted FOpts");
            // The network's queue entries are the application server's allocations: queued before each window.
            int acked = 0, linkChecksBefore = 0;
            long allocated = SteadyStateAllocation.Measure(() =>
            {
                delivered = 0;
                acked = 0;
                linkChecksBefore = world.Network.MacCounters.LinkChecksAnswered;
                for (int i = 0; i < 100; i++) world.Network.Enqueue(id.DevEui, 3, downlink, i % 2 == 0);
            }, () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    if (i % 4 == 0) device.RequestLinkCheck();   // LinkCheckReq/Ans: FOpts encrypted both ways
                    if (device.Send(1, payload, i % 2 == 1, 600000).Status == SendStatus.Acked) acked++;
                    world.Sleep(10000);
                }
            }, out string note);
            Assert.AreEqual(100, delivered, "every downlink delivered");
            Assert.AreEqual(50, acked, "every confirmed uplink ACKed");
            Assert.AreEqual(0, world.Network.Counters.UplinksRejectedMic, "the ACKs signed with ConfFCnt were accepted");
            Assert.AreEqual(25, world.Network.MacCounters.LinkChecksAnswered - linkChecksBefore, "LinkCheckReq read from encrypted FOpts (25)");
            OutputHelper.WriteLine($"allocated over 100 LoRaWAN 1.1 OTAA cycles, confirmed both ways: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated in steady state");
        }

        /// <summary>
        /// Class C (issue 15): downlinks the network sends in RXC at any time — read, verified, decrypted, delivered, the
        /// radio left listening — allocate nothing: driver, MAC, codec, crypto, and the simulated chip, air and network
        /// around them. The warm-up queues as many downlinks as the measured run, so the network's queue has grown.
        /// </summary>
        [TestMethod]
        public void RxcFrames_AllocateNothing()
        {
            LoRaWanDevice device = Start(out VirtualWorld world, out ulong devEui);
            NetworkDevice nd = world.Network.FindDevice(devEui);
            world.Network.SetClassC(nd, true);
            device.SetDeviceClass(DeviceClass.C);
            var payload = new byte[12];
            var downlink = new byte[] { 1, 2, 3, 4 };
            int inRxc = 0;
            device.OnDownlink += (s, d) => { if (d.Window == Downlink.Rxc) inRxc++; };
            device.Send(1, payload, false, 600000);   // the network learns the gateway: Class C from now on
            world.Sleep(10000);
            for (int i = 0; i < 100; i++) world.Network.Enqueue(devEui, 3, downlink, false);
            world.Sleep(200000);
            Assert.AreEqual(100, inRxc, "warm-up downlinks in RXC");
            // The network's queue entries are the application server's allocations: enqueue first, then measure.
            int windows = 0;
            long allocated = SteadyStateAllocation.Measure(() =>
            {
                if (windows++ > 0) world.Sleep(3600000);   // a window measured again: the gateway's duty-cycle hour passes first
                inRxc = 0;
                for (int i = 0; i < 100; i++) world.Network.Enqueue(devEui, 3, downlink, false);
            }, () => world.Sleep(200000), out string note);
            Assert.AreEqual(100, inRxc, "every downlink received in RXC");
            OutputHelper.WriteLine($"allocated over 100 downlinks received in RXC: {allocated} bytes {note}");
            Assert.AreEqual(0L, allocated, "bytes allocated per RXC frame");
        }
    }
}
