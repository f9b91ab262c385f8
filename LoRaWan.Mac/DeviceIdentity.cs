using System;

namespace LoRaWan
{
    /// <summary>
    /// Who the device is on the network: either OTAA root keys (it joins) or an ABP session (it does not).
    /// All values are the hex strings The Things Stack console shows, most significant byte first.
    /// </summary>
    public sealed class DeviceIdentity
    {
        DeviceIdentity() { }

        /// <summary>True for over-the-air activation (join), false for activation by personalisation.</summary>
        public bool IsOtaa { get; private set; }

        /// <summary>DevEUI as a number (MSB first as shown).</summary>
        public ulong DevEui { get; private set; }

        /// <summary>JoinEUI (AppEUI in LoRaWAN 1.0.2) as a number.</summary>
        public ulong JoinEui { get; private set; }

        /// <summary>AppKey, 16 bytes as shown (keys are never reversed).</summary>
        public byte[] AppKey { get; private set; }

        /// <summary>ABP DevAddr.</summary>
        public uint DevAddr { get; private set; }

        /// <summary>ABP NwkSKey.</summary>
        public byte[] NwkSKey { get; private set; }

        /// <summary>ABP AppSKey.</summary>
        public byte[] AppSKey { get; private set; }

        /// <summary>OTAA identity: DevEUI, JoinEUI (AppEUI) and AppKey as the console shows them.</summary>
        public static DeviceIdentity Otaa(string devEui, string joinEui, string appKey)
        {
            var id = new DeviceIdentity();
            id.IsOtaa = true;
            id.DevEui = ToUInt64(Hex.Parse(devEui, 8, "DevEUI"));
            id.JoinEui = ToUInt64(Hex.Parse(joinEui, 8, "JoinEUI"));
            id.AppKey = Hex.Parse(appKey, 16, "AppKey");
            return id;
        }

        /// <summary>ABP identity: DevAddr, NwkSKey and AppSKey as the console shows them.</summary>
        public static DeviceIdentity Abp(string devAddr, string nwkSKey, string appSKey)
        {
            var id = new DeviceIdentity();
            byte[] addr = Hex.Parse(devAddr, 4, "DevAddr");
            id.DevAddr = (uint)((addr[0] << 24) | (addr[1] << 16) | (addr[2] << 8) | addr[3]);
            id.NwkSKey = Hex.Parse(nwkSKey, 16, "NwkSKey");
            id.AppSKey = Hex.Parse(appSKey, 16, "AppSKey");
            return id;
        }

        static ulong ToUInt64(byte[] msbFirst)
        {
            ulong v = 0;
            for (int i = 0; i < msbFirst.Length; i++) v = (v << 8) | msbFirst[i];
            return v;
        }
    }
}
