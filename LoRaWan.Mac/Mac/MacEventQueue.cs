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
    /// An event is its kind and radio event (3 bits each, <see cref="EventWord"/>), a time and a due value.
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
    /// writes the event's time and due value, then publishes the turn with Exchange. The consumer takes position
    /// <c>head</c> only when its turn is <c>head + 1</c>, copies the event, then frees the slot with Exchange.</para>
    /// <para>The slot word (issue 20): the turn and the event word share one int, <c>turn &lt;&lt; 8 | event word</c>, so the
    /// Exchange that publishes the turn writes the kind and radio event with it, and the consumer's one read of the word
    /// answers "published?" and "which event?" together (a turn written by the consumer has event bits 0; an event word is
    /// 1 to 63, never 0). Turns are therefore kept modulo 2^24: a producer compares its position with a turn as the
    /// 24-bit signed difference <c>(word − (pos &lt;&lt; 8)) &gt;&gt; 8</c> (the event bits never borrow from the turn),
    /// exact while a turn and a position differ by less than 2^23, as they do for the capacities allowed
    /// (<see cref="MaxCapacity"/>). The consumer keeps its head as the published word's turn part, advanced by 2^8.</para>
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
    /// an unpublished slot as the end of the queue, always comes back for it. Positions wrap around at 2^32 and turns at
    /// 2^24, both multiples of the capacity (a power of two), so wrap-around keeps the slot arithmetic right.</para>
    /// </remarks>
    public sealed class MacEventQueue
    {
        /// <summary>Bits of a slot word below its turn: the event word (kind in bits 0–2, radio event in bits 3–5).</summary>
        internal const int EventBits = 8;
        /// <summary>Bits of an event word that hold its kind (<see cref="MacEventKind"/> 1–7); the radio event is above them.</summary>
        internal const int KindBits = 3;
        /// <summary>The largest <see cref="MacEventKind"/> or <see cref="RadioEvent"/> value an event word holds (3 bits each).</summary>
        internal const int MaxField = 7;
        const int EventMask = (1 << EventBits) - 1;
        const int KindMask = (1 << KindBits) - 1;

        readonly object _asideLock = new object();
        // Slot i: its turn and, once published, its event: turn << EventBits | event word (MacEventQueue's remarks).
        readonly int[] _words;
        readonly ulong[] _times;
        readonly ulong[] _dues;
        readonly int _mask;
        int _tail;    // next position a producer claims (CompareExchange only)
        // The consumer's own: the slot of the next position to take and the word its turn has once published (event bits 0).
        int _headSlot;
        int _headTurn = 1 << EventBits;
        int _dropped;
        // An alarm or a request that found the queue full is kept aside rather than lost (a lost alarm would stall the MAC).
        // Rare: under _asideLock; _aside (the two flags) is read without it first, a hint the wake-up after KeepAside makes true.
        int _aside;
        ulong _timerAsideDue;
        ulong _timerAsideFired;
        const int TimerAside = 1;
        const int RequestAside = 2;

        /// <param name="capacity">events the queue holds: a power of two, at least 2, at most 2^20</param>
        /// <exception cref="ArgumentOutOfRangeException">not a power of two, below 2 or above 2^20</exception>
        public MacEventQueue(int capacity)
        {
            if (capacity < 2 || capacity > MaxCapacity || (capacity & (capacity - 1)) != 0)
                throw new ArgumentOutOfRangeException("capacity", "a power of two from 2 to 2^20 (slot turns wrap around at 2^24)");
            _mask = capacity - 1;
            _words = new int[capacity];
            for (int i = 0; i < capacity; i++) _words[i] = i << EventBits;   // turn i: free for position i
            _times = new ulong[capacity];
            _dues = new ulong[capacity];
        }

        /// <summary>The largest capacity: turns are kept modulo 2^24 beside the event word, and a turn and a position differ by less than twice the capacity.</summary>
        public const int MaxCapacity = 1 << 20;

        /// <summary>The radio event of the event <see cref="Take"/> returned last (valid until the next Take).</summary>
        public RadioEvent TakenRadioEvent;
        /// <summary>The time of the event <see cref="Take"/> (or <see cref="TakeEvent"/>) returned last (valid until the next take).</summary>
        public ulong TakenTimeUs;
        /// <summary>The due value of the event <see cref="Take"/> (or <see cref="TakeEvent"/>) returned last (valid until the next take).</summary>
        public ulong TakenDueUs;

        /// <summary>Events lost because the queue was full.</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Events posted and not yet taken (a snapshot: producers may be posting meanwhile).</summary>
        public int Count
        {
            // The head's position is kept modulo 2^24 (in _headTurn): compare the two there.
            get { return ((_tail << EventBits) - (_headTurn - (1 << EventBits))) >> EventBits; }
        }

        /// <summary>The event word of <paramref name="kind"/> and <paramref name="radioEvent"/> (<see cref="TakeEvent"/>'s answer).</summary>
        /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="MacEventKind.None"/> (what <see cref="Take"/> returns for "empty")</exception>
        /// <exception cref="ArgumentOutOfRangeException">a kind or a radio event above 7 (3 bits each in the word)</exception>
        public static int EventWord(MacEventKind kind, RadioEvent radioEvent)
        {
            if (kind == MacEventKind.None) throw new ArgumentException("an event has a kind; None means \"no event\"", "kind");
            if ((uint)kind > MaxField) throw new ArgumentOutOfRangeException("kind", "0 to 7 (3 bits of the event word)");
            if ((uint)radioEvent > MaxField) throw new ArgumentOutOfRangeException("radioEvent", "0 to 7 (3 bits of the event word)");
            return (int)kind | (int)radioEvent << KindBits;
        }

        /// <summary>Adds an event; returns false (and counts it) when the queue is full. Any thread, never blocks.</summary>
        /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="MacEventKind.None"/> (what <see cref="Take"/> returns for "empty")</exception>
        /// <exception cref="ArgumentOutOfRangeException">a kind or a radio event above 7 (<see cref="EventWord"/>)</exception>
        public bool Post(MacEventKind kind, RadioEvent radioEvent, ulong timeUs, ulong dueUs)
        {
            return Post(EventWord(kind, radioEvent), timeUs, dueUs);
        }

        /// <summary>
        /// Adds an event given as its word (<see cref="EventWord"/>: 1 to 63, not checked: the MAC's own posts, whose words
        /// are constants or built from a checked radio event); returns false (and counts it) when the queue is full.
        /// </summary>
        internal bool Post(int eventWord, ulong timeUs, ulong dueUs)
        {
            int[] words = _words;
            int pos = _tail;
            int i;
            while (true)
            {
                i = pos & _mask;
                // The slot's turn minus pos (both modulo 2^24; the event bits below never borrow from the turn).
                if ((words[i] - (pos << EventBits)) >> EventBits < 0)
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
            _times[i] = timeUs;
            _dues[i] = dueUs;
            // Publish turn pos + 1 and the event in one word: the times above are written before it.
            Interlocked.Exchange(ref words[i], (pos + 1) << EventBits | eventWord);
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
        public MacEventKind Take()
        {
            int eventWord = TakeEvent();
            TakenRadioEvent = (RadioEvent)(eventWord >> KindBits);
            return (MacEventKind)(eventWord & KindMask);
        }

        /// <summary>
        /// <see cref="Take"/> as the MAC's loop uses it: the event word (<see cref="EventWord"/>: the kind in its low 3 bits,
        /// the radio event above) or 0 when there is none; the time and due value in <see cref="TakenTimeUs"/> and
        /// <see cref="TakenDueUs"/> (<see cref="TakenRadioEvent"/> is not set). The consumer's thread only.
        /// </summary>
        /// <remarks>
        /// Issue 20: an empty queue (the last call of every ProcessEvents) is answered with one array read and no native
        /// call; the event comes out of the same word as its turn.
        /// </remarks>
        public int TakeEvent()
        {
            int i = _headSlot;
            int word = _words[i];
            int ready = _headTurn;
            // A plain read first: an empty queue costs no native call. The slot's turn is the head's position (free,
            // not yet published: negative) or the one after it (published: the event word, 1 to 63).
            int eventWord = word - ready;
            if (eventWord <= 0) return _aside != 0 ? TakeAside() : 0;
            int[] words = _words;
            // Read again with a fence (a CompareExchange that writes back what it expects: only this thread changes a
            // published slot), so that the times are read after the word that published them.
            Interlocked.CompareExchange(ref words[i], word, word);
            TakenTimeUs = _times[i];
            TakenDueUs = _dues[i];
            int mask = _mask;
            _headSlot = (i + 1) & mask;
            _headTurn = ready + (1 << EventBits);
            // Turn position + capacity: free for the next lap, after the reads above.
            Interlocked.Exchange(ref words[i], ready + (mask << EventBits));
            return eventWord;
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

        int TakeAside()
        {
            lock (_asideLock)
            {
                if ((_aside & TimerAside) != 0)
                {
                    _aside &= ~TimerAside;
                    TakenTimeUs = _timerAsideFired;
                    TakenDueUs = _timerAsideDue;
                    return (int)MacEventKind.Timer;
                }
                int eventWord = (_aside & RequestAside) != 0 ? (int)MacEventKind.Request : 0;
                _aside = 0;
                TakenTimeUs = 0;
                TakenDueUs = 0;
                return eventWord;
            }
        }
    }
}
