namespace LoRaWan.Frames
{
    /// <summary>
    /// Every MAC command this stack knows, declared once: CID, the name and payload length of each
    /// direction (-1 = that direction does not exist), flags (sticky answer, repeat until conf, who
    /// starts, class) and the specification version that introduced it. Sources: LoRaWAN 1.0.4 §5
    /// (the command list and each payload table), LoRaWAN 1.1 §5, the Class B
    /// and Class C chapters. Parsers and the MAC look lengths up here; nothing else switches on CIDs
    /// to find a length.
    /// <para>
    /// What the device keeps is <see cref="Rows"/>, three bytes per CID, read by <see cref="PayloadLength"/> and
    /// <see cref="IsStickyAnswer"/>: the <see cref="MacCommandInfo"/> objects and their names (for tools, the trace and
    /// tests: <see cref="All"/>, <see cref="Find"/>) are built on first use. Held as 20 objects, two arrays and 39
    /// strings they cost about 3 KB of nanoCLR heap on the ESP32 (Host/IlMeter -- --memory).
    /// </para>
    /// </summary>
    public static class MacCommandTable
    {
        const MacCommandFlags Sticky = MacCommandFlags.StickyAnswer;
        const MacCommandFlags DeviceStarts = MacCommandFlags.DeviceInitiated;
        const MacCommandFlags IndConf = MacCommandFlags.DeviceInitiated | MacCommandFlags.RepeatUntilConf;
        const MacCommandFlags B = MacCommandFlags.ClassB;

        /// <summary>The rows, in CID order; built on the first call (a new table then, the same one after).</summary>
        public static MacCommandInfo[] All => _all ?? (_all = Declare());

        static MacCommandInfo[] _all;

        // Per CID (0 .. Cid.DeviceMode): uplink payload length + 1, downlink payload length + 1 (0: no such form), flags.
        const int RowBytes = 3;
        static readonly byte[] Rows = BuildRows();

        static MacCommandInfo[] Declare()
        {
            return new MacCommandInfo[]
            {
                //                 CID                    uplink form (device → network)  downlink form (network → device)
                new MacCommandInfo(Cid.Reset,            "ResetInd", 1,            "ResetConf", 1,            IndConf, LoRaWanVersion.V1_1),
                new MacCommandInfo(Cid.LinkCheck,        "LinkCheckReq", 0,        "LinkCheckAns", 2,         DeviceStarts, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.LinkAdr,          "LinkADRAns", 1,          "LinkADRReq", 4,           MacCommandFlags.None, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.DutyCycle,        "DutyCycleAns", 0,        "DutyCycleReq", 1,         MacCommandFlags.None, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.RxParamSetup,     "RXParamSetupAns", 1,     "RXParamSetupReq", 4,      Sticky, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.DevStatus,        "DevStatusAns", 2,        "DevStatusReq", 0,         MacCommandFlags.None, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.NewChannel,       "NewChannelAns", 1,       "NewChannelReq", 5,        MacCommandFlags.None, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.RxTimingSetup,    "RXTimingSetupAns", 0,    "RXTimingSetupReq", 1,     Sticky, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.TxParamSetup,     "TXParamSetupAns", 0,     "TXParamSetupReq", 1,      Sticky, LoRaWanVersion.V1_0_2),
                new MacCommandInfo(Cid.DlChannel,        "DlChannelAns", 1,        "DlChannelReq", 4,         Sticky, LoRaWanVersion.V1_0_2),
                new MacCommandInfo(Cid.Rekey,            "RekeyInd", 1,            "RekeyConf", 1,            IndConf, LoRaWanVersion.V1_1),
                new MacCommandInfo(Cid.AdrParamSetup,    "ADRParamSetupAns", 0,    "ADRParamSetupReq", 1,     MacCommandFlags.None, LoRaWanVersion.V1_1),
                new MacCommandInfo(Cid.DeviceTime,       "DeviceTimeReq", 0,       "DeviceTimeAns", 5,        DeviceStarts, LoRaWanVersion.V1_0_3),
                new MacCommandInfo(Cid.ForceRejoin,      null, -1,                 "ForceRejoinReq", 2,       MacCommandFlags.None, LoRaWanVersion.V1_1),
                new MacCommandInfo(Cid.RejoinParamSetup, "RejoinParamSetupAns", 1, "RejoinParamSetupReq", 1,  MacCommandFlags.None, LoRaWanVersion.V1_1),
                new MacCommandInfo(Cid.PingSlotInfo,     "PingSlotInfoReq", 1,     "PingSlotInfoAns", 0,      DeviceStarts | B, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.PingSlotChannel,  "PingSlotChannelAns", 1,  "PingSlotChannelReq", 4,   Sticky | B, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.BeaconTiming,     "BeaconTimingReq", 0,     "BeaconTimingAns", 3,      DeviceStarts | B | MacCommandFlags.Deprecated, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.BeaconFreq,       "BeaconFreqAns", 1,       "BeaconFreqReq", 3,        B, LoRaWanVersion.V1_0),
                new MacCommandInfo(Cid.DeviceMode,       "DeviceModeInd", 1,       "DeviceModeConf", 1,       IndConf | MacCommandFlags.ClassC, LoRaWanVersion.V1_1),
            };
        }

        static byte[] BuildRows()
        {
            var rows = new byte[(Cid.DeviceMode + 1) * RowBytes];
            MacCommandInfo[] all = Declare();
            for (int i = 0; i < all.Length; i++)
            {
                int at = all[i].Cid * RowBytes;
                rows[at] = (byte)(all[i].UplinkLength + 1);
                rows[at + 1] = (byte)(all[i].DownlinkLength + 1);
                rows[at + 2] = (byte)all[i].Flags;
            }
            return rows;
        }

        /// <summary>The row of <paramref name="cid"/>, or null for an unknown (or proprietary 0x80..0xFF) CID.</summary>
        public static MacCommandInfo Find(int cid)
        {
            MacCommandInfo[] all = All;
            for (int i = 0; i < all.Length; i++) if (all[i].Cid == cid) return all[i];
            return null;
        }

        /// <summary>
        /// Payload length after the CID of <paramref name="cid"/> in the given direction, or -1 when the CID is
        /// unknown or has no form in that direction.
        /// </summary>
        public static int PayloadLength(int cid, bool downlink)
        {
            if (cid < 0 || cid > Cid.DeviceMode) return -1;
            return Rows[cid * RowBytes + (downlink ? 1 : 0)] - 1;
        }

        /// <summary>
        /// True when the device's answer to <paramref name="cid"/> is sticky: repeated in every uplink until a Class A
        /// downlink is received (LoRaWAN 1.0.4 §5: RXParamSetupAns, RXTimingSetupAns, TXParamSetupAns, DlChannelAns).
        /// False for an unknown CID.
        /// </summary>
        public static bool IsStickyAnswer(int cid)
        {
            if (cid < 0 || cid > Cid.DeviceMode) return false;
            return (Rows[cid * RowBytes + 2] & (int)MacCommandFlags.StickyAnswer) != 0;
        }
    }
}
