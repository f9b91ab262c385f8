using System;
using System.IO;
using LoRaWan.Firmware.Power;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Firmware
{
    /// <summary>
    /// The T-Beam's PMU drivers against a fake register file, register by register. Expected values are worked out
    /// from the datasheets' register tables (AXP192: REG 12H bit 2 = LDO2 on, REG 28H bits 7..4 = LDO2 at 1.8 V +
    /// 0.1 V/step, REG 82H bit 7 = battery ADC, REG 78H/79H = 12-bit battery voltage at 1.1 mV/step, REG 01H bit 5 =
    /// battery present; AXP2101: REG 90H bit 1 = ALDO2 on, REG 93H bits 4..0 = ALDO2 at 0.5 V + 0.1 V/step, REG 30H
    /// bit 0 = battery ADC, REG 34H/35H = battery voltage at 1 mV/step, REG 00H bit 3 = battery present), never from
    /// the drivers' constants.
    /// </summary>
    [TestClass]
    public class PmuTests
    {
        [TestMethod]
        public void Detect_ChipId03_IsAxp192_ChipId4A_IsAxp2101()
        {
            Assert.AreEqual("AXP192", Pmu.Detect(FakeI2cRegisters.WithChipId(0x03)).Name, "REG 03H = 0x03");
            Assert.AreEqual("AXP2101", Pmu.Detect(FakeI2cRegisters.WithChipId(0x4A)).Name, "REG 03H = 0x4A");
        }

        [TestMethod]
        public void Detect_AnotherChipId_IsAClearError()
        {
            try
            {
                Pmu.Detect(FakeI2cRegisters.WithChipId(0xFF));
                Assert.IsTrue(false, "no exception for chip ID 0xFF");
            }
            catch (IOException e)
            {
                Assert.IsTrue(e.Message.IndexOf("0xFF") >= 0, "names the value read: " + e.Message);
            }
        }

        [TestMethod]
        public void Detect_NoDeviceOnTheBus_ThrowsIOException()
        {
            var fake = FakeI2cRegisters.WithChipId(0x03);
            fake.Absent = true;
            Assert.ThrowsException(typeof(IOException), () => Pmu.Detect(fake));
        }

        [TestMethod]
        public void Axp192_PowerRadio_SetsLdo2To3V3ThenSwitchesItOn_KeepingEveryOtherRail()
        {
            var fake = FakeI2cRegisters.WithChipId(0x03);
            fake.Registers[0x12] = 0x4B;   // EXTEN, LDO3, DC-DC3 (the ESP32's supply), DC-DC1 on; LDO2 off
            fake.Registers[0x28] = 0x0C;   // LDO2 1.8 V, LDO3 1.8 + 12 × 0.1 = 3.0 V
            Pmu.Detect(fake).PowerRadio();

            Assert.AreEqual(2, fake.WriteCount, "two writes");
            Assert.AreEqual((byte)0x28, fake.WrittenRegister(0), "the voltage first");
            Assert.AreEqual((byte)0xFC, fake.WrittenValue(0), "LDO2 = 15 → 1.8 + 1.5 = 3.3 V; LDO3 nibble kept");
            Assert.AreEqual((byte)0x12, fake.WrittenRegister(1), "then the output control");
            Assert.AreEqual((byte)0x4F, fake.WrittenValue(1), "bit 2 (LDO2) set, bits 0, 1, 3, 6 kept");
        }

        [TestMethod]
        public void Axp192_PowerRadio_NeverClearsARail()
        {
            var fake = FakeI2cRegisters.WithChipId(0x03);
            fake.Registers[0x12] = 0xFF;
            fake.Registers[0x28] = 0xFF;
            Pmu.Detect(fake).PowerRadio();
            Assert.AreEqual((byte)0xFF, fake.Registers[0x12], "REG 12H");
            Assert.AreEqual((byte)0xFF, fake.Registers[0x28], "REG 28H");
        }

        [TestMethod]
        public void Axp192_Battery_AdcEnabledInReg82_VoltageFrom78And79At1mV1PerStep()
        {
            var fake = FakeI2cRegisters.WithChipId(0x03);
            fake.Registers[0x82] = 0x03;   // APS voltage and TS pin ADCs on
            IPmu pmu = Pmu.Detect(fake);
            pmu.EnableBatteryMeasurement();
            Assert.AreEqual((byte)0x82, fake.WrittenRegister(0), "ADC enable 1");
            Assert.AreEqual((byte)0x83, fake.WrittenValue(0), "bit 7 (battery voltage) set, others kept");

            fake.Registers[0x01] = 0x20;   // battery present
            fake.Registers[0x78] = 0xE6;   // bits 11..4
            fake.Registers[0x79] = 0xFA;   // bits 3..0 = 0xA (upper nibble is not part of the result)
            Assert.IsTrue(pmu.BatteryConnected, "REG 01H bit 5");
            Assert.AreEqual(4059, pmu.ReadBatteryMillivolts(), "0xE6A = 3690 × 1.1 mV");
        }

        [TestMethod]
        public void Axp192_NoBattery_ReadsZero()
        {
            var fake = FakeI2cRegisters.WithChipId(0x03);
            fake.Registers[0x01] = 0xDF;   // everything but bit 5
            fake.Registers[0x78] = 0xE6;
            IPmu pmu = Pmu.Detect(fake);
            Assert.IsFalse(pmu.BatteryConnected, "REG 01H bit 5 clear");
            Assert.AreEqual(0, pmu.ReadBatteryMillivolts(), "no battery: 0 mV");
        }

        [TestMethod]
        public void Axp2101_PowerRadio_SetsAldo2To3V3ThenSwitchesItOn_KeepingEveryOtherLdo()
        {
            var fake = FakeI2cRegisters.WithChipId(0x4A);
            fake.Registers[0x90] = 0x01;   // ALDO1 on, ALDO2 off
            fake.Registers[0x93] = 0xE4;   // reserved bits 7..5 set, ALDO2 0.5 + 0.4 = 0.9 V
            Pmu.Detect(fake).PowerRadio();

            Assert.AreEqual(2, fake.WriteCount, "two writes");
            Assert.AreEqual((byte)0x93, fake.WrittenRegister(0), "the voltage first");
            Assert.AreEqual((byte)0xFC, fake.WrittenValue(0), "ALDO2 = 28 → 0.5 + 2.8 = 3.3 V; bits 7..5 kept");
            Assert.AreEqual((byte)0x90, fake.WrittenRegister(1), "then LDO on/off control 0");
            Assert.AreEqual((byte)0x03, fake.WrittenValue(1), "bit 1 (ALDO2) set, ALDO1 kept");
        }

        [TestMethod]
        public void Axp2101_Battery_AdcEnabledInReg30_VoltageFrom34And35At1mVPerStep()
        {
            var fake = FakeI2cRegisters.WithChipId(0x4A);
            fake.Registers[0x30] = 0x0C;   // VBUS and VSYS ADCs on
            IPmu pmu = Pmu.Detect(fake);
            pmu.EnableBatteryMeasurement();
            Assert.AreEqual((byte)0x30, fake.WrittenRegister(0), "ADC channel enable");
            Assert.AreEqual((byte)0x0D, fake.WrittenValue(0), "bit 0 (battery voltage) set, others kept");

            fake.Registers[0x00] = 0x08;   // battery present
            fake.Registers[0x34] = 0xEF;   // bits 7..5 are not part of the result; 0x0F = bits 12..8
            fake.Registers[0x35] = 0xD2;
            Assert.IsTrue(pmu.BatteryConnected, "REG 00H bit 3");
            Assert.AreEqual(4050, pmu.ReadBatteryMillivolts(), "0x0FD2 = 4050 mV");
        }

        [TestMethod]
        public void Axp2101_NoBattery_ReadsZero()
        {
            var fake = FakeI2cRegisters.WithChipId(0x4A);
            fake.Registers[0x00] = 0xF7;
            fake.Registers[0x34] = 0x0F;
            IPmu pmu = Pmu.Detect(fake);
            Assert.IsFalse(pmu.BatteryConnected, "REG 00H bit 3 clear");
            Assert.AreEqual(0, pmu.ReadBatteryMillivolts(), "no battery: 0 mV");
        }

        [TestMethod]
        public void PowerRadio_WhenThePmuStopsAnswering_ThrowsIOException()
        {
            var fake = FakeI2cRegisters.WithChipId(0x03);
            IPmu pmu = Pmu.Detect(fake);
            fake.Absent = true;
            Assert.ThrowsException(typeof(IOException), () => pmu.PowerRadio());
        }
    }
}
