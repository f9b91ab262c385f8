using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Platform;
using LoRaWan.Regions;

namespace LoRaWan.Session
{
    /// <summary>
    /// Everything the device must remember to keep talking after a reset or deep sleep without rejoining:
    /// DevAddr and session keys, frame counters, RX parameters, data rate/power/NbTrans, the channel plan the
    /// network configured, and the MAC answers and ACK still owed to the network. Persisted in two records split by
    /// change rate, each fixed-size, versioned, CRC-protected and written to alternate slots:
    /// <list type="bullet">
    /// <item>the frame counters (<see cref="StoreSlots.Counters"/>): DevAddr, a tag tying them to this session (OTAA: its JoinNonce; ABP: the
    /// NwkSKey check value), the FCntUp limit, FCntDown and ADR_ACK_CNT. Small, and the only record the FCntUp window rewrites, so
    /// a change of the session record's layout can never reset a counter;</item>
    /// <item>the session (<see cref="StoreSlots.Session"/>): keys, RX parameters, ADR state, channel plan and owed answers; rewritten on
    /// join, downlinks and MAC commands.</item>
    /// </list>
    /// <para>FCntUp is wear-aware (LoRaWAN 1.0.4 §4.3.1.5: an FCntUp value is never reused): the counter record stores
    /// <see cref="FCntUpLimit"/>, a value not yet used; it is rewritten before FCntUp reaches it and restored as the
    /// next FCntUp, so a reset skips at most the unused rest of the window.</para>
    /// </summary>
    public sealed class DeviceSession
    {
        /// <summary>Owed fresh answers kept across a reset (bytes; what fits FOpts).</summary>
        public const int OwedFreshCapacity = 15;
        /// <summary>Owed sticky answers kept across a reset (bytes).</summary>
        public const int OwedStickyCapacity = 32;

        const int FixedSize = 64;
        const int OwedOffset = FixedSize + ChannelPlan.SerializedSize;

        readonly SessionRecords _records;

        /// <summary>Creates an empty (inactive) session over <paramref name="store"/> for <paramref name="plan"/>.</summary>
        public DeviceSession(INonVolatileStore store, ChannelPlan plan)
        {
            Plan = plan;
            // Session payload: OwedOffset + 3 + OwedFreshCapacity + OwedStickyCapacity bytes.
            _records = new SessionRecords(store);
        }

        /// <summary>The channel plan of this session (owned by the MAC; serialised with it).</summary>
        public readonly ChannelPlan Plan;

        // Active (bit 32) and DevAddr (bits 0..31) in one field, so that another thread reads both at one instant
        // (ActiveDevAddr: LoRaWanDevice.DevAddr); the MAC's thread writes them through the two properties. One field read
        // or write is one IL instruction, which nanoCLR never splits between threads; on 64-bit .NET a long is atomic.
        long _address;
        const long ActiveBit = 1L << 32;

        // The same two values as plain fields, written only by the two properties' setters (with _address): the MAC's
        // thread, the only writer, reads these (issue 20: a property call and the bit arithmetic cost about 3,700 est.
        // x86 per Class A cycle in the MAC's reads). Another thread reads ActiveDevAddr.
        internal bool IsActive;
        internal uint Address;

        /// <summary>True once joined (OTAA) or personalised (ABP).</summary>
        public bool Active
        {
            get { return IsActive; }
            set
            {
                IsActive = value;
                _address = value ? _address | ActiveBit : _address & ~ActiveBit;
            }
        }

        /// <summary>True when the session came from a join.</summary>
        public bool Otaa;

        /// <summary>The device address.</summary>
        public uint DevAddr
        {
            get { return Address; }
            set
            {
                Address = value;
                _address = (_address & ActiveBit) | value;
            }
        }

