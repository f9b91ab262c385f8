using System;

namespace LoRaWan.Regions
{
    /// <summary>
    /// A region's duty-cycle sub-bands, one row each: inclusive frequency range, the limit as a divisor (100 = 1 %,
    /// 1 = no limit) and a display name (RP002-1.0.4 EU868 "sub-band" table; ETSI EN 300 220). Filled once by the
    /// catalog; plain arrays so the per-uplink band lookup costs field loads, no calls.
    /// </summary>
    internal sealed class SubBandTable
    {
        /// <summary>Most rows a region has room for (EU868 uses 6).</summary>
        internal const int MaxBands = 8;

        internal readonly uint[] MinHz = new uint[MaxBands];
        internal readonly uint[] MaxHz = new uint[MaxBands];
        internal readonly ushort[] Divisor = new ushort[MaxBands];
        internal readonly string[] Name = new string[MaxBands];
        internal int Count;

        internal void Add(uint minHz, uint maxHz, ushort dutyCycleDivisor, string name)
        {
            if (Count == MaxBands) throw new InvalidOperationException("more than " + MaxBands.ToString() + " sub-bands");
            MinHz[Count] = minHz;
            MaxHz[Count] = maxHz;
            Divisor[Count] = dutyCycleDivisor;
            Name[Count] = name;
            Count++;
        }

        /// <summary>The row that holds <paramref name="frequencyHz"/>; −1 when none does.</summary>
        internal int IndexOf(uint frequencyHz)
        {
            for (int b = 0; b < Count; b++)
                if (frequencyHz >= MinHz[b] && frequencyHz <= MaxHz[b]) return b;
            return -1;
        }
    }
}
