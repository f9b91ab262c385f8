namespace LoRaWan.Mac
{
    /// <summary>
    /// The optional parts a device is wired with, given to the constructor of <see cref="LoRaWanDevice"/> or
    /// <see cref="ClassAMac"/> and read once there: changing this object afterwards changes nothing. Each may be null.
    /// </summary>
    public sealed class MacWiring
    {
        /// <summary>
        /// What drives the MAC (calls <see cref="ClassAMac.ProcessEvents"/> when input arrives, lets the application
        /// wait). Null: a <see cref="ThreadedMacRunner"/>, the board's way; the simulation passes a virtual-time runner.
        /// </summary>
        public IMacRunner Runner;

        /// <summary>Step-by-step observer of the state machine (timelines, field diagnostics). Null: none, no cost.</summary>
        public IMacTrace Trace;

        /// <summary>
        /// The battery level the device reports in DevStatusAns (LoRaWAN 1.0.4 §5.5), asked on the MAC's thread each
        /// time the network sends DevStatusReq, so it always reports the level of that moment: 0 on external power,
        /// 1 (empty) .. 254 (full), 255 unknown. Null: 255.
        /// </summary>
        public BatteryLevelProvider BatteryLevel;

        /// <summary>
        /// The LoRaWAN Certification Protocol (TS009) package that owns FPort 224 (see <see cref="ICertificationPort"/>).
        /// Null: none; FPort 224 downlinks are ignored and FPort 224 cannot be sent.
        /// </summary>
        public ICertificationPort Certification;
    }
}
