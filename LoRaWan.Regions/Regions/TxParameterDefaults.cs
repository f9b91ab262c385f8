namespace LoRaWan.Regions
{
    /// <summary>
    /// A region's transmit parameters at boot, as RP002-1.0.4 states them per region: the default MaxEIRP and the TX
    /// power table's last index (TXPower n = MaxEIRP − 2n dB), whether TxParamSetupReq is implemented (AS923, AU915)
    /// with the default UplinkDwellTime/DownlinkDwellTime it changes (LoRaWAN 1.0.4 §5.8), and a stricter EIRP cap
    /// below a frequency (KR920: +10 dBm below 922 MHz). Set once by the catalog.
    /// </summary>
    internal sealed class TxParameterDefaults
    {
        internal int MaxEirpDbm;
        internal int MaxTxPowerIndex;
        internal bool SupportsTxParamSetup;
        internal bool UplinkDwellTime;
        internal bool DownlinkDwellTime;
        /// <summary>Below this frequency (Hz) the EIRP is capped at <see cref="EirpLimitBelowDbm"/>; 0: no cap.</summary>
        internal uint EirpLimitBelowHz;
        internal int EirpLimitBelowDbm;
    }
}
