using System;
using System.IO;
using LoRaWan.Platform;

namespace LoRaWan.Firmware.Esp32
{
    /// <summary>
    /// <see cref="INonVolatileStore"/> on the ESP32's internal flash file system (drive <c>I:\</c>, LittleFS in the
    /// nanoCLR images): one small file per slot, read and replaced whole with <see cref="File.ReadAllBytes"/> and
    /// <see cref="File.WriteAllBytes"/>.
    /// </summary>
    /// <remarks>
    /// No write-to-temporary-then-rename dance: nanoFramework's <see cref="File.Move"/> refuses an existing target, so
    /// a replacement would need Delete + Move and would not be atomic either. Atomicity lives one layer up: the MAC's
    /// <c>RecordStore</c> writes each record alternately into two slots with a CRC, so a write cut short by a power
    /// loss leaves the other slot's copy valid. A slot that cannot be read counts as empty.
    /// </remarks>
    public sealed class FlashStore : INonVolatileStore
    {
        /// <summary>The internal flash drive.</summary>
        public const string Drive = "I:\\";

        readonly string[] _paths;
        readonly byte[][] _writeBuffers;

        /// <summary>A store of <paramref name="slotCount"/> slots named <c>I:\{prefix}{slot}.bin</c>.</summary>
        public FlashStore(string prefix, int slotCount)
        {
            _paths = new string[slotCount];
            _writeBuffers = new byte[slotCount][];
            for (int i = 0; i < slotCount; i++) _paths[i] = Drive + prefix + i.ToString() + ".bin";
        }

        /// <summary>The file that holds slot <paramref name="slot"/>.</summary>
        public string PathOf(int slot)
        {
            return _paths[slot];
        }

        /// <inheritdoc />
        public int Read(int slot, byte[] buffer, int offset, int maxLength)
        {
            string path = _paths[slot];
            try
            {
                if (!File.Exists(path)) return 0;
                byte[] data = File.ReadAllBytes(path);
                int n = data.Length < maxLength ? data.Length : maxLength;
                Array.Copy(data, 0, buffer, offset, n);
                return n;
            }
            catch (IOException)
            {
                return 0;
            }
        }

        /// <inheritdoc />
        public void Write(int slot, byte[] buffer, int offset, int length)
        {
            byte[] whole = buffer;
            if (offset != 0 || length != buffer.Length)
            {
                // WriteAllBytes writes a whole array: keep one per slot, sized to its record (records are fixed-size).
                whole = _writeBuffers[slot];
                if (whole == null || whole.Length != length)
                {
                    whole = new byte[length];
                    _writeBuffers[slot] = whole;
                }
                Array.Copy(buffer, offset, whole, 0, length);
            }
            File.WriteAllBytes(_paths[slot], whole);
        }

        /// <summary>Deletes every slot's file (a factory reset: the device joins again with the next DevNonce lost too).</summary>
        public void EraseAll()
        {
            for (int i = 0; i < _paths.Length; i++)
                if (File.Exists(_paths[i])) File.Delete(_paths[i]);
        }
    }
}
