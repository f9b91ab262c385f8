using System;

namespace LoRaWan.Crypto
{
    /// <summary>
    /// Join procedure crypto: the Join-request / Rejoin-request MIC, Join-accept decryption (done with AES
    /// <em>encrypt</em>, LoRaWAN 1.0.2 §6.2.5) and the Join-accept MIC in its 1.0 and 1.1 forms.
    /// Compute methods take the message without MIC and write 4 MIC bytes; Verify methods take the whole
    /// PHYPayload (length includes the trailing MIC) and compare in constant time.
    /// </summary>
    public sealed class JoinCrypto
    {
        /// <summary>JoinReqType of a Join-request in the LoRaWAN 1.1 Join-accept MIC (§6.2.3); 0x00..0x02 name a Rejoin type.</summary>
        public const byte JoinRequestType = 0xFF;

        /// <summary>Length of a Join-accept PHYPayload without CFList: MHDR | 12 bytes | MIC.</summary>
        public const int JoinAcceptLength = 17;

        /// <summary>Length of a Join-accept PHYPayload with the 16-byte CFList.</summary>
        public const int JoinAcceptWithCFListLength = 33;

        const int MicSize = 4;

        readonly Aes128 _aes;
        readonly AesCmac _cmac;
        readonly byte[] _header = new byte[11]; // JoinReqType | JoinEUI | DevNonce

        /// <summary>A join crypto with its own block schedule.</summary>
        public JoinCrypto() : this(new Aes128())
        {
        }

        /// <summary>
        /// Uses <paramref name="aes"/> for its block encryptions, a schedule others may use too (issue 20: one schedule for
        /// the join's crypto and the MAC's second payload key). Every use loads its key by identity or bytes
        /// (<see cref="Aes128.UseKey(byte[], int, int)"/>), so a key another user loaded in between is expanded again, never
        /// mistaken for this one's.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="aes"/> is null.</exception>
        public JoinCrypto(Aes128 aes) : this(aes, new AesCmac())
        {
        }

        /// <summary>
        /// As <see cref="JoinCrypto(Aes128)"/>, with <paramref name="cmac"/> for its MICs, a CMAC others may use too (issue 20:
        /// a LoRaWAN 1.0.x device's data MIC, whose session key is replaced by every join anyway). Every MIC loads its key by
        /// identity and generation or by bytes, so a key another user loaded in between is expanded again.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="aes"/> or <paramref name="cmac"/> is null.</exception>
        public JoinCrypto(Aes128 aes, AesCmac cmac)
        {
            if (aes == null) throw new ArgumentNullException("aes");
            if (cmac == null) throw new ArgumentNullException("cmac");
            _aes = aes;
            _cmac = cmac;
        }

        /// <summary>
        /// MIC of a Join-request (MHDR | JoinEUI | DevEUI | DevNonce; LoRaWAN 1.0.2 §6.2.4 = 1.0.4 §6.2.5 with AppKey,
        /// 1.1 §6.2.2 with NwkKey) or of a Rejoin-request (1.1 §6.2.4: type 0/2 with SNwkSIntKey, type 1 with JSIntKey):
        /// cmac(key, message)[0..3].
        /// </summary>
        public void ComputeRequestMic(byte[] key, int keyOffset, byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ComputeRequestMic(key, keyOffset, Aes128.NoGeneration, message, offset, length, mic, micOffset);
        }

        /// <summary>
        /// <see cref="ComputeRequestMic(byte[], int, byte[], int, int, byte[], int)"/> with the key's generation: the expanded key
        /// and its CMAC subkeys are reused while array, offset and <paramref name="keyGeneration"/> are unchanged, without
        /// comparing the bytes (<see cref="Aes128.UseKey(byte[], int, int)"/>; the MAC passes a constant for the identity's root
        /// keys, which never change).
        /// </summary>
        public void ComputeRequestMic(byte[] key, int keyOffset, int keyGeneration, byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            _cmac.SetKey(key, keyOffset, keyGeneration);
            _cmac.Update(message, offset, length);
            ConstantTime.WriteMic(_cmac.FinalWord(), mic, micOffset);
        }

        /// <summary>Checks the MIC at the end of a Join-request or Rejoin-request (<paramref name="length"/> includes the MIC).</summary>
        public bool VerifyRequestMic(byte[] key, int keyOffset, byte[] phyPayload, int offset, int length)
        {
            return VerifyRequestMic(key, keyOffset, Aes128.NoGeneration, phyPayload, offset, length);
        }

