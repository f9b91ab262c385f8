namespace LoRaWan.Regions
{
    /// <summary>
    /// The regional channel plans this stack implements (RP002-1.0.4 names). The numeric value is stored in the
    /// persisted <see cref="ChannelPlan"/> record, so values must never be renumbered.
    /// </summary>
    public enum RegionId : byte
    {
        /// <summary>Not a region: an empty or foreign record.</summary>
        None = 0,

        /// <summary>EU863-870.</summary>
        EU868 = 1,

        /// <summary>US902-928.</summary>
        US915 = 2,

        /// <summary>AU915-928.</summary>
        AU915 = 3,

        /// <summary>AS923 group 1 (AS923-1), no frequency offset.</summary>
        AS923_1 = 4,

        /// <summary>AS923 group 2 (AS923-2), −1.8 MHz.</summary>
        AS923_2 = 5,

        /// <summary>AS923 group 3 (AS923-3), −6.6 MHz.</summary>
        AS923_3 = 6,

        /// <summary>AS923 group 4 (AS923-4), −5.9 MHz.</summary>
        AS923_4 = 7,

        /// <summary>IN865-867.</summary>
        IN865 = 8,

        /// <summary>KR920-923.</summary>
        KR920 = 9,

        /// <summary>EU433 (433.05–434.79 MHz).</summary>
        EU433 = 10,

        /// <summary>CN779-787.</summary>
        CN779 = 11,

        /// <summary>RU864-870.</summary>
        RU864 = 12,

        /// <summary>CN470-510 as RP001-1.0.x and LoRaWAN 1.0.2 defined it: 96 uplink, 48 downlink channels (The Things Stack CN_470_510).</summary>
        CN470_RP1 = 13,

        /// <summary>CN470-510 RP002, 20 MHz antenna, type A.</summary>
        CN470_20A = 14,

        /// <summary>CN470-510 RP002, 20 MHz antenna, type B.</summary>
        CN470_20B = 15,

        /// <summary>CN470-510 RP002, 26 MHz antenna, type A.</summary>
        CN470_26A = 16,

        /// <summary>CN470-510 RP002, 26 MHz antenna, type B.</summary>
        CN470_26B = 17,
    }
}
