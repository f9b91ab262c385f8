namespace LoRaWan.Frames
{
    /// <summary>
    /// DlChannelReq (network → device, LoRaWAN 1.0.4 §5.6, 1.1 §5.7): ChIndex(1) | Freq(3, little-endian,
    /// 100 Hz units): the RX1 downlink frequency of an uplink channel.
    /// </summary>
    public static class DlChannelReq
    {
        /// <summary>Channel index.</summary>
        public static int ChIndex(byte[] b, int p) { return b[p]; }

        /// <summary>Downlink frequency in Hz.</summary>
        public static uint Frequency(byte[] b, int p) { return LittleEndian.ReadUInt24(b, p + 1) * 100; }

        /// <summary>Writes the 5-byte command (frequency in Hz); returns 5 or 0.</summary>
        public static int Write(byte[] b, int offset, int chIndex, uint frequencyHz)
        {
            if (!MacCommandWriter.Fits(b, offset, 5)) return 0;
            b[offset] = Cid.DlChannel;
            b[offset + 1] = (byte)chIndex;
            LittleEndian.WriteUInt24(b, offset + 2, frequencyHz / 100);
            return 5;
        }
    }

    /// <summary>
    /// DlChannelAns (device → network): Status(1): bit 1 Uplink frequency exists, bit 0 Channel frequency ok.
    /// Sticky: repeated until a Class A downlink is received.
    /// </summary>
    public static class DlChannelAns
    {
        /// <summary>Status bit 1.</summary>
        public const int UplinkFrequencyExists = 0x02;
        /// <summary>Status bit 0.</summary>
        public const int ChannelFrequencyOk = 0x01;

        /// <summary>The Status byte.</summary>
        public static int Status(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Status; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, bool uplinkFrequencyExists, bool channelFrequencyOk)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.DlChannel,
                (uplinkFrequencyExists ? UplinkFrequencyExists : 0) | (channelFrequencyOk ? ChannelFrequencyOk : 0));
        }
    }
}
