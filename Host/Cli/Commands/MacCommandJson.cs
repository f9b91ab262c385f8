using System;
using System.Collections.Generic;
using System.Text.Json;
using LoRaWan.Frames;

namespace LoRaWan.Cli
{
    /// <summary>
    /// Writes a MAC command sequence as a JSON array of <c>{"cid": 3, "name": "LinkADRReq", ...fields}</c>, reading
    /// the fields with the device codec's typed readers (LoRaWan.Frames). One row per (CID, direction) in a table;
    /// commands whose fields are not spelled out (Class B) show their payload as hex.
    /// </summary>
    public static class MacCommandJson
    {
        delegate void Fields(Utf8JsonWriter w, byte[] b, int p);

        static readonly Dictionary<(int Cid, bool Down), Fields> Writers = new()
        {
            // Network → device (downlink).
            [(Cid.Reset, true)] = (w, b, p) => w.WriteNumber("minor", ResetConf.Minor(b, p)),
            [(Cid.LinkCheck, true)] = (w, b, p) => { w.WriteNumber("margin", LinkCheckAns.Margin(b, p)); w.WriteNumber("gwCnt", LinkCheckAns.GwCnt(b, p)); },
            [(Cid.LinkAdr, true)] = (w, b, p) =>
            {
                w.WriteNumber("dataRate", LinkAdrReq.DataRate(b, p));
                w.WriteNumber("txPower", LinkAdrReq.TxPower(b, p));
                w.WriteNumber("chMask", LinkAdrReq.ChMask(b, p));
                w.WriteNumber("chMaskCntl", LinkAdrReq.ChMaskCntl(b, p));
                w.WriteNumber("nbTrans", LinkAdrReq.NbTrans(b, p));
            },
            [(Cid.DutyCycle, true)] = (w, b, p) => w.WriteNumber("maxDCycle", DutyCycleReq.MaxDCycle(b, p)),
            [(Cid.RxParamSetup, true)] = (w, b, p) =>
            {
                w.WriteNumber("rx1DrOffset", RxParamSetupReq.Rx1DrOffset(b, p));
                w.WriteNumber("rx2DataRate", RxParamSetupReq.Rx2DataRate(b, p));
                w.WriteNumber("frequency", RxParamSetupReq.Frequency(b, p));
            },
            [(Cid.DevStatus, true)] = (w, b, p) => { },
            [(Cid.NewChannel, true)] = (w, b, p) =>
            {
                w.WriteNumber("chIndex", NewChannelReq.ChIndex(b, p));
                w.WriteNumber("frequency", NewChannelReq.Frequency(b, p));
                w.WriteNumber("minDataRate", NewChannelReq.MinDataRate(b, p));
                w.WriteNumber("maxDataRate", NewChannelReq.MaxDataRate(b, p));
            },
            [(Cid.RxTimingSetup, true)] = (w, b, p) => { w.WriteNumber("del", RxTimingSetupReq.Del(b, p)); w.WriteNumber("delaySeconds", RxTimingSetupReq.DelaySeconds(b, p)); },
            [(Cid.TxParamSetup, true)] = (w, b, p) =>
            {
                w.WriteBoolean("downlinkDwellTime", TxParamSetupReq.DownlinkDwellTime(b, p));
                w.WriteBoolean("uplinkDwellTime", TxParamSetupReq.UplinkDwellTime(b, p));
                w.WriteNumber("maxEirpDbm", TxParamSetupReq.MaxEirpDbm(TxParamSetupReq.MaxEirpIndex(b, p)));
            },
            [(Cid.DlChannel, true)] = (w, b, p) => { w.WriteNumber("chIndex", DlChannelReq.ChIndex(b, p)); w.WriteNumber("frequency", DlChannelReq.Frequency(b, p)); },
            [(Cid.Rekey, true)] = (w, b, p) => w.WriteNumber("minor", RekeyConf.Minor(b, p)),
            [(Cid.AdrParamSetup, true)] = (w, b, p) => { w.WriteNumber("limitExp", AdrParamSetupReq.LimitExp(b, p)); w.WriteNumber("delayExp", AdrParamSetupReq.DelayExp(b, p)); },
            [(Cid.DeviceTime, true)] = (w, b, p) => { w.WriteNumber("seconds", DeviceTimeAns.Seconds(b, p)); w.WriteNumber("fractionalSeconds", DeviceTimeAns.FractionalSeconds(b, p)); },
            [(Cid.ForceRejoin, true)] = (w, b, p) =>
            {
                w.WriteNumber("period", ForceRejoinReq.Period(b, p));
                w.WriteNumber("maxRetries", ForceRejoinReq.MaxRetries(b, p));
                w.WriteNumber("rejoinType", ForceRejoinReq.RejoinType(b, p));
                w.WriteNumber("dataRate", ForceRejoinReq.DataRate(b, p));
            },
            [(Cid.RejoinParamSetup, true)] = (w, b, p) => { w.WriteNumber("maxTimeN", RejoinParamSetupReq.MaxTimeN(b, p)); w.WriteNumber("maxCountN", RejoinParamSetupReq.MaxCountN(b, p)); },
            [(Cid.DeviceMode, true)] = (w, b, p) => w.WriteNumber("class", DeviceModeConf.Class(b, p)),

            // Device → network (uplink).
            [(Cid.Reset, false)] = (w, b, p) => w.WriteNumber("minor", ResetInd.Minor(b, p)),
            [(Cid.LinkCheck, false)] = (w, b, p) => { },
            [(Cid.LinkAdr, false)] = (w, b, p) =>
            {
                int s = LinkAdrAns.Status(b, p);
                w.WriteBoolean("powerAck", (s & LinkAdrAns.PowerAck) != 0);
                w.WriteBoolean("dataRateAck", (s & LinkAdrAns.DataRateAck) != 0);
                w.WriteBoolean("channelMaskAck", (s & LinkAdrAns.ChannelMaskAck) != 0);
            },
            [(Cid.DutyCycle, false)] = (w, b, p) => { },
            [(Cid.RxParamSetup, false)] = (w, b, p) =>
            {
                int s = RxParamSetupAns.Status(b, p);
                w.WriteBoolean("rx1DrOffsetAck", (s & RxParamSetupAns.Rx1DrOffsetAck) != 0);
                w.WriteBoolean("rx2DataRateAck", (s & RxParamSetupAns.Rx2DataRateAck) != 0);
                w.WriteBoolean("channelAck", (s & RxParamSetupAns.ChannelAck) != 0);
            },
            [(Cid.DevStatus, false)] = (w, b, p) => { w.WriteNumber("battery", DevStatusAns.Battery(b, p)); w.WriteNumber("margin", DevStatusAns.Margin(b, p)); },
            [(Cid.NewChannel, false)] = (w, b, p) =>
            {
                int s = NewChannelAns.Status(b, p);
                w.WriteBoolean("dataRateRangeOk", (s & NewChannelAns.DataRateRangeOk) != 0);
                w.WriteBoolean("channelFrequencyOk", (s & NewChannelAns.ChannelFrequencyOk) != 0);
            },
            [(Cid.RxTimingSetup, false)] = (w, b, p) => { },
            [(Cid.TxParamSetup, false)] = (w, b, p) => { },
            [(Cid.DlChannel, false)] = (w, b, p) =>
            {
                int s = DlChannelAns.Status(b, p);
                w.WriteBoolean("uplinkFrequencyExists", (s & DlChannelAns.UplinkFrequencyExists) != 0);
                w.WriteBoolean("channelFrequencyOk", (s & DlChannelAns.ChannelFrequencyOk) != 0);
            },
            [(Cid.Rekey, false)] = (w, b, p) => w.WriteNumber("minor", RekeyInd.Minor(b, p)),
            [(Cid.AdrParamSetup, false)] = (w, b, p) => { },
            [(Cid.DeviceTime, false)] = (w, b, p) => { },
            [(Cid.RejoinParamSetup, false)] = (w, b, p) => w.WriteBoolean("timeOk", (RejoinParamSetupAns.Status(b, p) & RejoinParamSetupAns.TimeOk) != 0),
            [(Cid.DeviceMode, false)] = (w, b, p) => w.WriteNumber("class", DeviceModeInd.Class(b, p)),
        };

