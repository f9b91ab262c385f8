using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    /// <summary>
    /// How late the platform really opened receive windows: for each window, the time the alarm callback ran
    /// minus the time it was armed for (<see cref="Lateness"/>), and how the windows ended. Exposes the statistics so
    /// a deployment can size <see cref="LoRaWanOptions.TimingErrorUs"/> from measurements rather than guesses.
    /// </summary>
    public sealed class WindowTimingStats
    {
        /// <summary>Alarm lateness of each window opened by the alarm, µs.</summary>
        public readonly LatenessStats Lateness = new LatenessStats();
        /// <summary>Windows in which a frame for this device was received.</summary>
        public int FramesReceived;
        /// <summary>Windows that ended without a frame for this device.</summary>
        public int Missed;
    }
}
