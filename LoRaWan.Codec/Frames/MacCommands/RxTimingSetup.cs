namespace LoRaWan.Frames
{
    /// <summary>
    /// RXTimingSetupReq (network → device, LoRaWAN 1.0.4 §5.7, 1.1 §5.8): RxTimingSettings(1): bits 7..4 RFU,
    /// bits 3..0 Del, the RX1 delay in seconds with 0 meaning 1 s.
    /// </summary>
    public static class RxTimingSetupReq
    {
        /// <summary>Del as on air (0..15).</summary>
        public static int Del(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>RECEIVE_DELAY1 in seconds (Del, with 0 mapped to 1; Table 45).</summary>
        public static int DelaySeconds(byte[] b, int p)
        {
            int d = b[p] & 0x0F;
            return d == 0 ? 1 : d;
        }

        /// <summary>Writes CID | RxTimingSettings; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int del) { return MacCommandWriter.WriteByte(b, offset, Cid.RxTimingSetup, del & 0x0F); }
    }

    /// <summary>RXTimingSetupAns (device → network): no payload. Sticky: repeated until a Class A downlink is received.</summary>
    public static class RxTimingSetupAns
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.RxTimingSetup); }
    }
}
