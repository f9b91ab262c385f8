using System;
using System.IO;
using LoRaWan.Simulation;

namespace LoRaWan.Cli.Simulate
{
    /// <summary>
    /// Keeps a simulated board's flash in a file between runs, so a virtual device talking to a real network
    /// server keeps its DevNonce counter, session and frame counters like a real board does (a LoRaWAN 1.0.4
    /// server rejects a DevNonce it has seen). Format: "LWNV" | slot count (u16) | per slot: length (u16) | bytes.
    /// </summary>
    public static class FlashFile
    {
        public static bool Load(SimulatedFlash flash, string path, int slots)
        {
            if (!File.Exists(path)) return false;
            byte[] data = File.ReadAllBytes(path);
            if (data.Length < 6 || data[0] != 'L' || data[1] != 'W' || data[2] != 'N' || data[3] != 'V')
                throw new CliException($"--state {path}: not a lorawan simulator state file");
            int count = data[4] | (data[5] << 8);
            int p = 6;
            for (int slot = 0; slot < count && slot < slots; slot++)
            {
                if (p + 2 > data.Length) throw new CliException($"--state {path}: truncated");
                int length = data[p] | (data[p + 1] << 8);
                p += 2;
                if (p + length > data.Length) throw new CliException($"--state {path}: truncated");
                if (length > 0) flash.Write(slot, data, p, length);
                p += length;
            }
            return true;
        }

        public static void Save(SimulatedFlash flash, string path, int slots)
        {
            using var ms = new MemoryStream();
            ms.Write(new byte[] { (byte)'L', (byte)'W', (byte)'N', (byte)'V', (byte)slots, (byte)(slots >> 8) });
            var buffer = new byte[flash.SlotSize];
            for (int slot = 0; slot < slots; slot++)
            {
                int n = flash.Read(slot, buffer, 0, buffer.Length);
                ms.WriteByte((byte)n);
                ms.WriteByte((byte)(n >> 8));
                ms.Write(buffer, 0, n);
            }
            string tmp = path + ".tmp";
            File.WriteAllBytes(tmp, ms.ToArray());
            File.Move(tmp, path, true);
        }
    }
}
