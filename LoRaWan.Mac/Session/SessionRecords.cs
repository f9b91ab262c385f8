namespace LoRaWan.Session
{
    /// <summary>
    /// The two records a <see cref="DeviceSession"/> is persisted in, split by change rate (see its remarks): the session
    /// record (<see cref="StoreSlots.Session"/>) and the frame-counter record (<see cref="StoreSlots.Counters"/>).
    /// Created once with the session.
    /// </summary>
    internal sealed class SessionRecords
    {
        /// <summary>Keys, RX parameters, ADR state, device class, channel plan and owed answers (version 2).</summary>
        internal readonly PersistedRecord Session;
        /// <summary>DevAddr, tag, FCntUp limit, FCntDown, ADR_ACK_CNT (version 1).</summary>
        internal readonly PersistedRecord Counters;

        internal SessionRecords(LoRaWan.Platform.INonVolatileStore store)
        {
            Session = new PersistedRecord(new RecordStore(store, StoreSlots.Session, 0x5353 /* "SS" */, 2, StoreSlots.SessionPayloadSize), StoreSlots.SessionPayloadSize);
            Counters = new PersistedRecord(new RecordStore(store, StoreSlots.Counters, 0x4346 /* "FC" */, 2, StoreSlots.CounterPayloadSize, 1, StoreSlots.CounterLegacyPayloadSize), StoreSlots.CounterPayloadSize);
        }
    }
}
