using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The frame the MAC puts on air (a JoinRequest or a data uplink) and how it went out: the channel, data rate,
    /// frequency and air time chosen at transmit time, and how many times this operation has sent it. Channel
    /// selection and the retransmission delay draw on <see cref="Random"/>. One instance per MAC, reused.
    /// </summary>
    internal sealed class Transmission
    {
        /// <summary>Largest PHYPayload (LoRaWAN: MHDR + 250-byte MACPayload + MIC ≤ 255).</summary>
        internal const int MaxPhyPayload = 255;

        internal readonly byte[] Frame = new byte[MaxPhyPayload];
        internal readonly TxConfig Config = new TxConfig();
        internal readonly IRandomSource Random;
        /// <summary>The uplink data rate's row (SF, bandwidth, air time of the last length).</summary>
        internal readonly DataRateRow Row = new DataRateRow();
        /// <summary>Bytes of <see cref="Frame"/> in use.</summary>
        internal int Length;
        /// <summary>Transmissions of the current operation's frame (NbTrans, confirmed retries).</summary>
        internal int Count;
        internal int Channel;
        internal int DataRate;
        internal uint FrequencyHz;
        internal ulong AirTimeUs;
        internal ulong StartUs;

        internal Transmission(IRandomSource random)
        {
            Random = random;
        }
    }
}
