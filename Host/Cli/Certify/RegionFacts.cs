namespace LoRaWan.Cli.Certify
{
    /// <summary>Per-region values the cases use, from RP002-1.0.4's channel plans (a frequency for NewChannelReq, plan type).</summary>
    public static class RegionFacts
    {
        /// <summary>True for the fixed-channel plans (US915, AU915): no NewChannelReq/DlChannelReq (RP002 §2.5, §2.6).</summary>
        public static bool IsFixed(string region) => region == "US915" || region == "AU915";

        /// <summary>A frequency inside the region's band that is not a default channel (RP002-1.0.4 §2.x.2).</summary>
        public static uint ExtraChannelHz(string region) => region switch
        {
            "EU868" => 867100000,
            "AS923-1" => 923600000,
            "KR920" => 922700000,
            _ => 0,
        };

        /// <summary>A frequency outside the region's band (NewChannelReq must refuse it).</summary>
        public static uint OutOfBandHz(string region) => region switch
        {
            "EU868" => 880000000,
            "AS923-1" => 900000000,
            "KR920" => 930000000,
            _ => 0,
        };

        /// <summary>A LoRa uplink data rate every case can move to with LinkADRReq (RP002-1.0.4 data-rate tables).</summary>
        public static int AdrTargetDataRate(string region) => IsFixed(region) ? 2 : 3;
    }
}
