namespace LoRaWan.Session
{
    /// <summary>
    /// The one map of the non-volatile store's slots (<see cref="LoRaWan.Platform.INonVolatileStore"/>): which record
    /// lives in which slots and how many bytes a slot of each holds. Every record is kept by a
    /// <see cref="RecordStore"/> in two consecutive slots (written alternately); a slot holds
    /// <see cref="RecordStore.Overhead"/> bytes of header and CRC plus the record's payload.
    /// <code>
    /// slot  0   1 | 2   3   | 4   5       | 6   7
    ///       nonces| session | application | frame counters
    ///       47 B  | 256 B   | ≤ 256 B     | 39 B
    /// </code>
    /// The numbers are a persistent format: a firmware update that moves a record loses it (and a moved nonce record
    /// replays DevNonces), so they change only with a migration. A store for this stack has <see cref="Count"/> slots
    /// of at least <see cref="SlotSize"/> bytes.
    /// </summary>
    public static class StoreSlots
    {
        /// <summary>Slots one record occupies: two, written alternately (a torn write leaves the other copy).</summary>
        public const int PerRecord = 2;

        /// <summary>First slot of the nonce record (<see cref="NonceRecord"/>): slots 0 and 1.</summary>
        public const int Nonces = 0;
        /// <summary>
        /// Payload of the nonce record (version 3): DevNonce, JoinNonce, JoinEUI, DevEUI, AppKey check value, flags, and the
        /// next RJcount1 and RJcount0 of the LoRaWAN 1.1 Rejoin-requests (a ForceRejoinReq order in progress uses bits of bytes
        /// 7 and 8 that were always zero).
        /// </summary>
        public const int NoncePayloadSize = 33;
        /// <summary>Payload of the version-2 nonce record (before rejoin: no RJcount); it still loads, its RJcounts as 0.</summary>
        public const int NonceLegacyPayloadSize = 29;
        /// <summary>Bytes one slot of the nonce record holds.</summary>
        public const int NonceSlotSize = RecordStore.Overhead + NoncePayloadSize;

        /// <summary>First slot of the session record (<see cref="DeviceSession"/>): slots 2 and 3.</summary>
        public const int Session = 2;
        /// <summary>
        /// Payload of the session record: 64 bytes of fixed fields, the 128-byte channel plan
        /// (<see cref="LoRaWan.Regions.ChannelPlan.SerializedSize"/>), 3 bytes of lengths, 15 owed fresh and 32 owed
        /// sticky bytes (<see cref="DeviceSession.OwedFreshCapacity"/>, <see cref="DeviceSession.OwedStickyCapacity"/>).
        /// </summary>
        public const int SessionPayloadSize = 242;
        /// <summary>Bytes one slot of the session record holds.</summary>
        public const int SessionSlotSize = RecordStore.Overhead + SessionPayloadSize;

        /// <summary>
        /// First slot of the application's own record (the firmware's sketch settings): slots 4 and 5. The MAC never
        /// touches them; a record there holds at most <see cref="SlotSize"/> bytes per slot.
        /// </summary>
        public const int Application = 4;

        /// <summary>First slot of the frame-counter record (<see cref="DeviceSession"/>): slots 6 and 7.</summary>
        public const int Counters = 6;
        /// <summary>
        /// Payload of the frame-counter record (version 2): DevAddr, tag, FCntUp limit, FCntDown (NFCntDown in LoRaWAN 1.1),
        /// flags, ADR_ACK_CNT, AFCntDown (LoRaWAN 1.1).
        /// </summary>
        public const int CounterPayloadSize = 25;
        /// <summary>Payload of the version-1 frame-counter record (before LoRaWAN 1.1: no AFCntDown); it still loads.</summary>
        public const int CounterLegacyPayloadSize = 21;
        /// <summary>Bytes one slot of the frame-counter record holds.</summary>
        public const int CounterSlotSize = RecordStore.Overhead + CounterPayloadSize;

        /// <summary>Slots a store for this stack provides (0..7).</summary>
        public const int Count = 8;

        /// <summary>The largest slot any record needs (the session's); a store's slots hold at least this many bytes.</summary>
        public const int SlotSize = SessionSlotSize;
    }
}
