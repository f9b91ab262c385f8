using System;

namespace LoRaWan.Frames
{
    /// <summary>
    /// Entry points over a whole PHYPayload = MHDR | MACPayload | MIC (LoRaWAN 1.0.4 §4.1, 1.1 §4.1): classify
    /// by MHDR, dispatch to the reader of the type, pass Proprietary frames through. Everything here works
    /// on the caller's buffer, allocates nothing and never throws on radio input.
    /// </summary>
    public static class PhyPayload
    {
        /// <summary>Size of the MIC field.</summary>
        public const int MicLength = 4;

        /// <summary>Largest LoRa PHY payload the SX127x can carry (RegPayloadLength is one byte).</summary>
        public const int MaxLength = 255;

        /// <summary>
        /// Reads MHDR only: <see cref="FrameResult.Ok"/> with the <paramref name="mtype"/>, or InvalidArgument,
        /// TooShort (empty) or WrongMajor (§4.2.2: Major other than LoRaWAN R1 is not understood).
        /// </summary>
        public static FrameResult ReadHeader(byte[] buffer, int offset, int length, out MType mtype)
        {
            mtype = MType.Proprietary;
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length) return FrameResult.InvalidArgument;
            if (length < 1) return FrameResult.TooShort;
            byte mhdr = buffer[offset];
            mtype = (MType)(mhdr >> 5);
            if ((mhdr & 0x03) != Mhdr.MajorLoRaWanR1) return FrameResult.WrongMajor;
            return FrameResult.Ok;
        }

        /// <summary>
        /// The device's receive path. Data Down fills <paramref name="data"/> (see <see cref="DataFrame.Read"/>);
        /// a Join-accept is only length-checked (17 or 33) because its fields are encrypted — decrypt it and use
        /// <see cref="JoinAcceptFrame.Read"/>; Proprietary is accepted as is (body = the bytes after MHDR).
        /// Uplink types give <see cref="FrameResult.WrongDirection"/>, MType 110 <see cref="FrameResult.RfuMType"/>.
        /// <paramref name="maxMacPayloadSize"/>: M of the region for the RX data rate (0 = no limit).
        /// </summary>
        public static FrameResult ReadDownlink(byte[] buffer, int offset, int length, int maxMacPayloadSize, DataFrame data, out MType mtype)
        {
            FrameResult r = ReadHeader(buffer, offset, length, out mtype);
            if (r != FrameResult.Ok) return r;
            switch (mtype)
            {
                case MType.JoinAccept:
                    return length == JoinAcceptFrame.LengthWithoutCfList || length == JoinAcceptFrame.LengthWithCfList
                        ? FrameResult.Ok : FrameResult.JoinAcceptWrongLength;
                case MType.UnconfirmedDataDown:
                case MType.ConfirmedDataDown:
                    if (data == null) return FrameResult.InvalidArgument;
                    return data.Read(buffer, offset, length, maxMacPayloadSize);
                case MType.Proprietary:
                    return FrameResult.Ok;
                case MType.RejoinRequest:
                    // 110 is RFU in 1.0.x and an uplink-only Rejoin-request in 1.1: never valid for a device to receive.
                    return FrameResult.RfuMType;
                default:
                    return FrameResult.WrongDirection;
            }
        }

        /// <summary>
        /// The network's receive path: Data Up fills <paramref name="data"/>, a Join-request <paramref name="joinRequest"/>,
        /// a Rejoin-request <paramref name="rejoinRequest"/> (pass null for a LoRaWAN 1.0.x network: MType 110 is then
        /// <see cref="FrameResult.RfuMType"/>); Proprietary is accepted as is; downlink types give WrongDirection.
        /// </summary>
        public static FrameResult ReadUplink(byte[] buffer, int offset, int length, int maxMacPayloadSize, DataFrame data,
            JoinRequestFrame joinRequest, RejoinRequestFrame rejoinRequest, out MType mtype)
        {
            FrameResult r = ReadHeader(buffer, offset, length, out mtype);
            if (r != FrameResult.Ok) return r;
            switch (mtype)
            {
                case MType.JoinRequest:
                    if (joinRequest == null) return FrameResult.InvalidArgument;
                    return joinRequest.Read(buffer, offset, length);
                case MType.UnconfirmedDataUp:
                case MType.ConfirmedDataUp:
                    if (data == null) return FrameResult.InvalidArgument;
                    return data.Read(buffer, offset, length, maxMacPayloadSize);
                case MType.RejoinRequest:
                    if (rejoinRequest == null) return FrameResult.RfuMType;
                    return rejoinRequest.Read(buffer, offset, length);
                case MType.Proprietary:
                    return FrameResult.Ok;
                default:
                    return FrameResult.WrongDirection;
            }
        }

        /// <summary>
        /// Writes a Proprietary frame: MHDR 111 then <paramref name="bodyLength"/> bytes copied unchanged (any
        /// integrity check is the proprietary format's business). Returns 1 + bodyLength, or 0 when it does not fit.
        /// </summary>
        public static int WriteProprietary(byte[] buffer, int offset, byte[] body, int bodyOffset, int bodyLength)
        {
            if (buffer == null || offset < 0 || bodyLength < 0 || offset > buffer.Length - 1 - bodyLength) return 0;
            if (bodyLength > 0 && (body == null || bodyOffset < 0 || bodyOffset > body.Length - bodyLength)) return 0;
            buffer[offset] = Mhdr.Build(MType.Proprietary);
            if (bodyLength > 0) Array.Copy(body, bodyOffset, buffer, offset + 1, bodyLength);
            return 1 + bodyLength;
        }

        /// <summary>The last 4 bytes of a PHYPayload as a MIC word (byte 0 in bits 31..24); the caller checked length ≥ 5.</summary>
        public static uint ReadMic(byte[] buffer, int offset, int length)
        {
            return LittleEndian.ReadMic(buffer, offset + length - MicLength);
        }

        /// <summary>Stores a MIC word in the last 4 bytes of a PHYPayload of <paramref name="length"/> bytes.</summary>
        public static void WriteMic(byte[] buffer, int offset, int length, uint mic)
        {
            LittleEndian.WriteMic(buffer, offset + length - MicLength, mic);
        }
    }
}
