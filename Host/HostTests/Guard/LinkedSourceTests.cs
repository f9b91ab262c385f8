using System;
using System.IO;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// Linked sources (<c>&lt;Compile Include="..\shared\X.cs" Link="Shared\X.cs" /&gt;</c>, as Firmware.nfproj links
    /// boards/*.cs and Tests/Firmware/Tests.Firmware.nfproj links Firmware/App/*.cs): the guard compiles and checks them at their own path,
    /// reports a missing one, still catches an unlisted file inside the project folder, and --sync-listing keeps
    /// them. Each test builds a small repository in a temporary folder (a copy of Host/NanoApi and one project).
    /// </summary>
    [TestClass]
    public class LinkedSourceTests
    {
        const string Project = "Firmware";

        static string NewRepo(string linkedInclude, string linkedText, string programText)
        {
            string root = Path.Combine(Path.GetTempPath(), "nanocheck-link-" + Guid.NewGuid().ToString("N"));
            CopyDirectory(Path.Combine(RepoPaths.Root, "Host", "NanoApi"), Path.Combine(root, "Host", "NanoApi"));
            string dir = Path.Combine(root, Project);
            Directory.CreateDirectory(dir);
            Directory.CreateDirectory(Path.Combine(root, "shared"));
            if (linkedText != null) File.WriteAllText(Path.Combine(root, "shared", "Linked.cs"), linkedText);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), programText);
            File.WriteAllText(Path.Combine(dir, "packages.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n  <package id=\"nanoFramework.CoreLibrary\" version=\"1.17.11\" targetFramework=\"netnano1.0\" />\n</packages>\n");
            File.WriteAllText(Path.Combine(dir, Project + ".nfproj"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
                "<Project ToolsVersion=\"Current\" DefaultTargets=\"Build\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n" +
                "  <PropertyGroup Label=\"Globals\">\n    <NanoFrameworkProjectSystemPath>$(MSBuildExtensionsPath)\\nanoFramework\\v1.0\\</NanoFrameworkProjectSystemPath>\n  </PropertyGroup>\n" +
                "  <PropertyGroup>\n    <ProjectTypeGuids>{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids>\n" +
                "    <OutputType>Exe</OutputType>\n    <AssemblyName>Probe</AssemblyName>\n  </PropertyGroup>\n" +
                "  <Import Project=\"$(NanoFrameworkProjectSystemPath)NFProjectSystem.props\" Condition=\"Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.props')\" />\n" +
                "  <ItemGroup>\n    <Compile Include=\"Program.cs\" />\n" +
                (linkedInclude == null ? "" : "    <Compile Include=\"" + linkedInclude + "\" Link=\"Shared\\Linked.cs\" />\n") +
                "  </ItemGroup>\n" +
                "  <ItemGroup>\n    <Reference Include=\"mscorlib\">\n      <HintPath>..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll</HintPath>\n    </Reference>\n  </ItemGroup>\n" +
                "  <ItemGroup>\n    <None Include=\"packages.config\" />\n  </ItemGroup>\n</Project>\n");
            return root;
        }

        static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var f in Directory.GetFiles(from, "*.cs", SearchOption.AllDirectories))
            {
                string target = Path.Combine(to, Path.GetRelativePath(from, f));
                Directory.CreateDirectory(Path.GetDirectoryName(target));
                File.Copy(f, target);
            }
        }

        static System.Collections.Generic.List<Finding> Run(string root) =>
            NanoCheck.Guard.Run(root, new GuardOptions { Projects = new[] { Project } });

        const string UsesLinked =
            "namespace Probe\n{\n    public static class Program\n    {\n        public static void Main() { int a = Shared.Linked.Answer(); }\n    }\n}\n";

        const string GoodLinked =
            "namespace Shared\n{\n    public static class Linked\n    {\n        public static int Answer() { return 42; }\n    }\n}\n";

        [TestMethod]
        public void LinkedFileOutsideTheFolder_IsCompiledIntoTheProject()
        {
            string root = NewRepo("..\\shared\\Linked.cs", GoodLinked, UsesLinked);
            try
            {
                var findings = Run(root);
                Assert.AreEqual(0, findings.Count, "findings:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        [TestMethod]
        public void WithoutTheLink_TheProjectDoesNotCompile()
        {
            // The control for the test above: the linked file really is what makes Shared.Linked exist.
            string root = NewRepo(null, GoodLinked, UsesLinked);
            try
            {
                var findings = Run(root);
                Assert.IsTrue(findings.Any(f => f.Code == "CS0103" || f.Code == "CS0246" || f.Code == "CS0234"), "findings:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        [TestMethod]
        public void MissingLinkedFile_IsReported()
        {
            string root = NewRepo("..\\shared\\Missing.cs", GoodLinked, UsesLinked);
            try
            {
                var findings = Run(root);
                Assert.IsTrue(findings.Any(f => f.Code == "NF002" && f.Message.Contains("shared/Missing.cs")), "findings:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        [TestMethod]
        public void LinkOutsideTheRepository_IsReported()
        {
            string root = NewRepo("..\\..\\elsewhere\\Linked.cs", GoodLinked, "namespace Probe { public static class Program { public static void Main() { } } }\n");
            try
            {
                var findings = Run(root);
                Assert.IsTrue(findings.Any(f => f.Code == "NF008"), "findings:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        [TestMethod]
        public void ForbiddenConstructInLinkedFile_IsReportedAtTheLinkedFilesOwnPath()
        {
            string bad = "namespace Shared\n{\n    public static class Linked\n    {\n        public static int Answer() { return 42; }\n" +
                         "        public static object M() { return new System.Collections.Generic.List<int>(); }\n    }\n}\n";
            string root = NewRepo("..\\shared\\Linked.cs", bad, UsesLinked);
            try
            {
                var findings = Run(root);
                Assert.IsTrue(findings.Any(f => f.File == "shared/Linked.cs" && f.Line == 6), "findings:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        [TestMethod]
        public void UnlistedFileInTheFolder_IsStillReported_WhenTheProjectLinksFiles()
        {
            string root = NewRepo("..\\shared\\Linked.cs", GoodLinked, UsesLinked);
            try
            {
                File.WriteAllText(Path.Combine(root, Project, "Unlisted.cs"), "namespace Probe { class Unlisted { } }\n");
                var findings = Run(root);
                Assert.IsTrue(findings.Any(f => f.Code == "NF001" && f.File == Project + "/Unlisted.cs"), "findings:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        [TestMethod]
        public void SyncListing_KeepsLinkedFilesWithTheirLink_AndListsNewFilesOnce()
        {
            string root = NewRepo("..\\shared\\Linked.cs", GoodLinked, UsesLinked);
            try
            {
                File.WriteAllText(Path.Combine(root, Project, "Added.cs"), "namespace Probe { class Added { } }\n");
                SyncListing.Run(root);
                string text = File.ReadAllText(Path.Combine(root, Project, Project + ".nfproj"));
                Assert.IsTrue(text.Contains("<Compile Include=\"..\\shared\\Linked.cs\" Link=\"Shared\\Linked.cs\" />"), text);
                Assert.AreEqual(1, CountOf(text, "Include=\"Added.cs\""), text);
                Assert.AreEqual(1, CountOf(text, "Include=\"Program.cs\""), text);
                Assert.AreEqual(1, CountOf(text, "Include=\"..\\shared\\Linked.cs\""), text);
                var findings = Run(root);
                Assert.AreEqual(0, findings.Count, "after sync:\n" + string.Join("\n", findings));
            }
            finally { Directory.Delete(root, true); }
        }

        static int CountOf(string text, string part)
        {
            int n = 0;
            for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
            return n;
        }
    }
}
