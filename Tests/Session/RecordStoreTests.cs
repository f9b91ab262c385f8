using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Session
{
    [TestClass]
    public class RecordStoreTests
    {
        static byte[] Payload(byte fill)
        {
            var p = new byte[20];
            for (int i = 0; i < p.Length; i++) p[i] = (byte)(fill + i);
            return p;
        }

        [TestMethod]
        public void Crc32_MatchesTheStandardCheckValue()
        {
            // CRC-32/ISO-HDLC check value: CRC of ASCII "123456789" = 0xCBF43926.
            byte[] digits = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(digits, 0, digits.Length));
        }

        [TestMethod]
        public void Crc32_MatchesZlibOnEveryByteValueAndAnOffset()
        {
            // zlib.crc32: bytes 0x00..0xFF → 0x29058C73 (every table entry reached); "a" → 0xE8B7BE43; nothing → 0.
            var all = new byte[258];
            for (int i = 0; i < 256; i++) all[i + 1] = (byte)i;
            all[257] = 0x61;
            Assert.AreEqual(0x29058C73u, Crc32.Compute(all, 1, 256), "0x00..0xFF");
            Assert.AreEqual(0xE8B7BE43u, Crc32.Compute(all, 257, 1), "\"a\" at an offset");
            Assert.AreEqual(0u, Crc32.Compute(all, 5, 0), "empty");
        }

        [TestMethod]
        public void EmptyStore_LoadsNothing()
        {
            var flash = new SimulatedFlash(4, 64);
            var store = new RecordStore(flash, 0, 0x4E4F, 1, 20);
            Assert.IsFalse(store.Load(new byte[20], 0));
        }

        [TestMethod]
        public void Save_ThenLoadInANewInstance_ReturnsTheNewest()
        {
            var flash = new SimulatedFlash(4, 64);
            var store = new RecordStore(flash, 0, 0x4E4F, 1, 20);
            store.Save(Payload(1), 0);
            store.Save(Payload(2), 0);
            store.Save(Payload(3), 0);
            var reloaded = new RecordStore(flash, 0, 0x4E4F, 1, 20);
            var got = new byte[20];
            Assert.IsTrue(reloaded.Load(got, 0));
            CollectionAssert.AreEqual(Payload(3), got);
        }

        [TestMethod]
        public void WritesAlternateBetweenTheTwoSlots()
        {
            var flash = new SimulatedFlash(4, 64);
            var store = new RecordStore(flash, 2, 0x4E4F, 1, 20);
            var probe = new byte[64];
            store.Save(Payload(1), 0);
            Assert.AreEqual(store.SlotSize, flash.Read(2, probe, 0, 64), "first write goes to the first slot");
            Assert.AreEqual(0, flash.Read(3, probe, 0, 64), "second slot untouched");
            store.Save(Payload(2), 0);
            Assert.AreEqual(store.SlotSize, flash.Read(3, probe, 0, 64), "second write goes to the other slot");
        }

        [TestMethod]
        public void TornWrite_FallsBackToTheLastGoodCopy()
        {
            for (int cut = 0; cut < 32; cut++)
            {
                var flash = new SimulatedFlash(4, 64);
                var store = new RecordStore(flash, 0, 0x4E4F, 1, 20);
                store.Save(Payload(1), 0);
                store.Save(Payload(2), 0);
                flash.TearAfter(0, cut);
                bool threw = false;
                try { store.Save(Payload(3), 0); }
                catch (PowerLossException) { threw = true; }
                Assert.IsTrue(threw, "the torn write must stop the program");
                flash.PowerOn();
                var reloaded = new RecordStore(flash, 0, 0x4E4F, 1, 20);
                var got = new byte[20];
                Assert.IsTrue(reloaded.Load(got, 0), "a good copy must survive (cut at byte " + cut.ToString() + ")");
                CollectionAssert.AreEqual(Payload(2), got, "cut at byte " + cut.ToString());
            }
        }

        [TestMethod]
        public void CorruptedNewestCopy_FallsBackToTheOlderOne()
        {
            var flash = new SimulatedFlash(4, 64);
            var store = new RecordStore(flash, 0, 0x4E4F, 1, 20);
            store.Save(Payload(1), 0);   // slot 0
            store.Save(Payload(2), 0);   // slot 1
            flash.Corrupt(1, 12);
            var got = new byte[20];
            Assert.IsTrue(new RecordStore(flash, 0, 0x4E4F, 1, 20).Load(got, 0));
            CollectionAssert.AreEqual(Payload(1), got);
        }

        [TestMethod]
        public void OtherVersionOrKind_IsIgnored()
        {
            var flash = new SimulatedFlash(4, 64);
            new RecordStore(flash, 0, 0x4E4F, 1, 20).Save(Payload(1), 0);
            Assert.IsFalse(new RecordStore(flash, 0, 0x4E4F, 2, 20).Load(new byte[20], 0), "other version");
            Assert.IsFalse(new RecordStore(flash, 0, 0x5345, 1, 20).Load(new byte[20], 0), "other record kind");
        }

        [TestMethod]
        public void ManySaves_TheLastOneWins()
        {
            var flash = new SimulatedFlash(4, 64);
            var store = new RecordStore(flash, 0, 0x4E4F, 1, 20);
            for (int i = 0; i < 1000; i++) store.Save(Payload((byte)i), 0);
            var got = new byte[20];
            Assert.IsTrue(new RecordStore(flash, 0, 0x4E4F, 1, 20).Load(got, 0));
            CollectionAssert.AreEqual(Payload(unchecked((byte)999)), got);
        }
    }
}
