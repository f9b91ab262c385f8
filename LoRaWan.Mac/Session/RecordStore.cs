using System;
using LoRaWan.Platform;

namespace LoRaWan.Session
{
    /// <summary>
    /// Keeps one fixed-size, versioned, CRC-protected record in two slots of an <see cref="INonVolatileStore"/>,
    /// written alternately, so that a power cut in the middle of a write never loses the last good copy.
    /// <para>Slot layout: magic (2, little-endian) | version (1) | reserved (1) | payload length (2) | sequence (4) |
    /// payload | CRC-32 of everything before it (4). The copy with a valid header and CRC and the newer sequence wins.</para>
    /// </summary>
    public sealed class RecordStore
    {
        const int HeaderSize = 10;
        const int CrcSize = 4;

        /// <summary>Bytes a slot holds besides the payload: the header and the CRC.</summary>
        public const int Overhead = HeaderSize + CrcSize;

        readonly INonVolatileStore _store;
        readonly int _firstSlot;
        // The magic (bits 0..15), the version (16..23) and the legacy version (24..31) in one field, and the payload size
        // from the buffer's length (issue 20: on nanoCLR every field is a heap block, 24 B on a 64-bit heap).
        readonly int _format;
        readonly byte[] _buffer;
        readonly int _legacyPayloadSize;
        uint _sequence;
        int _loadedSize;
        int _lastSlot = -1;

        /// <param name="store">the non-volatile store</param>
        /// <param name="firstSlot">this record uses slots <paramref name="firstSlot"/> and <paramref name="firstSlot"/> + 1</param>
        /// <param name="magic">identifies the record kind</param>
        /// <param name="version">layout version; a stored copy of another version is ignored</param>
        /// <param name="payloadSize">payload bytes (at most 1024)</param>
        public RecordStore(INonVolatileStore store, int firstSlot, ushort magic, byte version, int payloadSize)
        {
            if (store == null) throw new ArgumentNullException("store");
            if (payloadSize < 1 || payloadSize > 1024) throw new ArgumentOutOfRangeException("payloadSize", "a record holds 1..1024 bytes");
            _store = store;
            _firstSlot = firstSlot;
            _format = magic | (version << 16);
            _buffer = new byte[HeaderSize + payloadSize + CrcSize];
        }

        /// <summary>
        /// A record whose layout grew: a valid copy of <paramref name="legacyVersion"/> with <paramref name="legacyPayloadSize"/>
        /// (smaller than <paramref name="payloadSize"/>) bytes still loads, its payload followed by zeros (see
        /// <see cref="LoadedLegacy"/>); saves always write the current version. The slot alternation and the sequence carry
        /// on from the legacy copy, so the first save never overwrites the newest copy.
        /// </summary>
        public RecordStore(INonVolatileStore store, int firstSlot, ushort magic, byte version, int payloadSize,
            byte legacyVersion, int legacyPayloadSize) : this(store, firstSlot, magic, version, payloadSize)
        {
            if (legacyPayloadSize < 1 || legacyPayloadSize >= payloadSize || legacyVersion == version)
                throw new ArgumentOutOfRangeException("legacyPayloadSize", "a legacy layout is an older version with a smaller payload");
            _format |= legacyVersion << 24;
            _legacyPayloadSize = legacyPayloadSize;
        }

        /// <summary>True when the last <see cref="Load"/> found a copy in the legacy layout (the payload past it is zero).</summary>
        public bool LoadedLegacy { get { return _legacyPayloadSize > 0 && _loadedSize == _legacyPayloadSize; } }

        /// <summary>Payload size in bytes.</summary>
        public int PayloadSize { get { return _buffer.Length - Overhead; } }

        /// <summary>Bytes one slot occupies.</summary>
        public int SlotSize { get { return _buffer.Length; } }

