using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// The whole stack (driver, chip model, air, gateway, network server) with a sketch that answers every application
    /// downlink from its OnDownlink handler with the blocking Send: each answer reaches the network as the device's
    /// next uplink, and the handler never waits.
    /// </summary>
    [TestClass]
    public class AnsweringSketchTests
    {
        sealed class Answerer
        {
            public int Downlinks;
            public int NotPending;
            public int Waited;
            public ulong LastDownlinkUs;
            readonly VirtualWorld _world;

            public Answerer(VirtualWorld world, LoRaWanDevice device)
            {
                _world = world;
                device.OnDownlink += OnDownlink;
            }

            void OnDownlink(LoRaWanDevice sender, Downlink d)
            {
                Downlinks++;
                LastDownlinkUs = _world.Scheduler.NowMicroseconds;
                SendResult r = sender.Send(2, new byte[] { 0xA0, d.Length > 0 ? d.Payload[0] : (byte)0 }, false);
                if (r.Status != SendStatus.Pending) NotPending++;
                if (_world.Scheduler.NowMicroseconds != LastDownlinkUs) Waited++;
            }
        }

        [TestMethod]
        public void SketchAnsweringEveryDownlink_GetsEachAnswerToTheNetworkAsItsNextUplink()
        {
            var rig = new WorldRig("EU868", 4, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options("EU868", 4);
            o.Adr = false;
            o.DataRate = 5;
            LoRaWanDevice device = rig.PowerOn(o);
            Assert.IsTrue(device.Join(600000), "joined");
            var answerer = new Answerer(rig.World, device);
            ulong devEui = rig.Identity.DevEui;
            const int rounds = 6;
            int first = rig.World.Network.Uplinks.Count;
            for (int k = 1; k <= rounds; k++)
            {
                // Every other command confirmed: its answer also carries the ACK (no separate empty uplink).
                rig.World.Network.Enqueue(devEui, 10, new byte[] { (byte)k }, k % 2 == 0);
                SendResult r = device.Send(1, new byte[] { (byte)k }, false);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "uplink " + k.ToString() + ": " + r.ToString());
                rig.World.Sleep(120000);
            }
            Assert.AreEqual(rounds, answerer.Downlinks, "every command arrived");
            Assert.AreEqual(0, answerer.NotPending, "Send from the handler returned Pending");
            Assert.AreEqual(0, answerer.Waited, "without waiting");

            UplinkLog log = rig.World.Network.Uplinks;
            Assert.AreEqual(first + 2 * rounds, log.Count, "each periodic uplink followed by one answer, nothing else");
            for (int k = 1; k <= rounds; k++)
            {
                UplinkRecord periodic = log[first + 2 * (k - 1)];
                UplinkRecord answer = log[first + 2 * (k - 1) + 1];
                Assert.AreEqual(1, periodic.FPort);
                Assert.AreEqual((byte)k, periodic.Payload[0]);
                Assert.AreEqual(2, answer.FPort, "round " + k.ToString() + ": the answer is the next uplink");
                Assert.AreEqual(2, answer.PayloadLength);
                Assert.AreEqual((byte)0xA0, answer.Payload[0]);
                Assert.AreEqual((byte)k, answer.Payload[1], "it answers this round's command");
                Assert.AreEqual(k % 2 == 0, answer.Ack, "the answer acknowledges a confirmed command");
                // The next opportunity: EU868's 1 % band rests about 100 × a DR5 frame's 50 ms after the periodic
                // uplink (less under an hourly budget); well within 15 s of it.
                Assert.IsTrue(answer.UplinkEndUs - periodic.UplinkEndUs < 15000000UL,
                    "answer " + ((answer.UplinkEndUs - periodic.UplinkEndUs) / 1000).ToString() + " ms after the uplink that brought the command");
            }
            Assert.AreEqual(0, device.Diagnostics.Counters.ListenerErrors + device.Diagnostics.Counters.InternalErrors, device.Diagnostics.LastError);
        }
    }
}
