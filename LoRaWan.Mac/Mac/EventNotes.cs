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

        /// <summary>Adds a note; false when full (cannot happen with <see cref="Capacity"/>).</summary>
        internal bool Add(int kind, int a, int b, ulong time)
        {
            if (Count == Capacity) return false;
            Kind[Count] = kind;
            A[Count] = a;
            B[Count] = b;
            Time[Count] = time;
            Count++;
            return true;
        }
    }
}
