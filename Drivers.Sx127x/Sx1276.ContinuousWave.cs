using System;
using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    // The unmodulated carrier of the certification protocol's TxCwReq (TS009-1.0.0 §5.14). SX1276/77/78/79 datasheet
    // rev. 7: the FSK/OOK modem in continuous mode (RegPacketConfig2 DataMode 0, §4.2.12 "Data processing in
    // continuous mode": the transmitter sends what DIO2 carries, no packet engine, no PacketSent) with a frequency
    // deviation of 0 (RegFdev = 0) sends the bare carrier, whatever DIO2 holds. LoRaMac-node's sx1276.c does the same
    // (SX1276SetTxContinuousWave: FSK, fdev 0, continuous data mode, DIO interrupts mapped off). The driver keeps no
    // timer: the carrier runs until the next command (Sleep, Transmit, Receive, …), which each leave FSK mode through sleep.
    public sealed partial class Sx1276
    {
        const int StateContinuousWave = 6;

        /// <summary>RegPaRamp for the carrier: ModulationShaping 00 (none: nothing to shape at Fdev 0), PaRamp 1001 = 40 µs.</summary>
        const byte CarrierPaRamp = 0x09;

        /// <summary>RegPacketConfig2 for the carrier: DataMode (bit 6) 0 = continuous mode; PayloadLength(10:8) 0.</summary>
        const byte PacketConfig2Continuous = 0x00;

        /// <summary>
        /// RegDioMapping1 for the carrier: DIO0 11 and DIO1 11, which raise nothing in continuous TX (datasheet, DIO
        /// mapping in continuous mode; LoRaMac-node maps them so to "disable radio interrupts"), DIO2/DIO3 00.
        /// </summary>
        const byte CarrierDioMapping1 = 0xF0;

        int _carriers;

        /// <summary>True while the chip sends the carrier of <see cref="StartContinuousWave"/> (until the next command).</summary>
        public bool IsTransmittingContinuousWave
        {
            get { return _state == StateContinuousWave; }
        }

        /// <summary>Carriers started since construction.</summary>
        public int ContinuousWaveCount
        {
            get { return _carriers; }
        }

        /// <inheritdoc />
        /// <remarks>
        /// In FSK standby (reached through sleep, the only mode in which LongRangeMode changes): Frf, RegFdev = 0,
        /// RegPaRamp without shaping, RegPacketConfig2 continuous mode, DIO0/DIO1 mapped to nothing, the output power,
        /// then RegOpMode FSK TX. The power is at most +17 dBm even with <see cref="AllowHighPower"/>: +18..+20 dBm is
        /// specified for a 1 % duty cycle (datasheet §5.4.3), a carrier is 100 %.
        /// </remarks>
        /// <exception cref="ArgumentOutOfRangeException">a frequency the SX1276 cannot tune (137..1020 MHz).</exception>
        public void StartContinuousWave(uint frequencyHz, int powerDbm)
        {
            if (frequencyHz < 137000000 || frequencyHz > 1020000000)
                throw new ArgumentOutOfRangeException("frequencyHz", "the SX1276 tunes 137..1020 MHz");
            lock (_sync)
            {
                _txOutcome = RadioEvent.None;
                if (!EnsureInitialized())
                {
                    Post(RadioEvent.TxTimeout, _clock.NowMicroseconds);
                    return;
                }
                EnterFskStandby();
                WriteFrequency(frequencyHz);
                W(Register.FskFdevMsb, 0);
                W(Register.FskFdevLsb, 0);
                W(Register.PaRamp, CarrierPaRamp);
                W(Register.FskPacketConfig2, PacketConfig2Continuous);
                W(Register.DioMapping1, CarrierDioMapping1);
                WriteTxPower(powerDbm > DefaultMaxPowerDbm ? DefaultMaxPowerDbm : powerDbm);
                _packetReady = false;
                _state = StateContinuousWave;
                _carriers++;
                W(Register.OpMode, RegisterBits.LowFrequencyModeOn | RegisterBits.ModeTx);
            }
        }
    }
}
