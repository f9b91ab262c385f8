namespace LoRaWan.Frames
{
    /// <summary>
    /// DeviceModeInd (device → network, LoRaWAN 1.1 Class C chapter; optional for a Class A stack): 1 byte
    /// Class: 0x00 Class A, 0x01 RFU, 0x02 Class C. Repeated in every uplink until DeviceModeConf.
    /// </summary>
    public static class DeviceModeInd
    {
        /// <summary>Class A.</summary>
        public const int ClassA = 0x00;
        /// <summary>Class C.</summary>
        public const int ClassC = 0x02;

        /// <summary>The Class byte.</summary>
        public static int Class(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Class; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int deviceClass) { return MacCommandWriter.WriteByte(b, offset, Cid.DeviceMode, deviceClass); }
    }

    /// <summary>DeviceModeConf (network → device): 1 byte Class, echoing the class the network now uses.</summary>
    public static class DeviceModeConf
    {
        /// <summary>The Class byte.</summary>
        public static int Class(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Class; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int deviceClass) { return MacCommandWriter.WriteByte(b, offset, Cid.DeviceMode, deviceClass); }
    }
}
