namespace Drivers.Sx127x
{
    /// <summary>
    /// The only way the driver touches the chip: single-register reads and writes and burst access to the FIFO
    /// (SX1276 datasheet, "SPI Interface": address byte with bit 7 = 1 for a write, then data; burst access auto-increments). On the board it is <c>Hardware.SpiRegisterBus</c> over a
    /// nanoFramework <c>SpiDevice</c>; in simulation the register-level chip model answers it.
    /// Implementations do not allocate.
    /// </summary>
    public interface IRegisterBus
    {
        /// <summary>Reads the register at <paramref name="address"/> (0x00..0x7F).</summary>
        byte ReadRegister(byte address);

        /// <summary>Writes <paramref name="value"/> to the register at <paramref name="address"/> (0x00..0x7F).</summary>
        void WriteRegister(byte address, byte value);

        /// <summary>
        /// Burst-reads <paramref name="length"/> bytes from RegFifo (0x00) into <paramref name="buffer"/> at
        /// <paramref name="offset"/>; the chip advances RegFifoAddrPtr after each byte.
        /// </summary>
        void ReadFifo(byte[] buffer, int offset, int length);

        /// <summary>
        /// Burst-writes <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>
        /// to RegFifo (0x00); the chip advances RegFifoAddrPtr after each byte.
        /// </summary>
        void WriteFifo(byte[] buffer, int offset, int length);
    }
}
