namespace LoRaWan.Mac
{
    /// <summary>
    /// The receive-window lateness measurements as the MAC keeps them (plain fields, written on the MAC's thread); read
    /// from outside through the read-only <see cref="WindowTimingStats"/>.
    /// </summary>
    internal sealed class WindowTimingValues
    {
        internal int Count;
        internal long MinLateUs;
        internal long MaxLateUs;
        internal long SumLateUs;
        internal int FramesReceived;
        internal int Missed;

        /// <summary>Adds one measurement.</summary>
        internal void Record(long lateUs)
        {
            if (Count == 0 || lateUs < MinLateUs) MinLateUs = lateUs;
            if (Count == 0 || lateUs > MaxLateUs) MaxLateUs = lateUs;
            SumLateUs += lateUs;
            Count++;
        }
    }
}
