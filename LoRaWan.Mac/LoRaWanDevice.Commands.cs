using System;
using LoRaWan.Mac;

namespace LoRaWan
{
    /// <summary>Raised when a LinkCheckAns arrives: link margin in dB and the number of gateways that heard the request.</summary>
    public delegate void LinkCheckEventHandler(LoRaWanDevice sender, int marginDb, int gatewayCount);

    /// <summary>
    /// Raised when a DeviceTimeAns arrives: the network's GPS time (seconds since 1980-01-06 00:00:00 UTC and 1/256 s)
    /// at the end of the uplink that asked for it.
    /// </summary>
    public delegate void NetworkTimeEventHandler(LoRaWanDevice sender, uint gpsSeconds, int fraction);

    // The device-initiated MAC commands (LoRaWAN 1.0.4 §5.1 LinkCheck, §5.9 DeviceTime); DevStatusAns's battery level
    // comes from MacWiring.BatteryLevel.
    public sealed partial class LoRaWanDevice
    {
        /// <summary>GPS time − UTC in seconds (leap seconds since 1980; 18 since 2017-01-01).</summary>
        public const int GpsLeapSeconds = 18;

        /// <summary>The answer to <see cref="RequestLinkCheck"/>.</summary>
        public event LinkCheckEventHandler OnLinkCheck;

        /// <summary>The answer to <see cref="RequestDeviceTime"/>; afterwards <see cref="TryGetNetworkTime"/> works.</summary>
        public event NetworkTimeEventHandler OnNetworkTime;

        /// <summary>Piggybacks a LinkCheckReq on the next uplink; the answer raises <see cref="OnLinkCheck"/>.</summary>
        public void RequestLinkCheck()
        {
            _mac.RequestLinkCheck();
        }

        /// <summary>
        /// Piggybacks a DeviceTimeReq on the next uplink (LoRaWAN 1.0.3 and later; false for 1.0.2); the answer raises
        /// <see cref="OnNetworkTime"/>.
        /// </summary>
        public bool RequestDeviceTime()
        {
            return _mac.RequestDeviceTime();
        }

        /// <summary>The network's time now in milliseconds since the GPS epoch; false until a DeviceTimeAns arrived.</summary>
        public bool TryGetNetworkTime(out long gpsMilliseconds)
        {
            ulong us;
            if (!_mac.TryGetNetworkTime(out us))
            {
                gpsMilliseconds = 0;
                return false;
            }
            gpsMilliseconds = (long)(us / 1000UL);
            return true;
        }

        /// <summary>The network's time now as UTC (GPS time minus <see cref="GpsLeapSeconds"/>); false until known.</summary>
        public bool TryGetNetworkTimeUtc(out DateTime utc)
        {
            long ms;
            if (!TryGetNetworkTime(out ms))
            {
                utc = new DateTime(1980, 1, 6, 0, 0, 0);
                return false;
            }
            utc = new DateTime(1980, 1, 6, 0, 0, 0).AddTicks((ms - GpsLeapSeconds * 1000L) * 10000L);
            return true;
        }
    }
}
