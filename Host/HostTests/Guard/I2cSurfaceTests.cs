using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using NanoCheck;

namespace LoRaWan.HostTests.Guard
{
    /// <summary>
    /// The System.Device.I2c 1.1.29 surface (Host/NanoApi/System.Device.I2c, from nanoframework/System.Device.I2c tag
    /// v1.1.29): every declared member compiles in the Firmware project, which references the package; a member the
    /// package does not have is rejected; and the MAC, which references no hardware package, cannot use I2C.
    /// </summary>
    [TestClass]
    public class I2cSurfaceTests
    {
        const string ProbeFile = "Probe/I2cProbe.cs";

        static List<Finding> Run(string project, string source)
        {
            var options = new GuardOptions { Projects = new[] { project } };
            options.Extra.Add(new ExtraSource(project, ProbeFile, source));
            return NanoCheck.Guard.Run(RepoPaths.Root, options);
        }

        [TestMethod]
        public void EveryDeclaredI2cMember_CompilesInTheFirmware()
        {
            string source = @"using System;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
namespace LoRaWan.GuardProbe
{
    public class I2cProbe
    {
        public static uint Use(byte[] tx, byte[] rx)
        {
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
            I2cConnectionSettings s = new I2cConnectionSettings(1, 0x34, I2cBusSpeed.FastMode);
            I2cConnectionSettings d = new I2cConnectionSettings(1, 0x34);
            I2cDevice device = I2cDevice.Create(s);
            I2cDevice other = new I2cDevice(d);
            int sum = device.ConnectionSettings.BusId + d.DeviceAddress + (int)s.BusSpeed + (int)I2cBusSpeed.StandardMode + (int)I2cBusSpeed.FastModePlus;
            byte b = device.ReadByte();
            I2cTransferResult r = device.WriteRead(tx, rx);
            r = device.Write(new SpanByte(tx, 0, 1));
            r = device.Read(rx);
            r = device.WriteByte(b);
            bool ok = r.Status == I2cTransferStatus.FullTransfer || r.Status == I2cTransferStatus.SlaveAddressNotAcknowledged
                || r.Status == I2cTransferStatus.PartialTransfer || r.Status == I2cTransferStatus.ClockStretchTimeout || r.Status == I2cTransferStatus.UnknownError;
            device.Dispose();
            other.Dispose();
            return ok ? r.BytesTransferred + (uint)sum : 0;
        }
    }
}
";
            var findings = Run("Firmware", source);
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }

        [TestMethod]
        public void AnI2cMemberThePackageDoesNotHave_IsRejected()
        {
            // Windows.Devices.I2c had I2cConnectionSettings.SharingMode; System.Device.I2c 1.1.29 does not.
            string source = "using System.Device.I2c;\nnamespace LoRaWan.GuardProbe\n{\n    public class I2cProbe\n    {\n" +
                "        public static object M(I2cConnectionSettings s) { return s.SharingMode; }\n    }\n}\n";
            var findings = Run("Firmware", source);
            Assert.IsTrue(findings.Any(f => f.File.EndsWith(ProbeFile) && f.Line == 6), "rejected at line 6:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void I2cInTheMac_IsRejected()
        {
            string source = "namespace LoRaWan.GuardProbe\n{\n    public class I2cProbe\n    {\n" +
                "        public static object M() { return new System.Device.I2c.I2cConnectionSettings(1, 0x34); }\n    }\n}\n";
            var findings = Run("LoRaWan.Mac", source);
            Assert.IsTrue(findings.Any(f => f.File.EndsWith(ProbeFile) && f.Line == 5), "rejected at line 5:\n" + string.Join("\n", findings));
        }
    }
}
