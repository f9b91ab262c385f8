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
    /// What an application thread waits for: the MAC's thread finishes it when an operation is done. It counts its
    /// finishes, and a waiter that <see cref="Reset"/> it is done once it has been finished again since: a finish that comes
    /// between <see cref="Reset"/> and the wait is never lost. Each waiter has its own instance (or its own view of a shared
    /// one: <c>Watch</c>, the facade's waiters), so no thread's Reset can hide a finish from another waiter. No lock (on nanoCLR a lock allocates, issue 20): the count is changed with <c>Interlocked.Increment</c> and
    /// read with <c>Interlocked.CompareExchange</c>, each a full fence, so a thread that sees it finished also sees what the
    /// MAC wrote before finishing.
    /// </summary>
    public sealed class MacOperation
    {
        // The two counts are internal so that the facade's hot path can arm a wait with plain field accesses
        // (LoRaWanDevice.Run: one call less each, issue 20); everything else goes through the methods below.
        internal int FinishCount;   // times Finish was called (wraps; only compared for equality)
        internal int SeenCount;     // the source's FinishCount when its waiter armed it; written by that waiter only
        MacOperation _source;       // this, or the operation this one is a view of (changed only by its waiter, Watch)

        /// <summary>An operation with its own count of finishes.</summary>
        public MacOperation()
        {
            _source = this;
        }

        /// <summary>
        /// Makes this a view of <paramref name="source"/>, done once <paramref name="source"/> has been finished more than
        /// <paramref name="seen"/> times (its waiter only, between waits).
        /// </summary>
        internal void Watch(MacOperation source, int seen)
        {
            _source = source;
            SeenCount = seen;
        }

        /// <summary>How many times it was finished (wraps; compare for equality only).</summary>
        internal int Finishes { get { return System.Threading.Interlocked.CompareExchange(ref _source.FinishCount, 0, 0); } }

        /// <summary>True once finished after the last <see cref="Reset"/>.</summary>
        public bool Done { get { return System.Threading.Interlocked.CompareExchange(ref _source.FinishCount, 0, 0) != SeenCount; } }

        /// <summary>Marks it finished (for every view and waiter of it).</summary>
        public void Finish() { System.Threading.Interlocked.Increment(ref _source.FinishCount); }

        /// <summary>Marks it pending again for this waiter (reuse): <see cref="Done"/> waits for the next finish.</summary>
        public void Reset() { SeenCount = System.Threading.Interlocked.CompareExchange(ref _source.FinishCount, 0, 0); }
    }
}
