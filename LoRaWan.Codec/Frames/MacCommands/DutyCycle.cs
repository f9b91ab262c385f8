namespace LoRaWan.Frames
{
    /// <summary>
    /// DutyCycleReq (network → device, LoRaWAN 1.0.4 §5.3, 1.1 §5.4):
    /// DutyCyclePL(1): bits 7..4 RFU, bits 3..0 MaxDCycle; aggregated duty cycle = 1 / 2^MaxDCycle.
    /// </summary>
    public static class DutyCycleReq
    {
        /// <summary>MaxDCycle 0..15 (0 = no limit beyond regional rules).</summary>
        public static int MaxDCycle(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>Writes CID | DutyCyclePL; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, int maxDCycle) { return MacCommandWriter.WriteByte(b, offset, Cid.DutyCycle, maxDCycle & 0x0F); }
    }

    /// <summary>DutyCycleAns (device → network): no payload.</summary>
    public static class DutyCycleAns
    {
        /// <summary>Writes the CID; returns 1 or 0.</summary>
        public static int Write(byte[] b, int offset) { return MacCommandWriter.WriteEmpty(b, offset, Cid.DutyCycle); }
    }
}
