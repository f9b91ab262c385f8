namespace LoRaWan.Platform
{
    /// <summary>
    /// Storage that survives resets and deep sleep (a file on internal flash on the device, memory in
    /// simulation). Records are small byte blocks in numbered slots; a write may be cut short by power loss,
    /// so callers protect each record with a CRC and alternate between two slots.
    /// </summary>
    public interface INonVolatileStore
    {
        /// <summary>
        /// Reads slot <paramref name="slot"/> into <paramref name="buffer"/> at <paramref name="offset"/> (at most
        /// <paramref name="maxLength"/> bytes); returns the number of bytes read, or 0 when the slot is empty.
        /// </summary>
        int Read(int slot, byte[] buffer, int offset, int maxLength);

        /// <summary>Replaces slot <paramref name="slot"/> with <paramref name="length"/> bytes of <paramref name="buffer"/>.</summary>
        void Write(int slot, byte[] buffer, int offset, int length);
    }
}
