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
        /// <summary>
        /// The radio settings of <see cref="Frame"/>: frequency and power are written per transmission, the data rate's
        /// fields (SF, bandwidth, FSK bit rate, preamble) only when <see cref="ConfigDataRate"/> changes, the rest once here
        /// (issue 20: seven field writes per uplink, the same values every time). Written by the MAC only.
        /// </summary>
        internal readonly TxConfig Config = new TxConfig();
        /// <summary>The data rate whose fields <see cref="Config"/> holds; −1: none yet.</summary>
        internal int ConfigDataRate = -1;
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
            TxConfig config = Config;
            config.CodingRate = 1;     // 4/5 (RP002-1.0.4 LoRa data rates)
            config.Crc = true;         // uplinks carry a payload CRC (LoRaWAN 1.0.4 §4.1)
            config.InvertIq = false;   // uplinks are sent with IQ not inverted
        }
    }
}
