namespace LoRaWan.Session
{
    /// <summary>
    /// The keys of a session and what LoRaWAN 1.1 adds to it (LoRaWAN 1.1 §6.1.2, §4.3.1.5, §5.1, §5.10): the four
    /// session keys, the application downlink counter AFCntDown (NFCntDown is <see cref="DeviceSession.FCntDown"/>), and
    /// the RekeyInd/ResetInd the device owes the network. A LoRaWAN 1.0.x session (and a 1.1 device whose network answered
    /// OptNeg = 0, LoRaWAN 1.1 §6.2.3) has <see cref="Separate"/> false and SNwkSIntKey = NwkSEncKey = FNwkSIntKey, as the
    /// 1.1 text describes that fallback: one key for MICs and FPort 0, FOpts in clear, one downlink counter.
    /// </summary>
    public sealed class SessionKeys
    {
        /// <summary>NwkSKey (LoRaWAN 1.0.x) or FNwkSIntKey (1.1): the uplink MIC key (1.1: its cmacF half).</summary>
        public readonly byte[] NwkSKey = new byte[16];
        /// <summary>AppSKey: FRMPayload key for FPort 1..255.</summary>
        public readonly byte[] AppSKey = new byte[16];
        /// <summary>SNwkSIntKey (1.1): the downlink MIC and the cmacS half of the uplink MIC; = NwkSKey in a 1.0 session.</summary>
        public readonly byte[] SNwkSIntKey = new byte[16];
        /// <summary>NwkSEncKey (1.1): FOpts and FPort 0 payloads; = NwkSKey in a 1.0 session.</summary>
        public readonly byte[] NwkSEncKey = new byte[16];

        int _generation;

        /// <summary>
        /// Changes on every write of the four key arrays (<see cref="KeysChanged"/>). The MAC passes it to the crypto
        /// classes with the keys (e.g. <c>PayloadCipher.EncryptFrmPayload(key, 0, Generation, ...)</c>), which reuse an
        /// expanded key while array, offset and generation are unchanged, without reading its 16 bytes: whatever writes
        /// a key byte must call <see cref="KeysChanged"/> before the next frame is protected, or a stale key would be used.
        /// </summary>
        public int Generation { get { return _generation; } }

        /// <summary>
        /// Records that key bytes were written (join, rejoin, 1.1 derivation, ABP personalisation, a restored session): every
        /// cached expansion of the old keys stops matching. Never negative (a negative generation means "compare the bytes").
        /// </summary>
        public void KeysChanged()
        {
            _generation = (_generation + 1) & 0x7FFFFFFF;
        }

        /// <summary>
        /// True for a LoRaWAN 1.1 session (ABP 1.1, or OTAA answered with OptNeg = 1): four keys, the 1.1 MICs, FOpts
        /// encrypted, NFCntDown and AFCntDown.
        /// </summary>
        public bool Separate;

        /// <summary>The DevNonce of the join that made an OTAA 1.1 session (its keys are derived from it again after a reset).</summary>
        public ushort DevNonce;

        /// <summary>The last accepted AFCntDown (1.1 sessions, valid when <see cref="HasAFCntDown"/>).</summary>
        public uint AFCntDown;

        /// <summary>False until the first application downlink of a 1.1 session was accepted.</summary>
        public bool HasAFCntDown;

        /// <summary>
        /// FCnt (low 16 bits) of the last confirmed downlink: the ConfFCnt of the uplink whose ACK acknowledges it (LoRaWAN 1.1
        /// §4.4). Kept in the counter record (bytes 19..20) with the owed ACK's session, so the ACK sent after a reset is signed right.
        /// </summary>
        public ushort ConfirmedDownFCnt;

        /// <summary>RekeyInd rides every uplink until RekeyConf (LoRaWAN 1.1 §5.10, OTAA with OptNeg = 1).</summary>
        public bool RekeyOwed;

        /// <summary>Uplinks sent since the join without RekeyConf (not persisted: a reset restarts the count).</summary>
        public int RekeyUplinks;

        /// <summary>ResetInd rides every uplink until ResetConf (LoRaWAN 1.1 §5.1, ABP 1.1 after starting from its defaults).</summary>
        public bool ResetOwed;

        /// <summary>
        /// ABP (LoRaWAN 1.0.4 §6.3): the session keys from the device's personalisation. A LoRaWAN 1.0.x device passes
        /// null for <paramref name="sNwkSIntKey"/> and <paramref name="nwkSEncKey"/> (one network key,
        /// <see cref="UseOneNetworkKey"/>); a 1.1 device (LoRaWAN 1.1 §6.3) passes all four and gets a separate-keys
        /// session. Counts as a key write (<see cref="KeysChanged"/>).
        /// </summary>
        public void Personalize(byte[] nwkSKey, byte[] appSKey, byte[] sNwkSIntKey, byte[] nwkSEncKey)
        {
            System.Array.Copy(nwkSKey, 0, NwkSKey, 0, 16);
            System.Array.Copy(appSKey, 0, AppSKey, 0, 16);
            if (sNwkSIntKey == null || nwkSEncKey == null)
            {
                UseOneNetworkKey();
                return;
            }
            System.Array.Copy(sNwkSIntKey, 0, SNwkSIntKey, 0, 16);
            System.Array.Copy(nwkSEncKey, 0, NwkSEncKey, 0, 16);
            Separate = true;
            KeysChanged();
        }

        /// <summary>
        /// A LoRaWAN 1.0.x session (or the OptNeg = 0 fallback): the three network keys are <see cref="NwkSKey"/>. Counts as a
        /// key write (<see cref="KeysChanged"/>).
        /// </summary>
        public void UseOneNetworkKey()
        {
            Separate = false;
            System.Array.Copy(NwkSKey, 0, SNwkSIntKey, 0, 16);
            System.Array.Copy(NwkSKey, 0, NwkSEncKey, 0, 16);
            KeysChanged();
            AFCntDown = 0;
            HasAFCntDown = false;
            RekeyOwed = false;
            ResetOwed = false;
        }
    }
}
