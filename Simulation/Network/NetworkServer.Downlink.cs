using LoRaWan.Crypto;
using LoRaWan.Frames;

namespace LoRaWan.Simulation
{
    // Class A downlinks: what to send after an uplink, in which window, built and handed to the gateway.
    public sealed partial class NetworkServer
    {
        // After an accepted data uplink: answer when the device needs an ACK (confirmed uplink, LoRaWAN 1.0.4
        // §4.3.1.2), asked for a downlink (ADRACKReq, §4.3.1.1), or when MAC commands or application data wait.
        // RX1 first, RX2 when RX1 is impossible or refused (The Things Stack's Class A order).
        void ScheduleDataDownlink(ulong now, NetworkSession s, UplinkMetadata md, int uplinkDr, int channel, bool ack, bool adrAckReq)
        {
            NetworkDevice device = s.Device;
            if (!ack && !adrAckReq && s.PendingFOptsLength == 0 && device.QueueLength == 0) return;

            ulong rx1DelayUs = (ulong)s.RxDelaySeconds * 1000000UL;
            uint rx1Frequency = RegionLookup.Rx1Frequency(s.ChannelPlan, channel, md.FrequencyHz);
            int rx1Dr = _region.GetRx1DataRate(s.ChannelPlan, uplinkDr, s.Rx1DrOffset);
            DownlinkRecord rec = NewDownlinkRecord();
            if (!_forceRx2 && TryDataWindow(now, RxWindow.Rx1, s, md.EndUs, rx1DelayUs, rx1Frequency, rx1Dr, ack, adrAckReq, rec)) return;
            if (TryDataWindow(now, RxWindow.Rx2, s, md.EndUs, rx1DelayUs + Rx2AfterRx1Us, s.Rx2FrequencyHz, s.Rx2DataRate, ack, adrAckReq, rec)) return;
            // A Class C device still gets its application data at once (NetworkServer.ClassC.cs runs after this).
            if (!ack && !adrAckReq && s.PendingFOptsLength == 0 && device.IsClassC) return;
            _counters.DownlinksNotSent++;
            if (_observer != null) _observer.DownlinkNotSent(now, device.DevEui, s.DevAddr, false);
        }

        // Builds the data downlink that fits the window's data rate and offers it to the gateway; on success commits
        // FCntDown, the queue and the MAC commands and records it.
        bool TryDataWindow(ulong now, RxWindow window, NetworkSession s, ulong uplinkEndUs, ulong delayUs, uint frequencyHz, int dataRate,
            bool ack, bool adrAckReq, DownlinkRecord rec)
        {
            if (frequencyHz == 0 || !_region.IsDataRateSupported(dataRate)) return false;
            NetworkDevice device = s.Device;
            // M of the regional parameters for the downlink data rate: FHDR (7 + FOpts) + FPort + FRMPayload.
            int maxMac = _region.GetMaxMacPayload(dataRate, s.ChannelPlan.DownlinkDwellTime);
            int foptsLength = s.PendingFOptsLength;
            if (7 + foptsLength > maxMac) foptsLength = 0;
            QueuedDownlink item = device.PeekQueue();
            if (item != null && 7 + foptsLength + 1 + item.Payload.Length > maxMac) item = null;
            if (!ack && !adrAckReq && foptsLength == 0 && item == null) return false;
            // FPending (LoRaWAN 1.0.4 §4.3.1.4): the network has more to send. Not in a Class C downlink: the device
            // listens anyway (The Things Stack sets FPending only when the class is not C, pkg/networkserver/downlink.go).
            bool fPending = window != RxWindow.RxC && (device.QueueLength > (item != null ? 1 : 0) || foptsLength < s.PendingFOptsLength);

            // LoRaWAN 1.1 §4.3.1.5: AFCntDown for a frame with FPort 1..255, NFCntDown (FCntDown) for one without FPort.
            bool afCnt = s.Is11 && item != null;
            uint fCntDown = afCnt ? s.AFCntDown : s.FCntDown;
            DataFrame f = _downFrame;
            f.MType = item != null && item.Confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown;
            f.DevAddr = s.DevAddr;
            f.Adr = false;
            f.Ack = ack;
            f.FPending = fPending;
            f.FCnt = (ushort)fCntDown;
            f.FPort = item != null ? item.Port : DataFrame.NoPort;
            int payloadLength = item != null ? item.Payload.Length : 0;
            if (f.Write(_downBuffer, 0, s.PendingFOpts, 0, foptsLength, item != null ? item.Payload : null, 0, payloadLength) != FrameResult.Ok)
                return false;
            // FRMPayload with AppSKey (FPort 1..255), MIC with NwkSKey over B0 (Dir = 1, FCntDown) — LoRaWAN 1.0.4 §4.3.3, §4.4.
            if (payloadLength > 0)
                _payloadCipher.EncryptFrmPayload(s.AppSKey, 0, FrameDirection.Downlink, s.DevAddr, fCntDown, _downBuffer, f.FrmPayloadOffset, payloadLength);
            if (!s.Is11) _dataMic.Compute10(s.NwkSKey, 0, FrameDirection.Downlink, s.DevAddr, fCntDown, _downBuffer, 0, f.MicInputLength, _downBuffer, f.MicOffset);
            else
            {
                // LoRaWAN 1.1: FOpts encrypted with NwkSEncKey under the frame's counter (§4.3.1.6 and its FCntDwn erratum);
                // MIC = cmac(SNwkSIntKey, B0 | msg) with ConfFCnt = the FCnt of the confirmed uplink acknowledged (§4.4).
                if (foptsLength > 0)
                    _payloadCipher.EncryptFOpts(s.NwkSEncKey, 0, afCnt ? FCntType.AFCntDown : FCntType.NFCntDown, s.DevAddr, fCntDown, _downBuffer, f.FOptsOffset, foptsLength);
                _dataMic.ComputeDownlink11(s.SNwkSIntKey, 0, ack ? s.LastFCntUp : 0, s.DevAddr, fCntDown, _downBuffer, 0, f.MicInputLength, _downBuffer, f.MicOffset);
            }
            int length = f.Length;

            rec.DevEui = device.DevEui;
            rec.DevAddr = s.DevAddr;
            if (!TryWindow(window, uplinkEndUs, delayUs, frequencyHz, dataRate, length, rec)) return false;

            if (afCnt) s.AFCntDown = fCntDown + 1;
            else s.FCntDown = fCntDown + 1;
            s.DownlinkCount++;
            if (foptsLength > 0) s.ClearPendingFOpts();
            if (item != null)
            {
                device.RemoveHead();
                item.Transmissions++;
                item.LastFCntDown = fCntDown;
                if (item.Confirmed)
                {
                    s.LastConfFCntDown = fCntDown;
                    s.AwaitingAck = item;
                    s.AwaitingAckSinceUs = rec.StartUs;
                }
                item.SentInRxC = window == RxWindow.RxC;
                _counters.ApplicationDownlinksSent++;
            }
            if (ack) _counters.AcksSent++;
            rec.FCntDown = fCntDown;
            rec.FPort = f.FPort;
            rec.PayloadLength = payloadLength;
            rec.FOptsLength = foptsLength;
            rec.Confirmed = item != null && item.Confirmed;
            rec.Ack = ack;
            rec.FPending = fPending;
            rec.Item = item;
            RecordDownlink(now, rec);
            return true;
        }

