using System;

namespace LoRaWan.Tests.Mac
{
    // What ScriptedRadio records about each call, kept in typed arrays allocated when the radio is built: recording a
    // call boxes nothing and allocates nothing (the ArrayLists before boxed every time, frequency and spreading factor:
    // 14 heap objects per Class A cycle on nanoCLR, and copied each frame into a new array). A record that fills up
    // doubles its arrays, so a long test never loses an entry; Clear() lets a long run reuse a record without growing.
    // Interpreted, an Add here costs more than ArrayList.Add's native one (the measured cycle rose 983,635 -> 992,618
    // x86 with them): a benchmark turns recording off instead (ScriptedRadio.Recording).

    /// <summary>
    /// The store of the scalar records below: values widened to ulong, in the order recorded. Each typed record
    /// (<see cref="TimeRecord"/>, <see cref="FrequencyRecord"/>, <see cref="NumberRecord"/>, <see cref="FlagRecord"/>) is
    /// this with its own Add and indexer, so the growth and the index check are written once.
    /// </summary>
    public abstract class ValueRecord
    {
        ulong[] _items;
        int _count;

        /// <summary>Room for <paramref name="capacity"/> entries before the first growth.</summary>
        protected ValueRecord(int capacity) { _items = new ulong[capacity < 1 ? 1 : capacity]; }

        /// <summary>Entries recorded.</summary>
        public int Count { get { return _count; } }

        /// <summary>Entry <paramref name="index"/> (0-based), widened.</summary>
        /// <exception cref="ArgumentOutOfRangeException">outside 0..Count−1</exception>
        protected ulong Get(int index)
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException("index");
            return _items[index];
        }

        /// <summary>Appends <paramref name="value"/>, widened (the arrays double when full).</summary>
        protected void Put(ulong value)
        {
            if (_count == _items.Length)
            {
                var grown = new ulong[_items.Length * 2];
                Array.Copy(_items, grown, _count);
                _items = grown;
            }
            _items[_count++] = value;
        }

        /// <summary>Forgets every entry (the arrays stay).</summary>
        public void Clear() { _count = 0; }
    }

    /// <summary>Times in µs (ulong), in the order recorded.</summary>
    public sealed class TimeRecord : ValueRecord
    {
        /// <summary>Room for <paramref name="capacity"/> entries before the first growth.</summary>
        public TimeRecord(int capacity) : base(capacity) { }

        /// <summary>Entry <paramref name="index"/> (0-based).</summary>
        /// <exception cref="ArgumentOutOfRangeException">outside 0..Count−1</exception>
        public ulong this[int index] { get { return Get(index); } }

        /// <summary>Appends <paramref name="value"/>.</summary>
        public void Add(ulong value) { Put(value); }
    }

    /// <summary>Frequencies in Hz (uint), in the order recorded.</summary>
    public sealed class FrequencyRecord : ValueRecord
    {
        /// <summary>Room for <paramref name="capacity"/> entries before the first growth.</summary>
        public FrequencyRecord(int capacity) : base(capacity) { }

        /// <summary>Entry <paramref name="index"/> (0-based).</summary>
        /// <exception cref="ArgumentOutOfRangeException">outside 0..Count−1</exception>
        public uint this[int index] { get { return (uint)Get(index); } }

        /// <summary>Appends <paramref name="value"/>.</summary>
        public void Add(uint value) { Put(value); }
    }

    /// <summary>Whole numbers (int: spreading factor, symbol timeout, power in dBm), in the order recorded.</summary>
    public sealed class NumberRecord : ValueRecord
    {
        /// <summary>Room for <paramref name="capacity"/> entries before the first growth.</summary>
        public NumberRecord(int capacity) : base(capacity) { }

        /// <summary>Entry <paramref name="index"/> (0-based).</summary>
        /// <exception cref="ArgumentOutOfRangeException">outside 0..Count−1</exception>
        public int this[int index] { get { return (int)(long)Get(index); } }

        /// <summary>Appends <paramref name="value"/>.</summary>
        public void Add(int value) { Put((ulong)(long)value); }
    }

    /// <summary>Flags (bool), in the order recorded.</summary>
    public sealed class FlagRecord : ValueRecord
    {
        /// <summary>Room for <paramref name="capacity"/> entries before the first growth.</summary>
        public FlagRecord(int capacity) : base(capacity) { }

        /// <summary>Entry <paramref name="index"/> (0-based).</summary>
        /// <exception cref="ArgumentOutOfRangeException">outside 0..Count−1</exception>
        public bool this[int index] { get { return Get(index) != 0; } }

        /// <summary>Appends <paramref name="value"/>.</summary>
        public void Add(bool value) { Put(value ? 1UL : 0UL); }
    }

    /// <summary>
    /// Frames (bytes), in the order recorded: each one copied into one shared byte pool, so recording a frame allocates
    /// nothing. Reading entry i makes its byte[] on the first read (a test's cost, not the radio's) and returns that same
    /// array on later reads.
    /// </summary>
    public sealed class FrameRecord
    {
        byte[] _pool;
        int _used;
        int[] _offset;
        int[] _length;
        byte[][] _read;
        int _count;

        /// <summary>Room for <paramref name="capacity"/> frames of <paramref name="bytesEach"/> bytes on average before the first growth.</summary>
        public FrameRecord(int capacity, int bytesEach)
        {
            if (capacity < 1) capacity = 1;
            _pool = new byte[capacity * (bytesEach < 1 ? 1 : bytesEach)];
            _offset = new int[capacity];
            _length = new int[capacity];
            _read = new byte[capacity][];
        }

        /// <summary>Frames recorded.</summary>
        public int Count { get { return _count; } }

        /// <summary>Frame <paramref name="index"/> (0-based), as its own array.</summary>
        /// <exception cref="ArgumentOutOfRangeException">outside 0..Count−1</exception>
        public byte[] this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException("index");
                byte[] frame = _read[index];
                if (frame == null)
                {
                    frame = new byte[_length[index]];
                    Array.Copy(_pool, _offset[index], frame, 0, frame.Length);
                    _read[index] = frame;
                }
                return frame;
            }
        }

        /// <summary>Appends a copy of <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public void Add(byte[] buffer, int offset, int length)
        {
            if (_count == _offset.Length)
            {
                int capacity = _count * 2;
                var offsets = new int[capacity];
                var lengths = new int[capacity];
                var read = new byte[capacity][];
                Array.Copy(_offset, offsets, _count);
                Array.Copy(_length, lengths, _count);
                Array.Copy(_read, read, _count);
                _offset = offsets;
                _length = lengths;
                _read = read;
            }
            if (_used + length > _pool.Length)
            {
                int size = _pool.Length * 2;
                while (size < _used + length) size *= 2;
                var pool = new byte[size];
                Array.Copy(_pool, pool, _used);
                _pool = pool;
            }
            Array.Copy(buffer, offset, _pool, _used, length);
            _offset[_count] = _used;
            _length[_count] = length;
            _read[_count] = null;
            _used += length;
            _count++;
        }

        /// <summary>Forgets every frame (the pool stays).</summary>
        public void Clear()
        {
            for (int i = 0; i < _count; i++) _read[i] = null;
            _count = 0;
            _used = 0;
        }
    }
}
