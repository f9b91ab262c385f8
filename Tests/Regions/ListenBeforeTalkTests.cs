using System;
using LoRaWan.Mac;
using LoRaWan.Radio;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// Listen-before-talk in channel selection (Region.SelectClearChannel): the Korean and Japanese carrier-sense
    /// parameters (LoRaMac-node RegionKR920.h / RegionAS923.h, ARIB STD-T108), a busy channel never chosen, the next
    /// free one tried, and a wait when all are busy; the per-country option.
    /// </summary>
    [TestClass]
    public class ListenBeforeTalkTests
    {
        /// <summary>A radio that only senses: busy on the listed frequencies, and records what it was asked.</summary>
        sealed class SensingRadio : IRadio
        {
            public uint[] Busy = new uint[0];
            public int Senses;
            public uint LastHz;
            public int LastBandwidthHz;
            public int LastThresholdDbm;
            public int LastSenseUs;

            public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs)
            {
                Senses++;
                LastHz = frequencyHz;
                LastBandwidthHz = bandwidthHz;
                LastThresholdDbm = rssiThresholdDbm;
                LastSenseUs = senseTimeUs;
                for (int i = 0; i < Busy.Length; i++) if (Busy[i] == frequencyHz) return false;
                return true;
            }

            public void SetEventSink(IRadioEventSink sink) { }
            public void SetPublicNetwork(bool isPublic) { }
            public void Transmit(TxConfig config, byte[] buffer, int offset, int length) { throw new InvalidOperationException("not here"); }
            public void TxDeadlinePassed() { }   // it never transmits: no outcome to report (IRadio's contract)
            public void Receive(RxConfig config) { throw new InvalidOperationException("not here"); }
            public void ReceiveContinuous(RxConfig config) { throw new InvalidOperationException("not here"); }
            public void StartContinuousWave(uint frequencyHz, int powerDbm) { throw new InvalidOperationException("not here"); }
            public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info) { return 0; }
            public void Sleep() { }
        }

        [TestMethod]
        public void Kr920_Senses6msAtMinus65dBm_In200kHz_AsLoRaMacNode()
        {
            // LoRaMac-node RegionKR920.h: KR920_CARRIER_SENSE_TIME 6 (ms), KR920_RSSI_FREE_TH -65, KR920_LBT_RX_BANDWIDTH 200000.
            Region kr = Region.Create("KR920");
            Assert.IsTrue(kr.ListenBeforeTalkRequired, "Korean law: on by default");
            Assert.IsTrue(kr.HasListenBeforeTalk);
            Assert.AreEqual(6000, kr.CarrierSenseTimeUs);
            Assert.AreEqual(-65, kr.CarrierSenseThresholdDbm);
            Assert.AreEqual(200000, kr.CarrierSenseBandwidthHz);

            var radio = new SensingRadio();
            ulong wait;
            int ch = kr.SelectClearChannel(kr.CreateChannelPlan(), 0, true, 0, 100000, null, new XorShiftRandom(5), radio, out wait);
            Assert.IsTrue(ch >= 0 && ch < 3, "a default channel");
            Assert.AreEqual(1, radio.Senses, "the free channel sensed once");
            Assert.AreEqual(6000, radio.LastSenseUs);
            Assert.AreEqual(-65, radio.LastThresholdDbm);
            Assert.AreEqual(200000, radio.LastBandwidthHz);
        }

        [TestMethod]
        public void As923_JapanParameters_5msAtMinus80dBm_OffByDefault()
        {
            // ARIB STD-T108 as LoRaMac-node's CHANNEL_PLAN_GROUP_AS923_1_JP: 5 ms at -80 dBm, 200 kHz receive bandwidth.
            for (int g = 1; g <= 4; g++)
            {
                Region r = Region.Create("AS923-" + g.ToString());
                Assert.IsFalse(r.ListenBeforeTalkRequired, r.Name + ": only Japan asks for LBT");
                Assert.IsTrue(r.HasListenBeforeTalk, r.Name);
                Assert.AreEqual(5000, r.CarrierSenseTimeUs, r.Name);
                Assert.AreEqual(-80, r.CarrierSenseThresholdDbm, r.Name);
                Assert.AreEqual(200000, r.CarrierSenseBandwidthHz, r.Name);
            }
            Assert.IsFalse(Region.Create("EU868").HasListenBeforeTalk, "EU868 has no LBT rule here");
            Assert.IsFalse(Region.Create("EU868").ListenBeforeTalkRequired);
        }

        [TestMethod]
        public void BusyChannel_IsNeverChosen_TheNextFreeOneIs()
        {
            Region kr = Region.Create("KR920");
            ChannelPlan plan = kr.CreateChannelPlan();
            var radio = new SensingRadio();
            radio.Busy = new uint[] { 922100000, 922300000 };
            var random = new XorShiftRandom(77);
            int busyPicks = 0, free = 0, multiSense = 0;
            for (int i = 0; i < 60; i++)
            {
                radio.Senses = 0;
                ulong wait;
                int ch = kr.SelectClearChannel(plan, 0, true, 0, 100000, null, random, radio, out wait);
                Assert.AreEqual(0UL, wait, "a free channel exists");
                if (ch != 2) busyPicks++; else free++;
                Assert.AreEqual(922500000u, radio.LastHz, "the last channel sensed is the one chosen");
                if (radio.Senses > 1) multiSense++;
            }
            Assert.AreEqual(0, busyPicks, "never a busy channel");
            Assert.AreEqual(60, free);
            Assert.IsTrue(multiSense > 0, "a busy first pick hopped to the next channel");
        }

        [TestMethod]
        public void EveryChannelBusy_NoChannel_WaitsBetween100And200ms()
        {
            Region kr = Region.Create("KR920");
            ChannelPlan plan = kr.CreateChannelPlan();
            var radio = new SensingRadio();
            radio.Busy = new uint[] { 922100000, 922300000, 922500000 };
            ulong wait;
            int ch = kr.SelectClearChannel(plan, 0, true, 0, 100000, null, new XorShiftRandom(3), radio, out wait);
            Assert.AreEqual(-1, ch, "no channel");
            Assert.AreEqual(3, radio.Senses, "each join channel sensed once");
            Assert.IsTrue(wait >= 100000 && wait < 200000, "retry after 100..200 ms: " + wait.ToString());
        }

        [TestMethod]
        public void NoSensor_PlainSelection_NothingSensed()
        {
            Region kr = Region.Create("KR920");
            ulong wait;
            int a = kr.SelectClearChannel(kr.CreateChannelPlan(), 0, true, 0, 100000, null, new XorShiftRandom(11), null, out wait);
            int b = kr.SelectChannel(kr.CreateChannelPlan(), 0, true, 0, 100000, null, new XorShiftRandom(11), out wait);
            Assert.AreEqual(b, a, "same pick as SelectChannel");
        }

        [TestMethod]
        public void Option_PerCountry()
        {
            var o = new LoRaWanOptions();
            Assert.IsTrue(o.UsesListenBeforeTalk(Region.Create("KR920")), "KR920: on by default");
            Assert.IsFalse(o.UsesListenBeforeTalk(Region.Create("AS923-1")), "AS923: off by default");
            Assert.IsFalse(o.UsesListenBeforeTalk(Region.Create("EU868")));
            o.ListenBeforeTalk = ListenBeforeTalkMode.On;
            o.Validate(Region.Create("AS923-1"));
            Assert.IsTrue(o.UsesListenBeforeTalk(Region.Create("AS923-1")), "AS923 in Japan");
            Assert.ThrowsException(typeof(ArgumentException), () => o.Validate(Region.Create("EU868")));
            o.ListenBeforeTalk = ListenBeforeTalkMode.Off;
            Assert.IsFalse(o.UsesListenBeforeTalk(Region.Create("KR920")), "explicitly off");
        }
    }
}
