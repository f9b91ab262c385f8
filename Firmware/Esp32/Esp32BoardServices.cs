using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using LoRaWan.Firmware.App;
using LoRaWan.Firmware.Power;
using LoRaWan.Radio;
using nanoFramework.Hardware.Esp32;

namespace LoRaWan.Firmware.Esp32
{
    /// <summary>
    /// <see cref="IBoardServices"/> on an ESP32 board: uptime from <see cref="HighResTimer.GetCurrent"/>, free
    /// memory from <c>nanoFramework.Runtime.Native.GC.Run</c>, the battery from the PMU when the board has one (T-Beam)
    /// or else through the ADC (ESP32 ADC1, 12 bits, 11 dB attenuation as nanoFramework configures it; uncalibrated,
    /// so expect ±5–10 %), the LED on a GPIO,
    /// <see cref="Thread.Sleep(int)"/> and the ESP32's timer-woken deep sleep.
    /// </summary>
    public sealed class Esp32BoardServices : IBoardServices
    {
        const int BatterySamples = 8;

        readonly Board _board;
        readonly GpioPin _led;
        readonly AdcChannel _battery;
        readonly IRadio _radio;
        readonly IPmu _pmu;

        /// <summary>Opens the LED pin and the battery ADC channel of <paramref name="board"/>.</summary>
        /// <param name="board">the pins</param>
        /// <param name="gpio">the controller the radio's pins are opened on</param>
        /// <param name="radio">put to sleep before deep sleep (may be null)</param>
        /// <param name="pmu">the board's power-management unit, which measures the battery (null when none)</param>
        public Esp32BoardServices(Board board, GpioController gpio, IRadio radio, IPmu pmu)
        {
            if (board == null) throw new ArgumentNullException("board");
            _board = board;
            _radio = radio;
            _pmu = pmu;
            if (board.Led != Board.NotWired)
            {
                _led = gpio.OpenPin(board.Led, PinMode.Output);
                SetLed(false);
            }
            if (board.BatteryAdcChannel >= 0)
                _battery = new AdcController().OpenChannel(board.BatteryAdcChannel);
        }

        /// <inheritdoc />
        public long UptimeMs
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000UL); }
        }

        /// <inheritdoc />
        public long FreeMemoryBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }

        /// <inheritdoc />
        public bool HasBattery
        {
            get { return _pmu != null || _battery != null; }
        }

        /// <inheritdoc />
        public int ReadBatteryMillivolts()
        {
            if (_pmu != null) return _pmu.ReadBatteryMillivolts();
            if (_battery == null) return 0;
            int sum = 0;
            for (int i = 0; i < BatterySamples; i++) sum += _battery.ReadValue();
            return (int)((long)sum * _board.BatteryFullScaleMv / (BatterySamples * (long)Board.AdcFullScale));
        }

        /// <inheritdoc />
        public void SetLed(bool on)
        {
            if (_led == null) return;
            _led.Write(on != _board.LedActiveLow ? PinValue.High : PinValue.Low);
        }

        /// <inheritdoc />
        public void Delay(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }

        /// <inheritdoc />
        public void DeepSleep(int milliseconds)
        {
            if (_radio != null) _radio.Sleep();   // the SX1276 keeps its own power state: about 1 µA in sleep mode
            Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(milliseconds));
            Sleep.StartDeepSleep();               // does not return: waking resets the chip and Main runs again
        }

        /// <inheritdoc />
        public void Log(string message)
        {
            Console.WriteLine(message);
        }
    }
}
