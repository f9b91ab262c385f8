using System.Threading;

namespace LoRaWan.Mac
{
    /// <summary>
    /// What passes between the application's threads and the MAC's: the one request waiting (join or uplink, with a
    /// copy of its payload) and the operation in progress as the application must see it (busy, or an internal uplink
    /// it may replace). It takes no lock: the request kind, the operation and the two flags are one word, changed only
    /// by <c>Interlocked.CompareExchange</c> (each method below is one atomic step); the request's data are written by
    /// the one thread that claimed the slot, between the claim and the publication.
    /// </summary>
    /// <remarks>
    /// <para>Why no lock: on nanoCLR every <c>lock</c> allocates a lock block (issue 20); this slot took the last 6 locks
    /// of a Class A cycle (Host/IlMeter's "locks" column). An <see cref="Interlocked"/> call is one native call that
    /// allocates nothing.</para>
    /// <para>The word: bits 0–2 the request waiting (<see cref="Kind"/>: <see cref="None"/>, <see cref="Join"/>,
    /// <see cref="Data"/>, <see cref="ContinuousWave"/>, <see cref="Rejoin"/>, or <see cref="Writing"/>), bits 3–5 the
    /// operation in progress (<see cref="Operation"/>, same constants), bit 6 <see cref="Preemptible"/>, bit 7
    /// <see cref="JoinCancelled"/>, bit 8 <see cref="Held"/>. Every change reads the word, decides on that snapshot exactly as the old locked code
    /// did, and writes the new word with CompareExchange; when another thread changed the word in between, the exchange
    /// fails and the step runs again on the new snapshot. So each step is atomic as under the lock, and no thread ever
    /// waits for another (the MAC's thread, an event handler on it and the application's threads alike).</para>
    /// <para>A request with data (an uplink's payload, a carrier's parameters, a Rejoin's schedule) is made in two steps:
    /// <see cref="TryClaim"/> moves the request kind from None to <see cref="Writing"/>, which every other requester sees
    /// as "busy" (the request kind is not None), then the claiming thread writes the data, then <see cref="Publish"/>
    /// turns Writing into the request's kind and the caller posts a Request event. The MAC's thread takes a request only
    /// in <see cref="Take"/>, which leaves a Writing slot untouched (the claimer's own post brings the MAC back), so it
    /// never reads half-written data. Interlocked calls are full fences on .NET and a native call never switches thread
    /// on nanoCLR: the data are written before the publishing exchange and read after the taking one.</para>
    /// <para>An application uplink deferred behind a MAC-only frame (<see cref="Uplink.Deferral"/>) keeps its payload here
    /// until that frame is done: <see cref="Hold"/> marks the data taken but still needed (bit 8, <see cref="Held"/>), and
    /// <see cref="TryClaim"/> refuses every claim meanwhile — an event handler's too, which would otherwise queue behind
    /// the operation in progress and overwrite the payload (its caller's data lost, and the deferred uplink sent with the
    /// handler's). The deferred uplink is the one uplink queued behind the MAC-only frame, so a second one is Busy, as
    /// for any other queued uplink. <see cref="Release"/> ends the hold when the deferred uplink is built (or dropped).</para>
    /// <para>Only the MAC's thread changes the operation, <see cref="Preemptible"/> and <see cref="Held"/>, and clears the
    /// request kind when it takes the request; the application's threads set the request kind and <see cref="JoinCancelled"/>. The MAC's
    /// thread reads <see cref="Operation"/> without an exchange (no other thread writes it); any thread may read
    /// <see cref="IsBusy"/>, a snapshot as the old lock's was once it was released.</para>
    /// </remarks>
    internal sealed class MacRequestSlot
    {
        internal const int None = 0;
        internal const int Join = 1;
        internal const int Data = 2;
        /// <summary>A continuous wave (TS009 TxCwReq): <see cref="CwFrequencyHz"/>, <see cref="CwPowerDbm"/>, <see cref="CwDurationUs"/>.</summary>
        internal const int ContinuousWave = 3;
        /// <summary>A LoRaWAN 1.1 Rejoin-request and its receive windows (the session stays in use meanwhile).</summary>
        internal const int Rejoin = 4;
        /// <summary>The request kind while its claimer writes its data (<see cref="TryClaim"/>, <see cref="Publish"/>).</summary>
        internal const int Writing = 7;

        const int KindMask = 7;
        const int OperationShift = 3;
        const int OperationMask = 7 << OperationShift;
        const int PreemptibleBit = 1 << 6;
        const int CancelledBit = 1 << 7;
        const int HeldBit = 1 << 8;

