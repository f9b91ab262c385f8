using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// A simulated day on EU868 with ADR on: the real driver and MAC on the chip model, a gateway hearing every uplink
    /// sent at full power with an SNR of 12.5 dB — 20 dB above the demodulation floor of DR5 (−7.5 dB); lower power
    /// lowers the SNR dB for dB — and the network server asking
    /// for MAC commands the way The Things Stack does (ADR over the last 20 uplinks, DevStatusReq, NewChannelReq for
    /// the EU868 extra channels since no CFList is sent, RXParamSetupReq to RX2 DR3, DutyCycleReq and
    /// RXTimingSetupReq on demand; LinkCheckReq and DeviceTimeReq answered).
    /// </summary>
    [TestClass]
    public class AdrDayTests
    {
        const int IntervalSeconds = 300;
        const int Hours = 24;

        [TestMethod]
        public void EuDayWithAdr_DeviceMovedToDr5AndLowerPower_NoDutyCycleViolation_EveryAnswerRight()
        {
            var net = new NetworkOptions();
            net.CfListEnabled = false;         // the extra channels come by NewChannelReq
            net.RecordHistory = false;
            var world = new VirtualWorld("EU868", 21, net);
            world.Network.Mac.Enabled = true;
            world.Network.Mac.Rx2DataRate = 3;             // The Things Network's EU868 RX2: SF9
            world.Network.Mac.DevStatusPeriodUplinks = 48;
            // The link: 12.5 dB SNR at full power (16 dBm EIRP, 14 dBm at the radio), one dB less per dB less power.
            var air = new DutyCycleAudit(world.Region, world.Gateway, 14, 50);
            world.Air.AddMonitor(air);

            var id = DeviceIdentity.Otaa("70B3D57ED0000A01", "0000000000000000", "2B7E151628AED2A6ABF7158809CF4F3C");
            world.Register(id, LoRaWanVersion.V1_0_4);
            var o = new LoRaWanOptions();
            o.DataRate = 0;                                // start slow: ADR has to bring it up
            o.RandomSeed = 21;
            LoRaWanDevice device = world.PowerOn(id, o, null, Battery);
            Assert.IsTrue(device.Join(600000), "joined");

            int linkChecks = 0;
            int times = 0;
            device.OnLinkCheck += (s, margin, gateways) => linkChecks++;
            device.OnNetworkTime += (s, seconds, fraction) => times++;

            var payload = new byte[] { 0x01, 0x67, 0x00, 0xE1, 0x02, 0x02, 0x00, 0x00 };
            int uplinks = Hours * 3600 / IntervalSeconds;
            int sent = 0;
            ulong dutyCycleFromUs = 0;
            for (int i = 0; i < uplinks; i++)
            {
                if (i == 40) world.Network.RequestRxTiming(id.DevEui, 2);
                if (i == 60) world.Network.RequestDutyCycle(id.DevEui, 4);
                if (i == 80) device.RequestLinkCheck();
                if (i == 90) device.RequestDeviceTime();
                payload[7] = (byte)i;
                SendResult r = device.Send(1, payload, false, 600000);
                if (r.Status == SendStatus.Sent) sent++;
                if (i == 60) dutyCycleFromUs = world.Scheduler.NowMicroseconds;   // DutyCycleReq arrived after uplink 60
                world.Sleep(IntervalSeconds * 1000);
            }

            air.CheckAggregated(dutyCycleFromUs, 4);
            NetworkMacCounters mc = world.Network.MacCounters;
            NetworkMacState m = world.Network.GetMacState(id.DevEui);
            ClassAMac mac = world.Mac;
            OutputHelper.WriteLine("uplinks " + sent.ToString() + "/" + uplinks.ToString() + ", requests " + mc.RequestsQueued.ToString()
                + ", correct " + mc.AnswersCorrect.ToString() + ", wrong " + mc.AnswersWrong.ToString() + ", unexpected "
                + mc.AnswersUnexpected.ToString() + ", missing " + mc.AnswersMissing.ToString() + ", sticky repeats "
                + mc.StickyRepeats.ToString() + ", ADR changes " + m.AdrChanges.ToString() + ", DR" + mac.Session.DataRate.ToString()
                + " TXPower " + mac.Session.TxPowerIndex.ToString() + ", channels " + mac.Session.Plan.EnabledCount.ToString()
                + ", worst hour " + (air.WorstHourUs / 1000).ToString() + " ms in band " + air.WorstBand.ToString());

            Assert.AreEqual(uplinks, sent, "every uplink sent");
            Assert.AreEqual(5, mac.Session.DataRate, "ADR moved the device to DR5");
            Assert.IsTrue(mac.Session.TxPowerIndex > 0, "and lowered its power");
            Assert.AreEqual(0, mc.WrongAnswers, "the network found no wrong answer");
            Assert.AreEqual(0, mc.AnswersMissing, "and no missing one");
            Assert.AreEqual(0, mc.LateStickyRepeats, "sticky answers stopped after a downlink");
            Assert.IsTrue(mc.AnswersCorrect >= 10, "answers checked: " + mc.AnswersCorrect.ToString());
            Assert.AreEqual(0, air.Violations, "no sub-band over its duty cycle in any hour");
            Assert.AreEqual(0, air.AggregatedViolations, "DutyCycleReq 1/16 respected after it was accepted");

            Assert.AreEqual(8, mac.Session.Plan.EnabledCount, "NewChannelReq added 867.1 .. 867.9 MHz");
            Assert.AreEqual(3, mac.Session.Rx2DataRate, "RXParamSetupReq: RX2 DR3");
            Assert.AreEqual(2, mac.Session.RxDelaySeconds, "RXTimingSetupReq: 2 s");
            Assert.AreEqual(4, mac.Session.Plan.MaxDutyCycle, "DutyCycleReq: 1/16");
            Assert.AreEqual(0xA0, m.LastBattery, "DevStatusAns battery");
            Assert.IsTrue(m.DevStatusCount >= 3, "DevStatusReq periodically: " + m.DevStatusCount.ToString());
            Assert.AreEqual(1, linkChecks, "LinkCheckAns");
            Assert.AreEqual(1, times, "DeviceTimeAns");
            Assert.AreEqual(0, mac.Counters.MicFailures + mac.Counters.MalformedFrames, "every downlink accepted");
        }

        static int Battery() { return 0xA0; }

        /// <summary>
        /// Watches every uplink on the air: air time per EU868 sub-band in any one-hour window (ETSI EN 300 220: the
        /// duty cycle is measured over one hour), and after a DutyCycleReq the aggregated rule of LoRaWAN 1.0.4 §5.4.
        /// Also the path loss: the gateway hears each uplink with an SNR that follows the radio's power.
        /// </summary>
        sealed class DutyCycleAudit : IAirMonitor
        {
            const int Max = 4096;
            readonly Region _region;
            readonly ulong[] _start = new ulong[Max];
            readonly ulong[] _air = new ulong[Max];
            readonly int[] _band = new int[Max];
            int _count;

            public int Violations;
            public int AggregatedViolations;
            public ulong WorstHourUs;
            public int WorstBand;

            readonly GatewayEndpoint _gateway;
            readonly int _fullPowerDbm;
            readonly int _snrAtFullPowerQuarterDb;

            public DutyCycleAudit(Region region, GatewayEndpoint gateway, int fullPowerDbm, int snrAtFullPowerQuarterDb)
            {
                _region = region;
                _gateway = gateway;
                _fullPowerDbm = fullPowerDbm;
                _snrAtFullPowerQuarterDb = snrAtFullPowerQuarterDb;
            }

            public void OnTransmission(AirFrame frame)
            {
                if (frame.InvertIq || _count == Max) return;   // downlinks are the gateway's business
                _gateway.UplinkSnrQuarterDb = _snrAtFullPowerQuarterDb + 4 * (frame.PowerDbm - _fullPowerDbm);
                int band = _region.GetBandIndex(frame.FrequencyHz);
                _start[_count] = frame.StartUs;
                _air[_count] = frame.AirTimeUs;
                _band[_count] = band;
                _count++;
                ulong end = frame.StartUs + frame.AirTimeUs;
                ulong windowStart = end > DutyCycleTracker.ObservationUs ? end - DutyCycleTracker.ObservationUs : 0;
                ulong sum = 0;
                for (int i = 0; i < _count; i++)
                    if (_band[i] == band && _start[i] + _air[i] > windowStart) sum += _air[i];
                if (sum > WorstHourUs) { WorstHourUs = sum; WorstBand = band; }
                if (band < 0 || sum * (ulong)_region.GetBandDutyCycleDivisor(band) > DutyCycleTracker.ObservationUs) Violations++;
            }

            /// <summary>After the device accepted MaxDCycle <paramref name="maxDCycle"/> at <paramref name="fromUs"/>: frames keep air·2^n apart.</summary>
            public void CheckAggregated(ulong fromUs, int maxDCycle)
            {
                for (int i = 1; i < _count; i++)
                {
                    if (_start[i - 1] < fromUs) continue;
                    if (_start[i] < _start[i - 1] + (_air[i - 1] << maxDCycle)) AggregatedViolations++;
                }
            }
        }
    }
}
