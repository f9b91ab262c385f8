using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The LoRaWAN 1.1 Rejoin-requests of the device (§6.2.4): the one due next (its type, data rate, how many
    /// transmissions are left and when the next is due) and the periodic type 0 schedule that RejoinParamSetupReq set
    /// (§5.14). The session in use stays in use until a join-accept answering one of them is accepted. One instance per
    /// MAC (inside <see cref="JoinAttempt"/>), created once and reused.
    /// </summary>
    internal sealed class RejoinAttempt
    {
        /// <summary><see cref="Type"/> when no Rejoin-request is due.</summary>
        internal const int NoneDue = -1;
        /// <summary>The 1.1 §5.13 retransmission period unit: 32 s · 2^Period, plus a random 0..32 s.</summary>
        internal const ulong PeriodUnitUs = 32000000;
        /// <summary>RJcount0 and RJcount1 never wrap: once a counter reaches 2^16 − 1 no frame of its types is sent (§6.2.4.1).</summary>
        internal const int RjCountLimit = 0xFFFF;

        internal readonly RejoinRequestFrame Request = new RejoinRequestFrame();
        /// <summary>The type of the Rejoin-request due or on air (0, 1 or 2), or <see cref="NoneDue"/>.</summary>
        internal int Type = NoneDue;
        /// <summary>The data rate it goes out at (ForceRejoinReq's DR for type 2 and a forced type 0; else the session's).</summary>
        internal int DataRate;
        /// <summary>Transmissions of this Rejoin-request left, the one due included (ForceRejoinReq: Max_Retries + 1).</summary>
        internal int TransmissionsLeft;
        /// <summary>ForceRejoinReq's Period (0..7): the wait between two transmissions is 32 s · 2^Period + rand(0..32 s).</summary>
        internal int Period;
        /// <summary>When the next transmission is due (MAC clock, µs).</summary>
        internal ulong DueUs;
        /// <summary>The RJcount the frame on air carries (persisted as spent before it went on air).</summary>
        internal int RjCount;
        /// <summary>A join-accept answering it was accepted and the new session persisted.</summary>
        internal bool Accepted;
        /// <summary>The request came from ForceRejoinReq (it is not counted as the periodic type 0).</summary>
        internal bool Forced;
        /// <summary>Data uplinks since the last type 0 Rejoin-request or join (RejoinParamSetupReq's MaxCountN).</summary>
        internal int UplinksSinceRejoin;
        /// <summary>When the last type 0 Rejoin-request went out, or the session started (RejoinParamSetupReq's MaxTimeN).</summary>
        internal ulong LastRejoinUs;
        /// <summary>JSEncKey (1.1 §6.1.1.3), derived to open the join-accept that answers a Rejoin-request.</summary>
        internal readonly byte[] JsEncKey = new byte[16];

        /// <summary>Schedules <paramref name="transmissions"/> Rejoin-requests of <paramref name="type"/>, the first at <paramref name="dueUs"/>.</summary>
        internal void Schedule(int type, int dataRate, int transmissions, int period, bool forced, ulong dueUs)
        {
            Type = type;
            DataRate = dataRate;
            TransmissionsLeft = transmissions;
            Period = period;
            Forced = forced;
            DueUs = dueUs;
        }

        /// <summary>Nothing due any more (the last transmission went, or a new session started).</summary>
        internal void Clear()
        {
            Type = NoneDue;
            TransmissionsLeft = 0;
            Forced = false;
        }
    }
}
