using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The ADR back-off of LoRaWAN 1.0.4 §4.3.1.1 (Table 9) with ADR_ACK_LIMIT 64 and ADR_ACK_DELAY 32, no downlinks:
    /// ADR_ACK_CNT 0..63 nothing; 64.. ADRACKReq; 96 default TX power; 128 one data rate lower, and one more every 32
    /// uplinks (DR5 → DR4 at 128 … DR0 at 256); at the lowest data rate (288) the default channels come back and
    /// NbTrans returns to 1. The first uplink after a downlink has ADR_ACK_CNT 0.
    /// </summary>
    [TestClass]
    public class AdrBackoffTests
    {
        [TestMethod]
        public void NoDownlinks_WalksDr5ToDr0AtTheRightCounts()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.Mac.DutyCycle.Enabled = false;   // 290 uplinks down to DR0 on one channel: no need to wait hours
            // LinkADRReq: DR5, TXPower 3, channel 0 only, NbTrans 2. After it, no downlink ever again.
            rig.DeliverNext(CommandRig.Down(1, "03 53 0100 02"));
            rig.Send();
            for (int c = 0; c <= 292; c++)
            {
                int before = rig.Radio.Sent.Count;
                SendResult r = rig.Send();
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "uplink with ADR_ACK_CNT " + c.ToString());
                DataFrame f = CommandRig.Read(rig.Sent(-1));
                string at = " at ADR_ACK_CNT " + c.ToString();
                Assert.AreEqual(c >= 64, f.AdrAckReq, "ADRACKReq" + at);
                Assert.IsTrue(f.Adr, "ADR bit" + at);
                int dr = c < 128 ? 5 : 4 - (c - 128) / 32;
                if (dr < 0) dr = 0;
                Assert.AreEqual(dr, CommandRig.At(rig.TxDataRate, -1), "data rate" + at);
                Assert.AreEqual(c < 96 ? 16 - 6 - 2 : 16 - 2, CommandRig.At(rig.TxPower, -1), "TX power" + at);
                Assert.AreEqual(c < 288 ? 2 : 1, rig.Radio.Sent.Count - before, "NbTrans" + at);
                Assert.AreEqual(c < 288 ? 1 : 3, rig.Mac.Session.Plan.EnabledCount, "enabled channels" + at);
            }
        }

        [TestMethod]
        public void AnyDownlink_ResetsTheCounter()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            o.AdrAckLimit = 4;
            o.AdrAckDelay = 2;
            var rig = new CommandRig("EU868", o);
            for (int i = 0; i < 5; i++) rig.Send();
            Assert.IsTrue(CommandRig.Read(rig.Sent(-1)).AdrAckReq, "ADR_ACK_CNT 4 = limit 4");
            rig.DeliverNext(CommandRig.Down(1, ""));   // an empty downlink: no command, still a downlink
            rig.Send();
            rig.Send();
            Assert.IsFalse(CommandRig.Read(rig.Sent(-1)).AdrAckReq, "counter reset by the downlink");
            Assert.AreEqual(1, rig.Mac.Session.AdrAckCounter);
        }

        [TestMethod]
        public void BackoffLowersTheRate_APayloadAcceptedBeforeIsRefusedNotSentOversize()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            o.AdrAckLimit = 1;
            o.AdrAckDelay = 1;   // ADR_ACK_CNT 2: power, 3: DR4, 4: DR3, 5: DR2, …
            var rig = new CommandRig("EU868", o);
            for (int i = 0; i < 5; i++) rig.Send();
            Assert.AreEqual(3, CommandRig.At(rig.TxDataRate, -1), "DR3 at ADR_ACK_CNT 4");
            Assert.AreEqual(115, rig.Device.MaxPayload, "RP002 EU868 DR3: N = 115");
            int sent = rig.Radio.Sent.Count;
            // Accepted at DR3; the back-off step of this very uplink (ADR_ACK_CNT 5) brings DR2, N = 51.
            SendResult r = rig.Device.Send(1, new byte[100], false, 600000);
            Assert.AreEqual((int)SendStatus.PayloadTooLarge, (int)r.Status);
            Assert.AreEqual(51, r.MaxPayload, "RP002 EU868 DR2: N = 51");
            Assert.AreEqual(sent, rig.Radio.Sent.Count, "nothing oversize on air");
        }

        [TestMethod]
        public void AdrOff_NoAdrAckReqAndNoBackoff()
        {
            LoRaWanOptions o = CommandRig.Adr(5);
            o.Adr = false;
            o.AdrAckLimit = 2;
            o.AdrAckDelay = 1;
            var rig = new CommandRig("EU868", o);
            for (int i = 0; i < 10; i++) rig.Send();
            DataFrame f = CommandRig.Read(rig.Sent(-1));
            Assert.IsFalse(f.AdrAckReq);
            Assert.IsFalse(f.Adr);
            Assert.AreEqual(5, CommandRig.At(rig.TxDataRate, -1));
        }
    }
}
