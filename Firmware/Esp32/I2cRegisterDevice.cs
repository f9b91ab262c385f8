using System;
using System.Device.I2c;
using System.IO;
using LoRaWan.Firmware.Power;

namespace LoRaWan.Firmware.Esp32
{
    /// <summary>
    /// <see cref="II2cRegisterDevice"/> over nanoFramework's <see cref="I2cDevice"/>: a register read is one
    /// write-then-read transaction (register address, then one byte back), a register write one two-byte write.
    /// The buffers are allocated once. A transfer that does not complete (<see cref="I2cTransferStatus"/> other than
    /// FullTransfer, e.g. no device acknowledging the address) throws <see cref="IOException"/> naming the register.
    /// </summary>
    public sealed class I2cRegisterDevice : II2cRegisterDevice, IDisposable
    {
        readonly I2cDevice _device;
        readonly int _address;
        readonly byte[] _one = new byte[1];
        readonly byte[] _read = new byte[1];
        readonly byte[] _two = new byte[2];

        /// <summary>Opens the device at 7-bit <paramref name="address"/> on I2C bus <paramref name="busId"/> (400 kHz).</summary>
        public I2cRegisterDevice(int busId, int address)
        {
            _address = address;
            _device = I2cDevice.Create(new I2cConnectionSettings(busId, address, I2cBusSpeed.FastMode));
        }

        /// <inheritdoc />
        public byte ReadRegister(byte register)
        {
            _one[0] = register;
            Check(_device.WriteRead(_one, _read), register, 2);
            return _read[0];
        }

        /// <inheritdoc />
        public void WriteRegister(byte register, byte value)
        {
            _two[0] = register;
            _two[1] = value;
            Check(_device.Write(_two), register, 2);
        }

        void Check(I2cTransferResult result, byte register, uint bytes)
        {
            if (result.Status != I2cTransferStatus.FullTransfer)
                throw new IOException("I2C device 0x" + _address.ToString("X2") + ", register 0x" + register.ToString("X2") + ": " +
                    StatusText(result.Status) + " (" + result.BytesTransferred.ToString() + " of " + bytes.ToString() + " bytes)");
        }

        static string StatusText(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return "no device acknowledged the address";
                case I2cTransferStatus.ClockStretchTimeout: return "clock stretch timeout";
                case I2cTransferStatus.PartialTransfer: return "partial transfer";
                default: return "unknown I2C error";
            }
        }

        /// <summary>Releases the I2C device.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
