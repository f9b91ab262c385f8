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

    /// <summary>
    /// A flag the MAC's thread sets when an operation the application waits for has finished. No lock (on nanoCLR a lock
    /// allocates, issue 20): written with <c>Interlocked.Exchange</c> and read with <c>Interlocked.CompareExchange</c>, each a
    /// full fence, so a thread that sees it set also sees what the MAC wrote before finishing.
    /// </summary>
    public sealed class MacOperation
    {
        int _done;   // 1 when finished

        /// <summary>True once finished.</summary>
        public bool Done { get { return System.Threading.Interlocked.CompareExchange(ref _done, 1, 1) == 1; } }

        /// <summary>Marks it finished.</summary>
        public void Finish() { System.Threading.Interlocked.Exchange(ref _done, 1); }

        /// <summary>Marks it pending again (reuse).</summary>
        public void Reset() { System.Threading.Interlocked.Exchange(ref _done, 0); }
    }
}
