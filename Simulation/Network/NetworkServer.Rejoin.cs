using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    // LoRaWAN 1.1 Rejoin-requests, network side (§6.2.4): the network server checks types 0 and 2 against the session
    // (SNwkSIntKey MIC, NetID, RJcount0 above RJcount0_last), the join server type 1 (JSIntKey MIC, JoinEUI, RJcount1
    // above RJcount1_last), and the join server answers with a Join-accept as it does a Join-request: MIC over the
    // Rejoin type and RJcount, encrypted with JSEncKey (§6.2.3), keys derived with the RJcount as DevNonce. The new session
    // is pending until the device's first uplink on it carries RekeyInd (as after a join). ForceRejoinReq (§5.13) and
    // RejoinParamSetupReq (§5.14) go out on demand.
    public sealed partial class NetworkServer
    {
        readonly RejoinRequestFrame _rejoinRequest = new RejoinRequestFrame();

        /// <summary>
        /// Asks the LoRaWAN 1.1 device <paramref name="devEui"/> with ForceRejoinReq (§5.13, in a coming downlink when
        /// <see cref="NetworkMacOptions.Enabled"/>) for <paramref name="maxRetries"/> + 1 Rejoin-requests of
        /// <paramref name="rejoinType"/> (0 or 2) at <paramref name="dataRate"/>, 32 s · 2^<paramref name="period"/> +
        /// rand(0..32 s) apart. <see cref="NetworkMacState.ForceRejoinCount"/> counts the ones sent (it has no answer).
        /// </summary>
        public void ForceRejoin(ulong devEui, int rejoinType, int dataRate, int maxRetries, int period)
        {
            if (rejoinType != 0 && rejoinType != 2) throw new ArgumentOutOfRangeException("rejoinType", "ForceRejoinReq asks for a Rejoin-request of type 0 or 2 (LoRaWAN 1.1 §5.13)");
            if (dataRate < 0 || dataRate > 15) throw new ArgumentOutOfRangeException("dataRate", "DR is 0..15");
            if (maxRetries < 0 || maxRetries > 7) throw new ArgumentOutOfRangeException("maxRetries", "Max_Retries is 0..7");
            if (period < 0 || period > 7) throw new ArgumentOutOfRangeException("period", "Period is 0..7");
            lock (_sync)
            {
                NetworkSession s = RequireSession(devEui);
                if (!s.Is11) throw new InvalidOperationException("ForceRejoinReq is a LoRaWAN 1.1 command; DevEUI " + devEui.ToString("X16") + " has a 1.0 session");
                MacStateOf(s).RequestForceRejoin = (period << 11) | (maxRetries << 8) | (rejoinType << 4) | dataRate;
            }
        }

        /// <summary>
        /// Asks the LoRaWAN 1.1 device <paramref name="devEui"/> with RejoinParamSetupReq (§5.14) for a type 0 Rejoin-request
        /// at least every 2^(<paramref name="maxCountN"/> + 4) uplinks and every 2^(<paramref name="maxTimeN"/> + 10) s (each
        /// 0..15). The answer's TimeOK is in <see cref="NetworkMacState.RejoinParamTimeOk"/>.
        /// </summary>
        public void RejoinParamSetup(ulong devEui, int maxTimeN, int maxCountN)
        {
            if (maxTimeN < 0 || maxTimeN > 15) throw new ArgumentOutOfRangeException("maxTimeN", "MaxTimeN is 0..15");
            if (maxCountN < 0 || maxCountN > 15) throw new ArgumentOutOfRangeException("maxCountN", "MaxCountN is 0..15");
            lock (_sync)
            {
                NetworkSession s = RequireSession(devEui);
                if (!s.Is11) throw new InvalidOperationException("RejoinParamSetupReq is a LoRaWAN 1.1 command; DevEUI " + devEui.ToString("X16") + " has a 1.0 session");
                MacStateOf(s).RequestRejoinParam = (maxTimeN << 4) | maxCountN;
            }
        }

        /// <summary>The on-demand rejoin commands (1.1 sessions only): ForceRejoinReq has no answer, RejoinParamSetupAns a status.</summary>
        void QueueRejoinRequests(NetworkSession s, NetworkMacState m)
        {
            if (!s.Is11) return;
            int f = m.RequestForceRejoin;
            if (f >= 0)
                Queue(m, ForceRejoinReq.Write(m.Queued, m.QueuedLength, (f >> 11) & 7, (f >> 8) & 7, (f >> 4) & 7, f & 0x0F), NoAnswer, -1, true);
            if (m.RequestRejoinParam >= 0)
                Queue(m, RejoinParamSetupReq.Write(m.Queued, m.QueuedLength, m.RequestRejoinParam >> 4, m.RequestRejoinParam & 0x0F), NoStatus, -1, true);
        }

        void HandleRejoinRequest(ulong now, byte[] phy, int offset, int length, UplinkMetadata md)
        {
            RejoinRequestFrame rj = _rejoinRequest;
            _counters.RejoinRequests++;
            NetworkDevice device = FindDevice(rj.DevEui);
            int type = rj.RejoinType;
            if (device == null || !device.IsOtaa || !device.Is11 || (type == 1 ? rj.JoinEui != device.JoinEui : rj.NetId != _options.NetId))
            {
                _counters.RejoinRejectedUnknown++;
                return;
            }
            NetworkSession session = type == 1 ? SessionOf(device.DevEui) : RejoinSession(device, phy, offset, length);
            if (type != 1 && session == null) { _counters.RejoinRejectedMic++; return; }
            if (type == 1)
            {
                // §6.2.4.3: MIC = cmac(JSIntKey, MHDR | RejoinType | JoinEUI | DevEUI | RJcount1)[0..3].
                _keyDerivation.DeriveJoinServerKey(device.NwkKey, 0, SessionKeyType.JSIntKey, device.DevEui, _jsKey, 0);
                if (!_joinCrypto.VerifyRequestMic(_jsKey, 0, phy, offset, length)) { _counters.RejoinRejectedMic++; return; }
            }
            // §6.2.4.1: a Rejoin-request whose RJcount is not above the last one taken is ignored.
            int last = type == 1 ? device.LastRjCount1 : session.LastRjCount0;
            if (rj.RjCount <= last) { _counters.RejoinRejectedRjCount++; return; }
            int uplinkDr = RegionLookup.FindUplinkDataRate(_region, md.SpreadingFactor, md.BandwidthHz);
            if (uplinkDr < 0) { _counters.RejoinRejectedUnknown++; return; }
            if (type == 1) device.LastRjCount1 = rj.RjCount;
            else session.LastRjCount0 = rj.RjCount;

            // The Rejoin-request went out on the session's channels: RX1 follows them. Type 2 keeps the radio parameters.
            ChannelPlan uplinkPlan = session != null ? session.ChannelPlan : _joinPlan;
            DownlinkRecord rec = AnswerJoin(now, device, (byte)type, rj.RjCount, uplinkDr, md, uplinkPlan, type == 2 ? session : null);
            if (rec == null) return;
            device.JoinCount++;
            _counters.RejoinAccepts++;
            RecordDownlink(now, rec);
        }

        /// <summary>
        /// §6.2.4.2: a type 0/2 Rejoin-request is signed cmac(SNwkSIntKey, MHDR | RejoinType | NetID | DevEUI | RJcount0) with
        /// the session the device uses: the confirmed one, or the pending one when the device already moved to it.
        /// </summary>
        NetworkSession RejoinSession(NetworkDevice device, byte[] phy, int offset, int length)
        {
            NetworkSession s = device.Session;
            if (s != null && s.Is11 && _joinCrypto.VerifyRequestMic(s.SNwkSIntKey, 0, phy, offset, length)) return s;
            s = device.PendingSession;
            if (s != null && s.Is11 && _joinCrypto.VerifyRequestMic(s.SNwkSIntKey, 0, phy, offset, length)) return s;
            return null;
        }
    }
}
