using System;

namespace LoRaWan.Crypto
{
    /// <summary>
    /// MIC of data frames (LoRaWAN 1.0.4 §4.4, LoRaWAN 1.1 §4.4). The message is MHDR | FHDR | FPort |
    /// FRMPayload (everything before the MIC, at most 255 bytes). Compute methods write the 4 MIC bytes to a
    /// caller buffer; Verify methods take the whole PHYPayload (length includes the trailing MIC) and compare
    /// in constant time. DevAddr and counters are integers; the blocks carry them little-endian.
    /// Owns a CMAC per key it keeps expanded: one for NwkSKey (1.0.x) or FNwkSIntKey (1.1), and, when built for 1.1
    /// (<see cref="DataMic(bool)"/>), a second for SNwkSIntKey so the 1.1 key pair stays expanded.
    /// </summary>
    public sealed class DataMic
    {
        /// <summary>Size of the MIC field in bytes.</summary>
        public const int MicSize = 4;

        readonly AesCmac _f;                 // NwkSKey (1.0.x) or FNwkSIntKey (1.1)
        AesCmac _s;                          // SNwkSIntKey (1.1); null in a 1.0.x-only instance until a 1.1 MIC is asked for
        readonly byte[] _block = new byte[16];

        /// <summary>A MIC engine for both versions: both 1.1 keys' CMACs are created now.</summary>
        public DataMic() : this(true)
        {
        }

        /// <summary>
        /// A MIC engine; <paramref name="separateKeys"/> false (a LoRaWAN 1.0.x device: its one NwkSKey signs both directions)
        /// does not create the second CMAC (about 700 B of key schedule, subkeys and buffers held, issue 20). A 1.1 MIC asked of
        /// such an instance still works: the second CMAC is then created once, on that first use.
        /// </summary>
        public DataMic(bool separateKeys) : this(separateKeys, new AesCmac())
        {
        }

        /// <summary>
        /// As <see cref="DataMic(bool)"/>, with <paramref name="first"/> as the CMAC of NwkSKey (1.0.x) or FNwkSIntKey (1.1), a
        /// CMAC others may use too (issue 20: a 1.0.x device's join crypto, used only while no session key is in use). Every
        /// MIC loads its key by identity and generation or by bytes (<see cref="AesCmac.SetKey(byte[], int, int)"/>), so a key
        /// another user loaded in between is expanded again, never mistaken for this one's.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="first"/> is null.</exception>
        public DataMic(bool separateKeys, AesCmac first)
        {
            if (first == null) throw new ArgumentNullException("first");
            _f = first;
            if (separateKeys) _s = new AesCmac();
        }

        // The SNwkSIntKey CMAC (1.1 forms only), created on first use by a 1.0.x-only instance.
        AesCmac S()
        {
            AesCmac s = _s;
            if (s == null) _s = s = new AesCmac();
            return s;
        }

        /// <summary>
        /// Key generations: every method has a form with <c>keyGeneration</c> after the key(s). The session that owns the keys
        /// changes its generation on every write of their bytes (LoRaWan.Mac's <c>SessionKeys.Generation</c>); an expanded
        /// key and its CMAC subkeys are then reused while array, offset and generation are the same, without reading the
        /// 16 bytes (<see cref="Aes128.UseKey(byte[], int, int)"/>). The forms without it (and <see cref="Aes128.NoGeneration"/>)
        /// compare the key bytes instead. In the 1.1 uplink forms the one generation covers both keys.
        /// </summary>
        public void Compute10(byte[] nwkSKey, int keyOffset, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(Cmac(_f, nwkSKey, keyOffset, Aes128.NoGeneration, 0, 0, 0, (int)direction, devAddr, fCnt, message, offset, length), mic, micOffset);
        }

