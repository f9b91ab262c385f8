using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NanoCheck
{
    /// <summary>
    /// The hard limits of the nanoFramework .pe format, as the metadata processor (nanoframework/metadata-processor
    /// v3.0.100, MetadataProcessor.Shared/…) enforces them or silently truncates past them, checked on the
    /// <see cref="PeImage"/> of every device project. Byte sizes fail at 60 KB, a margin under the 64 KB the
    /// format allows; counts fail at the format's own limit.
    /// </summary>
    public static class PeLimits
    {
        /// <summary>The guard's ceiling for the 16-bit byte offsets of the string, byte-code and signatures tables.</summary>
        public const int GuardTableBytes = 60 * 1024;

        /// <summary>
        /// String ids are 16-bit byte offsets: Tables/nanoStringTable.cs:104 throws "String table overflow …
        /// Can't use so many strings" once the table passes 65,535 bytes.
        /// </summary>
        public const int StringTableBytes = ushort.MaxValue;

        /// <summary>Method RVAs are 16-bit: Tables/nanoByteCodeTable.cs:86 throws "Byte code table overflow" past 65,535 bytes.</summary>
        public const int ByteCodeBytes = ushort.MaxValue;

        /// <summary>
        /// Signature ids are 16-bit offsets: Tables/nanoSignaturesTable.cs:753 casts the table length to ushort
        /// without a check, so a table past 65,535 bytes gives wrong signatures.
        /// </summary>
        public const int SignaturesBytes = ushort.MaxValue;

        /// <summary>
        /// Per type, Tables/nanoTypeDefinitionTable.cs:274-286 throws past 255 virtual, 255 instance or 255 static
        /// methods; lines 229-230 write the static and instance field counts in one byte each (silently truncated).
        /// </summary>
        public const int PerTypeCount = byte.MaxValue;

        /// <summary>
        /// Per method, one byte each, silently truncated: arguments including `this`
        /// (Tables/nanoMethodDefinitionTable.cs:80-86), locals (line 101), exception handlers
        /// (Mono.Cecil/CodeWriter.cs:310) and the targets of one switch (CodeWriter.cs:349).
        /// </summary>
        public const int PerMethodCount = byte.MaxValue;

        /// <summary>
        /// Byte-code tokens flag the table in the top bits of a 16-bit id: a type is a definition, a reference
        /// (| 0x4000) or a specification (| 0x8000) (Mono.Cecil/CodeWriter.cs:467-489), so type definitions and
        /// type references must stay under 0x4000 rows.
        /// </summary>
        public const int TypeRows = 0x3FFF;

        /// <summary>
        /// Methods and fields are a definition or an external reference (| 0x8000) (Tables/nanoTablesContext.cs:241,
        /// Mono.Cecil/CodeWriter.cs:458); type specifications carry | 0x8000 (CodeWriter.cs:477): under 0x8000 rows.
        /// </summary>
        public const int MemberRows = 0x7FFF;

        public static string Kb(int bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
        static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

        /// <summary>The limits of the .pe format that <paramref name="pe"/> breaks, each naming what fills it most.</summary>
        public static IEnumerable<Finding> Check(string project, PeImage pe)
        {
            if (pe.StringTableBytes > GuardTableBytes)
            {
                var literals = pe.Strings.Where(s => s.Source.StartsWith("literal", StringComparison.Ordinal)).Sum(s => s.Bytes);
                var biggest = pe.Strings.OrderByDescending(s => s.Bytes).ThenBy(s => s.Text, StringComparer.Ordinal).Take(5)
                    .Select(s => $"\"{Shorten(s.Text)}\" {N(s.Bytes)} B ({s.Source})");
                yield return new Finding(project, 1, "NF200",
                    $"string table of {pe.AssemblyName} is {Kb(pe.StringTableBytes)} ({N(pe.StringTableBytes)} B in {N(pe.Strings.Count)} strings: " +
                    $"{N(literals)} B of literals, {N(pe.StringTableBytes - literals)} B of names and attribute strings); the metadata processor refuses " +
                    $"more than {N(StringTableBytes)} B (\"String table overflow\") and the guard more than {Kb(GuardTableBytes)}: split the project or " +
                    $"shorten its strings. Biggest: {string.Join("; ", biggest)}");
            }
            if (pe.ByteCodeBytes > GuardTableBytes)
                yield return new Finding(project, 1, "NF201",
                    $"byte code of {pe.AssemblyName} is {Kb(pe.ByteCodeBytes)} ({N(pe.ByteCodeBytes)} B); the metadata processor refuses more than {N(ByteCodeBytes)} B " +
                    $"(\"Byte code table overflow\") and the guard more than {Kb(GuardTableBytes)}: split the project");
            if (pe.SignaturesEstimateBytes > GuardTableBytes)
                yield return new Finding(project, 1, "NF202",
                    $"signatures of {pe.AssemblyName} are about {Kb(pe.SignaturesEstimateBytes)} (metadata blobs + static array data); the .pe signature table has " +
                    $"16-bit offsets ({N(SignaturesBytes)} B) and the guard allows {Kb(GuardTableBytes)}: split the project or move large constant tables out");
            foreach (var t in pe.Types)
            {
                foreach (var (what, n) in new[] { ("virtual methods", t.VirtualMethods), ("instance methods", t.InstanceMethods), ("static methods", t.StaticMethods),
                                                   ("static fields", t.StaticFields), ("instance fields", t.InstanceFields) })
                    if (n > PerTypeCount)
                        yield return new Finding(project, 1, "NF203", $"{t.Name} has {n} {what}; a .pe type holds at most {PerTypeCount}: split the type");
            }
            foreach (var m in pe.Methods)
            {
                foreach (var (what, n) in new[] { ("arguments (this included)", m.Arguments), ("locals", m.Locals), ("exception handlers", m.ExceptionHandlers), ("targets in one switch", m.MaxSwitchTargets) })
                    if (n > PerMethodCount)
                        yield return new Finding(project, 1, "NF204", $"{m.Name} has {n} {what}; a .pe method holds at most {PerMethodCount}");
            }
            foreach (var (what, n, max) in new[] { ("type definitions", pe.TypeDefs, TypeRows), ("type references", pe.TypeRefs, TypeRows),
                                                   ("type specifications", pe.TypeSpecs, MemberRows), ("method definitions", pe.MethodDefs, MemberRows),
                                                   ("method references", pe.MethodRefs, MemberRows), ("field definitions", pe.FieldDefs, MemberRows),
                                                   ("field references", pe.FieldRefs, MemberRows) })
                if (n > max)
                    yield return new Finding(project, 1, "NF205", $"{pe.AssemblyName} has {N(n)} {what}; the .pe byte code addresses at most {N(max)}");
        }

        static string Shorten(string s)
        {
            s = s.Replace("\r", "\\r").Replace("\n", "\\n");
            return s.Length <= 40 ? s : s.Substring(0, 37) + "...";
        }

        /// <summary>The lines the guard prints after its verdict, one figure per device project.</summary>
        public static IEnumerable<string> Summary(IReadOnlyList<(string Project, PeImage Pe)> images)
        {
            if (images.Count == 0) yield break;
            yield return "  .pe string table (processor limit 64 KB, guard 60 KB): " + string.Join(", ", images.Select(i => $"{i.Project} {Kb(i.Pe.StringTableBytes)}"));
            yield return "  .pe byte code (limit 64 KB): " + string.Join(", ", images.Select(i => $"{i.Project} {Kb(i.Pe.ByteCodeBytes)}"));
            yield return "  .pe signatures, estimated (limit 64 KB): " + string.Join(", ", images.Select(i => $"{i.Project} {Kb(i.Pe.SignaturesEstimateBytes)}"));
            var maxType = images.SelectMany(i => i.Pe.Types.Select(t => (i.Project, t, n: Math.Max(Math.Max(t.VirtualMethods, t.InstanceMethods), Math.Max(t.StaticMethods, Math.Max(t.StaticFields, t.InstanceFields))))))
                .OrderByDescending(x => x.n).First();
            var maxMethod = images.SelectMany(i => i.Pe.Methods.Select(m => (i.Project, m, n: Math.Max(Math.Max(m.Arguments, m.Locals), Math.Max(m.ExceptionHandlers, m.MaxSwitchTargets)))))
                .OrderByDescending(x => x.n).First();
            yield return $"  .pe counts (limit 255 per type and per method; rows 16383 types, 32767 members): largest type {maxType.t.Name} ({maxType.n}), " +
                         $"largest method {maxMethod.m.Name} ({maxMethod.n}), most rows {images.Max(i => Math.Max(i.Pe.MethodDefs, i.Pe.MethodRefs))} methods, " +
                         $"{images.Max(i => i.Pe.TypeDefs)} types";
        }
    }
}
