namespace LoRaWan.Mac
{
    /// <summary>Who the MAC reports to: the listener, the runner to wake, the idle signal, the tracer, the battery level.</summary>
    internal sealed class MacObservers
    {
        internal readonly IMacListener Listener;
        internal IMacWakeup Wakeup;
        internal MacOperation Idle;
        internal IMacTrace Trace;
        internal BatteryLevelProvider Battery;

        internal MacObservers(IMacListener listener)
        {
            Listener = listener;
        }
    }
}
