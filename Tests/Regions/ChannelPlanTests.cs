using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>The persisted channel plan: fixed size, round trip, refuses foreign records.</summary>
    [TestClass]
    public class ChannelPlanTests
    {
        [TestMethod]
        public void RoundTrip_RestoresChannelsMaskAndTransmitParameters()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            eu.ApplyNewChannel(plan, 3, 867100000, 0, 5);
            eu.ApplyNewChannel(plan, 9, 869525000, 1, 4);
            eu.ApplyDlChannel(plan, 3, 869525000);
            eu.ApplyChannelMask(plan, 0, 0x0209);
            plan.MaxDutyCycle = 5;

            byte[] record = new byte[10 + ChannelPlan.SerializedSize];
            plan.Write(record, 10);
            Assert.AreEqual(128, ChannelPlan.SerializedSize, "fixed size");

            ChannelPlan restored = eu.CreateChannelPlan();
            Assert.IsTrue(restored.Read(record, 10), "read back");
            for (int ch = 0; ch < 16; ch++)
            {
                Assert.AreEqual(plan.GetFrequency(ch), restored.GetFrequency(ch), "frequency " + ch.ToString());
                Assert.AreEqual(plan.IsEnabled(ch), restored.IsEnabled(ch), "enabled " + ch.ToString());
                Assert.AreEqual(plan.GetMinDataRate(ch), restored.GetMinDataRate(ch), "min DR " + ch.ToString());
                Assert.AreEqual(plan.GetMaxDataRate(ch), restored.GetMaxDataRate(ch), "max DR " + ch.ToString());
                Assert.AreEqual(eu.GetRx1Frequency(plan, ch), eu.GetRx1Frequency(restored, ch), "RX1 " + ch.ToString());
                Assert.AreEqual(plan.GetBand(ch), restored.GetBand(ch), "band " + ch.ToString());
            }
            Assert.AreEqual(5, restored.MaxDutyCycle, "MaxDCycle");
            Assert.AreEqual(16, restored.MaxEirpDbm, "MaxEIRP");
        }

        [TestMethod]
        public void RoundTrip_FixedPlanMaskAndDwellTime()
        {
            Region au = Region.Create("AU915");
            ChannelPlan plan = au.CreateChannelPlan();
            au.SetSubBand(plan, 2);
            au.ApplyTxParamSetup(plan, 0x2B); // downlink dwell, no uplink dwell, 27 dBm
            byte[] record = new byte[ChannelPlan.SerializedSize];
            plan.Write(record, 0);
            ChannelPlan restored = au.CreateChannelPlan();
            Assert.IsTrue(restored.Read(record, 0), "read back");
            for (int ch = 0; ch < 72; ch++) Assert.AreEqual(plan.IsEnabled(ch), restored.IsEnabled(ch), "channel " + ch.ToString());
            Assert.IsTrue(restored.DownlinkDwellTime, "downlink dwell");
            Assert.IsFalse(restored.UplinkDwellTime, "uplink dwell");
            Assert.AreEqual(27, restored.MaxEirpDbm, "code 11 = 27 dBm");
        }

        [TestMethod]
        public void Read_RefusesAnotherRegionsRecordOrAnotherVersion()
        {
            byte[] record = new byte[ChannelPlan.SerializedSize];
            Region.Create("EU868").CreateChannelPlan().Write(record, 0);
            ChannelPlan in865 = Region.Create("IN865").CreateChannelPlan();
            Assert.IsFalse(in865.Read(record, 0), "EU868 record in an IN865 plan");
            Assert.AreEqual(865062500u, in865.GetFrequency(0), "plan unchanged");
            record[0] = 99;
            Assert.IsFalse(Region.Create("EU868").CreateChannelPlan().Read(record, 0), "unknown version");
            Assert.IsFalse(Region.Create("EU868").CreateChannelPlan().Read(record, 1), "too short");
        }

        [TestMethod]
        public void Reset_RestoresDefaults()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            eu.ApplyNewChannel(plan, 3, 867100000, 0, 5);
            plan.Reset();
            Assert.AreEqual(3, plan.EnabledCount, "defaults only");
            Assert.AreEqual(0u, plan.GetFrequency(3), "channel 3 gone");
        }

        [TestMethod]
        public void CopyFrom_CopiesEverything()
        {
            Region us = Region.Create("US915");
            ChannelPlan a = us.CreateChannelPlan();
            us.SetSubBand(a, 2);
            ChannelPlan b = us.CreateChannelPlan();
            b.CopyFrom(a);
            Assert.AreEqual(9, b.EnabledCount, "mask copied");
            Assert.ThrowsException(typeof(ArgumentException), () => b.CopyFrom(Region.Create("AU915").CreateChannelPlan()));
        }
    }
}
