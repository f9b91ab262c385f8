namespace LoRaWan.Mac
{
    /// <summary>
    /// Where to open a receive window and how long to listen, given the platform's timing error.
    /// A downlink's preamble starts exactly RECEIVE_DELAY after the end of the uplink; the device's timers
    /// and interrupt stamps are off by up to ±error. The radio must be listening before the preamble's
    /// last symbols pass and must not time out before the earliest possible start; a single-RX timeout
    /// counts symbols (SX1276 RegSymbTimeout). This follows the public computation of LoRaMac-node's
    /// RegionCommonComputeRxWindowParameters (shared/VECTORS.md), in integer arithmetic:
    /// <code>
    /// Tsym      = 2^SF · 10^6 / BW                                   (µs)
    /// timeout   = max(ceil(((2·MinRxSymbols − 8)·Tsym + 2·error) / Tsym), MinRxSymbols)   (symbols)
    /// offset    = ceil((4·Tsym − ceil(timeout·Tsym / 2) − wakeUp) / 1000)                 (ms, may be negative)
    /// </code>
    /// where "ceil" rounds up for a positive numerator and truncates toward zero otherwise (C's DIV_CEIL).
    /// A GFSK window (RP002 DR7 and the like) runs the same formula on bytes, Tsym = 8·10^6 / bitrate, as
    /// LoRaMac-node does (RegionCommonComputeSymbolTimeFsk, then SX1276SetRxConfig turns the byte count into its
    /// RX single timeout, timeout · 8 / bitrate): the window opens early by the error and listens ±error around the
    /// preamble, whose 5 bytes the FSK receiver needs only 2 of to detect (RegPreambleDetect size 2 bytes).
    /// </summary>
    public static class RxWindowTiming
    {
        /// <summary>Symbols the SX1276 needs to detect a preamble (LoRaMac-node's default MinRxSymbols).</summary>
        public const int MinRxSymbols = 6;

        /// <summary>Largest value of the SX1276's 10-bit RegSymbTimeout.</summary>
        public const int MaxSymbolTimeout = 1023;

        /// <summary>LoRa symbol time in microseconds: 2^SF · 10^6 / BW.</summary>
        public static long SymbolTimeMicroseconds(int spreadingFactor, int bandwidthHz)
        {
            return ((1L << spreadingFactor) * 1000000L) / bandwidthHz;
        }

        /// <summary>
        /// The "symbol" of a GFSK window: one byte, 8 · 10^6 / bitrate µs (160 µs at 50 kbit/s), as LoRaMac-node's
        /// RegionCommonComputeSymbolTimeFsk defines it; the same window formula then runs on bytes.
        /// </summary>
        public static long FskSymbolTimeMicroseconds(int bitRate)
        {
            return 8000000L / bitRate;
        }

        /// <summary>Symbols to listen for, covering ±<paramref name="errorMicroseconds"/> around the expected preamble.</summary>
        public static int SymbolTimeout(int spreadingFactor, int bandwidthHz, long errorMicroseconds)
        {
            return SymbolTimeoutFor(SymbolTimeMicroseconds(spreadingFactor, bandwidthHz), errorMicroseconds);
        }

        /// <summary>The same for a symbol of <paramref name="tsym"/> µs (LoRa symbol or FSK byte).</summary>
        public static int SymbolTimeoutFor(long tsym, long errorMicroseconds)
        {
            long symbols = DivCeil((2 * MinRxSymbols - 8) * tsym + 2 * errorMicroseconds, tsym);
            if (symbols < MinRxSymbols) symbols = MinRxSymbols;
            if (symbols > MaxSymbolTimeout) symbols = MaxSymbolTimeout;
            return (int)symbols;
        }

        /// <summary>
        /// Offset in milliseconds to add to RECEIVE_DELAY when opening the window (negative: open early),
        /// accounting for <paramref name="wakeUpMicroseconds"/> of radio start-up.
        /// </summary>
        public static int WindowOffsetMilliseconds(int spreadingFactor, int bandwidthHz, int symbolTimeout, long wakeUpMicroseconds)
        {
            return WindowOffsetMillisecondsFor(SymbolTimeMicroseconds(spreadingFactor, bandwidthHz), symbolTimeout, wakeUpMicroseconds);
        }

        /// <summary>The same for a symbol of <paramref name="tsym"/> µs (LoRa symbol or FSK byte).</summary>
        public static int WindowOffsetMillisecondsFor(long tsym, int symbolTimeout, long wakeUpMicroseconds)
        {
            return (int)DivCeil(4 * tsym - DivCeil(symbolTimeout * tsym, 2) - wakeUpMicroseconds, 1000);
        }

        /// <summary>C's DIV_CEIL as LoRaMac-node defines it: rounds up for a positive numerator, truncates otherwise.</summary>
        static long DivCeil(long numerator, long denominator)
        {
            return numerator > 0 ? (numerator + denominator - 1) / denominator : numerator / denominator;
        }
    }
}
