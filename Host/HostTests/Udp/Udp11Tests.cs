using System.Collections.Generic;
using System.Net;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// A LoRaWAN 1.1 device behind the virtual UDP gateway (the bridge <c>lorawan simulate --udp</c> uses), in wall-clock
    /// time, against <see cref="MiniNetworkServer"/> (the in-repo 1.1 network server behind the Semtech UDP protocol):
    /// the OptNeg = 1 join, an uplink with RekeyInd answered by RekeyConf and an application downlink on AFCntDown.
    /// </summary>
    [TestClass]
    public class Udp11Tests
    {
        const string DevEui = "70B3D57ED0000A11";
        const string JoinEui = "0000000000000000";
        const string NwkKey = "000102030405060708090A0B0C0D0E0F";
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ulong GatewayEui = 0xAA555A000000CA11UL;

        [TestMethod]
        public void Otaa11_JoinUplinkRekeyAndDownlink_ThroughTheUdpBridge()
        {
            var net = new NetworkOptions { RxDelaySeconds = 1 };
            var world = new VirtualWorld("EU868", 22, new NetworkOptions());
            using var lns = new MiniNetworkServer(world.Region, net, GatewayEui);
            var identity = DeviceIdentity.Otaa11(DevEui, JoinEui, NwkKey, AppKey);
            lns.Server.AddDevice(identity, LoRaWanVersion.V1_1);

            using var link = new UdpDatagramLink(new IPEndPoint(IPAddress.Loopback, lns.EndPoint.Port));
            var forwarder = new VirtualPacketForwarder(world.Gateway, world.Scheduler, world.Region, GatewayEui, link, 0, 3);
            var pacer = new RealTimePacer(world.Scheduler);
            world.Gateway.SetUplinkReceiver(forwarder);
            world.Air.AddMonitor(forwarder);
            forwarder.Pacer = pacer;
            pacer.AddService(forwarder);

            var options = new LoRaWanOptions { RandomSeed = 22, Version = LoRaWanVersion.V1_1 };
            LoRaWanDevice device = world.PowerOn(identity, options);
            pacer.Start();
            link.Start(forwarder);
            forwarder.Start();
            var got = new List<byte[]>();
            device.OnDownlink += (s, d) => got.Add(d.ToArray());
            try
            {
                Assert.IsTrue(device.Join(15000), "joined through the UDP network server");
                Assert.IsTrue(world.Mac.Session.Keys.Separate, "OptNeg = 1: a 1.1 session");
                byte[] down = { 0x11, 0x22 };
                lns.Server.Enqueue(identity.DevEui, 10, down, false);
                SendResult r = device.Send(1, new byte[] { 1, 2, 3 }, false, 15000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "uplink");
                NetworkSession s = lns.Server.FindDevice(identity.DevEui).Session;
                Assert.IsNotNull(s, "RekeyInd made the pending session the device's");
                Assert.IsTrue(s.Is11, "a 1.1 session on the server");
                Assert.AreEqual(1, lns.Server.MacCounters.RekeyConfsSent, "RekeyConf");
                Assert.IsFalse(world.Mac.Session.Keys.RekeyOwed, "the device heard RekeyConf");
                Assert.AreEqual(1, got.Count, "the application downlink arrived");
                CollectionAssert.AreEqual(down, got[0]);
                Assert.AreEqual(1u, s.AFCntDown, "on AFCntDown");
                NetworkCounters c = lns.Server.Counters;
                Assert.AreEqual(0, c.UplinksRejectedMic + c.UplinksRejectedNoRekeyInd + c.JoinRejectedMic, "nothing rejected");
                Assert.AreEqual(0, device.Diagnostics.Counters.MicFailures, "no downlink MIC failure");
                Assert.IsNull(lns.Error, "server thread");
            }
            finally
            {
                forwarder.Stop();
                pacer.Stop();
            }
        }
    }
}
