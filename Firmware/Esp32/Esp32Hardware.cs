using System.Device.Gpio;
using System.Threading;
using Drivers.Sx127x;
using Drivers.Sx127x.Hardware;
using LoRaWan.Firmware.Power;
using nanoFramework.Hardware.Esp32;

namespace LoRaWan.Firmware.Esp32
{
    /// <summary>
    /// Everything the LoRaWAN stack needs from an ESP32 board, wired from a <see cref="Board"/> definition: the SPI
    /// pins routed to SPI1 before the bus is opened, the SX1276 on that bus (mode 0, the board's SPI clock), its reset
    /// line, DIO0/DIO1 interrupts, one <see cref="HighResTimerAlarm"/> for the MAC (also the TX deadline: the
    /// driver has no timer of its own), the flash store and the board services. On a board with a PMU (the T-Beam) the radio's rail is
    /// switched on over I2C first, and the PMU measures the battery.
    /// </summary>
    public sealed class Esp32Hardware
    {
        /// <summary>The SPI controller the radio is on (its pins are routed as SPI1_MOSI/MISO/CLOCK).</summary>
        public const int SpiBus = 1;
        /// <summary>The I2C controller the PMU is on (its pins are routed as I2C1_DATA/I2C1_CLOCK).</summary>
        public const int I2cBus = 1;
        /// <summary>
        /// Wait after switching the radio's rail on before talking to it: the SX1276 is ready 10 ms after power-on
        /// (SX1276 datasheet §7.2.1, power-on reset).
        /// </summary>
        public const int RadioPowerUpMs = 10;

        readonly GpioController _gpio;
        readonly GpioDioLines _dio;

        /// <summary>
        /// Opens and initialises the radio of <paramref name="board"/>, its receive chain calibrated at 868 MHz.
        /// Throws <see cref="System.IO.IOException"/> (with a wiring hint) when no SX1276 answers, or when the board's
        /// PMU does not.
        /// </summary>
        public Esp32Hardware(Board board) : this(board, Sx1276.DefaultImageCalibrationHz)
        {
        }

        /// <summary>
        /// Opens and initialises the radio of <paramref name="board"/>, calibrating its receive chain at
        /// <paramref name="imageCalibrationHz"/> (the centre of the region's band: <see cref="Sx1276.ImageCalibrationFrequencyHz"/>).
        /// Throws <see cref="System.IO.IOException"/> (with a wiring hint) when no SX1276 answers.
        /// </summary>
        public Esp32Hardware(Board board, uint imageCalibrationHz)
        {
            Board = board;
            if (board.HasPmu)
            {
                // The T-Beam's SX1276 has no power until the PMU's rail is on (AXP192 LDO2 / AXP2101 ALDO2).
                Configuration.SetPinFunction(board.PmuSda, DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(board.PmuScl, DeviceFunction.I2C1_CLOCK);
                Pmu = Power.Pmu.Detect(new I2cRegisterDevice(I2cBus, Power.Pmu.Address));
                Pmu.PowerRadio();
                Pmu.EnableBatteryMeasurement();
                Thread.Sleep(RadioPowerUpMs);
            }
            // ESP32: route the SPI signals to the board's pins before the bus is opened.
            Configuration.SetPinFunction(board.Miso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(board.Mosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(board.Sck, DeviceFunction.SPI1_CLOCK);

            _gpio = new GpioController();
            MacAlarm = new HighResTimerAlarm();
            SpiRegisterBus bus = SpiRegisterBus.Create(SpiBus, board.Nss, board.SpiClockHz);
            GpioResetLine reset = board.Reset == Board.NotWired ? null : new GpioResetLine(_gpio, board.Reset);
            Radio = new Sx1276(bus, MacAlarm, reset);
            Radio.ImageCalibrationFrequencyHz = imageCalibrationHz;
            Radio.Init();
            _dio = new GpioDioLines(_gpio, board.Dio0, board.Dio1, Radio);
            Store = new FlashStore("lorawan", LoRaWan.Session.StoreSlots.Count);   // one file on I:\ per slot of the map
            Services = new Esp32BoardServices(board, _gpio, Radio, Pmu);
        }

        /// <summary>The DIO0/DIO1 interrupt wiring.</summary>
        public GpioDioLines DioLines
        {
            get { return _dio; }
        }

        /// <summary>The GPIO controller the radio's pins are open on.</summary>
        public GpioController Gpio
        {
            get { return _gpio; }
        }

        /// <summary>The power-management unit (AXP192/AXP2101) of a board that has one, else null.</summary>
        public IPmu Pmu { get; private set; }

        /// <summary>The pins this hardware was wired from.</summary>
        public Board Board { get; private set; }

        /// <summary>The SX1276 driver (the MAC's radio).</summary>
        public Sx1276 Radio { get; private set; }

        /// <summary>The MAC's clock and alarm.</summary>
        public HighResTimerAlarm MacAlarm { get; private set; }

        /// <summary>Non-volatile storage on I:\.</summary>
        public FlashStore Store { get; private set; }

        /// <summary>LED, battery, uptime, sleep and log for the sketch.</summary>
        public Esp32BoardServices Services { get; private set; }
    }
}
