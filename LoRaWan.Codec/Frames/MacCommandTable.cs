namespace LoRaWan.Frames
{
    /// <summary>
    /// Every MAC command this stack knows, declared once: CID, the name and payload length of each
    /// direction (-1 = that direction does not exist), flags (sticky answer, repeat until conf, who
    /// starts, class) and the specification version that introduced it. Sources: LoRaWAN 1.0.4 §5
    /// (the command list and each payload table), LoRaWAN 1.1 §5, the Class B
    /// and Class C chapters. Parsers and the MAC look lengths up here; nothing else switches on CIDs
    /// to find a length.
    /// </summary>
    public static class MacCommandTable
    {
        const MacCommandFlags Sticky = MacCommandFlags.StickyAnswer;
        const MacCommandFlags DeviceStarts = MacCommandFlags.DeviceInitiated;
        const MacCommandFlags IndConf = MacCommandFlags.DeviceInitiated | MacCommandFlags.RepeatUntilConf;
        const MacCommandFlags B = MacCommandFlags.ClassB;

        /// <summary>The rows, in CID order.</summary>
        public static readonly MacCommandInfo[] All = new MacCommandInfo[]
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

        // Direct index by CID (all known CIDs are below 0x21): one array load instead of a search per command.
        static readonly MacCommandInfo[] ByCid = BuildIndex();

        static MacCommandInfo[] BuildIndex()
        {
            var index = new MacCommandInfo[Cid.DeviceMode + 1];
            for (int i = 0; i < All.Length; i++) index[All[i].Cid] = All[i];
            return index;
        }

        /// <summary>The row of <paramref name="cid"/>, or null for an unknown (or proprietary 0x80..0xFF) CID.</summary>
        public static MacCommandInfo Find(int cid)
        {
            MacCommandInfo[] index = ByCid;
            return cid >= 0 && cid < index.Length ? index[cid] : null;
        }

        /// <summary>
        /// Payload length after the CID of <paramref name="cid"/> in the given direction, or -1 when the CID is
        /// unknown or has no form in that direction.
        /// </summary>
        public static int PayloadLength(int cid, bool downlink)
        {
            MacCommandInfo info = Find(cid);
            return info == null ? -1 : info.PayloadLength(downlink);
        }
    }
}
