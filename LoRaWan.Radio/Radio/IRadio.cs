namespace LoRaWan.Radio
{
    /// <summary>
    /// The radio as the MAC sees it: eight operations and an event sink. Every operation but
    /// <see cref="IsChannelFree"/> returns at once; completion arrives through <see cref="IRadioEventSink.OnRadioEvent"/>
    /// with a timestamp.
    /// </summary>
    /// <remarks>
    /// <para>
    /// One TX watchdog, with the timer in the MAC and the recovery in the radio. The MAC arms its one alarm for
    /// the uplink's air time + a margin when it calls <see cref="Transmit"/> (it knows the air time, and its alarm
    /// is idle while it transmits); when that deadline passes without TxDone or TxTimeout it calls
    /// <see cref="TxDeadlinePassed"/> once, and the radio, which alone can tell "the chip finished but its
    /// interrupt was lost" from "the chip never finished", reports which. A radio therefore needs no timer of its
    /// own for TX (the SX1276 driver has none), and no transmission is watched by two timers.
    /// </para>
    /// <para>
    /// The margin is 200 ms (ClassAMac.TxDeadlineMarginUs). The end of a LoRa frame is known to microseconds (the
    /// datasheet's air-time formula, crystal error tens of ppm); what the margin covers is the time from the MAC's
    /// stamp to the chip entering TX (a few milliseconds of register writes on the interpreter, more if the thread
    /// is pre-empted or a garbage collection runs) and the alarm's own lateness. It is well under RECEIVE_DELAY1
    /// (1 s, LoRaWAN 1.0.4 §3.3.1): since a recovered TxDone is stamped with the frame's real end, RX1 still
    /// opens on time, so a lost interrupt costs a few register reads and no downlink. A DIO interrupt that is
    /// merely late is harmless either way: whichever comes first reports, the other finds nothing to do.
    /// </para>
    /// </remarks>
    public interface IRadio
    {
        /// <summary>Where TxDone/RxDone/RxTimeout/RxCrcError/TxTimeout are reported.</summary>
        void SetEventSink(IRadioEventSink sink);

        /// <summary>Sync word selection: true = LoRaWAN public network (0x34), false = private (0x12).</summary>
        void SetPublicNetwork(bool isPublic);

        /// <summary>
        /// Starts sending <paramref name="length"/> bytes of <paramref name="buffer"/>; TxDone follows (or TxTimeout
        /// when the radio cannot send). Exactly one of the two per call, unless <see cref="TxDeadlinePassed"/>
        /// asks again.
        /// </summary>
        void Transmit(TxConfig config, byte[] buffer, int offset, int length);

        /// <summary>
        /// The MAC's TX deadline (air time + margin after <see cref="Transmit"/>) passed without the outcome of the
        /// last transmission reaching it. The contract, for every implementation: before returning, report the
        /// outcome through the event sink (synchronously, so the MAC never waits on a second timer):
        /// <list type="bullet">
        /// <item>still transmitting as far as the radio knew, but the hardware says it finished (its completion
        /// interrupt was lost): <see cref="RadioEvent.TxDone"/> stamped with the frame's end (computed, or now when
        /// unknown);</item>
        /// <item>still transmitting and the hardware has not finished: stop the transmitter and report
        /// <see cref="RadioEvent.TxTimeout"/> (a longer recovery, such as a reset, may wait for the next command);</item>
        /// <item>the outcome was already reported: report it again, same event and stamp (the MAC may have lost
        /// it; it ignores a duplicate).</item>
        /// </list>
        /// Called on the MAC's thread; must not block beyond a few register accesses. The MAC calls it only while it
        /// is transmitting, at most once per transmission.
        /// </summary>
        void TxDeadlinePassed();

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

        /// <summary>
        /// Starts an unmodulated carrier (continuous wave) on <paramref name="frequencyHz"/> at
        /// <paramref name="powerDbm"/> conducted output power, for the certification protocol's TxCwReq (TS009-1.0.0
        /// §5.14: a test harness measures the device's RF output). The carrier stays on until the next
        /// <see cref="Sleep"/>, <see cref="Transmit"/>, <see cref="Receive"/>, <see cref="ReceiveContinuous"/> or
        /// <see cref="IsChannelFree"/>: the radio keeps no timer of its own, the caller ends it (the MAC on its alarm,
        /// then <see cref="Sleep"/>). No event is reported while it runs, none when it ends; only when the radio could
        /// not start it at all (the chip does not answer) does <see cref="RadioEvent.TxTimeout"/> follow. The power is
        /// limited as for a frame (the radio's range and its own limits).
        /// </summary>
        void StartContinuousWave(uint frequencyHz, int powerDbm);

        /// <summary>Puts the radio into its lowest-power state.</summary>
        void Sleep();
    }
}
