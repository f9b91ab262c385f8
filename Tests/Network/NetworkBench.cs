using LoRaWan.Regions;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Network
{
    /// <summary>A network server on a manual clock with a recording gateway, and a way to feed it uplinks.</summary>
    public sealed class NetworkBench
    {
        public readonly ManualClock Clock = new ManualClock();
        public readonly FakeTransmitter Transmitter = new FakeTransmitter();
        public readonly UplinkMetadata Metadata = new UplinkMetadata();
        public readonly Region Region;
        public readonly NetworkServer Server;

        public NetworkBench(string region, NetworkOptions options)
        {
            Region = Region.Create(region);
            Server = new NetworkServer(Region, Clock, Transmitter, options == null ? new NetworkOptions() : options);
        }

        /// <summary>
        /// One gateway (id 1, −80 dBm, 7.5 dB) reports <paramref name="frame"/> that ended on air at
        /// <paramref name="endUs"/>; the server clock reads 20 ms later (backhaul).
        /// </summary>
        public void Send(byte[] frame, uint frequencyHz, int spreadingFactor, int bandwidthHz, ulong endUs)
        {
            SendVia(frame, frequencyHz, spreadingFactor, bandwidthHz, endUs, 1, -80, endUs + 20000);
        }

        /// <summary>Gateway <paramref name="gatewayId"/> reports the frame with <paramref name="rssiDbm"/>, arriving at <paramref name="nowUs"/>.</summary>
        public void SendVia(byte[] frame, uint frequencyHz, int spreadingFactor, int bandwidthHz, ulong endUs, ulong gatewayId, int rssiDbm, ulong nowUs)
        {
            Clock.NowMicroseconds = nowUs;
            Metadata.Set(frequencyHz, spreadingFactor, bandwidthHz, endUs, rssiDbm, 7.5f, gatewayId);
            Server.OnUplink(frame, 0, frame.Length, Metadata);
        }
    }
}
