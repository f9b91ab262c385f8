using System;

namespace LoRaWan.Frames
{
    /// <summary>
    /// A data frame (Unconfirmed/Confirmed Data Up/Down), as a reusable view over the caller's buffer
    /// (LoRaWAN 1.0.4 §4.3, 1.1 §4.3):
    /// <code>
    /// PHYPayload = MHDR(1) | FHDR | [FPort(1) | FRMPayload] | MIC(4)
    /// FHDR       = DevAddr(4, little-endian) | FCtrl(1) | FCnt(2, little-endian) | FOpts(0..15)
    /// </code>
    /// <see cref="Read"/> fills the view with field values and offsets into the buffer and allocates
    /// nothing; the FOpts and FRMPayload bytes stay where they are (still encrypted as received).
    /// <see cref="Write"/> builds a frame from the header fields (<see cref="MType"/> … <see cref="FPort"/>: plain fields,
    /// issue 20: two calls each per uplink as auto-properties), leaves the MIC slot zero and then describes
    /// the frame it wrote, so the crypto layer can encrypt <see cref="FrmPayloadOffset"/> in place and
    /// store the MIC with <see cref="SetMic"/>. Create one per direction and reuse it.
    /// </summary>
    public sealed class DataFrame
    {
        /// <summary>The value of <see cref="FPort"/> when the frame carries no FPort (and so no FRMPayload).</summary>
        public const int NoPort = -1;

        /// <summary>Smallest data frame: MHDR(1) + DevAddr(4) + FCtrl(1) + FCnt(2) + MIC(4).</summary>
        public const int MinLength = 12;

        /// <summary>Bytes of a PHYPayload that are not MACPayload: MHDR and MIC.</summary>
        public const int Overhead = 5;

        /// <summary>Largest FOpts field: FOptsLen is 4 bits (§4.3.1.6).</summary>
        public const int MaxFOptsLength = 15;

        const int FhdrOffset = 1;
        const int FixedFhdrLength = 7;
        const int MicLength = 4;

        byte[] _buffer;
        int _offset;
        int _length;

        /// <summary>Creates an empty view; <see cref="FPort"/> starts as <see cref="NoPort"/>.</summary>
        public DataFrame()
        {
            FPort = NoPort;
            MType = MType.UnconfirmedDataUp;
        }

        /// <summary>The buffer of the last frame read or written.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Where the PHYPayload starts in <see cref="Buffer"/>.</summary>
        public int Offset => _offset;

        /// <summary>PHYPayload length including MHDR and MIC.</summary>
        public int Length => _length;

        /// <summary>The message type; one of the four data types.</summary>
        public MType MType;

        /// <summary>True for Unconfirmed/Confirmed Data Down.</summary>
        public bool IsDownlink => MType == MType.UnconfirmedDataDown || MType == MType.ConfirmedDataDown;

        /// <summary>True for Confirmed Data Up/Down.</summary>
        public bool IsConfirmed => MType == MType.ConfirmedDataUp || MType == MType.ConfirmedDataDown;

        /// <summary>DevAddr as a number (the way the console shows it, e.g. 0x49BE7DF1); little-endian on air.</summary>
        public uint DevAddr;

        /// <summary>FCtrl bit 7, both directions.</summary>
        public bool Adr;

        /// <summary>FCtrl bit 6, uplink only (RFU downlink: read as false, never written).</summary>
        public bool AdrAckReq;

        /// <summary>FCtrl bit 5, both directions.</summary>
        public bool Ack;

        /// <summary>FCtrl bit 4 of an uplink (read as false for downlinks, never written to them).</summary>
        public bool ClassB;

        /// <summary>FCtrl bit 4 of a downlink (read as false for uplinks, never written to them).</summary>
        public bool FPending;

        /// <summary>The 16 low bits of the frame counter as on air.</summary>
        public ushort FCnt;

        /// <summary>FPort 0..255, or <see cref="NoPort"/> when absent.</summary>
        public int FPort;

        // What Read and Write found or wrote, in plain fields they store directly (issue 20: six auto-property setters were
        // six calls per frame, each ≈ 600 x86 on nanoCLR with its body); the public getters below read them.
        byte _fctrl;
        int _foptsOffset;
        int _foptsLength;
        int _payloadOffset;
        int _payloadLength;
        int _micOffset;

        /// <summary>The raw FCtrl octet of the last frame read or written (including FOptsLen).</summary>
        public byte FCtrlByte => _fctrl;

        /// <summary>Absolute index of FOpts in <see cref="Buffer"/>.</summary>
        public int FOptsOffset => _foptsOffset;

