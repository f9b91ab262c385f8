namespace LoRaWan.Mac
{
    /// <summary>
    /// What passes between the application's threads and the MAC's: the one request waiting (join or uplink, with a
    /// copy of its payload) and the operation in progress as the application must see it (busy, or an internal uplink
    /// it may replace). Every field is read and written under a lock on this object; nothing else is.
    /// </summary>
    internal sealed class MacRequestSlot
    {
        internal const int None = 0;
        internal const int Join = 1;
        internal const int Data = 2;
        /// <summary>A continuous wave (TS009 TxCwReq): <see cref="CwFrequencyHz"/>, <see cref="CwPowerDbm"/>, <see cref="CwDurationUs"/>.</summary>
        internal const int ContinuousWave = 3;
        /// <summary>A LoRaWAN 1.1 Rejoin-request and its receive windows (the session stays in use meanwhile).</summary>
        internal const int Rejoin = 4;

        /// <summary>The application payload of the waiting (or deferred) uplink.</summary>
        internal readonly byte[] Payload = new byte[242];
        /// <summary>The request waiting: <see cref="None"/>, <see cref="Join"/>, <see cref="Data"/> or <see cref="Rejoin"/>.</summary>
        internal int Kind;
        internal int Port;
        internal int Length;
        /// <summary>The operation in progress (same constants), so that the application sees "busy" correctly.</summary>
        internal int Operation;
        internal bool Confirmed;
        /// <summary>An internal (empty) uplink not yet on air: an application uplink replaces it.</summary>
        internal bool Preemptible;
        /// <summary>The ACK flag before that internal frame was built (restored when it is replaced).</summary>
        internal bool PreemptedAck;
        /// <summary>CancelJoin was called: no further join attempt.</summary>
        internal bool JoinCancelled;
        /// <summary>The continuous wave asked for: its carrier frequency, conducted power and duration.</summary>
        internal uint CwFrequencyHz;
        internal int CwPowerDbm;
        internal ulong CwDurationUs;
    }
}
