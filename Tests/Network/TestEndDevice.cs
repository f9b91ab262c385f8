using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The device side of the network tests, built by hand from the shared frame writers and the shared (device)
    /// crypto: Join-requests, data uplinks, and reading what the network sends back.
    /// </summary>
    public sealed class TestEndDevice
    {
        public ulong DevEui;
        public ulong JoinEui;
        public byte[] AppKey;
        public uint DevAddr;
        public readonly byte[] NwkSKey = new byte[16];
        public readonly byte[] AppSKey = new byte[16];

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

        /// <summary>A Join-request with <paramref name="devNonce"/> and its MIC (AppKey).</summary>
        public byte[] JoinRequest(ushort devNonce)
        {
            var jr = new JoinRequestFrame();
            jr.JoinEui = JoinEui;
            jr.DevEui = DevEui;
            jr.DevNonce = devNonce;
            var frame = new byte[JoinRequestFrame.Length];
            jr.Write(frame, 0);
            _join.ComputeRequestMic(AppKey, 0, frame, 0, JoinRequestFrame.MicIndex, frame, JoinRequestFrame.MicIndex);
            return frame;
        }

        /// <summary>
        /// Decrypts a copy of <paramref name="onAir"/> as the device does (AES encrypt), checks the MIC, reads it and
        /// derives the session keys for <paramref name="devNonce"/>. False when it does not decrypt and verify.
        /// </summary>
        public bool AcceptJoin(byte[] onAir, ushort devNonce)
        {
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

        /// <summary>A data uplink with the 32-bit <paramref name="fCnt"/> (16 bits on air), encrypted and MIC'd.</summary>
        public byte[] Uplink(uint fCnt, int port, byte[] payload, bool confirmed, bool ack)
        {
            var f = new DataFrame();
            f.MType = confirmed ? MType.ConfirmedDataUp : MType.UnconfirmedDataUp;
            f.DevAddr = DevAddr;
            f.Ack = ack;
            f.FCnt = (ushort)fCnt;
            f.FPort = port;
            int n = payload == null ? 0 : payload.Length;
            var buffer = new byte[DataFrame.MinLength + 1 + n];
            if (f.Write(buffer, 0, null, 0, 0, payload, 0, n) != FrameResult.Ok) throw new InvalidOperationException("write");
            if (n > 0)
                _cipher.EncryptFrmPayload(port == 0 ? NwkSKey : AppSKey, 0, FrameDirection.Uplink, DevAddr, fCnt, buffer, f.FrmPayloadOffset, n);
            _mic.Compute10(NwkSKey, 0, FrameDirection.Uplink, DevAddr, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
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
            MType mtype;
            if (PhyPayload.ReadDownlink(frame, 0, frame.Length, 0, Downlink, out mtype) != FrameResult.Ok) return false;
            if (mtype != MType.UnconfirmedDataDown && mtype != MType.ConfirmedDataDown) return false;
            if (Downlink.DevAddr != DevAddr || Downlink.FCnt != (ushort)fCntDown) return false;
            if (!_mic.Verify10(NwkSKey, 0, FrameDirection.Downlink, DevAddr, fCntDown, frame, 0, frame.Length)) return false;
            int n = Downlink.FrmPayloadLength;
            DownlinkPayload = new byte[n];
            Array.Copy(frame, Downlink.FrmPayloadOffset, DownlinkPayload, 0, n);
            if (n > 0)
                _cipher.DecryptFrmPayload(Downlink.FPort == 0 ? NwkSKey : AppSKey, 0, FrameDirection.Downlink, DevAddr, fCntDown, DownlinkPayload, 0, n);
            return true;
        }
    }
}