        /// <summary>FOptsLen: 0..15.</summary>
        public int FOptsLength => _foptsLength;

        /// <summary>Absolute index of FRMPayload in <see cref="Buffer"/> (valid when <see cref="FrmPayloadLength"/> &gt; 0).</summary>
        public int FrmPayloadOffset => _payloadOffset;

        /// <summary>FRMPayload length; 0 when FPort is absent (or present with an empty payload).</summary>
        public int FrmPayloadLength => _payloadLength;

        /// <summary>Absolute index of the 4 MIC bytes in <see cref="Buffer"/>.</summary>
        public int MicOffset => _micOffset;

        /// <summary>The number of bytes the MIC covers: MHDR .. end of FRMPayload (= <see cref="Length"/> - 4).</summary>
        public int MicInputLength => _length - MicLength;

        /// <summary>The MIC as a word, byte 0 (first on air) in bits 31..24.</summary>
        public uint Mic => LittleEndian.ReadMic(_buffer, _micOffset);

        /// <summary>
        /// Parses <paramref name="length"/> bytes at <paramref name="offset"/> as a data frame of either direction.
        /// Checks, in order: arguments, Major, MType, minimum length, the caller's maximum, FOptsLen against
        /// what remains, FPort 0 with FOpts. <paramref name="maxMacPayloadSize"/> is M of the regional
        /// parameters (MACPayload = PHYPayload minus MHDR and MIC) for the data rate; 0 or less skips that check.
        /// The properties are meaningful only when the result is <see cref="FrameResult.Ok"/>. Never throws.
        /// </summary>
        public FrameResult Read(byte[] buffer, int offset, int length, int maxMacPayloadSize)
        {
            _length = 0;
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length) return FrameResult.InvalidArgument;
            if (length < 1) return FrameResult.TooShort;
            byte mhdr = buffer[offset];
            // LoRaWAN 1.0.4 §4.2.2: a frame whose Major is not understood is dropped.
            if ((mhdr & 0x03) != Mhdr.MajorLoRaWanR1) return FrameResult.WrongMajor;
            MType mtype = (MType)(mhdr >> 5);
            if (mtype < MType.UnconfirmedDataUp || mtype > MType.ConfirmedDataDown) return FrameResult.UnexpectedMType;
            if (length < MinLength) return FrameResult.TooShort;
            if (maxMacPayloadSize > 0 && length - Overhead > maxMacPayloadSize) return FrameResult.TooLong;

            int p = offset + FhdrOffset;
            byte fctrl = buffer[p + 4];
            int foptsLength = fctrl & FCtrl.FOptsLenMask;
            // §4.3.1: FOpts sits between FCnt and the MIC; a FOptsLen reaching into the MIC is malformed.
            int afterFhdr = p + FixedFhdrLength + foptsLength;
            int micOffset = offset + length - MicLength;
            if (afterFhdr > micOffset) return FrameResult.FOptsTooLong;

            int fport = NoPort;
            int payloadOffset = afterFhdr;
            int payloadLength = 0;
            if (afterFhdr < micOffset)
            {
                // §4.3.2: the port field is present whenever anything follows FHDR.
                fport = buffer[afterFhdr];
                payloadOffset = afterFhdr + 1;
                payloadLength = micOffset - payloadOffset;
                // §4.3.1.6: MAC commands cannot be in FOpts and FRMPayload (FPort 0) at the same time.
                if (fport == 0 && foptsLength > 0) return FrameResult.FOptsWithPortZero;
            }

            bool down = mtype == MType.UnconfirmedDataDown || mtype == MType.ConfirmedDataDown;
            _buffer = buffer;
            _offset = offset;
            _length = length;
            MType = mtype;
            DevAddr = LittleEndian.ReadUInt32(buffer, p);
            _fctrl = fctrl;
            Adr = (fctrl & FCtrl.Adr) != 0;
            Ack = (fctrl & FCtrl.Ack) != 0;
            AdrAckReq = !down && (fctrl & FCtrl.AdrAckReq) != 0;
            ClassB = !down && (fctrl & FCtrl.ClassB) != 0;
            FPending = down && (fctrl & FCtrl.FPending) != 0;
            FCnt = LittleEndian.ReadUInt16(buffer, p + 5);
            _foptsOffset = p + FixedFhdrLength;
            _foptsLength = foptsLength;
            FPort = fport;
            _payloadOffset = payloadOffset;
            _payloadLength = payloadLength;
            _micOffset = micOffset;
            return FrameResult.Ok;
        }

