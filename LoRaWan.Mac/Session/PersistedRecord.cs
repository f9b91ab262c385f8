namespace LoRaWan.Session
{
    /// <summary>One record of the store together with the buffer its payload is built in and read into (allocated once).</summary>
    public sealed class PersistedRecord
    {
        /// <summary>The alternating slots that hold the record.</summary>
        public readonly RecordStore Store;
        /// <summary>The payload, as last loaded or about to be saved.</summary>
        public readonly byte[] Payload;

        /// <summary>The record kept by <paramref name="store"/>, whose payload is <paramref name="payloadSize"/> bytes.</summary>
        public PersistedRecord(RecordStore store, int payloadSize)
        {
            Store = store;
            Payload = new byte[payloadSize];
        }

        /// <summary>Reads the newest valid copy into <see cref="Payload"/>; false when there is none.</summary>
        public bool Load() { return Store.Load(Payload, 0); }

        /// <summary>Writes <see cref="Payload"/> to the older slot.</summary>
        public void Save() { Store.Save(Payload, 0); }
    }
}
