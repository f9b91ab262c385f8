namespace LoRaWan.Mac
{
    /// <summary>
    /// Optional observer of the state machine's steps, for timelines and field diagnostics. Called on the MAC's
    /// thread; implementations must be quick. Null by default (no cost).
    /// </summary>
    public interface IMacTrace
    {
        /// <summary>An uplink (join request when <paramref name="join"/>) was handed to the radio.</summary>
        void Transmitting(ulong nowUs, bool join, uint fCnt, int channel, uint frequencyHz, int dataRate, int length, ulong airTimeUs, int powerDbm);

        /// <summary>The radio reported the end of the uplink at <paramref name="stampUs"/>.</summary>
        void TxDone(ulong stampUs);

        /// <summary>Receive window <paramref name="window"/> (1 or 2) opened: planned for <paramref name="dueUs"/>, really at <paramref name="firedUs"/>.</summary>
        void WindowOpened(int window, ulong dueUs, ulong firedUs, uint frequencyHz, int dataRate, int symbolTimeout);

        /// <summary>Receive window <paramref name="window"/> ended, with or without a frame for this device.</summary>
        void WindowClosed(int window, ulong nowUs, bool frameForUs);

        /// <summary>The MAC waits <paramref name="waitUs"/> for duty cycle, join back-off or a retransmission delay.</summary>
        void BackingOff(ulong nowUs, ulong waitUs);
    }
}
