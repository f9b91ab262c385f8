namespace LoRaWan.Certification
{
    /// <summary>
    /// Command identifiers of the LoRaWAN Certification Protocol, package identifier 6, version 1 (TS009-1.0.0 §5;
    /// the same values as LoRaMac-node's LmhpCompliance and RadioLib's LoRaWANPackageTS009). The first byte of every
    /// FPort 224 FRMPayload; an answer carries its request's identifier.
    /// </summary>
    public static class CertificationCommand
    {
        /// <summary>PackageIdentifier of the certification protocol (TS009 §5.1).</summary>
        public const byte Identifier = 6;
        /// <summary>PackageVersion implemented here (TS009 §5.1).</summary>
        public const byte Version = 1;

        /// <summary>PackageVersionReq / PackageVersionAns (TS009 §5.1).</summary>
        public const byte PackageVersionReq = 0x00;
        /// <summary>DutResetReq (TS009 §5.2).</summary>
        public const byte DutResetReq = 0x01;
        /// <summary>DutJoinReq (TS009 §5.3).</summary>
        public const byte DutJoinReq = 0x02;
        /// <summary>SwitchClassReq (TS009 §5.4).</summary>
        public const byte SwitchClassReq = 0x03;
        /// <summary>AdrBitChangeReq (TS009 §5.5).</summary>
        public const byte AdrBitChangeReq = 0x04;
        /// <summary>RegionalDutyCycleCtrlReq (TS009 §5.6).</summary>
        public const byte RegionalDutyCycleCtrlReq = 0x05;
        /// <summary>TxPeriodicityChangeReq (TS009 §5.7).</summary>
        public const byte TxPeriodicityChangeReq = 0x06;
        /// <summary>TxFramesCtrlReq (TS009 §5.8).</summary>
        public const byte TxFramesCtrlReq = 0x07;
        /// <summary>EchoPayloadReq / EchoPayloadAns (TS009 §5.9).</summary>
        public const byte EchoPayloadReq = 0x08;
        /// <summary>RxAppCntReq / RxAppCntAns (TS009 §5.10).</summary>
        public const byte RxAppCntReq = 0x09;
        /// <summary>RxAppCntResetReq (TS009 §5.10).</summary>
        public const byte RxAppCntResetReq = 0x0A;
        /// <summary>LinkCheckReq: send the LinkCheckReq MAC command (TS009 §5.11).</summary>
        public const byte LinkCheckReq = 0x20;
        /// <summary>DeviceTimeReq: send the DeviceTimeReq MAC command (TS009 §5.12).</summary>
        public const byte DeviceTimeReq = 0x21;
        /// <summary>PingSlotInfoReq: send the PingSlotInfoReq MAC command (TS009 §5.13; Class B, not supported here).</summary>
        public const byte PingSlotInfoReq = 0x22;
        /// <summary>TxCwReq: transmit a continuous wave (TS009 §5.14).</summary>
        public const byte TxCwReq = 0x7D;
        /// <summary>DutFPort224DisableReq (TS009 §5.15).</summary>
        public const byte DutFPort224DisableReq = 0x7E;
        /// <summary>DutVersionsReq / DutVersionsAns (TS009 §5.16).</summary>
        public const byte DutVersionsReq = 0x7F;
    }
}
