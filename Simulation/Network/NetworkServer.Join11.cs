using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    // The join server's keys: the Join-accept MIC and encryption and the session keys, for LoRaWAN 1.0.x and 1.1
    // (LoRaWAN 1.1 §6.1.1, §6.2.3; The Things Stack pkg/joinserver, pkg/crypto). The application server's AppSKey
    // goes into the session only for FRMPayload of FPort 1..255.
    public sealed partial class NetworkServer
    {
        readonly byte[] _jsKey = new byte[16];
        readonly byte[] _sNwkSIntKey = new byte[16];
        readonly byte[] _nwkSEncKey = new byte[16];

        /// <summary>
        /// MIC and encryption of the Join-accept in _downBuffer[0..<paramref name="length"/>) (plaintext with room for the
        /// MIC). <paramref name="joinReqType"/> is <see cref="JoinCrypto.JoinRequestType"/> (0xFF) for a Join-request; it is
        /// the seam for rejoins: a Rejoin-request of type 0..2 is answered with the same MIC over its type and RJcount in
        /// <paramref name="nonce"/>, encrypted with JSEncKey instead of NwkKey (LoRaWAN 1.1 §6.2.3).
        /// </summary>
        void SealJoinAccept(NetworkDevice device, byte joinReqType, ushort nonce, bool optNeg, int length)
        {
            int micAt = length - DataMic.MicSize;
            if (!device.Is11)
            {
                // LoRaWAN 1.0.4 §6.2.6: cmac(AppKey, MHDR .. CFList), encrypted with AppKey.
                _joinCrypto.ComputeJoinAcceptMic10(device.AppKey, 0, _downBuffer, 0, micAt, _downBuffer, micAt);
                _joinAcceptCipher.Encrypt(device.AppKey, 0, _downBuffer, 0, length);
                return;
            }
            if (!optNeg)
            {
                // LoRaWAN 1.1 §6.2.3, OptNeg = 0 (a 1.0 network): the 1.0 MIC with NwkKey, encrypted with NwkKey.
                _joinCrypto.ComputeJoinAcceptMic10(device.NwkKey, 0, _downBuffer, 0, micAt, _downBuffer, micAt);
                _joinAcceptCipher.Encrypt(device.NwkKey, 0, _downBuffer, 0, length);
                return;
            }
            // LoRaWAN 1.1 §6.2.3, OptNeg = 1: MIC = cmac(JSIntKey, JoinReqType | JoinEUI | DevNonce | MHDR .. CFList)[0..3],
            // JSIntKey = aes128_encrypt(NwkKey, 0x06 | DevEUI | pad16) (§6.1.1.3).
            _keyDerivation.DeriveJoinServerKey(device.NwkKey, 0, SessionKeyType.JSIntKey, device.DevEui, _jsKey, 0);
            _joinCrypto.ComputeJoinAcceptMic11(_jsKey, 0, joinReqType, device.JoinEui, nonce, _downBuffer, 0, micAt, _downBuffer, micAt);
            if (joinReqType == JoinCrypto.JoinRequestType)
            {
                _joinAcceptCipher.Encrypt(device.NwkKey, 0, _downBuffer, 0, length);
                return;
            }
            _keyDerivation.DeriveJoinServerKey(device.NwkKey, 0, SessionKeyType.JSEncKey, device.DevEui, _jsKey, 0);
            _joinAcceptCipher.Encrypt(_jsKey, 0, _downBuffer, 0, length);
        }

        /// <summary>The session a Join-accept opens, with the keys the device derives from it.</summary>
        NetworkSession DeriveJoinSession(NetworkDevice device, uint joinNonce, uint netId, ushort devNonce, uint devAddr, bool optNeg, ChannelPlan plan)
        {
            if (!device.Is11 || !optNeg)
            {
                // LoRaWAN 1.0.4 §6.2.6: NwkSKey / AppSKey = aes128_encrypt(AppKey, 0x01 / 0x02 | JoinNonce | NetID | DevNonce | pad16).
                // A 1.1 device answered with OptNeg = 0 derives them from NwkKey (1.1 §6.2.3): FNwkSIntKey = SNwkSIntKey
                // = NwkSEncKey = the 0x01 key; the session is a 1.0 session.
                byte[] root = device.Is11 ? device.NwkKey : device.AppKey;
                _keyDerivation.Derive10(root, 0, SessionKeyType.NwkSKey, joinNonce, netId, devNonce, _nwkSKey, 0);
                _keyDerivation.Derive10(root, 0, SessionKeyType.AppSKey, joinNonce, netId, devNonce, _appSKey, 0);
                return new NetworkSession(device, devAddr, _nwkSKey, _appSKey, plan);
            }
            // LoRaWAN 1.1 §6.2.3, OptNeg = 1: FNwkSIntKey (0x01), SNwkSIntKey (0x03), NwkSEncKey (0x04) from NwkKey and
            // AppSKey (0x02) from AppKey = aes128_encrypt(key, type | JoinNonce | JoinEUI | DevNonce | pad16).
            ulong joinEui = device.JoinEui;
            _keyDerivation.Derive11(device.NwkKey, 0, SessionKeyType.FNwkSIntKey, joinNonce, joinEui, devNonce, _nwkSKey, 0);
            _keyDerivation.Derive11(device.NwkKey, 0, SessionKeyType.SNwkSIntKey, joinNonce, joinEui, devNonce, _sNwkSIntKey, 0);
            _keyDerivation.Derive11(device.NwkKey, 0, SessionKeyType.NwkSEncKey, joinNonce, joinEui, devNonce, _nwkSEncKey, 0);
            _keyDerivation.Derive11(device.AppKey, 0, SessionKeyType.AppSKey, joinNonce, joinEui, devNonce, _appSKey, 0);
            var session = new NetworkSession(device, devAddr, _nwkSKey, _appSKey, plan);
            session.Use11Keys(_sNwkSIntKey, _nwkSEncKey);
            session.NeedsRekeyInd = true;
            return session;
        }
    }
}
