namespace LoRaWan.Simulation
{
    /// <summary>
    /// An unmodulated carrier on the simulated air (a continuous wave: TS009-1.0.0 §5.14 TxCwReq): it occupies its
    /// frequency from <see cref="StartUs"/> until the transmitter stops (<see cref="EndUs"/>), carries no frame, and no
    /// receiver demodulates it; receivers tuned to it see it in their RSSI (<see cref="Air.CarrierRssiDbm"/>). Kept by
    /// <see cref="Air"/> in a log of its last <see cref="Air.CarrierLogSize"/> carriers.
    /// </summary>
    public sealed class AirCarrier
    {
        /// <summary>Frequency in Hz (rounded to 100 Hz, as the transmitter meant it).</summary>
        public uint FrequencyHz;
        /// <summary>Output power in dBm.</summary>
        public int PowerDbm;
        /// <summary>Virtual time the carrier started (µs).</summary>
        public ulong StartUs;
        /// <summary>Virtual time it stopped (µs); <see cref="ulong.MaxValue"/> while it is still on.</summary>
        public ulong EndUs = ulong.MaxValue;
        /// <summary>The transmitter (never hears its own carrier).</summary>
        public object Source;

        /// <summary>True while the carrier is on.</summary>
        public bool On
        {
            get { return EndUs == ulong.MaxValue; }
        }

        /// <summary>How long it lasted (µs), or until <paramref name="nowUs"/> while it is on.</summary>
        public ulong DurationUs(ulong nowUs)
        {
            return (On ? nowUs : EndUs) - StartUs;
        }
    }
}
