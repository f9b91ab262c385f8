using System.IO;

namespace LoRaWan.Firmware.Power
{
    /// <summary>Finds which power-management unit answers at I2C address 0x34.</summary>
    public static class Pmu
    {
        /// <summary>The 7-bit I2C address of the AXP192 and the AXP2101 alike.</summary>
        public const byte Address = 0x34;

        /// <summary>
        /// Reads the chip-ID register (03H on both) and returns the matching driver: 0x03 = AXP192, 0x4A = AXP2101.
        /// Throws <see cref="IOException"/> for any other value, and when the device does not answer.
        /// </summary>
        public static IPmu Detect(II2cRegisterDevice device)
        {
            byte id = device.ReadRegister(Axp192.RegIcType);
            if (id == Axp192.ChipId) return new Axp192(device);
            if (id == Axp2101.ChipId) return new Axp2101(device);
            throw new IOException("no AXP192 or AXP2101 at I2C 0x34: chip ID register 0x03 reads 0x" + id.ToString("X2") +
                " (AXP192 0x03, AXP2101 0x4A). Check the board (-Board) and the I2C pins.");
        }
    }
}
