using System.Collections.Generic;
using System.Linq;
using LoRaWan.Crypto;
using LoRaWan.IlMeter;
using Mono.Cecil;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Meter
{
    /// <summary>
    /// Interpreter cost held to a budget (issue 20): Host/IlMeter counts the IL instructions each operation executes in
    /// the device assemblies, and each count must stay within its budget (a count, not a time: it cannot flake). A change
    /// that makes the interpreter work harder on a hot path fails here; one that makes it cheaper should lower the budget.
    /// </summary>
    [TestClass]
    public class IlBudgetTests
    {
        // IL instructions per operation (Host/IlMeter's table) with about 2 % headroom. Lower them when a change saves IL.
        static readonly Dictionary<string, long> Budget = new Dictionary<string, long>
        {
            ["aes-block"] = 1530,
            ["aes-key-expansion"] = 800,
            ["cmac-64"] = 6010,
            ["uplink-20"] = 7770,   // 7,617: key identity by generation, CMAC padding by Array.Clear (7,871 before)
            ["join-accept"] = 9860,   // 9,668: the root key reused by identity (RootKeyGeneration), not compared (10,161 before)
            ["class-a-cycle"] = 14520,   // 14,240: session keys by generation, no 16-byte compare per frame (14,482 before); 14,372: the event queue and MacOperation without a lock (14,490 before; 15,262 before the data-rate rows; 16,346 before issue 20's tuning)
            ["class-a-cycle-sx1276"] = 17410,   // 17,071 with session keys by generation; 17,203 (17,361 with the locked event queue and MacOperation)
        };

        // Locks taken per operation (Monitor.Enter calls; Host/IlMeter's "locks" column), exact: on nanoCLR each one allocates a
        // lock block, native work the IL count does not show, so a lock added to a hot path must be a decision, not a drift.
        static readonly Dictionary<string, long> LockBudget = new Dictionary<string, long>
        {
            ["aes-block"] = 0,
            ["aes-key-expansion"] = 0,
            ["cmac-64"] = 0,
            ["uplink-20"] = 0,
            ["join-accept"] = 0,
            ["class-a-cycle"] = 0,           // 6 with the locked MacRequestSlot; 30 with the locked event queue (2 per event: Post, TryTake) and MacOperation (4)
            ["class-a-cycle-sx1276"] = 7,    // 13 with the locked MacRequestSlot, 42 before; the SX1276 driver takes 7
        };

        static List<IlRow> _rows;

        static List<IlRow> Rows() { return _rows ??= LoRaWan.IlMeter.Meter.Measure(); }

        [TestMethod]
        public void EveryOperation_StaysWithinItsIlBudget()
        {
            List<IlRow> rows = Rows();
            OutputHelper.WriteLine(LoRaWan.IlMeter.Meter.Format(rows));
            Assert.AreEqual(Budget.Count, rows.Count, "one budget per operation");
            var over = rows.Where(r => r.Il > Budget[r.Name]).Select(r => $"{r.Name}: {r.Il} IL > budget {Budget[r.Name]}").ToList();
            Assert.AreEqual(0, over.Count, string.Join("; ", over));
        }

        [TestMethod]
        public void EveryOperation_TakesNoMoreLocksThanItsBudget()
        {
            List<IlRow> rows = Rows();
            Assert.AreEqual(LockBudget.Count, rows.Count, "one lock budget per operation");
            var over = rows.Where(r => r.Locks > LockBudget[r.Name]).Select(r => $"{r.Name}: {r.Locks} locks > budget {LockBudget[r.Name]}").ToList();
            Assert.AreEqual(0, over.Count, string.Join("; ", over));
        }

        [TestMethod]
        public void TheMeter_IsDeterministicToTheInstruction()
        {
            List<IlRow> first = Rows();
            List<IlRow> second = LoRaWan.IlMeter.Meter.Measure();
            for (int i = 0; i < first.Count; i++)
            {
                Assert.AreEqual(first[i].Il, second[i].Il, first[i].Name);
                Assert.AreEqual(first[i].Locks, second[i].Locks, first[i].Name + " locks");
            }
        }

        [TestMethod]
        public void TheEnvironmentsOwnCallsIntoDeviceCode_AreNotCounted()
        {
            // In the cycle on the simulated board the network server checks the uplink's MIC and decrypts it with the same
            // LoRaWan.Crypto classes, and the virtual runner polls MacOperation.Done: neither is device work. The device's
            // 20-byte uplink is 5 AES blocks (2 key-stream blocks, 3 CMAC blocks: B0 + 30 bytes), each the straight-line
            // EncryptWords (its static IL minus the 3 of the "no key" throw).
            using var module = ModuleDefinition.ReadModule(typeof(Aes128).Assembly.Location);
            int words = module.GetType("LoRaWan.Crypto.Aes128").Methods.Single(m => m.Name == "EncryptWords").Body.Instructions.Count - 3;
            List<IlRow> profile = LoRaWan.IlMeter.Meter.Profile("class-a-cycle-sx1276");
            Assert.AreEqual(5L * words, profile.Single(r => r.Name == "LoRaWan.Crypto.Aes128::EncryptWords").Il, "5 blocks, the device's only");
            Assert.IsFalse(profile.Any(r => r.Name.EndsWith("MacOperation::get_Done")), "the runner's polling is not counted");
            Assert.AreEqual(Rows().Single(r => r.Name == "class-a-cycle-sx1276").Il, profile.Sum(r => r.Il), "profile and table agree");
        }

        [TestMethod]
        public void AesBlock_CountsTheStraightLineIlOfEncryptBlockAndEncryptWords()
        {
            // Oracle independent of the rewriting: both methods are straight-line code except EncryptWords' "no key" throw
            // (ldstr, newobj, throw: 3 instructions not executed), so the executed count is their static IL count minus 3.
            using var module = ModuleDefinition.ReadModule(typeof(Aes128).Assembly.Location);
            TypeDefinition aes = module.GetType("LoRaWan.Crypto.Aes128");
            int Count(string name) => aes.Methods.Single(m => m.Name == name).Body.Instructions.Count;
            long expected = Count("EncryptBlock") + Count("EncryptWords") - 3;
            Assert.AreEqual(expected, Rows().Single(r => r.Name == "aes-block").Il);
        }
    }
}
