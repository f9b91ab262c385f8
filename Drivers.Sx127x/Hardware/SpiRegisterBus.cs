using System;
using System.Device.Spi;

namespace Drivers.Sx127x.Hardware
{
    /// <summary>
    /// <see cref="IRegisterBus"/> over a nanoFramework <see cref="SpiDevice"/>: SPI mode 0, MSB first; the first
    /// byte of each transaction is the register address with bit 7 set for a write (SX1276 datasheet, "SPI
    /// Interface"). Buffers are allocated once; no transfer allocates.
    /// </summary>
    /// <remarks>
    /// On the ESP32 route the SPI pins before creating the bus, e.g.
    /// <c>Configuration.SetPinFunction(19, DeviceFunction.SPI1_MISO)</c> (and SPI1_MOSI, SPI1_CLOCK).
    /// </remarks>
    public sealed class SpiRegisterBus : IRegisterBus, IDisposable
    {
        /// <summary>Default SCK frequency. The SX1276 accepts up to 10 MHz; 2 MHz is robust on jumper wires.</summary>
        public const int DefaultClockFrequencyHz = 2000000;

        const byte WriteBit = 0x80;
        const int FifoBurstMax = 256;

        readonly SpiDevice _device;
        readonly byte[] _registerWrite = new byte[2];
        readonly byte[] _registerRead = new byte[2];
        readonly byte[] _burstWrite = new byte[FifoBurstMax + 1];
        readonly byte[] _burstRead = new byte[FifoBurstMax + 1];

        /// <summary>Uses an already created <see cref="SpiDevice"/> (it must be mode 0, MSB first).</summary>
        public SpiRegisterBus(SpiDevice device)
        {
            if (device == null) throw new ArgumentNullException("device");
            _device = device;
        }

        /// <summary>Opens SPI bus <paramref name="busId"/> with the chip select on GPIO <paramref name="chipSelectPin"/>.</summary>
        public static SpiRegisterBus Create(int busId, int chipSelectPin, int clockFrequencyHz)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.Mode = SpiMode.Mode0;
            settings.DataFlow = DataFlow.MsbFirst;
            settings.DataBitLength = 8;
            settings.ClockFrequency = clockFrequencyHz;
            return new SpiRegisterBus(SpiDevice.Create(settings));
        }

        /// <inheritdoc />
        public byte ReadRegister(byte address)
        {
            _registerWrite[0] = (byte)(address & 0x7F);
            _registerWrite[1] = 0;
            _device.TransferFullDuplex(_registerWrite, _registerRead);
            return _registerRead[1];
        }

        /// <inheritdoc />
        public void WriteRegister(byte address, byte value)
        {
            _registerWrite[0] = (byte)(address | WriteBit);
            _registerWrite[1] = value;
            _device.Write(_registerWrite);
        }

        /// <inheritdoc />
        public void ReadFifo(byte[] buffer, int offset, int length)
        {
            if (length <= 0) return;
            if (length > FifoBurstMax) throw new ArgumentOutOfRangeException("length");
            _burstWrite[0] = 0x00; // RegFifo, read
            Array.Clear(_burstWrite, 1, length);
            _device.TransferFullDuplex(new SpanByte(_burstWrite, 0, length + 1), new SpanByte(_burstRead, 0, length + 1));
            Array.Copy(_burstRead, 1, buffer, offset, length);
        }

        /// <inheritdoc />
        public void WriteFifo(byte[] buffer, int offset, int length)
        {
            if (length <= 0) return;
            if (length > FifoBurstMax) throw new ArgumentOutOfRangeException("length");
            _burstWrite[0] = WriteBit; // RegFifo, write
            Array.Copy(buffer, offset, _burstWrite, 1, length);
            _device.Write(new SpanByte(_burstWrite, 0, length + 1));
        }

        /// <summary>Closes the SPI device.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
