using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LoRaWan.HostTests.Packaging
{
    /// <summary>
    /// What a library's .nuspec must say, derived from its .nfproj and packages.config — the layout of
    /// nanoFramework's own packages (nanoFramework.IoT.Device devices/*/*.nuspec, nanoFramework.System.Device.I2c's
    /// nuspec): lib\ holds the .dll, .pdb, .pdbx, .pe and .xml from bin\Release; the dependencies are packages.config's
    /// at its exact versions plus the packages of the referenced projects at this package's own version; a readme
    /// under docs\, the licence at the root, an icon under images\.
    /// </summary>
    public static class NuspecCheck
    {
        /// <summary>Every package id starts with this.</summary>
        public const string IdPrefix = "LoRaWan.nanoFramework.";

        /// <summary>
        /// The projects that ship as packages: every library of the stack, one package per assembly with the packages of
        /// the assemblies it references as dependencies (as nanoFramework ships its own: nanoFramework.System.Device.Spi,
        /// nanoFramework.Runtime.Events, ... one assembly each), lowest layer first.
        /// </summary>
        public static readonly string[] PackagedProjects = NanoCheck.LayerCheck.Layers.Select(l => l.Project).ToArray();

        /// <summary>The files nanoFramework's packages carry in lib\ for each assembly.</summary>
        public static readonly string[] LibExtensions = { "dll", "pdb", "pdbx", "pe", "xml" };

        static readonly XNamespace Ns = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";

        /// <summary>The package id of project <paramref name="project"/>: the prefix + its name without a leading "LoRaWan.".</summary>
        public static string IdOf(string project) =>
            IdPrefix + (project.StartsWith("LoRaWan.", StringComparison.Ordinal) ? project.Substring("LoRaWan.".Length) : project);

        public static string NuspecPath(string root, string project) => Path.Combine(root, project, project + ".nuspec");

        /// <summary>The problems of <paramref name="nuspec"/> as the package of <paramref name="project"/> (empty: none).</summary>
        public static List<string> Problems(string root, string project, XDocument nuspec)
        {
            var problems = new List<string>();
            void Fail(string s) => problems.Add(project + ".nuspec: " + s);
            var nf = NanoCheck.NfProject.Load(root, project);
            XElement metadata = nuspec.Root?.Element(Ns + "metadata");
            if (nuspec.Root?.Name != Ns + "package" || metadata == null) { Fail("not a nuspec (package/metadata in the 2012/06 nuspec namespace)"); return problems; }
            string Meta(string name) => metadata.Element(Ns + name)?.Value.Trim();

            string id = Meta("id");
            if (id != IdOf(project)) Fail($"id '{id}', expected '{IdOf(project)}'");
            if (Meta("title") != id) Fail($"title '{Meta("title")}' differs from the id");
            if (Meta("version") != "$version$") Fail("version must be $version$ (build/pack.ps1 passes version.json's)");
            var repo = metadata.Element(Ns + "repository");
            if ((string)repo?.Attribute("commit") != "$commit$") Fail("repository commit must be $commit$");
            if (string.IsNullOrWhiteSpace(Meta("description"))) Fail("no description");

            // lib\: exactly the five build outputs of the assembly the .nfproj names.
            var files = nuspec.Root.Element(Ns + "files")?.Elements(Ns + "file")
                .Select(f => (Src: ((string)f.Attribute("src") ?? "").Replace('/', '\\'), Target: ((string)f.Attribute("target") ?? "").Replace('/', '\\')))
                .ToList() ?? new List<(string, string)>();
            string asm = nf.AssemblyName;
            foreach (var ext in LibExtensions)
            {
                string src = $"bin\\Release\\{asm}.{ext}", target = $"lib\\{asm}.{ext}";
                if (!files.Any(f => string.Equals(f.Src, src, StringComparison.OrdinalIgnoreCase) && string.Equals(f.Target, target, StringComparison.OrdinalIgnoreCase)))
                    Fail($"lacks <file src=\"{src}\" target=\"{target}\" />");
            }
            foreach (var f in files.Where(f => f.Target.StartsWith("lib\\", StringComparison.OrdinalIgnoreCase)))
                if (!LibExtensions.Any(e => string.Equals(f.Target, $"lib\\{asm}.{e}", StringComparison.OrdinalIgnoreCase)))
                    Fail($"puts {f.Target} in lib\\, which is not a build output of {asm}");
            string docFile = XDocument.Load(nf.ProjectFile).Descendants().FirstOrDefault(e => e.Name.LocalName == "DocumentationFile")?.Value.Trim();
            if (docFile == null || !docFile.EndsWith("\\" + asm + ".xml", StringComparison.Ordinal))
                Fail($"{project}.nfproj must write its XML docs to bin\\$(Configuration)\\{asm}.xml (DocumentationFile is '{docFile}')");

            // Every other file (readme, licence, icon) must exist in the repository.
            string dir = Path.Combine(root, project);
            foreach (var f in files.Where(f => !f.Src.StartsWith("bin\\", StringComparison.OrdinalIgnoreCase)))
                if (!File.Exists(Path.GetFullPath(Path.Combine(dir, f.Src.Replace('\\', Path.DirectorySeparatorChar)))))
                    Fail($"file {f.Src} does not exist");
            CheckPackaged(files, Meta("readme"), "readme", dir, Fail);
            var license = metadata.Element(Ns + "license");
            if ((string)license?.Attribute("type") != "file") Fail("license must be type=\"file\"");
            CheckPackaged(files, license?.Value.Trim(), "license", dir, Fail);
            string icon = Meta("icon");
            CheckPackaged(files, icon, "icon", dir, Fail);
            if (icon != null && !icon.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) Fail("icon must be a PNG");

            // Dependencies: packages.config at its exact versions + the referenced projects' packages at $version$.
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var pk in XDocument.Load(Path.Combine(dir, "packages.config")).Descendants("package"))
                if ((string)pk.Attribute("developmentDependency") != "true")
                    expected.Add((string)pk.Attribute("id") + " " + (string)pk.Attribute("version"));
            foreach (var reference in nf.ProjectReferences)
                expected.Add(IdOf(reference) + " $version$");
            var declared = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var d in metadata.Element(Ns + "dependencies")?.Descendants(Ns + "dependency") ?? Enumerable.Empty<XElement>())
                if (!declared.Add((string)d.Attribute("id") + " " + (string)d.Attribute("version")))
                    Fail($"dependency {(string)d.Attribute("id")} listed twice");
            foreach (var missing in expected.Except(declared)) Fail($"lacks the dependency {missing}");
            foreach (var extra in declared.Except(expected)) Fail($"declares the dependency {extra}, which packages.config and the project references do not");
            return problems;
        }

        /// <summary>A metadata path (readme, licence, icon) must be where one of the files lands in the package.</summary>
        static void CheckPackaged(List<(string Src, string Target)> files, string path, string what, string dir, Action<string> fail)
        {
            if (string.IsNullOrEmpty(path)) { fail($"no {what}"); return; }
            path = path.Replace('/', '\\');
            bool found = files.Any(f =>
            {
                string target = f.Target.TrimEnd('\\');
                string landsAt = target.Length == 0 ? Path.GetFileName(f.Src.Replace('\\', '/'))
                    : f.Target.EndsWith("\\") || !Path.HasExtension(target) ? target + "\\" + Path.GetFileName(f.Src.Replace('\\', '/')) : target;
                return string.Equals(landsAt, path, StringComparison.OrdinalIgnoreCase);
            });
            if (!found) fail($"{what} {path} is not among the packaged files");
        }
    }
}
