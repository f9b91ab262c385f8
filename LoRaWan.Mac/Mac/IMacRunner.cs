namespace LoRaWan.Mac
{
    /// <summary>
    /// Drives a <see cref="ClassAMac"/>: calls <see cref="ClassAMac.ProcessEvents"/> when events arrive and lets
    /// the application block until an operation finishes. On the device a dedicated thread does it
    /// (<see cref="ThreadedMacRunner"/>); in simulation the runner advances virtual time instead of blocking.
    /// </summary>
    public interface IMacRunner : IMacWakeup
    {
        /// <summary>Starts driving <paramref name="mac"/>.</summary>
        void Attach(ClassAMac mac);

        /// <summary>Stops driving the MAC (the device is being disposed); returns when the runner's thread, if any, has ended.</summary>
        void Detach();

        /// <summary>
        /// Returns when <paramref name="operation"/> is done (true) or after <paramref name="timeoutMs"/> ms (false).
        /// Called on the application thread.
        /// </summary>
        bool Wait(MacOperation operation, int timeoutMs);
    }

    /// <summary>A flag the MAC's thread sets when an operation the application waits for has finished.</summary>
    public sealed class MacOperation
    {
        readonly object _lock = new object();
        bool _done;

        /// <summary>True once finished.</summary>
        public bool Done { get { lock (_lock) { return _done; } } }

        /// <summary>Marks it finished.</summary>
        public void Finish() { lock (_lock) { _done = true; } }

        /// <summary>Marks it pending again (reuse).</summary>
        public void Reset() { lock (_lock) { _done = false; } }
    }
}
