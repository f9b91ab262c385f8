using System;
using System.IO;
using System.Text;
using System.Text.Json;
using LoRaWan.Frames;

namespace LoRaWan.Cli
{
    /// <summary>Shared pieces of the frame commands: JSON output on one line, MSB hex, and codec results as sentences.</summary>
    public static class FrameText
    {
        /// <summary>Runs <paramref name="body"/> against a JSON writer and prints the object as one line.</summary>
        public static void PrintJson(TextWriter stdout, Action<Utf8JsonWriter> body)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            {
                w.WriteStartObject();
                body(w);
                w.WriteEndObject();
            }
            stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        /// <summary>A number as MSB-first hex of <paramref name="bytes"/> bytes (the way the console shows DevAddr, EUIs, NetID).</summary>
        public static string Msb(ulong value, int bytes) => value.ToString("X" + (2 * bytes));

        /// <summary>MSB-first hex bytes as a number (e.g. <c>--joinnonce 376338</c> → 0x376338).</summary>
        public static ulong ParseMsb(CliArgs a, string name, int bytes)
        {
            byte[] b = a.HexBytes(name, bytes);
            ulong v = 0;
            foreach (byte x in b) v = (v << 8) | x;
            return v;
        }

        /// <summary>A 16-byte key given as 32 hex digits, or null when the option is absent.</summary>
        public static byte[] Key(CliArgs a, string name, bool required = false) => a.HexBytes(name, 16, required);

        /// <summary>Why the codec rejected a frame, as one sentence.</summary>
        public static string Describe(FrameResult r, MType mtype, int length)
        {
            switch (r)
            {
                case FrameResult.TooShort:
                    int min = mtype == MType.RejoinRequest ? RejoinRequestFrame.LengthType02 : DataFrame.MinLength;
                    return $"truncated frame: {length} byte(s), a {mtype} frame needs at least {min}";
                case FrameResult.TooLong: return $"frame of {length} bytes is longer than the maximum";
                case FrameResult.WrongMajor: return "MHDR Major is not 00 (LoRaWAN R1)";
                case FrameResult.RfuMType: return "MType 110 is RFU in LoRaWAN 1.0.x";
                case FrameResult.WrongDirection: return $"{mtype} is not expected in this direction";
                case FrameResult.FOptsTooLong: return $"truncated frame: FOptsLen is larger than the {length} bytes leave before the MIC";
                case FrameResult.FOptsWithPortZero: return "FPort 0 together with FOpts (MAC commands in both places)";
                case FrameResult.PayloadWithoutPort: return "FRMPayload without FPort";
                case FrameResult.JoinRequestWrongLength: return $"a Join-request is 23 bytes, got {length}";
                case FrameResult.JoinAcceptWrongLength: return $"a Join-accept is 17 or 33 bytes, got {length}";
                case FrameResult.RejoinRequestWrongLength: return $"Rejoin-request of the wrong length ({length} bytes; type 0/2: 19, type 1: 24)";
                case FrameResult.RfuRejoinType: return "RejoinType is not 0, 1 or 2";
                case FrameResult.BufferTooSmall: return "the frame does not fit in 255 bytes";
                default: return r.ToString();
            }
        }
    }
}
