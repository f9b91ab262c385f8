using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The public API of the device libraries (LoRaWan.Mac, Drivers.Sx127x) carries XML documentation: the guard
    /// compiles them with documentation diagnostics and CS1591 (and the comments that would lie: CS1570, CS1572-1574) as errors; other device projects are not held to it.
    /// </summary>
    [TestClass]
    public class DocumentationTests
    {
        const string ProbeFile = "Probe/DocProbe.cs";

        const string Undocumented = "namespace LoRaWan.DocProbe\n{\n    /// <summary>Documented.</summary>\n    public static class DocProbe\n    {\n        public static int Undocumented() { return 1; }\n        internal static int Internal() { return 2; }\n    }\n}\n";

        static List<Finding> Run(string project, string source)
        {
            var options = new GuardOptions { Projects = new[] { project } };
            options.Extra.Add(new ExtraSource(project, ProbeFile, source));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        static void AssertRejectedIn(string project)
        {
            var findings = Run(project, Undocumented);
            var cs1591 = findings.Where(f => f.Code == "CS1591" && f.File.EndsWith(ProbeFile)).ToList();
            Assert.AreEqual(1, cs1591.Count, $"expected one CS1591 (the public method, not the internal one) in {project}; findings:\n" + string.Join("\n", findings));
            Assert.AreEqual(6, cs1591[0].Line, "at the undocumented method");
        }

        [TestMethod]
        public void UndocumentedPublicMember_InTheMac_IsRejected() => AssertRejectedIn("LoRaWan.Mac");

        [TestMethod]
        public void UndocumentedPublicMember_InTheDriver_IsRejected() => AssertRejectedIn("Drivers.Sx127x");

        [TestMethod]
        public void UndocumentedPublicMember_InTheSimulation_IsNotADocumentationError()
        {
            var findings = Run("Simulation", Undocumented);
            Assert.AreEqual(0, findings.Count(f => f.Code == "CS1591"), string.Join("\n", findings));
        }

        [TestMethod]
        public void ParamTagOfAParameterThatDoesNotExist_InTheMac_IsRejected()
        {
            string source = "namespace LoRaWan.DocProbe\n{\n    /// <summary>Documented.</summary>\n    public static class DocProbe\n    {\n        /// <summary>Adds.</summary>\n        /// <param name=\"a\">first</param>\n        /// <param name=\"gone\">a parameter renamed since</param>\n        public static int Add(int a) { return a; }\n    }\n}\n";
            var findings = Run("LoRaWan.Mac", source);
            Assert.IsTrue(findings.Any(f => f.Code == "CS1572" && f.File.EndsWith(ProbeFile) && f.Line == 8), string.Join("\n", findings));
        }

        [TestMethod]
        public void DocumentedLibraries_HaveCompleteXmlDocs()
        {
            var options = new GuardOptions { Projects = NanoCheck.Guard.DocumentedProjects };
            var findings = NanoCheck.Guard.Run(RepoPaths.Root, options).Where(f => NanoCheck.Guard.DocumentationErrors.Contains(f.Code)).ToList();
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }
    }
}
