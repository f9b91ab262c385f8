namespace LoRaWan.Firmware.Power
{
    /// <summary>
    /// A power-management unit that switches the radio's supply and measures the battery, as the AXP192 (LILYGO
    /// T-Beam V1.0/V1.1) and AXP2101 (T-Beam V1.2) do. <see cref="Pmu.Detect"/> finds which one a board carries.
    /// </summary>
    public interface IPmu
    {
        /// <summary>The chip's name (AXP192, AXP2101).</summary>
        string Name { get; }

        /// <summary>Sets the radio's rail to 3.3 V and switches it on, leaving every other rail as it was.</summary>
        void PowerRadio();

        /// <summary>Starts the battery-voltage ADC channel (the other channels are left as they were).</summary>
        void EnableBatteryMeasurement();

        /// <summary>True when the PMU sees a battery.</summary>
        bool BatteryConnected { get; }

        /// <summary>The battery voltage in mV, or 0 when no battery is connected.</summary>
        int ReadBatteryMillivolts();
    }
}
