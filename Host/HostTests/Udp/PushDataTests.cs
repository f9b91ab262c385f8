using System;
using System.Text;
using System.Text.Json;
using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// Gateway → server datagrams (PROTOCOL.TXT v2 §3.2, §4, §5.2): the rxpk of a heard uplink with tmst = the gateway
    /// counter at the end of the frame, the stat report, PULL_DATA keep-alives, and ACK matching by token.
    /// The JSON is read back with System.Text.Json, independently of the writer.
    /// </summary>
    [TestClass]
    public class PushDataTests
    {
        static readonly byte[] EuiBytes = { 0xAA, 0x55, 0x5A, 0x00, 0x00, 0x00, 0x01, 0x01 };

        static JsonElement Json(byte[] datagram) =>
            JsonDocument.Parse(Encoding.UTF8.GetString(datagram, 12, datagram.Length - 12)).RootElement;

        [TestMethod]
        public void HeardUplink_IsForwardedAsRxpk()
        {
            var rig = new ForwarderRig(0x10000000);
            rig.Forwarder.UtcAtVirtualZero = new DateTime(2026, 11, 21, 6, 0, 0, DateTimeKind.Utc);
            byte[] phy = { 0x40, 0x11, 0x22, 0x33, 0x44, 0x80, 0x01, 0x00, 0x01, 0xA1, 0xB2, 0xC3, 0xD4 };
            rig.Gateway.UplinkRssiDbm = -57;
            rig.Gateway.UplinkSnrQuarterDb = 38; // 9.5 dB
            // An uplink on the air from 1.000 s; it ends after its air time and the gateway forwards it then.
            var air = rig.Air.Acquire();
            Array.Copy(phy, air.Payload, phy.Length);
            air.Length = phy.Length;
            air.FrequencyHz = 868300000;
            air.SpreadingFactor = 9;
            air.BandwidthHz = 125000;
            air.Crc = true;
            air.StartUs = 1000000;
            air.AirTimeUs = 185344;
            air.SyncWord = 0x34;
            rig.Air.Send(air);
            rig.Scheduler.RunFor(2000000);

            var pushes = rig.Link.OfType(0x00);
            Assert.AreEqual(1, pushes.Count, "one PUSH_DATA");
            byte[] d = pushes[0];
            Assert.AreEqual((byte)2, d[0], "protocol version 2");
            CollectionAssert.AreEqual(EuiBytes, d[4..12], "gateway EUI MSB first");
            JsonElement rx = Json(d).GetProperty("rxpk")[0];
            // tmst: counter at the end of the frame = 0x10000000 + 1 185 344.
            Assert.AreEqual(0x10000000u + 1185344u, rx.GetProperty("tmst").GetUInt32());
            Assert.AreEqual("2026-11-21T06:00:01.185344Z", rx.GetProperty("time").GetString());
            Assert.AreEqual(868.3, rx.GetProperty("freq").GetDouble());
            Assert.AreEqual(1, rx.GetProperty("stat").GetInt32());
            Assert.AreEqual("LORA", rx.GetProperty("modu").GetString());
            Assert.AreEqual("SF9BW125", rx.GetProperty("datr").GetString());
            Assert.AreEqual("4/5", rx.GetProperty("codr").GetString());
            Assert.AreEqual(-57, rx.GetProperty("rssi").GetInt32());
            Assert.AreEqual(9.5, rx.GetProperty("lsnr").GetDouble());
            Assert.AreEqual(13, rx.GetProperty("size").GetInt32());
            Assert.AreEqual(0, rx.GetProperty("rfch").GetInt32());
            Assert.AreEqual(0, rx.GetProperty("chan").GetInt32());
            CollectionAssert.AreEqual(phy, Convert.FromBase64String(rx.GetProperty("data").GetString()));
            Assert.AreEqual(1, rig.Forwarder.Counters.UplinksForwarded);

            // The server's PUSH_ACK with the same token is matched.
            rig.Deliver(new byte[] { 2, d[1], d[2], 0x01 });
            Assert.AreEqual(1, rig.Forwarder.Counters.PushAcks);
            Assert.AreEqual(0, rig.Forwarder.Counters.DroppedTotal);
        }

        [TestMethod]
        public void HeardFskUplink_IsForwardedAsAnFskRxpk()
        {
            // PROTOCOL.TXT: an FSK rxpk has "modu":"FSK" and the bit rate as a number in "datr", and no "codr".
            var rig = new ForwarderRig(0x10000000);
            byte[] phy = { 0x40, 0x11, 0x22, 0x33, 0x44, 0x80, 0x01, 0x00, 0x01, 0xA1, 0xB2, 0xC3, 0xD4 };
            var air = rig.Air.Acquire();
            Array.Copy(phy, air.Payload, phy.Length);
            air.Length = phy.Length;
            air.FrequencyHz = 868800000;
            air.SpreadingFactor = 0;
            air.BandwidthHz = 0;
            air.FskBitRate = 50000;
            air.FskSyncWord = LoRaWan.Simulation.GatewayEndpoint.LoRaWanFskSyncWord;
            air.Crc = true;
            air.StartUs = 1000000;
            air.AirTimeUs = 3840;
            rig.Air.Send(air);
            rig.Scheduler.RunFor(2000000);

            var pushes = rig.Link.OfType(0x00);
            Assert.AreEqual(1, pushes.Count, "one PUSH_DATA");
            JsonElement rx = Json(pushes[0]).GetProperty("rxpk")[0];
            Assert.AreEqual("FSK", rx.GetProperty("modu").GetString());
            Assert.AreEqual(50000, rx.GetProperty("datr").GetInt32());
            Assert.IsFalse(rx.TryGetProperty("codr", out _), "no codr for FSK");
            Assert.AreEqual(868.8, rx.GetProperty("freq").GetDouble());
            CollectionAssert.AreEqual(phy, Convert.FromBase64String(rx.GetProperty("data").GetString()));
        }

        [TestMethod]
        public void DownlinkFrames_AreNotForwarded()
        {
            var rig = new ForwarderRig(0);
            // An inverted-IQ frame (another gateway's downlink) is not an uplink (GatewayEndpoint rule).
            var air = rig.Air.Acquire();
            air.Length = 5;
            air.FrequencyHz = 868100000;
            air.SpreadingFactor = 7;
            air.BandwidthHz = 125000;
            air.InvertIq = true;
            air.StartUs = 0;
            air.AirTimeUs = 30000;
            rig.Air.Send(air);
            rig.Scheduler.RunFor(100000);
            Assert.AreEqual(0, rig.Link.OfType(0x00).Count);
        }

        [TestMethod]
        public void Start_SendsPullDataEvery5sAndStatEvery30s()
        {
            var rig = new ForwarderRig(0);
            rig.Forwarder.UtcAtVirtualZero = new DateTime(2014, 1, 12, 8, 59, 28, DateTimeKind.Utc);
            rig.Forwarder.Start();
            rig.Scheduler.RunFor(30000000);
            var pulls = rig.Link.OfType(0x02);
            // t = 0, 5, 10, 15, 20, 25, 30 s
            Assert.AreEqual(7, pulls.Count, "PULL_DATA count");
            foreach (byte[] p in pulls)
            {
                Assert.AreEqual(12, p.Length, "PULL_DATA is header + EUI only");
                Assert.AreEqual((byte)2, p[0]);
                CollectionAssert.AreEqual(EuiBytes, p[4..12]);
            }
            var stats = rig.Link.OfType(0x00);
            Assert.AreEqual(2, stats.Count, "stat at 0 and 30 s");
            JsonElement stat = Json(stats[0]).GetProperty("stat");
            Assert.AreEqual("2014-01-12 08:59:28 GMT", stat.GetProperty("time").GetString());
            Assert.AreEqual(0, stat.GetProperty("rxnb").GetInt32());
            Assert.IsFalse(Json(stats[0]).TryGetProperty("rxpk", out _), "a stat-only PUSH_DATA has no rxpk");

            // Acknowledge the first stat: ackr of the next report counts it.
            Assert.AreEqual("2014-01-12 08:59:58 GMT", Json(stats[1]).GetProperty("stat").GetProperty("time").GetString());
            Assert.AreEqual(0.0, Json(stats[1]).GetProperty("stat").GetProperty("ackr").GetDouble(), "nothing acknowledged yet");
            rig.Deliver(new byte[] { 2, stats[1][1], stats[1][2], 0x01 });
            rig.Scheduler.RunFor(30000000);
            stats = rig.Link.OfType(0x00);
            Assert.AreEqual(100.0, Json(stats[2]).GetProperty("stat").GetProperty("ackr").GetDouble(), "the one PUSH_DATA since the last stat was acknowledged");
        }

        [TestMethod]
        public void Tokens_AreEchoedAndDistinct()
        {
            var rig = new ForwarderRig(0);
            rig.Forwarder.Start();
            rig.Scheduler.RunFor(60000000);
            var pulls = rig.Link.OfType(0x02);
            var seen = new System.Collections.Generic.HashSet<int>();
            foreach (byte[] p in pulls) seen.Add(p[1] << 8 | p[2]);
            Assert.IsTrue(seen.Count >= pulls.Count - 1, "random tokens");
            foreach (byte[] p in pulls) rig.Deliver(new byte[] { 2, p[1], p[2], 0x04 });
            Assert.AreEqual(pulls.Count, rig.Forwarder.Counters.PullAcks);
        }
    }
}
