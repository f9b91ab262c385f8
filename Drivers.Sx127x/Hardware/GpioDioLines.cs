using System;
using System.Device.Gpio;

namespace Drivers.Sx127x.Hardware
{
    /// <summary>
    /// Wires the SX1276's DIO0 and DIO1 outputs to the driver: a rising edge on DIO0 calls
    /// <see cref="Sx1276.OnDio0"/>, on DIO1 <see cref="Sx1276.OnDio1"/>. The driver stamps the time first thing
    /// (<c>GpioPin.ValueChanged</c> carries no timestamp), reads and clears the IRQ flags and posts one event.
    /// </summary>
    public sealed class GpioDioLines : IDisposable
    {
        readonly Sx1276 _radio;
        readonly GpioPin _dio0;
        readonly GpioPin _dio1;

        /// <summary>
        /// Opens <paramref name="dio0Pin"/> (required) and <paramref name="dio1Pin"/> (−1 when not wired; single
        /// receptions then never report RxTimeout, so wire it for LoRaWAN) as inputs.
        /// </summary>
        public GpioDioLines(GpioController controller, int dio0Pin, int dio1Pin, Sx1276 radio)
        {
            if (controller == null) throw new ArgumentNullException("controller");
            if (radio == null) throw new ArgumentNullException("radio");
            _radio = radio;
            _dio0 = controller.OpenPin(dio0Pin, PinMode.Input);
            _dio0.ValueChanged += OnDio0Changed;
            if (dio1Pin >= 0)
            {
                _dio1 = controller.OpenPin(dio1Pin, PinMode.Input);
                _dio1.ValueChanged += OnDio1Changed;
            }
        }

        void OnDio0Changed(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Rising) _radio.OnDio0();
        }

        void OnDio1Changed(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Rising) _radio.OnDio1();
        }

        /// <summary>Stops listening and closes the pins.</summary>
        public void Dispose()
        {
            _dio0.ValueChanged -= OnDio0Changed;
            _dio0.Dispose();
            if (_dio1 != null)
            {
                _dio1.ValueChanged -= OnDio1Changed;
                _dio1.Dispose();
            }
        }
    }
}
