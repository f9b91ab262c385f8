using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    // The join server: Join-request checks, the Join-accept, the new session.
    public sealed partial class NetworkServer
    {
        void HandleJoinRequest(ulong now, byte[] phy, int offset, int length, UplinkMetadata md)
        {
            JoinRequestFrame jr = _joinRequest;
            ulong devEui = jr.DevEui;
            ushort devNonce = jr.DevNonce;
            NetworkDevice device = FindOtaa(devEui, jr.JoinEui);

            // Gateway diversity: the same Join-request from another gateway is one request (it would otherwise
            // look like a reused DevNonce).
            if (device != null && device.HasLastJoinRequest && now - device.LastJoinRequestUs <= _options.DeduplicationWindowUs
                && length == JoinRequestFrame.Length && SameBytes(device.LastJoinRequest, phy, offset, length))
            {
                _counters.Duplicates++;
                if (_observer != null) _observer.DuplicateReceived(now, devEui, 0, md);
                return;
            }

            _counters.JoinRequests++;
            if (_observer != null) _observer.JoinRequestReceived(now, devEui, jr.JoinEui, devNonce, md);
            if (device == null)
            {
                RejectJoin(now, devEui, devNonce, JoinRejectReason.UnknownDevice);
                return;
            }
            // LoRaWAN 1.0.4 §6.2.5: MIC = aes128_cmac(AppKey, MHDR | JoinEUI | DevEUI | DevNonce)[0..3]; LoRaWAN 1.1
            // §6.2.2: the same with NwkKey.
            if (!_joinCrypto.VerifyRequestMic(device.Is11 ? device.NwkKey : device.AppKey, 0, phy, offset, length))
            {
                RejectJoin(now, devEui, devNonce, JoinRejectReason.MicMismatch);
                return;
            }
            for (int i = 0; i < JoinRequestFrame.Length; i++) device.LastJoinRequest[i] = phy[offset + i];
            device.HasLastJoinRequest = true;
            device.LastJoinRequestUs = now;

            JoinRejectReason reason;
            if (!device.DevNonces.Check(devNonce, out reason))
            {
                RejectJoin(now, devEui, devNonce, reason);
                return;
            }
            int uplinkDr = RegionLookup.FindUplinkDataRate(_region, md.SpreadingFactor, md.BandwidthHz);
            if (uplinkDr < 0)
            {
                RejectJoin(now, devEui, devNonce, JoinRejectReason.UnsupportedDataRate);
                return;
            }

            // Accepted by the join server: the DevNonce is spent and the JoinNonce advances even if no gateway
            // can deliver the answer (The Things Stack's join server commits before the network server schedules).
            device.DevNonces.Accept(devNonce);
            DownlinkRecord rec = AnswerJoin(now, device, JoinCrypto.JoinRequestType, devNonce, uplinkDr, md, _joinPlan, null);
            if (rec == null) return;
            device.JoinCount++;
            _counters.JoinAccepts++;
            if (_observer != null) _observer.JoinAccepted(now, devEui, rec.DevAddr, device.LastJoinNonce, devNonce);
            RecordDownlink(now, rec);
        }

        /// <summary>
        /// The Join-accept that answers a Join-request (<paramref name="joinReqType"/> 0xFF, <paramref name="nonce"/> its
        /// DevNonce) or a Rejoin-request (its type and RJcount, LoRaWAN 1.1 §6.2.3), in RX1 (JOIN_ACCEPT_DELAY1, the uplink's
        /// channel in <paramref name="uplinkPlan"/>, RX1 offset 0) or RX2 (JOIN_ACCEPT_DELAY2, the region's RX2). The new
        /// session becomes the device's pending session. <paramref name="keepRadio"/> (a type 2 Rejoin-request) is the
        /// session whose radio parameters and channels the new one keeps; null: the defaults and the CFList. Returns the
        /// downlink's record (not yet recorded), or null when no window could carry it (counted).
        /// </summary>
        DownlinkRecord AnswerJoin(ulong now, NetworkDevice device, byte joinReqType, ushort nonce, int uplinkDr, UplinkMetadata md,
            ChannelPlan uplinkPlan, NetworkSession keepRadio)
        {
            ulong devEui = device.DevEui;
            uint joinNonce = (device.LastJoinNonce + 1) & 0xFFFFFF;
            device.LastJoinNonce = joinNonce;
            uint devAddr = AllocateDevAddr();
            uint netId = _options.NetId;
            int rxDelay = keepRadio != null ? keepRadio.RxDelaySeconds : _options.RxDelaySeconds;
            int rx1DrOffset = keepRadio != null ? keepRadio.Rx1DrOffset : _options.Rx1DrOffset;
            int rx2DataRate = keepRadio != null ? keepRadio.Rx2DataRate : _rx2DataRate;

            // LoRaWAN 1.0.4 §6.2.6: MHDR | JoinNonce | NetID | DevAddr | DLSettings | RxDelay | [CFList] | MIC.
            JoinAcceptFrame ja = _joinAccept;
            ja.JoinNonce = joinNonce;
            ja.NetId = netId;
            ja.DevAddr = devAddr;
            // LoRaWAN 1.1 §6.2.3: OptNeg = 1 from a 1.1 network to a 1.1 device; 0 when the network answers as 1.0.
            bool optNeg = device.Is11 && (_options.OptNeg || joinReqType != JoinCrypto.JoinRequestType);
            ja.OptNeg = optNeg;
            ja.Rx1DrOffset = rx1DrOffset;
            ja.Rx2DataRate = rx2DataRate;
            ja.RxDelay = rxDelay;
            bool withCfList = keepRadio == null && RegionLookup.BuildCfList(_region, _options, device.MacVersion, _cfList, _cfListFrequencies);
            int len = ja.Write(_downBuffer, 0, withCfList ? _cfList : null, 0);
            SealJoinAccept(device, joinReqType, nonce, optNeg, len);

            ChannelPlan plan = _region.CreateChannelPlan();
            if (keepRadio != null) plan.CopyFrom(keepRadio.ChannelPlan);
            else if (withCfList) _region.ApplyCfList(plan, _cfList, 0);
            NetworkSession session = DeriveJoinSession(device, joinNonce, netId, nonce, devAddr, optNeg, plan);
            session.Rx1DrOffset = rx1DrOffset;
            session.Rx2DataRate = rx2DataRate;
            session.RxDelaySeconds = rxDelay;
            if (keepRadio != null) session.Rx2FrequencyHz = keepRadio.Rx2FrequencyHz;

            // RX1: JOIN_ACCEPT_DELAY1 after the request, frequency by the channel rule, DR by the RX1 table with
            // offset 0 (the device has no RX1DROffset yet); RX2: JOIN_ACCEPT_DELAY2, the region's default RX2.
            int channel = RegionLookup.FindChannel(uplinkPlan, md.FrequencyHz);
            uint rx1Frequency = RegionLookup.Rx1Frequency(uplinkPlan, channel, md.FrequencyHz);
            int rx1Dr = _region.GetRx1DataRate(uplinkPlan, uplinkDr, 0);

            DownlinkRecord rec = NewDownlinkRecord();
            rec.IsJoinAccept = true;
            rec.DevEui = devEui;
            rec.DevAddr = devAddr;
            bool sent = (!_forceRx2 && TryWindow(RxWindow.Rx1, md.EndUs, JoinAcceptDelay1Us, rx1Frequency, rx1Dr, len, rec))
                || TryWindow(RxWindow.Rx2, md.EndUs, JoinAcceptDelay2Us, _region.Rx2Frequency, _region.Rx2DataRate, len, rec);
            if (!sent)
            {
                _counters.DownlinksNotSent++;
                if (_observer != null) _observer.DownlinkNotSent(now, devEui, devAddr, true);
                return null;
            }
            // As in The Things Stack, the new session stays pending until the device's first uplink on it; the old
            // one keeps working until then (the device may not have received this Join-accept).
            device.PendingSession = session;
            return rec;
        }

        void RejectJoin(ulong now, ulong devEui, ushort devNonce, JoinRejectReason reason)
        {
            switch (reason)
            {
                case JoinRejectReason.Malformed: _counters.JoinRejectedMalformed++; break;
                case JoinRejectReason.UnknownDevice: _counters.JoinRejectedUnknownDevice++; break;
                case JoinRejectReason.MicMismatch: _counters.JoinRejectedMic++; break;
                case JoinRejectReason.DevNonceTooSmall: _counters.JoinRejectedDevNonceTooSmall++; break;
                case JoinRejectReason.DevNonceReused: _counters.JoinRejectedDevNonceReused++; break;
                case JoinRejectReason.UnsupportedDataRate: _counters.JoinRejectedDataRate++; break;
            }
            if (_observer != null) _observer.JoinRequestRejected(now, devEui, devNonce, reason);
        }
    }
}
