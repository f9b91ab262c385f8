namespace LoRaWan.Mac
{
    /// <summary>
    /// Events after the transition (shared/DESIGN.md): what one input's handling has to report, noted in order and
    /// raised by <see cref="ClassAMac.ProcessEvents"/> once the transition is complete. Fixed arrays, no allocation.
    /// </summary>
    internal sealed class EventNotes
    {
        // JoinAttempt, LinkCheck and NetworkTime, the notes with values (A, B, Time), are numbered together: ClassAMac.Note
        // writes the values for that range only.
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
        /// <summary>
        /// The result the pending <see cref="Uplink"/> note reports. One slot, not one per note: an uplink completes once
        /// per transition (the next one starts in a later input), and a handler's own uplink is noted after this one was
        /// raised; a second result noted before the first was raised is counted as an internal error, never overwrites it.
        /// (Eight SendResult structs, each its own nanoCLR allocation, held 1,968 B on a 64-bit heap for this.) A copy of the
        /// uplink's outcome, field by field: the uplink's own may change before this one is raised.
        /// </summary>
        internal readonly UplinkOutcome Result = new UplinkOutcome();
        /// <summary><see cref="Result"/> holds a result not yet raised.</summary>
        internal bool ResultPending;
        internal int Count;
        /// <summary>The notes are being raised on thread <see cref="RaisingThreadId"/>.</summary>
        internal bool Raising;
        internal int RaisingThreadId;
    }
}
