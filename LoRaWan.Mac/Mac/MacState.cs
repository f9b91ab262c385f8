namespace LoRaWan.Mac
{
    /// <summary>The states of the Class A state machine (LoRaWAN 1.0.4 §3.3: an uplink, then two receive windows).</summary>
    public enum MacState
    {
        /// <summary>Nothing in progress.</summary>
        Idle = 0,
        /// <summary>Waiting for a channel/band to be free (duty cycle, join back-off) or for a retransmission delay.</summary>
        BackingOff = 1,
        /// <summary>An uplink (data or join request) is on air; waiting for TxDone.</summary>
        Transmitting = 2,
        /// <summary>TxDone seen; waiting for RX1 to open.</summary>
        WaitingRx1 = 3,
        /// <summary>The radio listens in RX1.</summary>
        Rx1 = 4,
        /// <summary>RX1 is over without a frame for us; waiting for RX2 to open.</summary>
        WaitingRx2 = 5,
        /// <summary>The radio listens in RX2.</summary>
        Rx2 = 6,
        /// <summary>
        /// The radio sends an unmodulated carrier (TS009-1.0.0 §5.14 TxCwReq, <see cref="ClassAMac.StartContinuousWave"/>)
        /// until the alarm ends it; then the radio sleeps and the MAC is Idle.
        /// </summary>
        ContinuousWave = 7,
    }
}
