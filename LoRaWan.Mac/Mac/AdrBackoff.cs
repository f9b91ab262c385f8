using LoRaWan.Regions;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The ADR back-off of LoRaWAN 1.0.4 §4.3.1.1 (Table 9). ADR_ACK_CNT counts the uplinks sent since the last
    /// downlink (<see cref="DeviceSession.AdrAckCounter"/>; every downlink resets it). With ADR on, an uplink whose
    /// ADR_ACK_CNT is at least ADR_ACK_LIMIT carries ADRACKReq. Each further ADR_ACK_DELAY uplinks without an answer
    /// the device steps back towards its defaults, one step each time:
    /// <list type="number">
    /// <item>at ADR_ACK_LIMIT + ADR_ACK_DELAY: TX power back to the default (TXPower 0, the maximum);</item>
    /// <item>at each further ADR_ACK_DELAY: the next lower usable data rate;</item>
    /// <item>once at the lowest data rate: the default channels re-enabled (dynamic plans: the region's default
    /// channels; fixed plans: the application's default mask — all 72 channels, the sub-band from
    /// <see cref="LoRaWanOptions.SubBand"/> or <see cref="LoRaWanOptions.ChannelMask"/>) and NbTrans back to 1. ADRACKReq stays set.</item>
    /// </list>
    /// With ADR_ACK_LIMIT 64 and ADR_ACK_DELAY 32 a device at DR5 reaches DR4 on the uplink with ADR_ACK_CNT 128,
    /// DR0 at 256 and its default channels at 288. A LoRaWAN 1.1 network may set both (ADRParamSetupReq, 1.1 §5.11: 2^0 to
    /// 2^15, kept in <see cref="NetworkSettings"/>); ADR_ACK_CNT stops at <see cref="MaxCounter"/>, so a step due after
    /// 65,535 uplinks without a downlink (ADR_ACK_LIMIT + ADR_ACK_DELAY = 2^15 + 2^15, or many steps of 2^14 or 2^15) is
    /// not taken: ADRACKReq stays set.
    /// </summary>
    public static class AdrBackoff
    {
        /// <summary>ADR_ACK_LIMIT of LoRaWAN 1.0.4 (RP002-1.0.4 default settings): 64.</summary>
        public const int DefaultAdrAckLimit = 64;

        /// <summary>ADR_ACK_DELAY of LoRaWAN 1.0.4 (RP002-1.0.4 default settings): 32.</summary>
        public const int DefaultAdrAckDelay = 32;

        /// <summary>Largest ADR_ACK_CNT kept (it is persisted in 16 bits); the back-off has long finished by then.</summary>
        public const int MaxCounter = 0xFFFF;

        /// <summary>
        /// Evaluates the uplink about to be sent with ADR_ACK_CNT = <paramref name="counter"/> (uplinks since the last
        /// downlink, not counting this one). Applies a back-off step to <paramref name="session"/> and
        /// <paramref name="plan"/> when one is due (<paramref name="changed"/> then true) and returns the ADRACKReq bit.
        /// </summary>
        public static bool Evaluate(int counter, int limit, int delay, Region region, ChannelPlan plan, DeviceSession session, out bool changed)
        {
            changed = false;
            if (counter < limit) return false;
            if (delay < 1 || counter < limit + delay || counter >= MaxCounter || (counter - limit) % delay != 0) return true;

            int step = (counter - limit) / delay;
            if (step == 1)
            {
                // "first restoring the default TX power" (Table 9: ADR_ACK_CNT 96..127).
                if (session.TxPowerIndex != 0)
                {
                    session.TxPowerIndex = 0;
                    changed = true;
                }
                return true;
            }

            int lower = NextLowerDataRate(region, plan, session.DataRate);
            if (lower >= 0)
            {
                session.DataRate = lower;
                session.TxPowerIndex = 0;
                changed = true;
                return true;
            }

            // At the lowest data rate: default channels back and NbTrans 1 (Table 9: ADR_ACK_CNT ≥ 160).
            if (EnableDefaultChannels(region, plan)) changed = true;
            if (session.NbTrans != 1)
            {
                session.NbTrans = 1;
                changed = true;
            }
            return true;
        }

        /// <summary>The highest data rate below <paramref name="dataRate"/> that an enabled channel carries; −1 when none.</summary>
        public static int NextLowerDataRate(Region region, ChannelPlan plan, int dataRate)
        {
            for (int dr = dataRate - 1; dr >= 0; dr--)
                if (region.IsDataRateAvailable(plan, dr)) return dr;
            return -1;
        }

        /// <summary>
        /// LoRaWAN 1.0.4 §4.3.1.1: dynamic plans enable the region's default channels and leave the others as they
        /// are; fixed plans go back to the application's default mask (all channels, or its sub-band), as
        /// LoRaMac-node restores its ChannelsDefaultMask (<see cref="Region.RestoreDefaultChannels"/>). Returns true when
        /// the mask changed.
        /// </summary>
        public static bool EnableDefaultChannels(Region region, ChannelPlan plan)
        {
            return region.RestoreDefaultChannels(plan);
        }
    }
}
