using LoRaWan.Frames;

namespace LoRaWan.Certification
{
    /// <summary>
    /// The version fields of DutVersionsAns (TS009-1.0.0 §5.16): FwVersion, LrwanVersion and LrwanRpVersion, four bytes
    /// each in the order major, minor, patch, revision (LoRaMac-node's LmhpCompliance writes them so).
    /// </summary>
    public static class DutVersions
    {
        /// <summary>
        /// LrwanVersion: the Link Layer version the MAC runs, e.g. 1.0.4 → 1, 0, 4, 0 (LoRaMac-node's
        /// LORAMAC_FALLBACK_VERSION 0x01000400 for 1.0.4).
        /// </summary>
        public static void WriteMacVersion(LoRaWanVersion version, byte[] buffer, int offset)
        {
            int v = (int)version;   // 102, 103, 104
            buffer[offset] = (byte)(v / 100);
            buffer[offset + 1] = (byte)(v / 10 % 10);
            buffer[offset + 2] = (byte)(v % 10);
            buffer[offset + 3] = 0;
        }

        /// <summary>
        /// LrwanRpVersion: the regional parameters this stack implements, RP002-1.0.4, written as LoRaMac-node writes
        /// RP002-1.0.x (REGION_VERSION 0x02010003 for RP002-1.0.3: 2, 1, 0, x) → 2, 1, 0, 4.
        /// </summary>
        public static void WriteRegionalParametersVersion(byte[] buffer, int offset)
        {
            buffer[offset] = 2;
            buffer[offset + 1] = 1;
            buffer[offset + 2] = 0;
            buffer[offset + 3] = 4;
        }
    }
}
