namespace LoRaWan.Frames
{
    /// <summary>
    /// RejoinParamSetupReq (network → device, LoRaWAN 1.1 §5.14): 1 byte: bits 7..4 MaxTimeN (a type 0
    /// Rejoin-request at least every 2^(MaxTimeN+10) s), bits 3..0 MaxCountN (or every 2^(MaxCountN+4) uplinks).
    /// </summary>
    public static class RejoinParamSetupReq
    {
        /// <summary>MaxTimeN.</summary>
        public static int MaxTimeN(byte[] b, int p) { return b[p] >> 4; }

        /// <summary>MaxCountN.</summary>
        public static int MaxCountN(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>Writes CID | payload; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int maxTimeN, int maxCountN)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.RejoinParamSetup, ((maxTimeN & 0x0F) << 4) | (maxCountN & 0x0F));
        }
    }

    /// <summary>RejoinParamSetupAns (device → network): Status(1): bits 7..1 RFU, bit 0 TimeOK (the device accepted the time limit).</summary>
    public static class RejoinParamSetupAns
    {
        /// <summary>Status bit 0.</summary>
        public const int TimeOk = 0x01;

        /// <summary>The Status byte.</summary>
        public static int Status(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Status; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, bool timeOk) { return MacCommandWriter.WriteByte(b, offset, Cid.RejoinParamSetup, timeOk ? TimeOk : 0); }
    }
}
