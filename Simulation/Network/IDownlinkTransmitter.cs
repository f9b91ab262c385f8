namespace LoRaWan.Simulation
{
    /// <summary>
    /// The gateway's transmit path as the network server sees it (the air and gateway model implement it).
    /// Every LoRa downlink has inverted IQ and no payload CRC (LoRaWAN 1.0.4 §4.1 / RP002 "downlink"); a GFSK downlink
    /// (RP002's FSK rows) comes as <c>spreadingFactor</c> 0 with the bit rate in <c>bandwidthHz</c> and carries its CRC.
    /// </summary>
    public interface IDownlinkTransmitter
    {
        /// <summary>
        /// Schedules <paramref name="length"/> bytes at <paramref name="buffer"/>[<paramref name="offset"/>] so the
        /// preamble starts at <paramref name="startUs"/> (simulation clock) on <paramref name="frequencyHz"/> with
        /// <paramref name="spreadingFactor"/>/<paramref name="bandwidthHz"/>. Returns false when the gateway cannot
        /// send then (busy, duty cycle, too late); the server then tries the next window. The buffer is the
        /// server's and is reused after the call returns: copy it.
        /// </summary>
        bool Transmit(ulong startUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, int offset, int length);
    }
}