        bool VerifyRequestMic(byte[] key, int keyOffset, int keyGeneration, byte[] phyPayload, int offset, int length)
        {
            if (length < MicSize) return false;
            _cmac.SetKey(key, keyOffset, keyGeneration);
            _cmac.Update(phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(_cmac.FinalWord(), phyPayload, offset + length - MicSize);
        }

        /// <summary>
        /// Decrypts a received Join-accept PHYPayload in place. The network encrypted everything after MHDR
        /// (the fields, CFList and MIC) with aes128_decrypt in ECB mode, so the device recovers it with
        /// aes128_encrypt block by block (LoRaWAN 1.0.2 §6.2.5; 1.1 §6.2.3). The key is AppKey (1.0.x),
        /// NwkKey (1.1, answer to a Join-request) or JSEncKey (1.1, answer to a Rejoin-request).
        /// Returns false and leaves the buffer untouched unless <paramref name="length"/> is 17 or 33.
        /// </summary>
        public bool DecryptJoinAccept(byte[] key, int keyOffset, byte[] phyPayload, int offset, int length)
        {
            // The generation form's body rather than a call to it (a call costs about 600 x86 instructions on nanoCLR).
            if (length != JoinAcceptLength && length != JoinAcceptWithCFListLength) return false;
            if (offset < 0 || offset > phyPayload.Length - length) return false;
            _aes.UseKey(key, keyOffset);
            for (int p = offset + 1; p < offset + length; p += 16) _aes.EncryptBlock(phyPayload, p, phyPayload, p);
            return true;
        }

        /// <summary><see cref="DecryptJoinAccept(byte[], int, byte[], int, int)"/> with the key's generation (see <see cref="ComputeRequestMic(byte[], int, int, byte[], int, int, byte[], int)"/>).</summary>
        public bool DecryptJoinAccept(byte[] key, int keyOffset, int keyGeneration, byte[] phyPayload, int offset, int length)
        {
            if (length != JoinAcceptLength && length != JoinAcceptWithCFListLength) return false;
            if (offset < 0 || offset > phyPayload.Length - length) return false;
            _aes.UseKey(key, keyOffset, keyGeneration);
            for (int p = offset + 1; p < offset + length; p += 16) _aes.EncryptBlock(phyPayload, p, phyPayload, p);
            return true;
        }

        /// <summary>
        /// LoRaWAN 1.0.x Join-accept MIC (1.0.2 §6.2.5 = 1.0.4 §6.2.6), also used by LoRaWAN 1.1 when OptNeg is 0 (key NwkKey):
        /// cmac(key, MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay | CFList)[0..3].
        /// <paramref name="message"/> holds those plaintext bytes (13 or 29).
        /// </summary>
        public void ComputeJoinAcceptMic10(byte[] key, int keyOffset, byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ComputeRequestMic(key, keyOffset, message, offset, length, mic, micOffset);
        }

        /// <summary>Checks the 1.0 form of the MIC at the end of a decrypted Join-accept (<paramref name="length"/> 17 or 33).</summary>
        public bool VerifyJoinAcceptMic10(byte[] key, int keyOffset, byte[] phyPayload, int offset, int length)
        {
            if (length != JoinAcceptLength && length != JoinAcceptWithCFListLength) return false;
            return VerifyRequestMic(key, keyOffset, Aes128.NoGeneration, phyPayload, offset, length);
        }

        /// <summary><see cref="VerifyJoinAcceptMic10(byte[], int, byte[], int, int)"/> with the key's generation (see <see cref="ComputeRequestMic(byte[], int, int, byte[], int, int, byte[], int)"/>).</summary>
        public bool VerifyJoinAcceptMic10(byte[] key, int keyOffset, int keyGeneration, byte[] phyPayload, int offset, int length)
        {
            if (length != JoinAcceptLength && length != JoinAcceptWithCFListLength) return false;
            return VerifyRequestMic(key, keyOffset, keyGeneration, phyPayload, offset, length);
        }

        /// <summary>
        /// LoRaWAN 1.1 Join-accept MIC when OptNeg is 1 (§6.2.3):
        /// cmac(JSIntKey, JoinReqType | JoinEUI | DevNonce | MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay | CFList)[0..3].
        /// <paramref name="joinReqType"/> is <see cref="JoinRequestType"/> (0xFF) or the Rejoin type; <paramref name="joinEui"/>
        /// and <paramref name="devNonce"/> (the DevNonce of the Join-request, or the RJcount of the Rejoin-request) are written
        /// little-endian as on air. <paramref name="message"/> holds MHDR .. CFList in plaintext (13 or 29 bytes).
        /// </summary>
        public void ComputeJoinAcceptMic11(byte[] jsIntKey, int keyOffset, byte joinReqType, ulong joinEui, ushort devNonce,
            byte[] message, int offset, int length, byte[] mic, int micOffset)
        {
            ConstantTime.WriteMic(JoinAccept11(jsIntKey, keyOffset, joinReqType, joinEui, devNonce, message, offset, length), mic, micOffset);
        }

        /// <summary>Checks the 1.1 (OptNeg = 1) MIC at the end of a decrypted Join-accept (<paramref name="length"/> 17 or 33).</summary>
        public bool VerifyJoinAcceptMic11(byte[] jsIntKey, int keyOffset, byte joinReqType, ulong joinEui, ushort devNonce,
            byte[] phyPayload, int offset, int length)
        {
            if (length != JoinAcceptLength && length != JoinAcceptWithCFListLength) return false;
            uint mic = JoinAccept11(jsIntKey, keyOffset, joinReqType, joinEui, devNonce, phyPayload, offset, length - MicSize);
            return ConstantTime.MicEquals(mic, phyPayload, offset + length - MicSize);
        }

        uint JoinAccept11(byte[] jsIntKey, int keyOffset, byte joinReqType, ulong joinEui, ushort devNonce,
            byte[] message, int offset, int length)
        {
            byte[] h = _header;
            h[0] = joinReqType;
            for (int i = 0; i < 8; i++) h[1 + i] = (byte)(joinEui >> (8 * i));
            h[9] = (byte)devNonce;
            h[10] = (byte)(devNonce >> 8);
            _cmac.SetKey(jsIntKey, keyOffset);
            _cmac.Update(h, 0, 11);
            _cmac.Update(message, offset, length);
            return _cmac.FinalWord();
        }
    }
}
