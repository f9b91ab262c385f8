using System;
using LoRaWan.Radio;

namespace Drivers.Sx127x
{
    // Modulation, power and errata registers. Every value and the clause it comes from is in RegisterBits.
    public sealed partial class Sx1276
    {
        /// <summary>Crystal frequency F(XOSC) of the SX1276 and the RFM95: 32 MHz.</summary>
        const ulong CrystalHz = 32000000;

        /// <summary>
        /// RegFrf for a carrier frequency: Frf = f · 2^19 / F(XOSC) (datasheet RegFrf: F(STEP) = F(XOSC) / 2^19 = 61.035 Hz),
        /// rounded to the nearest step.
        /// </summary>
        internal static uint FrequencyToFrf(uint frequencyHz)
        {
            return (uint)((((ulong)frequencyHz << 19) + CrystalHz / 2) / CrystalHz);
        }

        /// <summary>RegModemConfig1 Bw code: 0111 = 125 kHz, 1000 = 250 kHz, 1001 = 500 kHz.</summary>
        static int BandwidthCode(int bandwidthHz)
        {
            switch (bandwidthHz)
            {
                case 125000: return 7;
                case 250000: return 8;
                case 500000: return 9;
                default: throw new ArgumentOutOfRangeException("bandwidthHz", "LoRaWAN bandwidths are 125000, 250000 and 500000 Hz");
            }
        }

        static void ValidateModulation(int spreadingFactor, int bandwidthHz, int codingRate, int preambleSymbols)
        {
            // SF6 needs implicit header mode, which LoRaWAN never uses.
            if (spreadingFactor < 7 || spreadingFactor > 12) throw new ArgumentOutOfRangeException("spreadingFactor", "spreading factor must be 7..12");
            BandwidthCode(bandwidthHz);
            if (codingRate < 1 || codingRate > 4) throw new ArgumentOutOfRangeException("codingRate", "coding rate must be 1..4 (4/5..4/8)");
            if (preambleSymbols < 6 || preambleSymbols > 65535) throw new ArgumentOutOfRangeException("preambleSymbols", "preamble must be 6..65535 symbols");
        }

        static ulong ValidateAndComputeAirTime(int spreadingFactor, int bandwidthHz, int codingRate, int preambleSymbols, int length, bool crc)
        {
            ValidateModulation(spreadingFactor, bandwidthHz, codingRate, preambleSymbols);
            return AirTime.LoRaUs(spreadingFactor, bandwidthHz, length, codingRate, preambleSymbols, true, crc,
                AirTime.IsLowDataRateOptimizeRequired(spreadingFactor, bandwidthHz));
        }

        void WriteFrequency(uint frequencyHz)
        {
            uint frf = FrequencyToFrf(frequencyHz);
            IRegisterBus bus = _bus;
            bus.WriteRegister((byte)Register.FrfMsb, (byte)(frf >> 16));
            bus.WriteRegister((byte)Register.FrfMid, (byte)(frf >> 8));
            bus.WriteRegister((byte)Register.FrfLsb, (byte)frf);
        }

        /// <summary>
        /// Frequency, SF, BW, CR, explicit header, preamble, CRC, RX symbol timeout, sync word, low data rate
        /// optimisation and errata 2.1, all in standby (datasheet: Frf and the modem registers are changed in
        /// sleep or standby only).
        /// </summary>
        void WriteModem(uint frequencyHz, int spreadingFactor, int bandwidthHz, int codingRate, int preambleSymbols, bool crc, int symbolTimeout)
        {
            int bw = BandwidthCode(bandwidthHz);
            // Straight to the bus, not through W and WriteFrequency (issue 20: a call per register; this runs per window and per uplink).
            IRegisterBus bus = _bus;
            uint frf = FrequencyToFrf(frequencyHz);
            bus.WriteRegister((byte)Register.FrfMsb, (byte)(frf >> 16));
            bus.WriteRegister((byte)Register.FrfMid, (byte)(frf >> 8));
            bus.WriteRegister((byte)Register.FrfLsb, (byte)frf);
            // RegModemConfig1: Bw | CodingRate | ImplicitHeaderModeOn = 0 (explicit header).
            bus.WriteRegister((byte)Register.ModemConfig1, (byte)((bw << 4) | (codingRate << 1)));
            // RegModemConfig2: SpreadingFactor | TxContinuousMode = 0 | RxPayloadCrcOn | SymbTimeout(9:8).
            bus.WriteRegister((byte)Register.ModemConfig2, (byte)((spreadingFactor << 4) | (crc ? 0x04 : 0x00) | ((symbolTimeout >> 8) & 0x03)));
            bus.WriteRegister((byte)Register.SymbTimeoutLsb, (byte)symbolTimeout);
            // RegModemConfig3: LowDataRateOptimize when the symbol (2^SF / BW) lasts 16 ms or more; AGC sets the LNA gain.
            // AirTime.IsLowDataRateOptimizeRequired's rule for the three bandwidths, from the Bw code (issue 20: no call
            // and no 64-bit arithmetic per modem write): 125 kHz SF11 16.4 ms, SF12; 250 kHz SF12 16.4 ms; 500 kHz none.
            bool ldro = bw == 7 ? spreadingFactor >= 11 : bw == 8 && spreadingFactor == 12;
            bus.WriteRegister((byte)Register.ModemConfig3, (byte)(RegisterBits.AgcAutoOn | (ldro ? RegisterBits.LowDataRateOptimize : 0)));
            bus.WriteRegister((byte)Register.PreambleMsb, (byte)(preambleSymbols >> 8));
            bus.WriteRegister((byte)Register.PreambleLsb, (byte)preambleSymbols);
            bus.WriteRegister((byte)Register.SyncWord, _syncWord);

            // Errata 2.1, "Sensitivity optimization with a 500 kHz bandwidth".
            if (bw == 9)
            {
                bus.WriteRegister((byte)Register.HighBwOptimize1, RegisterBits.HighBwOptimize1Bw500);
                bus.WriteRegister((byte)Register.HighBwOptimize2, frequencyHz > HighFrequencyThresholdHz
                    ? RegisterBits.HighBwOptimize2Bw500Hf
                    : RegisterBits.HighBwOptimize2Bw500Lf);
            }
            else
            {
                bus.WriteRegister((byte)Register.HighBwOptimize1, RegisterBits.HighBwOptimize1Default);
            }
        }

