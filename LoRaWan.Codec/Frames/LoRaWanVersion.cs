namespace LoRaWan.Frames
{
    /// <summary>LoRaWAN link-layer specification versions, ordered, for "available since" checks.</summary>
    public enum LoRaWanVersion
    {
        /// <summary>LoRaWAN 1.0 (and 1.0.1).</summary>
        V1_0 = 100,

        /// <summary>LoRaWAN 1.0.2: adds TxParamSetup and DlChannel.</summary>
        V1_0_2 = 102,

        /// <summary>LoRaWAN 1.0.3: adds DeviceTime.</summary>
        V1_0_3 = 103,

        /// <summary>LoRaWAN 1.0.4 (TS001-1.0.4).</summary>
        V1_0_4 = 104,

        /// <summary>LoRaWAN 1.1: adds Reset, Rekey, ADRParamSetup, ForceRejoin, RejoinParamSetup, DeviceMode.</summary>
        V1_1 = 110,
    }
}
