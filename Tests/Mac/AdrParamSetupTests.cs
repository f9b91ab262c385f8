using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// ADRParamSetupReq (LoRaWAN 1.1 §5.11): one byte ADRparam, bits 7..4 Limit_exp and 3..0 Delay_exp, ADR_ACK_LIMIT =
    /// 2^Limit_exp and ADR_ACK_DELAY = 2^Delay_exp; answered by ADRParamSetupAns (CID 0x0C, no payload). The back-off
    /// itself is the one of §4.3.1.1 with those two values in place of 64 and 32: ADRACKReq from ADR_ACK_CNT =
    /// ADR_ACK_LIMIT, the default TX power at ADR_ACK_LIMIT + ADR_ACK_DELAY, one data rate lower every further
    /// ADR_ACK_DELAY, the default channels and NbTrans 1 once at the lowest rate. A 1.0.x device does not know CID 0x0C.
    /// The 1.1 device is <see cref="CommandRig"/>'s ABP 1.1 one (ResetInd until ResetConf, LoRaWAN 1.1 §5.1).
    /// </summary>
    [TestClass]
    public class AdrParamSetupTests
    {
        static LoRaWanOptions V11Adr()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            o.Version = LoRaWanVersion.V1_1;
            return o;
        }

        [TestMethod]
        public void Limit4Delay2_AdrAckReqAt4_PowerAt6_OneRateLowerEvery2_DefaultChannelsAt18()
        {
            var rig = new CommandRig("EU868", V11Adr());
            rig.Mac.DutyCycle.Enabled = false;
            // LinkADRReq DR5, TXPower 3, channel 0 only, NbTrans 2; ADRParamSetupReq 0x21: Limit_exp 2, Delay_exp 1.
            // The network's first downlink also answers the ResetInd of the device's first uplink with ResetConf.
            rig.DeliverNext(rig.Downlink(1, CommandRig.ResetConf + " 03 53 0100 02 0C 21"));
            rig.Send();
            Assert.AreEqual("0101", rig.UplinkFOpts(rig.Sent(0)), "ResetInd");
            for (int c = 0; c <= 20; c++)
            {
                int before = rig.Radio.Sent.Count;
                Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status, "uplink with ADR_ACK_CNT " + c.ToString());
                DataFrame f = CommandRig.Read(rig.Sent(-1));
                string at = " at ADR_ACK_CNT " + c.ToString();
                if (c == 0) Assert.AreEqual("03070C", rig.UplinkFOpts(rig.Sent(-1)), "LinkADRAns (all ACKs) and ADRParamSetupAns, no ResetInd");
                Assert.IsTrue(rig.UplinkMicIsValid11(-1, 0), "1.1 MIC" + at);
                Assert.AreEqual(c >= 4, f.AdrAckReq, "ADRACKReq from ADR_ACK_LIMIT = 2^2" + at);
                int dr = c < 8 ? 5 : 4 - (c - 8) / 2;
                if (dr < 0) dr = 0;
                Assert.AreEqual(dr, CommandRig.At(rig.TxDataRate, -1), "data rate" + at);
                Assert.AreEqual(c < 6 ? 16 - 6 - 2 : 16 - 2, CommandRig.At(rig.TxPower, -1), "TX power" + at);
                Assert.AreEqual(c < 18 ? 2 : 1, rig.Radio.Sent.Count - before, "NbTrans" + at);
                Assert.AreEqual(c < 18 ? 1 : 3, rig.Mac.Session.Plan.EnabledCount, "enabled channels" + at);
            }
        }

        [TestMethod]
        public void Exponents0And15_Give1And32768()
        {
            var rig = new CommandRig("EU868", V11Adr());
            rig.DeliverNext(rig.Downlink(1, "0C F0"));   // Limit_exp 15, Delay_exp 0
            rig.Send();
            Assert.AreEqual(32768, rig.Mac.Session.Network.AdrAckLimit(64), "2^15");
            Assert.AreEqual(1, rig.Mac.Session.Network.AdrAckDelay(32), "2^0");
            rig.DeliverNext(rig.DownlinkPort0(2, "0C 0F"));   // Limit_exp 0, Delay_exp 15, on FPort 0 (NwkSEncKey)
            rig.Send();
            Assert.AreEqual(1, rig.Mac.Session.Network.AdrAckLimit(64), "2^0");
            Assert.AreEqual(32768, rig.Mac.Session.Network.AdrAckDelay(32), "2^15");
            rig.Send();
            Assert.IsFalse(CommandRig.Read(rig.Sent(-1)).AdrAckReq, "ADR_ACK_CNT 0: the first uplink after a downlink");
            rig.Send();
            Assert.IsTrue(CommandRig.Read(rig.Sent(-1)).AdrAckReq, "ADR_ACK_CNT 1 = ADR_ACK_LIMIT 2^0");
        }

        [TestMethod]
        public void TheParametersSurviveAReset_InBytes62And63OfTheSessionRecord()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var scheduler = new VirtualScheduler();
            var rig = new CommandRig("EU868", V11Adr(), flash, scheduler);
            rig.DeliverNext(rig.Downlink(1, "0C 21"));
            rig.Send();   // the downlink sets ADR_ACK_LIMIT 4 / ADR_ACK_DELAY 2 and ADR_ACK_CNT 0; both saved with it
            byte[] record = StoredSessionPayload(flash);
            Assert.AreEqual("0121", Hex.ToString(record, 62, 2), "byte 62 bit 0: set by the network; byte 63: ADRparam");

            var after = new CommandRig("EU868", V11Adr(), flash, scheduler);   // reset: same store, same identity
            for (int c = 0; c < 6; c++)
            {
                after.Send();
                Assert.AreEqual(c >= 4, CommandRig.Read(after.Sent(-1)).AdrAckReq, "ADRACKReq from ADR_ACK_CNT 4 after the reset, at " + c.ToString());
            }
        }

        [TestMethod]
        public void ARecordWithZerosInBytes62And63_RestoresTheDefaults64And32()
        {
            // A session record written before any ADRParamSetupReq has zeros in bytes 62..63, as every record of the versions
            // before LoRaWAN 1.1 support had.
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var scheduler = new VirtualScheduler();
            var old = new CommandRig("EU868", V11Adr(), flash, scheduler);
            old.DeliverNext(old.Downlink(1, CommandRig.ResetConf + " 04 00"));   // with DutyCycleReq: the session record is written
            old.Send();
            old.Send();
            Assert.AreEqual("04", old.UplinkFOpts(old.Sent(-1)), "DutyCycleAns, no ResetInd any more");
            Assert.AreEqual("0000", Hex.ToString(StoredSessionPayload(flash), 62, 2));

            var rig = new CommandRig("EU868", V11Adr(), flash, scheduler);
            Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed, "the record was restored (not the defaults of a new personalisation: no ResetInd)");
            Assert.AreEqual(NetworkSettings.NoAdrParam, rig.Mac.Session.Network.AdrParam);
            rig.Mac.DutyCycle.Enabled = false;
            // ADR_ACK_CNT comes back from the counter record: the uplink with DutyCycleAns was one since the last downlink.
            int counted = rig.Mac.Session.AdrAckCounter;
            Assert.AreEqual(1, counted, "ADR_ACK_CNT restored");
            for (int c = 0; c <= 64; c++)
            {
                rig.Send();
                Assert.AreEqual(counted + c >= 64, CommandRig.Read(rig.Sent(-1)).AdrAckReq, "ADR_ACK_LIMIT 64 (RP002-1.0.4 default), at " + (counted + c).ToString());
            }
        }

        [TestMethod]
        public void ResetInd_TheDeviceBackOnItsDefaults_HasTheDefaultAdrAckLimitAndDelayAgain()
        {
            // LoRaWAN 1.1 §5.1: with ResetInd an ABP device says it "has switched back to its default MAC & radio parameters
            // (i.e. the parameters originally programmed into the device at fabrication except for the three frame
            // counters)"; ADR_ACK_LIMIT and ADR_ACK_DELAY are such parameters (§5.11 changes them), so Limit_exp/Delay_exp go
            // back to the device's 64 and 32. The Things Stack does the same on its side (a new MAC state on ResetInd).
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var scheduler = new VirtualScheduler();
            var rig = new CommandRig("EU868", V11Adr(), flash, scheduler);
            rig.DeliverNext(rig.Downlink(1, CommandRig.ResetConf + " 0C 21"));
            rig.Send();
            rig.Send();
            Assert.AreEqual(0x21, rig.Mac.Session.Network.AdrParam);
            Assert.AreEqual("0121", Hex.ToString(StoredSessionPayload(flash), 62, 2), "persisted");

            // Personalised again (another DevAddr): the stored session, read with its ADRparam, is not this device's any
            // more; it starts from its defaults and says so with ResetInd.
            var again = new CommandRig("EU868", V11Adr(), flash, scheduler, null, CommandRig.DevAddr + 1);
            Assert.AreEqual(NetworkSettings.NoAdrParam, again.Mac.Session.Network.AdrParam, "ADRparam back to the defaults");
            again.Mac.DutyCycle.Enabled = false;
            for (int c = 0; c <= 64; c++)
            {
                again.Send();
                Assert.AreEqual("0101", again.UplinkFOpts(again.Sent(-1)), "ResetInd in every uplink, at " + c.ToString());
                Assert.AreEqual(c >= 64, CommandRig.Read(again.Sent(-1)).AdrAckReq, "ADR_ACK_LIMIT 64, not 2^2, at " + c.ToString());
            }
        }

        [TestMethod]
        public void ANewJoinOrPersonalisation_GoesBackToTheDefaults()
        {
            var s = new DeviceSession(new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), LoRaWan.Regions.Region.Create("EU868").CreateChannelPlan());
            s.Network.AdrParam = 0x21;
            s.StartAbp(LoRaWan.Regions.Region.Create("EU868"), 0x49BE7DF1, 1, 0, 0, 1);
            Assert.AreEqual(NetworkSettings.NoAdrParam, s.Network.AdrParam, "StartAbp");
            Assert.AreEqual(64, s.Network.AdrAckLimit(64));
            Assert.AreEqual(32, s.Network.AdrAckDelay(32));
        }

        [TestMethod]
        public void V104_DoesNotKnowCid0C_StopsThereAndKeeps64()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));   // LoRaWAN 1.0.4 (the default)
            int stopped = rig.Mac.Commands.Stopped;
            rig.DeliverNext(CommandRig.Down(1, "06 0C 21"));   // DevStatusReq, then CID 0x0C: unknown to 1.0.x
            rig.Send();
            Assert.AreEqual(stopped + 1, rig.Mac.Commands.Stopped, "the sequence stops at the unknown CID");
            Assert.AreEqual(NetworkSettings.NoAdrParam, rig.Mac.Session.Network.AdrParam);
            for (int c = 0; c < 6; c++) rig.Send();
            Assert.AreEqual("06FF05", CommandRig.FOpts(rig.Sent(1)), "DevStatusAns only (battery unknown, margin 5 dB), no ADRParamSetupAns");
            Assert.IsFalse(CommandRig.Read(rig.Sent(-1)).AdrAckReq, "ADR_ACK_CNT 5 < 64");
        }

        /// <summary>The newest copy of the session record's payload in <paramref name="flash"/> (magic 0x53, after the 10-byte header).</summary>
        internal static byte[] StoredSessionPayload(SimulatedFlash flash)
        {
            byte[] best = null;
            uint bestSeq = 0;
            for (int slot = StoreSlots.Session; slot < StoreSlots.Session + StoreSlots.PerRecord; slot++)
            {
                var raw = new byte[StoreSlots.SlotSize];
                int n = flash.Read(slot, raw, 0, raw.Length);
                if (n < RecordStore.Overhead || raw[0] != 0x53) continue;
                uint seq = (uint)(raw[6] | raw[7] << 8 | raw[8] << 16 | raw[9] << 24);
                if (best != null && seq < bestSeq) continue;
                best = new byte[n - RecordStore.Overhead];
                System.Array.Copy(raw, 10, best, 0, best.Length);
                bestSeq = seq;
            }
            Assert.IsNotNull(best, "a session record");
            return best;
        }
    }
}
