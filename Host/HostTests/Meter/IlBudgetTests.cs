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
            ["cmac-64"] = 6070,
            ["uplink-20"] = 8290,
            ["join-accept"] = 10530,
            ["class-a-cycle"] = 17020,
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
        public void TheMeter_IsDeterministicToTheInstruction()
        {
            List<IlRow> first = Rows();
            List<IlRow> second = LoRaWan.IlMeter.Meter.Measure();
            for (int i = 0; i < first.Count; i++) Assert.AreEqual(first[i].Il, second[i].Il, first[i].Name);
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