        /// <summary>Checks a 1.0.x data-frame MIC, comparing the key bytes (<see cref="Verify10(byte[], int, int, FrameDirection, uint, uint, byte[], int, int)"/>).</summary>
        public bool Verify10(byte[] nwkSKey, int keyOffset, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize + 1 || length > 255 + MicSize) return false;
            uint mic = Cmac(_f, nwkSKey, keyOffset, Aes128.NoGeneration, 0, 0, 0, (int)direction, devAddr, fCnt, phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        /// <summary>The 1.1 uplink MIC, comparing the key bytes (<see cref="ComputeUplink11(byte[], int, byte[], int, int, uint, byte, byte, uint, uint, byte[], int, int, byte[], int)"/>).</summary>
        public void ComputeUplink11(byte[] sNwkSIntKey, int sKeyOffset, byte[] fNwkSIntKey, int fKeyOffset,
            uint confFCnt, byte txDr, byte txCh, uint devAddr, uint fCntUp,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(Uplink11(sNwkSIntKey, sKeyOffset, fNwkSIntKey, fKeyOffset, Aes128.NoGeneration, confFCnt, txDr, txCh, devAddr, fCntUp,
                message, offset, length), mic, micOffset);
        }

        /// <summary>Checks a 1.1 uplink MIC, comparing the key bytes (network-server side).</summary>
        public bool VerifyUplink11(byte[] sNwkSIntKey, int sKeyOffset, byte[] fNwkSIntKey, int fKeyOffset,
            uint confFCnt, byte txDr, byte txCh, uint devAddr, uint fCntUp, byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize + 1 || length > 255 + MicSize) return false;
            uint mic = Uplink11(sNwkSIntKey, sKeyOffset, fNwkSIntKey, fKeyOffset, Aes128.NoGeneration, confFCnt, txDr, txCh, devAddr, fCntUp,
                phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        /// <summary>The 1.1 downlink MIC, comparing the key bytes (<see cref="ComputeDownlink11(byte[], int, int, uint, uint, uint, byte[], int, int, byte[], int)"/>).</summary>
        public void ComputeDownlink11(byte[] sNwkSIntKey, int keyOffset, uint confFCnt, uint devAddr, uint fCntDown,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(Cmac(S(), sNwkSIntKey, keyOffset, Aes128.NoGeneration, (int)(confFCnt & 0xFFFF), 0, 0, 1, devAddr, fCntDown, message, offset, length), mic, micOffset);
        }

        /// <summary>Checks a 1.1 downlink MIC, comparing the key bytes.</summary>
        public bool VerifyDownlink11(byte[] sNwkSIntKey, int keyOffset, uint confFCnt, uint devAddr, uint fCntDown,
            byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize + 1 || length > 255 + MicSize) return false;
            uint mic = Cmac(S(), sNwkSIntKey, keyOffset, Aes128.NoGeneration, (int)(confFCnt & 0xFFFF), 0, 0, 1, devAddr, fCntDown, phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        /// <summary>
        /// LoRaWAN 1.0.x MIC, both directions: cmac(NwkSKey, B0 | msg)[0..3] with
        /// B0 = 0x49 | 4×0x00 | Dir | DevAddr | FCnt (32 bits) | 0x00 | len(msg). A 1.1 device talking to a
        /// 1.0 network (OptNeg = 0) uses this with FNwkSIntKey.
        /// </summary>
        public void Compute10(byte[] nwkSKey, int keyOffset, int keyGeneration, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(Cmac(_f, nwkSKey, keyOffset, keyGeneration, 0, 0, 0, (int)direction, devAddr, fCnt, message, offset, length), mic, micOffset);
        }

        /// <summary>Checks the MIC at the end of a 1.0.x data frame (<paramref name="length"/> includes the MIC).</summary>
        public bool Verify10(byte[] nwkSKey, int keyOffset, int keyGeneration, FrameDirection direction, uint devAddr, uint fCnt,
            byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize + 1 || length > 255 + MicSize) return false;
            uint mic = Cmac(_f, nwkSKey, keyOffset, keyGeneration, 0, 0, 0, (int)direction, devAddr, fCnt, phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        /// <summary>
        /// LoRaWAN 1.1 uplink MIC (§4.4): cmacS = cmac(SNwkSIntKey, B1 | msg), cmacF = cmac(FNwkSIntKey, B0 | msg),
        /// MIC = cmacS[0..1] | cmacF[0..1], with
        /// B0 = 0x49 | 0x0000 | 0x0000 | 0x00 | DevAddr | FCntUp | 0x00 | len(msg) and
        /// B1 = 0x49 | ConfFCnt | TxDr | TxCh | 0x00 | DevAddr | FCntUp | 0x00 | len(msg).
        /// <paramref name="confFCnt"/> is the FCnt of the confirmed downlink this uplink acknowledges (only the low
        /// 16 bits are used) or 0 when ACK is not set; <paramref name="txDr"/> and <paramref name="txCh"/> are the data
        /// rate and channel index of this transmission.
        /// </summary>
        public void ComputeUplink11(byte[] sNwkSIntKey, int sKeyOffset, byte[] fNwkSIntKey, int fKeyOffset, int keyGeneration,
            uint confFCnt, byte txDr, byte txCh, uint devAddr, uint fCntUp,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(Uplink11(sNwkSIntKey, sKeyOffset, fNwkSIntKey, fKeyOffset, keyGeneration, confFCnt, txDr, txCh, devAddr, fCntUp, message, offset, length), mic, micOffset);
        }

        /// <summary>Checks the MIC at the end of a 1.1 uplink (network-server side; <paramref name="length"/> includes the MIC).</summary>
        public bool VerifyUplink11(byte[] sNwkSIntKey, int sKeyOffset, byte[] fNwkSIntKey, int fKeyOffset, int keyGeneration,
            uint confFCnt, byte txDr, byte txCh, uint devAddr, uint fCntUp, byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize + 1 || length > 255 + MicSize) return false;
            uint mic = Uplink11(sNwkSIntKey, sKeyOffset, fNwkSIntKey, fKeyOffset, keyGeneration, confFCnt, txDr, txCh, devAddr, fCntUp, phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        /// <summary>
        /// LoRaWAN 1.1 downlink MIC (§4.4): cmac(SNwkSIntKey, B0 | msg)[0..3] with
        /// B0 = 0x49 | ConfFCnt | 2×0x00 | 0x01 | DevAddr | AFCntDown or NFCntDown | 0x00 | len(msg).
        /// <paramref name="confFCnt"/> is the FCntUp of the confirmed uplink this downlink acknowledges (low 16 bits)
        /// or 0 when ACK is not set.
        /// </summary>
        public void ComputeDownlink11(byte[] sNwkSIntKey, int keyOffset, int keyGeneration, uint confFCnt, uint devAddr, uint fCntDown,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(Cmac(S(), sNwkSIntKey, keyOffset, keyGeneration, (int)(confFCnt & 0xFFFF), 0, 0, 1, devAddr, fCntDown, message, offset, length), mic, micOffset);
        }

        /// <summary>Checks the MIC at the end of a 1.1 downlink (<paramref name="length"/> includes the MIC).</summary>
        public bool VerifyDownlink11(byte[] sNwkSIntKey, int keyOffset, int keyGeneration, uint confFCnt, uint devAddr, uint fCntDown,
            byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize + 1 || length > 255 + MicSize) return false;
            uint mic = Cmac(S(), sNwkSIntKey, keyOffset, keyGeneration, (int)(confFCnt & 0xFFFF), 0, 0, 1, devAddr, fCntDown, phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        uint Uplink11(byte[] sKey, int sKeyOffset, byte[] fKey, int fKeyOffset, int keyGeneration, uint confFCnt, byte txDr, byte txCh,
            uint devAddr, uint fCntUp, byte[] message, int offset, int length)
        {
            uint cmacF = Cmac(_f, fKey, fKeyOffset, keyGeneration, 0, 0, 0, 0, devAddr, fCntUp, message, offset, length);
            uint cmacS = Cmac(S(), sKey, sKeyOffset, keyGeneration, (int)(confFCnt & 0xFFFF), txDr, txCh, 0, devAddr, fCntUp, message, offset, length);
            return (cmacS & 0xFFFF0000u) | (cmacF >> 16);
        }

        // cmac(key, B | msg)[0..3] where B = 0x49 | confFCnt (LE) | b3 | b4 | dir | DevAddr (LE) | FCnt (LE) | 0x00 | len(msg).
        uint Cmac(AesCmac cmac, byte[] key, int keyOffset, int generation, int confFCnt, int b3, int b4, int dir, uint devAddr, uint fCnt,
            byte[] message, int offset, int length)
        {
            if (length < 0 || length > 255) throw new ArgumentOutOfRangeException("length", "MIC message must be 0..255 bytes");
            cmac.SetKey(key, keyOffset, generation);
            if (length == 0)
            {
                // B0 alone is the whole (last) block: the byte path pads and keys it as RFC 4493 says.
                WriteBlock(confFCnt, b3, b4, dir, devAddr, fCnt, length);
                cmac.Update(_block, 0, 16);
            }
            else
            {
                // B0 as four big-endian words straight into the chain (no bytes packed): 0x49 | confFCnt (LE) | b3 ||
                // b4 | dir | DevAddr[0..1] || DevAddr[2..3] | FCnt[0..1] || FCnt[2..3] | 0x00 | len.
                cmac.UpdateBlock(
                    0x49000000u | ((uint)(confFCnt & 0xFF) << 16) | ((uint)(confFCnt & 0xFF00)) | (uint)(b3 & 0xFF),
                    ((uint)b4 << 24) | ((uint)(dir & 0xFF) << 16) | ((devAddr & 0xFF) << 8) | ((devAddr >> 8) & 0xFF),
                    (((devAddr >> 16) & 0xFF) << 24) | ((devAddr >> 24) << 16) | ((fCnt & 0xFF) << 8) | ((fCnt >> 8) & 0xFF),
                    (((fCnt >> 16) & 0xFF) << 24) | ((fCnt >> 24) << 16) | (uint)length);
            }
            cmac.Update(message, offset, length);
            return cmac.FinalWord();
        }

        void WriteBlock(int confFCnt, int b3, int b4, int dir, uint devAddr, uint fCnt, int length)
        {
            byte[] b = _block;
            b[0] = 0x49;
            b[1] = (byte)confFCnt;
            b[2] = (byte)(confFCnt >> 8);
            b[3] = (byte)b3;
            b[4] = (byte)b4;
            b[5] = (byte)dir;
            b[6] = (byte)devAddr;
            b[7] = (byte)(devAddr >> 8);
            b[8] = (byte)(devAddr >> 16);
            b[9] = (byte)(devAddr >> 24);
            b[10] = (byte)fCnt;
            b[11] = (byte)(fCnt >> 8);
            b[12] = (byte)(fCnt >> 16);
            b[13] = (byte)(fCnt >> 24);
            b[14] = 0;
            b[15] = (byte)length;
        }
    }
}
