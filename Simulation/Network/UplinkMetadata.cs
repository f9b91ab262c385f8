namespace LoRaWan.Simulation
{
    /// <summary>
    /// What a gateway reports with each uplink it hears (the radio side of The Things Stack's RxMetadata and
    /// TxSettings). One object can be reused for every call to <see cref="NetworkServer.OnUplink"/>: the server
    /// copies what it keeps.
    /// </summary>
    public sealed class UplinkMetadata
    {
        /// <summary>Uplink centre frequency in Hz.</summary>
        public uint FrequencyHz { get; set; }

        /// <summary>LoRa spreading factor 7..12; 0 for a GFSK uplink.</summary>
        public int SpreadingFactor { get; set; }

        /// <summary>LoRa bandwidth in Hz (125000, 250000, 500000); for a GFSK uplink its bit rate in bit/s.</summary>
        public int BandwidthHz { get; set; }

        /// <summary>
        /// The gateway's RX timestamp in µs on the simulation clock: the end of the frame on air (the moment
        /// the end-device's TxDone fires). RX1 opens RECEIVE_DELAY1 after it.
        /// </summary>
        public ulong EndUs { get; set; }

        /// <summary>Received signal strength in dBm.</summary>
        public int RssiDbm { get; set; }

        /// <summary>Signal-to-noise ratio in dB.</summary>
        public float SnrDb { get; set; }

        /// <summary>The gateway that heard the frame (e.g. its EUI).</summary>
        public ulong GatewayId { get; set; }

        /// <summary>Sets every field at once (no allocation).</summary>
        public void Set(uint frequencyHz, int spreadingFactor, int bandwidthHz, ulong endUs, int rssiDbm, float snrDb, ulong gatewayId)
        {
            FrequencyHz = frequencyHz;
            SpreadingFactor = spreadingFactor;
            BandwidthHz = bandwidthHz;
            EndUs = endUs;
            RssiDbm = rssiDbm;
            SnrDb = snrDb;
            GatewayId = gatewayId;
        }

        /// <summary>Copies every field of <paramref name="other"/>.</summary>
        public void CopyFrom(UplinkMetadata other)
        {
            Set(other.FrequencyHz, other.SpreadingFactor, other.BandwidthHz, other.EndUs, other.RssiDbm, other.SnrDb, other.GatewayId);
        }
    }
}
