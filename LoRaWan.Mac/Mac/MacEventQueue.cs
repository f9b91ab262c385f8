using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    /// <summary>
    /// A fixed-size, thread-safe FIFO of MAC events. Interrupt handlers and timer callbacks only
    /// <see cref="Post"/> (a few field writes under a short lock, no allocation); the MAC's own thread
    /// takes events out with <see cref="TryTake"/>. When full, the newest event is dropped and counted.
    /// </summary>
    public sealed class MacEventQueue
    {
        readonly object _lock = new object();
        readonly int[] _kinds;
        readonly int[] _radioEvents;
        readonly ulong[] _times;
        readonly ulong[] _dues;
        int _head;
        int _count;
        // An alarm or a request that found the queue full is kept aside rather than lost (a lost alarm would stall the MAC).
        bool _timerAside;
        ulong _timerAsideDue;
        ulong _timerAsideFired;
        bool _requestAside;

        /// <param name="capacity">events the queue holds</param>
        public MacEventQueue(int capacity)
        {
            _kinds = new int[capacity];
            _radioEvents = new int[capacity];
            _times = new ulong[capacity];
            _dues = new ulong[capacity];
        }

        /// <summary>Events lost because the queue was full.</summary>
        public int Dropped { get; private set; }

        /// <summary>Events waiting.</summary>
        public int Count { get { lock (_lock) { return _count; } } }

        /// <summary>Adds an event; returns false (and counts it) when the queue is full.</summary>
        public bool Post(MacEventKind kind, RadioEvent radioEvent, ulong timeUs, ulong dueUs)
        {
            lock (_lock)
            {
                if (_count == _kinds.Length)
                {
                    Dropped++;
                    return false;
                }
                int i = (_head + _count) % _kinds.Length;
                _kinds[i] = (int)kind;
                _radioEvents[i] = (int)radioEvent;
                _times[i] = timeUs;
                _dues[i] = dueUs;
                _count++;
                return true;
            }
        }

        /// <summary>
        /// Keeps an alarm (<see cref="MacEventKind.Timer"/>) or a request that <see cref="Post"/> could not queue;
        /// <see cref="TryTake"/> returns it after the queue.
        /// </summary>
        public void KeepAside(MacEventKind kind, ulong dueUs, ulong firedUs)
        {
            lock (_lock)
            {
                if (kind != MacEventKind.Timer) { _requestAside = true; return; }
                _timerAside = true;
                _timerAsideDue = dueUs;
                _timerAsideFired = firedUs;
            }
        }

        /// <summary>Takes the oldest event, then an alarm or request kept aside; returns false when there is none.</summary>
        public bool TryTake(out MacEventKind kind, out RadioEvent radioEvent, out ulong timeUs, out ulong dueUs)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    radioEvent = RadioEvent.None;
                    if (_timerAside)
                    {
                        _timerAside = false;
                        kind = MacEventKind.Timer;
                        timeUs = _timerAsideFired;
                        dueUs = _timerAsideDue;
                        return true;
                    }
                    if (_requestAside)
                    {
                        _requestAside = false;
                        kind = MacEventKind.Request;
                        timeUs = 0;
                        dueUs = 0;
                        return true;
                    }
                    kind = MacEventKind.None;
                    timeUs = 0;
                    dueUs = 0;
                    return false;
                }
                kind = (MacEventKind)_kinds[_head];
                radioEvent = (RadioEvent)_radioEvents[_head];
                timeUs = _times[_head];
                dueUs = _dues[_head];
                _head = (_head + 1) % _kinds.Length;
                _count--;
                return true;
            }
        }
    }
}
