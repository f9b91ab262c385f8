namespace LoRaWan.Radio
{
    /// <summary>
    /// Minimum, maximum, sum and count of how late something happened against its plan, in µs (negative: early).
    /// One accumulator for every timing measurement of the stack: the MAC's receive windows (alarm fired − armed
    /// time, <c>WindowTimingStats</c>) and the driver's TxDone (DIO0 stamp − computed end of the frame,
    /// <c>TxDoneTiming.DioLateness</c>). Plain fields (cheap on the interpreter); updated by one thread, read from
    /// any (a reader may see a measurement half recorded).
    /// </summary>
    public sealed class LatenessStats
    {
        /// <summary>Measurements recorded.</summary>
        public int Count;
        /// <summary>Smallest lateness seen, µs (0 before the first measurement).</summary>
        public long MinUs;
        /// <summary>Largest lateness seen, µs (0 before the first measurement).</summary>
        public long MaxUs;
        /// <summary>Sum of the lateness, µs (for the mean).</summary>
        public long SumUs;

        /// <summary>Mean lateness in µs, truncated toward zero (0 when nothing was measured).</summary>
        public long MeanUs { get { return Count == 0 ? 0 : SumUs / Count; } }

        /// <summary>Adds one measurement: <paramref name="lateUs"/> = when it happened − when it was planned, µs.</summary>
        public void Record(long lateUs)
        {
            // Each field read once (issue 20: field access is the interpreter's dearest IL).
            int n = Count;
            if (n == 0)
            {
                MinUs = lateUs;
                MaxUs = lateUs;
            }
            else if (lateUs < MinUs) MinUs = lateUs;
            else if (lateUs > MaxUs) MaxUs = lateUs;
            SumUs += lateUs;
            Count = n + 1;
        }
    }
}
