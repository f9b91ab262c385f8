using System;
using System.Threading;
using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    /// <summary>
    /// A fixed-size FIFO of MAC events with any number of producers (the radio's interrupt handler, the alarm, the
    /// application's threads, the MAC's own thread) and one consumer (the MAC's thread, <see cref="Take"/>). It takes
    /// no lock and allocates nothing: a producer claims a slot with one <c>Interlocked.CompareExchange</c>
    /// and publishes it with one <c>Interlocked.Exchange</c>; the consumer takes a published slot
    /// with the same two calls (finding the queue empty costs it none). When full, the newest event is dropped and counted.
    /// </summary>
    /// <remarks>
    /// <para>Why no lock: on nanoCLR every <c>lock</c> allocates a lock block and links it to the thread (issue 20:
    /// Monitor.Enter/Exit cost about 47,000 x86 instructions per Class A cycle; this queue took 20 of the cycle's 30 locks,
    /// Host/IlMeter's "locks" column); an <see cref="Interlocked"/> call is one native call that allocates nothing.</para>
    /// <para>How (a bounded multi-producer queue with a turn per slot, after D. Vyukov's MPMC queue, one consumer):
    /// slot <c>i</c> of position <c>p</c> (<c>i = p mod capacity</c>) has a turn number. Turn <c>p</c>: free for the
    /// producer of position <c>p</c>. Turn <c>p + 1</c>: that producer's event is written and may be taken. Turn
    /// <c>p + capacity</c>: taken, free for the producer of the next lap. A producer reads the tail position; a turn
    /// behind it means the previous lap's event is still there (full); otherwise it claims the position by moving the
    /// tail on with CompareExchange (only one producer can win a position; a loser learns the tail and tries that),
    /// writes the event, then publishes the turn with Exchange. The consumer takes position <c>head</c> only
    /// when its turn is <c>head + 1</c>, copies the event, then frees the slot with Exchange.</para>
    /// <para>Why it is right for every producer: no producer ever waits for another (a failed CompareExchange means
    /// another producer took that position; it retries with the next), so a handler cannot block on an application
    /// thread that was pre-empted mid-post, and the MAC's thread may post from inside <see cref="ClassAMac.ProcessEvents"/>
    /// (the radio reporting synchronously, an event handler's BeginSend). On .NET, Interlocked calls are full fences:
    /// the event's fields are written before the turn that publishes them, and read after the turn that shows them (a
    /// CompareExchange that writes back the value it expects: a read with a fence). On nanoCLR all managed threads are
    /// interleaved by the interpreter on one native thread (GPIO and HighResTimer callbacks come through the native event
    /// dispatcher on the engine's interrupt thread, nf-interpreter's <c>m_interruptThread</c>, a managed thread like any
    /// other), and a native call such as Interlocked never switches thread halfway.</para>
    /// <para>Both runners: <see cref="ThreadedMacRunner"/>'s thread is the one consumer and every producer wakes it after
    /// posting (an AutoResetEvent, which orders the post before the thread's next look); the simulation's runner is one
    /// thread that processes the MAC after every event of virtual time, so posts and takes there never overlap.</para>
    /// <para>A producer pre-empted between claim and publish holds up the events claimed after it (FIFO order is
    /// the order of claims) until it runs again, publishes and wakes the runner; the old lock held up the other
    /// producers for the same time. Every event is followed by its producer's wake-up, so the consumer, which treats
    /// an unpublished slot as the end of the queue, always comes back for it. Positions wrap around at 2^32, a
    /// multiple of the capacity (a power of two), so wrap-around keeps the slot arithmetic right.</para>
    /// </remarks>
    public sealed class MacEventQueue
    {
        readonly object _asideLock = new object();
        readonly int[] _turns;
        readonly int[] _kinds;
        readonly int[] _radioEvents;
        readonly ulong[] _times;
        readonly ulong[] _dues;
        readonly int _mask;
        int _tail;    // next position a producer claims (CompareExchange only)
        // The consumer's own: the slot of the next position to take and the turn that shows its event published.
        int _headSlot;
        int _headReady = 1;
        int _dropped;
        // An alarm or a request that found the queue full is kept aside rather than lost (a lost alarm would stall the MAC).
        // Rare: under _asideLock; _aside (the two flags) is read without it first, a hint the wake-up after KeepAside makes true.
        int _aside;
        ulong _timerAsideDue;
        ulong _timerAsideFired;
        const int TimerAside = 1;
        const int RequestAside = 2;

        /// <param name="capacity">events the queue holds: a power of two, at least 2</param>
        /// <exception cref="ArgumentOutOfRangeException">not a power of two, or below 2</exception>
        public MacEventQueue(int capacity)
        {
            if (capacity < 2 || (capacity & (capacity - 1)) != 0)
                throw new ArgumentOutOfRangeException("capacity", "a power of two, at least 2 (slot positions wrap around at 2^32)");
            _mask = capacity - 1;
            _turns = new int[capacity];
            for (int i = 0; i < capacity; i++) _turns[i] = i;
            _kinds = new int[capacity];
            _radioEvents = new int[capacity];
            _times = new ulong[capacity];
            _dues = new ulong[capacity];
        }

        /// <summary>The radio event of the event <see cref="Take"/> returned last (valid until the next Take).</summary>
        public RadioEvent TakenRadioEvent;
        /// <summary>The time of the event <see cref="Take"/> returned last (valid until the next Take).</summary>
        public ulong TakenTimeUs;
        /// <summary>The due value of the event <see cref="Take"/> returned last (valid until the next Take).</summary>
        public ulong TakenDueUs;

        /// <summary>Events lost because the queue was full.</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Events posted and not yet taken (a snapshot: producers may be posting meanwhile).</summary>
        public int Count { get { return _tail - (_headReady - 1); } }

        /// <summary>Adds an event; returns false (and counts it) when the queue is full. Any thread, never blocks.</summary>
        /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="MacEventKind.None"/> (what <see cref="Take"/> returns for "empty")</exception>
        public bool Post(MacEventKind kind, RadioEvent radioEvent, ulong timeUs, ulong dueUs)
        {
            if (kind == MacEventKind.None) throw new ArgumentException("an event has a kind; None means \"no event\"", "kind");
            int[] turns = _turns;
            int pos = _tail;
            int i;
            while (true)
            {
                i = pos & _mask;
                if (turns[i] - pos < 0)
                {
                    // The slot still holds (or is being given) the event of the previous lap: all slots are in use.
                    Interlocked.Increment(ref _dropped);
                    return false;
                }
                // Turn pos: the slot is free for position pos. A later turn: pos was taken meanwhile, and the tail has
                // moved on, so this fails too and returns where the tail is now.
                int seen = Interlocked.CompareExchange(ref _tail, pos + 1, pos);
                if (seen == pos) break;   // position pos is this producer's
                pos = seen;
            }
            _kinds[i] = (int)kind;
            _radioEvents[i] = (int)radioEvent;
            _times[i] = timeUs;
            _dues[i] = dueUs;
            Interlocked.Exchange(ref turns[i], pos + 1);   // publish: the fields above are written before the turn
            return true;
        }

        /// <summary>
        /// Keeps an alarm (<see cref="MacEventKind.Timer"/>) or a request that <see cref="Post"/> could not queue;
        /// <see cref="Take"/> returns it after the queue. Wake the consumer afterwards, as after a post.
        /// </summary>
        public void KeepAside(MacEventKind kind, ulong dueUs, ulong firedUs)
        {
            lock (_asideLock)
            {
                if (kind != MacEventKind.Timer) { _aside |= RequestAside; return; }
                _timerAsideDue = dueUs;
                _timerAsideFired = firedUs;
                _aside |= TimerAside;
            }
        }

        /// <summary>
        /// Takes the oldest event, then an alarm or request kept aside, and returns its kind (its radio event, time and due
        /// value in <see cref="TakenRadioEvent"/>, <see cref="TakenTimeUs"/>, <see cref="TakenDueUs"/>), or
        /// <see cref="MacEventKind.None"/> when there is none. The consumer's thread only (one at a time).
        /// </summary>
        /// <remarks>
        /// Issue 20: an empty queue (the last call of every ProcessEvents) is answered without writing anything, where
        /// <see cref="TryTake"/>'s four out parameters had to be cleared (13 of its 32 IL).
        /// </remarks>
        public MacEventKind Take()
        {
            int[] turns = _turns;
            int i = _headSlot;
            int ready = _headReady;
            // A plain read first: an empty queue costs no native call. When the turn shows the event, it is read again
            // with a fence, so that the fields are read after it.
            if (turns[i] == ready && Interlocked.CompareExchange(ref turns[i], ready, ready) == ready)
            {
                MacEventKind kind = (MacEventKind)_kinds[i];
                TakenRadioEvent = (RadioEvent)_radioEvents[i];
                TakenTimeUs = _times[i];
                TakenDueUs = _dues[i];
                _headSlot = ready & _mask;   // (position + 1) mod capacity
                _headReady = ready + 1;
                Interlocked.Exchange(ref turns[i], ready + _mask);   // position + capacity: free for the next lap, after the reads
                return kind;
            }
            return _aside != 0 ? TakeAside() : MacEventKind.None;
        }

        /// <summary>
        /// <see cref="Take"/> with the event in out parameters; returns false when there is none. The consumer's thread
        /// only (one at a time).
        /// </summary>
        public bool TryTake(out MacEventKind kind, out RadioEvent radioEvent, out ulong timeUs, out ulong dueUs)
        {
            kind = Take();
            if (kind == MacEventKind.None)
            {
                radioEvent = RadioEvent.None;
                timeUs = 0;
                dueUs = 0;
                return false;
            }
            radioEvent = TakenRadioEvent;
            timeUs = TakenTimeUs;
            dueUs = TakenDueUs;
            return true;
        }

        MacEventKind TakeAside()
        {
            lock (_asideLock)
            {
                TakenRadioEvent = RadioEvent.None;
                if ((_aside & TimerAside) != 0)
                {
                    _aside &= ~TimerAside;
                    TakenTimeUs = _timerAsideFired;
                    TakenDueUs = _timerAsideDue;
                    return MacEventKind.Timer;
                }
                MacEventKind kind = (_aside & RequestAside) != 0 ? MacEventKind.Request : MacEventKind.None;
                _aside = 0;
                TakenTimeUs = 0;
                TakenDueUs = 0;
                return kind;
            }
        }
    }
}
