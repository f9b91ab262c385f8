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
    }
}
