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

        private readonly byte[] _frames = new byte[Capacity];
        private readonly ulong[] _endUs = new ulong[Capacity];
        private readonly ulong[] _airUs = new ulong[Capacity];
        private int _head;
        private int _count;
        private ulong _newestSlot;

        /// <summary>Forgets every frame.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }

        /// <summary>Entries in use (for tests of the memory bound).</summary>
        public int EntryCount
        {
            get { return _count; }
        }

        /// <summary>Records a frame of <paramref name="airTimeUs"/> that started at <paramref name="startUs"/>.</summary>
        public void Record(ulong startUs, ulong airTimeUs)
        {
            // Entries that ended an hour before this frame started can fall into no window with a later frame.
            while (_count > 0 && _endUs[_head] + ObservationUs <= startUs)
            {
                _head = (_head + 1) % Capacity;
                _count--;
            }
            ulong endUs = startUs + airTimeUs;
            ulong slot = startUs / SlotUs;
            if (_count > 0 && slot == _newestSlot)
            {
                int newest = (_head + _count - 1) % Capacity;
                _airUs[newest] += airTimeUs;
                _frames[newest] = 2;
                if (endUs > _endUs[newest]) _endUs[newest] = endUs;
                return;
            }
            if (_count == Capacity)
            {
                // Only frames longer than a slot get here: merge the two oldest (the later end counts for both).
                int oldest = _head;
                int next = (_head + 1) % Capacity;
                _airUs[next] += _airUs[oldest];
                if (_endUs[oldest] > _endUs[next]) _endUs[next] = _endUs[oldest];
                _frames[next] = 2;   // "more than one": no longer exact
                _head = next;
                _count--;
            }
            int at = (_head + _count) % Capacity;
            _frames[at] = 1;
            _endUs[at] = endUs;
            _airUs[at] = airTimeUs;
            _count++;
            _newestSlot = slot;
        }

        /// <summary>
        /// The on-air time within [<paramref name="fromUs"/>, <paramref name="toUs"/>): exact for the entries that hold
        /// one frame (it runs from end − air to end), an upper bound for the others (their frames end by their end and
        /// sum to their air time: at most min(air, end − from) after from, at most min(air, to − from) before to).
        /// </summary>
        public ulong GetAirTimeUs(ulong fromUs, ulong toUs)
        {
            ulong sum = 0;
            for (int i = 0; i < _count; i++)
            {
                int k = (_head + i) % Capacity;
                ulong first = _frames[k] == 1 ? _endUs[k] - _airUs[k] : 0;
                ulong s = first > fromUs ? first : fromUs;
                ulong e = _endUs[k] < toUs ? _endUs[k] : toUs;
                if (e <= s) continue;
                sum += e - s < _airUs[k] ? e - s : _airUs[k];
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
            ulong inHour = 0;
            for (int i = 0; i < _count; i++)
            {
                int k = (_head + i) % Capacity;
                if (_endUs[k] > w) inHour += _airUs[k];
            }
            if (inHour <= room) return nowUs;
            // Let the oldest entries leave the hour (w passes their end) until the rest leaves room for the frame.
            for (int i = 0; i < _count && inHour > room; i++)
            {
                int k = (_head + i) % Capacity;
                if (_endUs[k] <= w) continue;
                inHour -= _airUs[k];
                w = _endUs[k];
            }
            return w + ObservationUs - airTimeUs;
        }
    }
}
