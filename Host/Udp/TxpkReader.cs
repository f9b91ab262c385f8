using System;
using System.Text.Json;

namespace LoRaWan.Udp
{
    /// <summary>
    /// Reads the JSON of a PULL_RESP ({"txpk":{…}}, PROTOCOL.TXT v2 §6) into a <see cref="TxPacket"/>. Never throws
    /// on input: it returns the <see cref="DatagramProblem"/> and a one-line reason. Mandatory for a LoRa downlink, as
    /// in the packet forwarder: a timing (imme, tmst, or time/tmms), freq, modu, datr, codr, size and data; size must
    /// equal the decoded length of data (base64, padding optional).
    /// </summary>
    public static class TxpkReader
    {
        /// <summary>Parses <paramref name="length"/> bytes of JSON at <paramref name="json"/>[<paramref name="offset"/>] into <paramref name="tx"/>.</summary>
        /// <returns>null when <paramref name="tx"/> is usable, else the problem (with <paramref name="reason"/>).</returns>
        public static DatagramProblem? TryRead(byte[] json, int offset, int length, TxPacket tx, out string reason)
        {
            tx.Clear();
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(json, offset, length));
            }
            catch (JsonException e)
            {
                reason = "invalid JSON: " + e.Message;
                return DatagramProblem.InvalidJson;
            }
            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("txpk", out JsonElement p) || p.ValueKind != JsonValueKind.Object)
                {
                    reason = "no \"txpk\" object";
                    return DatagramProblem.InvalidTxpk;
                }
                return Read(p, tx, out reason);
            }
        }

        static DatagramProblem? Read(JsonElement p, TxPacket tx, out string reason)
        {
            reason = null;
            if (!OptionalBool(p, "imme", ref tx.Immediate, ref reason)) return DatagramProblem.InvalidTxpk;
            if (p.TryGetProperty("tmst", out JsonElement tmst))
            {
                if (tmst.ValueKind != JsonValueKind.Number || !tmst.TryGetUInt32(out tx.Timestamp)) return Bad("tmst is not a 32-bit unsigned integer", out reason);
                tx.HasTimestamp = true;
            }
            tx.GpsTimed = !tx.Immediate && !tx.HasTimestamp && (p.TryGetProperty("time", out _) || p.TryGetProperty("tmms", out _));
            if (!tx.Immediate && !tx.HasTimestamp && !tx.GpsTimed) return Bad("none of imme, tmst, time or tmms", out reason);

            if (!p.TryGetProperty("freq", out JsonElement freq) || freq.ValueKind != JsonValueKind.Number || !freq.TryGetDouble(out double mhz))
                return Bad("freq missing or not a number", out reason);
            double hz = Math.Round(mhz * 1e6);
            if (hz < 1 || hz > uint.MaxValue) return Bad("freq out of range: " + freq.GetRawText(), out reason);
            tx.FrequencyHz = (uint)hz;

            if (!OptionalInt(p, "rfch", ref tx.RfChain, ref reason)) return DatagramProblem.InvalidTxpk;
            if (!OptionalInt(p, "powe", ref tx.PowerDbm, ref reason)) return DatagramProblem.InvalidTxpk;
            if (!OptionalInt(p, "prea", ref tx.PreambleSymbols, ref reason)) return DatagramProblem.InvalidTxpk;
            if (!OptionalBool(p, "ipol", ref tx.InvertIq, ref reason)) return DatagramProblem.InvalidTxpk;
            if (!OptionalBool(p, "ncrc", ref tx.NoCrc, ref reason)) return DatagramProblem.InvalidTxpk;

            if (!p.TryGetProperty("modu", out JsonElement modu) || modu.ValueKind != JsonValueKind.String) return Bad("modu missing", out reason);
            string modulation = modu.GetString();
            if (modulation == "FSK")
            {
                // PROTOCOL.TXT: FSK "datr" is the bit rate as a number; the simulated gateway sends LoRaWAN's GFSK only
                // (50 kbit/s, 25 kHz deviation, RP002-1.0.4), as SF 0 with the bit rate in BandwidthHz.
                if (!p.TryGetProperty("datr", out JsonElement bitRate) || bitRate.ValueKind != JsonValueKind.Number || !bitRate.TryGetInt32(out int bps))
                    return Bad("FSK datr missing or not a number", out reason);
                if (bps != 50000)
                {
                    reason = "FSK bit rate not supported (LoRaWAN uses 50000): " + bps.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return DatagramProblem.Unsupported;
                }
                int fdev = 25000;
                if (!OptionalInt(p, "fdev", ref fdev, ref reason)) return DatagramProblem.InvalidTxpk;
                if (fdev != 25000)
                {
                    reason = "FSK deviation not supported (LoRaWAN uses 25000 Hz): " + fdev.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return DatagramProblem.Unsupported;
                }
                tx.SpreadingFactor = 0;
                tx.BandwidthHz = bps;
            }
            else
            {
                if (modulation != "LORA") return Bad("modu is neither \"LORA\" nor \"FSK\": " + modulation, out reason);
                if (!p.TryGetProperty("datr", out JsonElement datr) || datr.ValueKind != JsonValueKind.String) return Bad("datr missing or not a string", out reason);
                if (!DataRateText.TryParse(datr.GetString(), out tx.SpreadingFactor, out tx.BandwidthHz))
                {
                    reason = "LoRa data rate not supported: " + datr.GetString();
                    return DatagramProblem.Unsupported;
                }
                if (!p.TryGetProperty("codr", out JsonElement codr) || codr.ValueKind != JsonValueKind.String) return Bad("codr missing or not a string", out reason);
                tx.CodingRate = codr.GetString();
                if (tx.CodingRate != "4/5" && tx.CodingRate != "4/6" && tx.CodingRate != "4/7" && tx.CodingRate != "4/8")
                    return Bad("codr is not 4/5..4/8: " + tx.CodingRate, out reason);
            }

            int size = -1;
            if (!OptionalInt(p, "size", ref size, ref reason)) return DatagramProblem.InvalidTxpk;
            if (size < 0) return Bad("size missing", out reason);
            if (!p.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.String) return Bad("data missing or not a string", out reason);
            string b64 = data.GetString();
            // PROTOCOL.TXT: "Base64 encoded RF packet payload, padding optional".
            int pad = (4 - b64.Length % 4) % 4;
            if (pad == 3) return Bad("data is not base64", out reason);
            try { tx.Payload = Convert.FromBase64String(b64 + new string('=', pad)); }
            catch (FormatException) { return Bad("data is not base64", out reason); }
            if (tx.Payload.Length != size) return Bad($"size {size} but data holds {tx.Payload.Length} bytes", out reason);
            if (size < 1 || size > 255) return Bad($"size {size} is not 1..255", out reason);
            return null;
        }

        static DatagramProblem? Bad(string why, out string reason)
        {
            reason = why;
            return DatagramProblem.InvalidTxpk;
        }

        static bool OptionalBool(JsonElement p, string name, ref bool value, ref string reason)
        {
            if (!p.TryGetProperty(name, out JsonElement e)) return true;
            if (e.ValueKind == JsonValueKind.True) { value = true; return true; }
            if (e.ValueKind == JsonValueKind.False) { value = false; return true; }
            reason = name + " is not a boolean";
            return false;
        }

        static bool OptionalInt(JsonElement p, string name, ref int value, ref string reason)
        {
            if (!p.TryGetProperty(name, out JsonElement e)) return true;
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v)) { value = v; return true; }
            // Some servers write integral values as 14.0.
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double d) && d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue)
            {
                value = (int)d;
                return true;
            }
            reason = name + " is not an integer";
            return false;
        }
    }
}
