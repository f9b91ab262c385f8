using System;
using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A LoRaWAN gateway on the simulated <see cref="Air"/>: it hears every uplink (normal IQ, matching sync word)
    /// on its channels at any SF and bandwidth, and transmits downlinks (inverted IQ by default, no payload CRC,
    /// CR 4/5, 8-symbol preamble, LoRaWAN 1.0.4 §4) at a given virtual time. The network-server model sits
    /// behind it as an <see cref="IUplinkReceiver"/>.
    /// </summary>
    public sealed class GatewayEndpoint : IAirReceiver
    {
        readonly Air _air;
        IUplinkReceiver _receiver;
        uint[] _channels = new uint[16];
        int _channelCount;
        byte _syncWord = 0x34;
        int _uplinkRssiDbm = -80;
        int _uplinkSnrQuarterDb = 28;
        int _powerDbm = 14;
        bool _downlinkCrc;
        int _uplinksHeard;
        int _downlinksSent;
        int _lateDownlinks;

        /// <summary>A gateway attached to <paramref name="air"/>, listening on every frequency until channels are added.</summary>
        public GatewayEndpoint(Air air)
        {
            if (air == null) throw new ArgumentNullException("air");
            _air = air;
            air.Attach(this);
        }

        /// <summary>Where uplinks go.</summary>
        public void SetUplinkReceiver(IUplinkReceiver receiver)
        {
            _receiver = receiver;
        }

        /// <summary>Restricts reception to <paramref name="frequencyHz"/> and the other added channels.</summary>
        public void AddChannel(uint frequencyHz)
        {
            if (_channelCount == _channels.Length)
            {
                uint[] bigger = new uint[_channels.Length * 2];
                Array.Copy(_channels, 0, bigger, 0, _channelCount);
                _channels = bigger;
            }
            _channels[_channelCount++] = frequencyHz;
        }

        /// <summary>Listens on every frequency again.</summary>
        public void ClearChannels()
        {
            _channelCount = 0;
        }

        /// <summary>Sync word heard and sent: 0x34 public (default), 0x12 private.</summary>
        public byte SyncWord
        {
            get { return _syncWord; }
            set { _syncWord = value; }
        }

        /// <summary>RSSI reported for uplinks (dBm).</summary>
        public int UplinkRssiDbm
        {
            get { return _uplinkRssiDbm; }
            set { _uplinkRssiDbm = value; }
        }

        /// <summary>SNR reported for uplinks (quarter dB).</summary>
        public int UplinkSnrQuarterDb
        {
            get { return _uplinkSnrQuarterDb; }
            set { _uplinkSnrQuarterDb = value; }
        }

        /// <summary>Downlink transmit power (dBm, informational).</summary>
        public int PowerDbm
        {
            get { return _powerDbm; }
            set { _powerDbm = value; }
        }

        /// <summary>Whether downlinks carry a payload CRC (LoRaWAN: no; a test switch).</summary>
        public bool DownlinkCrc
        {
            get { return _downlinkCrc; }
            set { _downlinkCrc = value; }
        }

        /// <summary>Uplinks delivered to the receiver so far.</summary>
        public int UplinksHeard
        {
            get { return _uplinksHeard; }
        }

        /// <summary>Downlinks put on the air so far.</summary>
        public int DownlinksSent
        {
            get { return _downlinksSent; }
        }

        /// <summary>Downlinks asked for a time already past (sent at once instead).</summary>
        public int LateDownlinks
        {
            get { return _lateDownlinks; }
        }

        /// <summary>LoRaWAN's GFSK sync word C1 94 C1 (RP002-1.0.4 "Preamble format"): what the gateway's FSK demodulator looks for.</summary>
        public const uint LoRaWanFskSyncWord = 0xC194C1;

        /// <summary>
        /// Sends <paramref name="payload"/> at <paramref name="atUs"/>; returns the end time of the frame.
        /// <paramref name="spreadingFactor"/> 0 sends GFSK at <paramref name="bandwidthHz"/> bit/s (LoRaWAN FSK format).
        /// </summary>
        public ulong Transmit(ulong atUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] payload, bool invertIq)
        {
            if (payload == null) throw new ArgumentNullException("payload");
            return Transmit(atUs, frequencyHz, spreadingFactor, bandwidthHz, payload, 0, payload.Length, invertIq);
        }

        /// <summary>
        /// Sends <paramref name="length"/> bytes of <paramref name="payload"/> from <paramref name="offset"/> with its
        /// preamble starting at <paramref name="atUs"/> (the payload is copied now); returns the frame's end time.
        /// </summary>
        public ulong Transmit(ulong atUs, uint frequencyHz, int spreadingFactor, int bandwidthHz, byte[] payload, int offset, int length, bool invertIq)
        {
            if (payload == null) throw new ArgumentNullException("payload");
            if (length < 1 || length > AirFrame.MaxPayloadLength) throw new ArgumentOutOfRangeException("length");
            if (offset < 0 || offset > payload.Length - length) throw new ArgumentOutOfRangeException("offset");
            bool fsk = spreadingFactor == 0;   // GFSK: bandwidthHz carries the bit rate (IUplinkReceiver's convention)
            bool ldro = !fsk && AirTime.IsLowDataRateOptimizeRequired(spreadingFactor, bandwidthHz);
            ulong airTimeUs = fsk ? AirTime.LoRaWanFskFrameUs(bandwidthHz, length) : AirTime.LoRaUs(spreadingFactor, bandwidthHz, length,
                AirTime.CodingRate4_5, AirTime.LoRaWanPreambleSymbols, true, _downlinkCrc, ldro);
            ulong now = _air.Scheduler.NowMicroseconds;
            if (atUs < now)
            {
                _lateDownlinks++;
                atUs = now;
            }
            AirFrame frame = _air.Acquire();
            Array.Copy(payload, offset, frame.Payload, 0, length);
            frame.Length = length;
            frame.FrequencyHz = frequencyHz;
            frame.SpreadingFactor = spreadingFactor;
            frame.BandwidthHz = fsk ? 0 : bandwidthHz;
            frame.FskBitRate = fsk ? bandwidthHz : 0;
            frame.FskSyncWord = fsk ? LoRaWanFskSyncWord : 0;
            frame.CodingRate = AirTime.CodingRate4_5;
            frame.PreambleSymbols = fsk ? AirTime.LoRaWanFskPreambleBytes : AirTime.LoRaWanPreambleSymbols;
            frame.ExplicitHeader = true;
            frame.Crc = fsk || _downlinkCrc;   // LoRaWAN GFSK frames carry their CRC in both directions
            frame.InvertIq = invertIq;
            frame.SyncWord = _syncWord;
            frame.LowDataRateOptimize = ldro;
            frame.PowerDbm = _powerDbm;
            frame.StartUs = atUs;
            frame.AirTimeUs = airTimeUs;
            frame.Source = this;
            _air.Send(frame);
            _downlinksSent++;
            return atUs + airTimeUs;
        }

        /// <summary>Air callback; reception is decided at the end of the frame.</summary>
        public void OnFrameStart(AirFrame frame, ulong nowUs)
        {
        }

        /// <summary>Air callback: an uplink that ended now is delivered if the gateway can demodulate it.</summary>
        public void OnFrameEnd(AirFrame frame, ulong nowUs)
        {
            bool fsk = frame.FskBitRate != 0;
            if (frame.Aborted || frame.Source == this) return;
            if (fsk ? frame.FskSyncWord != LoRaWanFskSyncWord : frame.InvertIq || !frame.ExplicitHeader || frame.SyncWord != _syncWord) return;
            if (!OnChannel(frame.FrequencyHz)) return;
            _uplinksHeard++;
            IUplinkReceiver receiver = _receiver;
            if (receiver != null)
                receiver.OnUplink(frame.Payload, 0, frame.Length, frame.FrequencyHz, fsk ? 0 : frame.SpreadingFactor,
                    fsk ? frame.FskBitRate : frame.BandwidthHz, nowUs, _uplinkRssiDbm, _uplinkSnrQuarterDb);
        }

        bool OnChannel(uint frequencyHz)
        {
            if (_channelCount == 0) return true;
            for (int i = 0; i < _channelCount; i++) if (_channels[i] == frequencyHz) return true;
            return false;
        }
    }
}
