using System;

namespace LoRaWan
{
    /// <summary>
    /// Who the device is on the network: either OTAA root keys (it joins) or an ABP session (it does not), for
    /// LoRaWAN 1.0.x (one root key, two session keys) or LoRaWAN 1.1 (NwkKey and AppKey; four session keys,
    /// LoRaWAN 1.1 §6.1). All values are the hex strings The Things Stack console shows, most significant byte first.
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

        /// <summary>True for a LoRaWAN 1.1 identity (<see cref="Otaa11"/> or <see cref="Abp11"/>).</summary>
        public bool Is11 { get; private set; }

        /// <summary>AppKey, 16 bytes as shown (keys are never reversed). LoRaWAN 1.0.x: the only root key. LoRaWAN 1.1:
        /// the application root key (AppSKey is derived from it when the network answers OptNeg = 1).</summary>
        public byte[] AppKey { get; private set; }

        /// <summary>LoRaWAN 1.1 NwkKey (null for a 1.0.x identity): signs join and rejoin requests, and is the only root
        /// key when the network answers OptNeg = 0 (LoRaWAN 1.1 §6.2.3).</summary>
        public byte[] NwkKey { get; private set; }

        /// <summary>ABP DevAddr.</summary>
        public uint DevAddr { get; private set; }

        /// <summary>ABP NwkSKey (LoRaWAN 1.0.x), or FNwkSIntKey for an ABP 1.1 identity.</summary>
        public byte[] NwkSKey { get; private set; }

        /// <summary>ABP 1.1 SNwkSIntKey (null otherwise).</summary>
        public byte[] SNwkSIntKey { get; private set; }

        /// <summary>ABP 1.1 NwkSEncKey (null otherwise).</summary>
        public byte[] NwkSEncKey { get; private set; }

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

        /// <summary>
        /// LoRaWAN 1.1 OTAA identity (LoRaWAN 1.1 §6.1.1): DevEUI, JoinEUI, NwkKey and AppKey as the console shows them.
        /// </summary>
        public static DeviceIdentity Otaa11(string devEui, string joinEui, string nwkKey, string appKey)
        {
            DeviceIdentity id = Otaa(devEui, joinEui, appKey);
            id.NwkKey = Hex.Parse(nwkKey, 16, "NwkKey");
            id.Is11 = true;
            return id;
        }

        /// <summary>
        /// LoRaWAN 1.1 ABP identity (LoRaWAN 1.1 §6.1.2, §6.3): DevAddr, FNwkSIntKey, SNwkSIntKey, NwkSEncKey and AppSKey
        /// as the console shows them. <see cref="NwkSKey"/> holds FNwkSIntKey.
        /// </summary>
        public static DeviceIdentity Abp11(string devAddr, string fNwkSIntKey, string sNwkSIntKey, string nwkSEncKey, string appSKey)
        {
            var id = new DeviceIdentity();
            byte[] addr = Hex.Parse(devAddr, 4, "DevAddr");
            id.DevAddr = (uint)((addr[0] << 24) | (addr[1] << 16) | (addr[2] << 8) | addr[3]);
            id.NwkSKey = Hex.Parse(fNwkSIntKey, 16, "FNwkSIntKey");
            id.SNwkSIntKey = Hex.Parse(sNwkSIntKey, 16, "SNwkSIntKey");
            id.NwkSEncKey = Hex.Parse(nwkSEncKey, 16, "NwkSEncKey");
            id.AppSKey = Hex.Parse(appSKey, 16, "AppSKey");
            id.Is11 = true;
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
