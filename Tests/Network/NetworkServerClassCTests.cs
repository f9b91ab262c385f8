using LoRaWan.Frames;
using LoRaWan.Platform;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>An alarm on the bench's manual clock: <see cref="RunUntil"/> moves the clock and fires it when due.</summary>
    public sealed class ManualAlarm : IScheduler
    {
        readonly ManualClock _clock;
        ITimerSink _sink;
        public bool Armed;
        public ulong DueUs;

        public ManualAlarm(ManualClock clock) { _clock = clock; }
        public ulong NowMicroseconds { get { return _clock.NowMicroseconds; } }
        public void SetTimerSink(ITimerSink sink) { _sink = sink; }
        public void Arm(ulong dueUs) { Armed = true; DueUs = dueUs; }
        public void Cancel() { Armed = false; }

        /// <summary>Fires every due alarm up to <paramref name="timeUs"/>, then sets the clock there.</summary>
        public void RunUntil(ulong timeUs)
        {
            while (Armed && DueUs <= timeUs)
            {
                Armed = false;
                if (DueUs > _clock.NowMicroseconds) _clock.NowMicroseconds = DueUs;
                if (_sink != null) _sink.OnTimer(DueUs, _clock.NowMicroseconds);
            }
            _clock.NowMicroseconds = timeUs;
        }
    }

    /// <summary>
    /// Class C in the network model, as The Things Stack schedules it (pkg/networkserver downlink.go and utils.go, read
    /// at commit 1d2182161975): application downlinks at once on the session's RX2 frequency and data rate, handed to
    /// the gateway 530 ms ahead (gateway server ScheduleAnytime), never before the RX2 of the last uplink, 1 s apart,
    /// FPending not set; a confirmed one retried after a NACK or after the 5-minute Class C timeout, up to 8 retries;
    /// the gateway's sub-band duty cycle (one-hour window) respected. The device is a test device that listens
    /// continuously: every frame the gateway sends reaches it.
    /// </summary>
    [TestClass]
    public class NetworkServerClassCTests
    {
        const uint DevAddr = 0x49BE7DF1;
        const ulong DevEui = 0x0102030405060708;
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const ulong T0 = 100000000;
        const ulong Delay = 530000; // TTS ScheduleTimeLong

        sealed class Rig
        {
            public NetworkBench Bench;
            public ManualAlarm Alarm;
            public TestEndDevice Device;
            public NetworkDevice Registered;
            public uint FCntUp = 1;

            public Rig(NetworkOptions options)
            {
                Bench = new NetworkBench("EU868", options);
                Registered = Bench.Server.AddAbpDevice(DevEui, DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), LoRaWanVersion.V1_0_4);
                Device = TestEndDevice.Abp(DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey));
                Alarm = new ManualAlarm(Bench.Clock);
                Bench.Server.SetDownlinkTaskAlarm(Alarm);
                Bench.Server.SetClassC(Registered, true);
            }

            /// <summary>An uplink ending at <paramref name="endUs"/> (the server hears it 20 ms later).</summary>
            public void Uplink(ulong endUs, bool ack)
            {
                Alarm.RunUntil(endUs);
                Bench.Send(Device.Uplink(FCntUp++, 1, new byte[] { 1 }, false, ack), 868100000, 7, 125000, endUs);
            }

            public QueuedDownlink Enqueue(ulong atUs, byte payload, bool confirmed)
            {
                Alarm.RunUntil(atUs);
                return Bench.Server.Enqueue(DevEui, 10, new byte[] { payload }, confirmed);
            }
        }

        [TestMethod]
        public void DownlinkQueuedBetweenUplinks_GoesAtOnce_OnTheRx2FrequencyAndDataRate()
        {
            Rig rig = new Rig(null);
            rig.Uplink(T0, false);
            Assert.AreEqual(0, rig.Bench.Transmitter.Count, "nothing to answer the uplink with");
            rig.Enqueue(T0 + 30000000, 0x42, false);
            Assert.AreEqual(1, rig.Bench.Transmitter.Count, "sent while the device has not sent anything since");
            TransmittedFrame tx = rig.Bench.Transmitter.Last;
            Assert.AreEqual(T0 + 30000000 + Delay, tx.StartUs, "530 ms ahead, as The Things Stack's gateway server");
            Assert.AreEqual(869525000u, tx.FrequencyHz, "RX2 frequency (LoRaWAN 1.0.4 §6: RXC uses the RX2 parameters)");
            Assert.AreEqual(12, tx.SpreadingFactor, "RX2 DR0 = SF12");
            Assert.IsTrue(rig.Device.ReadDownlink(tx.Bytes, 0), "a valid downlink for the device, FCntDown 0");
            Assert.AreEqual((byte)0x42, rig.Device.DownlinkPayload[0], "the payload");
            Assert.AreEqual(1, rig.Bench.Server.Counters.DownlinksClassC, "counted as Class C");
            Assert.AreEqual(0, rig.Bench.Server.Counters.DownlinksRx1 + rig.Bench.Server.Counters.DownlinksRx2, "not in RX1/RX2");
        }

        [TestMethod]
        public void ClassA_Device_StillWaitsForItsNextUplink()
        {
            Rig rig = new Rig(null);
            rig.Bench.Server.SetClassC(rig.Registered, false);
            rig.Uplink(T0, false);
            rig.Enqueue(T0 + 30000000, 0x42, false);
            rig.Alarm.RunUntil(T0 + 60000000);
            Assert.AreEqual(0, rig.Bench.Transmitter.Count, "Class A: queued until the next uplink");
        }

        [TestMethod]
        public void NoUplinkYet_Waits_ThenRx1TakesIt_AsForClassA()
        {
            Rig rig = new Rig(null);
            rig.Enqueue(T0, 0x42, false);
            Assert.AreEqual(0, rig.Bench.Transmitter.Count, "no uplink on this session yet: no path to the device");
            rig.Uplink(T0 + 10000000, false);
            Assert.AreEqual(1, rig.Bench.Transmitter.Count, "answered after the uplink");
            Assert.AreEqual(T0 + 10000000 + 1000000UL, rig.Bench.Transmitter.Last.StartUs, "in RX1, as The Things Stack chooses the Class A slot first");
            Assert.AreEqual(1, rig.Bench.Server.Counters.DownlinksRx1, "RX1");
        }

        [TestMethod]
        public void QueuedRightAfterAnUplink_WaitsForThatUplinksRx2()
        {
            Rig rig = new Rig(null);
            rig.Uplink(T0, false);
            rig.Enqueue(T0 + 100000, 0x42, false); // between the uplink and its RX1
            Assert.AreEqual(0, rig.Bench.Transmitter.Count, "not during the device's RX1/RX2");
            rig.Alarm.RunUntil(T0 + 10000000);
            Assert.AreEqual(1, rig.Bench.Transmitter.Count, "sent once RX2 has opened");
            Assert.AreEqual(T0 + 2000000UL + Delay, rig.Bench.Transmitter.Last.StartUs, "RX2 of the uplink (1 s + 1 s) + 530 ms");
        }

        [TestMethod]
        public void TwoQueued_GoOneSecondApart_WithoutFPending()
        {
            Rig rig = new Rig(null);
            rig.Registered.Session.Rx2DataRate = 3; // SF9 (The Things Network's RX2): a frame shorter than the interval
            rig.Uplink(T0, false);
            rig.Enqueue(T0 + 30000000, 1, false);
            rig.Enqueue(T0 + 30000000, 2, false);
            rig.Alarm.RunUntil(T0 + 40000000);
            Assert.AreEqual(2, rig.Bench.Transmitter.Count, "both sent");
            Assert.AreEqual(T0 + 30000000 + Delay, rig.Bench.Transmitter[0].StartUs, "first at once");
            Assert.AreEqual(T0 + 31000000 + Delay, rig.Bench.Transmitter[1].StartUs, "second ClassBCDownlinkInterval (1 s) later");
            Assert.IsTrue(rig.Device.ReadDownlink(rig.Bench.Transmitter[0].Bytes, 0), "first");
            Assert.IsFalse(rig.Device.Downlink.FPending, "no FPending in Class C (The Things Stack sets it only for other classes)");
            Assert.IsTrue(rig.Device.ReadDownlink(rig.Bench.Transmitter[1].Bytes, 1), "second, FCntDown 1");
            Assert.AreEqual((byte)2, rig.Device.DownlinkPayload[0], "second payload");
        }

        [TestMethod]
        public void Confirmed_IsRetriedAfterANack_UntilAcked()
        {
            Rig rig = new Rig(null);
            rig.Uplink(T0, false);
            QueuedDownlink item = rig.Enqueue(T0 + 30000000, 7, true);
            Assert.AreEqual(1, rig.Bench.Transmitter.Count, "sent");
            Assert.IsTrue(rig.Device.ReadDownlink(rig.Bench.Transmitter.Last.Bytes, 0), "FCntDown 0");
            Assert.AreEqual((int)MType.ConfirmedDataDown, (int)rig.Device.Downlink.MType, "Confirmed Data Down");

            rig.Uplink(T0 + 60000000, false); // the device did not get it: no ACK
            Assert.AreEqual(1, rig.Bench.Server.Counters.ConfirmedDownlinksNacked, "NACK");
            rig.Alarm.RunUntil(T0 + 70000000);
            Assert.AreEqual(2, rig.Bench.Transmitter.Count, "sent again");
            Assert.AreEqual(T0 + 61000000UL, rig.Bench.Transmitter.Last.StartUs, "in the NACKing uplink's RX1 (the Class A slot comes first)");
            Assert.IsTrue(rig.Device.ReadDownlink(rig.Bench.Transmitter.Last.Bytes, 1), "a new frame, FCntDown 1");
            Assert.AreEqual((byte)7, rig.Device.DownlinkPayload[0], "the same payload");

            rig.Uplink(T0 + 90000000, true);
            Assert.IsTrue(item.Acknowledged, "acknowledged");
            Assert.AreEqual(2, item.Transmissions, "two transmissions");
            rig.Alarm.RunUntil(T0 + 200000000);
            Assert.AreEqual(2, rig.Bench.Transmitter.Count, "nothing more");
        }

        [TestMethod]
        public void UplinkBeforeTheConfirmedDownlinkWentOut_IsNotANack()
        {
            Rig rig = new Rig(null);
            rig.Uplink(T0, false);
            QueuedDownlink item = rig.Enqueue(T0 + 30000000, 7, true);
            // The uplink ended 100 ms after queueing, before the downlink's start 530 ms after queueing.
            rig.Uplink(T0 + 30100000, false);
            Assert.AreEqual(0, rig.Bench.Server.Counters.ConfirmedDownlinksNacked, "it could not have been answered yet");
            rig.Uplink(T0 + 40000000, true);
            Assert.IsTrue(item.Acknowledged, "the next uplink acknowledges it");
        }

        [TestMethod]
        public void Confirmed_WithoutAnyUplink_IsRetriedAfterTheClassCTimeout_ThenGivenUp()
        {
            NetworkOptions options = new NetworkOptions();
            options.ConfirmedDownlinkRetries = 1;
            Rig rig = new Rig(options);
            rig.Uplink(T0, false);
            QueuedDownlink item = rig.Enqueue(T0 + 30000000, 7, true);
            rig.Alarm.RunUntil(T0 + 30000000 + 299000000);
            Assert.AreEqual(1, rig.Bench.Transmitter.Count, "no retry within the 5-minute Class C timeout");
            rig.Alarm.RunUntil(T0 + 30000000 + 310000000);
            Assert.AreEqual(2, rig.Bench.Transmitter.Count, "retried when the timeout passed");
            Assert.AreEqual(T0 + 30000000 + Delay + 300000000UL + Delay, rig.Bench.Transmitter.Last.StartUs, "5 min after the first went on air, + 530 ms");
            Assert.AreEqual(1, rig.Bench.Server.Counters.ClassCAckTimeouts, "one timeout");
            rig.Alarm.RunUntil(T0 + 3600000000UL);
            Assert.AreEqual(2, rig.Bench.Transmitter.Count, "one retry only (ConfirmedDownlinkRetries = 1)");
            Assert.IsTrue(item.GivenUp, "given up");
            Assert.AreEqual(1, rig.Bench.Server.Counters.ConfirmedDownlinksGivenUp, "counted");
            Assert.AreEqual(0, rig.Registered.QueueLength, "no longer queued");
        }

        [TestMethod]
        public void Rx1OverlappingAScheduledClassCDownlink_MovesToRx2()
        {
            // The gateway sends one frame at a time (The Things Stack's gateway scheduler refuses a conflicting emission
            // and the network server tries RX2).
            Rig rig = new Rig(null);
            rig.Uplink(T0, false);
            rig.Enqueue(T0 + 30000000, 1, false); // SF12 on air from +30.53 s for about 1.2 s
            Assert.AreEqual(1, rig.Bench.Transmitter.Count, "Class C downlink scheduled");
            rig.Bench.Send(rig.Device.Uplink(rig.FCntUp++, 1, null, true, false), 868100000, 7, 125000, T0 + 30100000);
            Assert.AreEqual(2, rig.Bench.Transmitter.Count, "the ACK went out");
            Assert.AreEqual(T0 + 32100000UL, rig.Bench.Transmitter.Last.StartUs, "in RX2: RX1 at +31.1 s would overlap the Class C frame");
            Assert.AreEqual(1, rig.Bench.Server.Counters.DownlinksRx2, "RX2");
        }

        [TestMethod]
        public void ClassA_ConfirmedDownlink_IsGivenUpAfterTheRetryLimit()
        {
            NetworkOptions options = new NetworkOptions();
            options.ConfirmedDownlinkRetries = 0;
            Rig rig = new Rig(options);
            rig.Bench.Server.SetClassC(rig.Registered, false);
            rig.Uplink(T0, false);
            QueuedDownlink item = rig.Enqueue(T0 + 1000000, 7, true);
            rig.Uplink(T0 + 60000000, false); // carries it in RX1
            Assert.AreEqual(1, item.Transmissions, "sent once");
            rig.Uplink(T0 + 120000000, false); // no ACK: NACK
            Assert.IsTrue(item.GivenUp, "no retry allowed: given up (The Things Stack: attempt > default-retry-attempts)");
            Assert.AreEqual(0, rig.Registered.QueueLength, "not queued again");
            Assert.AreEqual(1, rig.Bench.Server.Counters.ConfirmedDownlinksGivenUp, "counted");
        }

        [TestMethod]
        public void GatewaySubBandDutyCycle_HoldsClassCDownlinks()
        {
            // RX2 moved to 868.1 MHz: EU868 sub-band 868.0–868.6 MHz allows 1 % (36 s an hour, RP002-1.0.4 / ETSI).
            NetworkOptions options = new NetworkOptions();
            options.ClassCDownlinkIntervalUs = 0;
            Rig rig = new Rig(options);
            rig.Registered.Session.Rx2FrequencyHz = 868100000;
            rig.Uplink(T0, false);
            for (int i = 0; i < 40; i++) rig.Enqueue(T0 + 10000000, (byte)i, false);
            rig.Alarm.RunUntil(T0 + 600000000);
            int sent = rig.Bench.Transmitter.Count;
            ulong air = rig.Bench.Region.GetAirTimeUs(0, 14, false); // 14-byte frames at DR0 (SF12/125 kHz)
            int fit = (int)(36000000UL / air);
            OutputHelper.WriteLine("sent " + sent.ToString() + " in the first 10 minutes; " + fit.ToString() + " fit in 36 s");
            Assert.IsTrue(sent <= fit && sent >= fit - 2, "about as many as fit in 36 s of air time, never more");
            Assert.IsTrue(rig.Bench.Server.Counters.ClassCDutyCycleDeferrals > 0, "the rest deferred");
            Assert.IsTrue(rig.Bench.Server.GatewayAirTimeInLastHourUs(868100000, T0 + 600000000) <= 36000000UL, "within 1 %");
            rig.Alarm.RunUntil(T0 + 3 * 3600000000UL);
            Assert.AreEqual(40, rig.Bench.Transmitter.Count, "all sent once the hour allowed");
        }
    }
}
