using System;
using System.Globalization;

namespace LoRaWan.Udp
{
    /// <summary>The LoRa "datr" identifier of the packet-forwarder JSON: "SF" spreading factor "BW" bandwidth in kHz, e.g. "SF7BW125".</summary>
    public static class DataRateText
    {
        /// <summary>"SF{sf}BW{kHz}".</summary>
        public static string Format(int spreadingFactor, int bandwidthHz)
        {
            return "SF" + spreadingFactor.ToString(CultureInfo.InvariantCulture) + "BW" + (bandwidthHz / 1000).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Parses "SF7BW125" … "SF12BW500" (SF 6..12, BW 125, 250 or 500 kHz: what the SX1276 and LoRaWAN use).</summary>
        public static bool TryParse(string text, out int spreadingFactor, out int bandwidthHz)
        {
            spreadingFactor = 0;
            bandwidthHz = 0;
            if (text == null || !text.StartsWith("SF", System.StringComparison.Ordinal)) return false;
            int bw = text.IndexOf("BW", System.StringComparison.Ordinal);
            if (bw < 3) return false;
            if (!int.TryParse(text.AsSpan(2, bw - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int sf)) return false;
            if (!int.TryParse(text.AsSpan(bw + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int khz)) return false;
            if (sf < 6 || sf > 12) return false;
            if (khz != 125 && khz != 250 && khz != 500) return false;
            spreadingFactor = sf;
            bandwidthHz = khz * 1000;
            return true;
        }
    }
}
