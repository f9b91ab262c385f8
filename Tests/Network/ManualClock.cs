using LoRaWan.Platform;

namespace LoRaWan.Tests.Network
{
    /// <summary>A clock the test sets by hand (µs).</summary>
    public sealed class ManualClock : IClock
    {
        /// <inheritdoc />
        public ulong NowMicroseconds { get; set; }
    }
}
