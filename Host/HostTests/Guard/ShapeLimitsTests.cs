using System.Collections.Generic;
using System.Linq;
using System.Text;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The shape limits of the stack (issue 14): the guard fails a class of any LoRaWan.* library with more than 25 instance
    /// fields or more than 6 bool fields, and a function over 60 lines, and accepts the limits themselves; each library of the
    /// stack is measured on its own and fits both the shape and the .pe limits.
    /// </summary>
    [TestClass]
    public class ShapeLimitsTests
    {
        const string ProbeFile = "Probe/ShapeProbe.cs";

        static List<Finding> Run(string members, string project = "LoRaWan.Mac")
        {
            string source = "namespace LoRaWan.GuardProbe\n{\n    public class ShapeProbe\n    {\n" + members + "    }\n}\n";
            var options = new GuardOptions { Projects = new[] { project } };
            options.Extra.Add(new ExtraSource(project, ProbeFile, source, true));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        static string Fields(string type, int n)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.Append("        public " + type + " F" + i + ";\n");
            return sb.ToString();
        }

        /// <summary>A method whose declaration spans <paramref name="lines"/> lines.</summary>
        static string Method(int lines)
        {
            var sb = new StringBuilder("        public int M()\n        {\n            int x = 0;\n");
            for (int i = 0; i < lines - 5; i++) sb.Append("            x++;\n");
            sb.Append("            return x;\n        }\n");
            return sb.ToString();
        }

        static bool Has(List<Finding> findings, string code) =>
            findings.Any(f => f.Code == code && f.Message.Contains("ShapeProbe"));

        [TestMethod]
        public void TwentySixFields_AreRejected_TwentyFiveAccepted()
        {
            Assert.IsTrue(Has(Run(Fields("int", 26)), "NF301"), "26 instance fields passed");
            Assert.IsFalse(Has(Run(Fields("int", 25)), "NF301"), "25 instance fields failed");
        }

        [TestMethod]
        public void SevenBools_AreRejected_SixAccepted()
        {
            Assert.IsTrue(Has(Run(Fields("bool", 7)), "NF302"), "7 bool fields passed");
            Assert.IsFalse(Has(Run(Fields("bool", 6)), "NF302"), "6 bool fields failed");
        }

        [TestMethod]
        public void SixtyOneLineFunction_IsRejected_SixtyAccepted()
        {
            var over = Run(Method(61));
            Assert.IsTrue(over.Any(f => f.Code == "NF303" && f.File.EndsWith(ProbeFile) && f.Line == 5), "61 lines passed:\n" + string.Join("\n", over));
            Assert.IsFalse(Run(Method(60)).Any(f => f.Code == "NF303" && f.File.EndsWith(ProbeFile)), "60 lines failed");
        }

        [TestMethod]
        public void EveryLibraryOfTheStack_IsHeldToTheShapeLimits()
        {
            foreach (var project in LayerCheck.StackProjects)
            {
                Assert.IsTrue(Has(Run(Fields("int", 26), project), "NF301"), "26 instance fields passed in " + project);
                Assert.IsTrue(Has(Run(Fields("bool", 7), project), "NF302"), "7 bool fields passed in " + project);
            }
        }

        [TestMethod]
        public void EveryLibraryOfTheStack_IsMeasuredOnItsOwn_AndFitsTheShapeAndPeLimits()
        {
            var options = new GuardOptions { Projects = LayerCheck.StackProjects };
            var findings = NanoCheck.Guard.Run(RepoPaths.Root, options);
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
            foreach (var project in LayerCheck.StackProjects)
            {
                string file = project + "/" + project + ".nfproj";
                Assert.AreEqual(1, options.Shapes.Count(s => s.Project == file), "the guard reports the shape of " + file);
                var pe = options.Images.Single(i => i.Project == project).Pe;
                Assert.IsTrue(pe.StringTableBytes <= PeLimits.GuardTableBytes, project + " string table " + PeLimits.Kb(pe.StringTableBytes));
                Assert.IsTrue(pe.ByteCodeBytes <= PeLimits.GuardTableBytes, project + " byte code " + PeLimits.Kb(pe.ByteCodeBytes));
                Assert.IsTrue(pe.SignaturesEstimateBytes <= PeLimits.GuardTableBytes, project + " signatures " + PeLimits.Kb(pe.SignaturesEstimateBytes));
            }
        }
    }
}
