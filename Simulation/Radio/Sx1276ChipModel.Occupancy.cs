using System;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// Channel occupancy and carrier-sense measurement: tests make a frequency busy at an RSSI for a time window; the
    /// chip's current RSSI (RegRssiValue) reports the strongest occupancy its receiver passband covers, and the chip
    /// measures, before every transmission, how long it sampled the RSSI (first to last RegRssiValue read) during its
    /// last RX continuous on the transmit frequency, with nothing but standby or sleep in between.
    /// </summary>
    public sealed partial class Sx1276ChipModel
    {
        /// <summary>Most occupancy windows at once.</summary>
        public const int MaxOccupancies = 32;

        readonly uint[] _occupiedHz = new uint[MaxOccupancies];
        readonly int[] _occupiedRssiDbm = new int[MaxOccupancies];
        readonly ulong[] _occupiedFromUs = new ulong[MaxOccupancies];
        readonly ulong[] _occupiedUntilUs = new ulong[MaxOccupancies];
        int _occupancies;

        bool _sensing;
        uint _senseHz;
        ulong _senseFirstReadUs;
        ulong _senseLastReadUs;
        int _senseReads;

        ulong _lastSenseBeforeTxUs;
        ulong _minSenseBeforeTxUs = ulong.MaxValue;
        int _transmissionsUnsensed;
        int _transmissionsOnOccupied;
        int _senses;

        /// <summary>
        /// Makes <paramref name="frequencyHz"/> busy at <paramref name="rssiDbm"/> from <paramref name="fromUs"/> until
        /// <paramref name="untilUs"/> (virtual time; <see cref="ulong.MaxValue"/> = for ever). A receiver tuned within
        /// half its bandwidth of the frequency sees it in its RSSI.
        /// </summary>
        /// <exception cref="InvalidOperationException">more than <see cref="MaxOccupancies"/> windows.</exception>
        public void AddOccupancy(uint frequencyHz, int rssiDbm, ulong fromUs, ulong untilUs)
        {
            if (_occupancies == MaxOccupancies) throw new InvalidOperationException("at most 32 occupancy windows");
            if (untilUs <= fromUs) throw new ArgumentException("the window must end after it starts", "untilUs");
            _occupiedHz[_occupancies] = frequencyHz;
            _occupiedRssiDbm[_occupancies] = rssiDbm;
            _occupiedFromUs[_occupancies] = fromUs;
            _occupiedUntilUs[_occupancies] = untilUs;
            _occupancies++;
        }

        /// <summary>Removes every occupancy window.</summary>
        public void ClearOccupancy()
        {
            _occupancies = 0;
        }

        /// <summary>Strongest occupancy on <paramref name="frequencyHz"/> at <paramref name="atUs"/> within ± <paramref name="halfBandwidthHz"/>, or int.MinValue.</summary>
        public int OccupancyRssiDbm(uint frequencyHz, int halfBandwidthHz, ulong atUs)
        {
            int best = int.MinValue;
            for (int i = 0; i < _occupancies; i++)
            {
                if (atUs < _occupiedFromUs[i] || atUs >= _occupiedUntilUs[i]) continue;
                long offset = (long)_occupiedHz[i] - (long)frequencyHz;
                if (offset < 0) offset = -offset;
                if (offset >= halfBandwidthHz) continue;
                if (_occupiedRssiDbm[i] > best) best = _occupiedRssiDbm[i];
            }
            return best;
        }

        /// <summary>Continuous receptions entered in LoRa mode with at least one RSSI read (carrier senses).</summary>
        public int CarrierSenseCount
        {
            get { return _senses; }
        }

        /// <summary>
        /// How long the chip sampled the RSSI (RX continuous, first to last RegRssiValue read; the settling time before
        /// the first read does not count) on the frequency of the last transmission right before it, µs; 0 when it did not.
        /// </summary>
        public ulong LastSenseBeforeTxUs
        {
            get { return _lastSenseBeforeTxUs; }
        }

        /// <summary>The shortest such sense over every transmission so far (<see cref="ulong.MaxValue"/> before the first).</summary>
        public ulong MinSenseBeforeTxUs
        {
            get { return _minSenseBeforeTxUs; }
        }

        /// <summary>Transmissions not preceded by a sense on their frequency.</summary>
        public int TransmissionsUnsensed
        {
            get { return _transmissionsUnsensed; }
        }

        /// <summary>Transmissions started while an occupancy window covered their frequency (±62.5 kHz).</summary>
        public int TransmissionsOnOccupiedChannel
        {
            get { return _transmissionsOnOccupied; }
        }

        /// <summary>The RSSI the receiver reports now outside a packet: the noise floor or the strongest occupancy in its passband.</summary>
        int CurrentRssiDbm()
        {
            int bandwidthHz = BandwidthHz(_lora[ChipRegisters.ModemConfig1] >> 4);
            int occupied = OccupancyRssiDbm(FrequencyHzExact(), bandwidthHz / 2, _scheduler.NowMicroseconds);
            int carrier = _air.CarrierRssiDbm(FrequencyHzExact(), bandwidthHz / 2, this, _linkRssiDbm);   // another radio's continuous wave
            if (carrier > occupied) occupied = carrier;
            return occupied > _noiseFloorDbm ? occupied : _noiseFloorDbm;
        }

        void NoteRssiRead()
        {
            if (!_sensing || Mode != ModeRxContinuous) return;
            if (_senseReads == 0)
            {
                _senses++;
                _senseFirstReadUs = _scheduler.NowMicroseconds;
            }
            _senseReads++;
            _senseLastReadUs = _scheduler.NowMicroseconds;
        }

        /// <summary>Called on every mode change, before the modem acts on it.</summary>
        void NoteModeChangeForSense(int newMode)
        {
            if (newMode == ModeTx && IsLoRaMode)
            {
                uint txHz = FrequencyHzExact();
                ulong sensed = _sensing && _senseReads > 0 && _senseHz == txHz ? _senseLastReadUs - _senseFirstReadUs : 0;
                _lastSenseBeforeTxUs = sensed;
                if (sensed < _minSenseBeforeTxUs) _minSenseBeforeTxUs = sensed;
                if (sensed == 0) _transmissionsUnsensed++;
                if (OccupancyRssiDbm(txHz, 62500, _scheduler.NowMicroseconds) != int.MinValue) _transmissionsOnOccupied++;
                _sensing = false;
                return;
            }
            if (newMode == ModeRxContinuous && IsLoRaMode)
            {
                _sensing = true;
                _senseHz = FrequencyHzExact();
                _senseReads = 0;
                return;
            }
            // Standby and sleep between the sense and the transmission keep it; any other activity ends it.
            if (newMode != ModeStandby && newMode != ModeSleep) _sensing = false;
        }
    }
}
