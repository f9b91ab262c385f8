using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace LoRaWan.Udp
{
    /// <summary>One received LoRa packet as a PUSH_DATA rxpk object reports it (PROTOCOL.TXT v2 §4).</summary>
    public sealed class RxPacket
    {
        /// <summary>time: UTC time of the end of reception.</summary>
        public DateTime TimeUtc;
        /// <summary>tmst: the concentrator counter at the "RX finished" event.</summary>
        public uint Timestamp;
        /// <summary>chan: IF channel.</summary>
        public int Channel;
        /// <summary>rfch: RF chain.</summary>
        public int RfChain;
        /// <summary>freq in Hz (written in MHz).</summary>
        public uint FrequencyHz;
        /// <summary>LoRa spreading factor (datr).</summary>
        public int SpreadingFactor;
        /// <summary>LoRa bandwidth in Hz (datr).</summary>
        public int BandwidthHz;
        /// <summary>codr, e.g. "4/5".</summary>
        public string CodingRate = "4/5";
        /// <summary>rssi in dBm.</summary>
        public int RssiDbm;
        /// <summary>lsnr in dB (written with 0.1 dB precision).</summary>
        public double SnrDb;
        /// <summary>The PHYPayload.</summary>
        public byte[] Payload;
        /// <summary>Offset of the PHYPayload in <see cref="Payload"/>.</summary>
        public int Offset;
        /// <summary>Its length (size).</summary>
        public int Length;
    }

    /// <summary>The gateway's status report, the stat object of PUSH_DATA (PROTOCOL.TXT v2 §4).</summary>
    public sealed class GatewayStatus
    {
        /// <summary>time: the gateway's UTC system time.</summary>
        public DateTime TimeUtc;
        /// <summary>rxnb: radio packets received.</summary>
        public int Received;
        /// <summary>rxok: radio packets received with a valid PHY CRC.</summary>
        public int ReceivedOk;
        /// <summary>rxfw: radio packets forwarded.</summary>
        public int Forwarded;
        /// <summary>ackr: percentage of upstream datagrams acknowledged.</summary>
        public double AckRatePercent;
        /// <summary>dwnb: downlink datagrams received.</summary>
        public int DownlinkDatagrams;
        /// <summary>txnb: packets emitted.</summary>
        public int Transmitted;
    }

    /// <summary>Writes the JSON of PUSH_DATA datagrams: {"rxpk":[…]} and/or {"stat":{…}}.</summary>
    public static class UpstreamJson
    {
        /// <summary>ISO 8601 'compact' UTC with µs, as rxpk.time: "2013-03-31T16:21:17.528002Z".</summary>
        public static string CompactTime(DateTime utc)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        }

        /// <summary>ISO 8601 'expanded' UTC, as stat.time: "2014-01-12 08:59:28 GMT".</summary>
        public static string ExpandedTime(DateTime utc)
        {
            return utc.ToString("yyyy-MM-dd HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
        }

        /// <summary>The JSON object of a PUSH_DATA with <paramref name="rx"/> (may be null) and <paramref name="status"/> (may be null).</summary>
        public static byte[] Write(RxPacket rx, GatewayStatus status)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                if (rx != null)
                {
                    w.WriteStartArray("rxpk");
                    w.WriteStartObject();
                    w.WriteString("time", CompactTime(rx.TimeUtc));
                    w.WriteNumber("tmst", rx.Timestamp);
                    w.WriteNumber("chan", rx.Channel);
                    w.WriteNumber("rfch", rx.RfChain);
                    // MHz with Hz precision (6 decimals at most), e.g. 868.1.
                    w.WriteNumber("freq", Math.Round(rx.FrequencyHz / 1e6, 6));
                    w.WriteNumber("stat", 1);
                    if (rx.SpreadingFactor == 0)
                    {
                        // GFSK (the endpoint's convention: SF 0, the bit rate in BandwidthHz); PROTOCOL.TXT: "datr" is
                        // then the bit rate as a number, and there is no "codr".
                        w.WriteString("modu", "FSK");
                        w.WriteNumber("datr", rx.BandwidthHz);
                    }
                    else
                    {
                        w.WriteString("modu", "LORA");
                        w.WriteString("datr", DataRateText.Format(rx.SpreadingFactor, rx.BandwidthHz));
                        w.WriteString("codr", rx.CodingRate);
                    }
                    w.WriteNumber("rssi", rx.RssiDbm);
                    w.WriteNumber("lsnr", Math.Round(rx.SnrDb, 1));
                    w.WriteNumber("size", rx.Length);
                    w.WriteString("data", Convert.ToBase64String(rx.Payload, rx.Offset, rx.Length));
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
                if (status != null)
                {
                    w.WriteStartObject("stat");
                    w.WriteString("time", ExpandedTime(status.TimeUtc));
                    w.WriteNumber("rxnb", status.Received);
                    w.WriteNumber("rxok", status.ReceivedOk);
                    w.WriteNumber("rxfw", status.Forwarded);
                    w.WriteNumber("ackr", Math.Round(status.AckRatePercent, 1));
                    w.WriteNumber("dwnb", status.DownlinkDatagrams);
                    w.WriteNumber("txnb", status.Transmitted);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }
    }
}
