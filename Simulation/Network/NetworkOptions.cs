using System;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// Settings of a <see cref="NetworkServer"/>, defaulting to what The Things Stack does for a Class A device
    /// on The Things Network. Change them before constructing the server.
    /// </summary>
    public sealed class NetworkOptions
    {
        /// <summary>The Things Network's NetID (type 0, NwkID 0x13: DevAddr 26xxxxxx/27xxxxxx).</summary>
        public const uint TtnNetId = 0x000013;

        /// <summary>The Things Stack default Join-accept RxDelay and RECEIVE_DELAY1 of OTAA sessions: 5 s.</summary>
        public const int TtsRxDelaySeconds = 5;

        /// <summary>The Things Stack deduplication window: copies of a frame within 200 ms are one uplink.</summary>
        public const ulong TtsDeduplicationWindowUs = 200000;

        uint[] _cfListFrequencies;
        int _cfListCount = -1;

        /// <summary>The Things Stack's ClassBCDownlinkInterval default (pkg/networkserver/mac/utils.go): 1 s between network-initiated downlinks.</summary>
        public const ulong TtsClassCDownlinkIntervalUs = 1000000;

        /// <summary>The Things Stack's DefaultClassCTimeout (pkg/networkserver/mac/utils.go): 5 min for the device to answer a confirmed Class C downlink.</summary>
        public const ulong TtsClassCTimeoutUs = 300000000;

        /// <summary>
        /// The Things Stack gateway server's ScheduleAnytime delay for a downlink without absolute time (ScheduleTimeLong,
        /// pkg/gatewayserver/scheduling/scheduler.go: 500 ms + QueueDelay 30 ms).
        /// </summary>
        public const ulong TtsClassCScheduleDelayUs = 530000;

        /// <summary>The Things Stack application server's default-retry-attempts for a NACKed confirmed downlink: 8.</summary>
        public const int TtsConfirmedDownlinkRetries = 8;

        /// <summary>Options with The Things Stack defaults.</summary>
        public NetworkOptions()
        {
            NetId = TtnNetId;
            Rx1DrOffset = 0;
            Rx2DataRate = -1;
            RxDelaySeconds = TtsRxDelaySeconds;
            CfListEnabled = true;
            SubBand = 0;
            DeduplicationWindowUs = TtsDeduplicationWindowUs;
            RecordHistory = true;
            FirstNwkAddr = 1;
            ClassCDownlinkIntervalUs = TtsClassCDownlinkIntervalUs;
            ClassCTimeoutUs = TtsClassCTimeoutUs;
            ClassCScheduleDelayUs = TtsClassCScheduleDelayUs;
            ConfirmedDownlinkRetries = TtsConfirmedDownlinkRetries;
            OptNeg = true;
        }

        /// <summary>
        /// Answer LoRaWAN 1.1 devices as a 1.1 network (Join-accept with OptNeg = 1, the 1.1 keys and frames). False: as a
        /// LoRaWAN 1.0 network does (OptNeg = 0, the 1.0 Join-accept MIC and 1.0 session keys from NwkKey, 1.0 frames),
        /// which the device must follow (LoRaWAN 1.1 §6.2.3). Default true.
        /// </summary>
        public bool OptNeg { get; set; }

        /// <summary>Least time between two Class C downlinks to one device (and after the RX2 of its last uplink). Default 1 s.</summary>
        public ulong ClassCDownlinkIntervalUs { get; set; }

        /// <summary>
        /// How long a confirmed Class C downlink waits for the device's answering uplink before it counts as lost (and is
        /// retried like a NACKed one); the next confirmed Class C downlink waits as long. Default 5 min.
        /// </summary>
        public ulong ClassCTimeoutUs { get; set; }

        /// <summary>How far ahead of "now" a Class C downlink is given to the gateway (The Things Stack: 530 ms).</summary>
        public ulong ClassCScheduleDelayUs { get; set; }

        /// <summary>
        /// Retries of a confirmed downlink not acknowledged (NACK by the next uplink, or a Class C timeout); after that
        /// many it is given up (<see cref="QueuedDownlink.GivenUp"/>). Default 8, The Things Stack's.
        /// </summary>
        public int ConfirmedDownlinkRetries { get; set; }

        /// <summary>NetID written in every Join-accept (24 bits). Default <see cref="TtnNetId"/>.</summary>
        public uint NetId { get; set; }

        /// <summary>
        /// DevAddr prefix for OTAA addresses; 0 (the default) derives it from a type-0 NetID:
        /// NwkID = NetID bits 5..0 in DevAddr bits 31..25 (LoRaWAN Backend Interfaces 1.0 §13), so 0x000013 gives 0x26000000.
        /// </summary>
        public uint DevAddrPrefix { get; set; }

        /// <summary>Number of leading DevAddr bits <see cref="DevAddrPrefix"/> fixes; 0 = derive (7 for NetID type 0).</summary>
        public int DevAddrPrefixBits { get; set; }

        /// <summary>The first NwkAddr (low DevAddr bits) handed out; each join takes the next one.</summary>
        public uint FirstNwkAddr { get; set; }

        /// <summary>RX1DROffset sent in DLSettings and used for OTAA sessions (0..region maximum). Default 0.</summary>
        public int Rx1DrOffset { get; set; }

        /// <summary>RX2 data rate sent in DLSettings and used by OTAA sessions; −1 (default) = the region's default RX2 DR.</summary>
        public int Rx2DataRate { get; set; }

        /// <summary>RxDelay (RECEIVE_DELAY1, seconds 1..15) sent in the Join-accept. Default 5, as The Things Stack.</summary>
        public int RxDelaySeconds { get; set; }

        /// <summary>
        /// Send a CFList: for dynamic plans the extra channel frequencies (<see cref="SetCfListFrequencies"/>, by
        /// default The Things Network's EU868 channels 867.1–867.9 MHz; none for other regions); for US915/AU915 the
        /// channel mask of <see cref="SubBand"/> when it is 1..8 and the device is LoRaWAN ≥ 1.0.3. Default true.
        /// </summary>
        public bool CfListEnabled { get; set; }

        /// <summary>US915/AU915 sub-band 1..8 (e.g. 2 for The Things Network's FSB2) announced in a CFList type 1; 0 = none.</summary>
        public int SubBand { get; set; }

        /// <summary>Copies of one frame received within this time of the first copy are duplicates (gateway diversity).</summary>
        public ulong DeduplicationWindowUs { get; set; }

        /// <summary>Keep every accepted uplink and every downlink in <see cref="NetworkServer.Uplinks"/> / <see cref="NetworkServer.Downlinks"/>.</summary>
        public bool RecordHistory { get; set; }

        /// <summary>
        /// Replaces the CFList frequencies of dynamic plans (Hz, up to 5; count 0 = send no CFList). Until called,
        /// the region's The Things Network list is used (EU868: 867.1, 867.3, 867.5, 867.7, 867.9 MHz).
        /// </summary>
        public void SetCfListFrequencies(uint[] frequenciesHz, int count)
        {
            if (count < 0 || count > 5) throw new ArgumentOutOfRangeException("count", "a CFList carries 0..5 frequencies");
            if (count > 0 && (frequenciesHz == null || frequenciesHz.Length < count)) throw new ArgumentException("fewer frequencies than count", "frequenciesHz");
            _cfListFrequencies = new uint[5];
            for (int i = 0; i < count; i++) _cfListFrequencies[i] = frequenciesHz[i];
            _cfListCount = count;
        }

        /// <summary>
        /// The CFList frequencies for <paramref name="regionName"/> into <paramref name="destination"/> (5 entries);
        /// returns how many.
        /// </summary>
        public int GetCfListFrequencies(string regionName, uint[] destination)
        {
            if (_cfListCount >= 0)
            {
                for (int i = 0; i < _cfListCount; i++) destination[i] = _cfListFrequencies[i];
                return _cfListCount;
            }
            if (regionName == "EU868")
            {
                // The Things Network EU_863_870_TTN frequency plan: channels 3..7.
                destination[0] = 867100000;
                destination[1] = 867300000;
                destination[2] = 867500000;
                destination[3] = 867700000;
                destination[4] = 867900000;
                return 5;
            }
            return 0;
        }
    }
}
