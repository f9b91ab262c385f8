using LoRaWan.Platform;
using LoRaWan.Session;

namespace LoRaWan.Firmware.App
{
    /// <summary>
    /// The sketch's own settings that downlinks change (report interval, LED), kept in the application's slots of the
    /// non-volatile store (<see cref="StoreSlots.Application"/>, the map of every slot) with the MAC's two-slot,
    /// CRC-protected <see cref="RecordStore"/>, so they survive resets and deep sleep.
    /// </summary>
    public sealed class SketchSettings
    {
        /// <summary>Shortest report interval a downlink may set: 1 minute.</summary>
        public const int MinIntervalMs = 60000;
        /// <summary>Longest report interval a downlink may set: 327.67 minutes, the largest CayenneLPP analog value.</summary>
        public const int MaxIntervalMs = 32767 * 600;

        const int PayloadSize = 9;

        readonly RecordStore _record;
        readonly byte[] _payload = new byte[PayloadSize];
        readonly int _defaultIntervalMs;

        /// <summary>Milliseconds between uplinks.</summary>
        public int IntervalMs;
        /// <summary>The LED state.</summary>
        public bool LedOn;

        /// <summary>Settings with <paramref name="defaultIntervalMs"/>, persisted in <paramref name="store"/> (null: not persisted).</summary>
        public SketchSettings(INonVolatileStore store, int defaultIntervalMs)
        {
            IntervalMs = defaultIntervalMs;
            _defaultIntervalMs = defaultIntervalMs;
            if (store != null) _record = new RecordStore(store, StoreSlots.Application, 0x5041 /* "AP" */, 1, PayloadSize);
        }

        /// <summary>
        /// Restores the persisted settings; false (defaults kept) when none are stored, or when they were stored
        /// under another default interval (the firmware was rebuilt with a new one: the new default wins).
        /// </summary>
        public bool Load()
        {
            if (_record == null || !_record.Load(_payload, 0)) return false;
            if (I32(5) != _defaultIntervalMs) return false;
            int interval = I32(0);
            if (interval >= MinIntervalMs && interval <= MaxIntervalMs) IntervalMs = interval;
            LedOn = (_payload[4] & 1) != 0;
            return true;
        }

        /// <summary>Persists the current settings (a flash write: call it outside the MAC's callbacks).</summary>
        public void Save()
        {
            if (_record == null) return;
            _payload[0] = (byte)IntervalMs;
            _payload[1] = (byte)(IntervalMs >> 8);
            _payload[2] = (byte)(IntervalMs >> 16);
            _payload[3] = (byte)(IntervalMs >> 24);
            _payload[4] = (byte)(LedOn ? 1 : 0);
            _payload[5] = (byte)_defaultIntervalMs;
            _payload[6] = (byte)(_defaultIntervalMs >> 8);
            _payload[7] = (byte)(_defaultIntervalMs >> 16);
            _payload[8] = (byte)(_defaultIntervalMs >> 24);
            _record.Save(_payload, 0);
        }

        int I32(int offset)
        {
            return _payload[offset] | (_payload[offset + 1] << 8) | (_payload[offset + 2] << 16) | (_payload[offset + 3] << 24);
        }
    }
}
