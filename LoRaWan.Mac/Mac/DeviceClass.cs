namespace LoRaWan.Mac
{
    /// <summary>
    /// The device classes this stack runs (LoRaWAN 1.0.4 §3, §15): the value is the one persisted with the session.
    /// Class B (beacon-synchronised ping slots) is not implemented.
    /// </summary>
    public enum DeviceClass
    {
        /// <summary>Class A: the radio listens only in the two receive windows after each uplink (§3.3).</summary>
        A = 0,
        /// <summary>
        /// Class C: Class A, and the radio listens on RXC (the RX2 frequency and data rate) whenever it is not
        /// transmitting or in RX1/RX2 (§15). For mains-powered devices: the receiver draws about 11 mA all the time.
        /// </summary>
        C = 2,
    }
}
