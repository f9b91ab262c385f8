namespace LoRaWan.Mac
{
    /// <summary>
    /// What the MAC found of its join-nonce record at start-up (<see cref="ClassAMac.NonceStatus"/>). The DevNonce
    /// counter lives only in that record; LoRaWAN 1.0.4 §6.2.5 forbids reusing a DevNonce and 1.0.4 join servers
    /// (The Things Stack, ChirpStack) drop join requests with one they have seen, so a device that lost the record
    /// and starts again at DevNonce 0 cannot join until its used DevNonces are reset on the network.
    /// </summary>
    public enum NonceRecordStatus
    {
        /// <summary>A valid record was read: DevNonce continues where it stopped.</summary>
        Restored = 0,
        /// <summary>
        /// No trace of a record: a device that never joined, or a flash wiped whole (nanoff --masserase, a file
        /// system formatted because it would not mount), which looks the same from the device. DevNonce starts at 0.
        /// </summary>
        NeverWritten = 1,
        /// <summary>
        /// The record was there and is not: its slots hold data that is no longer a valid record, or a session from
        /// an OTAA join (which always saves the nonces first) was found without it. DevNonce starts at 0: the network
        /// will most likely refuse the joins (README, Troubleshooting).
        /// </summary>
        Lost = 2,
    }
}
