using System;

namespace LoRaWan.Frames
{
    /// <summary>
    /// A Join-accept after decryption (LoRaWAN 1.0.4 §6.2.6, 1.1 §6.2.3):
    /// <code>MHDR(1) | JoinNonce(3) | NetID(3) | DevAddr(4) | DLSettings(1) | RxDelay(1) | [CFList(16)] | MIC(4)</code>
    /// = 17 or 33 bytes. On air everything after MHDR is encrypted; decrypt it first (the crypto layer),
    /// then <see cref="Read"/> the plaintext. JoinNonce was called AppNonce before 1.0.4/1.1.
    /// DLSettings: bit 7 OptNeg (1.1; RFU in 1.0.x), bits 6..4 RX1DROffset, bits 3..0 RX2DataRate.
    /// RxDelay: bits 3..0 Del (0 means 1 s, as in RXTimingSetupReq), bits 7..4 RFU.
    /// </summary>
    public sealed class JoinAcceptFrame
    {
        /// <summary>Length without CFList.</summary>
        public const int LengthWithoutCfList = 17;

        /// <summary>Length with the 16-byte CFList.</summary>
        public const int LengthWithCfList = 33;

        /// <summary>Index of the CFList from the frame start, when present.</summary>
        public const int CfListIndex = 13;

        int _cfListOffset;

        /// <summary>JoinNonce (AppNonce in 1.0.x), 24 bits.</summary>
        public uint JoinNonce { get; set; }

        /// <summary>NetID, 24 bits.</summary>
        public uint NetId { get; set; }

        /// <summary>The device address assigned by the network (0x012CCDE7 is shown as 012CCDE7).</summary>
        public uint DevAddr { get; set; }

        /// <summary>DLSettings bit 7: the network speaks LoRaWAN 1.1 (OptNeg); always false from a 1.0.x network.</summary>
        public bool OptNeg { get; set; }

        /// <summary>DLSettings bits 6..4: RX1DROffset.</summary>
        public int Rx1DrOffset { get; set; }

        /// <summary>DLSettings bits 3..0: the RX2 data rate.</summary>
        public int Rx2DataRate { get; set; }

        /// <summary>RxDelay bits 3..0 (Del) as on air; see <see cref="RxDelaySeconds"/>.</summary>
        public int RxDelay { get; set; }

        /// <summary>RECEIVE_DELAY1 in seconds: Del, with 0 meaning 1 (§5.7 Table 45).</summary>
        public int RxDelaySeconds => RxDelay == 0 ? 1 : RxDelay;

        /// <summary>True when the frame carried a CFList (33 bytes).</summary>
        public bool HasCfList { get; private set; }

        /// <summary>Absolute index of the CFList in the buffer last read (valid when <see cref="HasCfList"/>).</summary>
        public int CfListOffset => _cfListOffset;

        /// <summary>The CFListType byte (last CFList byte): 0 = frequencies, 1 = channel masks (RP002 §2.x); -1 without CFList.</summary>
        public int CfListType { get; private set; }

        /// <summary>The MIC of the frame last read.</summary>
        public uint Mic { get; private set; }

        /// <summary>The DLSettings octet built from <see cref="OptNeg"/>, <see cref="Rx1DrOffset"/> and <see cref="Rx2DataRate"/>.</summary>
        public byte DlSettings => (byte)((OptNeg ? 0x80 : 0) | ((Rx1DrOffset & 0x07) << 4) | (Rx2DataRate & 0x0F));

        /// <summary>
        /// Parses a decrypted Join-accept: <see cref="FrameResult.JoinAcceptWrongLength"/> unless 17 or 33 bytes.
        /// The CFList is exposed by offset and type; read it with <see cref="CfList"/>. Never throws.
        /// </summary>
        public FrameResult Read(byte[] buffer, int offset, int length)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length) return FrameResult.InvalidArgument;
            if (length < 1) return FrameResult.TooShort;
            byte mhdr = buffer[offset];
            if ((mhdr & 0x03) != Mhdr.MajorLoRaWanR1) return FrameResult.WrongMajor;
            if ((MType)(mhdr >> 5) != MType.JoinAccept) return FrameResult.UnexpectedMType;
            if (length != LengthWithoutCfList && length != LengthWithCfList) return FrameResult.JoinAcceptWrongLength;
            JoinNonce = LittleEndian.ReadUInt24(buffer, offset + 1);
            NetId = LittleEndian.ReadUInt24(buffer, offset + 4);
            DevAddr = LittleEndian.ReadUInt32(buffer, offset + 7);
            int dl = buffer[offset + 11];
            OptNeg = (dl & 0x80) != 0;
            Rx1DrOffset = (dl >> 4) & 0x07;
            Rx2DataRate = dl & 0x0F;
            RxDelay = buffer[offset + 12] & 0x0F;
            HasCfList = length == LengthWithCfList;
            _cfListOffset = offset + CfListIndex;
            CfListType = HasCfList ? buffer[offset + CfListIndex + CfList.Length - 1] : -1;
            Mic = LittleEndian.ReadMic(buffer, offset + length - 4);
            return FrameResult.Ok;
        }

        /// <summary>
        /// Writes the plaintext Join-accept from the properties, with the 16-byte CFList copied from
        /// <paramref name="cfList"/> at <paramref name="cfListOffset"/> when it is not null, and 4 zero MIC bytes.
        /// Returns 17 or 33, or 0 when the buffer has no room. Then compute the MIC over all but the last
        /// 4 bytes, store it, and encrypt bytes 1.. (the network side does that; the device only decrypts).
        /// </summary>
        public int Write(byte[] buffer, int offset, byte[] cfList, int cfListOffset)
        {
            bool withCfList = cfList != null;
            int length = withCfList ? LengthWithCfList : LengthWithoutCfList;
            if (buffer == null || offset < 0 || offset > buffer.Length - length) return 0;
            if (withCfList && (cfListOffset < 0 || cfListOffset > cfList.Length - CfList.Length)) return 0;
            buffer[offset] = Mhdr.Build(MType.JoinAccept);
            LittleEndian.WriteUInt24(buffer, offset + 1, JoinNonce);
            LittleEndian.WriteUInt24(buffer, offset + 4, NetId);
            LittleEndian.WriteUInt32(buffer, offset + 7, DevAddr);
            buffer[offset + 11] = DlSettings;
            buffer[offset + 12] = (byte)(RxDelay & 0x0F);
            if (withCfList) Array.Copy(cfList, cfListOffset, buffer, offset + CfListIndex, CfList.Length);
            LittleEndian.WriteMic(buffer, offset + length - 4, 0);
            HasCfList = withCfList;
            _cfListOffset = offset + CfListIndex;
            CfListType = withCfList ? buffer[offset + CfListIndex + CfList.Length - 1] : -1;
            return length;
        }
    }
}
