using System;

namespace LoRaWan.Frames
{
    /// <summary>Properties of a MAC command that the MAC's answer logic needs, declared once in <see cref="MacCommandTable"/>.</summary>
    [Flags]
    public enum MacCommandFlags
    {
        /// <summary>Nothing special: a request answered once in the next uplink.</summary>
        None = 0,

        /// <summary>
        /// The device's answer is "sticky": repeated in every uplink until a Class A downlink is received
        /// (LoRaWAN 1.0.4 §5.4 RXParamSetupAns, §5.6 DlChannelAns, §5.7 RXTimingSetupAns; TXParamSetupAns per
        /// the 1.0.4 guidance; Class B PingSlotChannelAns).
        /// </summary>
        StickyAnswer = 1,

        /// <summary>
        /// Started by the device and repeated in every uplink until the network's confirmation arrives
        /// (LoRaWAN 1.1 §5.1 ResetInd/ResetConf, §5.10 RekeyInd/RekeyConf, Class C DeviceModeInd/DeviceModeConf).
        /// </summary>
        RepeatUntilConf = 2,

        /// <summary>The device sends the request and the network answers (LinkCheck, DeviceTime, Reset, Rekey, DeviceMode, Class B PingSlotInfo/BeaconTiming).</summary>
        DeviceInitiated = 4,

        /// <summary>A Class B command (Class B MAC commands chapter of LoRaWAN 1.0.4 and 1.1); a Class A device only needs its length.</summary>
        ClassB = 8,

        /// <summary>A Class C command (DeviceMode, Class C chapter of LoRaWAN 1.1).</summary>
        ClassC = 16,

        /// <summary>Deprecated by later versions (BeaconTimingReq/Ans, replaced by DeviceTime in 1.0.3/1.1).</summary>
        Deprecated = 32,
    }
}
