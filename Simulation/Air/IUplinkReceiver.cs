namespace LoRaWan.Simulation
{
    /// <summary>What sits behind a <see cref="GatewayEndpoint"/> (the network server model): told of each uplink heard.</summary>
    public interface IUplinkReceiver
    {
        /// <summary>
        /// An uplink ended at <paramref name="endUs"/> and was demodulated. <paramref name="payload"/> is valid only
        /// during the call (copy what you keep). <paramref name="snrQuarterDb"/> is the SNR in quarter dB. A GFSK uplink
        /// comes with <paramref name="spreadingFactor"/> 0 and its bit rate in <paramref name="bandwidthHz"/> (bit/s).
        /// </summary>
        void OnUplink(byte[] payload, int offset, int length, uint frequencyHz, int spreadingFactor, int bandwidthHz,
            ulong endUs, int rssiDbm, int snrQuarterDb);
    }
}
