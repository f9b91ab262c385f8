namespace LoRaWan.Frames
{
    /// <summary>DevStatusReq (network → device, LoRaWAN 1.0.4 §5.5, 1.1 §5.6): no payload.</summary>
    public static class DevStatusReq
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.DevStatus); }
    }

    /// <summary>
    /// DevStatusAns (device → network): Battery(1) | RadioStatus(1). Battery: 0 external power, 1..254 level,
    /// 255 unknown. RadioStatus: bits 7..6 RFU, bits 5..0 the SNR margin of the last DevStatusReq as a 6-bit
    /// signed integer, -32..31 dB.
    /// </summary>
    public static class DevStatusAns
    {
        /// <summary>Battery: the device is on external power.</summary>
        public const int BatteryExternalPower = 0;
        /// <summary>Battery: the device cannot measure its level.</summary>
        public const int BatteryUnknown = 255;

        /// <summary>Battery byte.</summary>
        public static int Battery(byte[] b, int p) { return b[p]; }

        /// <summary>Margin in dB, -32..31 (6-bit two's complement, sign-extended).</summary>
        public static int Margin(byte[] b, int p)
        {
            int m = b[p + 1] & 0x3F;
            return (m & 0x20) != 0 ? m - 64 : m;
        }

        /// <summary>Writes CID | Battery | Margin, the margin clamped to -32..31; returns 3 or 0.</summary>
        public static int Write(byte[] b, int offset, int battery, int marginDb)
        {
            if (!MacCommandWriter.Fits(b, offset, 3)) return 0;
            if (marginDb < -32) marginDb = -32;
            if (marginDb > 31) marginDb = 31;
            b[offset] = Cid.DevStatus;
            b[offset + 1] = (byte)battery;
            b[offset + 2] = (byte)(marginDb & 0x3F);
            return 3;
        }
    }
}
