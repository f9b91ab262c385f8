namespace LoRaWan.Crypto
{
    /// <summary>The Dir byte of the B0/B1 and A_i blocks (LoRaWAN 1.0.4 §4.3.3, §4.4): 0 uplink, 1 downlink.</summary>
    public enum FrameDirection
    {
        /// <summary>End-device to network.</summary>
        Uplink = 0,

        /// <summary>Network to end-device.</summary>
        Downlink = 1,
    }
}
