using System.IO;
using System.Linq;
using LoRaWan.HostTests.Flash;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Packaging
{
    /// <summary>
    /// The Windows build scripts cannot build here, but their discovery and versioning (build/NanoBuild.psm1) run
    /// under PowerShell 7 like anywhere else: every test project under Tests/ is found by discovery (the test project
    /// is being split into one per topic folder), bin/obj/packages are skipped, and the package version comes from
    /// version.json with an optional pre-release suffix.
    /// </summary>
    [TestClass]
    public class BuildScriptTests
    {
        static string Module => Path.Combine(RepoPaths.Root, "build", "NanoBuild.psm1");

        static PowerShellRunner.Result RunWithModule(PowerShellRunner ps, string body, params string[] args)
        {
            string script = Path.Combine(ps.Temp, "probe.ps1");
            File.WriteAllText(script, "$ErrorActionPreference = 'Stop'\nImport-Module '" + Module + "'\n" + body);
            return ps.Run(script, args);
        }

        static void Project(string root, string relative, bool isTest)
        {
            string path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, "<Project><PropertyGroup>" + (isTest ? "<IsTestProject>true</IsTestProject>" : "<OutputType>Library</OutputType>") + "</PropertyGroup></Project>");
        }

        [TestMethod]
        public void TestProjects_AreFoundByDiscovery_InEveryTopicFolder()
        {
            using var ps = new PowerShellRunner();
            // A clone below folders named bin and packages: only the folders inside the repository count.
            string root = Path.Combine(ps.Temp, "bin", "packages", "repo");
            Project(root, "Tests/Mac/Mac.nfproj", true);
            Project(root, "Tests/Radio/Radio.Tests.nfproj", true);
            Project(root, "Tests/Tests.nfproj", true);
            Project(root, "Tests/Common/Common.nfproj", false);          // a helper library, not a test project
            Project(root, "Tests/Mac/bin/Release/Copy.nfproj", true);    // build output
            Project(root, "Tests/packages/X.1.0.0/X.nfproj", true);      // restored package
            Project(root, "LoRaWan.Mac/LoRaWan.Mac.nfproj", false);
            var r = RunWithModule(ps, "foreach ($p in Get-NfTestProjects $args[0]) { Write-Host $p.FullName.Substring($args[0].Length + 1).Replace('\\', '/') }", root);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual("Tests/Mac/Mac.nfproj\nTests/Radio/Radio.Tests.nfproj\nTests/Tests.nfproj", string.Join("\n", r.Out));
        }

        [TestMethod]
        public void TheRepository_BuildsEveryDeviceProject_AndTestsEveryTestProject()
        {
            using var ps = new PowerShellRunner();
            string root = RepoPaths.Root;
            var r = RunWithModule(ps,
                "foreach ($p in Get-NfProjects $args[0]) { Write-Host ('build ' + $p.Name) }\n" +
                "foreach ($p in Get-NfTestProjects $args[0]) { Write-Host ('test ' + $p.Name) }\n", root);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            foreach (var project in NanoCheck.Guard.DeviceProjects(root).Where(p => !p.StartsWith("Tests/")))
                Assert.IsTrue(r.Out.Contains("build " + project + ".nfproj"), "builds " + project + "\n" + r);
            var testProjects = Directory.GetFiles(Path.Combine(root, "Tests"), "*.nfproj", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && File.ReadAllText(f).Contains("<IsTestProject>true</IsTestProject>")).ToList();
            Assert.IsTrue(testProjects.Count > 0, "the repository has test projects");
            foreach (var f in testProjects)
            {
                Assert.IsTrue(r.Out.Contains("build " + Path.GetFileName(f)), "builds " + f + "\n" + r);
                Assert.IsTrue(r.Out.Contains("test " + Path.GetFileName(f)), "tests " + f + "\n" + r);
            }
        }

        [TestMethod]
        public void PackageVersion_IsVersionJsons_WithThePrereleaseSuffix_AndRejectsANonSemVer()
        {
            using var ps = new PowerShellRunner();
            string root = Path.Combine(ps.Temp, "repo");
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "version.json"), "{ \"version\": \"2.3.4\" }");
            var r = RunWithModule(ps, "Write-Host (Get-PackageVersion $args[0] '')\nWrite-Host (Get-PackageVersion $args[0] 'ci.17')", root);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual("2.3.4\n2.3.4-ci.17", string.Join("\n", r.Out));

            File.WriteAllText(Path.Combine(root, "version.json"), "{ \"version\": \"2.3\" }");
            r = RunWithModule(ps, "try { Get-PackageVersion $args[0] '' ; exit 0 } catch { [Console]::Error.WriteLine($_.Exception.Message); exit 1 }", root);
            Assert.AreEqual(1, r.ExitCode, r.ToString());
            Assert.IsTrue(r.Err.Single().Contains("not X.Y.Z"), r.ToString());
        }
    }
}
