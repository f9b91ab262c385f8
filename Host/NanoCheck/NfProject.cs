using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NanoCheck
{
    /// <summary>A device project as its .nfproj and packages.config declare it.</summary>
    public sealed class NfProject
    {
        public string Name;            // folder path from the repository root, '/' separated, e.g. LoRaWan.Mac or Tests/Mac
        public string Directory;       // absolute
        public string ProjectFile;     // absolute path of the .nfproj
        public string AssemblyName;
        public bool IsExe;
        public List<string> Compile = new();                 // relative paths, '/' separated, as listed
        public Dictionary<string, string> CompileLinks = new(StringComparer.Ordinal); // listed path -> Link attribute, when given
        public List<(string PackageId, string Version, string File)> References = new();
        public List<string> ProjectReferences = new();       // referenced project folders, as Name
        public Dictionary<string, string> Packages = new(StringComparer.OrdinalIgnoreCase); // packages.config id -> version
        public List<Finding> LoadFindings = new();

        static readonly Regex HintPath = new(@"^(?<up>(?:\.\.[\\/])+)packages[\\/](?<pkg>.+?)\.(?<ver>\d+\.\d+\.\d+(?:[-.][0-9A-Za-z.-]+)?)[\\/]lib[\\/](?<file>[^\\/]+)$");

        public static NfProject Load(string root, string name)
        {
            var p = new NfProject { Name = name, Directory = Path.Combine(root, name) };
            var files = System.IO.Directory.Exists(p.Directory) ? System.IO.Directory.GetFiles(p.Directory, "*.nfproj") : Array.Empty<string>();
            if (files.Length != 1)
            {
                p.LoadFindings.Add(new Finding(name, 0, "NF100", $"{name} must hold exactly one .nfproj (found {files.Length})"));
                return p;
            }
            p.ProjectFile = files[0];
            string rel = Path.GetRelativePath(root, p.ProjectFile);
            XDocument doc;
            try { doc = XDocument.Load(p.ProjectFile); }
            catch (Exception e)
            {
                p.LoadFindings.Add(new Finding(rel, 0, "NF101", $"cannot read the project: {e.Message}"));
                return p;
            }
            XNamespace ns = doc.Root.Name.Namespace;
            string Prop(string n) => doc.Descendants(ns + n).Select(e => e.Value.Trim()).FirstOrDefault();
            p.AssemblyName = Prop("AssemblyName") ?? name;
            p.IsExe = string.Equals(Prop("OutputType"), "Exe", StringComparison.OrdinalIgnoreCase);
            if (!(Prop("ProjectTypeGuids") ?? "").Contains("{11A8DD76-328B-46DF-9F39-F559912D0360}", StringComparison.OrdinalIgnoreCase))
                p.LoadFindings.Add(new Finding(rel, 0, "NF102", "ProjectTypeGuids lacks the nanoFramework project type {11A8DD76-328B-46DF-9F39-F559912D0360}"));
            foreach (var c in doc.Descendants(ns + "Compile"))
            {
                string include = ((string)c.Attribute("Include") ?? "").Replace('\\', '/');
                p.Compile.Add(include);
                string link = (string)c.Attribute("Link") ?? c.Element(ns + "Link")?.Value;
                if (!string.IsNullOrEmpty(link)) p.CompileLinks[include] = link.Trim();
            }
            foreach (var r in doc.Descendants(ns + "Reference"))
            {
                string include = (string)r.Attribute("Include") ?? "";
                string hint = r.Element(ns + "HintPath")?.Value.Trim();
                var m = hint == null ? null : HintPath.Match(hint);
                if (m == null || !m.Success)
                {
                    p.LoadFindings.Add(new Finding(rel, 0, "NF103", $"reference '{include}' needs a HintPath ..\\packages\\<Id>.<Version>\\lib\\<Assembly>.dll (found '{hint}')"));
                    continue;
                }
                // The packages folder sits beside the solution, at the repository root.
                string packages = Path.GetFullPath(Path.Combine(p.Directory, m.Groups["up"].Value.Replace('\\', '/'), "packages"));
                if (packages != Path.GetFullPath(Path.Combine(root, "packages")))
                {
                    p.LoadFindings.Add(new Finding(rel, 0, "NF103", $"reference '{include}': HintPath '{hint}' does not lead to the packages folder beside the solution"));
                    continue;
                }
                p.References.Add((m.Groups["pkg"].Value, m.Groups["ver"].Value, m.Groups["file"].Value));
            }
            foreach (var r in doc.Descendants(ns + "ProjectReference"))
            {
                string include = ((string)r.Attribute("Include") ?? "").Replace('\\', '/');
                string dir = Path.GetFullPath(Path.Combine(p.Directory, Path.GetDirectoryName(include) ?? ""));
                p.ProjectReferences.Add(Path.GetRelativePath(root, dir).Replace('\\', '/'));
            }
            string config = Path.Combine(p.Directory, "packages.config");
            if (!File.Exists(config))
                p.LoadFindings.Add(new Finding(rel, 0, "NF104", "packages.config is missing"));
            else
                foreach (var pk in XDocument.Load(config).Descendants("package"))
                {
                    p.Packages[(string)pk.Attribute("id") ?? ""] = (string)pk.Attribute("version") ?? "";
                    if ((string)pk.Attribute("targetFramework") != "netnano1.0")
                        p.LoadFindings.Add(new Finding(Path.GetRelativePath(root, config), 0, "NF105", $"package {(string)pk.Attribute("id")} must have targetFramework=\"netnano1.0\""));
                }
            return p;
        }

        /// <summary>
        /// Every device project in the repository: the folders holding a .nfproj (bin, obj and dot-folders
        /// skipped), libraries first in build order of the house (the layers of <see cref="LayerCheck.Layers"/>, lowest
        /// first, then Simulation and Firmware), then the rest (the test projects, one per Tests/ sub-folder) in ordinal order.
        /// </summary>
        public static string[] Discover(string root)
        {
            string[] first = LayerCheck.Layers.Select(l => l.Project).Concat(new[] { "Simulation", "Firmware" }).ToArray();
            var found = new List<string>();
            void Walk(string dir)
            {
                foreach (var sub in System.IO.Directory.GetDirectories(dir))
                {
                    string n = Path.GetFileName(sub);
                    if (n.StartsWith(".") || n == "bin" || n == "obj" || n == "Host" || n == "packages" || n == "node_modules") continue;
                    if (System.IO.Directory.GetFiles(sub, "*.nfproj").Length > 0)
                        found.Add(Path.GetRelativePath(root, sub).Replace('\\', '/'));
                    Walk(sub);
                }
            }
            Walk(root);
            return first.Where(found.Contains).Concat(found.Where(f => !first.Contains(f)).OrderBy(f => f, StringComparer.Ordinal)).ToArray();
        }

        /// <summary>
        /// True for a listed source outside the project folder (a linked file, e.g.
        /// <c>&lt;Compile Include="..\boards\Boards.cs" Link="Boards\Boards.cs" /&gt;</c>).
        /// </summary>
        public static bool IsOutsideFolder(string listedPath) => listedPath.StartsWith("../", StringComparison.Ordinal);

        /// <summary>The absolute path of a listed source.</summary>
        public string FullPathOf(string listedPath) => Path.GetFullPath(Path.Combine(Directory, listedPath));

        /// <summary>The .cs files on disk under the project folder (bin/obj excluded), '/' separated.</summary>
        public List<string> SourcesOnDisk()
        {
            if (!System.IO.Directory.Exists(Directory)) return new List<string>();
            return System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
    }
}
