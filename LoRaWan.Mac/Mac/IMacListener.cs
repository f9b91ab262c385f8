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

        /// <summary>An uplink request finished.</summary>
        void OnUplinkCompleted(SendResult result);

        /// <summary>An application downlink arrived (the instance is reused).</summary>
        void OnDownlink(Downlink downlink);
    }
}
