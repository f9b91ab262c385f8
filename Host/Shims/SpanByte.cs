namespace System
{
    /// <summary>
    /// Host (.NET) implementation of nanoFramework's <c>System.SpanByte</c> (CoreLibrary 1.17): a view over a
    /// byte[] with the same members and bounds checks, so device code using it runs unchanged on Linux.
    /// </summary>
    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public SpanByte(byte[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start));
                _array = null; _start = 0; _length = 0;
                return;
            }
            if (start < 0 || length < 0 || start + length > array.Length) throw new ArgumentOutOfRangeException(nameof(start));
            _array = array; _start = start; _length = length;
        }

        public byte this[int index]
        {
            get { if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException(); return _array[_start + index]; }
            set { if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException(); _array[_start + index] = value; }
        }

        public static SpanByte Empty => new SpanByte();
        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public void CopyTo(SpanByte destination)
        {
            if (destination._length < _length) throw new ArgumentException("destination too small");
            if (_length > 0) Array.Copy(_array, _start, destination._array, destination._start, _length);
        }

        public SpanByte Slice(int start)
        {
            if (start < 0 || start > _length) throw new ArgumentOutOfRangeException(nameof(start));
            return new SpanByte(_array, _start + start, _length - start);
        }

        public SpanByte Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > _length) throw new ArgumentOutOfRangeException(nameof(start));
            return new SpanByte(_array, _start + start, length);
        }

        public byte[] ToArray()
        {
            var copy = new byte[_length];
            if (_length > 0) Array.Copy(_array, _start, copy, 0, _length);
            return copy;
        }

        public static implicit operator SpanByte(byte[] array) => new SpanByte(array);
    }
}
