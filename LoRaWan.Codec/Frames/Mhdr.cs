namespace LoRaWan.Frames
{
    /// <summary>
    /// The MAC header, the first byte of every PHYPayload (LoRaWAN 1.0.4 §4.2, 1.1 §4.2):
    /// bits 7..5 MType, bits 4..2 RFU, bits 1..0 Major.
    /// </summary>
    public static class Mhdr
    {
        /// <summary>Major = 00: "LoRaWAN R1", the only defined value; 01..11 are RFU (§4.2.2).</summary>
        public const int MajorLoRaWanR1 = 0;

        /// <summary>The MType of an MHDR byte.</summary>
        public static MType GetMType(byte mhdr)
        {
            return (MType)(mhdr >> 5);
        }

        /// <summary>The Major field (bits 1..0) of an MHDR byte.</summary>
        public static int GetMajor(byte mhdr)
        {
            return mhdr & 0x03;
        }

        /// <summary>An MHDR with the given MType, Major LoRaWAN R1 and the RFU bits zero.</summary>
        public static byte Build(MType mtype)
        {
            return (byte)((int)mtype << 5);
        }

        /// <summary>True for the four data frame types (Unconfirmed/Confirmed Data Up/Down).</summary>
        public static bool IsData(MType mtype)
        {
            return mtype >= MType.UnconfirmedDataUp && mtype <= MType.ConfirmedDataDown;
        }

        /// <summary>True for the types the network sends: Join-accept and Data Down (Proprietary goes either way).</summary>
        public static bool IsDownlink(MType mtype)
        {
            return mtype == MType.JoinAccept || mtype == MType.UnconfirmedDataDown || mtype == MType.ConfirmedDataDown;
        }

        /// <summary>True for Confirmed Data Up and Confirmed Data Down.</summary>
        public static bool IsConfirmed(MType mtype)
        {
            return mtype == MType.ConfirmedDataUp || mtype == MType.ConfirmedDataDown;
        }
    }
}
