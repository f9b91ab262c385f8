using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    /// <summary>
    /// Timing diagnostics of the driver's TxDone reports: for each transmission, what the radio knows (the moment
    /// TX mode was written, the frame's air time, the PA ramp-down: the computed end) next to the DIO0 stamp (when
    /// the platform ran the interrupt handler), and which of the two was reported. On nanoFramework the GPIO
    /// handler runs on the interpreter's event thread, from under a millisecond to a time slice or a garbage
    /// collection after the edge, so the DIO0 stamp is only an upper bound of the real end; the computed end is
    /// exact to the chip's start-up time unless the thread was pre-empted while writing TX mode, which the two
    /// stamps around that write reveal. Updated under the driver's lock; read it from any thread (values of one
    /// frame may mix with the next while a transmission completes).
    /// </summary>
    public sealed class TxDoneTiming
    {
        /// <summary>TxDone reports so far.</summary>
        public int Count;
        /// <summary>Reports that used the computed end (the DIO0 stamp was later).</summary>
        public int FromComputedEnd;
        /// <summary>Reports that used the DIO0 stamp (no trusted start stamp, or the interrupt ran before the computed end).</summary>
        public int FromDioStamp;
        /// <summary>
        /// TxDone found in RegIrqFlags when the MAC's TX deadline passed (<see cref="Sx1276.TxDeadlinePassed"/>): the
        /// chip finished but its interrupt never ran (or ran after the deadline); reported at the computed end.
        /// </summary>
        public int FoundByWatchdog;
        /// <summary>Transmissions whose start stamp was not trusted: the write of TX mode took longer than <see cref="Sx1276.MaxTxStartUncertaintyUs"/>.</summary>
        public int UntrustedStarts;

        /// <summary>Clock time right after TX mode was written, µs (the last transmission).</summary>
        public ulong LastStartUs;
        /// <summary>Air time of the last frame, µs (datasheet §4.1.1.7 formula).</summary>
        public ulong LastAirTimeUs;
        /// <summary>Start + air time + PA ramp-down of the last frame, µs.</summary>
        public ulong LastComputedEndUs;
        /// <summary>When the DIO0 handler of the last frame ran, µs (0 when TxDone was found at the MAC's TX deadline instead).</summary>
        public ulong LastDioStampUs;
        /// <summary>The TxDone time reported to the MAC for the last frame, µs.</summary>
        public ulong LastReportedUs;

        /// <summary>
        /// DIO0 stamp − computed end of each frame whose start was trusted, µs (negative: the handler ran before the
        /// computed end; the maximum is the interrupt latency the computed end took out of RX1's plan).
        /// </summary>
        public readonly LatenessStats DioLateness = new LatenessStats();
    }
}
