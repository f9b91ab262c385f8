using System.Collections;

namespace LoRaWan.Tests.Firmware
{
    /// <summary>One decoded CayenneLPP item.</summary>
    public sealed class LppItem
    {
        /// <summary>Data channel.</summary>
        public int Channel;
        /// <summary>Data type (IPSO object id − 3200).</summary>
        public int Type;
        /// <summary>The first value as stored (signed or unsigned as the type says), before scaling.</summary>
        public int Raw;
        /// <summary>The first value scaled by the type's resolution.</summary>
        public double Value;
    }

    /// <summary>
    /// A CayenneLPP decoder written for the tests from the public format (myDevicesIoT/CayenneLPP README, "Data
    /// Types"): items <c>channel | type | data</c>, type = IPSO id − 3200, multi-byte values MSB first. Types:
    /// 0 digital input (1 byte), 1 digital output (1), 2 analog input (2, 0.01 signed), 3 analog output (2, 0.01
    /// signed), 101 illuminance (2, 1 lux unsigned), 102 presence (1), 103 temperature (2, 0.1 °C signed),
    /// 104 humidity (1, 0.5 % unsigned), 113 accelerometer (6, 0.001 G signed per axis), 115 barometer (2, 0.1 hPa
    /// unsigned), 134 gyrometer (6, 0.01 °/s signed per axis), 136 GPS (9: lat, lon 0.0001° signed, alt 0.01 m
    /// signed, 3 bytes each). Independent of the firmware's writer.
    /// </summary>
    public static class CayenneLppReader
    {
        /// <summary>Decodes <paramref name="payload"/>; returns null when it is not valid CayenneLPP (unknown type, truncated).</summary>
        public static LppItem[] Decode(byte[] payload, int length)
        {
            var items = new ArrayList();
            int i = 0;
            while (i < length)
            {
                if (i + 2 > length) return null;
                var item = new LppItem();
                item.Channel = payload[i];
                item.Type = payload[i + 1];
                i += 2;
                int size;
                bool signed;
                double scale;
                switch (item.Type)
                {
                    case 0: case 1: case 102: size = 1; signed = false; scale = 1; break;
                    case 104: size = 1; signed = false; scale = 0.5; break;
                    case 2: case 3: size = 2; signed = true; scale = 0.01; break;
                    case 101: size = 2; signed = false; scale = 1; break;
                    case 103: size = 2; signed = true; scale = 0.1; break;
                    case 115: size = 2; signed = false; scale = 0.1; break;
                    case 113: size = 6; signed = true; scale = 0.001; break;
                    case 134: size = 6; signed = true; scale = 0.01; break;
                    case 136: size = 9; signed = true; scale = 0.0001; break;
                    default: return null;
                }
                if (i + size > length) return null;
                int first = size == 1 ? 1 : (size == 9 ? 3 : 2);
                int raw = 0;
                for (int k = 0; k < first; k++) raw = (raw << 8) | payload[i + k];
                if (signed && (payload[i] & 0x80) != 0) raw -= 1 << (8 * first);
                item.Raw = raw;
                item.Value = raw * scale;
                items.Add(item);
                i += size;
            }
            var result = new LppItem[items.Count];
            for (int k = 0; k < result.Length; k++) result[k] = (LppItem)items[k];
            return result;
        }

        /// <summary>The item on <paramref name="channel"/> with <paramref name="type"/>, or null.</summary>
        public static LppItem Find(LppItem[] items, int channel, int type)
        {
            for (int k = 0; k < items.Length; k++)
                if (items[k].Channel == channel && items[k].Type == type) return items[k];
            return null;
        }
    }
}
