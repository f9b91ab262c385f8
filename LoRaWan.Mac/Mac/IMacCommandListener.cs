namespace LoRaWan.Mac
{
    /// <summary>
    /// Optional second interface of the MAC's listener (the object given as <see cref="IMacListener"/>): the answers
    /// to the requests the device itself sends. Called on the MAC's thread.
    /// </summary>
    public interface IMacCommandListener
    {
        /// <summary>
        /// LinkCheckAns (LoRaWAN 1.0.4 §5.1): <paramref name="marginDb"/> is the link margin in dB above the
        /// demodulation floor of the uplink that carried LinkCheckReq, <paramref name="gatewayCount"/> how many
        /// gateways received it.
        /// </summary>
        void OnLinkCheck(int marginDb, int gatewayCount);

        /// <summary>
        /// DeviceTimeAns (LoRaWAN 1.0.4 §5.9): the network's GPS time (<paramref name="gpsSeconds"/> since
        /// 1980-01-06 00:00:00 UTC plus <paramref name="fraction"/>/256 s) at <paramref name="anchorUs"/>, the MAC clock's
        /// TxDone stamp of the uplink that carried DeviceTimeReq.
        /// </summary>
        void OnNetworkTime(uint gpsSeconds, int fraction, ulong anchorUs);
    }

    /// <summary>Returns the DevStatusAns battery byte: 0 on external power, 1 (empty) .. 254 (full), 255 when unknown.</summary>
    public delegate int BatteryLevelProvider();
}
