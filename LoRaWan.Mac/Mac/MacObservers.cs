namespace LoRaWan.Mac
{
    /// <summary>
    /// Who the MAC reports to, wired through its constructor: the listeners, the runner to wake, the idle signal; and the
    /// optional tracer and battery level.
    /// </summary>
    internal sealed class MacObservers
    {
        internal readonly IMacListener Listener;
        internal readonly IMacCommandListener CommandListener;
        internal readonly IMacWakeup Wakeup;
        internal readonly MacOperation Idle;
        internal IMacTrace Trace;
        internal BatteryLevelProvider Battery;

        internal MacObservers(IMacListener listener, IMacCommandListener commandListener, IMacWakeup wakeup, MacOperation idle)
        {
            Listener = listener;
            CommandListener = commandListener;
            Wakeup = wakeup;
            Idle = idle;
        }
    }
}
