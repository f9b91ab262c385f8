namespace LoRaWan.Frames
{
    /// <summary>
    /// ADRParamSetupReq (network → device, LoRaWAN 1.1 §5.11): ADRparam(1): bits 7..4 Limit_exp
    /// (ADR_ACK_LIMIT = 2^Limit_exp), bits 3..0 Delay_exp (ADR_ACK_DELAY = 2^Delay_exp).
    /// </summary>
    public static class AdrParamSetupReq
    {
        /// <summary>Limit_exp.</summary>
        public static int LimitExp(byte[] b, int p) { return b[p] >> 4; }

        /// <summary>Delay_exp.</summary>
        public static int DelayExp(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>ADR_ACK_LIMIT = 2^Limit_exp (1..32768).</summary>
        public static int AdrAckLimit(byte[] b, int p) { return 1 << (b[p] >> 4); }

        /// <summary>ADR_ACK_DELAY = 2^Delay_exp (1..32768).</summary>
        public static int AdrAckDelay(byte[] b, int p) { return 1 << (b[p] & 0x0F); }

        /// <summary>Writes CID | ADRparam; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int limitExp, int delayExp)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.AdrParamSetup, ((limitExp & 0x0F) << 4) | (delayExp & 0x0F));
        }
    }

    /// <summary>ADRParamSetupAns (device → network): no payload.</summary>
    public static class AdrParamSetupAns
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.AdrParamSetup); }
    }
}
