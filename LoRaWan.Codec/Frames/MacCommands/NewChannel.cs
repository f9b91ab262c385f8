namespace LoRaWan.Frames
{
    /// <summary>
    /// NewChannelReq (network → device, LoRaWAN 1.0.4 §5.6, 1.1 §5.7): ChIndex(1) | Freq(3, little-endian,
    /// 100 Hz units; 0 disables the channel) | DrRange(1): bits 7..4 MaxDR, bits 3..0 MinDR.
    /// </summary>
    public static class NewChannelReq
    {
        /// <summary>Channel index.</summary>
        public static int ChIndex(byte[] b, int p) { return b[p]; }

        /// <summary>Frequency in Hz (0: disable the channel).</summary>
        public static uint Frequency(byte[] b, int p) { return LittleEndian.ReadUInt24(b, p + 1) * 100; }

        /// <summary>Highest data rate allowed on the channel.</summary>
        public static int MaxDataRate(byte[] b, int p) { return b[p + 4] >> 4; }

        /// <summary>Lowest data rate allowed on the channel.</summary>
        public static int MinDataRate(byte[] b, int p) { return b[p + 4] & 0x0F; }

        /// <summary>Writes the 6-byte command (frequency in Hz); returns 6 or 0.</summary>
        public static int Write(byte[] b, int offset, int chIndex, uint frequencyHz, int minDataRate, int maxDataRate)
        {
            if (!MacCommandWriter.Fits(b, offset, 6)) return 0;
            b[offset] = Cid.NewChannel;
            b[offset + 1] = (byte)chIndex;
            LittleEndian.WriteUInt24(b, offset + 2, frequencyHz / 100);
            b[offset + 5] = (byte)(((maxDataRate & 0x0F) << 4) | (minDataRate & 0x0F));
            return 6;
        }
    }

    /// <summary>NewChannelAns (device → network): Status(1): bit 1 Data rate range ok, bit 0 Channel frequency ok.</summary>
    public static class NewChannelAns
    {
        /// <summary>Status bit 1.</summary>
        public const int DataRateRangeOk = 0x02;
        /// <summary>Status bit 0.</summary>
        public const int ChannelFrequencyOk = 0x01;

        /// <summary>The Status byte.</summary>
        public static int Status(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Status; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, bool dataRateRangeOk, bool channelFrequencyOk)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.NewChannel,
                (dataRateRangeOk ? DataRateRangeOk : 0) | (channelFrequencyOk ? ChannelFrequencyOk : 0));
        }
    }
}
