using System.IO;
using LoRaWan.Firmware.Power;

namespace LoRaWan.Tests.Firmware
{
    /// <summary>
    /// A fake I2C device holding 256 8-bit registers, as a PMU presents them: reads return the register, writes store
    /// it and are logged in order. <see cref="Absent"/> makes every transfer fail as an unacknowledged address does.
    /// </summary>
    public sealed class FakeI2cRegisters : II2cRegisterDevice
    {
        /// <summary>The register file.</summary>
        public readonly byte[] Registers = new byte[256];
        readonly byte[] _writtenRegister = new byte[64];
        readonly byte[] _writtenValue = new byte[64];

        /// <summary>True: no device answers (every transfer throws <see cref="IOException"/>).</summary>
        public bool Absent;

        /// <summary>Writes so far.</summary>
        public int WriteCount { get; private set; }

        /// <summary>The register of write number <paramref name="index"/> (0 = first).</summary>
        public byte WrittenRegister(int index) { return _writtenRegister[index]; }

        /// <summary>The value of write number <paramref name="index"/>.</summary>
        public byte WrittenValue(int index) { return _writtenValue[index]; }

        /// <summary>A PMU whose chip-ID register (03H) reads <paramref name="chipId"/>.</summary>
        public static FakeI2cRegisters WithChipId(byte chipId)
        {
            var fake = new FakeI2cRegisters();
            fake.Registers[0x03] = chipId;
            return fake;
        }

        /// <inheritdoc />
        public byte ReadRegister(byte register)
        {
            if (Absent) throw new IOException("I2C device 0x34, register 0x" + register.ToString("X2") + ": no device acknowledged the address");
            return Registers[register];
        }

        /// <inheritdoc />
        public void WriteRegister(byte register, byte value)
        {
            if (Absent) throw new IOException("I2C device 0x34, register 0x" + register.ToString("X2") + ": no device acknowledged the address");
            _writtenRegister[WriteCount] = register;
            _writtenValue[WriteCount] = value;
            WriteCount++;
            Registers[register] = value;
        }
    }
}