        // Offers _downBuffer[0..length) to the gateway for one window, applying the loss and lateness switches.
        // Fills the timing and radio fields of rec; false when the window is impossible or refused.
        bool TryWindow(RxWindow window, ulong uplinkEndUs, ulong delayUs, uint frequencyHz, int dataRate, int length, DownlinkRecord rec)
        {
            if (frequencyHz == 0 || !_region.IsDataRateSupported(dataRate)) return false;
            int sf = _region.GetSpreadingFactor(dataRate);
            int fsk = _region.GetFskBitRate(dataRate);
            int bw = fsk != 0 ? fsk : _region.GetBandwidthHz(dataRate);   // GFSK: SF 0, the bit rate (IDownlinkTransmitter)
            ulong startUs = uplinkEndUs + delayUs;
            ulong airUs = _region.GetAirTimeUs(dataRate, length, false);
            if (window == RxWindow.RxC)
            {
                startUs = PlaceClassC(startUs, frequencyHz, airUs);
                if (startUs == ulong.MaxValue) return false;
            }
            else if (OverlapsClassCEmission(startUs, airUs)) return false;
            bool drop = _dropsPending > 0;
            ulong late = _latePending > 0 ? _lateByUs : 0;
            if (_earlyPending > 0 && window != RxWindow.RxC && !drop)
            {
                _earlyPending--;
                startUs -= _earlyByUs;   // AdvanceDownlinks
            }
            if (!drop && !_transmitter.Transmit(startUs + late, frequencyHz, sf, bw, _downBuffer, 0, length)) return false;

            if (drop)
            {
                _dropsPending--;
                _counters.DownlinksDropped++;
            }
            else
            {
                _counters.DownlinksSent++;
                if (window == RxWindow.Rx1) _counters.DownlinksRx1++;
                else if (window == RxWindow.RxC) _counters.DownlinksClassC++;
                else _counters.DownlinksRx2++;
                RecordEmission(startUs + late, airUs, frequencyHz, window == RxWindow.RxC);
                if (_latePending > 0)
                {
                    _latePending--;
                    _counters.DownlinksLate++;
                }
            }
            rec.Window = window;
            rec.UplinkEndUs = uplinkEndUs;
            rec.LateByUs = drop ? 0 : late;
            rec.StartUs = startUs + rec.LateByUs;
            rec.FrequencyHz = frequencyHz;
            rec.DataRate = dataRate;
            rec.SpreadingFactor = sf;
            rec.BandwidthHz = bw;
            rec.Length = length;
            rec.AirTimeUs = airUs;
            rec.Dropped = drop;
            return true;
        }

        DownlinkRecord NewDownlinkRecord()
        {
            DownlinkRecord rec = _options.RecordHistory ? new DownlinkRecord() : _scratchDownlink;
            rec.Clear();
            return rec;
        }

        void RecordDownlink(ulong now, DownlinkRecord rec)
        {
            if (_options.RecordHistory) _downlinks.Add(rec);
            if (_observer != null) _observer.DownlinkScheduled(now, rec);
        }
    }
}
