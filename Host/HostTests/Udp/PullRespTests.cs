using System;
using System.Text;
using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// PULL_RESP → the air and the TX_ACK answer (PROTOCOL.TXT v2 §5.4, §5.5, §6): a txpk starts on the air exactly
    /// when the gateway counter reads its tmst; TX_ACK echoes the token, carries the gateway EUI and the txpk_ack
    /// error, with the packet forwarder's limits (jitqueue.c: at least 32.5 ms ahead, at most 512 s ahead).
    /// </summary>
    [TestClass]
    public class PullRespTests
    {
        const uint Counter0 = 0x00100000;

        static string TxAckJson(byte[] ack) => Encoding.ASCII.GetString(ack, 12, ack.Length - 12);

        [TestMethod]
        public void Txpk_StartsOnTheAirAtItsTmst_AndIsAnsweredNone()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Scheduler.RunFor(250000);
            // 500 ms from now on the gateway counter: the counter is virtual time + Counter0.
            uint tmst = Counter0 + 250000 + 500000;
            rig.Deliver(ForwarderRig.PullResp(0xBEEF, ForwarderRig.Txpk(tmst)));

            Assert.AreEqual(1, rig.Link.Sent.Count, "one answer");
            byte[] ack = rig.Link.Sent[0];
            // version 2, the PULL_RESP's token, TX_ACK 0x05, gateway EUI AA555A0000000101 MSB first
            CollectionAssert.AreEqual(new byte[] { 2, 0xBE, 0xEF, 0x05, 0xAA, 0x55, 0x5A, 0x00, 0x00, 0x00, 0x01, 0x01 }, ack[..12], "TX_ACK header");
            Assert.AreEqual("{\"txpk_ack\":{\"error\":\"NONE\"}}", TxAckJson(ack));

            rig.Scheduler.RunFor(2000000);
            Assert.AreEqual(1, rig.OnAir.Frames.Count);
            var f = rig.OnAir.Frames[0];
            Assert.AreEqual(750000UL, f.StartUs, "preamble starts when the counter reads tmst");
            Assert.AreEqual(868100000u, f.FrequencyHz);
            Assert.AreEqual(7, f.Sf);
            Assert.AreEqual(125000, f.BwHz);
            Assert.IsTrue(f.InvertIq, "ipol true");
            Assert.IsTrue(f.Crc, "ncrc absent: CRC on, as in the packet forwarder");
            Assert.AreEqual(14, f.PowerDbm);
            CollectionAssert.AreEqual(new byte[] { 0x20, 1, 2, 3, 4 }, f.Payload);
            Assert.AreEqual(1, rig.Forwarder.Counters.DownlinksEmitted);
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None));
        }

        [TestMethod]
        public void Txpk_NcrcTrueAndUnpaddedBase64_AreHonoured()
        {
            var rig = new ForwarderRig(Counter0);
            // "IAECAwQ" is "IAECAwQ=" without its padding (PROTOCOL.TXT: padding optional).
            rig.Deliver(ForwarderRig.PullResp(1, ForwarderRig.Txpk(Counter0 + 100000, "IAECAwQ", 5, "869.525", 27, ",\"ncrc\":true")));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None));
            rig.Scheduler.RunFor(1000000);
            var f = rig.OnAir.Frames[0];
            Assert.IsFalse(f.Crc, "ncrc true: no payload CRC");
            Assert.AreEqual(869525000u, f.FrequencyHz);
            Assert.AreEqual(27, f.PowerDbm);
            CollectionAssert.AreEqual(new byte[] { 0x20, 1, 2, 3, 4 }, f.Payload);
        }

        [TestMethod]
        public void Tmst_AcrossTheCounterWrap_IsPlacedCorrectly()
        {
            // The counter wraps 100 ms after virtual time 0.
            var rig = new ForwarderRig(0xFFFFFFFFu - 99999u);
            rig.Scheduler.RunFor(50000);
            // 1 s after virtual 0 the counter reads 1 000 000 − 100 000 = 900 000.
            rig.Deliver(ForwarderRig.PullResp(2, ForwarderRig.Txpk(900000)));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None));
            rig.Scheduler.RunFor(2000000);
            Assert.AreEqual(1000000UL, rig.OnAir.Frames[0].StartUs);
        }

        [TestMethod]
        public void Tmst_PastOrTooClose_IsTooLate()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Scheduler.RunFor(2000000);
            uint now = Counter0 + 2000000;
            rig.Deliver(ForwarderRig.PullResp(0x0A01, ForwarderRig.Txpk(now - 1)));
            rig.Deliver(ForwarderRig.PullResp(0x0A02, ForwarderRig.Txpk(now - 1500000)));
            // 30 ms ahead: less than TX_START_DELAY + TX_MARGIN_DELAY + TX_JIT_DELAY = 32.5 ms.
            rig.Deliver(ForwarderRig.PullResp(0x0A03, ForwarderRig.Txpk(now + 30000)));
            rig.Deliver(ForwarderRig.PullResp(0x0A04, ForwarderRig.Txpk(now + 32500)));
            Assert.AreEqual(4, rig.Forwarder.Counters.TxAcks(TxAckError.TooLate));
            foreach (byte[] ack in rig.Link.OfType(0x05))
                Assert.AreEqual("{\"txpk_ack\":{\"error\":\"TOO_LATE\"}}", TxAckJson(ack));
            // Just enough lead.
            rig.Deliver(ForwarderRig.PullResp(0x0A05, ForwarderRig.Txpk(now + 32501)));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None));
            rig.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, rig.OnAir.Frames.Count, "only the timely one is sent");
        }

        [TestMethod]
        public void Tmst_MoreThan512sAhead_IsTooEarly()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x0B01, ForwarderRig.Txpk(Counter0 + 512000001)));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.TooEarly));
            Assert.AreEqual("{\"txpk_ack\":{\"error\":\"TOO_EARLY\"}}", TxAckJson(rig.Link.Sent[0]));
            rig.Deliver(ForwarderRig.PullResp(0x0B02, ForwarderRig.Txpk(Counter0 + 512000000)));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None), "512 s is still accepted");
        }

        [TestMethod]
        public void FrequencyOutsideTheRegion_IsTxFreq()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x0C01, ForwarderRig.Txpk(Counter0 + 500000, freq: "923.3")));
            rig.Deliver(ForwarderRig.PullResp(0x0C02, ForwarderRig.Txpk(Counter0 + 600000, freq: "862.9")));
            Assert.AreEqual(2, rig.Forwarder.Counters.TxAcks(TxAckError.TxFreq));
            Assert.AreEqual("{\"txpk_ack\":{\"error\":\"TX_FREQ\"}}", TxAckJson(rig.Link.Sent[0]));
            rig.Scheduler.RunFor(1000000);
            Assert.AreEqual(0, rig.OnAir.Frames.Count);
        }

        [TestMethod]
        public void PowerAboveTheGatewayMaximum_IsTxPower()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x0D01, ForwarderRig.Txpk(Counter0 + 500000, powe: 31)));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.TxPower));
            Assert.AreEqual("{\"txpk_ack\":{\"error\":\"TX_POWER\"}}", TxAckJson(rig.Link.Sent[0]));
        }

        [TestMethod]
        public void GpsTimeWithoutTmst_IsGpsUnlocked()
        {
            var rig = new ForwarderRig(Counter0);
            string json = "{\"txpk\":{\"time\":\"2026-11-21T06:37:20.000000Z\",\"freq\":868.1,\"powe\":14,\"modu\":\"LORA\",\"datr\":\"SF7BW125\",\"codr\":\"4/5\",\"ipol\":true,\"size\":1,\"data\":\"AA==\"}}";
            rig.Deliver(ForwarderRig.PullResp(0x0E01, json));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.GpsUnlocked));
            Assert.AreEqual("{\"txpk_ack\":{\"error\":\"GPS_UNLOCKED\"}}", TxAckJson(rig.Link.Sent[0]));
        }

        [TestMethod]
        public void OverlappingDownlinks_SecondIsCollisionPacket()
        {
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x0F01, ForwarderRig.Txpk(Counter0 + 500000)));
            // 20 ms later: inside the first frame's air time plus the next one's 31.5 ms pre-delay.
            rig.Deliver(ForwarderRig.PullResp(0x0F02, ForwarderRig.Txpk(Counter0 + 520000)));
            // 1 s later: free.
            rig.Deliver(ForwarderRig.PullResp(0x0F03, ForwarderRig.Txpk(Counter0 + 1500000)));
            Assert.AreEqual(2, rig.Forwarder.Counters.TxAcks(TxAckError.None));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.CollisionPacket));
            Assert.AreEqual("{\"txpk_ack\":{\"error\":\"COLLISION_PACKET\"}}", TxAckJson(rig.Link.Sent[1]));
            rig.Scheduler.RunFor(3000000);
            Assert.AreEqual(2, rig.OnAir.Frames.Count);
        }

        const string ImmeSf9 = "{\"txpk\":{\"imme\":true,\"freq\":869.525,\"powe\":14,\"modu\":\"LORA\",\"datr\":\"SF9BW125\",\"codr\":\"4/5\",\"ipol\":true,\"size\":1,\"data\":\"AA\"}}";

        [TestMethod]
        public void Immediate_IsProgrammedOneSecondAhead_AsThePacketForwarder()
        {
            // sx1302_hal jitqueue.c jit_enqueue, JIT_PKT_TYPE_DOWNLINK_CLASS_C: "An immediate downlink becomes a
            // timestamped downlink ASAP", asap_count_us = time_us + 1E6 ("Take 1 second margin").
            var rig = new ForwarderRig(Counter0);
            rig.Scheduler.RunFor(10000);
            rig.Deliver(ForwarderRig.PullResp(0x1001, ImmeSf9));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None));
            rig.Scheduler.RunFor(2000000);
            Assert.AreEqual(1, rig.OnAir.Frames.Count);
            Assert.AreEqual(10000UL + 1000000UL, rig.OnAir.Frames[0].StartUs, "1 s after the PULL_RESP");
            Assert.AreEqual(9, rig.OnAir.Frames[0].Sf);
        }

        [TestMethod]
        public void FskTxpk_IsSentAsLoRaWanGfsk()
        {
            // PROTOCOL.TXT FSK txpk: "datr" the bit rate as a number, "fdev" the deviation; RP002 GFSK 50 kbit/s / 25 kHz.
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x1002, "{\"txpk\":{\"imme\":true,\"freq\":868.8,\"powe\":14,\"modu\":\"FSK\",\"datr\":50000,\"fdev\":25000,\"size\":4,\"data\":\"AQIDBA==\"}}"));
            Assert.AreEqual(1, rig.Forwarder.Counters.TxAcks(TxAckError.None));
            rig.Scheduler.RunFor(1000000);
            Assert.AreEqual(1, rig.OnAir.Frames.Count);
            var f = rig.OnAir.Frames[0];
            Assert.AreEqual(0, f.Sf, "no spreading factor: GFSK");
            Assert.AreEqual(868800000u, f.FrequencyHz);
            Assert.IsTrue(f.Crc, "FSK frames carry their CRC");
            // (5 + 3 + 1 + 4 + 2) bytes · 160 µs = 2400 µs.
            Assert.AreEqual(f.StartUs + 2400UL, f.EndUs, "air time");
        }

        [TestMethod]
        public void Immediate_CollidingWithAProgrammedDownlink_GoesRightAfterIt()
        {
            // jit_enqueue: when now + 1 s collides, the packet goes after a programmed one, at its count_us + post_delay
            // (air time) + pre_delay (TX_START_DELAY 1.5 ms + TX_JIT_DELAY 30 ms) + TX_JIT_DELAY + TX_MARGIN_DELAY 1 ms;
            // never COLLISION_PACKET.
            var rig = new ForwarderRig(Counter0);
            rig.Deliver(ForwarderRig.PullResp(0x1101, ForwarderRig.Txpk(Counter0 + 1000000)));
            rig.Deliver(ForwarderRig.PullResp(0x1102, ImmeSf9));
            Assert.AreEqual(2, rig.Forwarder.Counters.TxAcks(TxAckError.None), "both accepted");
            rig.Scheduler.RunFor(3000000);
            Assert.AreEqual(2, rig.OnAir.Frames.Count);
            var first = rig.OnAir.Frames[0];
            var second = rig.OnAir.Frames[1];
            Assert.AreEqual(1000000UL, first.StartUs, "the tmst downlink keeps its time");
            Assert.AreEqual(first.EndUs + 1500UL + 30000UL + 30000UL + 1000UL, second.StartUs, "right after the first");
        }

        [TestMethod]
        public void Tmst_MinutesAfterTheLastUplink_IsSentAtItsTime()
        {
            // A Class C server (The Things Stack's gateway server, ScheduleAnytime) sends a tmst at any time on the
            // gateway's counter, not only 1 or 2 s after an uplink; the forwarder takes any tmst from 32.5 ms to 512 s ahead.
            var rig = new ForwarderRig(Counter0);
            rig.Scheduler.RunFor(300000000); // five minutes without an uplink
            uint tmst = Counter0 + 300000000u + 400000u;
            rig.Deliver(ForwarderRig.PullResp(0x1201, ForwarderRig.Txpk(tmst)));
            rig.Deliver(ForwarderRig.PullResp(0x1202, ForwarderRig.Txpk(tmst + 120000000u)));
            Assert.AreEqual(2, rig.Forwarder.Counters.TxAcks(TxAckError.None), "0.4 s and 120.4 s ahead: accepted");
            rig.Scheduler.RunFor(121000000);
            Assert.AreEqual(2, rig.OnAir.Frames.Count);
            Assert.AreEqual(300400000UL, rig.OnAir.Frames[0].StartUs, "at its tmst");
            Assert.AreEqual(420400000UL, rig.OnAir.Frames[1].StartUs, "two minutes later, at its tmst");
        }
    }
}
