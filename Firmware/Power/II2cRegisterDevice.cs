namespace LoRaWan.Firmware.Power
{
    /// <summary>
    /// The 8-bit registers of one device on an I2C bus (a register address byte, then data). On the ESP32 this is
    /// <c>Firmware/Esp32/I2cRegisterDevice</c> over System.Device.I2c; the tests use a fake that holds the registers.
    /// A transfer the device does not acknowledge throws <see cref="System.IO.IOException"/>.
    /// </summary>
    public interface II2cRegisterDevice
    {
        /// <summary>Reads register <paramref name="register"/>.</summary>
        byte ReadRegister(byte register);

        /// <summary>Writes <paramref name="value"/> to register <paramref name="register"/>.</summary>
        void WriteRegister(byte register, byte value);
    }
}
