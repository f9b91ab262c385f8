namespace LoRaWan.Frames
{
    /// <summary>
    /// ForceRejoinReq (network → device, LoRaWAN 1.1 §5.13; no answer). A 2-byte payload whose 16-bit
    /// layout is 15..14 RFU | 13..11 Period | 10..8 Max_Retries | 7 RFU | 6..4 RejoinType | 3..0 DR.
    /// Byte order: the first payload byte carries bits 15..8 (Period, Max_Retries) and the second bits 7..0
    /// (RejoinType, DR). That is how The Things Stack writes it and LoRaMac-node reads it; it departs from
    /// the spec's general little-endian rule, so the order is pinned by a test.
    /// Rejoin retransmission period = 32 s · 2^Period + rand(0..32 s); Max_Retries + 1 attempts.
    /// </summary>
    public static class ForceRejoinReq
    {
        /// <summary>Period (0..7).</summary>
        public static int Period(byte[] b, int p) { return (b[p] >> 3) & 0x07; }

        /// <summary>Max_Retries (0..7): the number of retransmissions after the first Rejoin-request.</summary>
        public static int MaxRetries(byte[] b, int p) { return b[p] & 0x07; }

        /// <summary>RejoinType: 0 or 1 means a type 0 Rejoin-request, 2 a type 2 (1.1 §5.13).</summary>
        public static int RejoinType(byte[] b, int p) { return (b[p + 1] >> 4) & 0x07; }

        /// <summary>Data rate for the Rejoin-requests.</summary>
        public static int DataRate(byte[] b, int p) { return b[p + 1] & 0x0F; }

        /// <summary>Writes CID and the two payload bytes; returns 3 or 0.</summary>
        public static int Write(byte[] b, int offset, int period, int maxRetries, int rejoinType, int dataRate)
        {
            if (!MacCommandWriter.Fits(b, offset, 3)) return 0;
            b[offset] = Cid.ForceRejoin;
            b[offset + 1] = (byte)(((period & 0x07) << 3) | (maxRetries & 0x07));
            b[offset + 2] = (byte)(((rejoinType & 0x07) << 4) | (dataRate & 0x0F));
            return 3;
        }
    }
}
