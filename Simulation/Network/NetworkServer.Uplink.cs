using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Simulation
{
    // The network server's data uplink path: session lookup, deduplication, FCnt rebuild, MIC, retransmission,
    // confirmed-downlink acknowledgement, payload decryption, the record, then the answer.
    public sealed partial class NetworkServer
    {
        // The transmission parameters of the uplink being checked (LoRaWAN 1.1 MIC) and its decrypted FOpts.
        readonly byte[] _foptsIn = new byte[15];
        int _micDataRate;
        int _micChannel;
        uint _micConfFCnt;

        void HandleDataUplink(ulong now, byte[] phy, int offset, int length, UplinkMetadata md)
        {
            DataFrame up = _upFrame;
            uint devAddr = up.DevAddr;
            NetworkSession s = FindSession(devAddr);
            if (s == null)
            {
                RejectUplink(now, devAddr, UplinkRejectReason.UnknownDevAddr, md);
                return;
            }

            // Gateway diversity: an identical frame within the deduplication window is the same uplink; keep the
            // best reception.
            if (s.LastFrameLength == length && now - s.LastFrameReceivedUs <= _options.DeduplicationWindowUs
                && SameBytes(s.LastFrame, phy, offset, length))
            {
                _counters.Duplicates++;
                UplinkRecord best = s.LastRecord;
                if (best != null)
                {
                    best.GatewayCount++;
                    if (md.RssiDbm > best.RssiDbm)
                    {
                        best.RssiDbm = md.RssiDbm;
                        best.SnrDb = md.SnrDb;
                        best.GatewayId = md.GatewayId;
                    }
                }
                if (_observer != null) _observer.DuplicateReceived(now, s.Device.DevEui, devAddr, md);
                return;
            }

            int dataRate = RegionLookup.FindUplinkDataRate(_region, md.SpreadingFactor, md.BandwidthHz);
            if (dataRate < 0)
            {
                RejectUplink(now, devAddr, UplinkRejectReason.UnsupportedDataRate, md);
                return;
            }
            // Like The Things Stack for LoRaWAN 1.0.4 devices: an uplink longer than the regional maximum MACPayload
            // for its data rate (under the session's uplink dwell time) is dropped.
            if (s.Device.MacVersion == LoRaWanVersion.V1_0_4
                && _upFrame.Length - DataFrame.Overhead > _region.GetMaxMacPayload(dataRate, s.ChannelPlan.UplinkDwellTime))
            {
                RejectUplink(now, devAddr, UplinkRejectReason.Malformed, md);
                return;
            }

            // LoRaWAN 1.1 §4.4: the uplink MIC covers the data rate and the channel index of the transmission (the index
            // in the device's channel plan as the network knows it) and, when ACK is set, the FCnt of the confirmed
            // downlink it acknowledges (The Things Stack: LastConfFCntDown). No channel index, no 1.1 MIC.
            int channel = RegionLookup.FindChannel(s.ChannelPlan, md.FrequencyHz);
            if (s.Is11 && channel < 0)
            {
                RejectUplink(now, devAddr, UplinkRejectReason.MicMismatch, md);
                return;
            }
            _micDataRate = dataRate;
            _micChannel = channel;
            _micConfFCnt = up.Ack ? s.LastConfFCntDown : 0;

            // FCnt: the frame carries the 16 low bits of the 32-bit FCntUp (LoRaWAN 1.0.4 §4.3.1.5). Rebuild it from
            // the last accepted value: same epoch if not below it, else the next epoch (roll-over). A frame whose MIC
            // only verifies with a value below the last one is a replay.
            uint f16 = up.FCnt;
            uint fCnt;
            bool retransmission = false;
            if (!s.HasUplink)
            {
                fCnt = f16;
                if (!VerifyUplinkMic(s, fCnt, phy, offset, length))
                {
                    RejectUplink(now, devAddr, UplinkRejectReason.MicMismatch, md);
                    return;
                }
            }
            else
            {
                uint last = s.LastFCntUp;
                uint candidate = (last & 0xFFFF0000u) | f16;
                if (candidate >= last)
                {
                    if (!VerifyUplinkMic(s, candidate, phy, offset, length))
                    {
                        RejectUplink(now, devAddr, UplinkRejectReason.MicMismatch, md);
                        return;
                    }
                    fCnt = candidate;
                    retransmission = candidate == last;
                }
                else if (VerifyUplinkMic(s, candidate, phy, offset, length))
                {
                    RejectUplink(now, devAddr, UplinkRejectReason.FCntReplay, md);
                    return;
                }
                else
                {
                    uint next = candidate + 0x10000u;
                    if (next < candidate || !VerifyUplinkMic(s, next, phy, offset, length))
                    {
                        RejectUplink(now, devAddr, UplinkRejectReason.MicMismatch, md);
                        return;
                    }
                    fCnt = next;
                }
            }

            // FRMPayload: AppSKey for FPort 1..255, NwkSKey for FPort 0 (LoRaWAN 1.0.4 §4.3.3; NwkSEncKey in 1.1).
            // LoRaWAN 1.1 FOpts are encrypted with NwkSEncKey (§4.3.1.6 and its FCntDwn erratum).
            int port = up.FPort;
            int payloadLength = up.FrmPayloadLength;
            for (int i = 0; i < payloadLength; i++) _payload[i] = phy[up.FrmPayloadOffset + i];
            if (payloadLength > 0)
                _payloadCipher.DecryptFrmPayload(port == 0 ? s.NwkSEncKey : s.AppSKey, 0, FrameDirection.Uplink, devAddr, fCnt, _payload, 0, payloadLength);
            int foptsLength = up.FOptsLength;
            for (int i = 0; i < foptsLength; i++) _foptsIn[i] = phy[up.FOptsOffset + i];
            if (s.Is11 && foptsLength > 0)
                _payloadCipher.DecryptFOpts(s.NwkSEncKey, 0, FCntType.FCntUp, devAddr, fCnt, _foptsIn, 0, foptsLength);

            NetworkDevice device = s.Device;
            // LoRaWAN 1.1 §5.10: a 1.1 OTAA device sends RekeyInd with every uplink of its new session until RekeyConf;
            // The Things Stack drops an uplink of the pending session without it ("No RekeyInd received").
            if (device.PendingSession == s && s.NeedsRekeyInd
                && !CarriesCommand(Cid.Rekey, foptsLength > 0 ? _foptsIn : _payload, foptsLength > 0 ? foptsLength : (port == 0 ? payloadLength : 0)))
            {
                RejectUplink(now, devAddr, UplinkRejectReason.MissingRekeyInd, md);
                return;
            }
            bool firstOfSession = false;
            if (device.PendingSession == s)
            {
                device.Session = s;
                device.PendingSession = null;
                s.NeedsRekeyInd = false;
                firstOfSession = true;
            }

            // A confirmed downlink is acknowledged by the ACK bit of the device's next uplink (LoRaWAN 1.0.4 §4.3.1.2).
            // A retransmission repeats the frame the device sent before it heard us, so its ACK bit says nothing.
            // An uplink that ended before a Class C confirmed downlink went on air says nothing about it (The Things
            // Stack judges only uplinks received after LastConfirmedDownlinkAt, pkg/networkserver/utils.go).
            QueuedDownlink awaiting = s.AwaitingAck;
            if (awaiting != null && !(s.AwaitingAckInRxC && md.EndUs <= s.AwaitingAckSinceUs))
            {
                s.AwaitingAck = null;
                s.AwaitingAckInRxC = false;
                if (up.Ack && !retransmission)
                {
                    awaiting.Acknowledged = true;
                    awaiting.AcknowledgedUs = now;
                    _counters.ConfirmedDownlinksAcked++;
                    if (_observer != null) _observer.DownlinkAcked(now, devAddr, awaiting);
                }
                else
                {
                    // The Things Stack's application server pushes a NACKed downlink back into the queue, up to its
                    // retry limit (NetworkServer.ClassC.cs).
                    RetryOrGiveUp(device, awaiting);
                    _counters.ConfirmedDownlinksNacked++;
                    if (_observer != null) _observer.DownlinkNacked(now, devAddr, awaiting);
                }
            }

            UplinkRecord rec = _options.RecordHistory ? new UplinkRecord() : _scratchUplink;
            rec.DevEui = device.DevEui;
            rec.DevAddr = devAddr;
            rec.FCnt = fCnt;
            rec.FPort = port;
            rec.SetPayload(_payload, 0, payloadLength);
            rec.SetFOpts(_foptsIn, 0, foptsLength);
            rec.Confirmed = up.IsConfirmed;
            rec.Ack = up.Ack;
            rec.Adr = up.Adr;
            rec.AdrAckReq = up.AdrAckReq;
            rec.DataRate = dataRate;
            rec.Channel = channel;
            rec.FrequencyHz = md.FrequencyHz;
            rec.UplinkEndUs = md.EndUs;
            rec.ReceivedUs = now;
            rec.RssiDbm = md.RssiDbm;
            rec.SnrDb = md.SnrDb;
            rec.GatewayId = md.GatewayId;
            rec.GatewayCount = 1;
            rec.IsRetransmission = retransmission;
            rec.FirstOfSession = firstOfSession;
            rec.ReusedFCntWithNewData = false;
            if (retransmission)
            {
                _counters.Retransmissions++;
                if (port != s.LastFPort || payloadLength != s.LastPayloadLength || !SameBytes(s.LastPayload, _payload, 0, payloadLength))
                {
                    rec.ReusedFCntWithNewData = true;
                    _counters.ReusedFCntWithNewData++;
                }
            }
            else
            {
                for (int i = 0; i < payloadLength; i++) s.LastPayload[i] = _payload[i];
                s.LastPayloadLength = payloadLength;
                s.LastFPort = port;
            }
            s.LastFCntUp = fCnt;
            s.HasUplink = true;
            for (int i = 0; i < length; i++) s.LastFrame[i] = phy[offset + i];
            s.LastFrameLength = length;
            s.LastFrameReceivedUs = now;
            s.LastRecord = rec;
            s.LastUplinkEndUs = md.EndUs;

            _counters.UplinksAccepted++;
            if (_options.RecordHistory) _uplinks.Add(rec);
            if (_observer != null) _observer.UplinkAccepted(now, rec);

            // MAC commands: answers checked, device requests answered, ADR, next requests queued (NetworkServer.MacCommands.cs).
            bool macDownlink = HandleMacCommands(now, s, rec);
            ScheduleDataDownlink(now, s, md, dataRate, channel, up.IsConfirmed, up.AdrAckReq || macDownlink);
            if (device.IsClassC)
            {
                ClassCTask(now, device);
                RearmClassC();
            }
        }

        // LoRaWAN 1.0.4 §4.4: MIC = aes128_cmac(NwkSKey, B0 | msg)[0..3] with the 32-bit FCnt in B0. LoRaWAN 1.1 §4.4:
        // cmacS[0..1] (SNwkSIntKey, B1 with ConfFCnt, TxDr, TxCh) | cmacF[0..1] (FNwkSIntKey, B0).
        bool VerifyUplinkMic(NetworkSession s, uint fCnt, byte[] phy, int offset, int length)
        {
            if (!s.Is11) return _dataMic.Verify10(s.NwkSKey, 0, FrameDirection.Uplink, s.DevAddr, fCnt, phy, offset, length);
            return _dataMic.VerifyUplink11(s.SNwkSIntKey, 0, s.FNwkSIntKey, 0, _micConfFCnt, (byte)_micDataRate, (byte)_micChannel,
                s.DevAddr, fCnt, phy, offset, length);
        }

        // True when the MAC commands in b[0..length) (device → network, in clear) hold one with <paramref name="cid"/>.
        bool CarriesCommand(byte cid, byte[] b, int length)
        {
            if (length <= 0) return false;
            _macReader.Reset(b, 0, length, false);
            while (_macReader.MoveNext())
                if (_macReader.Cid == cid) return true;
            return false;
        }

        void RejectUplink(ulong now, uint devAddr, UplinkRejectReason reason, UplinkMetadata md)
        {
            switch (reason)
            {
                case UplinkRejectReason.Malformed:
                case UplinkRejectReason.UnsupportedMType: _counters.UplinksRejectedMalformed++; break;
                case UplinkRejectReason.UnknownDevAddr: _counters.UplinksRejectedUnknownDevAddr++; break;
                case UplinkRejectReason.MicMismatch: _counters.UplinksRejectedMic++; break;
                case UplinkRejectReason.FCntReplay: _counters.UplinksRejectedReplay++; break;
                case UplinkRejectReason.UnsupportedDataRate: _counters.UplinksRejectedDataRate++; break;
                case UplinkRejectReason.MissingRekeyInd: _counters.UplinksRejectedNoRekeyInd++; break;
            }
            if (_observer != null) _observer.UplinkRejected(now, devAddr, reason, md);
        }
    }
}
