using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Session
{
    /// <summary>
    /// The session a join-accept starts, built by <see cref="DeviceSession.StartFromJoinAccept"/>, checked field by field
    /// against shared/VECTORS.md (lora-packet's join-accept and 1.0 session-key vectors) and the EU868 defaults of the
    /// regional parameters (RX2 869.525 MHz).
    /// </summary>
    [TestClass]
    public class SessionStartTests
    {
        const string AppKey = "98929B92C49EDBA9676D646D3B612456";

        static DeviceSession Dirty(Region region)
        {
            var s = new DeviceSession(new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), region.CreateChannelPlan());
            // What a previous session may have left behind: all of it must go.
            s.Otaa = false;
            s.FCntUp = 77; s.FCntUpLimit = 100; s.FCntDown = 5; s.HasFCntDown = true;
            s.Owed.Ack = true; s.Owed.FreshLength = 3; s.Owed.StickyLength = 4; s.AdrAckCounter = 9;
            s.Rx1DrOffset = 3; s.Rx2DataRate = 3; s.Rx2FrequencyHz = 1; s.RxDelaySeconds = 7; s.CounterTag = 0xDEAD;
            return s;
        }

        [TestMethod]
        public void JoinAccept_LoraPacketVector_BuildsTheSessionFieldByField()
        {
            Region eu = Region.Create("EU868");
            DeviceSession s = Dirty(eu);
            var accept = new JoinAcceptFrame();
            // Plaintext join-accept: AppNonce 0x376338, NetID 0xAABBCC, DevAddr 0x012CCDE7, DLSettings 00, RxDelay 00.
            byte[] frame = TestHex.Bytes("20386337CCBBAAE7CD2C010000D9D0A6E7");
            Assert.AreEqual((int)FrameResult.Ok, (int)accept.Read(frame, 0, frame.Length));
            bool dlSettingsOk = s.StartFromJoinAccept(accept, 0xF18E, TestHex.Bytes(AppKey), new KeyDerivation(), eu, 5, 2, 3, true);
            Assert.IsTrue(dlSettingsOk, "DLSettings 00 is valid in EU868");
            Assert.IsTrue(s.Active);
            Assert.IsTrue(s.Otaa);
            Assert.AreEqual(0x012CCDE7u, s.DevAddr);
            Assert.AreEqual(0xAABBCCu, s.NetId);
            Assert.AreEqual(0x376338u, s.JoinNonce);
            Assert.AreEqual(0x376338u, s.CounterTag, "the counter record is tied to the JoinNonce");
            // VECTORS.md: session keys 1.0 from AppNonce 376338, NetID AABBCC, DevNonce F18E.
            Assert.AreEqual("4E3D6E6AFBCC67AF2BA3C8E8EC4ACF4B", TestHex.Of(s.NwkSKey));
            Assert.AreEqual("610897AA6F1460623443B527D3AC6A9D", TestHex.Of(s.AppSKey));
            Assert.AreEqual(0u, s.FCntUp);
            Assert.AreEqual(0u, s.FCntUpLimit);
            Assert.AreEqual(0u, s.FCntDown);
            Assert.IsFalse(s.HasFCntDown);
            Assert.IsFalse(s.Owed.Ack);
            Assert.AreEqual(0, s.Owed.FreshLength);
            Assert.AreEqual(0, s.Owed.StickyLength);
            Assert.AreEqual(0, s.AdrAckCounter);
            Assert.AreEqual(0, s.Rx1DrOffset, "DLSettings RX1DRoffset 0");
            Assert.AreEqual(0, s.Rx2DataRate, "DLSettings RX2DataRate 0");
            Assert.AreEqual(869525000u, s.Rx2FrequencyHz, "EU868 RX2 frequency (RP002)");
            Assert.AreEqual(1, s.RxDelaySeconds, "RxDelay 0 means 1 s (LoRaWAN 1.0.4 §5.7)");
            Assert.AreEqual(5, s.DataRate);
            Assert.AreEqual(2, s.TxPowerIndex);
            Assert.AreEqual(3, s.NbTrans);
            Assert.IsTrue(s.Adr);
        }

        [TestMethod]
        public void JoinAccept_UnusableDlSettings_FallBackToTheRegionalDefaults()
        {
            Region eu = Region.Create("EU868");
            DeviceSession s = Dirty(eu);
            var accept = new JoinAcceptFrame();
            byte[] frame = TestHex.Bytes("20386337CCBBAAE7CD2C010000D9D0A6E7");
            Assert.AreEqual((int)FrameResult.Ok, (int)accept.Read(frame, 0, frame.Length));
            accept.Rx1DrOffset = 7;     // EU868 defines 0..5
            accept.Rx2DataRate = 15;    // RFU
            accept.RxDelay = 3;
            Assert.IsFalse(s.StartFromJoinAccept(accept, 0xF18E, TestHex.Bytes(AppKey), new KeyDerivation(), eu, 0, 0, 1, false));
            Assert.AreEqual(0, s.Rx1DrOffset);
            Assert.AreEqual(0, s.Rx2DataRate, "EU868 RX2 default DR0");
            Assert.AreEqual(3, s.RxDelaySeconds);
            Assert.IsTrue(s.Active, "the join stands");
        }
    }
}
