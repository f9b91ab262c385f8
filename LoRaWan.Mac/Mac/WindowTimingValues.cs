using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The receive-window lateness measurements as the MAC keeps them (plain fields, written on the MAC's thread); read
    /// from outside through the read-only <see cref="WindowTimingStats"/>.
    /// </summary>
    internal sealed class WindowTimingValues
    {
        /// <summary>Alarm lateness of each window opened by the alarm, µs.</summary>
        internal readonly LatenessStats Lateness = new LatenessStats();
        internal int FramesReceived;
        internal int Missed;
    }
}
