using System;
using System.Collections;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// Long runs on the whole simulated stack: every downlink delivered exactly once, FCntUp never reused,
    /// replayed downlinks rejected, lost ACKs recovered by retransmission, sessions surviving resets.
    /// </summary>
    [TestClass]
    public class TrafficTests
    {
        /// <summary>Captures the network's data downlinks on the air and replays one into a later RX2 window.</summary>
        sealed class Replayer : NetworkObserver, IAirMonitor
        {
            public readonly VirtualWorld World;
            public byte[] LastDownlink;
            public bool ReplayNext;
            public int Replays;

            public Replayer(VirtualWorld world) { World = world; }

            public void OnTransmission(AirFrame frame)
            {
                // Downlinks are sent with inverted IQ; keep a copy of the last data downlink (MType 011 or 101).
                if (!frame.InvertIq || frame.Length < 12) return;
                int mtype = frame.Payload[0] >> 5;
                if (mtype != 3 && mtype != 5) return;
                LastDownlink = new byte[frame.Length];
                Array.Copy(frame.Payload, 0, LastDownlink, 0, frame.Length);
            }

            public override void UplinkAccepted(ulong nowUs, UplinkRecord u)
            {
                if (!ReplayNext || LastDownlink == null || u.Confirmed || u.IsRetransmission) return;
                ReplayNext = false;
                Replays++;
                // RX2: uplink end + RxDelay (5 s, TTS default) + 1 s, 869.525 MHz DR0 (SF12/125).
                World.Gateway.Transmit(u.UplinkEndUs + 6000000UL, 869525000, 12, 125000, LastDownlink, true);
            }
        }

        [TestMethod]
        public void ThousandUplinksWithRandomDownlinks_EachDeliveredOnce_NoFCntReused_ReplaysRejected()
        {
            var rig = new WorldRig("EU868", 21, LoRaWanVersion.V1_0_4);
            var replayer = new Replayer(rig.World);
            rig.World.Air.AddMonitor(replayer);
            var relay = new ObserverPair(rig, replayer);
            rig.World.Network.Observer = relay;
            LoRaWanOptions o = WorldRig.Options("EU868", 21);
            o.Adr = false;
            o.DataRate = 5;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(120000));

            var random = new Random(21);
            var expected = new ArrayList();
            var payload = new byte[10];
            int sendFailures = 0;
            for (int i = 0; i < 1000; i++)
            {
                if (random.Next(100) < 30)
                {
                    int len = random.Next(12);
                    var d = new byte[len];
                    random.NextBytes(d);
                    rig.World.Network.Enqueue(rig.Identity.DevEui, 1 + random.Next(223), d, random.Next(4) == 0);
                    expected.Add(d);
                }
                else if (i % 50 == 25) replayer.ReplayNext = true;
                payload[0] = (byte)i;
                SendResult r = rig.Device.Send(2, payload, random.Next(10) == 0, 600000);
                if (!r.Succeeded) sendFailures++;
                rig.World.Sleep(5000 + random.Next(20000));
            }
            rig.World.Sleep(120000);   // let the last ACK and queued downlinks drain

            Assert.AreEqual(0, sendFailures, "uplinks that failed");
            Assert.AreEqual(expected.Count, rig.Delivered.Count, "downlinks delivered");
            for (int i = 0; i < expected.Count; i++)
                CollectionAssert.AreEqual((byte[])expected[i], (byte[])rig.Delivered[i], "downlink " + i.ToString());
            Assert.IsTrue(replayer.Replays >= 10, "replays injected: " + replayer.Replays.ToString());
            Assert.AreEqual(replayer.Replays, rig.Device.Diagnostics.Counters.ReplayedFrames, "every replay rejected after its MIC check");
            Assert.AreEqual(0, rig.World.Network.Counters.ReusedFCntWithNewData, "FCntUp reused for new data");
            Assert.AreEqual(0, rig.World.Network.Counters.UplinksRejectedReplay, "uplinks rejected as replays");
            uint previous = 0;
            for (int i = 0; i < rig.World.Network.Uplinks.Count; i++)
            {
                UplinkRecord u = rig.World.Network.Uplinks[i];
                if (i > 0 && !u.IsRetransmission) Assert.IsTrue(u.FCnt > previous, "FCnt not increasing at uplink " + i.ToString());
                previous = u.FCnt;
            }
        }

        /// <summary>Forwards server events to both the rig and the replayer.</summary>
        sealed class ObserverPair : NetworkObserver
        {
            readonly NetworkObserver _a;
            readonly NetworkObserver _b;
            public ObserverPair(NetworkObserver a, NetworkObserver b) { _a = a; _b = b; }
            public override void JoinRequestReceived(ulong nowUs, ulong devEui, ulong joinEui, ushort devNonce, UplinkMetadata metadata)
            {
                _a.JoinRequestReceived(nowUs, devEui, joinEui, devNonce, metadata);
                _b.JoinRequestReceived(nowUs, devEui, joinEui, devNonce, metadata);
            }
            public override void UplinkAccepted(ulong nowUs, UplinkRecord uplink)
            {
                _a.UplinkAccepted(nowUs, uplink);
                _b.UplinkAccepted(nowUs, uplink);
            }
        }

        [TestMethod]
        public void ConfirmedUplink_FirstTwoAcksLost_RetransmittedWithSameFCnt_AckedOnTheThird()
        {
            var rig = new WorldRig("EU868", 22, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options("EU868", 22);
            o.NbTrans = 3;
            o.Adr = false;
            o.DataRate = 0;   // SF12: the longest air time, where duty cycle bites
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(600000));
            rig.World.Network.DropDownlinks(2);
            SendResult r = rig.Device.Send(1, new byte[] { 0xAB }, true, 600000);
            Assert.AreEqual((int)SendStatus.Acked, (int)r.Status, r.ToString());
            Assert.AreEqual(3, r.Transmissions);
            Assert.AreEqual(3, rig.World.Network.Uplinks.Count);
            for (int i = 0; i < 3; i++) Assert.AreEqual(0u, rig.World.Network.Uplinks[i].FCnt, "same FCnt");
            Assert.AreEqual(2, rig.World.Network.Counters.Retransmissions);
            // Duty cycle: EU868 1 % bands, at most 36 s of air time in any hour.
            for (int band = 0; band < rig.World.Region.BandCount; band++)
            {
                ulong used = rig.Mac.DutyCycle.GetBandAirTimeInLastHourUs(band, rig.World.Scheduler.NowMicroseconds);
                ulong allowed = 3600000000UL / (ulong)rig.World.Region.GetBandDutyCycleDivisor(band);
                Assert.IsTrue(used <= allowed, "band " + band.ToString() + " used " + used.ToString() + " µs");
            }
        }

        [TestMethod]
        public void SessionRestoredAfterReset_NextFCntAboveEveryUsedOne_NoRejoin()
        {
            var rig = new WorldRig("EU868", 23, LoRaWanVersion.V1_0_4);
            LoRaWanOptions o = WorldRig.Options("EU868", 23);
            o.FCntPersistInterval = 10;
            rig.PowerOn(o);
            Assert.IsTrue(rig.Device.Join(120000));
            for (int i = 0; i < 13; i++)
            {
                Assert.IsTrue(rig.Device.Send(1, new byte[] { (byte)i }, false, 600000).Succeeded);
                rig.World.Sleep(30000);
            }
            uint lastUsed = rig.World.Network.Uplinks.Last.FCnt;
            rig.PowerOn(o);   // reset: new board and MAC, same flash
            Assert.IsTrue(rig.Device.IsJoined, "session restored without rejoining");
            SendResult r = rig.Device.Send(1, new byte[] { 0x55 }, false, 600000);
            Assert.IsTrue(r.Succeeded, r.ToString());
            Assert.IsTrue(r.FCnt > lastUsed, "FCnt " + r.FCnt.ToString() + " after " + lastUsed.ToString());
            Assert.AreEqual(1, rig.World.Network.Counters.JoinRequests, "no rejoin");
            Assert.AreEqual(14, rig.World.Network.Counters.UplinksAccepted, "the network accepted the post-reset uplink");
        }
    }
}
