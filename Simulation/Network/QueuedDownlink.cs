namespace LoRaWan.Simulation
{
    /// <summary>
    /// One application downlink in a device's queue (The Things Stack's ApplicationDownlink): port, plaintext
    /// payload and whether it is confirmed; then what happened to it.
    /// </summary>
    public sealed class QueuedDownlink
    {
        internal QueuedDownlink(int id, int port, byte[] payload, int offset, int length, bool confirmed, ulong enqueuedUs)
        {
            Id = id;
            Port = port;
            Payload = new byte[length];
            for (int i = 0; i < length; i++) Payload[i] = payload[offset + i];
            Confirmed = confirmed;
            EnqueuedUs = enqueuedUs;
        }

        /// <summary>Sequence number given by the server (1, 2, ... across all devices).</summary>
        public int Id { get; private set; }

        /// <summary>FPort 1..255.</summary>
        public int Port { get; private set; }

        /// <summary>The application payload in clear (a copy).</summary>
        public byte[] Payload { get; private set; }

        /// <summary>True for a Confirmed Data Down.</summary>
        public bool Confirmed { get; private set; }

        /// <summary>When it was queued (server clock).</summary>
        public ulong EnqueuedUs { get; private set; }

        /// <summary>How many times it has been handed to a gateway (or lost on the way, by the drop switch).</summary>
        public int Transmissions { get; internal set; }

        /// <summary>FCntDown of its last transmission.</summary>
        public uint LastFCntDown { get; internal set; }

        /// <summary>Confirmed only: the device's next uplink carried ACK (LoRaWAN 1.0.4 §4.3.1.2).</summary>
        public bool Acknowledged { get; internal set; }

        /// <summary>Confirmed only: not acknowledged after <see cref="NetworkOptions.ConfirmedDownlinkRetries"/> retries; no longer queued.</summary>
        public bool GivenUp { get; internal set; }

        /// <summary>Sent to a Class C device outside RX1/RX2 (last transmission).</summary>
        public bool SentInRxC { get; internal set; }

        /// <summary>When the acknowledging uplink was received.</summary>
        public ulong AcknowledgedUs { get; internal set; }
    }
}
