using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// The network side of adaptive data rate as The Things Stack (and Semtech's reference network server) run it:
    /// margin = best SNR of the recent uplinks − the SNR the data rate needs − the installation margin; every 3 dB
    /// of margin is one step, spent first on a faster data rate (up to the fastest 125 kHz rate the device's
    /// channels carry), then on lower TX power; a negative margin raises the power back, one step per 3 dB. The data
    /// rate is never lowered (the device's ADR back-off does that, LoRaWAN 1.0.4 §4.3.1.1).
    /// </summary>
    public static class AdrAlgorithm
    {
        /// <summary>
        /// SNR in dB a LoRa receiver needs at <paramref name="spreadingFactor"/> (SX1276 datasheet table 13 /
        /// Semtech AN1200.22: SF7 −7.5 … SF12 −20 dB, 2.5 dB per SF).
        /// </summary>
        public static float RequiredSnrDb(int spreadingFactor)
        {
            if (spreadingFactor < 7) spreadingFactor = 7;
            if (spreadingFactor > 12) spreadingFactor = 12;
            return -7.5f - 2.5f * (spreadingFactor - 7);
        }

        /// <summary>The fastest LoRa 125 kHz uplink data rate an enabled channel of <paramref name="plan"/> carries; −1 when none.</summary>
        public static int MaxDataRate(Region region, ChannelPlan plan)
        {
            for (int dr = Region.DataRateSlots - 1; dr >= 0; dr--)
                if (region.GetBandwidthHz(dr) == 125000 && region.IsDataRateAvailable(plan, dr)) return dr;
            return -1;
        }

        /// <summary>
        /// The data rate and TX power index for a device now at <paramref name="dataRate"/> / <paramref name="txPowerIndex"/>
        /// whose best recent SNR is <paramref name="maxSnrDb"/>. Returns the margin in dB; the new settings come out
        /// in <paramref name="newDataRate"/> and <paramref name="newTxPowerIndex"/>.
        /// </summary>
        public static float Decide(Region region, ChannelPlan plan, int dataRate, int txPowerIndex, float maxSnrDb, float installationMarginDb,
            out int newDataRate, out int newTxPowerIndex)
        {
            float margin = maxSnrDb - RequiredSnrDb(region.GetSpreadingFactor(dataRate)) - installationMarginDb;
            int steps = (int)(margin / NetworkMacOptions.AdrStepDb);
            int maxDr = MaxDataRate(region, plan);
            int dr = dataRate;
            int power = txPowerIndex;
            while (steps > 0 && dr < maxDr)
            {
                dr++;
                steps--;
            }
            while (steps > 0 && power < region.MaxTxPowerIndex)
            {
                power++;
                steps--;
            }
            while (steps < 0 && power > 0)
            {
                power--;
                steps++;
            }
            newDataRate = dr;
            newTxPowerIndex = power;
            return margin;
        }
    }
}
