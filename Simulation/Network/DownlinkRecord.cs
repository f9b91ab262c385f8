namespace LoRaWan.Simulation
{
    /// <summary>One downlink the server scheduled: where, when, what and what became of it.</summary>
    public sealed class DownlinkRecord
    {
        /// <summary>DevEUI of the device (0 for an ABP device registered without one).</summary>
        public ulong DevEui { get; internal set; }

        /// <summary>DevAddr (for a Join-accept: the address it assigns).</summary>
        public uint DevAddr { get; internal set; }

        /// <summary>True for a Join-accept.</summary>
        public bool IsJoinAccept { get; internal set; }

        /// <summary>RX1 or RX2.</summary>
        public RxWindow Window { get; internal set; }

        /// <summary>When the preamble starts (simulation clock), including any injected lateness.</summary>
        public ulong StartUs { get; internal set; }

        /// <summary>The end of the uplink it answers (the window reference).</summary>
        public ulong UplinkEndUs { get; internal set; }

        /// <summary>Lateness injected by <see cref="NetworkServer.DelayDownlinks"/> (µs), 0 normally.</summary>
        public ulong LateByUs { get; internal set; }

        /// <summary>Downlink frequency in Hz.</summary>
        public uint FrequencyHz { get; internal set; }

        /// <summary>Data rate index.</summary>
        public int DataRate { get; internal set; }

        /// <summary>Spreading factor.</summary>
        public int SpreadingFactor { get; internal set; }

        /// <summary>Bandwidth in Hz.</summary>
        public int BandwidthHz { get; internal set; }

        /// <summary>PHYPayload size in bytes.</summary>
        public int Length { get; internal set; }

        /// <summary>Time on air in µs (no CRC, as downlinks are sent).</summary>
        public ulong AirTimeUs { get; internal set; }

        /// <summary>FCntDown (32 bits) of a data downlink; LoRaWAN 1.1: AFCntDown when it has an FPort 1..255, NFCntDown otherwise.</summary>
        public uint FCntDown { get; internal set; }

        /// <summary>FPort, or −1 when it carries none.</summary>
        public int FPort { get; internal set; }

        /// <summary>Application payload length (clear).</summary>
        public int PayloadLength { get; internal set; }

        /// <summary>FOpts length (MAC commands).</summary>
        public int FOptsLength { get; internal set; }

        /// <summary>Confirmed Data Down.</summary>
        public bool Confirmed { get; internal set; }

        /// <summary>ACK bit set (answers a confirmed uplink).</summary>
        public bool Ack { get; internal set; }

        /// <summary>FPending bit set.</summary>
        public bool FPending { get; internal set; }

        /// <summary>The queued item it carries, or null.</summary>
        public QueuedDownlink Item { get; internal set; }

        /// <summary>Lost on purpose by <see cref="NetworkServer.DropDownlinks"/>: never handed to the transmitter.</summary>
        public bool Dropped { get; internal set; }

        internal void Clear()
        {
            DevEui = 0; DevAddr = 0; IsJoinAccept = false; Window = RxWindow.None; StartUs = 0; UplinkEndUs = 0;
            LateByUs = 0; FrequencyHz = 0; DataRate = 0; SpreadingFactor = 0; BandwidthHz = 0; Length = 0;
            AirTimeUs = 0; FCntDown = 0; FPort = -1; PayloadLength = 0; FOptsLength = 0; Confirmed = false;
            Ack = false; FPending = false; Item = null; Dropped = false;
        }
    }
}
