namespace LoRaWan.Firmware.Power
{
    /// <summary>
    /// X-Powers AXP192 (LILYGO T-Beam V1.0/V1.1): LDO2 powers the SX1276. Registers from the AXP192 datasheet
    /// (X-Powers, "AXP192 Enhanced single Cell Li-Battery and Power System Management IC", §9.11 register
    /// description); the same addresses and bits are in lewisxhe/XPowersLib src/REG/AXP192Constants.h, and LILYGO's
    /// LilyGo-LoRa-Series examples (LoRaBoards.cpp) power the T-Beam's radio from LDO2 at 3.3 V.
    /// </summary>
    public sealed class Axp192 : IPmu
    {
        /// <summary>I2C address (7 bits).</summary>
        public const byte Address = 0x34;
        /// <summary>REG 03H, IC type: reads 0x03 on an AXP192.</summary>
        public const byte ChipId = 0x03;

        /// <summary>REG 01H: power mode / charge status; bit 5 = battery present.</summary>
        public const byte RegChargeStatus = 0x01;
        /// <summary>REG 03H: IC type number.</summary>
        public const byte RegIcType = 0x03;
        /// <summary>REG 12H: power output control; bit 0 DC-DC1, 1 DC-DC3, 2 LDO2, 3 LDO3, 4 DC-DC2, 6 EXTEN.</summary>
        public const byte RegPowerOutput = 0x12;
        /// <summary>REG 28H: LDO2 (bits 7..4) and LDO3 (bits 3..0) voltage, 1.8 V + 100 mV per step.</summary>
        public const byte RegLdo23Voltage = 0x28;
        /// <summary>REG 78H: battery voltage ADC, bits 11..4.</summary>
        public const byte RegBatteryVoltageHigh = 0x78;
        /// <summary>REG 79H: battery voltage ADC, bits 3..0 in bits 3..0.</summary>
        public const byte RegBatteryVoltageLow = 0x79;
        /// <summary>REG 82H: ADC enable 1; bit 7 = battery voltage.</summary>
        public const byte RegAdcEnable1 = 0x82;

        /// <summary>REG 12H bit 2: LDO2 on.</summary>
        public const byte Ldo2On = 0x04;
        /// <summary>REG 01H bit 5: a battery is connected.</summary>
        public const byte BatteryPresent = 0x20;
        /// <summary>REG 82H bit 7: battery-voltage ADC on.</summary>
        public const byte BatteryVoltageAdcOn = 0x80;
        /// <summary>LDO2 at 3.3 V: (3300 − 1800) / 100 = 15, in the high nibble of REG 28H.</summary>
        public const byte Ldo2At3300mV = 0xF0;

        readonly II2cRegisterDevice _device;

        /// <summary>An AXP192 on <paramref name="device"/> (I2C address <see cref="Address"/>).</summary>
        public Axp192(II2cRegisterDevice device)
        {
            if (device == null) throw new System.ArgumentNullException("device");
            _device = device;
        }

        /// <inheritdoc />
        public string Name
        {
            get { return "AXP192"; }
        }

        /// <inheritdoc />
        public void PowerRadio()
        {
            // Voltage first, so the rail never comes up at another value; LDO3's nibble and the other rails are kept
            // (DC-DC3 is the ESP32's own supply on the T-Beam: clearing it would switch the board off).
            byte voltage = _device.ReadRegister(RegLdo23Voltage);
            _device.WriteRegister(RegLdo23Voltage, (byte)((voltage & 0x0F) | Ldo2At3300mV));
            byte outputs = _device.ReadRegister(RegPowerOutput);
            _device.WriteRegister(RegPowerOutput, (byte)(outputs | Ldo2On));
        }

        /// <inheritdoc />
        public void EnableBatteryMeasurement()
        {
            byte adc = _device.ReadRegister(RegAdcEnable1);
            _device.WriteRegister(RegAdcEnable1, (byte)(adc | BatteryVoltageAdcOn));
        }

        /// <inheritdoc />
        public bool BatteryConnected
        {
            get { return (_device.ReadRegister(RegChargeStatus) & BatteryPresent) != 0; }
        }

        /// <inheritdoc />
        public int ReadBatteryMillivolts()
        {
            if (!BatteryConnected) return 0;
            // 12-bit result, 1.1 mV per step (datasheet, ADC table: battery voltage 0 .. 4.5045 V).
            int raw = (_device.ReadRegister(RegBatteryVoltageHigh) << 4) | (_device.ReadRegister(RegBatteryVoltageLow) & 0x0F);
            return raw * 11 / 10;
        }
    }
}
