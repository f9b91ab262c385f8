using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using LoRaWan.Udp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>
    /// The simulated board (real SX1276 driver and MAC on the chip model) behind the virtual UDP gateway, in wall-clock
    /// time, against <see cref="MiniNetworkServer"/> on 127.0.0.1: OTAA join (join-accept 5 s after the request), a
    /// downlink in RX1 (RxDelay 1 s), then a PULL_RESP that arrives after its tmst: TX_ACK TOO_LATE, the server
    /// retries in RX2 and the device, which opened RX2, receives it there.
    /// </summary>
    [TestClass]
    public class RealNetworkServerTests
    {
        const string DevEui = "70B3D57ED0000A10";
        const string JoinEui = "0000000000000000";
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const ulong GatewayEui = 0xAA555A000000CAFEUL;

        sealed class WindowTrace : IMacTrace
        {
            public readonly List<int> Opened = new List<int>();
            public void Transmitting(ulong nowUs, bool join, uint fCnt, int channel, uint frequencyHz, int dataRate, int length, ulong airTimeUs, int powerDbm) { }
            public void TxDone(ulong stampUs) { }
            public void WindowOpened(int window, ulong dueUs, ulong firedUs, uint frequencyHz, int dataRate, int symbolTimeout) => Opened.Add(window);
            public void WindowClosed(int window, ulong nowUs, bool frameForUs) { }
            public void BackingOff(ulong nowUs, ulong waitUs) { }
        }

        [TestMethod]
        public void JoinRx1DownlinkAndTooLateRx2_AgainstAUdpNetworkServer_InRealTime()
        {
            var total = Stopwatch.StartNew();
            var net = new NetworkOptions { RxDelaySeconds = 1, Rx2DataRate = 3 };
            var world = new VirtualWorld("EU868", 21, new NetworkOptions());
            using var lns = new MiniNetworkServer(world.Region, net, GatewayEui);
            var identity = DeviceIdentity.Otaa(DevEui, JoinEui, AppKey);
            lns.Server.AddDevice(identity, LoRaWanVersion.V1_0_4);

            using var link = new UdpDatagramLink(new IPEndPoint(IPAddress.Loopback, lns.EndPoint.Port));
            // The counter wraps ≈ 5.9 s into the run, between the join and the first data downlink.
            var forwarder = new VirtualPacketForwarder(world.Gateway, world.Scheduler, world.Region, GatewayEui, link, 0xFFFFFFFFu - 5900000u, 3);
            var pacer = new RealTimePacer(world.Scheduler);
            var onAir = new AirRecorder();
            world.Gateway.SetUplinkReceiver(forwarder);
            world.Air.AddMonitor(forwarder);
            world.Air.AddMonitor(onAir);
            forwarder.Pacer = pacer;
            pacer.AddService(forwarder);

            var trace = new WindowTrace();
            var options = new LoRaWanOptions { RandomSeed = 21 };
            LoRaWanDevice device = world.PowerOn(identity, options, trace, null);
            pacer.Start();
            link.Start(forwarder);
            forwarder.Start();
            var got = new List<(byte[] Payload, int Window, int Port)>();
            device.OnDownlink += (s, d) => got.Add((d.ToArray(), d.Window, d.Port));
            try
            {
                // 1. OTAA: the join-accept comes back as a PULL_RESP for RX1 = 5 s after the request.
                var joinWall = Stopwatch.StartNew();
                Assert.IsTrue(device.Join(15000), "joined through the UDP network server");
                joinWall.Stop();
                Assert.AreEqual(1, lns.Server.Counters.JoinAccepts, "join-accepts");
                Assert.AreEqual("NONE", lns.Acks()[0], "join-accept TX_ACK");
                Assert.IsTrue(joinWall.ElapsedMilliseconds >= 4900, "real time: the join took " + joinWall.ElapsedMilliseconds + " ms of wall clock (RX1 of a join is 5 s)");
                AssertDownlinkAt(onAir, 5000000, "join-accept");

                // 2. An application downlink in RX1 (RxDelay 1 s from the join-accept).
                byte[] first = { 0xCA, 0xFE, 0x01 };
                lns.Server.Enqueue(identity.DevEui, 10, first, false);
                SendResult r1 = device.Send(1, new byte[] { 1, 2, 3 }, false, 15000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r1.Status, "uplink 1");
                Assert.AreEqual(1, got.Count, "RX1 downlink delivered");
                CollectionAssert.AreEqual(first, got[0].Payload);
                Assert.AreEqual(1, got[0].Window, "in RX1");
                AssertDownlinkAt(onAir, 1000000, "RX1 data downlink");

                // 3. The next RX1 PULL_RESP leaves the server only after its tmst: TOO_LATE, retried in RX2 (+2 s).
                int rx2Before = trace.Opened.FindAll(w => w == 2).Count;
                byte[] second = { 0xCA, 0xFE, 0x02 };
                lns.Server.Enqueue(identity.DevEui, 11, second, false);
                lns.LateRx1 = 1;
                SendResult r2 = device.Send(1, new byte[] { 4, 5, 6 }, false, 15000);
                Assert.AreEqual((int)SendStatus.Sent, (int)r2.Status, "uplink 2");
                Assert.AreEqual(1, forwarder.Counters.TxAcks(TxAckError.TooLate), "the gateway answered TOO_LATE");
                string[] acks = lns.Acks();
                Assert.AreEqual("TOO_LATE", acks[acks.Length - 2], "the server saw TOO_LATE for RX1");
                Assert.AreEqual("NONE", acks[acks.Length - 1], "and NONE for the RX2 retry");
                Assert.IsTrue(trace.Opened.FindAll(w => w == 2).Count > rx2Before, "the device opened RX2");
                Assert.AreEqual(2, got.Count, "RX2 downlink delivered");
                CollectionAssert.AreEqual(second, got[1].Payload);
                Assert.AreEqual(2, got[1].Window, "in RX2");
                Assert.AreEqual(11, got[1].Port);
                AssertDownlinkAt(onAir, 2000000, "RX2 data downlink");

                Assert.AreEqual(0, lns.Bad, "every datagram the server got had version 2 and our EUI");
                Assert.IsNull(lns.Error, "server thread");
                Assert.AreEqual(0, forwarder.Counters.DroppedTotal, "nothing malformed from the server");
                Assert.AreEqual(3, forwarder.Counters.DownlinksEmitted, "join-accept, RX1, RX2 on the air");
                var c = forwarder.Counters;
                OutputHelper.WriteLine($"wall {total.ElapsedMilliseconds} ms; PUSH_DATA {c.PushDataSent}/{c.PushAcks} acked rtt {c.PushRttMinMs:F2}..{c.PushRttMaxMs:F2} ms; PULL rtt {c.PullRttMinMs:F2}..{c.PullRttMaxMs:F2} ms; "
                    + $"min downlink lead {c.MinDownlinkLeadUs / 1000.0:F1} ms; injection latency max {c.MaxInjectionLatencyUs} us; on-air wall error max {c.MaxOnAirWallErrorUs} us; "
                    + $"pacer lead max {pacer.MaxLeadUs} us lag max {pacer.MaxLagUs} us at {pacer.MaxLagAtUs} us over {pacer.Ticks} ticks");
            }
            finally
            {
                forwarder.Stop();
                pacer.Stop();
            }
        }

        /// <summary>The last downlink on the air started exactly <paramref name="delayUs"/> after the end of the uplink before it.</summary>
        static void AssertDownlinkAt(AirRecorder onAir, ulong delayUs, string what)
        {
            int down = -1;
            for (int i = onAir.Frames.Count - 1; i >= 0; i--) if (onAir.Frames[i].InvertIq) { down = i; break; }
            Assert.IsTrue(down > 0, what + ": a downlink on the air");
            int up = -1;
            for (int i = down - 1; i >= 0; i--) if (!onAir.Frames[i].InvertIq) { up = i; break; }
            Assert.IsTrue(up >= 0, what + ": an uplink before it");
            Assert.AreEqual(delayUs, onAir.Frames[down].StartUs - onAir.Frames[up].EndUs, what + ": start − uplink end");
        }
    }
}
