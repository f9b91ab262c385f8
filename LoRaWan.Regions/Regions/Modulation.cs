namespace LoRaWan.Regions
{
    /// <summary>
    /// The modulation behind a data-rate index (RP002-1.0.4 data-rate tables). <see cref="LoRa"/> and
    /// <see cref="Fsk"/> are supported by this stack; LR-FHSS rows are listed so the tables match the
    /// specification, and using them raises a <see cref="System.NotSupportedException"/> that says so.
    /// </summary>
    public enum Modulation : byte
    {
        /// <summary>The index is RFU (not defined) in this region.</summary>
        None = 0,

        /// <summary>LoRa (chirp spread spectrum): spreading factor and bandwidth.</summary>
        LoRa = 1,

        /// <summary>GFSK at a fixed bit rate (50 kbit/s in every region that defines it).</summary>
        Fsk = 2,

        /// <summary>LR-FHSS (RP002-1.0.2 and later). Not supported.</summary>
        LrFhss = 3,
    }
}
