using System;
using System.Collections;
using System.Linq;
using LoRaWan.Frames;
using LoRaWan.HostTests.Crypto;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Mac
{
    /// <summary>
    /// The device MAC (LoRaWAN 1.1, scripted radio) on the outside vectors of Tests/Crypto/VECTORS11.md (issue 16): it accepts
    /// the exact brocaar/lorawan 1.1 downlinks (FOpts under NwkSEncKey with the NFCntDown and AFCntDown A-block types, the
    /// SNwkSIntKey MIC) and a join with lora-packet's key-derivation parameters leaves exactly lora-packet's session keys.
    /// The frames and keys are copied from those sources; <see cref="LoRaWanOracle"/> only builds the join-accepts, whose
    /// contents are not the point.
    /// </summary>
    [TestClass]
    public class Vectors11MacTests
    {
        static byte[] B(string hex) => MacTestRig.Bytes(hex);
        static string H(byte[] b) => BitConverter.ToString(b).Replace("-", "");

        /// <summary>The shared 1.1 rig.</summary>
        sealed class Rig : Mac11Rig
        {
            public Rig(DeviceIdentity id, SimulatedFlash flash) : base(id, Options11(), flash, false) { }

            /// <summary>An unconfirmed uplink whose RX1 brings <paramref name="downlink"/>; then one more uplink so the events are out.</summary>
            public void UplinkAnsweredBy(byte[] downlink)
            {
                Radio.DeliverInWindow(Radio.RxOpenedAt.Count, downlink);
                Assert.AreEqual(SendStatus.Sent, Device.Send(9, new byte[] { 1 }, false, 3600000).Status);
                Assert.AreEqual(SendStatus.Sent, Device.Send(9, new byte[] { 2 }, false, 3600000).Status);
            }
        }

        static SimulatedFlash Flash(int nextDevNonce) => Mac11Rig.FlashWithNonces(nextDevNonce, 0);

        // brocaar ExamplePHYPayload_lorawan11EncryptedFoptsEncode: DevAddr 01020304, SNwkSIntKey 01…0100, NwkSEncKey 01…0200,
        // AppSKey 100F…01 (FNwkSIntKey is not part of the vector: any key).
        static DeviceIdentity BrocaarExampleAbp() => DeviceIdentity.Abp11("01020304", "0F0E0D0C0B0A09080706050403020100",
            "01010101010101010101010101010100", "01010101010101010101010101010200", "100F0E0D0C0B0A090807060504030201");

        const string BrocaarAFCntDownFrame = "600403020103000022AC0A01F0B468DDAA5ED13A";

        [TestMethod]
        public void Downlink_BrocaarAFCntDownExample_AcceptedByTheDevice()
        {
            var rig = new Rig(BrocaarExampleAbp(), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize));
            rig.UplinkAnsweredBy(B(BrocaarAFCntDownFrame));
            Assert.AreEqual(1, rig.Downlinks.Count, "accepted");
            Assert.AreEqual("01020304", H((byte[])rig.Downlinks[0]), "FRMPayload under AppSKey, AFCntDown 0");
            Assert.AreEqual("7/1", rig.LinkChecks.Count == 1 ? (string)rig.LinkChecks[0] : "none", "FOpts LinkCheckAns (margin 7, 1 gateway) under NwkSEncKey, A-block type 0x02");
            Assert.AreEqual(0u, rig.Mac.Session.Keys.AFCntDown, "AFCntDown");
        }

        [TestMethod]
        public void Downlink_BrocaarAFCntDownExample_OneByteChanged_Dropped()
        {
            for (int i = 1; i < 20; i += 6)
            {
                byte[] frame = B(BrocaarAFCntDownFrame);
                frame[i] ^= 0x01;
                var rig = new Rig(BrocaarExampleAbp(), new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize));
                rig.UplinkAnsweredBy(frame);
                Assert.AreEqual(0, rig.Downlinks.Count, "byte " + i);
                Assert.AreEqual(0, rig.LinkChecks.Count, "byte " + i);
            }
        }

        [TestMethod]
        public void Downlink_BrocaarNFCntDownFOpts_AcceptedByTheDevice()
        {
            // brocaar TestPHYPayloadMACPayloadLoRaWAN11 "Mac-commands in FOpts (encrypted, using NFCntDown)": no FPort,
            // NFCntDown 0, LinkCheckAns under NwkSEncKey 02…04 (A-block type 0x01), MIC with SNwkSIntKey 02…02.
            var id = DeviceIdentity.Abp11("01020304", "02020202020202020202020202020203", "02020202020202020202020202020202",
                "02020202020202020202020202020204", "01010101010101010101010101010101");
            var rig = new Rig(id, new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize));
            rig.UplinkAnsweredBy(B("6004030201030000DFB4F1E24F1F9F"));
            Assert.AreEqual("7/1", rig.LinkChecks.Count == 1 ? (string)rig.LinkChecks[0] : "none", "LinkCheckAns decrypted from FOpts");
            Assert.AreEqual(0, rig.Downlinks.Count, "no application payload");
        }

        [TestMethod]
        public void Join_OptNeg1_LoraPacketBrocaarParameters_GivesTheirSessionKeys()
        {
            // lora-packet key_gen_test.ts "… 1.1 Broccar parameters with OptNeg Set": NwkKey 00…01, AppKey 0100…01, JoinEUI
            // 0000000000000001, JoinNonce 000003, DevNonce E8C2. DevEUI, NetID, DevAddr are not part of the vector.
            const string nwkKey = "00000000000000000000000000000001";
            const ulong devEui = 0x0011223344556677;
            var rig = new Rig(DeviceIdentity.Otaa11("0011223344556677", "0000000000000001", nwkKey, "01000000000000000000000000000001"), Flash(0xE8C2));
            byte[] plain = B("20 030000 010203 04030201 80 01".Replace(" ", ""));
            byte[] mic = LoRaWanOracle.JoinAcceptMic11(LoRaWanOracle.DeriveJs(B(nwkKey), 0x06, devEui), 0xFF, 0x0000000000000001, 0xE8C2, plain);
            rig.Radio.DeliverInWindow(0, LoRaWanOracle.EncryptJoinAccept(B(nwkKey), plain.Concat(mic).ToArray()));
            Assert.IsTrue(rig.Device.Join(60000), "joined");
            Assert.AreEqual("C2E8", H(((byte[])rig.Radio.Sent[0]).Skip(17).Take(2).ToArray()), "DevNonce E8C2 on air");
            SessionKeys k = rig.Mac.Session.Keys;
            Assert.IsTrue(k.Separate, "a 1.1 session");
            Assert.AreEqual("BBD966509BE6435F4BCB63ACC310466A", H(k.NwkSKey), "FNwkSIntKey");
            Assert.AreEqual("DEA9E621C747AF79A65F82DCAED92A99", H(k.SNwkSIntKey), "SNwkSIntKey");
            Assert.AreEqual("C8EEFDA7400395C94AB072E9C353B29D", H(k.NwkSEncKey), "NwkSEncKey");
            Assert.AreEqual("EB45A0A167B6F1CCCB9A678D761C0B03", H(k.AppSKey), "AppSKey");
        }

        [TestMethod]
        public void Join_OptNeg0_LoraPacketParameters_GivesTheirFNwkSIntKey()
        {
            // lora-packet key_gen_test.ts "… 1.1 with optNeg Unset": NwkKey 01…01, NetID 600008, JoinNonce 000058, DevNonce E8B8
            // → FNwkSIntKey F8153BAA…; LoRaWAN 1.1 §6.2.3 makes SNwkSIntKey and NwkSEncKey equal to it. (lora-packet's AppSKey
            // there comes from the AppKey; the specification derives it from the NwkKey with OptNeg 0: not compared.)
            const string nwkKey = "01010101010101010101010101010101";
            var rig = new Rig(DeviceIdentity.Otaa11("0011223344556677", "0000000000000001", nwkKey, "02020202020202020202020202020202"), Flash(0xE8B8));
            byte[] plain = B("20 580000 080060 04030201 00 01".Replace(" ", ""));
            byte[] mic = LoRaWanOracle.Cmac(B(nwkKey), plain).Take(4).ToArray();
            rig.Radio.DeliverInWindow(0, LoRaWanOracle.EncryptJoinAccept(B(nwkKey), plain.Concat(mic).ToArray()));
            Assert.IsTrue(rig.Device.Join(60000), "joined");
            SessionKeys k = rig.Mac.Session.Keys;
            Assert.IsFalse(k.Separate, "a 1.0 session");
            Assert.AreEqual("F8153BAA6D263662A65DF022E00C8641", H(k.NwkSKey), "FNwkSIntKey");
            Assert.AreEqual("F8153BAA6D263662A65DF022E00C8641", H(k.SNwkSIntKey), "SNwkSIntKey = FNwkSIntKey");
            Assert.AreEqual("F8153BAA6D263662A65DF022E00C8641", H(k.NwkSEncKey), "NwkSEncKey = FNwkSIntKey");
        }
    }
}
