using System;
using LoRaWan.Platform;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// An in-memory <see cref="INonVolatileStore"/> that survives simulated resets (the board is rebuilt,
    /// this object is kept) and can cut power in the middle of a write: the slot then holds the first
    /// bytes of the new data followed by the old ones, as a torn flash write would.
    /// </summary>
    public sealed class SimulatedFlash : INonVolatileStore
    {
        readonly byte[][] _slots;
        int _tearAfterWrites = -1;
        int _tearAtByte;

        /// <param name="slotCount">number of slots</param>
        /// <param name="slotSize">bytes per slot</param>
        public SimulatedFlash(int slotCount, int slotSize)
        {
            _slots = new byte[slotCount][];
            for (int i = 0; i < slotCount; i++) _slots[i] = new byte[0];
            SlotSize = slotSize;
        }

        /// <summary>Bytes per slot.</summary>
        public int SlotSize { get; private set; }

        /// <summary>Writes completed so far.</summary>
        public int Writes { get; private set; }

        /// <summary>Set when a torn write has happened: the "device" lost power and must be restarted.</summary>
        public bool PowerLost { get; private set; }

        /// <summary>
        /// Cuts power during the write after the next <paramref name="completeWrites"/> complete ones, leaving
        /// only its first <paramref name="bytesWritten"/> bytes in the slot. The torn write then throws
        /// <see cref="PowerLossException"/> so nothing after it runs, as on a real power cut.
        /// </summary>
        public void TearAfter(int completeWrites, int bytesWritten)
        {
            _tearAfterWrites = completeWrites;
            _tearAtByte = bytesWritten;
        }

        /// <inheritdoc />
        public int Read(int slot, byte[] buffer, int offset, int maxLength)
        {
            CheckSlot(slot);
            byte[] data = _slots[slot];
            int n = data.Length < maxLength ? data.Length : maxLength;
            Array.Copy(data, 0, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public void Write(int slot, byte[] buffer, int offset, int length)
        {
            CheckSlot(slot);
            if (length > SlotSize) throw new ArgumentOutOfRangeException("length", "record larger than a slot");
            if (_tearAfterWrites == 0)
            {
                _tearAfterWrites = -1;
                byte[] old = _slots[slot];
                byte[] torn = new byte[length];
                for (int i = 0; i < length; i++)
                    torn[i] = i < _tearAtByte ? buffer[offset + i] : (i < old.Length ? old[i] : (byte)0xFF);
                _slots[slot] = torn;
                PowerLost = true;
                throw new PowerLossException();
            }
            if (_tearAfterWrites > 0) _tearAfterWrites--;
            byte[] copy = _slots[slot].Length == length ? _slots[slot] : new byte[length];
            Array.Copy(buffer, offset, copy, 0, length);
            _slots[slot] = copy;
            Writes++;
        }

        /// <summary>Flips one bit of a stored slot (a corrupted record).</summary>
        public void Corrupt(int slot, int byteIndex)
        {
            CheckSlot(slot);
            _slots[slot][byteIndex] ^= 0x10;
        }

        /// <summary>
        /// Empties every slot, as a file system that would not mount is formatted at boot (nanoFramework mounts the
        /// ESP32's I: drive with format-if-mount-fails) or as nanoff --masserase leaves the flash.
        /// </summary>
        public void Wipe()
        {
            for (int i = 0; i < _slots.Length; i++) Wipe(i);
        }

        /// <summary>Empties one slot (its file is gone).</summary>
        public void Wipe(int slot)
        {
            CheckSlot(slot);
            _slots[slot] = new byte[0];
        }

        /// <summary>Restores power after a torn write (the next boot).</summary>
        public void PowerOn() { PowerLost = false; }

        void CheckSlot(int slot)
        {
            if (slot < 0 || slot >= _slots.Length) throw new ArgumentOutOfRangeException("slot");
        }
    }

    /// <summary>Thrown by <see cref="SimulatedFlash"/> when it cuts power in the middle of a write.</summary>
    public class PowerLossException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public PowerLossException() : base("simulated power loss during a flash write") { }
    }
}
