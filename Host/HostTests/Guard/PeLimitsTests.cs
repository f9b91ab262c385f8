using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The guard computes the .pe tables as nanoframework/metadata-processor v3.0.100 builds them and fails a
    /// device project past the format's limits (string table 64 KB, byte code 64 KB, 255 methods of a kind per type).
    /// </summary>
    [TestClass]
    public class PeLimitsTests
    {
        /// <summary>
        /// A small assembly whose string table and byte code are derived by hand from the processor's rules:
        /// each distinct string once, UTF-8 bytes + NUL (nanoStringTable.cs:97-110), from the assembly name,
        /// assembly references, type references, member references, type/field/method names, non-ignored
        /// attribute string arguments and ldstr literals; constants (const fields) and ignored attributes
        /// ([Obsolete]) left out.
        /// </summary>
        const string Small = @"namespace Pq
{
    public class TagAttribute : System.Attribute { public TagAttribute(string s) { } }
    [Tag(""tagged"")]
    public class Kx
    {
        public int Fa;
        public const int Cb = 3;
        public static string Mq() { return ""h\u00e9llo""; }
        public static string Mr() { return ""h\u00e9llo""; }
        public static string Ms() { return ""Pq""; }
        [System.Obsolete(""stale"")]
        public static void Old() { }
    }
}
";

        static PeImage MeasureSmall()
        {
            var compilation = CSharpCompilation.Create("Az",
                new[] { CSharpSyntaxTree.ParseText(Small, NanoCheck.Guard.ParseOptions) },
                new[] { MetadataReference.CreateFromImage(CoreLibrary.Dll) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true));
            using var pe = new MemoryStream();
            var result = compilation.Emit(pe);
            Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics));
            return PeImage.Measure(pe.ToArray());
        }

        [TestMethod]
        public void StringTable_OfASmallAssembly_IsTheHandDerivedSize()
        {
            // Hand count (UTF-8 bytes + NUL):
            //   ""            1  first entry of every table (nanoStringTable.cs:70)
            //   "Az"          3  assembly name
            //   "mscorlib"    9  assembly reference
            //   "System"      7  namespace of the type references Object and Attribute
            //   "Object"      7  type reference (base of Kx)
            //   "Attribute"  10  type reference (base of TagAttribute)
            //   ".ctor"       6  member references Object::.ctor, Attribute::.ctor and the two constructors
            //   "Pq"          3  namespace of both types; the literal "Pq" in Ms shares it
            //   "TagAttribute" 13, "Kx" 3                type names
            //   "Fa" 3                                   the instance field; the const Cb is not in the .pe
            //   "Mq" 3, "Mr" 3, "Ms" 3, "Old" 4          method names
            //   "tagged"      7  string argument of [Tag]
            //   "héllo"       7  h é(2 bytes) l l o + NUL, used twice, stored once
            //   not stored: "Cb", "stale" and ObsoleteAttribute ([Obsolete] is ignored), parameter name "s",
            //   DebuggableAttribute/DebuggingModes (the compiler's assembly attribute, ignored)
            // = 1+3+9+7+7+10+6+3+13+3+3+3+3+3+4+7+7 = 92.
            // The processor itself stores 5 of these names (mscorlib, System, Object, Attribute, .ctor: 39 B) as
            // ids into its built-in constant table; the guard counts them (upper bound), so 92, not 53.
            var pe = MeasureSmall();
            Assert.AreEqual(92, pe.StringTableBytes, "strings: " + string.Join(" | ", pe.Strings.Select(s => $"{s.Text}={s.Bytes}")));
            Assert.IsFalse(pe.Strings.Any(s => s.Text == "stale" || s.Text == "Cb" || s.Text == "ObsoleteAttribute"), "an ignored attribute or a constant was counted");
        }

        [TestMethod]
        public void ByteCode_OfASmallAssembly_IsTheHandDerivedSize()
        {
            // nano byte code (CodeWriter.cs): tokens and long branches 2 bytes instead of 4.
            //   TagAttribute..ctor: ldarg.0 (1) call (1+2) ret (1) = 5;  Kx..ctor the same = 5
            //   Mq, Mr, Ms: ldstr (1+2) ret (1) = 4 each = 12;  Old: ret = 1
            // = 5 + 5 + 12 + 1 = 23 (the IL itself is 7 + 7 + 3*6 + 1 = 33 bytes).
            var pe = MeasureSmall();
            Assert.AreEqual(23, pe.ByteCodeBytes);
            Assert.AreEqual(2, pe.TypeDefs);
        }

        [TestMethod]
        public void EightyKilobytesOfLiterals_FailTheStringTable()
        {
            // 80 literals of 1,000 characters and one of 2,000: about 82 KB more than LoRaWan.Mac holds today.
            var body = new StringBuilder();
            for (int i = 0; i < 80; i++)
                body.Append("        public static string S").Append(i).Append("() { return \"").Append(i.ToString("D3")).Append(new string('a', 997)).Append("\"; }\n");
            body.Append("        public static string Big() { return \"ZQX").Append(new string('z', 1997)).Append("\"; }\n");
            string source = "namespace LoRaWan.GuardProbe\n{\n    public class Literals\n    {\n" + body + "    }\n}\n";

            var options = new GuardOptions { Projects = new[] { "LoRaWan.Mac" } };
            options.Extra.Add(new ExtraSource("LoRaWan.Mac", "Probe/Literals.cs", source));
            var findings = NanoCheck.Guard.Run(RepoPaths.Root, options);
            var f = findings.FirstOrDefault(x => x.Code == "NF200");
            Assert.IsNotNull(f, "the guard accepted ~82 KB of literals; findings:\n" + string.Join("\n", findings));
            Assert.AreEqual("LoRaWan.Mac/LoRaWan.Mac.nfproj", f.File);
            var mac = options.Images.Single(i => i.Project == "LoRaWan.Mac").Pe;
            Assert.IsTrue(mac.StringTableBytes >= 80 * 1001 + 2001, $"the string table ({mac.StringTableBytes} B) misses literals");
            Assert.IsTrue(f.Message.Contains("string table of LoRaWan.Mac is " + PeLimits.Kb(mac.StringTableBytes)), f.Message);
            Assert.IsTrue(f.Message.Contains("Biggest: \"ZQXzzz"), "the biggest literal is not named first: " + f.Message);
            Assert.IsTrue(f.Message.Contains("2,001 B (literal in LoRaWan.GuardProbe.Literals.Big)"), f.Message);
        }

        [TestMethod]
        public void TwoHundredFiftySixStaticMethodsInOneType_FailThePerTypeLimit()
        {
            var body = new StringBuilder();
            for (int i = 0; i < 256; i++) body.Append("        public static int M").Append(i).Append("() { return ").Append(i).Append("; }\n");
            string source = "namespace LoRaWan.GuardProbe\n{\n    public class Wide\n    {\n" + body + "    }\n}\n";
            var options = new GuardOptions { Projects = new[] { "LoRaWan.Mac" } };
            options.Extra.Add(new ExtraSource("LoRaWan.Mac", "Probe/Wide.cs", source));
            var findings = NanoCheck.Guard.Run(RepoPaths.Root, options);
            Assert.IsTrue(findings.Any(x => x.Code == "NF203" && x.Message.Contains("LoRaWan.GuardProbe.Wide has 256 static methods")),
                "expected NF203 for 256 static methods; findings:\n" + string.Join("\n", findings));
        }
    }
}
