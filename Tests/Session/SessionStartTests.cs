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
            s.Network.AdrParam = 0x21;   // ADRParamSetupReq of the old session (LoRaWAN 1.1 §5.11)
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
            Assert.AreEqual(NetworkSettings.NoAdrParam, s.Network.AdrParam, "ADR_ACK_LIMIT/DELAY back to the defaults");
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

        /// <summary>The payload of the record at <paramref name="first"/> as stored (the slot whose header carries <paramref name="magic"/>).</summary>
        static byte[] StoredPayload(SimulatedFlash flash, int first, byte magic)
        {
            for (int slot = first; slot < first + StoreSlots.PerRecord; slot++)
            {
                var raw = new byte[StoreSlots.SlotSize];
                int n = flash.Read(slot, raw, 0, raw.Length);
                if (n < RecordStore.Overhead || raw[0] != magic) continue;
                var payload = new byte[n - RecordStore.Overhead];
                System.Array.Copy(raw, 10, payload, 0, payload.Length);   // after the 10-byte header
                return payload;
            }
            Assert.IsTrue(false, "no copy of the record in slots " + first);
            return null;
        }

        /// <summary>
        /// The persisted layout (devices in the field hold it; Session/README.md): written out byte by byte, so grouping the
        /// session's fields into objects cannot move a byte. Session record v2: flags, DevAddr, NwkSKey, AppSKey, counter tag,
        /// RX1DROffset, RX2 DR, RX2 frequency, RxDelay, DR, power, NbTrans, ADR_ACK_CNT, JoinNonce, NetID, 3 zero bytes,
        /// the channel plan (128), then fresh length, sticky length, 0, 15 fresh and 32 sticky bytes; little-endian.
        /// Counter record v2: DevAddr, tag, FCntUp limit, FCntDown, flags (1 HasFCntDown, 2 HasAFCntDown), ADR_ACK_CNT, the last
        /// confirmed downlink's FCnt (LoRaWAN 1.1 ConfFCnt; zero in v1), AFCntDown (LoRaWAN 1.1; v1 ended before it).
        /// </summary>
        [TestMethod]
        public void SavedSession_KeepsThePersistedLayoutByteForByte()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var s = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            s.Active = true; s.Otaa = true; s.Adr = true; s.Owed.Ack = true;
            s.DevAddr = 0x012CCDE7;
            for (int i = 0; i < 16; i++) { s.NwkSKey[i] = (byte)i; s.AppSKey[i] = (byte)(0x10 + i); }
            s.CounterTag = 0x376338; s.JoinNonce = 0x376338; s.NetId = 0xAABBCC;
            s.Rx1DrOffset = 2; s.Rx2DataRate = 3; s.Rx2FrequencyHz = 869525000; s.RxDelaySeconds = 5;
            s.DataRate = 4; s.TxPowerIndex = 1; s.NbTrans = 2; s.AdrAckCounter = 0x0102;
            s.FCntUp = 0x20; s.FCntDown = 0x0A0B; s.HasFCntDown = true;
            s.Owed.Fresh[0] = 0x03; s.Owed.Fresh[1] = 0x07; s.Owed.FreshLength = 2;
            s.Owed.Sticky[0] = 0x08; s.Owed.StickyLength = 1;
            s.Save(0x10);

            byte[] b = StoredPayload(flash, StoreSlots.Session, 0x53);
            Assert.AreEqual(StoreSlots.SessionPayloadSize, b.Length);
            Assert.AreEqual("1BE7CD2C01" + "000102030405060708090A0B0C0D0E0F" + "101112131415161718191A1B1C1D1E1F"
                + "38633700" + "0203" + "08E6D333" + "05040102" + "0201" + "38633700" + "CCBBAA00" + "000000",
                TestHex.Of(b, 0, 64), "fixed part");
            int owed = 64 + ChannelPlan.SerializedSize;
            Assert.AreEqual("020100" + "0307" + "00000000000000000000000000" + "08" + "00000000000000000000000000000000000000000000000000000000000000",
                TestHex.Of(b, owed, 3 + 15 + 32), "owed answers");
            Assert.AreEqual(owed + 3 + 15 + 32, b.Length, "nothing after the owed answers");

            byte[] c = StoredPayload(flash, StoreSlots.Counters, 0x46);
            // An ACK and fresh answers are owed: the FCntUp window ends at FCntUp 0x20, the uplink that carries them.
            Assert.AreEqual("E7CD2C01" + "38633700" + "20000000" + "0B0A0000" + "01" + "0201" + "0000" + "00000000", TestHex.Of(c), "counter record");
            // That uplink rewrites the counter record alone, with flag bit 2: what the session record owes has gone out.
            s.FCntUp = 0x21;
            s.SaveCounters(0x10);
            c = StoredPayload(flash, StoreSlots.Counters + 1, 0x46);   // the second write goes to the other slot
            Assert.AreEqual("E7CD2C01" + "38633700" + "31000000" + "0B0A0000" + "05" + "0201" + "0000" + "00000000", TestHex.Of(c), "counter record, carried");
        }

        /// <summary>
        /// Class C is kept in byte 61 of the session record's fixed part (one of the 3 bytes version 2 wrote as zero), as
        /// DeviceClass's value (C = 2): the record's layout and version stay, a record written before Class C reads as
        /// Class A, and nothing else moves.
        /// </summary>
        [TestMethod]
        public void SavedSession_KeepsTheDeviceClassInByte61_AndAZeroThereIsClassA()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var s = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            s.Active = true;
            s.DevAddr = 0x012CCDE7;
            s.DeviceClass = LoRaWan.Mac.DeviceClass.C;
            s.Save(0x10);
            byte[] b = StoredPayload(flash, StoreSlots.Session, 0x53);
            Assert.AreEqual("020000", TestHex.Of(b, 61, 3), "class C in byte 61, then the 2 zero bytes");
            var restored = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            Assert.IsTrue(restored.Load());
            Assert.AreEqual((int)LoRaWan.Mac.DeviceClass.C, (int)restored.DeviceClass);

            var flashA = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            s = new DeviceSession(flashA, Region.Create("EU868").CreateChannelPlan());
            s.Active = true;
            s.DevAddr = 0x012CCDE7;
            s.DeviceClass = LoRaWan.Mac.DeviceClass.A;
            s.Save(0x10);
            b = StoredPayload(flashA, StoreSlots.Session, 0x53);
            Assert.AreEqual("000000", TestHex.Of(b, 61, 3), "class A: the zeros of a record written before Class C");
            var old = new DeviceSession(flashA, Region.Create("EU868").CreateChannelPlan());
            old.DeviceClass = LoRaWan.Mac.DeviceClass.C;
            Assert.IsTrue(old.Load());
            Assert.AreEqual((int)LoRaWan.Mac.DeviceClass.A, (int)old.DeviceClass, "a zero byte 61 restores Class A");
        }

        /// <summary>
        /// A LoRaWAN 1.1 session in the same record layout: flags 4 (1.1 keys), 32 (RekeyInd owed), 64 (ResetInd owed); the
        /// join's DevNonce in bytes 56 and 60 (the high bytes of the 24-bit JoinNonce and NetID); AFCntDown in bytes 21..24 of
        /// the counter record and its flag as bit 1 of byte 16. Bytes 62..63 stay zero (reserved).
        /// </summary>
        [TestMethod]
        public void SavedSession11_KeepsFlagsDevNonceAndAFCntDown_AndLoadsThemBack()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var s = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            s.Active = true; s.Otaa = true;
            s.DevAddr = 0x012CCDE7; s.CounterTag = 0x376338; s.JoinNonce = 0x376338; s.NetId = 0xAABBCC;
            s.RxDelaySeconds = 1; s.NbTrans = 1;
            s.Keys.Separate = true; s.Keys.RekeyOwed = true; s.Keys.ResetOwed = true; s.Keys.DevNonce = 0x7369;
            s.FCntDown = 0x0A0B; s.HasFCntDown = true; s.Keys.AFCntDown = 0x01020304; s.Keys.HasAFCntDown = true; s.Keys.ConfirmedDownFCnt = 0x0A0B;
            s.Save(0x10);

            byte[] b = StoredPayload(flash, StoreSlots.Session, 0x53);
            Assert.AreEqual(0x01 | 0x02 | 0x04 | 0x20 | 0x40, (int)b[0], "flags");
            Assert.AreEqual("38633769" + "CCBBAA73" + "00" + "0000", TestHex.Of(b, 53, 11), "JoinNonce | DevNonce low, NetID | DevNonce high, class, reserved");
            byte[] c = StoredPayload(flash, StoreSlots.Counters, 0x46);
            Assert.AreEqual("03" + "0000" + "0B0A" + "04030201", TestHex.Of(c, 16, 9), "flags (1 | 2), ADR_ACK_CNT, ConfFCnt of the last confirmed downlink, AFCntDown");

            var again = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            Assert.IsTrue(again.Load());
            Assert.IsTrue(again.Keys.Separate);
            Assert.IsTrue(again.Keys.RekeyOwed);
            Assert.IsTrue(again.Keys.ResetOwed);
            Assert.AreEqual(0x7369, (int)again.Keys.DevNonce);
            Assert.AreEqual(0x376338u, again.JoinNonce);
            Assert.AreEqual(0xAABBCCu, again.NetId);
            Assert.AreEqual(0x01020304u, again.Keys.AFCntDown);
            Assert.IsTrue(again.Keys.HasAFCntDown);
            Assert.AreEqual(0x0A0Bu, again.FCntDown);
            Assert.AreEqual(0x0A0B, (int)again.Keys.ConfirmedDownFCnt);
        }

        /// <summary>
        /// A counter record written by the LoRaWAN 1.0 code (version 1, 21 bytes) still loads: FCntUp resumes from its limit,
        /// never below a counter used. The first save writes the other slot, so a power cut during it leaves the newest
        /// version-1 copy to load.
        /// </summary>
        [TestMethod]
        public void CounterRecordVersion1_StillLoads_AndTheFirstSaveKeepsItsNewestCopy()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            // The version-1 layout, as the 1.0 code wrote it: DevAddr, tag, FCntUp limit, FCntDown, flags, ADR_ACK_CNT, 0, 0.
            var v1 = new RecordStore(flash, StoreSlots.Counters, 0x4346, 1, 21);
            byte[] older = TestHex.Bytes("E7CD2C01" + "38633700" + "10000000" + "05000000" + "01" + "0000" + "0000");
            byte[] newer = TestHex.Bytes("E7CD2C01" + "38633700" + "30000000" + "07000000" + "01" + "0000" + "0000");
            v1.Save(older, 0);
            v1.Save(newer, 0);

            var s = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            Assert.IsTrue(s.TryLoadCounters(0x012CCDE7, 0x376338), "the version-1 record loads");
            Assert.AreEqual(0x30u, s.FCntUp, "from the newest copy's limit");
            Assert.AreEqual(7u, s.FCntDown);
            Assert.IsFalse(s.Keys.HasAFCntDown, "no application downlink counter in a 1.0 record");

            flash.TearAfter(0, 12);   // cut power in the middle of the first version-2 write
            try { s.SaveCounters(16); } catch (PowerLossException) { }
            flash.PowerOn();
            var afterCut = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            Assert.IsTrue(afterCut.TryLoadCounters(0x012CCDE7, 0x376338), "the newest version-1 copy survived the torn write");
            Assert.AreEqual(0x30u, afterCut.FCntUp);

            afterCut.DevAddr = 0x012CCDE7;   // TryLoadCounters checks them; a session sets them from its own record
            afterCut.CounterTag = 0x376338;
            afterCut.SaveCounters(16);
            var v2 = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            Assert.IsTrue(v2.TryLoadCounters(0x012CCDE7, 0x376338), "the version-2 copy loads");
            Assert.AreEqual(0x40u, v2.FCntUp, "version 2 from now on");
        }
    }
}
