namespace LoRaWan.Platform
{
    /// <summary>A monotonic microsecond clock (HighResTimer on ESP32, virtual time in simulation).</summary>
    public interface IClock
    {
        /// <summary>Microseconds since an arbitrary fixed origin; never goes backwards.</summary>
        ulong NowMicroseconds { get; }
    }
}
