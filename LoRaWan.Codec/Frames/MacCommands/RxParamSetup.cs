namespace LoRaWan.Frames
{
    /// <summary>
    /// RXParamSetupReq (network → device, LoRaWAN 1.0.4 §5.4, 1.1 §5.5):
    /// DLsettings(1) | Frequency(3, little-endian, 100 Hz units). DLsettings: bit 7 RFU, bits 6..4 RX1DROffset,
    /// bits 3..0 RX2DataRate.
    /// </summary>
    public static class RxParamSetupReq
    {
        /// <summary>RX1DROffset.</summary>
        public static int Rx1DrOffset(byte[] b, int p) { return (b[p] >> 4) & 0x07; }

        /// <summary>RX2 data rate.</summary>
        public static int Rx2DataRate(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>RX2 frequency in Hz.</summary>
        public static uint Frequency(byte[] b, int p) { return LittleEndian.ReadUInt24(b, p + 1) * 100; }

        /// <summary>Writes the 5-byte command (frequency in Hz, stored in 100 Hz units); returns 5 or 0.</summary>
        public static int Write(byte[] b, int offset, int rx1DrOffset, int rx2DataRate, uint frequencyHz)
        {
            if (!MacCommandWriter.Fits(b, offset, 5)) return 0;
            b[offset] = Cid.RxParamSetup;
            b[offset + 1] = (byte)(((rx1DrOffset & 0x07) << 4) | (rx2DataRate & 0x0F));
            LittleEndian.WriteUInt24(b, offset + 2, frequencyHz / 100);
            return 5;
        }
    }

    /// <summary>
    /// RXParamSetupAns (device → network): Status(1): bit 2 RX1DROffset ACK, bit 1 RX2 Data rate ACK, bit 0 Channel ACK.
    /// Sticky: repeated in every uplink until a Class A downlink is received.
    /// </summary>
    public static class RxParamSetupAns
    {
        /// <summary>Status bit 2.</summary>
        public const int Rx1DrOffsetAck = 0x04;
        /// <summary>Status bit 1.</summary>
        public const int Rx2DataRateAck = 0x02;
        /// <summary>Status bit 0.</summary>
        public const int ChannelAck = 0x01;

        /// <summary>The Status byte.</summary>
        public static int Status(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Status; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, bool rx1DrOffsetAck, bool rx2DataRateAck, bool channelAck)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.RxParamSetup,
                (rx1DrOffsetAck ? Rx1DrOffsetAck : 0) | (rx2DataRateAck ? Rx2DataRateAck : 0) | (channelAck ? ChannelAck : 0));
        }
    }
}
