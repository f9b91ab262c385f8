using LoRaWan.Platform;
using LoRaWan.Regions;

namespace LoRaWan.Session
{
    /// <summary>
    /// Everything the device must remember to keep talking after a reset or deep sleep without rejoining:
    /// DevAddr and session keys, frame counters, RX parameters, data rate/power/NbTrans and the channel plan
    /// the network configured. Persisted as one fixed-size, versioned, CRC-protected two-slot record.
    /// <para>FCntUp is wear-aware (LoRaWAN 1.0.4 §4.3.1.5: an FCntUp value is never reused): the record stores
    /// <see cref="FCntUpLimit"/>, a value not yet used; it is rewritten before FCntUp reaches it and restored as
    /// the next FCntUp, so a reset skips at most the unused rest of the window.</para>
    /// </summary>
    public sealed class DeviceSession
    {
        /// <summary>Slots 2 and 3 of the store.</summary>
        public const int FirstSlot = 2;
        const int FixedSize = 80;

        readonly RecordStore _store;
        readonly byte[] _payload;

        /// <summary>Creates an empty (inactive) session over <paramref name="store"/> for <paramref name="plan"/>.</summary>
        public DeviceSession(INonVolatileStore store, ChannelPlan plan)
        {
            Plan = plan;
            _payload = new byte[FixedSize + ChannelPlan.SerializedSize];
            _store = new RecordStore(store, FirstSlot, 0x5353 /* "SS" */, 1, _payload.Length);
        }

        /// <summary>The channel plan of this session (owned by the MAC; serialised with it).</summary>
        public readonly ChannelPlan Plan;

        /// <summary>True once joined (OTAA) or personalised (ABP).</summary>
        public bool Active;
        /// <summary>True when the session came from a join.</summary>
        public bool Otaa;
        /// <summary>The device address.</summary>
        public uint DevAddr;
        /// <summary>NwkSKey (LoRaWAN 1.0): MIC key.</summary>
        public readonly byte[] NwkSKey = new byte[16];
        /// <summary>AppSKey: FRMPayload key for FPort 1..223.</summary>
        public readonly byte[] AppSKey = new byte[16];
        /// <summary>The FCntUp the next new uplink uses.</summary>
        public uint FCntUp;
        /// <summary>First FCntUp value not covered by the persisted record; see the class remarks.</summary>
        public uint FCntUpLimit;
        /// <summary>The last accepted downlink counter (valid when <see cref="HasFCntDown"/>).</summary>
        public uint FCntDown;
        /// <summary>False until the first downlink of the session was accepted.</summary>
        public bool HasFCntDown;
        /// <summary>RX1 data-rate offset (DLSettings / RXParamSetupReq).</summary>
        public int Rx1DrOffset;
        /// <summary>RX2 data rate.</summary>
        public int Rx2DataRate;
        /// <summary>RX2 frequency in Hz.</summary>
        public uint Rx2FrequencyHz;
        /// <summary>RECEIVE_DELAY1 in seconds (1..15); RX2 opens one second later.</summary>
        public int RxDelaySeconds = 1;
        /// <summary>Current uplink data rate.</summary>
        public int DataRate;
        /// <summary>Current TX power index (0 = max EIRP).</summary>
        public int TxPowerIndex;
        /// <summary>Transmissions of each uplink (LinkADRReq NbTrans, 1..15).</summary>
        public int NbTrans = 1;
        /// <summary>ADR on (the ADR bit of uplinks).</summary>
        public bool Adr;
        /// <summary>Uplinks since the last downlink (ADR_ACK_CNT).</summary>
        public int AdrAckCounter;
        /// <summary>JoinNonce of the join that created this session; ties it to the nonce record.</summary>
        public uint JoinNonce;
        /// <summary>NetID from the join-accept.</summary>
        public uint NetId;

        /// <summary>Restores the newest valid copy; false when none (the session stays inactive).</summary>
        public bool Load()
        {
            if (!_store.Load(_payload, 0) || !Plan.Read(_payload, FixedSize))
            {
                Active = false;
                return false;
            }
            byte[] b = _payload;
            int flags = b[0];
            Active = (flags & 1) != 0;
            Otaa = (flags & 2) != 0;
            HasFCntDown = (flags & 4) != 0;
            Adr = (flags & 8) != 0;
            DevAddr = ByteWriter.U32(b, 1);
            System.Array.Copy(b, 5, NwkSKey, 0, 16);
            System.Array.Copy(b, 21, AppSKey, 0, 16);
            FCntUpLimit = ByteWriter.U32(b, 37);
            FCntUp = FCntUpLimit;
            FCntDown = ByteWriter.U32(b, 41);
            Rx1DrOffset = b[45];
            Rx2DataRate = b[46];
            Rx2FrequencyHz = ByteWriter.U32(b, 47);
            RxDelaySeconds = b[51];
            DataRate = b[52];
            TxPowerIndex = b[53];
            NbTrans = b[54];
            AdrAckCounter = ByteWriter.U16(b, 55);
            JoinNonce = ByteWriter.U32(b, 57);
            NetId = ByteWriter.U32(b, 61);
            return true;
        }

        /// <summary>
        /// Persists the session with <see cref="FCntUpLimit"/> = FCntUp + <paramref name="fCntWindow"/>; after a reset
        /// the next uplink uses that limit, so no FCntUp is ever reused.
        /// </summary>
        public void Save(int fCntWindow)
        {
            FCntUpLimit = FCntUp + (uint)fCntWindow;
            byte[] b = _payload;
            b[0] = (byte)((Active ? 1 : 0) | (Otaa ? 2 : 0) | (HasFCntDown ? 4 : 0) | (Adr ? 8 : 0));
            ByteWriter.PutU32(b, 1, DevAddr);
            System.Array.Copy(NwkSKey, 0, b, 5, 16);
            System.Array.Copy(AppSKey, 0, b, 21, 16);
            ByteWriter.PutU32(b, 37, FCntUpLimit);
            ByteWriter.PutU32(b, 41, FCntDown);
            b[45] = (byte)Rx1DrOffset;
            b[46] = (byte)Rx2DataRate;
            ByteWriter.PutU32(b, 47, Rx2FrequencyHz);
            b[51] = (byte)RxDelaySeconds;
            b[52] = (byte)DataRate;
            b[53] = (byte)TxPowerIndex;
            b[54] = (byte)NbTrans;
            ByteWriter.PutU16(b, 55, AdrAckCounter > 0xFFFF ? 0xFFFF : AdrAckCounter);
            ByteWriter.PutU32(b, 57, JoinNonce);
            ByteWriter.PutU32(b, 61, NetId);
            for (int i = 65; i < FixedSize; i++) b[i] = 0;
            Plan.Write(b, FixedSize);
            _store.Save(b, 0);
        }

        /// <summary>
        /// Persists the session without moving <see cref="FCntUpLimit"/> forward (after a downlink or a MAC command):
        /// the counters already covered stay covered, none is skipped. Never lets the limit fall below FCntUp.
        /// </summary>
        public void SaveState()
        {
            int window = FCntUpLimit > FCntUp ? (int)(FCntUpLimit - FCntUp) : 0;
            Save(window);
        }

        /// <summary>Forgets the session in memory and in the store.</summary>
        public void Erase()
        {
            Active = false;
            _store.Erase();
        }
    }
}
