using System.Diagnostics;
using System.Net;
using LoRaWan.Certification;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// TS009 through the UDP bridge (issue 17): a network server on the far side of the Semtech UDP protocol sends
    /// FPort 224 commands to the simulated device (TS009 package wired in) and gets the answers, in real time.
    /// </summary>
    [TestClass]
    public class CertificationOverUdpTests
    {
        const string DevEui = "70B3D57ED0000A17";
        const string JoinEui = "0000000000000000";
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ulong GatewayEui = 0xAA555A000000CAF9UL;

        [TestMethod]
        public void PackageVersionAndEcho_AnsweredThroughTheUdpNetworkServer()
        {
            var net = new NetworkOptions { RxDelaySeconds = 1 };
            var world = new VirtualWorld("EU868", 17, new NetworkOptions());
            using var lns = new MiniNetworkServer(world.Region, net, GatewayEui);
            var identity = DeviceIdentity.Otaa(DevEui, JoinEui, AppKey);
            lns.Server.AddDevice(identity, LoRaWanVersion.V1_0_4);
            using var link = new UdpDatagramLink(new IPEndPoint(IPAddress.Loopback, lns.EndPoint.Port));
            var forwarder = new VirtualPacketForwarder(world.Gateway, world.Scheduler, world.Region, GatewayEui, link, 1000u, 3);
            var pacer = new RealTimePacer(world.Scheduler);
            world.Gateway.SetUplinkReceiver(forwarder);
            world.Air.AddMonitor(forwarder);
            forwarder.Pacer = pacer;
            pacer.AddService(forwarder);

            var package = new CertificationPackage(world.Scheduler, new byte[] { 1, 0, 0, 0 }, LoRaWanVersion.V1_0_4);
            var options = new LoRaWanOptions { RandomSeed = 17, DataRate = 5, EmptyAckUplinkDelayMs = 0 };
            LoRaWanDevice device = world.PowerOn(identity, options, null, null, package);
            package.Attach(world.Mac);
            pacer.Start();
            link.Start(forwarder);
            forwarder.Start();
            try
            {
                Assert.IsTrue(device.Join(15000), "joined through the UDP network server");
                // TS009 §5.6 first (RegionalDutyCycleCtrlReq off), then PackageVersionReq and EchoPayloadReq.
                lns.Server.Enqueue(identity.DevEui, 224, new byte[] { 0x05, 0x00 }, false);
                Assert.AreEqual((int)SendStatus.Sent, (int)device.Send(1, new byte[] { 1 }, false, 15000).Status, "application uplink");
                Assert.IsTrue(package.TestMode, "test mode after the first FPort 224 command");
                lns.Server.Enqueue(identity.DevEui, 224, new byte[] { 0x00 }, false);
                byte[] version = PollFor(world, lns, package, 0x00, 20000);
                CollectionAssert.AreEqual(new byte[] { 0x00, 0x06, 0x01 }, version, "PackageVersionAns; " + Dump(lns, package));
                lns.Server.Enqueue(identity.DevEui, 224, new byte[] { 0x08, 0xAA, 0xFF }, false);
                byte[] echo = PollFor(world, lns, package, 0x08, 20000);
                CollectionAssert.AreEqual(new byte[] { 0x08, 0xAB, 0x00 }, echo, "EchoPayloadAns");
                Assert.IsNull(lns.Error, "server thread");
            }
            finally
            {
                forwarder.Stop();
                pacer.Stop();
            }
        }

        static string Dump(MiniNetworkServer lns, CertificationPackage p)
        {
            string t = "";
            UplinkLog log = lns.Server.Uplinks;
            for (int i = 0; i < log.Count; i++) t += " " + log[i].FCnt + "/" + log[i].FPort + "/" + log[i].PayloadLength;
            return t + " handled " + p.CommandsHandled + " last " + p.LastSendResult.Status + " dl " + lns.Server.Counters.DownlinksSent + " err " + lns.Error;
        }

        /// <summary>Runs the firmware loop (Poll every 50 ms) until the server got an FPort 224 uplink starting with <paramref name="cid"/>.</summary>
        static byte[] PollFor(VirtualWorld world, MiniNetworkServer lns, CertificationPackage package, byte cid, int timeoutMs)
        {
            var wall = Stopwatch.StartNew();
            while (wall.ElapsedMilliseconds < timeoutMs)
            {
                package.Poll();
                world.Sleep(50);   // the MAC runs in the device's (virtual, wall-paced) time, as in `simulate --udp`
                UplinkLog log = lns.Server.Uplinks;
                for (int i = log.Count - 1; i >= 0; i--)
                    if (log[i].FPort == 224 && log[i].PayloadLength > 0 && log[i].Payload[0] == cid)
                    {
                        var b = new byte[log[i].PayloadLength];
                        System.Array.Copy(log[i].Payload, b, b.Length);
                        return b;
                    }
            }
            return null;
        }
    }
}
