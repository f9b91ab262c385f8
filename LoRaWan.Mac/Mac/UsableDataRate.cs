using LoRaWan.Regions;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    /// <summary>
    /// Keeps the session's uplink data rate one the device can send with, so that the answers it owes the network can
    /// always leave (LoRaWAN 1.0.4 §5: an answer that never goes on air leaves the network asking forever). Called after
    /// MAC commands change the session or the channel plan, after a join, after a session is restored, and before
    /// every uplink. Nothing here allocates.
    /// <list type="number">
    /// <item>A rate the dwell time forbids (maximum payload 0, e.g. AS923/AU915 DR0 and DR1 once TxParamSetupReq sets
    /// UplinkDwellTime = 1) is raised to the lowest rate allowed (LoRaWAN 1.0.4 §5.8; LoRaMac-node LoRaMac.c
    /// SRV_MAC_TX_PARAM_SETUP_REQ: ChannelsDatarate = MAX(ChannelsDatarate, PHY_MIN_TX_DR under the new dwell time)).</item>
    /// <item>A rate no enabled channel carries (NewChannelReq redefined or removed the channels that did, a CFList
    /// masked every channel) brings the default channels back (LoRaMac-node RegionEU868NextChannel: "Datarate not
    /// supported by any channel, restore defaults").</item>
    /// <item>If that is still not enough, the nearest rate an enabled channel carries: the next lower one, else the
    /// next higher one.</item>
    /// </list>
    /// </summary>
    public static class UsableDataRate
    {
        /// <summary>
        /// Makes <see cref="DeviceSession.DataRate"/> usable under <paramref name="plan"/>; returns true when the data
        /// rate or the channel mask changed (the caller persists the session).
        /// </summary>
        public static bool Ensure(Region region, ChannelPlan plan, DeviceSession session)
        {
            int dataRate = session.DataRate;
            if (region.IsDataRateAvailable(plan, dataRate)) return false;

            if (IsInRange(dataRate) && region.IsUplinkDataRateUsable(plan, dataRate))
            {
                // The rate is allowed, only no enabled channel carries it: the default channels come back.
                bool maskChanged = region.RestoreDefaultChannels(plan);
                if (region.IsDataRateAvailable(plan, dataRate)) return maskChanged;
                int nearest = Nearest(region, plan, dataRate);
                if (nearest >= 0) session.DataRate = nearest;
                return maskChanged || nearest >= 0;
            }

            // The dwell time (or an out-of-table value) forbids the rate: the next rate up that is allowed.
            int raised = Nearest(region, plan, dataRate);
            if (raised < 0)
            {
                region.RestoreDefaultChannels(plan);
                raised = Nearest(region, plan, dataRate);
                if (raised < 0) return true;
            }
            session.DataRate = raised;
            return true;
        }

        /// <summary>
        /// The available rate nearest to <paramref name="dataRate"/>: the highest below it, else the lowest above it;
        /// for a rate the dwell time forbids, the lowest allowed one (the rates below it are forbidden too). −1 when
        /// no enabled channel carries any usable rate.
        /// </summary>
        static int Nearest(Region region, ChannelPlan plan, int dataRate)
        {
            int top = Region.DataRateSlots - 1;
            int start = dataRate > top ? top : dataRate;
            for (int dr = start - 1; dr >= 0; dr--)
                if (region.IsDataRateAvailable(plan, dr)) return dr;
            for (int dr = start < 0 ? 0 : start + 1; dr <= top; dr++)
                if (region.IsDataRateAvailable(plan, dr)) return dr;
            return -1;
        }

        static bool IsInRange(int dataRate)
        {
            return dataRate >= 0 && dataRate < Region.DataRateSlots;
        }
    }
}
