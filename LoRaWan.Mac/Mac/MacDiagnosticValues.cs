namespace LoRaWan.Mac
{
    /// <summary>
    /// What the MAC measures and counts, as it keeps it: the MAC writes these fields on its own thread; everyone else
    /// reads them through <see cref="View"/>, the read-only <see cref="MacDiagnostics"/> made once here.
    /// </summary>
    internal sealed class MacDiagnosticValues
    {
        internal readonly WindowTimingValues Timing = new WindowTimingValues();
        internal readonly MacCounterValues Counters = new MacCounterValues();
        internal string LastError;
        internal string LastInternalError;
        internal NonceRecordStatus NonceStatus;
        internal readonly MacDiagnostics View;

        internal MacDiagnosticValues()
        {
            View = new MacDiagnostics(this);
        }
    }
}
