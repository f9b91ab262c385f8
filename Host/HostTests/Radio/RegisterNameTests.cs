using System;
using Drivers.Sx127x;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Radio
{
    /// <summary>
    /// Register names in Drivers.Sx127x/Register.cs are Semtech's: the oracle is the LoRa register table of the
    /// SX1276 datasheet (rev. 7, §6.4) and Semtech's own header in LoRaMac-node (src/radio/sx1276/sx1276Regs-LoRa.h:
    /// REG_LR_IFFREQ1 0x2F, REG_LR_IFFREQ2 0x30, REG_LR_PKTSNRVALUE 0x19, REG_LR_PKTRSSIVALUE 0x1A,
    /// REG_LR_DETECTOPTIMIZE 0x31, REG_LR_INVERTIQ 0x33, REG_LR_INVERTIQ2 0x3B, REG_LR_PADAC 0x4D). The enum is
    /// internal to the driver, so it is read by reflection here (host only).
    /// </summary>
    [TestClass]
    public class RegisterNameTests
    {
        [TestMethod]
        [DataRow(0x2F, "IfFreq1")]
        [DataRow(0x30, "IfFreq2")]
        [DataRow(0x19, "PktSnrValue")]
        [DataRow(0x1A, "PktRssiValue")]
        [DataRow(0x31, "DetectOptimize")]
        [DataRow(0x33, "InvertIQ")]
        [DataRow(0x4D, "PaDac")]
        public void LoRaRegister_HasSemtechsName(int address, string name)
        {
            Type register = typeof(Sx1276).Assembly.GetType("Drivers.Sx127x.Register", true);
            object value = Enum.Parse(register, name);
            Assert.AreEqual(address, Convert.ToInt32(value), name + " address");
        }
    }
}
