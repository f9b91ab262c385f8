namespace LoRaWan.Regions
{
    /// <summary>
    /// A small seedable generator (Marsaglia xorshift32). Not cryptographic: it spreads uplinks over channels.
    /// Its sequence depends only on the seed, unlike <see cref="System.Random"/>, whose algorithm differs
    /// between nanoFramework and desktop .NET.
    /// </summary>
    public sealed class XorShiftRandom : IRandomSource
    {
        private uint _state;

        /// <summary>Starts the sequence from <paramref name="seed"/> (0 is replaced by a fixed non-zero value).</summary>
        public XorShiftRandom(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        /// <summary>The next 32 random bits.</summary>
        public uint NextUInt32()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <inheritdoc />
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 1) return 0;
            // Multiply-shift maps 32 random bits onto [0, max) without division and with negligible bias.
            return (int)(((ulong)NextUInt32() * (uint)maxExclusive) >> 32);
        }
    }
}
