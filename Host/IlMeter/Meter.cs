using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace LoRaWan.IlMeter
{
    /// <summary>One row of the meter's table.</summary>
    public sealed class IlRow
    {
        /// <summary>Short name (Workload/Operations.Names).</summary>
        public string Name;
        /// <summary>What the operation is.</summary>
        public string Description;
        /// <summary>IL instructions executed in the device assemblies.</summary>
        public long Il;
        /// <summary>Locks taken (Monitor.Enter calls) in the device assemblies: native work on nanoCLR that <see cref="Il"/> does not show.</summary>
        public long Locks;
        /// <summary>
        /// Heap allocations nanoCLR makes for the counted IL (<see cref="NanoAllocations"/>: struct copies and locals, boxing,
        /// newobj, newarr, ldstr); the host's 0-B tests cannot see the struct and boxing ones.
        /// </summary>
        public long Allocations;
        /// <summary>
        /// Estimated x86 instructions nanoCLR executes for <see cref="Il"/> (<see cref="CostModel"/>'s weights per opcode class,
        /// measured on nanoCLR by NanoBench): calls, field and array accesses, conversions and natives cost more than plain IL.
        /// </summary>
        public long EstX86;
        /// <summary>In a profile: the times the method was entered (0 when a branch returns to its first instruction).</summary>
        public long Calls;
        /// <summary>The environment's IL (rig, simulation, and device code it calls for itself) in the same run: not counted above.</summary>
        public long EnvironmentIl;
        /// <summary>The environment's estimated x86, as <see cref="EstX86"/>.</summary>
        public long EnvironmentEstX86;
    }

    /// <summary>
    /// Counts the IL instructions each operation of Workload/Operations executes in the device assemblies: rewrites
    /// the stack's assemblies and Drivers.Sx127x (<see cref="Counted"/>, <see cref="Instrumenter"/>), loads them with the workload and the unrewritten
    /// Simulation and Shims in a collectible <see cref="AssemblyLoadContext"/>, runs each operation there and unloads.
    /// Single-threaded and built fresh per operation: the same build gives the same numbers, to the instruction.
    /// </summary>
    public static class Meter
    {
        /// <summary>
        /// Device assemblies whose IL is counted: the stack's four and the driver. The first, the lowest layer, receives the
        /// counter (the others reference it there; the environment references it too, through the radio contracts).
        /// </summary>
        public static readonly string[] Counted = { "LoRaWan.Radio", "LoRaWan.Codec", "LoRaWan.Regions", "LoRaWan.Mac", "Drivers.Sx127x" };

        /// <summary>Assemblies loaded into the meter's context unrewritten (they reference the counted ones).</summary>
        static readonly string[] Loaded = { "Shims" };

        /// <summary>
        /// The environment: loaded into the meter's context with their calls into the counted assemblies paused (except
        /// the device's entry points, <see cref="Instrumenter.EntryPoints"/>); in the workload only its test rig is
        /// environment (LoRaWan.Tests.*), its operations are the application and count.
        /// </summary>
        static readonly string[][] Environment = { new[] { "LoRaWan.Simulation", null }, new[] { "IlMeter.Workload", "LoRaWan.Tests." } };

        /// <summary>IL instructions per second an ESP32 at 240 MHz interprets (issue 20: about 3–4 million; the low end is used).</summary>
        public const double EspIlPerSecond = 3.0e6;

        /// <summary>Measures every operation; <paramref name="directory"/> holds the built assemblies (default: next to this one).</summary>
        public static List<IlRow> Measure(string directory = null)
        {
            return Run(directory, null, null);
        }

        /// <summary>
        /// Runs operation <paramref name="operation"/> with a per-method count and returns its methods by IL executed in
        /// each (exclusive of callees), largest first.
        /// </summary>
        public static List<IlRow> Profile(string operation, string directory = null)
        {
            var profile = new List<IlRow>();
            Run(directory, operation, profile);
            profile.Sort((a, b) => b.Il.CompareTo(a.Il));
            return profile;
        }

        static List<IlRow> Run(string directory, string only, List<IlRow> profile)
        {
            directory ??= Path.GetDirectoryName(typeof(Meter).Assembly.Location);
            var paths = new List<string>();
            foreach (string name in Counted) paths.Add(Path.Combine(directory, name + ".dll"));
            List<string> methodNames = profile == null ? null : new List<string>();
            Dictionary<string, byte[]> images = Instrumenter.Rewrite(paths, methodNames);
            foreach (string[] e in Environment)
                images.Add(e[0], Instrumenter.RewriteEnvironment(Path.Combine(directory, e[0] + ".dll"), Counted, Counted[0], e[1] == null ? null : new[] { e[1] }));
            var context = new MeterContext(directory, images);
            try
            {
                long[] perMethod = null, perMethodAllocations = null;
                if (methodNames != null)
                {
                    perMethod = new long[Instrumenter.MethodSlots * methodNames.Count];
                    perMethodAllocations = new long[methodNames.Count];
                    Type counter = context.LoadFromAssemblyName(new AssemblyName(Counted[0])).GetType(Instrumenter.CounterNamespace + "." + Instrumenter.CounterName, true);
                    counter.GetField(Instrumenter.MethodsField).SetValue(null, perMethod);
                    counter.GetField(Instrumenter.MethodAllocationsField).SetValue(null, perMethodAllocations);
                }
                Assembly workload = context.LoadFromAssemblyName(new AssemblyName("IlMeter.Workload"));
                Type ops = workload.GetType("LoRaWan.IlMeter.Workload.Operations", true);
                var names = (string[])ops.GetField("Names").GetValue(null);
                var descriptions = (string[])ops.GetField("Descriptions").GetValue(null);
                MethodInfo measure = ops.GetMethod("Measure");
                var rows = new List<IlRow>();
                for (int i = 0; i < names.Length; i++)
                {
                    if (only != null && names[i] != only) continue;
                    long il;
                    try { il = (long)measure.Invoke(null, new object[] { names[i] }); }
                    catch (TargetInvocationException e) { throw new InvalidOperationException(names[i] + ": " + e.InnerException.Message, e.InnerException); }
                    rows.Add(new IlRow
                    {
                        Name = names[i],
                        Description = descriptions[i],
                        Il = il,
                        Locks = (long)ops.GetField("LastLocks").GetValue(null),
                        Allocations = (long)ops.GetField("LastAllocations").GetValue(null),
                        EstX86 = (long)ops.GetField("LastCost").GetValue(null),
                        EnvironmentIl = (long)ops.GetField("LastEnvironmentIl").GetValue(null),
                        EnvironmentEstX86 = (long)ops.GetField("LastEnvironmentCost").GetValue(null)
                    });
                }
                if (only != null && rows.Count == 0) throw new ArgumentException("unknown operation " + only + "; one of " + string.Join(", ", names));
                if (perMethod != null)
                    for (int m = 0; m < methodNames.Count; m++)
                    {
                        int at = Instrumenter.MethodSlots * m;
                        if (perMethod[at] != 0 || perMethodAllocations[m] != 0)
                            profile.Add(new IlRow { Name = methodNames[m], Il = perMethod[at], EstX86 = perMethod[at + 1], Calls = perMethod[at + 2], Allocations = perMethodAllocations[m] });
                    }
                return rows;
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>
        /// The instructions of <paramref name="method"/> ("Namespace.Type::Name" as in a profile; every overload) where nanoCLR
        /// allocates (<see cref="NanoAllocations"/>), and its struct locals, as text.
        /// </summary>
        public static List<string> AllocationSites(string method, string directory = null)
        {
            directory ??= Path.GetDirectoryName(typeof(Meter).Assembly.Location);
            var sites = new List<string>();
            int split = method.LastIndexOf("::", StringComparison.Ordinal);
            string typeName = method.Substring(0, split), name = method.Substring(split + 2);
            foreach (string assembly in Counted)
            {
                using var resolver = new Mono.Cecil.DefaultAssemblyResolver();
                resolver.AddSearchDirectory(directory);
                using var module = Mono.Cecil.ModuleDefinition.ReadModule(Path.Combine(directory, assembly + ".dll"), new Mono.Cecil.ReaderParameters { AssemblyResolver = resolver });
                foreach (Mono.Cecil.TypeDefinition type in module.GetTypes())
                {
                    if (type.FullName != typeName) continue;
                    foreach (Mono.Cecil.MethodDefinition m in type.Methods)
                    {
                        if (m.Name != name || !m.HasBody) continue;
                        foreach (Mono.Cecil.Cil.VariableDefinition v in m.Body.Variables)
                            if (NanoAllocations.IsStruct(v.VariableType)) sites.Add($"struct local V_{v.Index} {v.VariableType.Name} (per call)");
                        foreach (Mono.Cecil.Cil.Instruction i in m.Body.Instructions)
                        {
                            int n = NanoAllocations.Of(i, m);
                            if (n > 0) sites.Add($"IL_{i.Offset:x4} {i.OpCode.Name} {i.Operand} ({n})");
                        }
                    }
                }
            }
            return sites;
        }

        /// <summary>
        /// Every place in the counted assemblies where nanoCLR copies a struct, allocates a struct local or boxes
        /// (<see cref="NanoAllocations"/> without newobj, newarr and ldstr), as "method: site" text.
        /// </summary>
        public static List<string> StructSites(string directory = null)
        {
            directory ??= Path.GetDirectoryName(typeof(Meter).Assembly.Location);
            var sites = new List<string>();
            foreach (string assembly in Counted)
            {
                using var resolver = new Mono.Cecil.DefaultAssemblyResolver();
                resolver.AddSearchDirectory(directory);
                using var module = Mono.Cecil.ModuleDefinition.ReadModule(Path.Combine(directory, assembly + ".dll"), new Mono.Cecil.ReaderParameters { AssemblyResolver = resolver });
                foreach (Mono.Cecil.TypeDefinition type in module.GetTypes())
                    foreach (Mono.Cecil.MethodDefinition m in type.Methods)
                        if (m.HasBody)
                            foreach (string site in AllocationSites(type.FullName + "::" + m.Name, directory))
                            {
                                if (site.Contains(" newobj ") || site.Contains(" newarr ") || site.Contains(" ldstr ")) continue;
                                string line = type.FullName + "::" + m.Name + ": " + site;
                                if (!sites.Contains(line)) sites.Add(line);
                            }
            }
            return sites;
        }

        /// <summary>
        /// What the stack holds after an OTAA join (Workload/HeldMemory.cs), loaded in its own context: the report, and in
        /// <paramref name="totals"/> (4 elements, if given) the held bytes under the nanoCLR heap model { 64-bit after the
        /// join, 32-bit after the join, 64-bit after the first uplink, 32-bit after it }.
        /// </summary>
        public static string HeldAfterJoin(long[] totals = null, string directory = null)
        {
            directory ??= Path.GetDirectoryName(typeof(Meter).Assembly.Location);
            var context = new MeterContext(directory, new Dictionary<string, byte[]>());
            try
            {
                Assembly workload = context.LoadFromAssemblyName(new AssemblyName("IlMeter.Workload"));
                return (string)workload.GetType("LoRaWan.IlMeter.Workload.HeldMemory", true).GetMethod("AfterJoin").Invoke(null, new object[] { totals });
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>The table as text: IL per operation and the ESP32 estimate.</summary>
        public static string Format(IList<IlRow> rows)
        {
            var s = new System.Text.StringBuilder();
            s.AppendLine($"{"operation",-20} {"IL executed",12} {"est. x86",10} {"ESP32 est.",11} {"locks",6} {"allocs",6}  what");
            foreach (IlRow r in rows)
                s.AppendLine($"{r.Name,-20} {r.Il,12:N0} {r.EstX86,10:N0} {r.Il / EspIlPerSecond * 1000.0,8:F2} ms {r.Locks,6} {r.Allocations,6}  {r.Description}");
            s.AppendLine($"IL counted in {string.Join(", ", Counted)} only; ESP32 estimate at {EspIlPerSecond / 1e6:F0} million IL/s (240 MHz, issue 20).");
            foreach (IlRow r in rows)
                if (r.EnvironmentIl != 0)
                    s.AppendLine($"{r.Name}: environment (not counted above) {r.EnvironmentIl:N0} IL, est. {r.EnvironmentEstX86:N0} x86; with it {r.Il + r.EnvironmentIl:N0} IL, est. {r.EstX86 + r.EnvironmentEstX86:N0} x86");
            s.AppendLine("est. x86: x86 instructions nanoCLR (-O2, x86-64) is estimated to execute, IL weighted by opcode class (CostModel, from NanoBench).");
            s.AppendLine("locks: Monitor.Enter calls executed; each allocates a lock block on nanoCLR, native work not in the IL count or the estimate.");
            s.AppendLine("allocs: heap allocations nanoCLR makes for the counted IL (struct copies and struct locals, box, newobj, newarr, ldstr; NanoAllocations).");
            return s.ToString();
        }

        sealed class MeterContext : AssemblyLoadContext
        {
            readonly string _directory;
            readonly Dictionary<string, byte[]> _images;

            public MeterContext(string directory, Dictionary<string, byte[]> images) : base("IlMeter", isCollectible: true)
            {
                _directory = directory;
                _images = images;
            }

            protected override Assembly Load(AssemblyName name)
            {
                if (_images.TryGetValue(name.Name, out byte[] image)) return LoadFromStream(new MemoryStream(image));
                if (Array.IndexOf(Loaded, name.Name) >= 0 || name.Name == "IlMeter.Workload" || Array.IndexOf(Counted, name.Name) >= 0 || name.Name == "LoRaWan.Simulation")
                    return LoadFromStream(new MemoryStream(File.ReadAllBytes(Path.Combine(_directory, name.Name + ".dll"))));
                return null;   // mscorlib and the rest: the default context's
            }
        }
    }
}
