namespace LoRaWan.Frames
{
    /// <summary>
    /// The optional 16-byte channel list of a Join-accept (LoRaWAN 1.0.4 §6.2.6; layouts in RP002-1.0.x
    /// per region). The last byte is CFListType:
    /// <list type="bullet">
    /// <item>0 (dynamic channel plans such as EU868): five frequencies of 3 bytes each, little-endian, in
    /// units of 100 Hz, for channels 3..7; 0 means "no channel".</item>
    /// <item>1 (fixed channel plans such as US915): ChMask0..ChMask4 of 2 bytes each, little-endian, then 5 RFU bytes.</item>
    /// </list>
    /// The methods take the absolute offset of the CFList (e.g. <see cref="JoinAcceptFrame.CfListOffset"/>).
    /// </summary>
    public static class CfList
    {
        /// <summary>CFList size in bytes.</summary>
        public const int Length = 16;

        /// <summary>CFListType 0: a list of frequencies.</summary>
        public const int TypeFrequencies = 0;

        /// <summary>CFListType 1: a list of channel masks.</summary>
        public const int TypeChannelMask = 1;

        /// <summary>Entries of either kind (5 frequencies or 5 channel masks).</summary>
        public const int Entries = 5;

        /// <summary>The CFListType byte.</summary>
        public static int ReadType(byte[] b, int cfListOffset)
        {
            return b[cfListOffset + Length - 1];
        }

        /// <summary>Frequency <paramref name="index"/> (0..4) of a type-0 CFList in Hz (the field is in 100 Hz units).</summary>
        public static uint Frequency(byte[] b, int cfListOffset, int index)
        {
            return LittleEndian.ReadUInt24(b, cfListOffset + 3 * index) * 100;
        }

        /// <summary>ChMask <paramref name="index"/> (0..4) of a type-1 CFList; bit n enables channel 16·index + n.</summary>
        public static ushort ChannelMask(byte[] b, int cfListOffset, int index)
        {
            return LittleEndian.ReadUInt16(b, cfListOffset + 2 * index);
        }

        /// <summary>
        /// Writes a type-0 CFList: up to five frequencies in Hz (truncated to 100 Hz units), missing entries as 0.
        /// Returns 16, or 0 when the buffer has no room or more than five frequencies are given.
        /// </summary>
        public static int WriteFrequencies(byte[] b, int offset, uint[] frequenciesHz, int count)
        {
            if (b == null || offset < 0 || offset > b.Length - Length || count < 0 || count > Entries) return 0;
            if (count > 0 && (frequenciesHz == null || frequenciesHz.Length < count)) return 0;
            for (int i = 0; i < Entries; i++)
                LittleEndian.WriteUInt24(b, offset + 3 * i, i < count ? frequenciesHz[i] / 100 : 0);
            b[offset + Length - 1] = TypeFrequencies;
            return Length;
        }

        /// <summary>
        /// Writes a type-1 CFList: up to five channel masks, missing ones as 0, the RFU bytes zero.
        /// Returns 16, or 0 when the buffer has no room or more than five masks are given.
        /// </summary>
        public static int WriteChannelMasks(byte[] b, int offset, ushort[] masks, int count)
        {
            if (b == null || offset < 0 || offset > b.Length - Length || count < 0 || count > Entries) return 0;
            if (count > 0 && (masks == null || masks.Length < count)) return 0;
            for (int i = 0; i < Entries; i++)
                LittleEndian.WriteUInt16(b, offset + 2 * i, i < count ? masks[i] : 0);
            for (int i = 2 * Entries; i < Length - 1; i++) b[offset + i] = 0;
            b[offset + Length - 1] = TypeChannelMask;
            return Length;
        }
    }
}