        /// <summary>The application payload of the waiting (or deferred) uplink.</summary>
        internal readonly byte[] Payload = new byte[242];
        /// <summary>The uplink's FPort; for a <see cref="Rejoin"/> request, the Rejoin type the application asked (0 or 1).</summary>
        internal int Port;
        internal int Length;
        internal bool Confirmed;
        /// <summary>The requester's ticket for the uplink's outcome (<see cref="UplinkOutcome.Ticket"/>; 0: none).</summary>
        internal int Ticket;
        /// <summary>The ACK flag before an internal frame was built (restored when it is replaced). The MAC's thread only.</summary>
        internal bool PreemptedAck;
        /// <summary>The continuous wave asked for: its carrier frequency, conducted power and duration.</summary>
        internal uint CwFrequencyHz;
        internal int CwPowerDbm;
        internal ulong CwDurationUs;

        int _word;

        /// <summary>The request waiting: <see cref="None"/>, a request kind, or <see cref="Writing"/> (a snapshot).</summary>
        internal int Kind { get { return _word & KindMask; } }

        /// <summary>The operation in progress (same constants), so that the application sees "busy" correctly.</summary>
        internal int Operation { get { return (_word >> OperationShift) & 7; } }

        /// <summary>An internal (empty) uplink not yet on air: an application uplink replaces it.</summary>
        internal bool Preemptible { get { return (_word & PreemptibleBit) != 0; } }

        /// <summary>CancelJoin was called: no further join attempt.</summary>
        internal bool JoinCancelled { get { return (_word & CancelledBit) != 0; } }

        /// <summary>The data of a deferred uplink are still needed (<see cref="Hold"/>): no request may be written.</summary>
        internal bool Held { get { return (_word & HeldBit) != 0; } }

        /// <summary>An operation in progress or a request waiting (a snapshot).</summary>
        internal bool IsBusy { get { return (_word & (KindMask | OperationMask)) != 0; } }

        /// <summary>
        /// An application uplink would have to wait: an operation that is not a preemptible internal uplink, or a request
        /// waiting (a snapshot).
        /// </summary>
        internal bool IsBusyForApplication
        {
            get
            {
                int w = _word;
                return ((w & OperationMask) != 0 && (w & PreemptibleBit) == 0) || (w & KindMask) != 0;
            }
        }

        // ---- the application's side (any thread) ----

        /// <summary>
        /// Claims the slot for a request with data: no request waiting and no operation in progress, except a preemptible
        /// internal uplink when <paramref name="replaceable"/> is set, or any operation when <paramref name="behindAny"/> is
        /// (an event handler's uplink, queued behind it); never while the data of a deferred uplink are <see cref="Held"/>.
        /// On true the caller writes the data, then calls <see cref="Publish"/>.
        /// </summary>
        internal bool TryClaim(bool replaceable, bool behindAny)
        {
            while (true)
            {
                int w = _word;
                if ((w & (KindMask | HeldBit)) != 0) return false;
                if ((w & OperationMask) != 0 && !behindAny && !(replaceable && (w & PreemptibleBit) != 0)) return false;
                if (Interlocked.CompareExchange(ref _word, w | Writing, w) == w) return true;
            }
        }

        /// <summary>After <see cref="TryClaim"/> and the data: the request <paramref name="kind"/> is waiting (post a Request then).</summary>
        internal void Publish(int kind)
        {
            while (true)
            {
                int w = _word;
                if (Interlocked.CompareExchange(ref _word, (w & ~KindMask) | kind, w) == w) return;
            }
        }

        /// <summary>A join request, when the MAC is free (no data: one step); clears <see cref="JoinCancelled"/>.</summary>
        internal bool TryRequestJoin()
        {
            while (true)
            {
                int w = _word;
                if ((w & (KindMask | OperationMask)) != 0) return false;
                if (Interlocked.CompareExchange(ref _word, (w & ~CancelledBit) | Join, w) == w) return true;
            }
        }

        /// <summary>CancelJoin: no further join attempt; a join request not yet taken is withdrawn.</summary>
        internal void CancelJoin()
        {
            while (true)
            {
                int w = _word;
                int n = w | CancelledBit;
                if ((w & KindMask) == Join) n &= ~KindMask;
                if (Interlocked.CompareExchange(ref _word, n, w) == w) return;
            }
        }

        // ---- the MAC's thread ----

        /// <summary>Marks the next value <see cref="Take"/> returns when a request must wait for the operation in progress.</summary>
        internal const int Wait = -1;