        /// <summary>
        /// <see cref="DevAddr"/> while <see cref="Active"/>, else 0, read at one instant (one field): any thread, while the
        /// MAC's thread may be changing the session.
        /// </summary>
        public uint ActiveDevAddr
        {
            get
            {
                long a = _address;
                return (a & ActiveBit) != 0 ? (uint)a : 0;
            }
        }
        /// <summary>The session keys, and what a LoRaWAN 1.1 session adds (AFCntDown, the RekeyInd/ResetInd owed).</summary>
        public readonly SessionKeys Keys = new SessionKeys();
        /// <summary>NwkSKey (LoRaWAN 1.0), FNwkSIntKey (1.1): the uplink MIC key (<see cref="SessionKeys.NwkSKey"/>).</summary>
        public byte[] NwkSKey { get { return Keys.NwkSKey; } }
        /// <summary>AppSKey: FRMPayload key for FPort 1..223 (<see cref="SessionKeys.AppSKey"/>).</summary>
        public byte[] AppSKey { get { return Keys.AppSKey; } }
        /// <summary>The FCntUp the next new uplink uses.</summary>
        public uint FCntUp;
        /// <summary>First FCntUp value not covered by the persisted counter record; see the class remarks.</summary>
        public uint FCntUpLimit;
        /// <summary>The last accepted downlink counter (valid when <see cref="HasFCntDown"/>).</summary>
        public uint FCntDown;
        /// <summary>False until the first downlink of the session was accepted.</summary>
        public bool HasFCntDown;
        /// <summary>Ties the counter record to this session: the JoinNonce (OTAA) or the NwkSKey check value (ABP).</summary>
        public uint CounterTag;
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
        /// <summary>NetID from the join-accept (kept in <see cref="Network"/>).</summary>
        public uint NetId { get { return Network.NetId; } set { Network.NetId = value; } }
        /// <summary>
        /// What the network set besides keys, counters and radio parameters: NetID and the ADR back-off parameters of
        /// ADRParamSetupReq (LoRaWAN 1.1 §5.11), bytes 62..63 of the session record.
        /// </summary>
        public readonly NetworkSettings Network = new NetworkSettings();
        /// <summary>
        /// The device class the application chose (<see cref="LoRaWan.Mac.DeviceClass.A"/> or <see cref="LoRaWan.Mac.DeviceClass.C"/>),
        /// kept with the session so a Class C device listens again after a reset (byte 61 of the session record; a
        /// record written before Class C existed holds 0 there: Class A).
        /// </summary>
        public LoRaWan.Mac.DeviceClass DeviceClass;
        /// <summary>The ACK and MAC answers still owed to the network (persisted so a reset does not lose them).</summary>
        public readonly OwedAnswers Owed = new OwedAnswers();

        /// <summary>
        /// Starts the session a valid join-accept creates (LoRaWAN 1.0.4 §6.2.3, §6.2.5): NwkSKey and AppSKey derived
        /// from <paramref name="appKey"/>, JoinNonce, NetID and <paramref name="devNonce"/>; DevAddr, NetID and JoinNonce
        /// from <paramref name="accept"/>; counters at 0, nothing owed; DLSettings and RxDelay from the accept; RX2 frequency
        /// from <paramref name="region"/>; data rate, power, NbTrans and ADR as given. Not yet persisted.
        /// </summary>
        /// <returns>False when DLSettings held an RX1 offset the region does not define or an RX2 rate it cannot
        /// receive (FSK/LR-FHSS, RFU): that value was replaced by the regional default rather than breaking every window.</returns>
        public bool StartFromJoinAccept(JoinAcceptFrame accept, ushort devNonce, byte[] appKey, KeyDerivation keys, Region region,
            int dataRate, int txPowerIndex, int nbTrans, bool adr)
        {
            return StartFromJoinAccept(accept, devNonce, appKey, Aes128.NoGeneration, keys, region, dataRate, txPowerIndex, nbTrans, adr);
        }

