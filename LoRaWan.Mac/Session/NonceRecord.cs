using LoRaWan.Platform;

namespace LoRaWan.Session
{
    /// <summary>
    /// The join nonces, which must never roll back: the next DevNonce to use (LoRaWAN 1.0.4 §6.2.5: a
    /// counter starting at 0, never reused) and the JoinNonce of the last accepted join-accept (§6.2.6: a
    /// join-accept whose JoinNonce is not greater is discarded). Persisted in its own two-slot record, apart from
    /// the session, because it changes at a different rate and outlives sessions. The record also names the
    /// identity (JoinEUI, DevEUI, AppKey check value) the last join was made with: a session is only restored for
    /// that identity, and the DevNonce counter never goes back whatever the identity.
    /// </summary>
    public sealed class NonceRecord
    {
        const int PayloadSize = StoreSlots.NoncePayloadSize;
        /// <summary>The most Rejoin-requests one ForceRejoinReq orders: Max_Retries 7 + 1 (LoRaWAN 1.1 §5.13).</summary>
        public const int MaxForcedRejoins = 8;

        readonly RecordStore _store;
        readonly byte[] _payload = new byte[PayloadSize];

        /// <summary>Creates the record over <paramref name="store"/> (slots <see cref="StoreSlots.Nonces"/> and the next).</summary>
        public NonceRecord(INonVolatileStore store)
        {
            _store = new RecordStore(store, StoreSlots.Nonces, 0x4E4E /* "NN" */, 3, PayloadSize, 2, StoreSlots.NonceLegacyPayloadSize);
        }

        /// <summary>The DevNonce the next JoinRequest uses (kept as 32 bits: past 0xFFFF the device cannot join).</summary>
        public int NextDevNonce;

        /// <summary>JoinNonce (AppNonce in 1.0.2) of the last accepted join-accept.</summary>
        public uint LastJoinNonce;

        /// <summary>False until a join-accept has been accepted for the recorded identity.</summary>
        public bool HasJoinNonce;

        /// <summary>JoinEUI of the recorded identity.</summary>
        public ulong JoinEui;

        /// <summary>DevEUI of the recorded identity.</summary>
        public ulong DevEui;

        /// <summary>Check value of the AppKey of the recorded identity (<see cref="KeyCheck"/>).</summary>
        public uint AppKeyCheck;

        /// <summary>
        /// The RJcount1 the next type 1 Rejoin-request uses (LoRaWAN 1.1 §6.2.4.1: a counter that never wraps; persisted
        /// before the frame goes on air, like DevNonce). It outlives sessions and identities.
        /// </summary>
        public int NextRjCount1;   // 0..0xFFFF: 0xFFFF is never sent (RejoinAttempt.RjCountLimit)

        /// <summary>
        /// The RJcount0 the next type 0 or 2 Rejoin-request uses (§6.2.4.1: back to 0 when a join-accept is accepted, never
        /// reused within a session: the network ignores a Rejoin-request whose RJcount0 is not above the last one).
        /// </summary>
        public int NextRjCount0;

        /// <summary>
        /// Rejoin-requests of the network's ForceRejoinReq still to send (LoRaWAN 1.1 §5.13: Max_Retries + 1 in all), the
        /// one due next included; 0: no order in progress. Written with the order's arrival and before each of its
        /// transmissions (with the RJcount0 it spends), so a device that restarts on its stored session goes on obeying.
        /// Byte 7 bits 0..3 (the high byte of the 24-bit JoinNonce, always 0 in a record written before: no order).
        /// </summary>
        public int ForcedRejoinsLeft;
        /// <summary>The type of the ordered Rejoin-requests: 0 or 2 (byte 8 bit 1 set: 2).</summary>
        public int ForcedRejoinType;
        /// <summary>The data rate ForceRejoinReq asked for (byte 7 bits 4..7).</summary>
        public int ForcedRejoinDataRate;
        /// <summary>ForceRejoinReq's Period 0..7: 32 s · 2^Period + rand(0..32 s) between two transmissions (byte 8 bits 2..4).</summary>
        public int ForcedRejoinPeriod;
        /// <summary>The first of the ordered Rejoin-requests went out (byte 8 bit 5): after a restart the next waits a period.</summary>
        public bool ForcedRejoinStarted;

