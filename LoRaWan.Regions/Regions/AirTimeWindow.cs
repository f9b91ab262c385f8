using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// The air time of one sub-band (or of all of them, for DutyCycleReq's aggregated limit) over any sliding hour,
    /// the duty-cycle observation period of ETSI EN 300 220-1 (its definition of duty cycle: the transmitter's "on"
    /// time monitored over one hour, relative to one hour), with bounded memory: the hour is cut into
    /// <see cref="Slots"/> slots of <see cref="SlotUs"/>, and the frames that start in the same slot share one entry (their summed air time and
    /// the end of the last one). So however many frames an hour holds, at most <see cref="Capacity"/> entries are
    /// alive, allocated once here.
    /// <para>
    /// The limit counts an entry in full while its last frame ends inside the hour: exact, in the strictest
    /// reading (every frame that touches the hour counts whole), when each slot holds one frame (SF12 frames are
    /// 280 s apart on a 1 % band), and conservative by less than one slot's other frames otherwise. So no sliding
    /// hour ever holds more than the budget, however it is measured.
    /// </para>
    /// <para>
    /// Memory (issue 20): an entry is two <see cref="uint"/>s in one array — its end in µs after an epoch the window
    /// moves as time goes on, and its air time in µs — and one bit of a <see cref="ulong"/> saying it holds more than
    /// one frame (8 bytes an entry instead of 17). The live entries end within about 71 minutes of each other for frames
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
        /// Entries kept: the slots one hour (plus a frame) spans, and a spare. Reaching it needs frames longer
        /// than a slot or recorded out of time order; then the two oldest entries are merged (still an upper bound, never an undercount).
        /// </summary>
        public const int Capacity = Slots + 3;

        /// <summary>
        /// The longest frame <see cref="Record"/> accepts: 600 s, far beyond any LoRa or FSK frame (SF12 at 125 kHz,
        /// 255 bytes: 9.0 s), so that the live entries' ends fit 2^32 µs after the epoch.
        /// </summary>
        public const ulong MaxAirTimeUs = 600UL * 1000000UL;

        // Entry k: [2k] its end − _epochUs, [2k + 1] its air time (µs). Bit k of _multi: it holds more than one frame.
        private readonly uint[] _entries = new uint[2 * Capacity];
        private ulong _epochUs;
        private ulong _multi;
        private int _head;
        private int _count;
        private ulong _newestSlot;

        /// <summary>Forgets every frame.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
            _multi = 0;
        }

        /// <summary>Entries in use (for tests of the memory bound).</summary>
        public int EntryCount
        {
            get { return _count; }
        }

        /// <summary>
        /// Records a frame of <paramref name="airTimeUs"/> that started at <paramref name="startUs"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="airTimeUs"/> is above <see cref="MaxAirTimeUs"/>.</exception>
        public void Record(ulong startUs, ulong airTimeUs)
        {
            if (airTimeUs > MaxAirTimeUs) throw new ArgumentOutOfRangeException("airTimeUs", "a frame of more than 600 s");
            uint[] entries = _entries;
            int head = _head;
            int count = _count;
            ulong epoch = _epochUs;
            // Entries that ended an hour before this frame started can fall into no window with a later frame.
            while (count > 0 && epoch + entries[2 * head] + ObservationUs <= startUs)
            {
                _multi &= ~(1UL << head);
                head = head == Capacity - 1 ? 0 : head + 1;
                count--;
            }
            ulong endUs = startUs + airTimeUs;
            bool exact = true;
            if (count == 0) epoch = _epochUs = startUs;
            else if (endUs < epoch || endUs - epoch > uint.MaxValue)
            {
                _head = head;
                _count = count;
                ulong moved = MoveEpoch(endUs);
                exact = moved == endUs;
                endUs = moved;
                epoch = _epochUs;
            }
            uint end = (uint)(endUs - epoch);
            ulong slot = startUs / SlotUs;
            int at;
            if (count > 0 && slot == _newestSlot)
            {
                at = head + count - 1;
                if (at >= Capacity) at -= Capacity;
                int j = 2 * at;
                ulong sum = entries[j + 1] + airTimeUs;
                entries[j + 1] = sum > uint.MaxValue ? uint.MaxValue : (uint)sum;
                if (end > entries[j]) entries[j] = end;
                _multi |= 1UL << at;
                _head = head;
                _count = count;
                return;
            }
            if (count == Capacity)
            {
                head = MergeTwoOldest(head);
                count--;
            }
            at = head + count;
            if (at >= Capacity) at -= Capacity;
            if (exact) _multi &= ~(1UL << at);
            else _multi |= 1UL << at;   // its end moved: no longer exact
            entries[2 * at] = end;
            entries[2 * at + 1] = (uint)airTimeUs;
            _head = head;
            _count = count + 1;
            _newestSlot = slot;
        }

        // Only frames longer than a slot get here: merges the two oldest entries (the later end counts for both) and
        // returns the new head.
        private int MergeTwoOldest(int oldest)
        {
            uint[] entries = _entries;
            int next = oldest == Capacity - 1 ? 0 : oldest + 1;
            ulong sum = (ulong)entries[2 * next + 1] + entries[2 * oldest + 1];
            entries[2 * next + 1] = sum > uint.MaxValue ? uint.MaxValue : (uint)sum;
            if (entries[2 * oldest] > entries[2 * next]) entries[2 * next] = entries[2 * oldest];
            _multi = (_multi & ~(1UL << oldest)) | (1UL << next);   // "more than one": no longer exact
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
                ulong e = _epochUs + _entries[2 * ((_head + i) % Capacity)];
                if (e < low) low = e;
                if (e > high) high = e;
            }
            ulong epoch = high - low > uint.MaxValue ? high - uint.MaxValue : low;
            for (int i = 0; i < _count; i++)
            {
                int k = (_head + i) % Capacity;
                ulong e = _epochUs + _entries[2 * k];
                if (e < epoch)
                {
                    e = epoch;
                    _multi |= 1UL << k;
                }
                _entries[2 * k] = (uint)(e - epoch);
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
            ulong sum = 0;
            ulong epoch = _epochUs;
            uint[] entries = _entries;
            for (int i = 0; i < _count; i++)
            {
                int k = (_head + i) % Capacity;
                ulong end = epoch + entries[2 * k];
                ulong air = entries[2 * k + 1];
                ulong first = (_multi & (1UL << k)) == 0 ? end - air : 0;
                ulong s = first > fromUs ? first : fromUs;
                ulong e = end < toUs ? end : toUs;
                if (e <= s) continue;
                sum += e - s < air ? e - s : air;
            }
            return sum;
        }

        /// <summary>The on-air time in the hour that ends at <paramref name="nowUs"/> (see <see cref="GetAirTimeUs"/>).</summary>
        public ulong GetAirTimeInLastHourUs(ulong nowUs)
        {
            return GetAirTimeUs(nowUs > ObservationUs ? nowUs - ObservationUs : 0, nowUs);
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
            if (airTimeUs > budgetUs) return ulong.MaxValue;
            ulong room = budgetUs - airTimeUs;
            // The hour ending with the frame starts at w = start + air − 1 h.
            ulong w = nowUs + airTimeUs > ObservationUs ? nowUs + airTimeUs - ObservationUs : 0;
            ulong epoch = _epochUs;
            uint[] entries = _entries;
            ulong inHour = 0;
            int k = 2 * _head;
            for (int i = 0; i < _count; i++)
            {
                if (epoch + entries[k] > w) inHour += entries[k + 1];
                k = k == 2 * Capacity - 2 ? 0 : k + 2;
            }
            if (inHour <= room) return nowUs;
            // Let the oldest entries leave the hour (w passes their end) until the rest leaves room for the frame.
            k = 2 * _head;
            for (int i = 0; i < _count && inHour > room; i++)
            {
                ulong end = epoch + entries[k];
                if (end > w)
                {
                    inHour -= entries[k + 1];
                    w = end;
                }
                k = k == 2 * Capacity - 2 ? 0 : k + 2;
            }
            return w + ObservationUs - airTimeUs;
        }
    }
}
