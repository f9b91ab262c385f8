using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The nanoFramework guard must reject each construct nanoCLR 1.x cannot run when it is dropped into a
    /// device project, and point at the line that holds it; it must accept the constructs the device uses.
    /// </summary>
    [TestClass]
    public class GuardTests
    {
        const string ProbeFile = "Probe/GuardProbe.cs";

        /// <summary>Wraps <paramref name="body"/> (marked with /*HERE*/ on the offending line) in a class.</summary>
        static string Probe(string usings, string members) =>
            usings + "\nnamespace LoRaWan.GuardProbe\n{\n    public class GuardProbe\n    {\n" + members + "\n    }\n}\n";

        static List<Finding> Run(string project, string source, bool listed = true)
        {
            var options = new GuardOptions { Projects = new[] { project } };
            options.Extra.Add(new ExtraSource(project, ProbeFile, source, listed));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        static void AssertRejected(string source, string reasonFragment)
        {
            int line = source.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("/*HERE*/")).i + 1;
            var findings = Run("LoRaWan.Mac", source);
            var atProbe = findings.Where(f => f.File.EndsWith(ProbeFile)).ToList();
            string all = string.Join("\n", findings);
            Assert.IsTrue(atProbe.Count > 0, "the guard accepted the construct; findings:\n" + all);
            Assert.IsTrue(atProbe.Any(f => f.Line == line), $"no finding at line {line}; findings:\n{all}");
            Assert.IsTrue(atProbe.Any(f => f.Line == line && f.Message.Contains(reasonFragment, StringComparison.OrdinalIgnoreCase)),
                $"the finding at line {line} does not name '{reasonFragment}'; findings:\n{all}");
        }

        [TestMethod]
        public void GenericList_IsRejected() =>
            AssertRejected(Probe("using System.Collections;", "        public object M() { return new System.Collections.Generic.List<int>(); } /*HERE*/"), "Generic");

        [TestMethod]
        public void SpanOfByte_IsRejected() =>
            AssertRejected(Probe("using System;", "        public int M(byte[] b) { Span<byte> s = b; return s.Length; } /*HERE*/"), "Span");

        [TestMethod]
        public void NullableInt_IsRejected() =>
            AssertRejected(Probe("using System;", "        public int? M() { return null; } /*HERE*/"), "Nullable");

        [TestMethod]
        public void AsyncTask_IsRejected() =>
            AssertRejected(Probe("using System.Threading.Tasks;", "        public async Task M() { await Task.Delay(1); } /*HERE*/"), "Task");

        [TestMethod]
        public void MathMax_IsRejected() =>
            AssertRejected(Probe("using System;", "        public int M() { return Math.Max(1, 2); } /*HERE*/"), "Math");

        [TestMethod]
        public void BufferBlockCopy_IsRejected() =>
            AssertRejected(Probe("using System;", "        public void M(byte[] a, byte[] b) { Buffer.BlockCopy(a, 0, b, 0, 4); } /*HERE*/"), "Buffer");

        [TestMethod]
        public void WaitOneWithOneArgument_IsRejected() =>
            AssertRejected(Probe("using System.Threading;", "        public bool M(AutoResetEvent autoResetEvent) { return autoResetEvent.WaitOne(10); } /*HERE*/"), "WaitOne");

        [TestMethod]
        public void ArrayFill_IsRejected() =>
            AssertRejected(Probe("using System;", "        public void M(byte[] a) { Array.Fill(a, (byte)1); } /*HERE*/"), "Fill");

        [TestMethod]
        public void UserGenericMethod_IsRejected() =>
            AssertRejected(Probe("", "        public static T Identity<T>(T value) { return value; } /*HERE*/"), "generic method definition");

        [TestMethod]
        public void UserGenericType_IsRejected() =>
            AssertRejected(Probe("", "        public class Box<T> { public T Value; } /*HERE*/"), "generic type definition");

        [TestMethod]
        public void GenericActionOfInt_IsRejected() =>
            AssertRejected(Probe("using System;", "        public void M() { Action<int> a = x => { }; a(1); } /*HERE*/"), "Action");

        [TestMethod]
        public void MultiDimensionalArray_IsRejected() =>
            AssertRejected(Probe("", "        public object M() { return new int[2, 2]; } /*HERE*/"), "multi-dimensional");

        [TestMethod]
        public void Stackalloc_IsRejected() =>
            AssertRejected(Probe("", "        public unsafe int M() { int* p = stackalloc int[4]; return p[0]; } /*HERE*/"), "unsafe");

        [TestMethod]
        public void DefaultInterfaceMethod_IsRejected() =>
            AssertRejected(Probe("", "        public interface IProbe { int M() { return 1; } } /*HERE*/"), "default interface");

        [TestMethod]
        public void TestClassWithInstanceField_IsRejected()
        {
            string source = "using nanoFramework.TestFramework;\nnamespace LoRaWan.GuardProbe\n{\n    [TestClass]\n    public class ProbeTests /*HERE*/\n    {\n        int _count;\n        [TestMethod]\n        public void T() { _count++; }\n    }\n}\n";
            var findings = Run("Tests/Mac", source);
            Assert.IsTrue(findings.Any(f => f.File.EndsWith(ProbeFile) && f.Line == 5 && f.Message.Contains("instance field")),
                "expected an instance-field finding at the class; got:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void DeviceFileMissingFromNfproj_IsRejected()
        {
            var findings = Run("LoRaWan.Mac", Probe("", "        public int M() { return 1; }"), listed: false);
            Assert.IsTrue(findings.Any(f => f.Code == "NF001" && f.File.EndsWith(ProbeFile) && f.Message.Contains("LoRaWan.Mac.nfproj")),
                "expected NF001 naming the file and the nfproj; got:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void HardwareTypeInTheMac_IsRejected() =>
            AssertRejected(Probe("", "        public ulong M() { return nanoFramework.Hardware.Esp32.HighResTimer.GetCurrent(); } /*HERE*/"), "nanoFramework");

        [TestMethod]
        public void ConstructsTheDeviceUses_Pass()
        {
            string source = @"using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Threading;
using nanoFramework.Hardware.Esp32;
namespace LoRaWan.GuardProbe
{
    public class GoodProbe
    {
        static ulong _stamp;
        public static void Spi(SpiDevice device, byte[] tx, byte[] rx)
        {
            SpanByte write = tx;
            SpanByte read = new SpanByte(rx, 0, rx.Length);
            device.TransferFullDuplex(write, read);
            Array.Copy(tx, 0, rx, 0, 1);
        }
        public static bool Wait(AutoResetEvent e) { return e.WaitOne(10, false); }
        public static Timer Tick(TimerCallback cb) { return new Timer(cb, null, 100, 0); }
        public static void Watch(GpioPin pin) { pin.ValueChanged += OnChanged; }
        static void OnChanged(object sender, PinValueChangedEventArgs e) { _stamp = HighResTimer.GetCurrent(); }
    }
}
";
            var findings = Run("Firmware", source);
            Assert.AreEqual(0, findings.Count, "the guard rejected nanoFramework constructs:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void Repository_PassesTheGuard()
        {
            var findings = NanoCheck.Guard.Run(RepoPaths.Root);
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }
    }
}
