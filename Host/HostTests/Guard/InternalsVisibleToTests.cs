using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The stack is four assemblies. Nothing internal crosses their boundaries today (every type one layer uses of another
    /// was already a documented public contract), so none was made public for the split. Should a helper that is no
    /// contract ever need to cross, [assembly: InternalsVisibleTo("LoRaWan.Mac")] is the way: mscorlib 1.17.11 declares
    /// the attribute, the metadata processor drops it from the .pe (PeImage's list of attributes it ignores) and the
    /// runtime does not check member access across assemblies. The guard compiles each project against the others'
    /// images by assembly name, so the friend assembly compiles and passes the IL and .pe checks; without the attribute
    /// the use is an error (CS0122), as on the device build.
    /// </summary>
    [TestClass]
    public class InternalsVisibleToTests
    {
        const string Helper = "namespace LoRaWan.Frames\n{\n    internal static class FriendProbe\n    {\n        internal static int Answer() { return 42; }\n    }\n}\n";
        const string User = "namespace LoRaWan.Mac\n{\n    internal static class FriendUserProbe\n    {\n        internal static int M() { return LoRaWan.Frames.FriendProbe.Answer(); }\n    }\n}\n";

        static List<Finding> Run(bool friend)
        {
            var options = new GuardOptions { Projects = new[] { "LoRaWan.Mac" } };
            string attribute = friend ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"LoRaWan.Mac\")]\n" : "";
            options.Extra.Add(new ExtraSource("LoRaWan.Codec", "Probe/FriendProbe.cs", attribute + Helper));
            options.Extra.Add(new ExtraSource("LoRaWan.Mac", "Probe/FriendUserProbe.cs", User));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        [TestMethod]
        public void InternalsVisibleTo_LetsTheMacUseAnInternalOfTheCodec_AndTheGuardAcceptsIt()
        {
            var findings = Run(true);
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }

        [TestMethod]
        public void WithoutInternalsVisibleTo_AnInternalOfAnotherAssembly_DoesNotCompile()
        {
            var findings = Run(false);
            Assert.IsTrue(findings.Any(f => f.Code == "CS0122" && f.File.EndsWith("Probe/FriendUserProbe.cs") && f.Line == 5), string.Join("\n", findings));
        }
    }
}
