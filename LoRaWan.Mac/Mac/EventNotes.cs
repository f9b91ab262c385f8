namespace LoRaWan.Mac
{
    /// <summary>
    /// Events after the transition (shared/DESIGN.md): what one input's handling has to report, noted in order and
    /// raised by <see cref="ClassAMac.ProcessEvents"/> once the transition is complete. Fixed arrays, no allocation.
    /// </summary>
    internal sealed class EventNotes
    {
        internal const int Downlink = 1;
        internal const int Uplink = 2;
        internal const int JoinAttempt = 3;
        internal const int LinkCheck = 4;
        internal const int NetworkTime = 5;
        internal const int Idle = 6;
        /// <summary>Most notes one input can produce: downlink, LinkCheck, DeviceTime, uplink completed, idle (join: 3).</summary>
        internal const int Capacity = 8;

        internal readonly int[] Kind = new int[Capacity];
        internal readonly int[] A = new int[Capacity];
        internal readonly int[] B = new int[Capacity];
        internal readonly ulong[] Time = new ulong[Capacity];
        internal readonly SendResult[] Result = new SendResult[Capacity];
        internal int Count;
        /// <summary>The notes are being raised on thread <see cref="RaisingThreadId"/>.</summary>
        internal bool Raising;
        internal int RaisingThreadId;
    }
}