        /// <summary>
        /// Writes <c>"macCommands": [...]</c> for <paramref name="length"/> bytes at <paramref name="offset"/>; when the
        /// sequence stops early (unknown CID, truncated command) also <c>"macCommandsError": "..."</c>.
        /// </summary>
        public static void Write(Utf8JsonWriter w, byte[] b, int offset, int length, bool downlink)
        {
            var reader = new MacCommandReader();
            reader.Reset(b, offset, length, downlink);
            w.WriteStartArray("macCommands");
            while (reader.MoveNext())
            {
                w.WriteStartObject();
                w.WriteNumber("cid", reader.Cid);
                w.WriteString("name", reader.Name);
                if (Writers.TryGetValue((reader.Cid, downlink), out Fields fields)) fields(w, b, reader.PayloadOffset);
                else w.WriteString("payload", Convert.ToHexString(b, reader.PayloadOffset, reader.PayloadLength));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            switch (reader.Status)
            {
                case MacCommandStatus.UnknownCid:
                    w.WriteString("macCommandsError", $"unknown CID 0x{reader.Cid:X2} after {reader.Consumed} byte(s); the rest cannot be interpreted");
                    break;
                case MacCommandStatus.Truncated:
                    w.WriteString("macCommandsError", $"{reader.Name} cut short after {reader.Consumed} byte(s): needs {reader.PayloadLength} payload byte(s)");
                    break;
            }
        }
    }
}
