using System;

namespace Drivers.Sx127x
{
    public sealed partial class Sx1276
    {
        /// <summary>Time the RSSI is left to settle after entering RX before samples count (LoRaMac-node SX1276IsChannelFree waits 1 ms).</summary>
        public const int CarrierSenseSettleUs = 1000;

        /// <summary>Interval between RSSI samples when a <see cref="SenseWait"/> is set (the simulation's step).</summary>
        public const int CarrierSenseSampleUs = 100;

        /// <summary>Longest carrier sense accepted (the regulations ask for 5 ms in Japan, 6 ms in Korea).</summary>
        public const int MaxCarrierSenseUs = 100000;

        IMicrosecondWait _senseWait;
        int _carrierSenses;
        int _busyChannels;

        /// <summary>
        /// How the driver lets time pass between RSSI samples of a carrier sense; null (the board) reads back to back
        /// while the clock runs. The simulation sets one that advances virtual time.
        /// </summary>
        public IMicrosecondWait SenseWait
        {
            get { return _senseWait; }
            set { _senseWait = value; }
        }

        /// <summary>Carrier senses run (<see cref="IsChannelFree"/> calls that reached the chip).</summary>
        public int CarrierSenseCount
        {
            get { return _carrierSenses; }
        }

        /// <summary>Carrier senses that found the channel busy.</summary>
        public int BusyChannelCount
        {
            get { return _busyChannels; }
        }

        /// <inheritdoc />
        /// <remarks>
        /// LoRa modem in RX continuous on <paramref name="frequencyHz"/> at the narrowest LoRa bandwidth covering
        /// <paramref name="bandwidthHz"/> with every
        /// interrupt masked; after <see cref="CarrierSenseSettleUs"/> the current RSSI is sampled from RegRssiValue
        /// (0x1B) for <paramref name="senseTimeUs"/>: RSSI = −157 + RegRssiValue on the HF port, −164 + RegRssiValue
        /// on the LF port (SX1276/77/78/79 datasheet rev. 7 §5.5.5 "RSSI and SNR in LoRa Mode"). One sample above
        /// the threshold ends the sense: busy. The radio is left in standby. Blocks the caller for settle + sense
        /// time (7 ms for KR920). When the chip does not answer the channel counts as busy (never transmit on a
        /// channel not sensed).
        /// </remarks>
        /// <exception cref="ArgumentOutOfRangeException">a sense time outside 0..<see cref="MaxCarrierSenseUs"/> or a bandwidth over 500 kHz.</exception>
        /// <exception cref="InvalidOperationException">the clock did not advance while sampling (a simulation without <see cref="SenseWait"/>).</exception>
        public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs)
        {
            if (senseTimeUs < 0 || senseTimeUs > MaxCarrierSenseUs)
                throw new ArgumentOutOfRangeException("senseTimeUs", "a carrier sense lasts 0..100000 µs");
            // The LoRa modem's receive bandwidths are 125, 250 and 500 kHz: sense with the narrowest one that covers the
            // channel asked for (the regulations' 200 kHz → 250 kHz, which still excludes the next 125 kHz channel on a
            // 200 kHz raster: that one starts 137.5 kHz away).
            if (bandwidthHz <= 0 || bandwidthHz > 500000)
                throw new ArgumentOutOfRangeException("bandwidthHz", "the LoRa modem senses up to 500 kHz");
            int loRaBandwidthHz = bandwidthHz <= 125000 ? 125000 : bandwidthHz <= 250000 ? 250000 : 500000;
            lock (_sync)
            {
                if (!EnsureInitialized()) return false;
                EnterStandby();
                WriteModem(frequencyHz, 7, loRaBandwidthHz, 1, 8, false, 0);
                W(Register.DioMapping1, RegisterBits.DioMappingRx);
                W(Register.IrqFlagsMask, RegisterBits.IrqAll);
                W(Register.IrqFlags, RegisterBits.IrqAll);
                _packetReady = false;
                _carrierSenses++;
                int offset = frequencyHz > HighFrequencyThresholdHz ? 157 : 164;
                W(Register.OpMode, RegisterBits.LongRangeMode | RegisterBits.LowFrequencyModeOn | RegisterBits.ModeRxContinuous);
                ulong startUs = _clock.NowMicroseconds + CarrierSenseSettleUs;
                ulong endUs = startUs + (ulong)senseTimeUs;
                bool free = true;
                // Every pass costs well over 1 µs (an SPI transaction, or a clock read on the interpreter): more passes than
                // microseconds means the clock is not moving.
                int samplesLeft = CarrierSenseSettleUs + senseTimeUs + 16;
                while (true)
                {
                    ulong now = _clock.NowMicroseconds;
                    if (now >= startUs)
                    {
                        int rssi = R(Register.RssiValue) - offset;
                        if (rssi > rssiThresholdDbm)
                        {
                            free = false;
                            break;
                        }
                        if (now >= endUs) break;
                    }
                    if (--samplesLeft < 0)
                    {
                        EnterStandby();
                        throw new InvalidOperationException("the clock did not advance during a carrier sense (set Sx1276.SenseWait in a simulation)");
                    }
                    if (_senseWait != null) _senseWait.Wait(CarrierSenseSampleUs);
                }
                EnterStandby();
                W(Register.IrqFlags, RegisterBits.IrqAll);
                if (!free) _busyChannels++;
                return free;
            }
        }
    }
}