        /// <summary>
        /// Loads the newest valid copy into <paramref name="payload"/> at <paramref name="offset"/>; returns false
        /// when neither slot holds a valid copy (first start, or both corrupted).
        /// </summary>
        public bool Load(byte[] payload, int offset)
        {
            int bestSlot = -1;
            uint bestSequence = 0;
            for (int i = 0; i < 2; i++)
            {
                uint sequence;
                if (ReadValid(_firstSlot + i, out sequence) == 0) continue;
                if (bestSlot < 0 || (int)(sequence - bestSequence) > 0)
                {
                    bestSlot = _firstSlot + i;
                    bestSequence = sequence;
                }
            }
            if (bestSlot < 0) return false;
            _loadedSize = ReadValid(bestSlot, out bestSequence);
            Array.Copy(_buffer, HeaderSize, payload, offset, _loadedSize);
            int payloadSize = _buffer.Length - Overhead;
            if (_loadedSize < payloadSize) Array.Clear(payload, offset + _loadedSize, payloadSize - _loadedSize);
            _sequence = bestSequence;
            _lastSlot = bestSlot;
            return true;
        }

        /// <summary>Writes a new copy into the slot that does not hold the newest one.</summary>
        public void Save(byte[] payload, int offset)
        {
            _sequence++;
            int slot = _lastSlot == _firstSlot ? _firstSlot + 1 : _firstSlot;
            int format = _format;
            int payloadSize = _buffer.Length - Overhead;
            _buffer[0] = (byte)format;
            _buffer[1] = (byte)(format >> 8);
            _buffer[2] = (byte)(format >> 16);
            _buffer[3] = 0;
            _buffer[4] = (byte)payloadSize;
            _buffer[5] = (byte)(payloadSize >> 8);
            _buffer[6] = (byte)_sequence;
            _buffer[7] = (byte)(_sequence >> 8);
            _buffer[8] = (byte)(_sequence >> 16);
            _buffer[9] = (byte)(_sequence >> 24);
            Array.Copy(payload, offset, _buffer, HeaderSize, payloadSize);
            uint crc = Crc32.Compute(_buffer, 0, HeaderSize + payloadSize);
            int c = HeaderSize + payloadSize;
            _buffer[c] = (byte)crc;
            _buffer[c + 1] = (byte)(crc >> 8);
            _buffer[c + 2] = (byte)(crc >> 16);
            _buffer[c + 3] = (byte)(crc >> 24);
            _store.Write(slot, _buffer, 0, _buffer.Length);
            _lastSlot = slot;
        }

        /// <summary>
        /// True when either slot holds any non-zero byte, valid or not: something was written here once (an
        /// <see cref="Erase"/> leaves zeros). Used to tell a lost record from one that never existed.
        /// </summary>
        public bool HasTraces()
        {
            for (int i = 0; i < 2; i++)
            {
                int n = _store.Read(_firstSlot + i, _buffer, 0, _buffer.Length);
                for (int j = 0; j < n; j++) if (_buffer[j] != 0) return true;
            }
            return false;
        }

        /// <summary>Forgets both copies (writes empty, invalid slots).</summary>
        public void Erase()
        {
            Array.Clear(_buffer, 0, _buffer.Length);
            _store.Write(_firstSlot, _buffer, 0, _buffer.Length);
            _store.Write(_firstSlot + 1, _buffer, 0, _buffer.Length);
            _lastSlot = -1;
        }

        /// <summary>The payload size of the valid copy in <paramref name="slot"/> (current or legacy layout), 0 when none.</summary>
        int ReadValid(int slot, out uint sequence)
        {
            sequence = 0;
            int n = _store.Read(slot, _buffer, 0, _buffer.Length);
            if (n < HeaderSize + CrcSize) return 0;
            int format = _format;
            if (_buffer[0] != (byte)format || _buffer[1] != (byte)(format >> 8)) return 0;
            int size = _buffer[4] | (_buffer[5] << 8);
            bool current = _buffer[2] == (byte)(format >> 16) && size == _buffer.Length - Overhead;
            bool legacy = _legacyPayloadSize > 0 && _buffer[2] == (byte)(format >> 24) && size == _legacyPayloadSize;
            if ((!current && !legacy) || n < HeaderSize + size + CrcSize) return 0;
            int c = HeaderSize + size;
            uint stored = (uint)(_buffer[c] | (_buffer[c + 1] << 8) | (_buffer[c + 2] << 16) | (_buffer[c + 3] << 24));
            if (stored != Crc32.Compute(_buffer, 0, c)) return 0;
            sequence = (uint)(_buffer[6] | (_buffer[7] << 8) | (_buffer[8] << 16) | (_buffer[9] << 24));
            return size;
        }
    }
}
