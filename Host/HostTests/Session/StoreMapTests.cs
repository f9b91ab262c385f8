using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LoRaWan.Session;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Session
{
    /// <summary>
    /// <see cref="StoreSlots"/> is the one map of the non-volatile store: every record and every store is placed and
    /// sized through it (no slot number or slot count written as a literal anywhere else), and Session/README.md's
    /// table says what it says.
    /// </summary>
    [TestClass]
    public class StoreMapTests
    {
        /// <summary>Where the store is used: the device projects, the tests and the host tools that load a store.</summary>
        static readonly string[] Folders = { "LoRaWan.Mac", "Drivers.Sx127x", "Firmware", "Simulation", "Tests", "Host/Cli", "Host/HostTests" };

        /// <summary>RecordStore's own unit tests place records on small stores of their own, apart from the device's map.</summary>
        static readonly string[] Exempt = { "Tests/Session/RecordStoreTests.cs" };

        static IEnumerable<(string File, SyntaxNode Root)> Sources()
        {
            foreach (string folder in Folders)
                foreach (string path in Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
                    if (rel.Contains("/bin/") || rel.Contains("/obj/") || Exempt.Contains(rel)) continue;
                    yield return (rel, CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: rel).GetRoot());
                }
        }

        static string At(string file, SyntaxNode node) => $"{file}({node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {node}";

        /// <summary>True when <paramref name="e"/> names a member of StoreSlots (alone or in arithmetic with literals).</summary>
        static bool FromMap(ExpressionSyntax e) =>
            e.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(m => m.Expression.ToString().EndsWith("StoreSlots", StringComparison.Ordinal));

        [TestMethod]
        public void EveryRecordAndStore_TakesItsSlotsFromStoreSlots()
        {
            var bad = new List<string>();
            foreach (var (file, root) in Sources())
            {
                foreach (var created in root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
                {
                    string type = created.Type.ToString();
                    var args = created.ArgumentList?.Arguments;
                    if (args == null) continue;
                    // new RecordStore(store, firstSlot, …); new SimulatedFlash(slotCount, slotSize); new FlashStore(prefix, slotCount)
                    if (type.EndsWith("RecordStore") && args.Value.Count > 1 && !FromMap(args.Value[1].Expression)) bad.Add(At(file, created));
                    if (type.EndsWith("SimulatedFlash") && args.Value.Count > 1 && !(FromMap(args.Value[0].Expression) && FromMap(args.Value[1].Expression))) bad.Add(At(file, created));
                    if (type.EndsWith("FlashStore") && args.Value.Count > 1 && !FromMap(args.Value[1].Expression)) bad.Add(At(file, created));
                }
                // A slot named by number: flash.Wipe(0), flash.Corrupt(1, …), store.Read(2, …), store.Write(3, …).
                foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (call.Expression is not MemberAccessExpressionSyntax m) continue;
                    string target = m.Expression.ToString();
                    if (!target.EndsWith("Flash", StringComparison.OrdinalIgnoreCase) && !target.EndsWith("Store", StringComparison.OrdinalIgnoreCase)) continue;
                    string name = m.Name.Identifier.ValueText;
                    if (name != "Wipe" && name != "Corrupt" && name != "Read" && name != "Write") continue;
                    var first = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                    if (first is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression }) bad.Add(At(file, call));
                }
            }
            Assert.AreEqual(0, bad.Count, "slots or store sizes not taken from StoreSlots:\n" + string.Join("\n", bad));
        }

        [TestMethod]
        public void SessionReadme_TableMatchesStoreSlots()
        {
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "LoRaWan.Mac/Session/README.md"));
            var rows = Regex.Matches(readme, @"^\| (\d+)–(\d+) \| ([a-z ]+) \| [^|]+ \| (≤ )?(\d+) \|", RegexOptions.Multiline)
                .Select(r => $"{r.Groups[1].Value}-{r.Groups[2].Value} {r.Groups[3].Value} {r.Groups[4].Value}{r.Groups[5].Value}").ToArray();
            int last = StoreSlots.PerRecord - 1;
            string[] expected =
            {
                $"{StoreSlots.Nonces}-{StoreSlots.Nonces + last} nonces {StoreSlots.NonceSlotSize}",
                $"{StoreSlots.Session}-{StoreSlots.Session + last} session {StoreSlots.SessionSlotSize}",
                $"{StoreSlots.Application}-{StoreSlots.Application + last} application ≤ {StoreSlots.SlotSize}",
                $"{StoreSlots.Counters}-{StoreSlots.Counters + last} frame counters {StoreSlots.CounterSlotSize}",
            };
            Assert.AreEqual(string.Join("\n", expected), string.Join("\n", rows), "Session/README.md's slot table");
            Assert.IsTrue(readme.Contains($"`StoreSlots.Count` = {StoreSlots.Count} slots of at least `StoreSlots.SlotSize` = {StoreSlots.SlotSize} bytes"),
                "the README states the store's size");
        }
    }
}