        /// <summary>Loads the newest valid copy; returns false when there is none (counters start at 0).</summary>
        public bool Load()
        {
            if (!_store.Load(_payload, 0))
            {
                NextDevNonce = 0;
                LastJoinNonce = 0;
                HasJoinNonce = false;
                NextRjCount1 = 0;
                NextRjCount0 = 0;
                ForcedRejoinsLeft = 0;
                return false;
            }
            NextDevNonce = (int)ByteWriter.U32(_payload, 0);
            LastJoinNonce = ByteWriter.U32(_payload, 4) & 0xFFFFFF;
            HasJoinNonce = (_payload[8] & 1) != 0;
            JoinEui = ByteWriter.U32(_payload, 9) | ((ulong)ByteWriter.U32(_payload, 13) << 32);
            DevEui = ByteWriter.U32(_payload, 17) | ((ulong)ByteWriter.U32(_payload, 21) << 32);
            AppKeyCheck = ByteWriter.U32(_payload, 25);
            // A version-2 record (before rejoin) never sent a Rejoin-request.
            bool legacy = _store.LoadedLegacy;
            NextRjCount1 = legacy ? 0 : ByteWriter.U16(_payload, 29);
            NextRjCount0 = legacy ? 0 : ByteWriter.U16(_payload, 31);
            // LoRaWAN 1.1 §5.13: a ForceRejoinReq order in progress (bytes 7 and 8; zero in a record without one).
            int order = _payload[7];
            ForcedRejoinsLeft = order & 0x0F;
            if (ForcedRejoinsLeft > MaxForcedRejoins) ForcedRejoinsLeft = 0;
            ForcedRejoinDataRate = order >> 4;
            ForcedRejoinType = (_payload[8] & 2) != 0 ? 2 : 0;
            ForcedRejoinPeriod = (_payload[8] >> 2) & 7;
            ForcedRejoinStarted = (_payload[8] & 32) != 0;
            return true;
        }

        /// <summary>True when the record's slots hold data, valid or not (see <see cref="RecordStore.HasTraces"/>).</summary>
        public bool HasTraces()
        {
            return _store.HasTraces();
        }

        /// <summary>Writes the record (alternate slot, CRC-protected).</summary>
        public void Save()
        {
            ByteWriter.PutU32(_payload, 0, (uint)NextDevNonce);
            ByteWriter.PutU32(_payload, 4, LastJoinNonce & 0xFFFFFF);
            bool order = ForcedRejoinsLeft > 0;
            _payload[7] = (byte)(order ? ForcedRejoinsLeft | (ForcedRejoinDataRate << 4) : 0);
            _payload[8] = (byte)((HasJoinNonce ? 1 : 0) | (order && ForcedRejoinType == 2 ? 2 : 0) | (order ? ForcedRejoinPeriod << 2 : 0)
                | (order && ForcedRejoinStarted ? 32 : 0));
            ByteWriter.PutU32(_payload, 9, (uint)JoinEui);
            ByteWriter.PutU32(_payload, 13, (uint)(JoinEui >> 32));
            ByteWriter.PutU32(_payload, 17, (uint)DevEui);
            ByteWriter.PutU32(_payload, 21, (uint)(DevEui >> 32));
            ByteWriter.PutU32(_payload, 25, AppKeyCheck);
            ByteWriter.PutU16(_payload, 29, NextRjCount1 & 0xFFFF);
            ByteWriter.PutU16(_payload, 31, NextRjCount0 & 0xFFFF);
            _store.Save(_payload, 0);
        }

        /// <summary>True when the recorded join belongs to this identity.</summary>
        public bool IsFor(ulong joinEui, ulong devEui, uint appKeyCheck)
        {
            return JoinEui == joinEui && DevEui == devEui && AppKeyCheck == appKeyCheck;
        }
    }
}
