namespace LoRaWan.Simulation
{
    /// <summary>The receive window a downlink is scheduled in (LoRaWAN 1.0.4 §3.3, Class C §6).</summary>
    public enum RxWindow
    {
        /// <summary>No window (the downlink could not be sent).</summary>
        None = 0,

        /// <summary>RX1: RECEIVE_DELAY1 (JOIN_ACCEPT_DELAY1) after the uplink, frequency and DR from the uplink.</summary>
        Rx1 = 1,

        /// <summary>RX2: one second after RX1, at the session's RX2 frequency and data rate.</summary>
        Rx2 = 2,

        /// <summary>
        /// RXC of a Class C device (LoRaWAN 1.0.4 §6): any time the device is not transmitting or in RX1, at the RX2
        /// frequency and data rate.
        /// </summary>
        RxC = 3,
    }
}
