namespace LoRaWan.Frames
{
    /// <summary>
    /// MAC command identifiers (LoRaWAN 1.0.4 §5, 1.1 §5, the Class B and C chapters).
    /// 0x80..0xFF are reserved for proprietary extensions.
    /// </summary>
    public static class Cid
    {
        /// <summary>ResetInd / ResetConf (1.1, ABP devices).</summary>
        public const byte Reset = 0x01;
        /// <summary>LinkCheckReq / LinkCheckAns.</summary>
        public const byte LinkCheck = 0x02;
        /// <summary>LinkADRReq / LinkADRAns.</summary>
        public const byte LinkAdr = 0x03;
        /// <summary>DutyCycleReq / DutyCycleAns.</summary>
        public const byte DutyCycle = 0x04;
        /// <summary>RXParamSetupReq / RXParamSetupAns.</summary>
        public const byte RxParamSetup = 0x05;
        /// <summary>DevStatusReq / DevStatusAns.</summary>
        public const byte DevStatus = 0x06;
        /// <summary>NewChannelReq / NewChannelAns.</summary>
        public const byte NewChannel = 0x07;
        /// <summary>RXTimingSetupReq / RXTimingSetupAns.</summary>
        public const byte RxTimingSetup = 0x08;
        /// <summary>TXParamSetupReq / TXParamSetupAns (1.0.2).</summary>
        public const byte TxParamSetup = 0x09;
        /// <summary>DlChannelReq / DlChannelAns (1.0.2).</summary>
        public const byte DlChannel = 0x0A;
        /// <summary>RekeyInd / RekeyConf (1.1, OTAA devices).</summary>
        public const byte Rekey = 0x0B;
        /// <summary>ADRParamSetupReq / ADRParamSetupAns (1.1).</summary>
        public const byte AdrParamSetup = 0x0C;
        /// <summary>DeviceTimeReq / DeviceTimeAns (1.0.3).</summary>
        public const byte DeviceTime = 0x0D;
        /// <summary>ForceRejoinReq (1.1, no answer).</summary>
        public const byte ForceRejoin = 0x0E;
        /// <summary>RejoinParamSetupReq / RejoinParamSetupAns (1.1).</summary>
        public const byte RejoinParamSetup = 0x0F;
        /// <summary>PingSlotInfoReq / PingSlotInfoAns (Class B).</summary>
        public const byte PingSlotInfo = 0x10;
        /// <summary>PingSlotChannelReq / PingSlotChannelAns (Class B).</summary>
        public const byte PingSlotChannel = 0x11;
        /// <summary>BeaconTimingReq / BeaconTimingAns (Class B, deprecated).</summary>
        public const byte BeaconTiming = 0x12;
        /// <summary>BeaconFreqReq / BeaconFreqAns (Class B).</summary>
        public const byte BeaconFreq = 0x13;
        /// <summary>DeviceModeInd / DeviceModeConf (1.1 Class C).</summary>
        public const byte DeviceMode = 0x20;
    }
}
