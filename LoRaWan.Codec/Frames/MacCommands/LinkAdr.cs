namespace LoRaWan.Frames
{
    /// <summary>
    /// LinkADRReq (network → device, LoRaWAN 1.0.4 §5.2, 1.1 §5.3): DataRate_TXPower(1) | ChMask(2, little-endian) | Redundancy(1).
    /// DataRate_TXPower: bits 7..4 DataRate, 3..0 TXPower (0xF = keep, 1.0.4). Redundancy: bit 7 RFU,
    /// bits 6..4 ChMaskCntl, bits 3..0 NbTrans (0 = use the default 1).
    /// </summary>
    public static class LinkAdrReq
    {
        /// <summary>DataRate index (0xF: keep the current one, 1.0.4).</summary>
        public static int DataRate(byte[] b, int p) { return b[p] >> 4; }

        /// <summary>TXPower index (0xF: keep the current one, 1.0.4).</summary>
        public static int TxPower(byte[] b, int p) { return b[p] & 0x0F; }

        /// <summary>ChMask: bit n enables channel n of the block selected by ChMaskCntl.</summary>
        public static ushort ChMask(byte[] b, int p) { return LittleEndian.ReadUInt16(b, p + 1); }

        /// <summary>ChMaskCntl (region-specific meaning).</summary>
        public static int ChMaskCntl(byte[] b, int p) { return (b[p + 3] >> 4) & 0x07; }

        /// <summary>NbTrans: transmissions of each uplink.</summary>
        public static int NbTrans(byte[] b, int p) { return b[p + 3] & 0x0F; }

        /// <summary>Writes the 5-byte command (fields masked to their width); returns 5 or 0.</summary>
        public static int Write(byte[] b, int offset, int dataRate, int txPower, int chMask, int chMaskCntl, int nbTrans)
        {
            if (!MacCommandWriter.Fits(b, offset, 5)) return 0;
            b[offset] = Cid.LinkAdr;
            b[offset + 1] = (byte)(((dataRate & 0x0F) << 4) | (txPower & 0x0F));
            LittleEndian.WriteUInt16(b, offset + 2, chMask);
            b[offset + 4] = (byte)(((chMaskCntl & 0x07) << 4) | (nbTrans & 0x0F));
            return 5;
        }
    }

    /// <summary>LinkADRAns (device → network, LoRaWAN 1.0.4 §5.2): Status(1): bit 2 Power ACK, bit 1 Data rate ACK, bit 0 Channel mask ACK.</summary>
    public static class LinkAdrAns
    {
        /// <summary>Status bit 2.</summary>
        public const int PowerAck = 0x04;
        /// <summary>Status bit 1.</summary>
        public const int DataRateAck = 0x02;
        /// <summary>Status bit 0.</summary>
        public const int ChannelMaskAck = 0x01;

        /// <summary>The Status byte.</summary>
        public static int Status(byte[] b, int p) { return b[p]; }

        /// <summary>Writes CID | Status; returns 2 or 0.</summary>
        public static int Write(byte[] b, int offset, bool powerAck, bool dataRateAck, bool channelMaskAck)
        {
            return MacCommandWriter.WriteByte(b, offset, Cid.LinkAdr,
                (powerAck ? PowerAck : 0) | (dataRateAck ? DataRateAck : 0) | (channelMaskAck ? ChannelMaskAck : 0));
        }
    }
}