        /// <summary>
        /// <see cref="StartFromJoinAccept(JoinAcceptFrame, ushort, byte[], KeyDerivation, Region, int, int, int, bool)"/> with the
        /// root key's generation (<see cref="KeyDerivation.Derive10(byte[], int, int, byte, uint, uint, ushort, byte[], int)"/>).
        /// </summary>
        public bool StartFromJoinAccept(JoinAcceptFrame accept, ushort devNonce, byte[] appKey, int appKeyGeneration, KeyDerivation keys,
            Region region, int dataRate, int txPowerIndex, int nbTrans, bool adr)
        {
            uint joinNonce = accept.JoinNonce;
            uint netId = accept.NetId;
            keys.Derive10(appKey, 0, appKeyGeneration, SessionKeyType.NwkSKey, joinNonce, netId, devNonce, NwkSKey, 0);
            keys.Derive10(appKey, 0, appKeyGeneration, SessionKeyType.AppSKey, joinNonce, netId, devNonce, AppSKey, 0);
            Keys.UseOneNetworkKey();   // also records the key write (SessionKeys.Generation)
            Keys.DevNonce = 0;
            DevAddr = accept.DevAddr;
            NetId = netId;
            JoinNonce = joinNonce;
            CounterTag = joinNonce;
            Otaa = true;
            ClearCounters();
            Owed.Clear();
            int rx1 = accept.Rx1DrOffset;
            int rx2 = accept.Rx2DataRate;
            Rx1DrOffset = rx1 <= region.MaxRx1DrOffset ? rx1 : 0;
            Rx2DataRate = region.IsDataRateSupported(rx2) && region.IsDownlinkDataRate(rx2) ? rx2 : region.Rx2DataRate;
            Rx2FrequencyHz = region.Rx2Frequency;
            RxDelaySeconds = accept.RxDelaySeconds;
            DataRate = dataRate;
            TxPowerIndex = txPowerIndex;
            NbTrans = nbTrans;
            Adr = adr;
            AdrAckCounter = 0;
            Network.AdrParam = NetworkSettings.NoAdrParam;   // ADR_ACK_LIMIT/DELAY back to the defaults (LoRaWAN 1.1 §5.11)
            Network.RejoinParam = NetworkSettings.NoRejoinParam;   // no periodic Rejoin-request until the network asks (§5.14)
            Active = true;
            return Rx1DrOffset == rx1 && Rx2DataRate == rx2;
        }

        /// <summary>
        /// ABP without a usable persisted session record: RX parameters from <paramref name="region"/>'s defaults
        /// (RX1 offset 0, RECEIVE_DELAY1 1 s), data rate, power and NbTrans as given, nothing owed. The frame counters
        /// come from their own record when it belongs to <paramref name="devAddr"/> and <paramref name="counterTag"/>,
        /// else start at 0: an unreadable session record never sends FCntUp back (LoRaWAN 1.0.4 §4.3.1.5).
        /// Keys, DevAddr, ADR and <see cref="Active"/> are the caller's (they come from the identity and options).
        /// </summary>
        public void StartAbp(Region region, uint devAddr, uint counterTag, int dataRate, int txPowerIndex, int nbTrans)
        {
            Rx1DrOffset = 0;
            Rx2DataRate = region.Rx2DataRate;
            Rx2FrequencyHz = region.Rx2Frequency;
            RxDelaySeconds = 1;
            DataRate = dataRate;
            TxPowerIndex = txPowerIndex;
            NbTrans = nbTrans;
            AdrAckCounter = 0;
            Network.AdrParam = NetworkSettings.NoAdrParam;
            Network.RejoinParam = NetworkSettings.NoRejoinParam;
            Owed.Clear();
            if (!TryLoadCounters(devAddr, counterTag)) ClearCounters();
        }

        /// <summary>
        /// LoRaWAN 1.1 §6.2.3, a join-accept with OptNeg = 1 (or a restored OTAA 1.1 session): FNwkSIntKey, SNwkSIntKey and
        /// NwkSEncKey from <paramref name="nwkKey"/>, AppSKey from <paramref name="appKey"/>, each aes128_encrypt(key, type |
        /// JoinNonce | JoinEUI | DevNonce | pad16), with this session's <see cref="JoinNonce"/>.
        /// </summary>
        public void DeriveKeys11(KeyDerivation keys, byte[] nwkKey, byte[] appKey, ulong joinEui, ushort devNonce)
        {
            DeriveKeys11(keys, nwkKey, appKey, Aes128.NoGeneration, joinEui, devNonce);
        }

