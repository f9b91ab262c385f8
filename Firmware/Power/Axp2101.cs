namespace LoRaWan.Firmware.Power
{
    /// <summary>
    /// X-Powers AXP2101 (LILYGO T-Beam V1.2): ALDO2 powers the SX1276. Registers from the AXP2101 datasheet
    /// (X-Powers, "AXP2101 ... PMIC", register description: 00H PMU status 1, 03H chip ID, 30H ADC channel enable,
    /// 34H/35H VBAT, 90H LDO on/off control 0, 93H ALDO2 voltage); the same addresses and bits are in
    /// lewisxhe/XPowersLib src/REG/AXP2101Constants.h and XPowersAXP2101.hpp, and LILYGO's LilyGo-LoRa-Series examples
    /// (LoRaBoards.cpp, "LoRa VDD") power the T-Beam V1.2's radio from ALDO2 at 3.3 V.
    /// </summary>
    public sealed class Axp2101 : IPmu
    {
        /// <summary>I2C address (7 bits).</summary>
        public const byte Address = 0x34;
        /// <summary>REG 03H: reads 0x4A on an AXP2101.</summary>
        public const byte ChipId = 0x4A;

        /// <summary>REG 00H: PMU status 1; bit 3 = battery present.</summary>
        public const byte RegStatus1 = 0x00;
        /// <summary>REG 03H: chip ID.</summary>
        public const byte RegChipId = 0x03;
        /// <summary>REG 30H: ADC channel enable; bit 0 = battery voltage.</summary>
        public const byte RegAdcChannelEnable = 0x30;
        /// <summary>REG 34H: VBAT, bits 12..8 in bits 4..0.</summary>
        public const byte RegBatteryVoltageHigh = 0x34;
        /// <summary>REG 35H: VBAT, bits 7..0.</summary>
        public const byte RegBatteryVoltageLow = 0x35;
        /// <summary>REG 90H: LDO on/off control 0; bit 0 ALDO1, 1 ALDO2, 2 ALDO3, 3 ALDO4, 4 BLDO1, 5 BLDO2, 6 CPUSLDO, 7 DLDO1.</summary>
        public const byte RegLdoOnOff0 = 0x90;
        /// <summary>REG 93H: ALDO2 voltage, bits 4..0: 0.5 V + 100 mV per step.</summary>
        public const byte RegAldo2Voltage = 0x93;

        /// <summary>REG 90H bit 1: ALDO2 on.</summary>
        public const byte Aldo2On = 0x02;
        /// <summary>REG 00H bit 3: a battery is connected.</summary>
        public const byte BatteryPresent = 0x08;
        /// <summary>REG 30H bit 0: battery-voltage ADC on.</summary>
        public const byte BatteryVoltageAdcOn = 0x01;
        /// <summary>ALDO2 at 3.3 V: (3300 − 500) / 100 = 28.</summary>
        public const byte Aldo2At3300mV = 28;

        readonly II2cRegisterDevice _device;

        /// <summary>An AXP2101 on <paramref name="device"/> (I2C address <see cref="Address"/>).</summary>
        public Axp2101(II2cRegisterDevice device)
        {
            if (device == null) throw new System.ArgumentNullException("device");
            _device = device;
        }

        /// <inheritdoc />
        public string Name
        {
            get { return "AXP2101"; }
        }

        /// <inheritdoc />
        public void PowerRadio()
        {
            // Voltage first (bits 7..5 of REG 93H kept), then ALDO2 on with every other LDO left as it was.
            byte voltage = _device.ReadRegister(RegAldo2Voltage);
            _device.WriteRegister(RegAldo2Voltage, (byte)((voltage & 0xE0) | Aldo2At3300mV));
            byte outputs = _device.ReadRegister(RegLdoOnOff0);
            _device.WriteRegister(RegLdoOnOff0, (byte)(outputs | Aldo2On));
        }

        /// <inheritdoc />
        public void EnableBatteryMeasurement()
        {
            byte adc = _device.ReadRegister(RegAdcChannelEnable);
            _device.WriteRegister(RegAdcChannelEnable, (byte)(adc | BatteryVoltageAdcOn));
        }

        /// <inheritdoc />
        public bool BatteryConnected
        {
            get { return (_device.ReadRegister(RegStatus1) & BatteryPresent) != 0; }
        }

        /// <inheritdoc />
        public int ReadBatteryMillivolts()
        {
            if (!BatteryConnected) return 0;
            // 1 mV per step (XPowersLib getBattVoltage reads 5 high bits and 8 low bits).
            return ((_device.ReadRegister(RegBatteryVoltageHigh) & 0x1F) << 8) | _device.ReadRegister(RegBatteryVoltageLow);
        }
    }
}
