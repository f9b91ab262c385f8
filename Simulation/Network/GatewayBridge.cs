namespace LoRaWan.Simulation
{
    /// <summary>
    /// Connects the simulated gateway on the air to the network server: every uplink the gateway hears goes to
    /// <see cref="NetworkServer.OnUplink"/> with its metadata, and every downlink the server schedules is sent by
    /// the gateway at exactly the requested time (inverted IQ, no CRC), or refused when that time has passed.
    /// </summary>
    public sealed class GatewayBridge : IUplinkReceiver, IDownlinkTransmitter
    {
        readonly GatewayEndpoint _gateway;
        readonly VirtualScheduler _scheduler;
        readonly UplinkMetadata _metadata = new UplinkMetadata();
        NetworkServer _server;

        /// <summary>Gateway identifier reported with each uplink.</summary>
        public ulong GatewayId = 0x0000000000000001UL;

        /// <param name="gateway">the gateway on the air</param>
        /// <param name="scheduler">virtual time</param>
        public GatewayBridge(GatewayEndpoint gateway, VirtualScheduler scheduler)
        {
            _gateway = gateway;
            _scheduler = scheduler;
            gateway.SetUplinkReceiver(this);
        }

        /// <summary>The server uplinks are handed to (set once it exists; it needs this bridge as its transmitter).</summary>
        public void Connect(NetworkServer server)
        {
            _server = server;
        }

        /// <inheritdoc />
        public void OnUplink(byte[] payload, int offset, int length, uint frequencyHz, int spreadingFactor, int bandwidthHz,
            ulong endUs, int rssiDbm, int snrQuarterDb)
        {
            if (_server == null) return;
            _metadata.Set(frequencyHz, spreadingFactor, bandwidthHz, endUs, rssiDbm, snrQuarterDb / 4f, GatewayId);
            _server.OnUplink(payload, offset, length, _metadata);
        }

        /// <inheritdoc />
        public bool Transmit(ulong startUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] buffer, int offset, int length)
        {
            if (startUs < _scheduler.NowMicroseconds) return false;
            _gateway.Transmit(startUs, frequencyHz, spreadingFactor, bandwidthHz, buffer, offset, length, true);
            return true;
        }
    }
}
