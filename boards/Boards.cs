namespace LoRaWan.Firmware
{
    /// <summary>
    /// The supported boards. This file is the only place that holds their pin numbers: the firmware links it
    /// (Firmware.nfproj), the host tests check it (distinct, valid ESP32 GPIOs, outputs not on input-only pins) and
    /// flash.ps1 reads each board's name and nanoff target from the first line of its <c>new Board(...)</c>.
    /// Where each pin was confirmed is written above each definition (boards/README.md has the links).
    /// To add a board: copy <see cref="Custom"/>, give it a new name, add it to <see cref="All"/> and to the
    /// build-time selection in Firmware/BoardSelection.cs, then run the tests.
    /// </summary>
    public static class Boards
    {
        /// <summary>
        /// Heltec WiFi LoRa 32 (V2): ESP32-D0WDQ6, no PSRAM. Radio pins: HelTecAutomation/Heltec_ESP32
        /// src/driver/board-config.h (WIFI_LORA_32_V2: CLK 5, MISO 19, MOSI 27, NSS 18, RESET 14, DIO0 26,
        /// DIO1 35) and espressif/arduino-esp32 variants/heltec_wifi_lora_32_V2/pins_arduino.h (LED_BUILTIN 25,
        /// LORA_DIO1 35). Battery: Heltec's examples/ESP32/ADC_Read_Voltage/Battery_power.ino reads GPIO37 on
        /// hardware ≥ 2.3 at 2.5 mV per count (4095 counts ≈ 10.24 V).
        /// </summary>
        public static readonly Board HeltecWifiLora32V2 = new Board("heltec-wifi-lora32-v2", "Heltec WiFi LoRa 32 (V2)", "ESP32_REV0",
            sck: 5, miso: 19, mosi: 27, nss: 18, reset: 14, dio0: 26, dio1: 35,
            led: 25, ledActiveLow: false, batteryPin: 37, batteryFullScaleMv: 10238, spiClockHz: 8000000);

        /// <summary>
        /// LILYGO TTGO LoRa32 V1 (OLED, no SD card): ESP32-D0WDQ6, no PSRAM. espressif/arduino-esp32
        /// variants/ttgo-lora32-v1/pins_arduino.h (LORA_SCK 5, MISO 19, MOSI 27, CS 18, RST 14, IRQ 26,
        /// LED_BUILTIN 2); DIO1 33 from mcci-catena/arduino-lmic src/hal/getpinmap_ttgo_lora32_v1.cpp. No battery divider.
        /// </summary>
        public static readonly Board TtgoLora32V1 = new Board("ttgo-lora32-v1", "LILYGO TTGO LoRa32 V1", "ESP32_REV0",
            sck: 5, miso: 19, mosi: 27, nss: 18, reset: 14, dio0: 26, dio1: 33,
            led: 2, ledActiveLow: false, batteryPin: Board.NotWired, batteryFullScaleMv: 0, spiClockHz: 8000000);

        /// <summary>
        /// LILYGO TTGO LoRa32 V2.1 (T3 V1.6 / V1.6.1): ESP32-PICO-D4, 4 MB flash, no PSRAM, hence the ESP32_PICO image.
        /// Xinyuan-LilyGO/LilyGo-LoRa-Series examples/Factory/utilities.h (T3_V1_6_SX1276: SCLK 5, MISO 19, MOSI 27,
        /// CS 18, DIO0 26, RST 23, DIO1 33, BOARD_LED 25, ADC_PIN 35 with 100k/100k divider) and
        /// docs/en/t3_v161_sx1276/t3_v161_sx1276_hw.md; the same in arduino-esp32 variants/ttgo-lora32-v21new and
        /// mcci-catena/arduino-lmic getpinmap_ttgo_lora32_v2.1.cpp.
        /// </summary>
        public static readonly Board TtgoLora32V21 = new Board("ttgo-lora32-v21", "LILYGO TTGO LoRa32 V2.1 (T3 V1.6.1)", "ESP32_PICO",
            sck: 5, miso: 19, mosi: 27, nss: 18, reset: 23, dio0: 26, dio1: 33,
            led: 25, ledActiveLow: false, batteryPin: 35, batteryFullScaleMv: 6600, spiClockHz: 8000000);

        /// <summary>
        /// LILYGO T-Beam (SX1276 variant, V1.x): ESP32-D0WDQ6(-V3) with PSRAM. Xinyuan-LilyGO/LilyGo-LoRa-Series
        /// examples/Factory/utilities.h (T_BEAM_SX1276: SCLK 5, MISO 19, MOSI 27, CS 18, DIO0 26, RST 23, DIO1 33,
        /// BOARD_LED 4 lit LOW, I2C_SDA 21, I2C_SCL 22) and docs/en/t_beam/t_beam_hw.md. The radio's supply is a PMU
        /// rail (AXP192 LDO2 on V1.0/V1.1, AXP2101 ALDO2 on V1.2, both at I2C 0x34 on SDA 21 / SCL 22): the firmware
        /// switches it on at start (Firmware/Power) and reads the battery from the PMU, not from an ADC pin.
        /// </summary>
        public static readonly Board TBeamSx1276 = new Board("tbeam-sx1276", "LILYGO T-Beam V1.x (SX1276)", "ESP32_PSRAM_REV0",
            sck: 5, miso: 19, mosi: 27, nss: 18, reset: 23, dio0: 26, dio1: 33,
            led: 4, ledActiveLow: true, batteryPin: Board.NotWired, batteryFullScaleMv: 0, spiClockHz: 8000000,
            pmuSda: 21, pmuScl: 22);

        /// <summary>
        /// Adafruit HUZZAH32 ESP32 Feather + LoRa Radio FeatherWing (RFM95W), jumpers as Adafruit documents them for
        /// the ESP32 Feather in adafruit/RadioHead examples/feather/Feather9x_TX.ino: RST → pad "A" (GPIO27),
        /// CS → pad "B" (GPIO33). SPI from arduino-esp32 variants/feather_esp32/pins_arduino.h (SCK 5, MOSI 18,
        /// MISO 19, LED_BUILTIN 13, A2 = GPIO34, A13 = GPIO35 = VBAT/2).
        /// The IRQ (DIO0) is a hand-soldered wire either way; Adafruit's example uses GPIO12, an ESP32 strapping pin
        /// (MTDI selects the flash voltage at reset: DIO0 high during a reset can stop a WROOM-32 from booting), so
        /// ours goes to GPIO34 (silkscreen A2): input-only, no boot function, and the radio drives DIO0 push-pull,
        /// so it needs no pull-up. DIO1 is not wired by Adafruit's examples: a wire from the wing's IO1 hole to
        /// GPIO32 (also not a strapping pin). WROOM-32, no PSRAM.
        /// </summary>
        public static readonly Board FeatherEsp32Rfm95 = new Board("feather-esp32-rfm95", "Adafruit HUZZAH32 Feather + RFM95W FeatherWing", "ESP32_REV0",
            sck: 5, miso: 19, mosi: 18, nss: 33, reset: 27, dio0: 34, dio1: 32,
            led: 13, ledActiveLow: false, batteryPin: 35, batteryFullScaleMv: 6600, spiClockHz: 8000000);

        /// <summary>
        /// A template for your own wiring (e.g. an ESP32 DevKit + RFM95W breakout on jumper wires, as drawn in
        /// Drivers.Sx127x/README.md): VSPI's usual pins, 2 MHz SPI for long wires, the DevKit's LED on GPIO2. The
        /// ESP32_PSRAM_REV0 image runs on every ESP32 (with or without PSRAM, any revision), per nanoff's README.
        /// </summary>
        public static readonly Board Custom = new Board("custom", "Custom ESP32 + SX1276/RFM95 wiring", "ESP32_PSRAM_REV0",
            sck: 18, miso: 19, mosi: 23, nss: 5, reset: 14, dio0: 26, dio1: 33,
            led: 2, ledActiveLow: false, batteryPin: Board.NotWired, batteryFullScaleMv: 0, spiClockHz: 2000000);

        /// <summary>Every supported board, in the order of the README table.</summary>
        public static Board[] All
        {
            get { return new Board[] { HeltecWifiLora32V2, TtgoLora32V1, TtgoLora32V21, TBeamSx1276, FeatherEsp32Rfm95, Custom }; }
        }

        /// <summary>The board called <paramref name="name"/> (as in <see cref="Board.Name"/>), or null.</summary>
        public static Board Find(string name)
        {
            Board[] all = All;
            for (int i = 0; i < all.Length; i++)
                if (all[i].Name == name) return all[i];
            return null;
        }
    }
}
