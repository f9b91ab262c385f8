namespace LoRaWan.Radio
{
    /// <summary>
    /// The radio as the MAC sees it: seven operations and an event sink. Every operation but
    /// <see cref="IsChannelFree"/> returns at once; completion arrives through <see cref="IRadioEventSink.OnRadioEvent"/>
    /// with a timestamp.
    /// </summary>
    public interface IRadio
    {
        /// <summary>Where TxDone/RxDone/RxTimeout/RxCrcError/TxTimeout are reported.</summary>
        void SetEventSink(IRadioEventSink sink);

        /// <summary>Sync word selection: true = LoRaWAN public network (0x34), false = private (0x12).</summary>
        void SetPublicNetwork(bool isPublic);

        /// <summary>Starts sending <paramref name="length"/> bytes of <paramref name="buffer"/>; TxDone follows.</summary>
        void Transmit(TxConfig config, byte[] buffer, int offset, int length);

        /// <summary>Starts one single reception; RxDone, RxTimeout or RxCrcError follows.</summary>
        void Receive(RxConfig config);

        /// <summary>
        /// Starts continuous reception, the receiver of a Class C device (LoRaWAN 1.0.4 §6): the radio listens with
        /// <paramref name="config"/> (frequency, SF, bandwidth, IQ; <see cref="RxConfig.SymbolTimeout"/> is ignored)
        /// until the next <see cref="Transmit"/>, <see cref="Receive"/>, <see cref="IsChannelFree"/> or
        /// <see cref="Sleep"/>, which each end it first. Every frame reports <see cref="RadioEvent.RxDone"/> (read it
        /// with <see cref="ReadPacket"/> before the next frame ends: only the last one is kept) or
        /// <see cref="RadioEvent.RxCrcError"/>, and the radio keeps listening: no RxTimeout, no call needed to
        /// continue. <see cref="RadioEvent.RxTimeout"/> comes only when the radio could not start listening at all
        /// (the chip does not answer); the caller should not retry at once then.
        /// </summary>
        void ReceiveContinuous(RxConfig config);

        /// <summary>
        /// Copies the last received frame into <paramref name="buffer"/> at <paramref name="offset"/> (at most
        /// <paramref name="maxLength"/> bytes) and returns its length, filling <paramref name="info"/> with its
        /// RSSI and SNR. Returns 0 when there is no frame.
        /// </summary>
        int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info);

        /// <summary>
        /// Listen-before-talk carrier sense: listens on <paramref name="frequencyHz"/> with a receive bandwidth of
        /// <paramref name="bandwidthHz"/> for <paramref name="senseTimeUs"/> and returns false as soon as the RSSI
        /// exceeds <paramref name="rssiThresholdDbm"/>, true when it never did. Blocks the caller for about the sense
        /// time (a bounded few milliseconds: KR920 senses 6 ms), which keeps the MAC's transmit path one straight call;
        /// leaves the radio idle. A radio that cannot sense returns false (never transmit on a channel not sensed).
        /// </summary>
        bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs);

        /// <summary>Puts the radio into its lowest-power state.</summary>
        void Sleep();
    }
}
