namespace LoRaWan.Simulation
{
    /// <summary>
    /// What the network server asks devices for with MAC commands (LoRaWAN 1.0.4 §5), modelled on The Things Stack's
    /// network server. <see cref="Enabled"/> switches the network-initiated commands on (off by default, so a server
    /// that is not asked to manage devices sends nothing unrequested); LinkCheckReq and DeviceTimeReq are always
    /// answered and every answer a device sends is always checked. Change it at any time through
    /// <see cref="NetworkServer.Mac"/>.
    /// </summary>
    public sealed class NetworkMacOptions
    {
        /// <summary>The Things Stack's default ADR installation margin: 15 dB.</summary>
        public const float TtsInstallationMarginDb = 15f;

        /// <summary>SNR margin covered by one ADR step (one data rate up or one TX power step down): 3 dB.</summary>
        public const float AdrStepDb = 3f;

        /// <summary>Uplinks whose SNR the ADR algorithm considers: the last 20.</summary>
        public const int AdrHistoryLength = 20;

        /// <summary>The Things Stack's default: a DevStatusReq every 200 uplinks…</summary>
        public const int TtsDevStatusPeriodUplinks = 200;

        /// <summary>…or every 24 hours, whichever comes first.</summary>
        public const ulong TtsDevStatusPeriodUs = 24UL * 3600UL * 1000000UL;

        /// <summary>Options with The Things Stack defaults, network-initiated commands off.</summary>
        public NetworkMacOptions()
        {
            Adr = true;
            InstallationMarginDb = TtsInstallationMarginDb;
            AdrMinUplinks = AdrHistoryLength;
            DevStatusPeriodUplinks = TtsDevStatusPeriodUplinks;
            DevStatusPeriodUs = TtsDevStatusPeriodUs;
            ExtraChannels = true;
            Rx1DrOffset = -1;
            Rx2DataRate = -1;
            GpsSecondsAtZero = 1400000000;
        }

        /// <summary>Network-initiated MAC commands on (ADR, DevStatusReq, NewChannelReq, RXParamSetupReq, on-demand ones).</summary>
        public bool Enabled { get; set; }

        /// <summary>Run ADR for devices that set the ADR bit (default true; needs <see cref="Enabled"/>).</summary>
        public bool Adr { get; set; }

        /// <summary>ADR installation margin in dB (default 15, as The Things Stack).</summary>
        public float InstallationMarginDb { get; set; }

        /// <summary>Uplinks at the current data rate and power needed before ADR decides (1..20; default 20).</summary>
        public int AdrMinUplinks { get; set; }

        /// <summary>Uplinks between DevStatusReq (0 = never by count).</summary>
        public int DevStatusPeriodUplinks { get; set; }

        /// <summary>Time between DevStatusReq in µs (0 = never by time). The first is asked at the first opportunity.</summary>
        public ulong DevStatusPeriodUs { get; set; }

        /// <summary>
        /// Dynamic plans: add the CFList channels (<see cref="NetworkOptions.GetCfListFrequencies"/>) with NewChannelReq
        /// when the device does not have them (ABP devices, or Join-accepts sent without a CFList). Default true.
        /// </summary>
        public bool ExtraChannels { get; set; }

        /// <summary>RX1DROffset to move devices to with RXParamSetupReq; −1 (default) = leave it.</summary>
        public int Rx1DrOffset { get; set; }

        /// <summary>RX2 data rate to move devices to with RXParamSetupReq; −1 (default) = leave it.</summary>
        public int Rx2DataRate { get; set; }

        /// <summary>RX2 frequency in Hz to move devices to with RXParamSetupReq; 0 (default) = leave it.</summary>
        public uint Rx2FrequencyHz { get; set; }

        /// <summary>GPS time (seconds since 1980-01-06) when the server clock reads 0; DeviceTimeAns counts from it.</summary>
        public ulong GpsSecondsAtZero { get; set; }
    }
}
