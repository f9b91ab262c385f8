using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The device tests are one NFUnitTest project per Tests/ sub-folder (the metadata processor's 64 KB string
    /// table per assembly forbids one big test assembly). Each must be something the nanoFramework test adapter
    /// runs, be in the solution, and every test source must belong to one of them.
    /// </summary>
    [TestClass]
    public class TestProjectLayoutTests
    {
        static string[] TestFolders() =>
            Directory.GetDirectories(Path.Combine(RepoPaths.Root, "Tests"))
                .Where(d => Directory.GetFiles(d, "*.cs").Length > 0)
                .Select(d => Path.GetFileName(d)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        [TestMethod]
        public void EveryTestFolder_IsOneNfUnitTestProject_WithRunSettings()
        {
            foreach (var folder in TestFolders())
            {
                string dir = Path.Combine(RepoPaths.Root, "Tests", folder);
                var projects = Directory.GetFiles(dir, "*.nfproj");
                Assert.AreEqual(1, projects.Length, $"Tests/{folder} must hold exactly one .nfproj");
                var doc = XDocument.Load(projects[0]);
                XNamespace ns = doc.Root.Name.Namespace;
                string Prop(string n) => doc.Descendants(ns + n).Select(e => e.Value.Trim()).FirstOrDefault();
                Assert.AreEqual("NFUnitTest", Prop("AssemblyName"), $"Tests/{folder}: the device test launcher loads the assembly named NFUnitTest");
                Assert.AreEqual("true", Prop("IsTestProject"), $"Tests/{folder}: IsTestProject");
                Assert.AreEqual("UnitTest", Prop("TestProjectType"), $"Tests/{folder}: TestProjectType");
                Assert.IsTrue(doc.Descendants(ns + "ProjectCapability").Any(e => (string)e.Attribute("Include") == "TestContainer"),
                    $"Tests/{folder}: ProjectCapability TestContainer");
                Assert.IsTrue((Prop("RunSettingsFilePath") ?? "").EndsWith("nano.runsettings"), $"Tests/{folder}: RunSettingsFilePath");
                Assert.IsTrue(File.Exists(Path.Combine(dir, "nano.runsettings")), $"Tests/{folder}/nano.runsettings is missing");
                Assert.IsTrue(doc.Descendants(ns + "HintPath").Any(h => h.Value.EndsWith("nanoFramework.UnitTestLauncher.exe")),
                    $"Tests/{folder}: references the UnitTestLauncher");
            }
        }

        [TestMethod]
        public void EveryTestProject_IsInTheSolution_AndTheGuardCompilesIt()
        {
            string sln = File.ReadAllText(Path.Combine(RepoPaths.Root, "LoRaWanDevice.sln"));
            var guarded = NanoCheck.Guard.DeviceProjects(RepoPaths.Root);
            foreach (var folder in TestFolders())
            {
                Assert.IsTrue(sln.Contains($"\"Tests\\{folder}\\Tests.{folder}.nfproj\""), $"Tests/{folder}/Tests.{folder}.nfproj is not in LoRaWanDevice.sln");
                Assert.IsTrue(guarded.Contains("Tests/" + folder), $"the guard does not compile Tests/{folder}");
            }
        }

        [TestMethod]
        public void NoTestSource_OutsideATestProject()
        {
            string tests = Path.Combine(RepoPaths.Root, "Tests");
            var loose = Directory.GetFiles(tests, "*.cs", SearchOption.TopDirectoryOnly);
            Assert.AreEqual(0, loose.Length, "a .cs file directly under Tests/ belongs to no test project: " + string.Join(", ", loose));
            Assert.AreEqual(0, Directory.GetFiles(tests, "*.nfproj", SearchOption.TopDirectoryOnly).Length, "Tests/ itself holds no project");
        }
    }
}