        /// <summary>
        /// <see cref="DeriveKeys11(KeyDerivation, byte[], byte[], ulong, ushort)"/> with the root keys' generation (one for both,
        /// <see cref="KeyDerivation.Derive11(byte[], int, int, byte, uint, ulong, ushort, byte[], int)"/>).
        /// </summary>
        public void DeriveKeys11(KeyDerivation keys, byte[] nwkKey, byte[] appKey, int rootKeyGeneration, ulong joinEui, ushort devNonce)
        {
            SessionKeys k = Keys;
            uint joinNonce = JoinNonce;
            int g = rootKeyGeneration;
            keys.Derive11(nwkKey, 0, g, SessionKeyType.FNwkSIntKey, joinNonce, joinEui, devNonce, k.NwkSKey, 0);
            keys.Derive11(nwkKey, 0, g, SessionKeyType.SNwkSIntKey, joinNonce, joinEui, devNonce, k.SNwkSIntKey, 0);
            keys.Derive11(nwkKey, 0, g, SessionKeyType.NwkSEncKey, joinNonce, joinEui, devNonce, k.NwkSEncKey, 0);
            keys.Derive11(appKey, 0, g, SessionKeyType.AppSKey, joinNonce, joinEui, devNonce, k.AppSKey, 0);
            k.KeysChanged();
            k.DevNonce = devNonce;
            k.Separate = true;
        }

        void ClearCounters()
        {
            FCntUp = 0;
            FCntUpLimit = 0;
            FCntDown = 0;
            HasFCntDown = false;
            Keys.AFCntDown = 0;
            Keys.HasAFCntDown = false;
        }

        /// <summary>
        /// Restores the newest valid session together with its frame counters; false when there is none or when the
        /// counter record does not belong to it (the session is then unusable: its counters are unknown).
        /// </summary>
        public bool Load()
        {
            if (!_records.Session.Load() || !Plan.Read(_records.Session.Payload, FixedSize))
            {
                Active = false;
                return false;
            }
            byte[] b = _records.Session.Payload;
            OwedAnswers owed = Owed;
            int flags = b[0];
            Active = (flags & 1) != 0;
            Otaa = (flags & 2) != 0;
            Adr = (flags & 8) != 0;
            owed.Ack = (flags & 16) != 0;
            DevAddr = ByteWriter.U32(b, 1);
            System.Array.Copy(b, 5, NwkSKey, 0, 16);
            System.Array.Copy(b, 21, AppSKey, 0, 16);
            // 1.1 (flags 4, 32, 64): the other two network keys are not stored (no room left in the record); the MAC derives
            // them again (OTAA, from the DevNonce in bytes 56 and 60) or takes them from the identity (ABP). UseOneNetworkKey
            // also records the key write (SessionKeys.Generation).
            Keys.UseOneNetworkKey();
            Keys.Separate = (flags & 4) != 0;
            Keys.RekeyOwed = (flags & 32) != 0;
            Keys.ResetOwed = (flags & 64) != 0;
            Keys.DevNonce = (ushort)(b[56] | (b[60] << 8));
            CounterTag = ByteWriter.U32(b, 37);
            Rx1DrOffset = b[41];
            Rx2DataRate = b[42];
            Rx2FrequencyHz = ByteWriter.U32(b, 43);
            RxDelaySeconds = b[47];
            DataRate = b[48];
            TxPowerIndex = b[49];
            NbTrans = b[50];
            AdrAckCounter = ByteWriter.U16(b, 51);
            JoinNonce = ByteWriter.U32(b, 53) & 0xFFFFFF;
            NetId = ByteWriter.U32(b, 57) & 0xFFFFFF;
            DeviceClass = b[61] == (byte)LoRaWan.Mac.DeviceClass.C ? LoRaWan.Mac.DeviceClass.C : LoRaWan.Mac.DeviceClass.A;
            // Bytes 62..63, written as zero before LoRaWAN 1.1: byte 62 bit 0 = byte 63 holds the network's ADRparam,
            // bit 1 = a DeviceModeInd for this class is owed. Zero: the default ADR_ACK_LIMIT/DELAY, nothing owed.
            Network.AdrParam = (b[62] & 1) != 0 ? b[63] : NetworkSettings.NoAdrParam;
            owed.DeviceModeInd = (b[62] & 2) != 0;
            // Byte 62 bit 2: the byte after the owed lengths holds RejoinParamSetupReq's MaxTimeN | MaxCountN (LoRaWAN 1.1 §5.14).
            Network.RejoinParam = (b[62] & 4) != 0 ? b[OwedOffset + 2] : NetworkSettings.NoRejoinParam;
            owed.FreshLength = b[OwedOffset];
            owed.StickyLength = b[OwedOffset + 1];
            if (owed.FreshLength > OwedFreshCapacity) owed.FreshLength = 0;
            if (owed.StickyLength > OwedStickyCapacity) owed.StickyLength = 0;
            System.Array.Copy(b, OwedOffset + 3, owed.Fresh, 0, OwedFreshCapacity);
            System.Array.Copy(b, OwedOffset + 3 + OwedFreshCapacity, owed.Sticky, 0, OwedStickyCapacity);
            if (!TryLoadCounters(DevAddr, CounterTag))
            {
                Active = false;
                return false;
            }
            return true;
        }

