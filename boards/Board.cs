namespace LoRaWan.Firmware
{
    /// <summary>
    /// One ESP32 + SX1276/RFM95 board: which GPIO each radio signal, the LED and the battery divider are wired to
    /// (−1 = not wired), the SPI clock its wiring tolerates and the nanoff firmware target. Plain data, no
    /// hardware access, so the same definitions are used by the firmware, the host tests and flash.ps1 (which reads
    /// the first three constructor arguments of each <c>new Board(...)</c> in <c>boards/Boards.cs</c>).
    /// </summary>
    public sealed class Board
    {
        /// <summary>No GPIO: the signal is not wired on this board.</summary>
        public const int NotWired = -1;

        /// <summary>The ADC's full-scale reading (12 bits on the ESP32).</summary>
        public const int AdcFullScale = 4095;

        /// <summary>The name used on the command line (<c>flash.ps1 -Board name</c>) and in the build (<c>-p:Board=name</c>).</summary>
        public readonly string Name;
        /// <summary>The board's name as the vendor sells it.</summary>
        public readonly string Title;
        /// <summary>The nanoCLR image for <c>nanoff --target</c> (e.g. ESP32_REV0, ESP32_PSRAM_REV0, ESP32_PICO).</summary>
        public readonly string NanoffTarget;
        /// <summary>SPI clock GPIO (routed as SPI1_CLOCK).</summary>
        public readonly int Sck;
        /// <summary>SPI MISO GPIO (routed as SPI1_MISO; may be an input-only pin).</summary>
        public readonly int Miso;
        /// <summary>SPI MOSI GPIO (routed as SPI1_MOSI).</summary>
        public readonly int Mosi;
        /// <summary>The radio's chip select (NSS) GPIO.</summary>
        public readonly int Nss;
        /// <summary>The radio's NRESET GPIO, or <see cref="NotWired"/>.</summary>
        public readonly int Reset;
        /// <summary>DIO0 (TxDone/RxDone) GPIO; required.</summary>
        public readonly int Dio0;
        /// <summary>DIO1 (RxTimeout) GPIO; required for LoRaWAN receive windows.</summary>
        public readonly int Dio1;
        /// <summary>The user LED's GPIO, or <see cref="NotWired"/>.</summary>
        public readonly int Led;
        /// <summary>True when the LED lights with the pin driven low.</summary>
        public readonly bool LedActiveLow;
        /// <summary>The GPIO (an ADC1 pin, 32..39) that reads the battery through a divider, or <see cref="NotWired"/>.</summary>
        public readonly int BatteryPin;
        /// <summary>The battery voltage in mV that reads as <see cref="AdcFullScale"/> (divider ratio × ADC full-scale voltage).</summary>
        public readonly int BatteryFullScaleMv;
        /// <summary>SPI clock in Hz: up to 8 MHz on boards with the radio on the PCB (SX1276 maximum: 10 MHz), less over jumper wires.</summary>
        public readonly int SpiClockHz;
        /// <summary>
        /// I2C SDA GPIO of the power-management unit (AXP192/AXP2101 at address 0x34) that switches the radio's supply
        /// and measures the battery, or <see cref="NotWired"/> when the board has none.
        /// </summary>
        public readonly int PmuSda;
        /// <summary>I2C SCL GPIO of the power-management unit, or <see cref="NotWired"/>.</summary>
        public readonly int PmuScl;

        /// <summary>Defines a board. Pin arguments are ESP32 GPIO numbers, <see cref="NotWired"/> when absent.</summary>
        public Board(string name, string title, string nanoffTarget, int sck, int miso, int mosi, int nss, int reset,
            int dio0, int dio1, int led, bool ledActiveLow, int batteryPin, int batteryFullScaleMv, int spiClockHz)
            : this(name, title, nanoffTarget, sck, miso, mosi, nss, reset, dio0, dio1, led, ledActiveLow, batteryPin,
                batteryFullScaleMv, spiClockHz, NotWired, NotWired)
        {
        }

        /// <summary>Defines a board whose radio is powered through a PMU on I2C (<paramref name="pmuSda"/>, <paramref name="pmuScl"/>).</summary>
        public Board(string name, string title, string nanoffTarget, int sck, int miso, int mosi, int nss, int reset,
            int dio0, int dio1, int led, bool ledActiveLow, int batteryPin, int batteryFullScaleMv, int spiClockHz,
            int pmuSda, int pmuScl)
        {
            Name = name;
            Title = title;
            NanoffTarget = nanoffTarget;
            Sck = sck;
            Miso = miso;
            Mosi = mosi;
            Nss = nss;
            Reset = reset;
            Dio0 = dio0;
            Dio1 = dio1;
            Led = led;
            LedActiveLow = ledActiveLow;
            BatteryPin = batteryPin;
            BatteryFullScaleMv = batteryFullScaleMv;
            SpiClockHz = spiClockHz;
            PmuSda = pmuSda;
            PmuScl = pmuScl;
        }

        /// <summary>True when a PMU on I2C powers the radio and measures the battery (the T-Beam).</summary>
        public bool HasPmu
        {
            get { return PmuSda != NotWired && PmuScl != NotWired; }
        }

        /// <summary>True when the board measures its battery voltage through an ADC pin (a PMU measures it too: <see cref="HasPmu"/>).</summary>
        public bool HasBattery
        {
            get { return BatteryPin != NotWired; }
        }

        /// <summary>
        /// The nanoFramework ADC channel of <see cref="BatteryPin"/> (ESP32 ADC1: GPIO36 = 0, 37 = 1, 38 = 2, 39 = 3,
        /// 32 = 4, 33 = 5, 34 = 6, 35 = 7 — the mapping of nf-interpreter's ESP32 AdcController), or −1.
        /// </summary>
        public int BatteryAdcChannel
        {
            get { return Adc1Channel(BatteryPin); }
        }

        /// <summary>The ESP32 ADC1 channel of <paramref name="gpio"/>, or −1 when the pin is not on ADC1.</summary>
        public static int Adc1Channel(int gpio)
        {
            switch (gpio)
            {
                case 36: return 0;
                case 37: return 1;
                case 38: return 2;
                case 39: return 3;
                case 32: return 4;
                case 33: return 5;
                case 34: return 6;
                case 35: return 7;
                default: return -1;
            }
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return Name + " (" + Title + ")";
        }
    }
}
