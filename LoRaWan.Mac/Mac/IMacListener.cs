namespace LoRaWan.Mac
{
    /// <summary>
    /// What the state machine reports; called on the MAC's thread, never from interrupt context, and only after the
    /// transition that caused it is complete (receive windows closed, the uplink completed): the MAC may be called back.
    /// </summary>
    public interface IMacListener
    {
        /// <summary>A join attempt cycle ended: joined, or this attempt got no valid join-accept (the MAC retries).</summary>
        void OnJoinAttempt(bool joined, int attempt);

        /// <summary>
        /// An uplink request finished. <paramref name="outcome"/> is the MAC's own, reused: valid during this call (no
        /// struct is copied for it; on nanoCLR each copy of a <see cref="SendResult"/> allocates).
        /// </summary>
        void OnUplinkCompleted(UplinkOutcome outcome);

        /// <summary>An application downlink arrived (the instance is reused).</summary>
        void OnDownlink(Downlink downlink);
    }
}
