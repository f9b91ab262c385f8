using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>Join-accept CFList handling (RP002-1.0.4 "CFList"): type 0 frequencies, type 1 channel masks.</summary>
    [TestClass]
    public class CfListTests
    {
        // The Things Network EU868 CFList: 867.1, 867.3, 867.5, 867.7, 867.9 MHz (×100 Hz, 3 bytes LE), type 0.
        private static readonly byte[] TtnEu868CfList =
        {
            0x18, 0x4F, 0x84, 0xE8, 0x56, 0x84, 0xB8, 0x5E, 0x84, 0x88, 0x66, 0x84, 0x58, 0x6E, 0x84, 0x00,
        };

        [TestMethod]
        public void Type0_AddsFiveChannelsAfterTheDefaults()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            Assert.IsTrue(eu.ApplyCfList(plan, TtnEu868CfList, 0), "type 0 accepted");
            uint[] expected = { 868100000, 868300000, 868500000, 867100000, 867300000, 867500000, 867700000, 867900000 };
            for (int ch = 0; ch < expected.Length; ch++)
            {
                Assert.AreEqual(expected[ch], plan.GetFrequency(ch), "channel " + ch.ToString());
                Assert.IsTrue(plan.IsEnabled(ch), "enabled " + ch.ToString());
                Assert.AreEqual(0, plan.GetMinDataRate(ch), "DR0..");
                Assert.AreEqual(5, plan.GetMaxDataRate(ch), "..DR5");
            }
            Assert.AreEqual(8, plan.EnabledCount, "eight channels");
        }

        [TestMethod]
        public void Type0_AtAnOffset_InAs923StartsAfterTwoDefaults()
        {
            Region as923 = Region.Create("AS923-1");
            ChannelPlan plan = as923.CreateChannelPlan();
            byte[] buffer = new byte[20];
            // 923.6 MHz and 923.8 MHz, then three zeros (undefined), type 0; placed at offset 4.
            uint a = 923600000 / 100, b = 923800000 / 100;
            buffer[4] = (byte)a; buffer[5] = (byte)(a >> 8); buffer[6] = (byte)(a >> 16);
            buffer[7] = (byte)b; buffer[8] = (byte)(b >> 8); buffer[9] = (byte)(b >> 16);
            Assert.IsTrue(as923.ApplyCfList(plan, buffer, 4), "type 0");
            Assert.AreEqual(923600000u, plan.GetFrequency(2), "channel 2");
            Assert.AreEqual(923800000u, plan.GetFrequency(3), "channel 3");
            Assert.AreEqual(0u, plan.GetFrequency(4), "zero = undefined");
            Assert.AreEqual(4, plan.EnabledCount, "two defaults + two");
        }

        [TestMethod]
        public void Type0_InvalidFrequencyIsSkipped()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            byte[] cf = new byte[16];
            uint bad = 902300000 / 100; // a US915 frequency
            cf[0] = (byte)bad; cf[1] = (byte)(bad >> 8); cf[2] = (byte)(bad >> 16);
            Assert.IsTrue(eu.ApplyCfList(plan, cf, 0), "list accepted");
            Assert.AreEqual(0u, plan.GetFrequency(3), "902.3 MHz is not an EU868 frequency");
            Assert.AreEqual(3, plan.EnabledCount, "defaults only");
        }

        [TestMethod]
        public void WrongType_IsIgnored()
        {
            Region eu = Region.Create("EU868");
            ChannelPlan plan = eu.CreateChannelPlan();
            byte[] cf = new byte[16];
            Array.Copy(TtnEu868CfList, cf, 16);
            cf[15] = 1;
            Assert.IsFalse(eu.ApplyCfList(plan, cf, 0), "type 1 in a dynamic plan");
            Assert.AreEqual(3, plan.EnabledCount, "unchanged");

            Region us = Region.Create("US915");
            ChannelPlan usPlan = us.CreateChannelPlan();
            Assert.IsFalse(us.ApplyCfList(usPlan, TtnEu868CfList, 0), "type 0 in a fixed plan");
            Assert.AreEqual(72, usPlan.EnabledCount, "unchanged");
        }

        [TestMethod]
        public void Type1_ReplacesTheChannelMask()
        {
            // FSB2: ChMask0 = 0xFF00 (channels 8..15), ChMask4 = 0x0002 (channel 65); 16-bit LE; type 1.
            byte[] cf = { 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0, 0, 0, 0, 0, 0x01 };
            Region us = Region.Create("US915");
            ChannelPlan plan = us.CreateChannelPlan();
            Assert.IsTrue(us.ApplyCfList(plan, cf, 0), "type 1");
            for (int ch = 0; ch < 72; ch++)
                Assert.AreEqual((ch >= 8 && ch <= 15) || ch == 65, plan.IsEnabled(ch), "channel " + ch.ToString());
        }

        [TestMethod]
        public void Type1_InAu915_BitsAbove71AreIgnored()
        {
            byte[] cf = { 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xFF, 0, 0, 0, 0, 0, 0x01 };
            Region au = Region.Create("AU915");
            ChannelPlan plan = au.CreateChannelPlan();
            Assert.IsTrue(au.ApplyCfList(plan, cf, 0), "type 1");
            Assert.AreEqual(9, plan.EnabledCount, "channels 0..7 and 64");
            Assert.IsTrue(plan.IsEnabled(64), "64");
        }
    }
}
