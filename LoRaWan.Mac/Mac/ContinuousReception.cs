using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The Class C receive policy (LoRaWAN 1.0.4 §15): whether RXC is open on the radio and with which parameters, the
    /// class the application asked for, and when a receiver that would not start may be tried again. The MAC opens RXC
    /// (the session's RX2 frequency and data rate) whenever it is in a state where the radio is otherwise idle — Idle,
    /// BackingOff, and between the end of the uplink and RX1 and between RX1 and RX2 (WaitingRx1, WaitingRx2) — and marks
    /// it closed whenever it uses the radio for something else (transmit, RX1/RX2, carrier sense, sleep): a transmission
    /// interrupts RXC, RX1 and RX2 take precedence, and RXC is reopened after every frame, error and window.
    /// One instance per MAC, reused.
    /// </summary>
    internal sealed class ContinuousReception
    {
        /// <summary>How long the MAC waits before asking a radio that could not start RXC again.</summary>
        internal const ulong RetryDelayUs = 1000000;

        /// <summary>The receiver settings RXC was opened with.</summary>
        internal readonly RxConfig Config = new RxConfig();
        /// <summary>The data rate RXC was opened with (the session's RX2 data rate then).</summary>
        internal int DataRate = -1;
        /// <summary>The class the application asked for last (the MAC applies it on its thread).</summary>
        internal DeviceClass Requested;
        /// <summary>RXC is open: from <see cref="IRadio.ReceiveContinuous"/> until the MAC next uses the radio.</summary>
        internal bool Open;
        /// <summary>
        /// KeepRxc may have work after an input: RXC is open or the session may be Class C. Set whenever either may have
        /// become true (RXC opened, the class written, the session restored); cleared by KeepRxc when it finds neither. So
        /// never false while one holds (issue 20: one field read per event instead of two field chains).
        /// </summary>
        internal bool Watch = true;
        /// <summary>RXC is not reopened before this time (µs), after the radio could not start it (0: at once).</summary>
        internal ulong RetryAtUs;

        /// <summary>True when RXC is open with <paramref name="frequencyHz"/> and <paramref name="dataRate"/>.</summary>
        internal bool IsOpenOn(uint frequencyHz, int dataRate)
        {
            return Open && Config.FrequencyHz == frequencyHz && DataRate == dataRate;
        }

        /// <summary>Sets the receiver up for a downlink on <paramref name="frequencyHz"/> at SF/bandwidth (LoRaWAN 1.0.4 §4.1: no CRC, inverted IQ).</summary>
        internal void Configure(uint frequencyHz, int dataRate, int spreadingFactor, int bandwidthHz)
        {
            RxConfig c = Config;
            c.FrequencyHz = frequencyHz;
            c.SpreadingFactor = spreadingFactor;
            c.BandwidthHz = bandwidthHz;
            c.CodingRate = 1;
            c.PreambleSymbols = 8;
            c.Crc = false;
            c.InvertIq = true;
            c.SymbolTimeout = 0;   // ignored in continuous reception
            DataRate = dataRate;
        }
    }
}
