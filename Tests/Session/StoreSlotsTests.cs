using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Session
{
    /// <summary>
    /// The map of the non-volatile store (<see cref="StoreSlots"/>) is a persistent format: these tests pin its numbers,
    /// check that no two records share a slot, and that each record writes only the slots the map gives it, at the
    /// size the map states.
    /// </summary>
    [TestClass]
    public class StoreSlotsTests
    {
        [TestMethod]
        public void StoreSlots_ArePinned_BecauseDevicesInTheFieldHoldThisLayout()
        {
            Assert.AreEqual(0, StoreSlots.Nonces, "nonces");
            Assert.AreEqual(2, StoreSlots.Session, "session");
            Assert.AreEqual(4, StoreSlots.Application, "application");
            Assert.AreEqual(6, StoreSlots.Counters, "frame counters");
            Assert.AreEqual(2, StoreSlots.PerRecord, "two alternating copies");
            Assert.AreEqual(8, StoreSlots.Count, "slots");
            // RecordStore: 10 bytes of header + payload + 4 bytes of CRC-32.
            Assert.AreEqual(10 + 33 + 4, StoreSlots.NonceSlotSize, "nonce slot (version 3: RJcount1, RJcount0)");
            Assert.AreEqual(10 + 64 + 128 + 3 + 15 + 32 + 4, StoreSlots.SessionSlotSize, "session slot");
            Assert.AreEqual(10 + 25 + 4, StoreSlots.CounterSlotSize, "counter slot (version 2: AFCntDown)");
        }

        [TestMethod]
        public void StoreSlots_NoTwoRecordsOverlap_AndAllLieInTheStore()
        {
            int[] first = { StoreSlots.Nonces, StoreSlots.Session, StoreSlots.Application, StoreSlots.Counters };
            int[] size = { StoreSlots.NonceSlotSize, StoreSlots.SessionSlotSize, StoreSlots.SlotSize, StoreSlots.CounterSlotSize };
            for (int i = 0; i < first.Length; i++)
            {
                Assert.IsTrue(first[i] >= 0 && first[i] + StoreSlots.PerRecord <= StoreSlots.Count, "record " + i + " lies inside the store");
                Assert.IsTrue(size[i] <= StoreSlots.SlotSize, "record " + i + " fits a slot");
                for (int j = i + 1; j < first.Length; j++)
                    Assert.IsTrue(first[i] + StoreSlots.PerRecord <= first[j] || first[j] + StoreSlots.PerRecord <= first[i],
                        "records " + i + " and " + j + " share a slot");
            }
        }

        [TestMethod]
        public void NonceRecord_WritesOnlyItsSlots_AtTheMapsSize()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var nonces = new NonceRecord(flash);
            nonces.Save();
            nonces.Save();
            AssertWritten(flash, StoreSlots.Nonces, StoreSlots.NonceSlotSize);
        }

        [TestMethod]
        public void DeviceSession_WritesOnlyTheSessionAndCounterSlots_AtTheMapsSizes()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var session = new DeviceSession(flash, Region.Create("EU868").CreateChannelPlan());
            session.Active = true;
            session.Save(16);
            session.Save(16);
            session.SaveCounters(16);
            for (int slot = 0; slot < StoreSlots.Count; slot++)
            {
                int n = flash.Read(slot, new byte[StoreSlots.SlotSize], 0, StoreSlots.SlotSize);
                int expected = slot == StoreSlots.Session || slot == StoreSlots.Session + 1 ? StoreSlots.SessionSlotSize
                    : slot == StoreSlots.Counters || slot == StoreSlots.Counters + 1 ? StoreSlots.CounterSlotSize : 0;
                Assert.AreEqual(expected, n, "bytes in slot " + slot);
            }
        }

        /// <summary>Both slots of the record at <paramref name="first"/> hold <paramref name="size"/> bytes; every other slot is empty.</summary>
        static void AssertWritten(SimulatedFlash flash, int first, int size)
        {
            for (int slot = 0; slot < StoreSlots.Count; slot++)
            {
                int n = flash.Read(slot, new byte[StoreSlots.SlotSize], 0, StoreSlots.SlotSize);
                Assert.AreEqual(slot >= first && slot < first + StoreSlots.PerRecord ? size : 0, n, "bytes in slot " + slot);
            }
        }
    }
}
