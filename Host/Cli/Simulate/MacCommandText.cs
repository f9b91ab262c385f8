using System.Text;
using LoRaWan.Frames;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>One line per MAC command sequence for the simulate timeline: names and fields (LoRaWAN 1.0.4 §5).</summary>
    public static class MacCommandText
    {
        /// <summary>
        /// Describes the commands at <paramref name="offset"/> (<paramref name="downlink"/>: network → device form),
        /// e.g. "LinkADRReq(DR5, TXPower 0, ChMask 00FF, ChMaskCntl 0, NbTrans 1) DevStatusReq".
        /// </summary>
        public static string Describe(byte[] b, int offset, int length, bool downlink)
        {
            var reader = new MacCommandReader();
            reader.Reset(b, offset, length, downlink);
            var text = new StringBuilder();
            while (reader.MoveNext())
            {
                if (text.Length > 0) text.Append(' ');
                text.Append(One(reader.Cid, reader.Name, b, reader.PayloadOffset, downlink));
            }
            if (reader.Status != MacCommandStatus.End) text.Append(text.Length > 0 ? " " : "").Append($"<{reader.Status} at byte {reader.Consumed}>");
            return text.ToString();
        }

        static string One(byte cid, string name, byte[] b, int p, bool down)
        {
            if (down)
            {
                switch (cid)
                {
                    case Cid.LinkCheck: return $"{name}(margin {LinkCheckAns.Margin(b, p)} dB, {LinkCheckAns.GwCnt(b, p)} gateway(s))";
                    case Cid.LinkAdr:
                        return $"{name}(DR{Field(LinkAdrReq.DataRate(b, p))}, TXPower {Field(LinkAdrReq.TxPower(b, p))}, ChMask {LinkAdrReq.ChMask(b, p):X4}, ChMaskCntl {LinkAdrReq.ChMaskCntl(b, p)}, NbTrans {LinkAdrReq.NbTrans(b, p)})";
                    case Cid.DutyCycle: return $"{name}(1/{1 << DutyCycleReq.MaxDCycle(b, p)})";
                    case Cid.RxParamSetup:
                        return $"{name}(RX1DROffset {RxParamSetupReq.Rx1DrOffset(b, p)}, RX2 DR{RxParamSetupReq.Rx2DataRate(b, p)}, {Mhz(RxParamSetupReq.Frequency(b, p))})";
                    case Cid.NewChannel:
                        return $"{name}(ch {NewChannelReq.ChIndex(b, p)}, {Mhz(NewChannelReq.Frequency(b, p))}, DR{NewChannelReq.MinDataRate(b, p)}..{NewChannelReq.MaxDataRate(b, p)})";
                    case Cid.RxTimingSetup: return $"{name}({RxTimingSetupReq.DelaySeconds(b, p)} s)";
                    case Cid.TxParamSetup:
                        return $"{name}(downlink dwell {(TxParamSetupReq.DownlinkDwellTime(b, p) ? "400 ms" : "off")}, uplink dwell {(TxParamSetupReq.UplinkDwellTime(b, p) ? "400 ms" : "off")}, max EIRP {TxParamSetupReq.MaxEirpDbm(TxParamSetupReq.MaxEirpIndex(b, p))} dBm)";
                    case Cid.DlChannel: return $"{name}(ch {DlChannelReq.ChIndex(b, p)}, {Mhz(DlChannelReq.Frequency(b, p))})";
                    case Cid.DeviceTime: return $"{name}(GPS {DeviceTimeAns.Seconds(b, p)}.{DeviceTimeAns.Milliseconds(b, p):D3} s)";
                    default: return name ?? $"CID {cid:X2}";
                }
            }
            switch (cid)
            {
                case Cid.LinkAdr: return $"{name}({Status(LinkAdrAns.Status(b, p), "power", "DR", "mask")})";
                case Cid.RxParamSetup: return $"{name}({Status(RxParamSetupAns.Status(b, p), "RX1DROffset", "RX2 DR", "channel")})";
                case Cid.DevStatus:
                    int battery = DevStatusAns.Battery(b, p);
                    string level = battery == 0 ? "external power" : battery == 255 ? "unknown" : $"{battery}/254";
                    return $"{name}(battery {level}, margin {DevStatusAns.Margin(b, p)} dB)";
                case Cid.NewChannel: return $"{name}({Status(NewChannelAns.Status(b, p), null, "DR range", "frequency")})";
                case Cid.DlChannel: return $"{name}({Status(DlChannelAns.Status(b, p), null, "uplink frequency", "frequency")})";
                default: return name ?? $"CID {cid:X2}";
            }
        }

        static string Field(int v) => v == 15 ? "keep" : v.ToString();

        static string Mhz(uint hz) => $"{hz / 1000000}.{hz % 1000000 / 1000:D3} MHz";

        // Status bits 2, 1, 0 as "ACK"/"NACK" per named bit (a null name skips the bit).
        static string Status(int status, string bit2, string bit1, string bit0)
        {
            var s = new StringBuilder();
            void Add(string n, int mask)
            {
                if (n == null) return;
                if (s.Length > 0) s.Append(", ");
                s.Append(n).Append((status & mask) != 0 ? " ACK" : " NACK");
            }
            Add(bit2, 4);
            Add(bit1, 2);
            Add(bit0, 1);
            return s.ToString();
        }
    }
}
