namespace LoRaWan.Crypto
{
    /// <summary>
    /// Which LoRaWAN 1.1 frame counter protects a frame (LoRaWAN 1.1 §4.3.1.5). It fixes the direction
    /// and, for FOpts encryption, the frame-type byte of the A block ("FOpts Encryption, Usage of FCntDwn"
    /// erratum to LoRaWAN 1.1: 0x01 for FCntUp and NFCntDown, 0x02 for AFCntDown).
    /// </summary>
    public enum FCntType
    {
        /// <summary>Uplink counter.</summary>
        FCntUp = 0,

        /// <summary>Network downlink counter: downlinks with FPort 0 or without FPort.</summary>
        NFCntDown = 1,

        /// <summary>Application downlink counter: downlinks with FPort 1..255.</summary>
        AFCntDown = 2,
    }
}
