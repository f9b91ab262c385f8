using LoRaWan.Frames;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// What a network server infers from a gateway's report with the region's tables: the data rate from the
    /// spreading factor and bandwidth, the channel from the frequency, and the CFList it announces.
    /// </summary>
    public static class RegionLookup
    {
        /// <summary>
        /// The uplink data rate of <paramref name="region"/> that is LoRa with <paramref name="spreadingFactor"/> and
        /// <paramref name="bandwidthHz"/>; −1 when none (US915 SF8/500 kHz is DR4 up, DR12 only down).
        /// </summary>
        /// <remarks>GFSK: <paramref name="spreadingFactor"/> 0 and the bit rate in <paramref name="bandwidthHz"/> find the FSK row.</remarks>
        public static int FindUplinkDataRate(Region region, int spreadingFactor, int bandwidthHz)
        {
            for (int dr = 0; dr < Region.DataRateSlots; dr++)
            {
                if (spreadingFactor == 0)
                {
                    if (region.IsUplinkDataRate(dr) && region.GetModulation(dr) == Modulation.Fsk && region.GetFskBitRate(dr) == bandwidthHz) return dr;
                    continue;
                }
                if (!region.IsUplinkDataRate(dr) || region.GetModulation(dr) != Modulation.LoRa) continue;
                if (region.GetSpreadingFactor(dr) == spreadingFactor && region.GetBandwidthHz(dr) == bandwidthHz) return dr;
            }
            return -1;
        }

        /// <summary>The channel of <paramref name="plan"/> whose uplink frequency is <paramref name="frequencyHz"/>; −1 when none.</summary>
        public static int FindChannel(ChannelPlan plan, uint frequencyHz)
        {
            Region region = plan.Region;
            int n = region.ChannelCount;
            for (int ch = 0; ch < n; ch++)
                if (region.GetUplinkFrequency(plan, ch) == frequencyHz) return ch;
            return -1;
        }

        /// <summary>
        /// The RX1 frequency after an uplink on <paramref name="frequencyHz"/>: the region's rule for the channel
        /// (dynamic plans: the uplink frequency or the DlChannelReq one; fixed plans: downlink channel = uplink
        /// channel mod 8). A dynamic plan answers on the uplink frequency even when the channel is unknown;
        /// 0 when a fixed plan does not know the frequency.
        /// </summary>
        public static uint Rx1Frequency(ChannelPlan plan, int channel, uint frequencyHz)
        {
            Region region = plan.Region;
            if (channel >= 0)
            {
                uint f = region.GetRx1Frequency(plan, channel);
                if (f != 0) return f;
            }
            return region.IsFixedChannelPlan ? 0 : frequencyHz;
        }

        /// <summary>
        /// Writes the CFList the network announces in a Join-accept for a device of <paramref name="macVersion"/> into
        /// <paramref name="cfList"/> (16 bytes); returns false when none is to be sent. Dynamic plans: type 0 with
        /// <see cref="NetworkOptions.GetCfListFrequencies"/>. Fixed plans: type 1 with the channel mask of
        /// <see cref="NetworkOptions.SubBand"/>, only for LoRaWAN ≥ 1.0.3 (RP002-1.0.0 introduced CFList type 1;
        /// RP 1.0.2 says US902-928 has no CFList).
        /// </summary>
        public static bool BuildCfList(Region region, NetworkOptions options, LoRaWanVersion macVersion, byte[] cfList, uint[] scratch)
        {
            if (!options.CfListEnabled) return false;
            if (!region.IsFixedChannelPlan)
            {
                int count = options.GetCfListFrequencies(region.Name, scratch);
                if (count == 0) return false;
                return CfList.WriteFrequencies(cfList, 0, scratch, count) == CfList.Length;
            }
            if (options.SubBand < 1 || options.SubBand > 8 || macVersion < LoRaWanVersion.V1_0_3) return false;
            ChannelPlan plan = region.CreateChannelPlan();
            if (!region.SetSubBand(plan, options.SubBand)) return false;
            var masks = new ushort[CfList.Entries];
            int channels = region.ChannelCount;
            for (int ch = 0; ch < channels; ch++)
                if (plan.IsEnabled(ch)) masks[ch >> 4] |= (ushort)(1 << (ch & 15));
            return CfList.WriteChannelMasks(cfList, 0, masks, CfList.Entries) == CfList.Length;
        }
    }
}
