using System;
using LoRaWan.Platform;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// Virtual time and a discrete-event queue. Events run in order of due time, and events due at the same
    /// microsecond in the order they were scheduled. Time only moves when <see cref="RunNext"/> or
    /// <see cref="RunUntil"/> is called, so a simulation is deterministic and runs as fast as the host allows.
    /// The queue is a binary heap over parallel arrays (due time, sequence number, handler, tag): no generics and,
    /// once the arrays have grown to the simulation's needs, no allocation per event.
    /// It is also an <see cref="IScheduler"/> with one MAC alarm (see <see cref="Alarm"/>).
    /// </summary>
    public sealed class VirtualScheduler : IScheduler
    {
        ulong _nowUs;
        ulong _nextSequence;
        int _count;
        ulong[] _due;
        ulong[] _sequence;
        ISimulationEventHandler[] _handler;
        int[] _tag;
        readonly VirtualAlarm _alarm;

        /// <summary>Starts at time 0 with room for 64 pending events (the queue grows when needed).</summary>
        public VirtualScheduler() : this(64)
        {
        }

        /// <summary>Starts at time 0 with room for <paramref name="capacity"/> pending events.</summary>
        public VirtualScheduler(int capacity)
        {
            if (capacity < 4) capacity = 4;
            _due = new ulong[capacity];
            _sequence = new ulong[capacity];
            _handler = new ISimulationEventHandler[capacity];
            _tag = new int[capacity];
            _alarm = new VirtualAlarm(this, null);
        }

        /// <summary>The current virtual time in microseconds.</summary>
        public ulong NowMicroseconds
        {
            get { return _nowUs; }
        }

        /// <summary>Number of events waiting (including ones their owners will ignore as stale).</summary>
        public int PendingCount
        {
            get { return _count; }
        }

        /// <summary>Due time of the next event, or <see cref="ulong.MaxValue"/> when none is pending.</summary>
        public ulong NextDueUs
        {
            get { return _count == 0 ? ulong.MaxValue : _due[0]; }
        }

        /// <summary>The built-in alarm behind this scheduler's <see cref="IScheduler"/> members (no jitter unless set).</summary>
        public VirtualAlarm Alarm
        {
            get { return _alarm; }
        }

        /// <summary>
        /// Schedules <paramref name="handler"/> to run at <paramref name="atUs"/> with <paramref name="tag"/>. A time
        /// in the past runs at the current time (after what is already due now).
        /// </summary>
        public void Schedule(ulong atUs, ISimulationEventHandler handler, int tag)
        {
            if (handler == null) throw new ArgumentNullException("handler");
            if (atUs < _nowUs) atUs = _nowUs;
            if (_count == _due.Length) Grow();
            int i = _count++;
            ulong sequence = _nextSequence++;
            // Sift up.
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!Earlier(atUs, sequence, _due[parent], _sequence[parent])) break;
                Move(parent, i);
                i = parent;
            }
            _due[i] = atUs;
            _sequence[i] = sequence;
            _handler[i] = handler;
            _tag[i] = tag;
        }

        /// <summary>Schedules <paramref name="handler"/> <paramref name="delayUs"/> after the current time.</summary>
        public void ScheduleAfter(ulong delayUs, ISimulationEventHandler handler, int tag)
        {
            Schedule(_nowUs + delayUs, handler, tag);
        }

        /// <summary>Advances the clock to the next event and runs it. Returns false when nothing is pending.</summary>
        public bool RunNext()
        {
            if (_count == 0) return false;
            ulong due = _due[0];
            ISimulationEventHandler handler = _handler[0];
            int tag = _tag[0];
            RemoveTop();
            if (due > _nowUs) _nowUs = due;
            handler.OnSimulationEvent(_nowUs, tag);
            return true;
        }

        /// <summary>
        /// Runs every event due at or before <paramref name="timeUs"/> (including those scheduled meanwhile), then
        /// sets the clock to <paramref name="timeUs"/> (if it is not already later).
        /// </summary>
        public void RunUntil(ulong timeUs)
        {
            while (_count > 0 && _due[0] <= timeUs) RunNext();
            if (timeUs > _nowUs) _nowUs = timeUs;
        }

        /// <summary>Runs events for <paramref name="durationUs"/> of virtual time from now.</summary>
        public void RunFor(ulong durationUs)
        {
            RunUntil(_nowUs + durationUs);
        }

        /// <summary>Runs events until none is pending or <paramref name="maxEvents"/> have run; returns how many ran.</summary>
        public int RunUntilIdle(int maxEvents)
        {
            int ran = 0;
            while (ran < maxEvents && RunNext()) ran++;
            return ran;
        }

        /// <inheritdoc />
        public void SetTimerSink(ITimerSink sink)
        {
            _alarm.SetTimerSink(sink);
        }

        /// <inheritdoc />
        public void Arm(ulong dueUs)
        {
            _alarm.Arm(dueUs);
        }

        /// <inheritdoc />
        public void Cancel()
        {
            _alarm.Cancel();
        }

        static bool Earlier(ulong dueA, ulong sequenceA, ulong dueB, ulong sequenceB)
        {
            return dueA < dueB || (dueA == dueB && sequenceA < sequenceB);
        }

        void Move(int from, int to)
        {
            _due[to] = _due[from];
            _sequence[to] = _sequence[from];
            _handler[to] = _handler[from];
            _tag[to] = _tag[from];
        }

        void RemoveTop()
        {
            int last = --_count;
            ulong due = _due[last];
            ulong sequence = _sequence[last];
            ISimulationEventHandler handler = _handler[last];
            int tag = _tag[last];
            _handler[last] = null;
            if (last == 0) return;
            // Sift the former last element down from the root.
            int i = 0;
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= last) break;
                if (child + 1 < last && Earlier(_due[child + 1], _sequence[child + 1], _due[child], _sequence[child])) child++;
                if (!Earlier(_due[child], _sequence[child], due, sequence)) break;
                Move(child, i);
                i = child;
            }
            _due[i] = due;
            _sequence[i] = sequence;
            _handler[i] = handler;
            _tag[i] = tag;
        }

        void Grow()
        {
            int capacity = _due.Length * 2;
            ulong[] due = new ulong[capacity];
            ulong[] sequence = new ulong[capacity];
            ISimulationEventHandler[] handler = new ISimulationEventHandler[capacity];
            int[] tag = new int[capacity];
            Array.Copy(_due, 0, due, 0, _count);
            Array.Copy(_sequence, 0, sequence, 0, _count);
            Array.Copy(_handler, 0, handler, 0, _count);
            Array.Copy(_tag, 0, tag, 0, _count);
            _due = due;
            _sequence = sequence;
            _handler = handler;
            _tag = tag;
        }
    }
}
