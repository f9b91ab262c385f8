namespace LoRaWan.Mac
{
    /// <summary>
    /// Who the MAC reports to: the runner to wake, the idle signal, the optional tracer and battery level (all from the
    /// constructor's <see cref="MacWiring"/>), and the device facade's listeners, attached once by the facade that
    /// wraps this MAC (<see cref="ClassAMac.AttachDevice"/>).
    /// </summary>
    internal sealed class MacObservers
    {
        internal IMacListener Listener;
        internal IMacCommandListener CommandListener;
        internal readonly IMacRunner Wakeup;
        internal readonly MacOperation Idle = new MacOperation();
        internal readonly IMacTrace Trace;
        internal readonly BatteryLevelProvider Battery;
        /// <summary>The TS009 package wired in (<see cref="MacWiring.Certification"/>), or null.</summary>
        internal readonly ICertificationPort Certification;

        internal MacObservers(IMacRunner runner, IMacTrace trace, BatteryLevelProvider battery, ICertificationPort certification)
        {
            Certification = certification;
            Wakeup = runner;
            Trace = trace;
            Battery = battery;
        }
    }
}