        /// <summary>
        /// Restores FCntUp/FCntDown from the counter record when it belongs to <paramref name="devAddr"/> and
        /// <paramref name="tag"/> (also used alone for ABP when the session record is unreadable).
        /// </summary>
        public bool TryLoadCounters(uint devAddr, uint tag)
        {
            if (!_records.Counters.Load()) return false;
            byte[] c = _records.Counters.Payload;
            if (ByteWriter.U32(c, 0) != devAddr || ByteWriter.U32(c, 4) != tag) return false;
            FCntUpLimit = ByteWriter.U32(c, 8);
            FCntUp = FCntUpLimit;
            FCntDown = ByteWriter.U32(c, 12);
            HasFCntDown = (c[16] & 1) != 0;
            AdrAckCounter = ByteWriter.U16(c, 17);
            // A version-1 record (LoRaWAN 1.0 code) has zeros here: no application downlink counted yet. It only ever held
            // a 1.0 session, whose one counter is FCntDown.
            Keys.HasAFCntDown = (c[16] & 2) != 0;
            Keys.AFCntDown = ByteWriter.U32(c, 21);
            Keys.ConfirmedDownFCnt = (ushort)ByteWriter.U16(c, 19);
            Owed.Carried = (c[16] & 4) != 0;   // a record before this bit: 0, the owed answers as saved
            return true;
        }

        /// <summary>
        /// Persists the frame counters with <see cref="FCntUpLimit"/> = FCntUp + <paramref name="fCntWindow"/>; after a
        /// reset the next uplink uses that limit, so no FCntUp is ever reused. Writes only the small counter record, and
        /// marks in it that the ACK and fresh answers owed in the session record have gone out (<see cref="OwedAnswers.Carried"/>):
        /// the MAC calls it when an uplink takes a counter the record does not cover, and, with nothing owed on record,
        /// after a plain downlink. <see cref="Save"/> ends the window at FCntUp whenever it records an ACK or fresh answers,
        /// so the uplink that carries them always rewrites this record first: no flash write of its own is needed.
        /// </summary>
        public void SaveCounters(int fCntWindow)
        {
            WriteCounters(fCntWindow, true);
        }

        void WriteCounters(int fCntWindow, bool owedCarried)
        {
            FCntUpLimit = FCntUp + (uint)fCntWindow;
            byte[] c = _records.Counters.Payload;
            ByteWriter.PutU32(c, 0, DevAddr);
            ByteWriter.PutU32(c, 4, CounterTag);
            ByteWriter.PutU32(c, 8, FCntUpLimit);
            ByteWriter.PutU32(c, 12, FCntDown);
            c[16] = (byte)((HasFCntDown ? 1 : 0) | (Keys.HasAFCntDown ? 2 : 0) | (owedCarried ? 4 : 0));
            ByteWriter.PutU16(c, 17, AdrAckCounter > 0xFFFF ? 0xFFFF : AdrAckCounter);
            ByteWriter.PutU16(c, 19, Keys.ConfirmedDownFCnt);
            ByteWriter.PutU32(c, 21, Keys.AFCntDown);
            _records.Counters.Save();
        }

