using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Packaging
{
    /// <summary>
    /// The NuGet packages can only be built on Windows (nanoFramework MSBuild); what can be checked here is that each
    /// .nuspec says what its .nfproj and packages.config say (<see cref="NuspecCheck"/>), that the checks catch
    /// mistakes, and that version.json, CHANGELOG.md and the README agree.
    /// </summary>
    [TestClass]
    public class PackageSpecTests
    {
        static XDocument Load(string project) => XDocument.Load(NuspecCheck.NuspecPath(RepoPaths.Root, project));

        [TestMethod]
        public void EveryLibraryNuspec_MatchesItsNfprojAndPackagesConfig()
        {
            foreach (var project in NuspecCheck.PackagedProjects)
            {
                Assert.IsTrue(System.IO.File.Exists(NuspecCheck.NuspecPath(RepoPaths.Root, project)), project + ".nuspec exists");
                var problems = NuspecCheck.Problems(RepoPaths.Root, project, Load(project));
                Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
            }
        }

        [TestMethod]
        public void PackageIds_ShareOnePrefix_AndAreDistinct()
        {
            var ids = NuspecCheck.PackagedProjects.Select(p => Load(p).Root.Descendants().First(e => e.Name.LocalName == "id").Value).ToList();
            Assert.AreEqual("LoRaWan.nanoFramework.Radio|LoRaWan.nanoFramework.Codec|LoRaWan.nanoFramework.Regions|LoRaWan.nanoFramework.Mac|LoRaWan.nanoFramework.Certification|LoRaWan.nanoFramework.Drivers.Sx127x",
                string.Join("|", ids));
            Assert.AreEqual(ids.Count, ids.Distinct().Count(), "distinct ids");
        }

        [TestMethod]
        public void EveryAssemblyOfTheStack_IsItsOwnPackage_DependingOnThePackagesOfItsReferences()
        {
            // One package per assembly (the nanoFramework way): a project that references a library depends on its
            // package at the same version, so installing the MAC brings the codec, the regions and the radio contracts,
            // and installing the driver brings only the radio contracts.
            foreach (var project in NanoCheck.Guard.DeviceProjects(RepoPaths.Root).Where(p => p.StartsWith("LoRaWan.") || p.StartsWith("Drivers.")))
                Assert.IsTrue(NuspecCheck.PackagedProjects.Contains(project) && System.IO.File.Exists(NuspecCheck.NuspecPath(RepoPaths.Root, project)),
                    project + " is a library and ships as a package");
            string Deps(string project) => string.Join(",", Load(project).Root.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => (string)e.Attribute("id")).Where(id => id.StartsWith(NuspecCheck.IdPrefix)).OrderBy(id => id, StringComparer.Ordinal));
            Assert.AreEqual("LoRaWan.nanoFramework.Radio", Deps("Drivers.Sx127x"));
            Assert.AreEqual("LoRaWan.nanoFramework.Codec,LoRaWan.nanoFramework.Radio,LoRaWan.nanoFramework.Regions", Deps("LoRaWan.Mac"));
            Assert.AreEqual("LoRaWan.nanoFramework.Radio", Deps("LoRaWan.Regions"));
            Assert.AreEqual("", Deps("LoRaWan.Codec"));
            Assert.AreEqual("", Deps("LoRaWan.Radio"));
        }

        [TestMethod]
        public void NuspecChecks_CatchEachKindOfMistake()
        {
            // One mistake each, applied to the real Drivers.Sx127x nuspec: every one must be reported.
            var mistakes = new (string What, Action<XDocument> Break)[]
            {
                ("dependency at another version", d => Dep(d, "nanoFramework.System.Device.Spi").SetAttributeValue("version", "1.3.88")),
                ("dependency missing", d => Dep(d, "nanoFramework.Runtime.Events").Remove()),
                ("extra dependency", d => Dep(d, "nanoFramework.CoreLibrary").AddAfterSelf(new XElement(Dep(d, "nanoFramework.CoreLibrary")) { })),
                ("radio package not at $version$", d => Dep(d, "LoRaWan.nanoFramework.Radio").SetAttributeValue("version", "0.1.0")),
                ("the MAC package instead of the radio's", d => Dep(d, "LoRaWan.nanoFramework.Radio").SetAttributeValue("id", "LoRaWan.nanoFramework.Mac")),
                ("no .pe in lib", d => File(d, "lib\\Drivers.Sx127x.pe").Remove()),
                ("no .pdbx in lib", d => File(d, "lib\\Drivers.Sx127x.pdbx").Remove()),
                ("no .xml in lib", d => File(d, "lib\\Drivers.Sx127x.xml").Remove()),
                ("wrong assembly", d => File(d, "lib\\Drivers.Sx127x.dll").SetAttributeValue("src", "bin\\Release\\Sx127x.dll")),
                ("stray lib file", d => File(d, "lib\\Drivers.Sx127x.dll").AddAfterSelf(new XElement(File(d, "lib\\Drivers.Sx127x.dll").Name, new XAttribute("src", "bin\\Release\\Other.dll"), new XAttribute("target", "lib\\Other.dll")))),
                ("id outside the prefix", d => Meta(d, "id").Value = "Drivers.Sx127x"),
                ("fixed version", d => Meta(d, "version").Value = "0.1.0"),
                ("readme not packaged", d => Meta(d, "readme").Value = "docs\\OTHER.md"),
                ("icon file missing", d => FileBySrc(d, "icon.png").SetAttributeValue("src", "..\\assets\\missing.png")),
                ("licence not a file", d => Meta(d, "license").SetAttributeValue("type", "expression")),
            };
            foreach (var (what, breakIt) in mistakes)
            {
                var doc = Load("Drivers.Sx127x");
                breakIt(doc);
                Assert.IsTrue(NuspecCheck.Problems(RepoPaths.Root, "Drivers.Sx127x", doc).Count > 0, "not caught: " + what);
            }
        }

        static XElement Meta(XDocument d, string name) => d.Root.Descendants().First(e => e.Name.LocalName == name);
        static XElement Dep(XDocument d, string id) => d.Root.Descendants().First(e => e.Name.LocalName == "dependency" && (string)e.Attribute("id") == id);
        static XElement File(XDocument d, string target) => d.Root.Descendants().First(e => e.Name.LocalName == "file" && (string)e.Attribute("target") == target);
        static XElement FileBySrc(XDocument d, string name) => d.Root.Descendants().First(e => e.Name.LocalName == "file" && ((string)e.Attribute("src")).EndsWith(name));

        [TestMethod]
        public void VersionJson_IsSemVer_AndIsTheFirstChangelogSection()
        {
            string json = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "version.json"));
            var m = Regex.Match(json, "\"version\"\\s*:\\s*\"([^\"]*)\"");
            Assert.IsTrue(m.Success, "version.json has a version");
            string version = m.Groups[1].Value;
            Assert.IsTrue(Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"), "version.json: X.Y.Z, found " + version);
            string changelog = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "CHANGELOG.md"));
            var first = Regex.Match(changelog, @"^## \[([^\]]+)\] - (Unreleased|\d{4}-\d{2}-\d{2})\s*$", RegexOptions.Multiline);
            Assert.IsTrue(first.Success, "CHANGELOG.md has a section '## [X.Y.Z] - Unreleased' or '- YYYY-MM-DD'");
            Assert.AreEqual(version, first.Groups[1].Value, "the first CHANGELOG section is version.json's version");
        }

        [TestMethod]
        public void Readme_ShowsEachPackage_AtVersionJsonsVersion_WithItsDependencies()
        {
            string readme = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            string version = Regex.Match(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "version.json")), "\"version\"\\s*:\\s*\"([^\"]*)\"").Groups[1].Value;
            foreach (var project in NuspecCheck.PackagedProjects)
            {
                string id = NuspecCheck.IdOf(project);
                Assert.IsTrue(readme.Contains($"<package id=\"{id}\" version=\"{version}\" targetFramework=\"netnano1.0\" />"), "README packages.config line for " + id);
                foreach (var pk in XDocument.Load(Path.Combine(RepoPaths.Root, project, "packages.config")).Descendants("package"))
                    Assert.IsTrue(readme.Contains($"<package id=\"{(string)pk.Attribute("id")}\" version=\"{(string)pk.Attribute("version")}\" targetFramework=\"netnano1.0\" />"),
                        "README packages.config line for " + (string)pk.Attribute("id") + " (a dependency of " + id + ")");
            }
        }
    }
}
