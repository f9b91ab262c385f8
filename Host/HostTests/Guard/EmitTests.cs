using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// <c>NanoCheck --emit &lt;dir&gt;</c> writes the assemblies the guard compiled (the input of the nanoFramework
    /// metadata processor, e.g. to run the stack on a local nanoCLR build: NanoBench/README.md); without it nothing is written.
    /// </summary>
    [TestClass]
    public class EmitTests
    {
        static string TempFolder()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanocheck-emit-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        [TestMethod]
        public void Emit_WritesEachCompiledProject_AsItsAssembly_AgainstTheRealMscorlib()
        {
            string dir = TempFolder();
            try
            {
                var options = new GuardOptions { Projects = new[] { "LoRaWan.Regions" }, EmitDirectory = dir };
                var findings = NanoCheck.Guard.Run(RepoPaths.Root, options);
                Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
                // LoRaWan.Regions and the project it references (LoRaWan.Radio), each in a folder of its own.
                string regions = Path.Combine(dir, "LoRaWan.Regions", "LoRaWan.Regions.dll");
                string radio = Path.Combine(dir, "LoRaWan.Radio", "LoRaWan.Radio.dll");
                CollectionAssert.AreEqual(new[] { radio, regions }, options.Emitted.OrderBy(f => f, StringComparer.Ordinal).ToArray());
                using var pe = new PEReader(File.OpenRead(regions));
                MetadataReader md = pe.GetMetadataReader();
                Assert.AreEqual("LoRaWan.Regions", md.GetString(md.GetAssemblyDefinition().Name));
                var refs = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).ToDictionary(r => md.GetString(r.Name), r => r.Version);
                CollectionAssert.AreEqual(new[] { "LoRaWan.Radio", "mscorlib" }, refs.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
                // nanoFramework.CoreLibrary 1.17.11's mscorlib.dll is assembly version 1.17.11.0 (its own metadata).
                Assert.AreEqual(new Version(1, 17, 11, 0), refs["mscorlib"]);
            }
            finally { Directory.Delete(dir, true); }
        }

        [TestMethod]
        public void WithoutEmit_NothingIsWritten()
        {
            var options = new GuardOptions { Projects = new[] { "LoRaWan.Radio" } };
            NanoCheck.Guard.Run(RepoPaths.Root, options);
            Assert.AreEqual(0, options.Emitted.Count);
        }

        [TestMethod]
        public void EmitWithoutAFolder_IsAUsageError()
        {
            Assert.AreEqual(2, NanoCheck.Guard.Main(new[] { "--root", RepoPaths.Root, "--emit" }));
            Assert.AreEqual(2, NanoCheck.Guard.Main(new[] { "--emit", "--root", RepoPaths.Root }));
        }
    }
}
