using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.EndToEnd;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// One test per LoRaWAN 1.0.4 §5 command other than LinkADRReq: accepted, rejected (each NACK bit) and the effect on
    /// the next uplink. Request bytes and expected answers are written out by hand from the spec's tables (frequencies
    /// are 24-bit little-endian in 100 Hz: 868.3 MHz = 8683000 = 0x847DF8 → F8 7D 84). The rig's radio reports every
    /// downlink with SNR 5 dB (20 quarter dB).
    /// </summary>
    [TestClass]
    public class MacCommandTests
    {
        // ---- LinkCheckReq / LinkCheckAns (§5.1) ----

        static int _linkMargin;
        static int _linkGateways;

        [TestMethod]
        public void LinkCheck_RequestRidesTheNextUplink_AnswerRaisesTheEvent()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            _linkMargin = -1;
            rig.Device.OnLinkCheck += (s, margin, gateways) => { _linkMargin = margin; _linkGateways = gateways; };
            rig.Device.RequestLinkCheck();
            rig.DeliverNext(CommandRig.Down(1, "02 14 03"));   // LinkCheckAns: margin 20 dB, 3 gateways
            rig.Send();
            Assert.AreEqual("02", CommandRig.FOpts(rig.Sent(0)), "LinkCheckReq = CID 02, no payload");
            Assert.AreEqual(20, _linkMargin, "margin");
            Assert.AreEqual(3, _linkGateways, "GwCnt");
            rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(1)), "the request is sent once");
        }

        // ---- DutyCycleReq (§5.4) ----

        [TestMethod]
        public void DutyCycleReq_AnsweredAndTheUplinkAfterWaitsAirTimeTimes2PowMaxDCycle()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.Mac.DutyCycle.Enabled = false;   // the 1 % sub-band limit off: only the aggregated one is tested
            rig.DeliverNext(CommandRig.Down(1, "04 08"));   // MaxDCycle 8: 1/256
            rig.Send();
            rig.Send();
            Assert.AreEqual("04", CommandRig.FOpts(rig.Sent(1)), "DutyCycleAns = CID 04, no payload");
            Assert.AreEqual(8, rig.Mac.Session.Plan.MaxDutyCycle);
            rig.Send();
            ulong start1 = (ulong)rig.Radio.SentAt[1];
            ulong air1 = (ulong)rig.Radio.TxDoneAt[1] - start1;
            ulong start2 = (ulong)rig.Radio.SentAt[2];
            Assert.IsTrue(start2 - start1 >= air1 * 256UL, "aggregated duty cycle 1/256: waited " + (start2 - start1).ToString() + " µs after " + air1.ToString() + " µs on air");
            Assert.IsTrue(start2 - start1 < air1 * 256UL + 1000000UL, "and not much more");
            // Before the request the second uplink followed the first as soon as its windows were over.
            Assert.IsTrue(start1 - (ulong)rig.Radio.SentAt[0] < 4000000UL, "no wait before DutyCycleReq");
        }

        [TestMethod]
        public void DutyCycleReq_DutyCycleRestMsIncludesTheAggregatedTimeOff()
        {
            // What a deep-sleeping sketch sleeps must cover DutyCycleReq's limit too, not only the sub-bands'.
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.Mac.DutyCycle.Enabled = false;   // sub-band limits off: only the aggregated one can make it rest
            rig.DeliverNext(CommandRig.Down(1, "04 08"));   // MaxDCycle 8: 1/256
            rig.Send();
            rig.Send();
            ulong start = (ulong)rig.Radio.SentAt[1];
            ulong air = (ulong)rig.Radio.TxDoneAt[1] - start;
            long expectMs = (long)((start + air * 256UL - rig.Scheduler.NowMicroseconds) / 1000UL);
            long rest = rig.Device.DutyCycleRestMs;
            Assert.IsTrue(rest >= expectMs && rest <= expectMs + 2, "rest " + rest.ToString() + " ms, aggregated time-off ends in " + expectMs.ToString() + " ms");
        }

        // ---- RXParamSetupReq (§5.5) ----

        [TestMethod]
        public void RxParamSetupReq_Accepted_NextUplinkUsesRx1OffsetAndTheNewRx2()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            // DLsettings 0x23: RX1DROffset 2, RX2 DR3; RX2 frequency 868.3 MHz.
            rig.DeliverNext(CommandRig.Down(1, "05 23 F87D84"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0507", CommandRig.FOpts(rig.Sent(-1)), "RXParamSetupAns: all three ACK");
            int n = rig.Radio.RxOpenedAt.Count;
            Assert.AreEqual(9, (int)rig.Radio.RxSf[n - 2], "RX1 at DR5 − 2 = DR3 (SF9)");
            Assert.AreEqual(868300000u, (uint)rig.Radio.RxFrequency[n - 1], "RX2 frequency");
            Assert.AreEqual(9, (int)rig.Radio.RxSf[n - 1], "RX2 DR3 (SF9)");
        }

        [TestMethod]
        [DataRow("05 23 E61842", "0506", "433.175 MHz is not an EU868 frequency: channel NACK")]
        [DataRow("05 2F F87D84", "0505", "RX2 DR15 is RFU: RX2 data rate NACK")]
        [DataRow("05 28 F87D84", "0505", "RX2 DR8 is LR-FHSS, uplink only: RX2 data rate NACK")]
        [DataRow("05 63 F87D84", "0503", "RX1DROffset 6 (EU868 allows 0..5): offset NACK")]
        [DataRow("05 7F E61842", "0500", "all three wrong")]
        public void RxParamSetupReq_Rejected_NackBitsAndRx2Unchanged(string request, string answer, string why)
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, request));
            rig.Send();
            rig.Send();
            Assert.AreEqual(answer, CommandRig.FOpts(rig.Sent(-1)), why);
            int n = rig.Radio.RxOpenedAt.Count;
            Assert.AreEqual(7, (int)rig.Radio.RxSf[n - 2], "RX1 offset unchanged (DR5): " + why);
            Assert.AreEqual(869525000u, (uint)rig.Radio.RxFrequency[n - 1], "RX2 frequency unchanged: " + why);
            Assert.AreEqual(12, (int)rig.Radio.RxSf[n - 1], "RX2 DR0 unchanged: " + why);
        }

        // ---- DevStatusReq (§5.6) ----

        static int Battery() { return 0x80; }

        static int OtherBattery() { return 0x11; }

        [TestMethod]
        public void DevStatusReq_BatteryProvider_IsTheOneWiredAtConstruction()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), new VirtualScheduler(), Battery);
            rig.Wiring.BatteryLevel = OtherBattery;   // the MAC read its wiring once: nothing can swap the provider afterwards
            rig.DeliverNext(CommandRig.Down(1, "06"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("068005", CommandRig.FOpts(rig.Sent(-1)), "DevStatusAns: battery 0x80 from the provider wired at construction");
        }

        [TestMethod]
        public void DevStatusReq_AnswersBatteryFromTheProviderAndTheDownlinkSnr()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), new VirtualScheduler(), Battery);
            rig.DeliverNext(CommandRig.Down(1, "06"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("068005", CommandRig.FOpts(rig.Sent(-1)), "DevStatusAns: battery 0x80, margin +5 dB");
        }

        [TestMethod]
        public void DevStatusReq_WithoutProvider_ReportsUnknownBattery()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "06"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("06FF05", CommandRig.FOpts(rig.Sent(-1)), "battery 255 = cannot measure");
        }

        [TestMethod]
        [DataRow(-30, "06FF38", "−7.5 dB rounds to −8: 6-bit two's complement 111000")]
        [DataRow(-200, "06FF20", "−50 dB clamps to −32: 100000")]
        [DataRow(200, "06FF1F", "+50 dB clamps to +31: 011111")]
        [DataRow(6, "06FF02", "+1.5 dB rounds to +2")]
        public void DevStatusAns_MarginIsASixBitSignedWholeDb(int snrQuarterDb, string answer, string why)
        {
            Region region = Region.Create("EU868");
            ChannelPlan plan = region.CreateChannelPlan();
            var session = new DeviceSession(new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), plan);
            var processor = new MacCommandProcessor(region, plan, session, new MacAnswers(), LoRaWanVersion.V1_0_4);
            processor.Process(new byte[] { 0x06 }, 0, 1, snrQuarterDb, 255);
            Assert.AreEqual(answer, Hex.ToString(processor.Answers.FreshBuffer, 0, processor.Answers.FreshLength), why);
        }

        // ---- NewChannelReq (§5.7) ----

        [TestMethod]
        public void NewChannelReq_Accepted_TheNewChannelCarriesTheNextUplink()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            // Channel 3 = 867.1 MHz, DR0..5; then a LinkADRReq enabling channel 3 only.
            rig.DeliverNext(CommandRig.Down(1, "07 03 184F84 50 03 50 0800 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0703" + "0307", CommandRig.FOpts(rig.Sent(-1)), "NewChannelAns: data rate range and frequency OK");
            Assert.AreEqual(867100000u, (uint)rig.TxFrequency[rig.TxFrequency.Count - 1], "uplink on the new channel");
            Assert.AreEqual(867100000u, (uint)rig.Radio.RxFrequency[rig.Radio.RxFrequency.Count - 2], "RX1 on the uplink frequency");
        }

        [TestMethod]
        [DataRow("07 00 184F84 50", "0700", "channel 0 is a default channel and cannot be changed")]
        [DataRow("07 03 E8D384 50", "0702", "870.5 MHz is outside EU868: frequency NACK")]
        [DataRow("07 03 184F84 25", "0701", "MinDR 5 > MaxDR 2: data rate range NACK")]
        [DataRow("07 03 184F84 C0", "0701", "MaxDR 12 is RFU in EU868: data rate range NACK")]
        public void NewChannelReq_Rejected_NackBitsAndNoChannelAdded(string request, string answer, string why)
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, request));
            rig.Send();
            rig.Send();
            Assert.AreEqual(answer, CommandRig.FOpts(rig.Sent(-1)), why);
            Assert.AreEqual(3, rig.Mac.Session.Plan.EnabledCount, "still the three default channels: " + why);
            Assert.AreEqual(868100000u, rig.Mac.Session.Plan.GetFrequency(0), "channel 0 untouched: " + why);
        }

        [TestMethod]
        public void NewChannelReq_InUs915_IsIgnoredWithoutAnswer()
        {
            // RP002-1.0.4 US902-928: NewChannelReq is not implemented; the device does not answer it.
            var rig = new CommandRig("US915", CommandRig.Adr(0));
            rig.DeliverNext(CommandRig.Down(1, "07 03 184F84 50 06"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("06FF05", CommandRig.FOpts(rig.Sent(-1)), "only the DevStatusReq after it is answered");
            Assert.AreEqual(1, rig.Mac.Commands.Ignored);
        }

        // ---- RXTimingSetupReq (§5.8) ----

        [TestMethod]
        public void RxTimingSetupReq_NextUplinkOpensRx1ThreeSecondsAfterTxDone()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "08 03"));   // Del = 3 s
            rig.Send();
            rig.Send();
            Assert.AreEqual("08", CommandRig.FOpts(rig.Sent(-1)), "RXTimingSetupAns = CID 08, no payload");
            ulong txDone = (ulong)rig.Radio.TxDoneAt[rig.Radio.TxDoneAt.Count - 1];
            int n = rig.Radio.RxOpenedAt.Count;
            // DR5 RX1 opens 30 ms early, DR0 RX2 31 ms late (window formula, see ClassAMacTests).
            Assert.AreEqual(txDone + 3000000UL - 30000UL, (ulong)rig.Radio.RxOpenedAt[n - 2], "RX1 = TxDone + 3 s");
            Assert.AreEqual(txDone + 4000000UL + 31000UL, (ulong)rig.Radio.RxOpenedAt[n - 1], "RX2 = TxDone + 4 s");
        }

        // ---- TxParamSetupReq (§5.9 / RP002) ----

        [TestMethod]
        public void TxParamSetupReq_InEu868_IsIgnoredWithoutAnswer()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "09 0B"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(-1)), "EU868 does not implement TxParamSetupReq");
            Assert.AreEqual(14, CommandRig.At(rig.TxPower, -1), "max EIRP unchanged (16 dBm)");
        }

        [TestMethod]
        public void TxParamSetupReq_InAs923_DwellOffAndMaxEirp27()
        {
            var rig = new CommandRig("AS923-1", CommandRig.Adr(2));
            Assert.AreEqual(11, rig.Device.MaxPayload, "RP002 AS923 DR2 with 400 ms dwell time: N = 11");
            // EIRP_DwellTime 0x0B: no dwell limits, MaxEIRP index 11 = 27 dBm (Table of §5.9).
            rig.DeliverNext(CommandRig.Down(1, "09 0B"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("09", CommandRig.FOpts(rig.Sent(-1)), "TXParamSetupAns = CID 09, no payload");
            Assert.AreEqual(27 - 2, CommandRig.At(rig.TxPower, -1), "TXPower 0 = the new max EIRP 27 dBm");
            Assert.AreEqual(115, rig.Device.MaxPayload, "RP002 AS923 DR2 without dwell time: N = 115");
            rig.Send();
            Assert.AreEqual("09", CommandRig.FOpts(rig.Sent(-1)), "TXParamSetupAns is repeated until a downlink");
        }

        // ---- DlChannelReq (§5.7 of 1.0.4, "DlChannelReq") ----

        [TestMethod]
        public void DlChannelReq_Accepted_Rx1OfThatChannelMoves()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            // RX1 of channel 0 → 869.525 MHz (8695250 = 0x84ADD2); LinkADRReq: channel 0 only.
            rig.DeliverNext(CommandRig.Down(1, "0A 00 D2AD84 03 50 0100 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0A03" + "0307", CommandRig.FOpts(rig.Sent(-1)), "DlChannelAns: uplink frequency exists, frequency OK");
            Assert.AreEqual(868100000u, (uint)rig.TxFrequency[rig.TxFrequency.Count - 1], "uplink on channel 0");
            Assert.AreEqual(869525000u, (uint)rig.Radio.RxFrequency[rig.Radio.RxFrequency.Count - 2], "RX1 on the DlChannelReq frequency");
        }

        [TestMethod]
        [DataRow("0A 09 D2AD84", "0A01", "channel 9 has no uplink frequency")]
        [DataRow("0A 00 E61842", "0A02", "433.175 MHz is not an EU868 frequency")]
        public void DlChannelReq_Rejected_NackBits(string request, string answer, string why)
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, request + " 03 50 0100 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual(answer + "0307", CommandRig.FOpts(rig.Sent(-1)), why);
            Assert.AreEqual(868100000u, (uint)rig.Radio.RxFrequency[rig.Radio.RxFrequency.Count - 2], "RX1 still on the uplink frequency: " + why);
        }

        // ---- DeviceTimeReq / DeviceTimeAns (§5.10 of 1.0.4) ----

        static uint _gpsSeconds;
        static int _gpsFraction;

        [TestMethod]
        public void DeviceTime_AnswerIsAnchoredToTheEndOfTheUplinkThatAsked()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            _gpsSeconds = 0;
            rig.Device.OnNetworkTime += (s, seconds, fraction) => { _gpsSeconds = seconds; _gpsFraction = fraction; };
            Assert.IsTrue(rig.Device.RequestDeviceTime());
            // DeviceTimeAns: 0x53D6C200 = 1406583296 s since the GPS epoch, fraction 0x80 = 0.5 s.
            rig.DeliverNext(CommandRig.Down(1, "0D 00C2D653 80"));
            rig.Send();
            Assert.AreEqual("0D", CommandRig.FOpts(rig.Sent(0)), "DeviceTimeReq = CID 0D");
            Assert.AreEqual(1406583296u, _gpsSeconds);
            Assert.AreEqual(128, _gpsFraction);
            rig.Runner.Sleep(10000);
            ulong txDone = (ulong)rig.Radio.TxDoneAt[0];
            ulong now = rig.Scheduler.NowMicroseconds;
            long gpsMs;
            Assert.IsTrue(rig.Device.TryGetNetworkTime(out gpsMs));
            long expected = 1406583296L * 1000L + 500L + (long)((now - txDone) / 1000UL);
            Assert.AreEqual(expected, gpsMs, "GPS time = answer + time since the uplink's TxDone");
        }

        [TestMethod]
        public void DeviceTime_UnaskedAnswerIsIgnored_AndLoRaWan102CannotAsk()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "0D 00C2D653 80"));
            rig.Send();
            long gpsMs;
            Assert.IsFalse(rig.Device.TryGetNetworkTime(out gpsMs), "no DeviceTimeReq was sent");
            LoRaWanOptions o = CommandRig.Adr(5);
            o.Version = LoRaWanVersion.V1_0_2;
            Assert.IsFalse(new CommandRig("EU868", o).Device.RequestDeviceTime(), "DeviceTimeReq exists since LoRaWAN 1.0.3");
        }

        [TestMethod]
        public void UnknownCommand_StopsProcessingTheRest()
        {
            // 0x0C ADRParamSetupReq is LoRaWAN 1.1: unknown to a 1.0.4 device, so the DevStatusReq after it is not reached.
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "04 01 0C 44 06"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("04", CommandRig.FOpts(rig.Sent(-1)), "DutyCycleReq before it is answered, nothing after");
            Assert.AreEqual(1, rig.Mac.Commands.Stopped);
        }

        [TestMethod]
        public void DeviceTimeRequestedRightAfterARejoin_IsAnswered()
        {
            var rig = new WorldRig("EU868", 31, LoRaWanVersion.V1_0_4);
            rig.PowerOn(WorldRig.Options("EU868", 31));
            Assert.IsTrue(rig.Device.Join(120000));
            Assert.IsTrue(rig.Device.Send(1, new byte[] { 1 }, false, 60000).Succeeded);
            Assert.IsTrue(rig.Device.Join(120000), "rejoined");
            rig.Device.RequestDeviceTime();
            bool answered = false;
            rig.Device.OnNetworkTime += (s, seconds, fraction) => { answered = true; };
            rig.Device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.IsTrue(answered, "DeviceTimeAns received");
        }
    }
}
