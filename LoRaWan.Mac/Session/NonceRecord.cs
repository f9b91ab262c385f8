using LoRaWan.Platform;

namespace LoRaWan.Session
{
    /// <summary>
    /// The join nonces, which must never roll back: the next DevNonce to use (LoRaWAN 1.0.4 §6.2.5: a
    /// counter starting at 0, never reused for a JoinEUI) and the JoinNonce of the last accepted
    /// join-accept (§6.2.6: a join-accept whose JoinNonce is not greater is discarded). Persisted in its
    /// own two-slot record, apart from the session, because it changes at a different rate and outlives sessions.
    /// </summary>
    public sealed class NonceRecord
    {
        /// <summary>Slots 0 and 1 of the store.</summary>
        public const int FirstSlot = 0;
        const int PayloadSize = 16;

        readonly RecordStore _store;
        readonly byte[] _payload = new byte[PayloadSize];

        /// <summary>Creates the record over <paramref name="store"/> (slots 0 and 1).</summary>
        public NonceRecord(INonVolatileStore store)
        {
            _store = new RecordStore(store, FirstSlot, 0x4E4E /* "NN" */, 1, PayloadSize);
        }

        /// <summary>The DevNonce the next JoinRequest uses.</summary>
        public int NextDevNonce;

        /// <summary>JoinNonce (AppNonce in 1.0.2) of the last accepted join-accept.</summary>
        public uint LastJoinNonce;

        /// <summary>False until a join-accept has been accepted.</summary>
        public bool HasJoinNonce;

        /// <summary>JoinEUI the counters belong to; a different JoinEUI starts them afresh.</summary>
        public ulong JoinEui;

        /// <summary>Loads the newest valid copy; returns false when there is none (counters start at 0).</summary>
        public bool Load()
        {
            if (!_store.Load(_payload, 0))
            {
                NextDevNonce = 0;
                LastJoinNonce = 0;
                HasJoinNonce = false;
                return false;
            }
            NextDevNonce = ByteWriter.U16(_payload, 0);
            LastJoinNonce = ByteWriter.U32(_payload, 2) & 0xFFFFFF;
            HasJoinNonce = _payload[5] != 0;
            JoinEui = ByteWriter.U32(_payload, 6) | ((ulong)ByteWriter.U32(_payload, 10) << 32);
            return true;
        }

        /// <summary>Writes the record (alternate slot, CRC-protected).</summary>
        public void Save()
        {
            ByteWriter.PutU16(_payload, 0, NextDevNonce);
            ByteWriter.PutU32(_payload, 2, LastJoinNonce & 0xFFFFFF);
            _payload[5] = (byte)(HasJoinNonce ? 1 : 0);
            ByteWriter.PutU32(_payload, 6, (uint)JoinEui);
            ByteWriter.PutU32(_payload, 10, (uint)(JoinEui >> 32));
            _store.Save(_payload, 0);
        }

        /// <summary>True when the counters belong to <paramref name="joinEui"/>.</summary>
        public bool IsFor(ulong joinEui)
        {
            return JoinEui == joinEui;
        }
    }
}
