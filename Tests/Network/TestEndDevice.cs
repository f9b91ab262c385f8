using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The device side of the network tests, built by hand from the shared frame writers and the shared (device)
    /// crypto: Join-requests, data uplinks, and reading what the network sends back. LoRaWAN 1.1 (a device with
    /// <see cref="NwkKey"/>, or <see cref="Abp11"/>): the Join-request MIC with NwkKey, the Join-accept by its OptNeg bit,
    /// the four session keys, uplinks with the 1.1 MIC (<see cref="TxDr"/>, <see cref="TxCh"/>, ConfFCnt) and encrypted FOpts.
    /// </summary>
    public sealed class TestEndDevice
    {
        public ulong DevEui;
        public ulong JoinEui;
        public byte[] AppKey;
        public uint DevAddr;
        /// <summary>NwkSKey; LoRaWAN 1.1: FNwkSIntKey.</summary>
        public readonly byte[] NwkSKey = new byte[16];
        public readonly byte[] AppSKey = new byte[16];

        /// <summary>LoRaWAN 1.1 root key (null for a 1.0.x device).</summary>
        public byte[] NwkKey;

        /// <summary>True once the device uses LoRaWAN 1.1 frames (ABP 1.1, or a Join-accept with OptNeg = 1).</summary>
        public bool Is11;
        public readonly byte[] SNwkSIntKey = new byte[16];
        public readonly byte[] NwkSEncKey = new byte[16];

        /// <summary>The data rate and channel index of the next 1.1 uplink (its MIC covers them).</summary>
        public int TxDr = 5;
        public int TxCh;

        /// <summary>The FOpts of the last downlink read, decrypted for a 1.1 session.</summary>
        public byte[] DownlinkFOpts;

        /// <summary>The Join-accept last accepted by <see cref="AcceptJoin"/> (decrypted).</summary>
        public readonly JoinAcceptFrame JoinAccept = new JoinAcceptFrame();

        /// <summary>The plaintext of the last Join-accept accepted.</summary>
        public byte[] JoinAcceptPlain;

        /// <summary>The data downlink last read by <see cref="ReadDownlink"/>.</summary>
        public readonly DataFrame Downlink = new DataFrame();

        /// <summary>The decrypted FRMPayload of the last downlink read.</summary>
        public byte[] DownlinkPayload;

        readonly JoinCrypto _join = new JoinCrypto();
        readonly KeyDerivation _keys = new KeyDerivation();
        readonly DataMic _mic = new DataMic();
        readonly PayloadCipher _cipher = new PayloadCipher();

        public static TestEndDevice Otaa(ulong devEui, ulong joinEui, byte[] appKey)
        {
            var d = new TestEndDevice();
            d.DevEui = devEui;
            d.JoinEui = joinEui;
            d.AppKey = appKey;
            return d;
        }

        public static TestEndDevice Abp(uint devAddr, byte[] nwkSKey, byte[] appSKey)
        {
            var d = new TestEndDevice();
            d.DevAddr = devAddr;
            Array.Copy(nwkSKey, 0, d.NwkSKey, 0, 16);
            Array.Copy(appSKey, 0, d.AppSKey, 0, 16);
            return d;
        }

        public static TestEndDevice Otaa11(ulong devEui, ulong joinEui, byte[] nwkKey, byte[] appKey)
        {
            TestEndDevice d = Otaa(devEui, joinEui, appKey);
            d.NwkKey = nwkKey;
            return d;
        }

        public static TestEndDevice Abp11(uint devAddr, byte[] fNwkSIntKey, byte[] sNwkSIntKey, byte[] nwkSEncKey, byte[] appSKey)
        {
            TestEndDevice d = Abp(devAddr, fNwkSIntKey, appSKey);
            Array.Copy(sNwkSIntKey, 0, d.SNwkSIntKey, 0, 16);
            Array.Copy(nwkSEncKey, 0, d.NwkSEncKey, 0, 16);
            d.Is11 = true;
            return d;
        }

        /// <summary>A Join-request with <paramref name="devNonce"/> and its MIC (AppKey; NwkKey for a 1.1 device).</summary>
        public byte[] JoinRequest(ushort devNonce)
        {
            var jr = new JoinRequestFrame();
            jr.JoinEui = JoinEui;
            jr.DevEui = DevEui;
            jr.DevNonce = devNonce;
            var frame = new byte[JoinRequestFrame.Length];
            jr.Write(frame, 0);
            _join.ComputeRequestMic(NwkKey != null ? NwkKey : AppKey, 0, frame, 0, JoinRequestFrame.MicIndex, frame, JoinRequestFrame.MicIndex);
            return frame;
        }

        /// <summary>
        /// Decrypts a copy of <paramref name="onAir"/> as the device does (AES encrypt), checks the MIC, reads it and
        /// derives the session keys for <paramref name="devNonce"/>. False when it does not decrypt and verify.
        /// </summary>
        public bool AcceptJoin(byte[] onAir, ushort devNonce)
        {
            if (NwkKey != null) return AcceptJoin11(onAir, devNonce);
            var plain = new byte[onAir.Length];
            Array.Copy(onAir, plain, onAir.Length);
            if (!_join.DecryptJoinAccept(AppKey, 0, plain, 0, plain.Length)) return false;
            if (!_join.VerifyJoinAcceptMic10(AppKey, 0, plain, 0, plain.Length)) return false;
            if (JoinAccept.Read(plain, 0, plain.Length) != FrameResult.Ok) return false;
            JoinAcceptPlain = plain;
            DevAddr = JoinAccept.DevAddr;
            _keys.Derive10(AppKey, 0, SessionKeyType.NwkSKey, JoinAccept.JoinNonce, JoinAccept.NetId, devNonce, NwkSKey, 0);
            _keys.Derive10(AppKey, 0, SessionKeyType.AppSKey, JoinAccept.JoinNonce, JoinAccept.NetId, devNonce, AppSKey, 0);
            return true;
        }

        /// <summary>
        /// LoRaWAN 1.1 §6.2.3 as the device does it: decrypt with NwkKey; OptNeg = 1: MIC with JSIntKey over
        /// JoinReqType 0xFF | JoinEUI | DevNonce | the accept, the four keys; OptNeg = 0: the 1.0 MIC and keys with NwkKey.
        /// </summary>
        bool AcceptJoin11(byte[] onAir, ushort devNonce)
        {
            var plain = new byte[onAir.Length];
            Array.Copy(onAir, plain, onAir.Length);
            if (!_join.DecryptJoinAccept(NwkKey, 0, plain, 0, plain.Length)) return false;
            if (JoinAccept.Read(plain, 0, plain.Length) != FrameResult.Ok) return false;
            if (JoinAccept.OptNeg)
            {
                var jsIntKey = new byte[16];
                _keys.DeriveJoinServerKey(NwkKey, 0, SessionKeyType.JSIntKey, DevEui, jsIntKey, 0);
                if (!_join.VerifyJoinAcceptMic11(jsIntKey, 0, JoinCrypto.JoinRequestType, JoinEui, devNonce, plain, 0, plain.Length)) return false;
                uint n = JoinAccept.JoinNonce;
                _keys.Derive11(NwkKey, 0, SessionKeyType.FNwkSIntKey, n, JoinEui, devNonce, NwkSKey, 0);
                _keys.Derive11(NwkKey, 0, SessionKeyType.SNwkSIntKey, n, JoinEui, devNonce, SNwkSIntKey, 0);
                _keys.Derive11(NwkKey, 0, SessionKeyType.NwkSEncKey, n, JoinEui, devNonce, NwkSEncKey, 0);
                _keys.Derive11(AppKey, 0, SessionKeyType.AppSKey, n, JoinEui, devNonce, AppSKey, 0);
                Is11 = true;
            }
            else
            {
                if (!_join.VerifyJoinAcceptMic10(NwkKey, 0, plain, 0, plain.Length)) return false;
                _keys.Derive10(NwkKey, 0, SessionKeyType.NwkSKey, JoinAccept.JoinNonce, JoinAccept.NetId, devNonce, NwkSKey, 0);
                _keys.Derive10(NwkKey, 0, SessionKeyType.AppSKey, JoinAccept.JoinNonce, JoinAccept.NetId, devNonce, AppSKey, 0);
                Is11 = false;
            }
            JoinAcceptPlain = plain;
            DevAddr = JoinAccept.DevAddr;
            return true;
        }

        /// <summary>A data uplink with the 32-bit <paramref name="fCnt"/> (16 bits on air), encrypted and MIC'd.</summary>
        public byte[] Uplink(uint fCnt, int port, byte[] payload, bool confirmed, bool ack)
        {
            return Uplink(fCnt, port, payload, confirmed, ack, null, 0);
        }

        /// <summary>
        /// A data uplink with MAC commands <paramref name="fopts"/> (in clear; encrypted with NwkSEncKey for 1.1) and, for
        /// 1.1, <paramref name="confFCnt"/> in the MIC (the FCnt of the confirmed downlink acknowledged; 0 without ACK).
        /// </summary>
        public byte[] Uplink(uint fCnt, int port, byte[] payload, bool confirmed, bool ack, byte[] fopts, uint confFCnt)
        {
            var f = new DataFrame();
            f.MType = confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp;
            f.DevAddr = DevAddr;
            f.Ack = ack;
            f.FCnt = (ushort)fCnt;
            f.FPort = port;
            int n = payload == null ? 0 : payload.Length;
            int fo = fopts == null ? 0 : fopts.Length;
            var buffer = new byte[DataFrame.MinLength + fo + 1 + n];
            if (f.Write(buffer, 0, fopts, 0, fo, payload, 0, n) != FrameResult.Ok) throw new InvalidOperationException("write");
            if (n > 0)
                _cipher.EncryptFrmPayload(port == 0 ? (Is11 ? NwkSEncKey : NwkSKey) : AppSKey, 0, FrameDirection.Uplink, DevAddr, fCnt, buffer, f.FrmPayloadOffset, n);
            if (!Is11) _mic.Compute10(NwkSKey, 0, FrameDirection.Uplink, DevAddr, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            else
            {
                if (fo > 0) _cipher.EncryptFOpts(NwkSEncKey, 0, FCntType.FCntUp, DevAddr, fCnt, buffer, f.FOptsOffset, fo);
                _mic.ComputeUplink11(SNwkSIntKey, 0, NwkSKey, 0, confFCnt, (byte)TxDr, (byte)TxCh, DevAddr, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            }
            var frame = new byte[f.Length];
            Array.Copy(buffer, frame, f.Length);
            return frame;
        }

        /// <summary>
        /// Reads a data downlink, checks its MIC with the 32-bit <paramref name="fCntDown"/> and decrypts its payload into
        /// <see cref="DownlinkPayload"/>. False when it does not parse, is not for <see cref="DevAddr"/> or the MIC fails.
        /// </summary>
        public bool ReadDownlink(byte[] frame, uint fCntDown)
        {
            return ReadDownlink(frame, fCntDown, 0);
        }

        /// <summary>
        /// As <see cref="ReadDownlink(byte[],uint)"/>; for 1.1 the MIC with <paramref name="confFCnt"/> (the FCnt of the
        /// confirmed uplink acknowledged, 0 without ACK) and FOpts decrypted under AFCntDown (FPort 1..255) or NFCntDown.
        /// </summary>
        public bool ReadDownlink(byte[] frame, uint fCntDown, uint confFCnt)
        {
            MType mtype;
            if (PhyPayload.ReadDownlink(frame, 0, frame.Length, 0, Downlink, out mtype) != FrameResult.Ok) return false;
            if (mtype != MType.UnconfirmedDataDown && mtype != MType.ConfirmedDataDown) return false;
            if (Downlink.DevAddr != DevAddr || Downlink.FCnt != (ushort)fCntDown) return false;
            bool micOk = Is11
                ? _mic.VerifyDownlink11(SNwkSIntKey, 0, confFCnt, DevAddr, fCntDown, frame, 0, frame.Length)
                : _mic.Verify10(NwkSKey, 0, FrameDirection.Downlink, DevAddr, fCntDown, frame, 0, frame.Length);
            if (!micOk) return false;
            DownlinkFOpts = new byte[Downlink.FOptsLength];
            Array.Copy(frame, Downlink.FOptsOffset, DownlinkFOpts, 0, DownlinkFOpts.Length);
            if (Is11 && DownlinkFOpts.Length > 0)
                _cipher.DecryptFOpts(NwkSEncKey, 0, Downlink.FPort > 0 ? FCntType.AFCntDown : FCntType.NFCntDown, DevAddr, fCntDown, DownlinkFOpts, 0, DownlinkFOpts.Length);
            int n = Downlink.FrmPayloadLength;
            DownlinkPayload = new byte[n];
            Array.Copy(frame, Downlink.FrmPayloadOffset, DownlinkPayload, 0, n);
            if (n > 0)
                _cipher.DecryptFrmPayload(Downlink.FPort == 0 ? (Is11 ? NwkSEncKey : NwkSKey) : AppSKey, 0, FrameDirection.Downlink, DevAddr, fCntDown, DownlinkPayload, 0, n);
            return true;
        }
    }
}