        /// <summary>
        /// Output power on PA_BOOST (the RFM95 has no RFO path): +2..+17 dBm with Pout = 2 + OutputPower and the
        /// default PA DAC; +18..+20 dBm with RegPaDac = 0x87 and Pout = 5 + OutputPower (datasheet RegPaConfig, §5.4.3 "High Power +20 dBm Operation").
        /// Over-current protection 100 mA up to +17 dBm, 140 mA above, so the PA is not current-limited (RegOcp: Imax = 45 + 5·OcpTrim up to 120 mA, −30 + 10·OcpTrim up to 240 mA).
        /// Values below 2 dBm are raised to 2; the upper limit is <see cref="LimitTxPower"/>'s.
        /// </summary>
        void WriteTxPower(int powerDbm)
        {
            if (powerDbm < 2) powerDbm = 2;
            if (powerDbm > HighPowerMaxDbm) powerDbm = HighPowerMaxDbm;
            if (powerDbm > DefaultMaxPowerDbm)
            {
                W(Register.PaDac, RegisterBits.PaDacHighPower);
                W(Register.Ocp, RegisterBits.Ocp140mA);
                W(Register.PaConfig, RegisterBits.PaSelectBoost | RegisterBits.MaxPower7 | (powerDbm - 5));
            }
            else
            {
                W(Register.PaDac, RegisterBits.PaDacDefault);
                W(Register.Ocp, RegisterBits.Ocp100mA);
                W(Register.PaConfig, RegisterBits.PaSelectBoost | RegisterBits.MaxPower7 | (powerDbm - 2));
            }
        }

        /// <summary>
        /// The power this frame is really sent with. Datasheet rev. 7 §5.4.3: +20 dBm on PA_BOOST (the high-power
        /// PA DAC) is specified for a 1 % duty cycle only. So: at most +17 dBm unless <see cref="AllowHighPower"/>;
        /// with it, +18..+20 dBm only when the last high-power frame has rested 99 times its air time (the 1 % rule
        /// applied per frame, as the EU868 duty-cycle bands apply it: over any window that starts with a high-power
        /// frame, high-power air time is at most 1 %); otherwise this frame goes out at +17 dBm. Regions without a
        /// regulatory duty cycle (US915, AU915, IN865) ask for 28–30 dBm EIRP, which used to clamp to +20 dBm on
        /// every frame. Caller holds the lock.
        /// </summary>
        int LimitTxPower(int requestedDbm, ulong nowUs, ulong airTimeUs)
        {
            if (requestedDbm <= DefaultMaxPowerDbm) return requestedDbm;
            if (!_allowHighPower) return DefaultMaxPowerDbm;
            if (_highPowerUsed && nowUs < _highPowerNextUs)
            {
                _highPowerDowngrades++;
                return DefaultMaxPowerDbm;
            }
            _highPowerUsed = true;
            _highPowerNextUs = nowUs + airTimeUs * HighPowerDutyCycleDivisor;
            _highPowerTransmissions++;
            return requestedDbm > HighPowerMaxDbm ? HighPowerMaxDbm : requestedDbm;
        }
    }
}