        /// <summary>
        /// Writes a data frame from <see cref="MType"/>, <see cref="DevAddr"/>, the FCtrl flags that belong to
        /// the direction, <see cref="FCnt"/> and <see cref="FPort"/>, followed by <paramref name="foptsLength"/>
        /// FOpts bytes and <paramref name="payloadLength"/> FRMPayload bytes copied as given (encrypt them
        /// afterwards in place, or pass them already encrypted), and 4 zero bytes for the MIC. On
        /// <see cref="FrameResult.Ok"/> the view describes the frame written (<see cref="Length"/>,
        /// <see cref="FrmPayloadOffset"/>, <see cref="MicOffset"/>). Never throws; a null array is allowed with length 0.
        /// </summary>
        public FrameResult Write(byte[] buffer, int offset, byte[] fopts, int foptsOffset, int foptsLength,
            byte[] payload, int payloadOffset, int payloadLength)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length) return FrameResult.InvalidArgument;
            MType mtype = MType;
            if (mtype < MType.UnconfirmedDataUp || mtype > MType.ConfirmedDataDown) return FrameResult.UnexpectedMType;
            if (foptsLength < 0 || payloadLength < 0) return FrameResult.InvalidArgument;
            if (foptsLength > MaxFOptsLength) return FrameResult.FOptsTooLong;
            if (foptsLength > 0 && (fopts == null || foptsOffset < 0 || foptsOffset > fopts.Length - foptsLength)) return FrameResult.InvalidArgument;
            if (payloadLength > 0 && (payload == null || payloadOffset < 0 || payloadOffset > payload.Length - payloadLength)) return FrameResult.InvalidArgument;
            int fport = FPort;
            if (fport < NoPort || fport > 255) return FrameResult.InvalidArgument;
            if (fport == NoPort && payloadLength > 0) return FrameResult.PayloadWithoutPort;
            if (fport == 0 && foptsLength > 0) return FrameResult.FOptsWithPortZero;
            int total = MinLength + foptsLength + (fport == NoPort ? 0 : 1) + payloadLength;
            if (total > buffer.Length - offset) return FrameResult.BufferTooSmall;

            bool down = mtype == MType.UnconfirmedDataDown || mtype == MType.ConfirmedDataDown;
            int fctrl = foptsLength;
            if (Adr) fctrl |= FCtrl.Adr;
            if (Ack) fctrl |= FCtrl.Ack;
            if (down) { if (FPending) fctrl |= FCtrl.FPending; }
            else { if (AdrAckReq) fctrl |= FCtrl.AdrAckReq; if (ClassB) fctrl |= FCtrl.ClassB; }

            // MHDR (Mhdr.Build), DevAddr and FCnt little-endian (LittleEndian.WriteUInt32/16), written here without the three
            // calls (issue 20: a static call ≈ 363 x86 on nanoCLR, more than the stores it makes).
            buffer[offset] = (byte)((int)mtype << 5);
            int p = offset + FhdrOffset;
            uint devAddr = DevAddr;
            buffer[p] = (byte)devAddr; buffer[p + 1] = (byte)(devAddr >> 8); buffer[p + 2] = (byte)(devAddr >> 16); buffer[p + 3] = (byte)(devAddr >> 24);
            buffer[p + 4] = (byte)fctrl;
            int fcnt = FCnt;
            buffer[p + 5] = (byte)fcnt; buffer[p + 6] = (byte)(fcnt >> 8);
            p += FixedFhdrLength;
            if (foptsLength > 0) Array.Copy(fopts, foptsOffset, buffer, p, foptsLength);
            int foptsAt = p;
            p += foptsLength;
            if (fport != NoPort) buffer[p++] = (byte)fport;
            if (payloadLength > 0) Array.Copy(payload, payloadOffset, buffer, p, payloadLength);
            int payloadAt = p;
            p += payloadLength;
            buffer[p] = 0; buffer[p + 1] = 0; buffer[p + 2] = 0; buffer[p + 3] = 0;

            _buffer = buffer;
            _offset = offset;
            _length = total;
            _fctrl = (byte)fctrl;
            if (down) { AdrAckReq = false; ClassB = false; } else FPending = false;
            _foptsOffset = foptsAt;
            _foptsLength = foptsLength;
            _payloadOffset = payloadAt;
            _payloadLength = payloadLength;
            _micOffset = p;
            return FrameResult.Ok;
        }

        /// <summary>Stores <paramref name="mic"/> (byte 0 in bits 31..24) in the MIC slot of the frame last read or written.</summary>
        public void SetMic(uint mic)
        {
            LittleEndian.WriteMic(_buffer, _micOffset, mic);
        }
    }
}