        /// <summary>Persists the counters (after a downlink: FCntDown) without moving the FCntUp limit.</summary>
        public void SaveCountersKeepingWindow()
        {
            SaveCounters(FCntUpLimit > FCntUp ? (int)(FCntUpLimit - FCntUp) : 0);
        }

        /// <summary>Persists the session, then the counters (window <paramref name="fCntWindow"/>, 0 while an ACK or fresh answers are owed).</summary>
        public void Save(int fCntWindow)
        {
            byte[] b = _records.Session.Payload;
            OwedAnswers owed = Owed;
            SessionKeys k = Keys;
            b[0] = (byte)((Active ? 1 : 0) | (Otaa ? 2 : 0) | (k.Separate ? 4 : 0) | (Adr ? 8 : 0) | (owed.Ack ? 16 : 0)
                | (k.RekeyOwed ? 32 : 0) | (k.ResetOwed ? 64 : 0));
            ByteWriter.PutU32(b, 1, DevAddr);
            System.Array.Copy(NwkSKey, 0, b, 5, 16);
            System.Array.Copy(AppSKey, 0, b, 21, 16);
            ByteWriter.PutU32(b, 37, CounterTag);
            b[41] = (byte)Rx1DrOffset;
            b[42] = (byte)Rx2DataRate;
            ByteWriter.PutU32(b, 43, Rx2FrequencyHz);
            b[47] = (byte)RxDelaySeconds;
            b[48] = (byte)DataRate;
            b[49] = (byte)TxPowerIndex;
            b[50] = (byte)NbTrans;
            ByteWriter.PutU16(b, 51, AdrAckCounter > 0xFFFF ? 0xFFFF : AdrAckCounter);
            ByteWriter.PutU32(b, 53, JoinNonce & 0xFFFFFF);
            ByteWriter.PutU32(b, 57, NetId & 0xFFFFFF);
            // The high bytes of the 24-bit JoinNonce and NetID hold the DevNonce of a 1.1 join (zero in a 1.0 record).
            b[56] = (byte)k.DevNonce;
            b[60] = (byte)(k.DevNonce >> 8);
            b[61] = (byte)DeviceClass;
            int adrParam = Network.AdrParam;
            int rejoinParam = Network.RejoinParam;
            b[62] = (byte)((adrParam >= 0 ? 1 : 0) | (owed.DeviceModeInd ? 2 : 0) | (rejoinParam >= 0 ? 4 : 0));
            b[63] = (byte)(adrParam >= 0 ? adrParam : 0);
            Plan.Write(b, FixedSize);
            b[OwedOffset] = (byte)owed.FreshLength;
            b[OwedOffset + 1] = (byte)owed.StickyLength;
            b[OwedOffset + 2] = (byte)(rejoinParam >= 0 ? rejoinParam : 0);
            System.Array.Copy(owed.Fresh, 0, b, OwedOffset + 3, OwedFreshCapacity);
            System.Array.Copy(owed.Sticky, 0, b, OwedOffset + 3 + OwedFreshCapacity, OwedStickyCapacity);
            _records.Session.Save();
            // Then the counters, saying that what this record owes has not gone out. An ACK or fresh answers on record are
            // owed to the uplink with FCnt = FCntUp: the window ends there, so that uplink rewrites the counter record
            // (SaveCounters, "carried") before it goes out. In this order a cut during the session write leaves the old
            // record with the counter record that speaks of it; a cut during the counter write may leave the new answers
            // marked as carried: they are then lost (the network asks again), never sent twice.
            if (owed.Ack || owed.FreshLength > 0) fCntWindow = 0;
            WriteCounters(fCntWindow, false);
            owed.Carried = false;
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

        /// <summary>Forgets the session in memory and in the store (the counter record stays: counters never go back).</summary>
        public void Erase()
        {
            Active = false;
            _records.Session.Store.Erase();
        }
    }
}
