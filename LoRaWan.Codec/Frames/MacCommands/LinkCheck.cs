namespace LoRaWan.Frames
{
    /// <summary>LinkCheckReq (device → network, LoRaWAN 1.0.4 §5.1, 1.1 §5.2): no payload.</summary>
    public static class LinkCheckReq
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.LinkCheck); }
    }

    /// <summary>
    /// LinkCheckAns (network → device, LoRaWAN 1.0.4 §5.1): Margin(1) | GwCnt(1). Margin is the demodulation
    /// margin in dB of the last LinkCheckReq, 0..254 (255 reserved); GwCnt the gateways that received it.
    /// </summary>
    public static class LinkCheckAns
    {
        /// <summary>Demodulation margin in dB above the demodulation floor.</summary>
        public static int Margin(byte[] b, int payloadOffset) { return b[payloadOffset]; }

        /// <summary>Number of gateways that received the LinkCheckReq.</summary>
        public static int GwCnt(byte[] b, int payloadOffset) { return b[payloadOffset + 1]; }

        /// <summary>Writes CID | Margin | GwCnt; returns 3 or 0.</summary>
        public static int Write(byte[] b, int offset, int margin, int gwCnt)
        {
            if (!MacCommandWriter.Fits(b, offset, 3)) return 0;
            b[offset] = Cid.LinkCheck;
            b[offset + 1] = (byte)margin;
            b[offset + 2] = (byte)gwCnt;
            return 3;
        }
    }
}
