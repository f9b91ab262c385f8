namespace Drivers.Sx127x
{
    /// <summary>
    /// The chip's NRESET line. <see cref="Pulse"/> performs a manual reset as the SX1276 datasheet ("Manual Reset") asks:
    /// drive NRESET low for more than 100 µs, release it (high impedance), then wait 5 ms before using the chip.
    /// On the board it is <c>Hardware.GpioResetLine</c>; in simulation the chip model resets its registers.
    /// </summary>
    public interface IResetLine
    {
        /// <summary>Resets the chip and returns when it is ready for SPI access.</summary>
        void Pulse();
    }
}
