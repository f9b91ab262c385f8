using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// No sequence of MAC commands leaves the device unable to send the answers it owes (LoRaWAN 1.0.4 §5). The case that
    /// muted devices: TxParamSetupReq switching UplinkDwellTime on while the device is at DR0 (AS923/AU915: DR0 and DR1
    /// have no payload under the 400 ms dwell time, RP002-1.0.4 maximum payload tables). The data rate is raised to the
    /// dwell-time minimum (DR2), as LoRaMac-node does (LoRaMac.c SRV_MAC_TX_PARAM_SETUP_REQ, PHY_MIN_TX_DR).
    /// </summary>
    [TestClass]
    public class UsableDataRateTests
    {
        const string Test4 = "74657374";

        [TestMethod]
        [DataRow("AS923-1", "03 00 0300 01")]   // LinkADRReq DR0, TXPower 0, channels 0 and 1, NbTrans 1
        [DataRow("AU915", "03 00 FF00 61")]     // LinkADRReq DR0, TXPower 0, ChMaskCntl 6 (all 125 kHz on) + 500 kHz 64..71
        public void TxParamSetupReq_DwellOnAtDr0_RaisesToDr2_AnswerAndPayloadLeave(string regionName, string linkAdrDr0)
        {
            var rig = new CommandRig(regionName, CommandRig.Adr(2));
            // Dwell time off (EIRP_DwellTime 0x05: no dwell limits, MaxEIRP 16 dBm), then ADR steps to DR0.
            rig.DeliverNext(CommandRig.Down(1, "09 05 " + linkAdrDr0));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "at DR0, dwell off");
            Assert.AreEqual(0, CommandRig.At(rig.TxDataRate, -1), "DR0 after LinkADRReq");
            Assert.AreEqual("09" + "0307", CommandRig.FOpts(rig.Sent(-1)), "TXParamSetupAns, LinkADRAns all ACK");

            // Uplink dwell time on (0x15: UplinkDwellTime bit 4, MaxEIRP 16 dBm): DR0 carries nothing any more.
            rig.DeliverNext(CommandRig.Down(2, "09 15"));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            Assert.AreEqual(2, rig.Mac.Session.DataRate, "raised to the dwell-time minimum DR2");
            // RP002-1.0.4 AS923 / AU915 maximum payload, UplinkDwellTime = 1, DR2: M = 19, N = 11.
            Assert.AreEqual(11, rig.Device.MaxPayload, "DR2 under the 400 ms dwell time: N = 11");

            SendResult r = rig.Device.Send(1, CommandRig.Bytes(Test4), false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "the application can still send");
            Assert.AreEqual(2, CommandRig.At(rig.TxDataRate, -1), "on air at DR2");
            Assert.AreEqual("09", CommandRig.FOpts(rig.Sent(-1)), "the owed TXParamSetupAns rides along");
        }

        [TestMethod]
        public void TxParamSetupReq_DwellOn_TheMacsOwnEmptyUplinkCarriesTheAnswer()
        {
            LoRaWanOptions o = CommandRig.Adr(2);
            o.EmptyAckUplinkDelayMs = 1000;
            var rig = new CommandRig("AS923-1", o);
            rig.DeliverNext(CommandRig.Down(1, "09 05 03 00 0300 01"));
            rig.Send();
            // The answers of that downlink owe an uplink: the MAC's own empty one, at DR0, whose RX1 brings dwell-on.
            rig.DeliverNext(CommandRig.Down(2, "09 15"));
            RunFor(rig, 60000);
            Assert.AreEqual(3, rig.Radio.Sent.Count, "the application uplink, then two empty uplinks with answers");
            Assert.AreEqual(0, CommandRig.At(rig.TxDataRate, 1), "the first answer uplink at DR0 (dwell off)");
            Assert.AreEqual(2, CommandRig.At(rig.TxDataRate, 2), "the TXParamSetupAns uplink at DR2");
            Assert.AreEqual("09", CommandRig.FOpts(rig.Sent(2)), "carrying TXParamSetupAns");
        }

        [TestMethod]
        public void RestoredSession_Dr0UnderDwellTime_IsRaisedToDr2()
        {
            var first = new CommandRig("AS923-1", CommandRig.Adr(2));
            first.DeliverNext(CommandRig.Down(1, "09 05 03 00 0300 01"));
            first.Send();
            first.Send();
            Assert.AreEqual(0, first.Mac.Session.DataRate);
            // A session persisted by an older firmware: DR0 with the uplink dwell time on.
            first.Mac.Session.Plan.UplinkDwellTime = true;
            first.Mac.Session.SaveState();

            var second = new CommandRig("AS923-1", CommandRig.Adr(2), first.Flash, new VirtualScheduler());
            Assert.IsTrue(second.Mac.Session.Plan.UplinkDwellTime, "the restored plan keeps the dwell time");
            Assert.AreEqual(2, second.Mac.Session.DataRate, "restored at DR2, not DR0");
            Assert.AreEqual(11, second.Device.MaxPayload, "RP002-1.0.4 AS923 DR2 with dwell time: N = 11");
            Assert.AreEqual((int)SendStatus.Sent, (int)second.Send().Status);
            Assert.AreEqual(2, CommandRig.At(second.TxDataRate, -1));
        }

        [TestMethod]
        [DataRow("AS923-1")]
        [DataRow("AU915")]
        public void AdrBackoff_UnderDwellTime_StopsAtDr2(string regionName)
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            o.AdrAckLimit = 1;
            o.AdrAckDelay = 1;   // ADR_ACK_CNT 2: power; 3, 4, 5: DR4, DR3, DR2; then the default channels
            var rig = new CommandRig(regionName, o);
            for (int i = 0; i < 12; i++) Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "uplink " + i.ToString());
            for (int i = 0; i < rig.TxDataRate.Count; i++)
                Assert.IsTrue(CommandRig.At(rig.TxDataRate, i) >= 2, "never below DR2 under the boot dwell time, uplink " + i.ToString());
            Assert.AreEqual(2, CommandRig.At(rig.TxDataRate, -1), "the back-off ends at DR2");
        }

        [TestMethod]
        public void NewChannelReq_RemovesTheOnlyChannelOfTheRate_DefaultChannelsComeBack()
        {
            // EU868 at DR5 on channel 3 only; NewChannelReq then removes channel 3 (frequency 0): no enabled channel
            // carries DR5. The default channels come back (LoRaMac-node RegionEU868NextChannel "restore defaults").
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.Mac.DutyCycle.Enabled = false;
            // NewChannelReq ch 3 = 867.1 MHz (8671000 = 0x844F18), DR0..5; LinkADRReq DR5, channel 3 only.
            rig.DeliverNext(CommandRig.Down(1, "07 03 184F84 50 03 50 0800 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual(867100000u, (uint)rig.TxFrequency[rig.TxFrequency.Count - 1], "on channel 3 only");
            rig.DeliverNext(CommandRig.Down(2, "07 03 000000 00"));
            rig.Send();
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "still sends");
            Assert.AreEqual(5, CommandRig.At(rig.TxDataRate, -1), "the network's data rate is kept");
            uint f = (uint)rig.TxFrequency[rig.TxFrequency.Count - 1];
            Assert.IsTrue(f == 868100000u || f == 868300000u || f == 868500000u, "on a default channel: " + f.ToString());
            Assert.AreEqual("0703", CommandRig.FOpts(rig.Sent(-1)), "NewChannelAns both ACK");
        }

        /// <summary>
        /// Property: random sequences of MAC commands (LinkADRReq blocks with random masks and rates, TxParamSetupReq,
        /// NewChannelReq, DlChannelReq, RXTimingSetupReq, DutyCycleReq, DevStatusReq) never leave the
        /// device unable to send: after every downlink the answers it owes go on air by themselves in an empty uplink
        /// (the MAC's idle alarm) at a data rate the dwell time allows, and an application uplink is accepted.
        /// </summary>
        [TestMethod]
        [DataRow("AS923-1", 401)]
        [DataRow("AU915", 402)]
        [DataRow("US915", 403)]
        [DataRow("EU868", 404)]
        public void RandomCommandSequences_OwedAnswersAlwaysLeave(string regionName, int seed)
        {
            LoRaWanOptions o = CommandRig.Adr(2);
            o.EmptyAckUplinkDelayMs = 1000;
            var rig = new CommandRig(regionName, o);
            rig.Mac.DutyCycle.Enabled = false;
            var random = new XorShiftRandom((uint)seed);
            Region region = rig.Region;
            uint fCnt = 1;
            int ownUplinks = 0;
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "first uplink");
            for (int round = 0; round < 150; round++)
            {
                // The downlink goes into the windows of the next uplink: the MAC's own empty one when it owes answers
                // (to the previous round's commands), otherwise an application uplink.
                string commands = RandomCommands(random, region);
                rig.DeliverNext(CommandRig.Down(fCnt++, commands));
                string at = " (round " + round.ToString() + ", " + regionName + ", delivering \"" + commands + "\")";
                int before = rig.Radio.Sent.Count;
                bool dwell = rig.Mac.Session.Plan.UplinkDwellTime;   // as when the next uplink goes on air
                if (rig.Mac.Answers.FreshLength > 0)
                {
                    RunUntilSentAndIdle(rig, before, 60000);
                    Assert.IsTrue(rig.Radio.Sent.Count > before, "the owed answers went on air by themselves" + at);
                    DataFrame f = CommandRig.Read(rig.Sent(before));
                    Assert.IsTrue(f.FOptsLength > 0 || f.FPort == 0, "the empty uplink carries the answers" + at);
                    ownUplinks++;
                }
                else
                {
                    SendResult r = rig.Device.Send(1, CommandRig.Bytes(Test4), false, 3600000);
                    Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "an application uplink is sent" + at);
                }
                ChannelPlan plan = rig.Mac.Session.Plan;
                int dr = CommandRig.At(rig.TxDataRate, -1);
                Assert.IsTrue(region.GetMaxMacPayload(dr, dwell) > 0, "DR" + dr.ToString() + " allowed under the dwell time" + at);
                Assert.IsTrue(region.IsDataRateAvailable(plan, rig.Mac.Session.DataRate), "session rate usable" + at);
                Assert.IsTrue(rig.Device.MaxPayload >= 11, "MaxPayload " + rig.Device.MaxPayload.ToString() + at);
            }
            Assert.IsTrue(ownUplinks > 30, "the MAC's own answer uplinks were exercised: " + ownUplinks.ToString());
        }

        /// <summary>Runs virtual time in small steps until a frame after <paramref name="before"/> is out and the MAC is idle.</summary>
        static void RunUntilSentAndIdle(CommandRig rig, int before, int maxMs)
        {
            for (int t = 0; t < maxMs; t += 200)
            {
                RunFor(rig, 200);
                if (rig.Radio.Sent.Count > before && rig.Mac.State == MacState.Idle) return;
            }
        }

        static void RunFor(CommandRig rig, int ms)
        {
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + (ulong)ms * 1000UL);
        }

        /// <summary>One to three random commands (≤ 15 bytes, FOpts) with plausible and implausible fields.</summary>
        static string RandomCommands(XorShiftRandom random, Region region)
        {
            string commands = "";
            int count = 1 + random.Next(3);
            int bytes = 0;
            for (int i = 0; i < count; i++)
            {
                int kind = random.Next(8);
                string c;
                switch (kind)
                {
                    case 0:
                    case 1:
                        {
                            // LinkADRReq: DR 0..15 (15 = keep), TXPower 0..15, a mask biased to interesting values.
                            int drPower = (random.Next(16) << 4) | random.Next(16);
                            int mask;
                            int pick = random.Next(5);
                            if (pick == 0) mask = 0;
                            else if (pick == 1) mask = 0xFFFF;
                            else if (pick == 2) mask = 1 << random.Next(16);
                            else if (pick == 3) mask = 0x0007;
                            else mask = random.Next(0x10000);
                            int cntl = random.Next(8);
                            int redundancy = (cntl << 4) | random.Next(3);
                            c = "03" + X2(drPower) + X2(mask & 0xFF) + X2(mask >> 8) + X2(redundancy);
                            break;
                        }
                    case 2:
                        c = "09" + X2(random.Next(2) == 0 ? 0x15 : (random.Next(2) == 0 ? 0x05 : random.Next(0x40)));
                        break;
                    case 3:
                        {
                            // NewChannelReq: any index, a channel frequency of the region, 0, or nonsense; any DR range.
                            uint hz = random.Next(3) == 0 ? 0u : (random.Next(4) == 0 ? 433175000u : region.GetDefaultChannelFrequency(0) + 200000u * (uint)random.Next(8));
                            uint v = hz / 100;
                            c = "07" + X2(random.Next(16)) + X2((int)(v & 0xFF)) + X2((int)((v >> 8) & 0xFF)) + X2((int)(v >> 16)) + X2(random.Next(256));
                            break;
                        }
                    case 4:
                        {
                            uint v = (region.GetDefaultChannelFrequency(0) + 200000u * (uint)random.Next(4)) / 100;
                            c = "0A" + X2(random.Next(16)) + X2((int)(v & 0xFF)) + X2((int)((v >> 8) & 0xFF)) + X2((int)(v >> 16));
                            break;
                        }
                    case 5:
                        c = "08" + X2(random.Next(3));   // RXTimingSetupReq, 1..2 s
                        break;
                    case 6:
                        c = "04" + X2(random.Next(3));   // DutyCycleReq MaxDCycle 0..2
                        break;
                    default:
                        c = "06";                         // DevStatusReq
                        break;
                }
                if (bytes + c.Length / 2 > DataFrame.MaxFOptsLength) break;
                bytes += c.Length / 2;
                commands = commands.Length == 0 ? c : commands + " " + c;
            }
            return commands;
        }

        static string X2(int value)
        {
            return ((byte)value).ToString("X2");
        }
    }
}
