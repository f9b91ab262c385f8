namespace LoRaWan.Mac
{
    /// <summary>Whether the MAC senses the channel before it transmits (<see cref="LoRaWanOptions.ListenBeforeTalk"/>).</summary>
    public enum ListenBeforeTalkMode
    {
        /// <summary>
        /// Where the region's regulation asks for it everywhere it applies: on in KR920 (Korea), off elsewhere,
        /// AS923 included (only Japan asks for it there: choose <see cref="On"/> for a device used in Japan).
        /// </summary>
        RegionDefault = 0,

        /// <summary>Always sense, with the region's parameters (KR920: Korea's; AS923: Japan's ARIB STD-T108).</summary>
        On = 1,

        /// <summary>Never sense (for a KR920 device only where the Korean rule does not apply, e.g. a shielded test bench).</summary>
        Off = 2,
    }
}
