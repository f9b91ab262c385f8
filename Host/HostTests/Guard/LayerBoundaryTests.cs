using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The guard keeps the layer boundaries a project reference cannot express (<see cref="LayerCheck"/>): the driver
    /// references LoRaWan.Mac for the radio interface, yet must use nothing of LoRaWan.Regions.
    /// </summary>
    [TestClass]
    public class LayerBoundaryTests
    {
        const string ProbeFile = "Probe/LayerProbe.cs";

        static List<Finding> RunDriver(string source)
        {
            var options = new GuardOptions { Projects = new[] { "Drivers.Sx127x" } };
            if (source != null) options.Extra.Add(new ExtraSource("Drivers.Sx127x", ProbeFile, source));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        static void AssertLayerFinding(List<Finding> findings, int line, string fragment)
        {
            string all = string.Join("\n", findings);
            Assert.IsTrue(findings.Any(f => f.Code == "NF400" && f.File.EndsWith(ProbeFile) && f.Line == line && f.Message.Contains(fragment)),
                $"expected NF400 at {ProbeFile}({line}) naming '{fragment}'; findings:\n{all}");
        }

        [TestMethod]
        public void Driver_ReferencesNoRegionsType()
        {
            var findings = RunDriver(null).Where(f => f.Code == "NF400").ToList();
            Assert.AreEqual(0, findings.Count, "the driver uses LoRaWan.Regions:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void Driver_UsingDirectiveForRegions_IsRejected()
        {
            string source = "using LoRaWan.Regions;\nnamespace Drivers.Sx127x\n{\n    static class LayerProbe { }\n}\n";
            AssertLayerFinding(RunDriver(source), 1, "LoRaWan.Regions");
        }

        [TestMethod]
        public void Driver_FullyQualifiedRegionsMember_IsRejected()
        {
            string source = "namespace Drivers.Sx127x\n{\n    static class LayerProbe\n    {\n        static object M() { return LoRaWan.Regions.Region.Create(\"EU868\"); }\n    }\n}\n";
            AssertLayerFinding(RunDriver(source), 5, "LoRaWan.Regions");
        }

        [TestMethod]
        public void Driver_RadioNamespace_IsAllowed()
        {
            string source = "using LoRaWan.Radio;\nnamespace Drivers.Sx127x\n{\n    static class LayerProbe\n    {\n        static TxConfig M() { return null; }\n    }\n}\n";
            var findings = RunDriver(source).Where(f => f.Code == "NF400" && f.File.EndsWith(ProbeFile)).ToList();
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }
    }
}
