namespace LoRaWan.Frames
{
    /// <summary>
    /// A LoRaWAN 1.1 Rejoin-request (§6.2.4), sent in clear with MType 110:
    /// <code>
    /// type 0 or 2: MHDR(1) | RejoinType(1) | NetID(3) | DevEUI(8) | RJcount0(2) | MIC(4)  = 19 bytes
    /// type 1:      MHDR(1) | RejoinType(1) | JoinEUI(8) | DevEUI(8) | RJcount1(2) | MIC(4) = 24 bytes
    /// </code>
    /// A device only writes these; the network (and the CLI) reads them. Reusable view, no allocation.
    /// </summary>
    public sealed class RejoinRequestFrame
    {
        /// <summary>Length of a type 0 or type 2 Rejoin-request.</summary>
        public const int LengthType02 = 19;

        /// <summary>Length of a type 1 Rejoin-request.</summary>
        public const int LengthType1 = 24;

        /// <summary>RejoinType 0, 1 or 2.</summary>
        public int RejoinType { get; set; }

        /// <summary>NetID (types 0 and 2; 0 for type 1).</summary>
        public uint NetId { get; set; }

        /// <summary>JoinEUI (type 1; 0 for types 0 and 2).</summary>
        public ulong JoinEui { get; set; }

        /// <summary>DevEUI.</summary>
        public ulong DevEui { get; set; }

        /// <summary>RJcount0 (types 0/2) or RJcount1 (type 1).</summary>
        public ushort RjCount { get; set; }

        /// <summary>The MIC of the frame last read.</summary>
        public uint Mic { get; private set; }

        /// <summary>Parses a Rejoin-request; checks Major, MType, the type byte and the length for that type. Never throws.</summary>
        public FrameResult Read(byte[] buffer, int offset, int length)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length) return FrameResult.InvalidArgument;
            if (length < 1) return FrameResult.TooShort;
            byte mhdr = buffer[offset];
            if ((mhdr & 0x03) != Mhdr.MajorLoRaWanR1) return FrameResult.WrongMajor;
            if ((MType)(mhdr >> 5) != MType.RejoinRequest) return FrameResult.UnexpectedMType;
            if (length < 2) return FrameResult.TooShort;
            int type = buffer[offset + 1];
            if (type > 2) return FrameResult.RfuRejoinType;
            int expected = type == 1 ? LengthType1 : LengthType02;
            if (length != expected) return FrameResult.RejoinRequestWrongLength;
            RejoinType = type;
            int p = offset + 2;
            if (type == 1)
            {
                NetId = 0;
                JoinEui = LittleEndian.ReadUInt64(buffer, p);
                p += 8;
            }
            else
            {
                NetId = LittleEndian.ReadUInt24(buffer, p);
                JoinEui = 0;
                p += 3;
            }
            DevEui = LittleEndian.ReadUInt64(buffer, p);
            RjCount = LittleEndian.ReadUInt16(buffer, p + 8);
            Mic = LittleEndian.ReadMic(buffer, p + 10);
            return FrameResult.Ok;
        }

        /// <summary>
        /// Writes a Rejoin-request of <see cref="RejoinType"/> from the properties with 4 zero MIC bytes; returns its
        /// length (19 or 24), or 0 when the type is not 0..2 or the buffer has no room.
        /// </summary>
        public int Write(byte[] buffer, int offset)
        {
            int type = RejoinType;
            if (type < 0 || type > 2) return 0;
            int length = type == 1 ? LengthType1 : LengthType02;
            if (buffer == null || offset < 0 || offset > buffer.Length - length) return 0;
            buffer[offset] = Mhdr.Build(MType.RejoinRequest);
            buffer[offset + 1] = (byte)type;
            int p = offset + 2;
            if (type == 1)
            {
                LittleEndian.WriteUInt64(buffer, p, JoinEui);
                p += 8;
            }
            else
            {
                LittleEndian.WriteUInt24(buffer, p, NetId);
                p += 3;
            }
            LittleEndian.WriteUInt64(buffer, p, DevEui);
            LittleEndian.WriteUInt16(buffer, p + 8, RjCount);
            LittleEndian.WriteMic(buffer, p + 10, 0);
            return length;
        }
    }
}
