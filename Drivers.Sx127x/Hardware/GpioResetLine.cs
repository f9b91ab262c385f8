using System;
using System.Device.Gpio;
using System.Threading;

namespace Drivers.Sx127x.Hardware
{
    /// <summary>
    /// The SX1276 NRESET pin on a GPIO. A manual reset (datasheet, "Manual Reset"): pull NRESET low for more
    /// than 100 µs, release it (the pin becomes a high-impedance input: NRESET has an internal pull-up and must
    /// not be driven high), wait 5 ms before the first SPI access.
    /// </summary>
    public sealed class GpioResetLine : IResetLine, IDisposable
    {
        readonly GpioPin _pin;

        /// <summary>Opens <paramref name="resetPin"/>, leaving it released (input).</summary>
        public GpioResetLine(GpioController controller, int resetPin)
        {
            if (controller == null) throw new ArgumentNullException("controller");
            _pin = controller.OpenPin(resetPin, PinMode.Input);
        }

        /// <inheritdoc />
        public void Pulse()
        {
            _pin.SetPinMode(PinMode.Output);
            _pin.Write(PinValue.Low);
            Thread.Sleep(1);                 // ≥ 100 µs (the millisecond is the finest sleep available)
            _pin.SetPinMode(PinMode.Input);  // release: high impedance
            Thread.Sleep(6);                 // ≥ 5 ms before the chip is ready
        }

        /// <summary>Closes the pin.</summary>
        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
