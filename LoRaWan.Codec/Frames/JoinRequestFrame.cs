namespace LoRaWan.Frames
{
    /// <summary>
    /// A Join-request (LoRaWAN 1.0.4 §6.2.5, 1.1 §6.2.2), sent in clear:
    /// <code>MHDR(1) | JoinEUI(8) | DevEUI(8) | DevNonce(2) | MIC(4)</code> = 23 bytes, every field little-endian.
    /// EUIs are numbers here (0xAA13693363343639 is the JoinEUI the console shows as AA13693363343639).
    /// A reusable view: <see cref="Read"/> allocates nothing.
    /// </summary>
    public sealed class JoinRequestFrame
    {
        /// <summary>The only valid length.</summary>
        public const int Length = 23;

        /// <summary>Index of the MIC from the frame start.</summary>
        public const int MicIndex = 19;

        /// <summary>JoinEUI (called AppEUI before LoRaWAN 1.0.4).</summary>
        public ulong JoinEui { get; set; }

        /// <summary>DevEUI.</summary>
        public ulong DevEui { get; set; }

        /// <summary>DevNonce: a counter from 1.0.4/1.1 on, random in earlier versions.</summary>
        public ushort DevNonce { get; set; }

        /// <summary>The MIC of the frame last read (byte 0 in bits 31..24).</summary>
        public uint Mic { get; private set; }

        /// <summary>
        /// Parses a Join-request; <see cref="FrameResult.JoinRequestWrongLength"/> unless it is exactly 23 bytes.
        /// The properties are meaningful only on <see cref="FrameResult.Ok"/>. Never throws.
        /// </summary>
        public FrameResult Read(byte[] buffer, int offset, int length)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length) return FrameResult.InvalidArgument;
            if (length < 1) return FrameResult.TooShort;
            byte mhdr = buffer[offset];
            if ((mhdr & 0x03) != Mhdr.MajorLoRaWanR1) return FrameResult.WrongMajor;
            if ((MType)(mhdr >> 5) != MType.JoinRequest) return FrameResult.UnexpectedMType;
            if (length != Length) return FrameResult.JoinRequestWrongLength;
            JoinEui = LittleEndian.ReadUInt64(buffer, offset + 1);
            DevEui = LittleEndian.ReadUInt64(buffer, offset + 9);
            DevNonce = LittleEndian.ReadUInt16(buffer, offset + 17);
            Mic = LittleEndian.ReadMic(buffer, offset + MicIndex);
            return FrameResult.Ok;
        }

        /// <summary>
        /// Writes MHDR | JoinEUI | DevEUI | DevNonce from the properties and 4 zero MIC bytes; returns 23, or 0
        /// when the buffer has no room. The MIC covers the first 19 bytes: compute it and store it at
        /// offset + <see cref="MicIndex"/>.
        /// </summary>
        public int Write(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length - Length) return 0;
            buffer[offset] = Mhdr.Build(MType.JoinRequest);
            LittleEndian.WriteUInt64(buffer, offset + 1, JoinEui);
            LittleEndian.WriteUInt64(buffer, offset + 9, DevEui);
            LittleEndian.WriteUInt16(buffer, offset + 17, DevNonce);
            LittleEndian.WriteMic(buffer, offset + MicIndex, 0);
            return Length;
        }
    }
}
