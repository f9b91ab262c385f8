using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The stack is four assemblies along its layers (<see cref="LayerCheck.Layers"/>): LoRaWan.Radio (radio and platform
    /// contracts), LoRaWan.Codec (crypto, frames), LoRaWan.Regions, LoRaWan.Mac (MAC, session, facade); the driver
    /// references LoRaWan.Radio alone. The layer rule is a fact of the project references (NF400), the compiler keeps
    /// the driver away from the regions, and the references form no cycle (NF106).
    /// </summary>
    [TestClass]
    public class LayerBoundaryTests
    {
        const string ProbeFile = "Probe/LayerProbe.cs";

        static NfProject Load(string name) => NfProject.Load(RepoPaths.Root, name);

        static string Refs(string name) => string.Join(",", Load(name).ProjectReferences.OrderBy(r => r, StringComparer.Ordinal));

        [TestMethod]
        public void Driver_ReferencesOnlyTheRadioContracts()
        {
            Assert.AreEqual("LoRaWan.Radio", Refs("Drivers.Sx127x"), "Drivers.Sx127x.nfproj's project references");
        }

        [TestMethod]
        public void TheStack_IsFourAssemblies_EachReferencingOnlyTheLayersBelow()
        {
            // The table of the split (README, "How the project is organised"): lowest first, each with what it may reference.
            Assert.AreEqual("LoRaWan.Radio|LoRaWan.Codec|LoRaWan.Regions|LoRaWan.Mac|LoRaWan.Certification", string.Join("|", LayerCheck.StackProjects));
            Assert.AreEqual("", Refs("LoRaWan.Radio"));
            Assert.AreEqual("", Refs("LoRaWan.Codec"));
            Assert.AreEqual("LoRaWan.Radio", Refs("LoRaWan.Regions"));
            Assert.AreEqual("LoRaWan.Codec,LoRaWan.Radio,LoRaWan.Regions", Refs("LoRaWan.Mac"));
            // The opt-in TS009 package sits above the MAC (four assemblies and, when a sketch certifies, a fifth).
            Assert.AreEqual("LoRaWan.Codec,LoRaWan.Mac,LoRaWan.Radio,LoRaWan.Regions", Refs("LoRaWan.Certification"));
            foreach (var layer in LayerCheck.Layers)
            {
                var p = Load(layer.Project);
                Assert.AreEqual(0, p.LoadFindings.Count, layer.Project + ": " + string.Join("\n", p.LoadFindings));
                Assert.AreEqual(layer.Project, p.AssemblyName, "the assembly is named after its project");
                var findings = LayerCheck.Check(RepoPaths.Root, p).ToList();
                Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
            }
        }

        [TestMethod]
        public void NoNamespaceOfTheStack_IsSplitOverTwoAssemblies()
        {
            // Namespaces were kept when the files moved: each one now lives in exactly one assembly, the one the table names.
            var owner = new Dictionary<string, string>();
            foreach (var project in LayerCheck.StackProjects)
            {
                var p = Load(project);
                foreach (var f in p.Compile)
                {
                    string text = System.IO.File.ReadAllText(p.FullPathOf(f));
                    var m = System.Text.RegularExpressions.Regex.Match(text, @"^namespace\s+([\w.]+)", System.Text.RegularExpressions.RegexOptions.Multiline);
                    if (!m.Success) continue;
                    string ns = m.Groups[1].Value;
                    if (owner.TryGetValue(ns, out var other))
                        Assert.AreEqual(other, project, $"namespace {ns} is in {other} and {project} ({f})");
                    else owner[ns] = project;
                }
            }
            Assert.AreEqual("LoRaWan.Radio", owner["LoRaWan.Radio"]);
            Assert.AreEqual("LoRaWan.Radio", owner["LoRaWan.Platform"]);
            Assert.AreEqual("LoRaWan.Codec", owner["LoRaWan.Crypto"]);
            Assert.AreEqual("LoRaWan.Codec", owner["LoRaWan.Frames"]);
            Assert.AreEqual("LoRaWan.Regions", owner["LoRaWan.Regions"]);
            Assert.AreEqual("LoRaWan.Mac", owner["LoRaWan.Mac"]);
            Assert.AreEqual("LoRaWan.Mac", owner["LoRaWan.Session"]);
            Assert.AreEqual("LoRaWan.Mac", owner["LoRaWan"]);
        }

        [TestMethod]
        public void ProjectReferences_OfEveryDeviceProject_FormNoCycle()
        {
            string root = RepoPaths.Root;
            var all = NanoCheck.Guard.DeviceProjects(root);
            var projects = all.ToDictionary(n => n, n => NfProject.Load(root, n));
            var findings = new List<Finding>();
            var order = NanoCheck.Guard.TopologicalOrder(all, projects, new HashSet<string>(all), findings).ToList();
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
            foreach (var p in projects.Values)
                foreach (var d in p.ProjectReferences)
                    Assert.IsTrue(order.IndexOf(d) < order.IndexOf(p.Name), $"{d} builds before {p.Name}, which references it");
            // The stack builds bottom up.
            var stack = order.Where(LayerCheck.StackProjects.Contains).ToList();
            Assert.AreEqual("LoRaWan.Certification", stack.Last(), "the opt-in package above the MAC");
            Assert.IsTrue(stack.IndexOf("LoRaWan.Mac") == stack.Count - 2, string.Join(",", stack));
            Assert.IsTrue(stack.IndexOf("LoRaWan.Radio") < stack.IndexOf("LoRaWan.Regions"), string.Join(",", stack));
        }

        [TestMethod]
        public void ACycle_IsReported()
        {
            var a = new NfProject { Name = "A", ProjectFile = "A/A.nfproj" };
            var b = new NfProject { Name = "B", ProjectFile = "B/B.nfproj" };
            a.ProjectReferences.Add("B");
            b.ProjectReferences.Add("A");
            var projects = new Dictionary<string, NfProject> { ["A"] = a, ["B"] = b };
            var findings = new List<Finding>();
            NanoCheck.Guard.TopologicalOrder(new[] { "A", "B" }, projects, new HashSet<string> { "A", "B" }, findings).ToList();
            Assert.IsTrue(findings.Any(f => f.Code == "NF106"), "a cycle A -> B -> A: " + string.Join("\n", findings));
        }

        [TestMethod]
        public void AReferenceAcrossTheLayers_IsNF400()
        {
            var cases = new (string Project, string Reference)[]
            {
                ("Drivers.Sx127x", "LoRaWan.Mac"), ("Drivers.Sx127x", "LoRaWan.Regions"), ("Drivers.Sx127x", "LoRaWan.Codec"),
                ("LoRaWan.Regions", "LoRaWan.Mac"), ("LoRaWan.Regions", "LoRaWan.Codec"),
                ("LoRaWan.Codec", "LoRaWan.Radio"), ("LoRaWan.Radio", "LoRaWan.Codec"), ("LoRaWan.Mac", "Drivers.Sx127x"),
            };
            foreach (var (project, reference) in cases)
            {
                var p = new NfProject { Name = project };
                p.ProjectReferences.Add(reference);
                var findings = LayerCheck.Check(RepoPaths.Root, p).ToList();
                Assert.IsTrue(findings.Count == 1 && findings[0].Code == "NF400" && findings[0].Message.Contains(project + " references " + reference),
                    $"{project} -> {reference}: " + string.Join("\n", findings));
            }
            var simulation = new NfProject { Name = "Simulation" };
            simulation.ProjectReferences.Add("LoRaWan.Mac");
            simulation.ProjectReferences.Add("Drivers.Sx127x");
            Assert.AreEqual(0, LayerCheck.Check(RepoPaths.Root, simulation).Count(), "projects outside the stack reference any library");
        }

        static List<Finding> RunDriver(string source)
        {
            var options = new GuardOptions { Projects = new[] { "Drivers.Sx127x" } };
            if (source != null) options.Extra.Add(new ExtraSource("Drivers.Sx127x", ProbeFile, source));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        [TestMethod]
        public void Driver_CannotCompileAUseOfTheRegions()
        {
            // The driver references LoRaWan.Radio alone: LoRaWan.Regions does not exist for it (a compile error, no rule needed).
            string source = "namespace Drivers.Sx127x\n{\n    static class LayerProbe\n    {\n        static object M() { return LoRaWan.Regions.Region.Create(\"EU868\"); }\n    }\n}\n";
            var findings = RunDriver(source);
            Assert.IsTrue(findings.Any(f => f.File.EndsWith(ProbeFile) && f.Line == 5 && (f.Code == "CS0234" || f.Code == "CS0246")),
                "expected a compile error at the probe's line 5:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void Driver_UsesTheRadioContracts()
        {
            string source = "using LoRaWan.Radio;\nusing LoRaWan.Platform;\nnamespace Drivers.Sx127x\n{\n    static class LayerProbe\n    {\n        static TxConfig M(IScheduler s) { return null; }\n    }\n}\n";
            var findings = RunDriver(source).Where(f => f.File.EndsWith(ProbeFile)).ToList();
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }
    }
}
