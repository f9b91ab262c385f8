namespace LoRaWan.Regions
{
    /// <summary>
    /// A region's listen-before-talk rule (RP002-1.0.4 KR920 and AS923 "listen before talk"; LoRaMac-node
    /// RegionKR920.h/RegionAS923.h): how long, at what RSSI threshold and in what bandwidth a channel is sensed, and
    /// whether the law asks for it wherever the region is used (KR920) or only in some countries (AS923: Japan).
    /// </summary>
    internal sealed class CarrierSenseRule
    {
        internal int SenseTimeUs;
        internal int ThresholdDbm;
        internal int BandwidthHz;
        internal bool Required;
    }
}
