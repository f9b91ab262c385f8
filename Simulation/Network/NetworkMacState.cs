using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// What the network server knows and expects of one session's MAC commands: the settings it believes the device
    /// uses (TX power index, NbTrans, MaxDCycle; data rate comes from each uplink), the SNR history ADR decides on,
    /// the requests queued for the next downlink and those a downlink carried (with the answer each should get),
    /// the last DevStatusAns, and on-demand requests waiting to be sent.
    /// </summary>
    public sealed class NetworkMacState
    {
        /// <summary>Most requests one FOpts (15 bytes) can carry.</summary>
        internal const int MaxRequests = 15;

        internal NetworkMacState(Region region)
        {
            Scratch = region.CreateChannelPlan();
            BlockScratch = region.CreateChannelPlan();
            RequestRxDelaySeconds = -1;
            RequestMaxDutyCycle = -1;
            RequestTxParam = -1;
            RequestDlChannel = -1;
            DataRate = -1;
            AdrHistoryDataRate = -1;
            LastBattery = -1;
            NbTrans = 1;
            RequestAdrParam = -1;
            AdrAckLimitExponent = -1;
            AdrAckDelayExponent = -1;
            AnswerRekey = -1;
            AnswerReset = -1;
            AnswerDeviceMode = -1;
            RequestForceRejoin = -1;
            RequestRejoinParam = -1;
            RejoinParamTimeOk = -1;
        }

        // ---- what the network believes ----

        /// <summary>The data rate of the last uplink (−1 before the first).</summary>
        public int DataRate { get; internal set; }

        /// <summary>The TX power index the device was last told (0 = max EIRP, the default).</summary>
        public int TxPowerIndex { get; internal set; }

        /// <summary>NbTrans the device was last told (1 by default).</summary>
        public int NbTrans { get; internal set; }

        /// <summary>MaxDCycle the device accepted (0 = none).</summary>
        public int MaxDutyCycle { get; internal set; }

        /// <summary>LinkADRReq commands the device accepted.</summary>
        public int AdrChanges { get; internal set; }

        /// <summary>The battery byte of the last DevStatusAns (−1 before the first).</summary>
        public int LastBattery { get; internal set; }

        /// <summary>The margin (dB) of the last DevStatusAns.</summary>
        public int LastMarginDb { get; internal set; }

        /// <summary>DevStatusAns received.</summary>
        public int DevStatusCount { get; internal set; }

        /// <summary>
        /// LoRaWAN 1.1: Limit_exp the device accepted with ADRParamSetupAns (ADR_ACK_LIMIT = 2^Limit_exp, §5.11); −1 while
        /// it uses the regional default.
        /// </summary>
        public int AdrAckLimitExponent { get; internal set; }

        /// <summary>LoRaWAN 1.1: Delay_exp the device accepted (ADR_ACK_DELAY = 2^Delay_exp); −1 while it uses the regional default.</summary>
        public int AdrAckDelayExponent { get; internal set; }

        /// <summary>LoRaWAN 1.1: ADRParamSetupAns received.</summary>
        public int AdrParamSetupCount { get; internal set; }

        /// <summary>LoRaWAN 1.1 §5.14: RejoinParamSetupAns received.</summary>
        public int RejoinParamSetupCount { get; internal set; }

        /// <summary>LoRaWAN 1.1 §5.14: the TimeOK bit of the last RejoinParamSetupAns (1: the device takes MaxTimeN too), −1 before one.</summary>
        public int RejoinParamTimeOk { get; internal set; }

        /// <summary>LoRaWAN 1.1 §5.13: ForceRejoinReq sent (it has no answer).</summary>
        public int ForceRejoinCount { get; internal set; }

        // ---- ADR history (LoRaWAN 1.0.4 §4.3.1.1, The Things Stack's ADR on the last 20 uplinks) ----

        internal readonly float[] AdrSnr = new float[NetworkMacOptions.AdrHistoryLength];
        internal int AdrCount;
        internal int AdrNext;
        internal int AdrHistoryDataRate;
        internal int AdrHistoryPower;

        internal void ClearAdrHistory()
        {
            AdrCount = 0;
            AdrNext = 0;
        }

        /// <summary>The configured minimum history, kept within 1 .. the history length.</summary>
        internal int AdrMinUplinks(int configured)
        {
            if (configured < 1) return 1;
            return configured > AdrSnr.Length ? AdrSnr.Length : configured;
        }

        internal void AddSnr(float snrDb)
        {
            AdrSnr[AdrNext] = snrDb;
            AdrNext = (AdrNext + 1) % AdrSnr.Length;
            if (AdrCount < AdrSnr.Length) AdrCount++;
        }

        // ---- DevStatusReq schedule ----

        internal bool DevStatusEverAsked;
        internal uint DevStatusFCnt;
        internal ulong DevStatusUs;

        // ---- on-demand requests (−1 = none) ----

        internal int RequestRxDelaySeconds;
        internal int RequestMaxDutyCycle;
        internal int RequestTxParam;
        internal int RequestDlChannel;
        internal uint RequestDlFrequencyHz;
        internal int RequestAdrParam;
        /// <summary>ForceRejoinReq's two payload bytes (first in bits 15..8), −1 = none.</summary>
        internal int RequestForceRejoin;
        /// <summary>RejoinParamSetupReq's payload byte (MaxTimeN | MaxCountN), −1 = none.</summary>
        internal int RequestRejoinParam;

        // ---- LoRaWAN 1.1 confirmations for the device's indications of this uplink (−1 = none) ----

        internal int AnswerRekey;
        internal int AnswerReset;
        internal int AnswerDeviceMode;

        // ---- requests in the next downlink, then in flight ----

        /// <summary>The commands handed to <see cref="NetworkSession.SetPendingFOpts"/>; <see cref="QueuedLength"/> bytes.</summary>
        internal readonly byte[] Queued = new byte[15];
        internal int QueuedLength;
        /// <summary>Expected answer status per queued command (−1: no status byte; −2: no answer expected).</summary>
        internal readonly int[] QueuedExpected = new int[MaxRequests];
        internal readonly int[] QueuedOffset = new int[MaxRequests];
        internal int QueuedCount;

        /// <summary>The commands of the last downlink, whose answers the next uplink must carry.</summary>
        internal readonly byte[] InFlight = new byte[15];
        internal readonly int[] InFlightExpected = new int[MaxRequests];
        internal readonly int[] InFlightOffset = new int[MaxRequests];
        internal readonly bool[] InFlightAnswered = new bool[MaxRequests];
        internal int InFlightCount;
        internal int InFlightLength;

        /// <summary>Sticky answers accepted, by CID: seen, status byte (−1 when the answer has none), downlinks sent by then.</summary>
        internal readonly bool[] StickySeen = new bool[16];
        internal readonly int[] StickyStatus = new int[16];
        internal readonly int[] StickyDownlinks = new int[16];

        /// <summary>Per in-flight request: the index of the first LinkADRReq of its block (−1 for other commands).</summary>
        internal readonly int[] InFlightBlockStart = new int[MaxRequests];
        internal readonly int[] QueuedBlockStart = new int[MaxRequests];

        /// <summary>Scratch plans for computing what the device should answer.</summary>
        internal readonly ChannelPlan Scratch;
        internal readonly ChannelPlan BlockScratch;
    }
}
