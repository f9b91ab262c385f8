namespace LoRaWan.Frames
{
    /// <summary>
    /// TXParamSetupReq (network → device, LoRaWAN 1.0.4 §5.8, 1.1 §5.9; regions that use dwell time only):
    /// EIRP_DwellTime(1): bits 7..6 RFU, bit 5 DownlinkDwellTime, bit 4 UplinkDwellTime (1 = 400 ms limit,
    /// 0 = none), bits 3..0 MaxEIRP index (Table 48: 8 10 12 13 14 16 18 20 21 24 26 27 29 30 33 36 dBm).
    /// </summary>
    public static class TxParamSetupReq
    {
        static readonly byte[] MaxEirpTable = new byte[] { 8, 10, 12, 13, 14, 16, 18, 20, 21, 24, 26, 27, 29, 30, 33, 36 };

        /// <summary>Bit 5: downlink dwell time limited to 400 ms.</summary>
        public static bool DownlinkDwellTime(byte[] b, int p) { return (b[p] & 0x20) != 0; }

        /// <summary>Bit 4: uplink dwell time limited to 400 ms.</summary>
        public static bool UplinkDwellTime(byte[] b, int p) { return (b[p] & 0x10) != 0; }

        /// <summary>MaxEIRP index 0..15.</summary>
        public static int MaxEirpIndex(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>MaxEIRP in dBm for an index (Table 48).</summary>
        public static int MaxEirpDbm(int index) { return MaxEirpTable[index & 0x0F]; }

        /// <summary>Writes CID | EIRP_DwellTime; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, bool downlinkDwellTime, bool uplinkDwellTime, int maxEirpIndex)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.TxParamSetup,
                (downlinkDwellTime ? 0x20 : 0) | (uplinkDwellTime ? 0x10 : 0) | (maxEirpIndex & 0x0F));
        }
    }

    /// <summary>TXParamSetupAns (device → network): no payload. Treated as sticky (see <see cref="MacCommandFlags.StickyAnswer"/>).</summary>
    public static class TxParamSetupAns
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.TxParamSetup); }
    }
}
