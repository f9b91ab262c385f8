using System;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// Device code compiles against nanoFramework.CoreLibrary 1.17.11's own mscorlib.dll. The APIs
    /// shared/NANOFRAMEWORK.md lists as missing on nanoCLR 1.x must still fail, each at its line.
    /// </summary>
    [TestClass]
    public class CoreLibraryTests
    {
        [TestMethod]
        public void TheGuardCompilesAgainstThePackagesMscorlib()
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(System.Collections.Immutable.ImmutableArray.Create(CoreLibrary.Dll));
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var asm = md.GetAssemblyDefinition();
            Assert.AreEqual("mscorlib", md.GetString(asm.Name));
            Assert.AreEqual("1.17.11.0", asm.Version.ToString(), "the guard must use the CoreLibrary version of shared/NANOFRAMEWORK.md");
            // The .pe beside it is the metadata processor's output (marker NFMRK1, nanoAssemblyDefinition.cs:19).
            Assert.AreEqual("NFMRK1", System.Text.Encoding.ASCII.GetString(CoreLibrary.Pe, 0, 6));
        }

        [TestMethod]
        public void ApisMissingOnNanoClr_AreRejectedAtTheirLine()
        {
            string[] calls =
            {
                "System.Array.Sort(new int[1]);",
                "System.Array.Reverse(new int[1]);",
                "int[] r = new int[1]; System.Array.Resize(ref r, 2);",
                "object e = System.Array.Empty<int>();",
                "string j = string.Join(\",\", new string[0]);",
                "bool d = char.IsDigit('1');",
                "string h = System.Convert.ToHexString(new byte[1]);",
                "System.Threading.Monitor.Wait(this);",
                "System.Threading.Monitor.Pulse(this);",
                "int v = System.Threading.Volatile.Read(ref _i);",
                "System.Threading.Interlocked.Add(ref _i, 2);",
                "System.Threading.Interlocked.Increment(ref _l);",
                "System.GC.Collect();",
                "object o = new System.OverflowException();",
                "int t = System.Environment.TickCount;",
                "int n = new System.Random().Next(1, 6);",
                "System.Buffer.BlockCopy(new byte[1], 0, new byte[1], 0, 1);",
                "int m = System.Math.Max(1, 2);",
            };
            string source = "namespace LoRaWan.GuardProbe\n{\n    public class Missing\n    {\n        int _i; long _l;\n"
                + string.Concat(calls.Select((c, i) => $"        public void M{i}() {{ {c} }}\n")) + "    }\n}\n";
            var options = new GuardOptions { Projects = new[] { "LoRaWan.Mac" } };
            options.Extra.Add(new ExtraSource("LoRaWan.Mac", "Probe/Missing.cs", source));
            var findings = NanoCheck.Guard.Run(RepoPaths.Root, options).Where(f => f.File.EndsWith("Probe/Missing.cs")).ToList();
            for (int i = 0; i < calls.Length; i++)
                Assert.IsTrue(findings.Any(f => f.Line == 6 + i), $"nothing rejected `{calls[i]}` at line {6 + i}; findings:\n" + string.Join("\n", findings));
        }
    }
}
