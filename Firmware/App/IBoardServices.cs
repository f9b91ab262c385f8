namespace LoRaWan.Firmware.App
{
    /// <summary>
    /// What the sensor sketch needs from the board besides the LoRaWAN device: time since boot, a few measured
    /// values, the LED, waiting and deep sleep, a log line. The ESP32 implementation is Firmware/Esp32/
    /// Esp32BoardServices; the simulator's lives in Tests/Firmware, so the same <see cref="SensorSketch"/> runs on
    /// the board and on virtual time.
    /// </summary>
    public interface IBoardServices
    {
        /// <summary>Milliseconds since this boot (a deep-sleep wake is a boot).</summary>
        long UptimeMs { get; }

        /// <summary>Free managed memory in bytes (after a garbage collection), or −1 when unknown.</summary>
        long FreeMemoryBytes();

        /// <summary>True when the board measures its battery voltage.</summary>
        bool HasBattery { get; }

        /// <summary>The battery voltage in mV (0 when the board does not measure it).</summary>
        int ReadBatteryMillivolts();

        /// <summary>Switches the user LED (nothing happens when the board has none).</summary>
        void SetLed(bool on);

        /// <summary>Waits <paramref name="milliseconds"/>; the LoRaWAN stack keeps running meanwhile.</summary>
        void Delay(int milliseconds);

        /// <summary>
        /// Powers down for <paramref name="milliseconds"/>. On the ESP32 this does not return: the chip wakes by
        /// resetting and the program starts again from Main, restoring the session from flash.
        /// </summary>
        void DeepSleep(int milliseconds);

        /// <summary>Writes one line to the log (the debugger's output window on the board).</summary>
        void Log(string message);
    }
}
