namespace LoRaWan.Certification
{
    /// <summary>
    /// The Periodicity field of TxPeriodicityChangeReq (TS009-1.0.0 §5.7): an index into a table of uplink periods;
    /// 0 restores the device's default. Values from TS009's table as LoRaMac-node's LmhpCompliance encodes it
    /// (0, 5, 10, 20, 30, 40, 50, 60, 120, 240, 480 s); 11..255 are RFU and ignored.
    /// </summary>
    public static class TxPeriodicity
    {
        /// <summary>Number of defined indexes (0..10).</summary>
        public const int Count = 11;

        /// <summary>The period in seconds for <paramref name="index"/> (1..10); 0 for index 0 (the default); -1 when RFU.</summary>
        public static int Seconds(int index)
        {
            switch (index)
            {
                case 0: return 0;
                case 1: return 5;
                case 2: return 10;
                case 3: return 20;
                case 4: return 30;
                case 5: return 40;
                case 6: return 50;
                case 7: return 60;
                case 8: return 120;
                case 9: return 240;
                case 10: return 480;
                default: return -1;
            }
        }
    }
}