        /// <summary>
        /// Takes the request waiting: returns its kind (it becomes the operation; <see cref="Preemptible"/> is cleared), or
        /// <see cref="None"/> (only <see cref="Preemptible"/> is cleared; a slot being written is left as it is), or
        /// <see cref="Wait"/> when a request must wait for an operation that is not preemptible (nothing changes).
        /// <paramref name="replacing"/>: an uplink request took the place of a preemptible internal uplink.
        /// </summary>
        internal int Take(out bool replacing)
        {
            replacing = false;
            while (true)
            {
                int w = _word;
                int kind = w & KindMask;
                if (kind == Writing) return None;
                bool preemptible = (w & PreemptibleBit) != 0;
                if (kind != None && (w & OperationMask) != 0 && !preemptible) return Wait;
                int n = w & ~PreemptibleBit;
                if (kind != None) n = (n & ~(KindMask | OperationMask)) | (kind << OperationShift);
                if (Interlocked.CompareExchange(ref _word, n, w) == w)
                {
                    replacing = kind == Data && (w & OperationMask) != 0 && preemptible;
                    return kind;
                }
            }
        }

        /// <summary>
        /// A join cancelled while its next attempt waits (<paramref name="backingOff"/>) and nothing waiting: the join
        /// operation ends; true when it did.
        /// </summary>
        internal bool TryStopCancelledJoin(bool backingOff)
        {
            while (true)
            {
                int w = _word;
                if (!backingOff || (w & KindMask) != None || (w & OperationMask) != Join << OperationShift || (w & CancelledBit) == 0) return false;
                if (Interlocked.CompareExchange(ref _word, w & ~OperationMask, w) == w) return true;
            }
        }

        /// <summary>A join attempt is due: when the join was cancelled, the join operation ends instead (true).</summary>
        internal bool TryEndCancelledJoin()
        {
            while (true)
            {
                int w = _word;
                if ((w & CancelledBit) == 0) return false;
                if (Interlocked.CompareExchange(ref _word, w & ~OperationMask, w) == w) return true;
            }
        }

        /// <summary>
        /// The uplink taken is deferred behind a MAC-only frame: its data (<see cref="Payload"/>, <see cref="Port"/>,
        /// <see cref="Length"/>, <see cref="Confirmed"/>) stay needed until <see cref="Release"/>.
        /// </summary>
        internal void Hold()
        {
            SetBit(HeldBit, true);
        }

        /// <summary>The deferred uplink's data are no longer needed (its frame is built, or it was dropped).</summary>
        internal void Release()
        {
            SetBit(HeldBit, false);
        }

        void SetBit(int bit, bool set)
        {
            while (true)
            {
                int w = _word;
                int n = set ? w | bit : w & ~bit;
                if (n == w || Interlocked.CompareExchange(ref _word, n, w) == w) return;
            }
        }

        /// <summary>Sets <see cref="Preemptible"/> (an internal uplink not yet on air, or no longer).</summary>
        internal void SetPreemptible(bool preemptible)
        {
            while (true)
            {
                int w = _word;
                int n = preemptible ? w | PreemptibleBit : w & ~PreemptibleBit;
                if (n == w || Interlocked.CompareExchange(ref _word, n, w) == w) return;
            }
        }

        /// <summary>
        /// Starts <paramref name="operation"/> from the MAC's own initiative (the idle alarm's empty uplink, a Rejoin due):
        /// only when no operation is in progress and no request waits or is being written (for a Rejoin: none of its own
        /// kind; an uplink or join waiting is taken after it). True when it started.
        /// </summary>
        internal bool TryBegin(int operation)
        {
            while (true)
            {
                int w = _word;
                int kind = w & KindMask;
                if ((w & OperationMask) != 0) return false;
                if (operation == Rejoin ? kind == Rejoin || kind == Writing : kind != None) return false;
                if (Interlocked.CompareExchange(ref _word, w | operation << OperationShift, w) == w) return true;
            }
        }

        /// <summary>
        /// Ends the operation in progress (and <see cref="Preemptible"/>) when it is <paramref name="operation"/>, or
        /// whatever it is for <see cref="None"/>; returns true when a request waits (post a Request then).
        /// </summary>
        internal bool End(int operation)
        {
            while (true)
            {
                int w = _word;
                if (operation != None && (w & OperationMask) != operation << OperationShift) return (w & KindMask) != None;
                if (Interlocked.CompareExchange(ref _word, w & ~(OperationMask | PreemptibleBit), w) == w) return (w & KindMask) != None;
            }
        }
    }
}
