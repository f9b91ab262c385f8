using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// Air time over any sliding hour, the duty-cycle observation period of ETSI EN 300 220-1 (its definition of duty
    /// cycle: the transmitter's "on" time monitored over one hour, relative to one hour), per source and for all of them:
    /// each frame carries source bits (a <see cref="DutyCycleTracker"/> gives a sub-band's bit, and asks a sub-band's
    /// limit about its bit and DutyCycleReq's aggregated limit about all), with bounded memory: the hour is cut into
    /// <see cref="Slots"/> slots of <see cref="SlotUs"/>, and the frames of the same sources that start in the same slot share
    /// one entry (their summed air time and the end of the last one). So however many frames an hour holds, a source
    /// needs at most <see cref="Capacity"/> live entries; the window's capacity is allocated once, in its constructor.
    /// <para>
    /// The limit counts an entry in full while its last frame ends inside the hour: exact, in the strictest
    /// reading (every frame that touches the hour counts whole), when each slot holds one frame (SF12 frames are
    /// 280 s apart on a 1 % band), and conservative by less than one slot's other frames otherwise. So no sliding
    /// hour ever holds more than the budget, however it is measured.
    /// </para>
    /// <para>
    /// Memory (issue 20): an entry is three <see cref="uint"/>s in one array — its end in µs after an epoch the window
    /// moves as time goes on, its air time in µs, its source bits and a bit saying it holds more than one frame — and one
    /// window serves every sub-band of a device (one array of 117 entries in EU868 instead of 7 windows of 39). A full
    /// window merges its two oldest entries, sources joined: each source then counts the other's air time too, an upper
    /// bound. Recording keeps the total air time of the live entries, so a query whose budget that total leaves room
    /// in returns without walking them. The live entries end within about 71 minutes of each other for frames
    /// recorded in time order (each at most <see cref="MaxAirTimeUs"/>), so the epoch moves only every hour or so. Should a
    /// frame be recorded so far out of order that the ends no longer fit 2^32 µs, the oldest ends are moved later, which
    /// keeps every answer an upper bound. An entry's summed air time stops at 2^32 − 1 µs (71 minutes, more than any
    /// hourly budget), which changes no answer about an hour.
    /// </para>
    /// </summary>
    public sealed class AirTimeWindow
    {
        /// <summary>The observation period: one hour, in µs.</summary>
        public const ulong ObservationUs = 3600UL * 1000000UL;

        /// <summary>Accounting slots per hour.</summary>
        public const int Slots = 36;

        /// <summary>Length of one accounting slot: 100 s. Longer than any LoRa frame (SF12, 255 bytes: 9.0 s).</summary>
        public const ulong SlotUs = ObservationUs / Slots;

        /// <summary>
        /// Entries kept per source (<see cref="AirTimeWindow()"/>): the slots one hour (plus a frame) spans, and a spare.
        /// Reaching the capacity needs frames longer than a slot, recorded out of time order, or (a shared window) more
        /// sources per slot than it was sized for; then the two oldest entries are merged (still an upper bound, never an
        /// undercount).
        /// </summary>
        public const int Capacity = Slots + 3;

        /// <summary>
        /// The longest frame <see cref="Record(ulong, ulong)"/> accepts: 600 s, far beyond any LoRa or FSK frame (SF12 at
        /// 125 kHz, 255 bytes: 9.0 s), so that the live entries' ends fit 2^32 µs after the epoch.
        /// </summary>
        public const ulong MaxAirTimeUs = 600UL * 1000000UL;

        /// <summary>The source bits an entry can carry (bits 0..30 of its tag); <see cref="AllSources"/> asks about all of them.</summary>
        public const int MaxSources = 31;

        /// <summary>The mask that counts every frame, whatever its source (the default of the calls without a mask).</summary>
        public const uint AllSources = 0x7FFFFFFF;

        // Bit 31 of an entry's tag: it holds more than one frame (its air time no longer runs from end − air to end).
        private const uint Multi = 0x80000000;

        // Entry k: [3k] its end − _epochUs, [3k + 1] its air time (µs), [3k + 2] its tag: the sources of its frames (bits
        // 0..30) and Multi.
        private readonly uint[] _entries;
        private readonly int _capacity;
        private ulong _epochUs;
        private ulong _totalUs;
        private int _head;
        private int _count;
        private ulong _newestSlot;
        private int _newestCount;

        /// <summary>A window of <see cref="Capacity"/> entries, for frames of one source.</summary>
        public AirTimeWindow() : this(Capacity)
        {
        }

        /// <summary>
        /// A window of <paramref name="capacity"/> entries, allocated here; shared by several sources (a device's sub-bands,
        /// issue 20: one array instead of a window per sub-band) it needs <see cref="Capacity"/> per source that sends in
        /// the same slots to stay exact.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> below 2.</exception>
        public AirTimeWindow(int capacity)
        {
            if (capacity < 2) throw new ArgumentOutOfRangeException("capacity", "at least 2 entries");
            _capacity = capacity;
            _entries = new uint[3 * capacity];
        }

        /// <summary>Forgets every frame.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
            _newestCount = 0;
            _totalUs = 0;
        }

        /// <summary>Entries in use (for tests of the memory bound).</summary>
        public int EntryCount
        {
            get { return _count; }
        }

        /// <summary>Entries this window holds at most.</summary>
        public int EntryCapacity
        {
            get { return _capacity; }
        }

        /// <summary>
        /// Records a frame of <paramref name="airTimeUs"/> that started at <paramref name="startUs"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="airTimeUs"/> is above <see cref="MaxAirTimeUs"/>.</exception>
        public void Record(ulong startUs, ulong airTimeUs)
        {
            Record(startUs, airTimeUs, 1);
        }

        /// <summary>
        /// Records a frame of <paramref name="airTimeUs"/> that started at <paramref name="startUs"/> from the sources in
        /// <paramref name="sources"/> (a bit each, e.g. 1 &lt;&lt; sub-band): the queries whose mask shares a bit with it count it.
        /// Frames of the same sources that start in the same slot share one entry.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="airTimeUs"/> is above <see cref="MaxAirTimeUs"/>, or
        /// <paramref name="sources"/> is 0 or has bit 31.</exception>
        public void Record(ulong startUs, ulong airTimeUs, uint sources)
        {
            if (airTimeUs > MaxAirTimeUs) throw new ArgumentOutOfRangeException("airTimeUs", "a frame of more than 600 s");
            if (sources == 0 || (sources & Multi) != 0) throw new ArgumentOutOfRangeException("sources", "bits 0..30, at least one");
            uint[] entries = _entries;
            int head = _head;
            int count = _count;
            ulong epoch = _epochUs;
            // Entries that ended an hour before this frame started can fall into no window with a later frame.
            if (count > 0 && epoch + entries[3 * head] + ObservationUs <= startUs) count = DropEnded(startUs, out head);
            ulong endUs = startUs + airTimeUs;
            uint tag = sources;
            if (count == 0) epoch = _epochUs = startUs;
            else if (endUs < epoch || endUs - epoch > uint.MaxValue)
            {
                ulong moved = MoveEpoch(endUs);
                if (moved != endUs) tag |= Multi;   // its end moved: no longer exact
                endUs = moved;
                epoch = _epochUs;
            }
            uint end = (uint)(endUs - epoch);
            ulong slot = startUs / SlotUs;
            int cap = _capacity;
            int at;
            if (count > 0 && slot == _newestSlot)
            {
                // Into the newest entry when its sources are the frame's (no call), else into the slot's other entry of them.
                at = head + count - 1;
                if (at >= cap) at -= cap;
                if ((entries[3 * at + 2] & AllSources) != sources) at = FindInNewestSlot(at, sources);
                if (at >= 0)
                {
                    int i = 3 * at;
                    ulong old = entries[i + 1];
                    ulong sum = old + airTimeUs;
                    if (sum > uint.MaxValue) sum = uint.MaxValue;
                    entries[i + 1] = (uint)sum;
                    _totalUs += sum - old;
                    if (end > entries[i]) entries[i] = end;
                    entries[i + 2] |= Multi;
                    return;
                }
            }
            if (count == cap)
            {
                head = MergeTwoOldest(head, count);
                count--;
            }
            at = head + count;
            if (at >= cap) at -= cap;
            int j = 3 * at;
            entries[j] = end;
            entries[j + 1] = (uint)airTimeUs;
            entries[j + 2] = tag;
            _totalUs += airTimeUs;
            _count = count + 1;
            _newestCount = count > 0 && slot == _newestSlot ? _newestCount + 1 : 1;
            _newestSlot = slot;
        }

        // Drops the oldest entries, those that ended an hour or more before startUs; returns the entries left and the head.
        private int DropEnded(ulong startUs, out int head)
        {
            uint[] entries = _entries;
            ulong epoch = _epochUs;
            ulong total = _totalUs;
            int last = 3 * _capacity - 3;
            int k = 3 * _head;
            int count = _count;
            while (count > 0 && epoch + entries[k] + ObservationUs <= startUs)
            {
                total -= entries[k + 1];
                k = k == last ? 0 : k + 3;
                count--;
            }
            head = k / 3;
            _head = head;
            _count = count;
            _totalUs = total;
            if (_newestCount > count) _newestCount = count;
            return count;
        }

        // The entry of the newest slot, older than entry newest (whose sources differ), whose sources are exactly sources;
        // −1 when none.
        private int FindInNewestSlot(int newest, uint sources)
        {
            uint[] entries = _entries;
            int at = newest;
            for (int n = _newestCount - 1; n > 0; n--)
            {
                at = at == 0 ? _capacity - 1 : at - 1;
                if ((entries[3 * at + 2] & AllSources) == sources) return at;
            }
            return -1;
        }

        // Only a full window gets here: merges the two oldest entries (the later end counts for both, and the union of their
        // sources), sets and returns the new head; count is the entries in use.
        private int MergeTwoOldest(int oldest, int count)
        {
            uint[] entries = _entries;
            int next = oldest == _capacity - 1 ? 0 : oldest + 1;
            int o = 3 * oldest;
            int n = 3 * next;
            ulong sum = (ulong)entries[n + 1] + entries[o + 1];
            if (sum > uint.MaxValue) sum = uint.MaxValue;
            _totalUs = _totalUs - entries[n + 1] - entries[o + 1] + sum;
            entries[n + 1] = (uint)sum;
            if (entries[o] > entries[n]) entries[n] = entries[o];
            entries[n + 2] |= entries[o + 2] | Multi;   // "more than one": no longer exact
            if (_newestCount >= count) _newestCount = count - 1;
            _head = next;
            return next;
        }

        // A frame ending at endUs does not fit the epoch (recorded out of time order, or the epoch is old): the epoch moves
        // to the earliest end, but no further back than 2^32 − 1 µs before the latest; ends before it move up to it (an
        // upper bound, no longer exact). Returns the frame's end, likewise moved.
        private ulong MoveEpoch(ulong endUs)
        {
            ulong low = endUs;
            ulong high = endUs;
            for (int i = 0; i < _count; i++)
            {
                ulong e = _epochUs + _entries[3 * ((_head + i) % _capacity)];
                if (e < low) low = e;
                if (e > high) high = e;
            }
            ulong epoch = high - low > uint.MaxValue ? high - uint.MaxValue : low;
            for (int i = 0; i < _count; i++)
            {
                int k = 3 * ((_head + i) % _capacity);
                ulong e = _epochUs + _entries[k];
                if (e < epoch)
                {
                    e = epoch;
                    _entries[k + 2] |= Multi;
                }
                _entries[k] = (uint)(e - epoch);
            }
            _epochUs = epoch;
            return endUs < epoch ? epoch : endUs;
        }

        /// <summary>
        /// The on-air time within [<paramref name="fromUs"/>, <paramref name="toUs"/>): exact for the entries that hold
        /// one frame (it runs from end − air to end), an upper bound for the others (their frames end by their end and
        /// sum to their air time: at most min(air, end − from) after from, at most min(air, to − from) before to).
        /// </summary>
        public ulong GetAirTimeUs(ulong fromUs, ulong toUs)
        {
            return GetAirTimeUs(fromUs, toUs, AllSources);
        }

        /// <summary>
        /// <see cref="GetAirTimeUs(ulong, ulong)"/> of the frames whose sources share a bit with <paramref name="sources"/>
        /// (an entry merged from several sources counts for each: an upper bound).
        /// </summary>
        public ulong GetAirTimeUs(ulong fromUs, ulong toUs, uint sources)
        {
            ulong sum = 0;
            ulong epoch = _epochUs;
            uint[] entries = _entries;
            for (int i = 0; i < _count; i++)
            {
                int k = 3 * ((_head + i) % _capacity);
                uint tag = entries[k + 2];
                if ((tag & sources) == 0) continue;
                ulong end = epoch + entries[k];
                ulong air = entries[k + 1];
                ulong first = (tag & Multi) == 0 ? end - air : 0;
                ulong s = first > fromUs ? first : fromUs;
                ulong e = end < toUs ? end : toUs;
                if (e <= s) continue;
                sum += e - s < air ? e - s : air;
            }
            return sum;
        }

        /// <summary>The on-air time in the hour that ends at <paramref name="nowUs"/> (see <see cref="GetAirTimeUs(ulong, ulong)"/>).</summary>
        public ulong GetAirTimeInLastHourUs(ulong nowUs)
        {
            return GetAirTimeUs(nowUs > ObservationUs ? nowUs - ObservationUs : 0, nowUs, AllSources);
        }

        /// <summary>The on-air time of <paramref name="sources"/> in the hour that ends at <paramref name="nowUs"/>.</summary>
        public ulong GetAirTimeInLastHourUs(ulong nowUs, uint sources)
        {
            return GetAirTimeUs(nowUs > ObservationUs ? nowUs - ObservationUs : 0, nowUs, sources);
        }

        /// <summary>
        /// The earliest start at or after <paramref name="nowUs"/> for a frame of <paramref name="airTimeUs"/> such
        /// that the hour ending with that frame holds at most <paramref name="budgetUs"/> of air time, counting in
        /// full every frame that ends inside that hour (the strictest reading: a frame that began before the hour
        /// counts whole). That hour is the fullest of all the hours the new frame falls into, the frames before it
        /// having ended. <see cref="ulong.MaxValue"/> when the frame alone exceeds the budget.
        /// </summary>
        public ulong GetEarliestStartUs(ulong nowUs, ulong airTimeUs, ulong budgetUs)
        {
            return GetEarliestStartUs(nowUs, airTimeUs, budgetUs, AllSources);
        }

        /// <summary>
        /// <see cref="GetEarliestStartUs(ulong, ulong, ulong)"/> counting the frames whose sources share a bit with
        /// <paramref name="sources"/> only.
        /// </summary>
        public ulong GetEarliestStartUs(ulong nowUs, ulong airTimeUs, ulong budgetUs, uint sources)
        {
            if (airTimeUs > budgetUs) return ulong.MaxValue;
            ulong room = budgetUs - airTimeUs;
            // Everything recorded and not yet dropped, of any source, leaves room (issue 20: no walk of the entries).
            if (_totalUs <= room) return nowUs;
            // The hour ending with the frame starts at w = start + air − 1 h.
            ulong w = nowUs + airTimeUs > ObservationUs ? nowUs + airTimeUs - ObservationUs : 0;
            ulong epoch = _epochUs;
            uint[] entries = _entries;
            int last = 3 * _capacity - 3;
            int count = _count;
            ulong inHour = 0;
            int k = 3 * _head;
            for (int i = 0; i < count; i++)
            {
                if ((entries[k + 2] & sources) != 0 && epoch + entries[k] > w) inHour += entries[k + 1];
                k = k == last ? 0 : k + 3;
            }
            if (inHour <= room) return nowUs;
            // Let the oldest entries leave the hour (w passes their end) until the rest leaves room for the frame.
            k = 3 * _head;
            for (int i = 0; i < count && inHour > room; i++)
            {
                ulong end = epoch + entries[k];
                if ((entries[k + 2] & sources) != 0 && end > w)
                {
                    inHour -= entries[k + 1];
                    w = end;
                }
                k = k == last ? 0 : k + 3;
            }
            return w + ObservationUs - airTimeUs;
        }
    }
}
