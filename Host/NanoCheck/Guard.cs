using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace NanoCheck
{
    /// <summary>One reason the device code is not nanoFramework 1.17 code.</summary>
    public sealed record Finding(string File, int Line, string Code, string Message)
    {
        public override string ToString() => $"{File}({Math.Max(Line, 1)}): error {Code}: {Message}";
    }

    /// <summary>A source file added to a device project for one run (used by the guard's own tests).</summary>
    public sealed record ExtraSource(string Project, string RelativePath, string Text, bool Listed = true);

    public sealed class GuardOptions
    {
        /// <summary>Only these device projects (and what they reference) are compiled; null = all.</summary>
        public string[] Projects;
        public List<ExtraSource> Extra = new();
        /// <summary>Filled by the run: what the metadata processor would make of each device project that compiled.</summary>
        public List<(string Project, PeImage Pe)> Images = new();
        /// <summary>Filled by the run: the shape of the projects <see cref="ShapeLimits"/> holds to its limits.</summary>
        public List<ShapeLimits.Shape> Shapes = new();
        /// <summary>
        /// When set (<c>--emit &lt;dir&gt;</c>), the Release build of each device project that compiled is written there
        /// as <c>&lt;project&gt;/&lt;AssemblyName&gt;.dll</c> (<c>.exe</c> for an Exe project; a folder per project because
        /// every test project is called NFUnitTest): the input the nanoFramework metadata
        /// processor turns into a .pe, e.g. to run the stack on a nanoCLR build (Host/NanoBench/README.md).
        /// </summary>
        public string EmitDirectory;
        /// <summary>Filled by the run: the files written to <see cref="EmitDirectory"/>.</summary>
        public List<string> Emitted = new();
    }

    /// <summary>
    /// Compiles each device project the way the nanoFramework project system would (its listed sources,
    /// its package references, C# 9, no standard library) against the real mscorlib of nanoFramework.CoreLibrary
    /// and the declared surfaces in Host/NanoApi, then checks the IL and the limits of the .pe format.
    /// </summary>
    public static class Guard
    {
        /// <summary>The device projects of the repository at <paramref name="root"/> (see <see cref="NfProject.Discover"/>).</summary>
        public static string[] DeviceProjects(string root) => NfProject.Discover(root);

        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp9, DocumentationMode.Parse);

        /// <summary>
        /// The device libraries whose public API must carry XML documentation (DESIGN.md: "public API documented with
        /// XML comments"; their packages ship the .xml): compiled with documentation diagnostics, and these reported as
        /// errors (the compiler's warnings, so the IL and .pe checks still run on a project that has them).
        /// </summary>
        public static readonly string[] DocumentedProjects = LayerCheck.Layers.Select(l => l.Project).ToArray();

        /// <summary>
        /// CS1591 a public member without an XML comment; and XML comments that would lie: CS1570 badly formed XML,
        /// CS1572 a param tag for a parameter that does not exist, CS1573 a parameter without a param tag where others
        /// have one, CS1574 a cref that does not resolve.
        /// </summary>
        public static readonly string[] DocumentationErrors = { "CS1591", "CS1570", "CS1572", "CS1573", "CS1574" };

        static readonly CSharpParseOptions DocumentedParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

        /// <summary>Compiler errors that mean "this API or language feature does not exist on the device".</summary>
        static readonly HashSet<string> MissingApiErrors = new()
        {
            "CS0012", "CS0103", "CS0117", "CS0234", "CS0246", "CS0305", "CS0308", "CS0518", "CS0656", "CS1061",
            "CS1501", "CS1503", "CS0227", "CS8701", "CS1955", "CS0619", "CS8652",
        };

        public static List<Finding> Run(string root, GuardOptions options = null)
        {
            options ??= new GuardOptions();
            var findings = new List<Finding>();
            var surface = Surface.Build(root);
            var all = DeviceProjects(root);
            var projects = all.ToDictionary(n => n, n => NfProject.Load(root, n));
            var wanted = new HashSet<string>(options.Projects ?? all);
            // Close over project references so a filtered run still compiles dependencies.
            var queue = new Queue<string>(wanted);
            while (queue.Count > 0)
                foreach (var dep in projects.TryGetValue(queue.Dequeue(), out var pr) ? pr.ProjectReferences : new List<string>())
                    if (wanted.Add(dep)) queue.Enqueue(dep);

            var built = new Dictionary<string, MetadataReference>();
            foreach (var name in TopologicalOrder(all, projects, wanted, findings))
            {
                var project = projects[name];
                findings.AddRange(project.LoadFindings);
                if (project.ProjectFile == null) continue;
                findings.AddRange(LayerCheck.Check(root, project));
                var extra = options.Extra.Where(e => e.Project == name).ToList();
                findings.AddRange(CheckListing(root, project, extra));
                var refs = ResolveReferences(root, project, surface, built, findings);
                var reference = CompileAndCheck(root, project, refs, extra, findings, options);
                if (reference != null) built[name] = reference;
            }
            return findings;
        }

        /// <summary>The projects of <paramref name="wanted"/> in build order (references first); NF106 for a project reached again while its own references are being visited (a cycle), NF107 for a reference to no device project.</summary>
        public static IEnumerable<string> TopologicalOrder(string[] all, Dictionary<string, NfProject> projects, HashSet<string> wanted, List<Finding> findings)
        {
            var done = new List<string>();
            var visiting = new HashSet<string>();
            void Visit(string n)
            {
                if (done.Contains(n)) return;
                if (!visiting.Add(n)) { findings.Add(new Finding(n, 0, "NF106", "project references form a cycle")); return; }
                if (projects.TryGetValue(n, out var p))
                    foreach (var d in p.ProjectReferences)
                        if (projects.ContainsKey(d)) Visit(d);
                        else findings.Add(new Finding(Rel(projects[n].ProjectFile ?? n), 0, "NF107", $"ProjectReference to unknown device project '{d}'"));
                done.Add(n);
            }
            foreach (var n in all.Where(wanted.Contains)) Visit(n);
            return done;
        }

        static string _root;
        static string Rel(string path) => _root == null || !Path.IsPathRooted(path) ? path : Path.GetRelativePath(_root, path).Replace('\\', '/');

        /// <summary>
        /// nfproj does not glob: every .cs file in the project folder must be listed, every listed file must exist.
        /// A listed file outside the folder (<c>Include="..\boards\Boards.cs"</c>, usually with a <c>Link</c>) is a
        /// linked source: it must exist, lie inside the repository and be a .cs file; it does not excuse an
        /// unlisted file inside the folder.
        /// </summary>
        static IEnumerable<Finding> CheckListing(string root, NfProject p, List<ExtraSource> extra)
        {
            var listed = new HashSet<string>(p.Compile.Concat(extra.Where(e => e.Listed).Select(e => e.RelativePath)), StringComparer.Ordinal);
            var extraPaths = new HashSet<string>(extra.Select(e => e.RelativePath), StringComparer.Ordinal);
            var onDisk = new HashSet<string>(p.SourcesOnDisk().Concat(extra.Select(e => e.RelativePath)), StringComparer.Ordinal);
            string proj = Path.GetRelativePath(root, p.ProjectFile).Replace('\\', '/');
            foreach (var f in onDisk.Where(f => !listed.Contains(f) && !NfProject.IsOutsideFolder(f)).OrderBy(f => f, StringComparer.Ordinal))
                yield return new Finding($"{p.Name}/{f}", 1, "NF001", $"not listed as <Compile Include=\"{f.Replace('/', '\\')}\" /> in {proj}; nfproj does not glob, so the device build would leave it out");
            foreach (var f in listed.Where(f => !NfProject.IsOutsideFolder(f) && !onDisk.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
                yield return new Finding(proj, 1, "NF002", $"lists {f}, which does not exist");
            string fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (var f in listed.Where(NfProject.IsOutsideFolder).OrderBy(f => f, StringComparer.Ordinal))
            {
                string full = p.FullPathOf(f);
                if (!full.StartsWith(fullRoot, StringComparison.Ordinal))
                    yield return new Finding(proj, 1, "NF008", $"links {f}, which lies outside the repository");
                else if (!f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                    yield return new Finding(proj, 1, "NF008", $"links {f}, which is not a C# source file");
                else if (!extraPaths.Contains(f) && !File.Exists(full))
                    yield return new Finding(proj, 1, "NF002", $"links {f} (outside the project folder), which does not exist");
            }
        }

        /// <summary>The name a source carries in findings: its path from the repository root, '/' separated.</summary>
        static string SourceName(string root, NfProject p, string listedPath) =>
            Path.GetRelativePath(root, p.FullPathOf(listedPath)).Replace('\\', '/');

        static List<MetadataReference> ResolveReferences(string root, NfProject p, Dictionary<string, MetadataReference> surface,
            Dictionary<string, MetadataReference> built, List<Finding> findings)
        {
            string proj = Path.GetRelativePath(root, p.ProjectFile).Replace('\\', '/');
            var refs = new List<MetadataReference>();
            var seen = new HashSet<string>();
            foreach (var (pkg, ver, file) in p.References)
            {
                var asm = Surface.Find(pkg, file);
                if (asm == null)
                {
                    findings.Add(new Finding(proj, 1, "NF003", $"references {file} from package {pkg}, which is neither nanoFramework.CoreLibrary nor a declared nanoFramework API surface (Host/NanoApi)"));
                    continue;
                }
                if (asm.Version != ver)
                    findings.Add(new Finding(proj, 1, "NF004", $"references {pkg} {ver}; the project uses {asm.Version} (shared/NANOFRAMEWORK.md)"));
                if (!p.Packages.TryGetValue(pkg, out var cfgVer))
                    findings.Add(new Finding(proj, 1, "NF005", $"references {pkg} but packages.config does not list it"));
                else if (cfgVer != ver)
                    findings.Add(new Finding(proj, 1, "NF006", $"HintPath says {pkg} {ver} but packages.config says {cfgVer}"));
                if (asm == Surface.UnitTestLauncher) continue;
                if (seen.Add(asm.Name)) refs.Add(surface[asm.Name]);
            }
            foreach (var pkg in p.Packages.Keys.Where(k => !p.References.Any(r => r.PackageId.Equals(k, StringComparison.OrdinalIgnoreCase))))
                if (!Surface.Assemblies.Any(a => a.PackageId.Equals(pkg, StringComparison.OrdinalIgnoreCase)))
                    findings.Add(new Finding(proj, 1, "NF003", $"packages.config lists {pkg}, which is not part of the declared nanoFramework API surface"));
            if (!seen.Contains("mscorlib"))
                findings.Add(new Finding(proj, 1, "NF007", "does not reference mscorlib (nanoFramework.CoreLibrary)"));
            foreach (var d in p.ProjectReferences)
                if (built.TryGetValue(d, out var r)) refs.Add(r);
            return refs;
        }

        static MetadataReference CompileAndCheck(string root, NfProject p, List<MetadataReference> refs, List<ExtraSource> extra, List<Finding> findings, GuardOptions options)
        {
            bool documented = DocumentedProjects.Contains(p.Name);
            var parseOptions = documented ? DocumentedParseOptions : ParseOptions;
            var trees = new List<SyntaxTree>();
            foreach (var f in p.Compile)
            {
                string path = p.FullPathOf(f);
                if (File.Exists(path))
                    trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path), Encoding.UTF8), parseOptions, SourceName(root, p, f)));
            }
            foreach (var e in extra)
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(e.Text, Encoding.UTF8), parseOptions, SourceName(root, p, e.RelativePath)));

            var compilation = CSharpCompilation.Create(p.AssemblyName, trees, refs,
                new CSharpCompilationOptions(p.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    optimizationLevel: OptimizationLevel.Release, allowUnsafe: false, deterministic: true,
                    nullableContextOptions: NullableContextOptions.Disable));
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var d in errors)
            {
                var span = d.Location.GetLineSpan();
                string hint = MissingApiErrors.Contains(d.Id)
                    ? $" — not available to {p.AssemblyName} on nanoFramework 1.17: only nanoFramework.CoreLibrary {CoreLibrary.Version}'s mscorlib and the declared API surface (Host/NanoApi) of the packages it references exist; see shared/NANOFRAMEWORK.md"
                    : "";
                findings.Add(new Finding(span.Path ?? p.Name, span.StartLinePosition.Line + 1, d.Id, d.GetMessage() + hint));
            }
            // Documentation problems are warnings to the compiler (so the IL and .pe checks still run) and errors here.
            if (documented)
                foreach (var d in result.Diagnostics.Where(d => DocumentationErrors.Contains(d.Id)))
                {
                    var span = d.Location.GetLineSpan();
                    findings.Add(new Finding(span.Path ?? p.Name, span.StartLinePosition.Line + 1, d.Id, d.GetMessage() + " (XML docs are required on the public API of " + p.Name + ")"));
                }
            if (!result.Success) return null;
            if (options.EmitDirectory != null)
            {
                string folder = Path.Combine(options.EmitDirectory, p.Name);
                Directory.CreateDirectory(folder);
                string file = Path.Combine(folder, p.AssemblyName + (p.IsExe ? ".exe" : ".dll"));
                File.WriteAllBytes(file, pe.ToArray());
                options.Emitted.Add(file);
            }
            findings.AddRange(IlCheck.Check(compilation, pe.ToArray(), pdb.ToArray()));
            if (ShapeLimits.Projects.Contains(p.Name))
                options.Shapes.Add(ShapeLimits.Measure(Path.GetRelativePath(root, p.ProjectFile).Replace('\\', '/'), compilation, pe.ToArray(), root, findings));
            // The .pe of a Debug build (the project system's default configuration) has more byte code and locals
            // than a Release build: the limits are checked on the larger of the two.
            using var debugPe = new MemoryStream();
            var debug = compilation.WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Debug)).Emit(debugPe);
            var image = debug.Success ? PeImage.Larger(PeImage.Measure(pe.ToArray()), PeImage.Measure(debugPe.ToArray())) : PeImage.Measure(pe.ToArray());
            options.Images.Add((p.Name, image));
            findings.AddRange(PeLimits.Check(Path.GetRelativePath(root, p.ProjectFile).Replace('\\', '/'), image));
            return MetadataReference.CreateFromImage(pe.ToArray());
        }

        public static int Main(string[] args)
        {
            string root = Directory.GetCurrentDirectory();
            for (int i = 0; i < args.Length - 1; i++)
                if (args[i] == "--root") root = Path.GetFullPath(args[i + 1]);
            _root = root;
            if (args.Contains("--sync-listing")) return SyncListing.Run(root);
            List<Finding> findings;
            var options = new GuardOptions();
            for (int i = 0; i < args.Length; i++)
                if (args[i] == "--emit")
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        Console.WriteLine("usage: NanoCheck [--root <dir>] [--emit <dir>] [--sync-listing]: --emit needs a folder");
                        return 2;
                    }
                    options.EmitDirectory = Path.GetFullPath(args[i + 1]);
                }
            try { findings = Run(root, options); }
            catch (Exception e)
            {
                Console.WriteLine($"Host/NanoApi(1): error NF000: {e.Message}");
                return 1;
            }
            foreach (var f in findings) Console.WriteLine(f.ToString());
            Console.WriteLine(findings.Count == 0
                ? $"nanoFramework guard: {string.Join(", ", DeviceProjects(root))} compile against nanoFramework.CoreLibrary {CoreLibrary.Version} and the declared API surface, pass the IL check and fit the .pe limits"
                : $"nanoFramework guard: {findings.Count} problem(s)");
            foreach (var line in PeLimits.Summary(options.Images)) Console.WriteLine(line);
            foreach (var shape in options.Shapes) Console.WriteLine(ShapeLimits.Summary(shape));
            foreach (var file in options.Emitted) Console.WriteLine("emitted " + file);
            return findings.Count == 0 ? 0 : 1;
        }
    }
}
