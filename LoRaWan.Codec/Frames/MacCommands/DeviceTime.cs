namespace LoRaWan.Frames
{
    /// <summary>DeviceTimeReq (device → network, LoRaWAN 1.0.4 §5.9, 1.1 §5.12; since 1.0.3): no payload.</summary>
    public static class DeviceTimeReq
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.DeviceTime); }
    }

    /// <summary>
    /// DeviceTimeAns (network → device): Seconds(4, little-endian) since the GPS epoch (1980-01-06 00:00:00 UTC)
    /// at the end of the uplink that carried DeviceTimeReq | FractionalSeconds(1) in 1/256 s.
    /// </summary>
    public static class DeviceTimeAns
    {
        /// <summary>Whole seconds since the GPS epoch.</summary>
        public static uint Seconds(byte[] b, int p) { return LittleEndian.ReadUInt32(b, p); }

        /// <summary>Fraction of a second in 1/256 s steps.</summary>
        public static int FractionalSeconds(byte[] b, int p) { return b[p + 4]; }

        /// <summary>The fraction in milliseconds (truncated): fraction · 1000 / 256.</summary>
        public static int Milliseconds(byte[] b, int p) { return (b[p + 4] * 1000) >> 8; }

        /// <summary>Writes CID | Seconds | FractionalSeconds; returns 6 or 0.</summary>
        public static int Write(byte[] b, int offset, uint seconds, int fractionalSeconds)
        {
            if (!MacCommandWriter.Fits(b, offset, 6)) return 0;
            b[offset] = Cid.DeviceTime;
            LittleEndian.WriteUInt32(b, offset + 1, seconds);
            b[offset + 5] = (byte)fractionalSeconds;
            return 6;
        }
    }
}
