namespace LoRaWan.Radio
{
    /// <summary>What a radio reports back to the MAC; each comes with the microsecond time it happened.</summary>
    public enum RadioEvent
    {
        /// <summary>No event (an empty queue slot).</summary>
        None = 0,
        /// <summary>The transmission ended (SX1276 DIO0 in TX mode). The stamp anchors RX1/RX2.</summary>
        TxDone = 1,
        /// <summary>
        /// A frame with a valid header was received (DIO0 in RX mode); read it with <see cref="IRadio.ReadPacket"/>.
        /// After a single reception the radio is idle; in continuous reception it keeps listening.
        /// </summary>
        RxDone = 2,
        /// <summary>No preamble was found within the symbol timeout of a single reception (DIO1).</summary>
        RxTimeout = 3,
        /// <summary>
        /// A frame was received but its payload CRC was wrong; it is dropped (single reception: the radio is idle;
        /// continuous reception: it keeps listening).
        /// </summary>
        RxCrcError = 4,
        /// <summary>The radio could not send, or the frame had not ended by the MAC's TX deadline (<see cref="IRadio.TxDeadlinePassed"/>): the radio stopped the transmitter.</summary>
        TxTimeout = 5,
    }
}
