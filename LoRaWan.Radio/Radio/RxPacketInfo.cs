namespace LoRaWan.Radio
{
    /// <summary>Link quality of the last received frame (filled by <see cref="IRadio.ReadPacket"/>).</summary>
    public sealed class RxPacketInfo
    {
        /// <summary>Packet RSSI in dBm.</summary>
        public int RssiDbm;
        /// <summary>Packet SNR in quarter dB (SX1276 RegPktSnrValue, signed); divide by 4 for dB.</summary>
        public int SnrQuarterDb;
    }
}
