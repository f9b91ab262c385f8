namespace LoRaWan.Simulation
{
    /// <summary>
    /// Seedable timing error for the simulated platform: every delivery is delayed by a one-sided latency,
    /// uniform in [0, <see cref="LatencyMaxUs"/>], plus a symmetric error, uniform in
    /// [−<see cref="SpreadUs"/>, +<see cref="SpreadUs"/>]. Used to deliver interrupts late (an ISR never runs
    /// before its edge) and alarms early or late, the timing error the MAC's receive windows must absorb.
    /// The sequence depends only on the seed (xorshift32), identical on nanoCLR and desktop .NET.
    /// </summary>
    public sealed class Jitter
    {
        readonly LoRaWan.Regions.XorShiftRandom _random;
        uint _latencyMaxUs;
        uint _spreadUs;

        /// <summary>A jitter source that adds nothing until <see cref="LatencyMaxUs"/> or <see cref="SpreadUs"/> is set.</summary>
        public Jitter(int seed)
        {
            _random = new LoRaWan.Regions.XorShiftRandom((uint)seed);
        }

        /// <summary>A jitter source with the given latency bound and symmetric spread.</summary>
        public Jitter(int seed, uint latencyMaxUs, uint spreadUs) : this(seed)
        {
            _latencyMaxUs = latencyMaxUs;
            _spreadUs = spreadUs;
        }

        /// <summary>Upper bound of the one-sided latency (µs); 0 = none.</summary>
        public uint LatencyMaxUs
        {
            get { return _latencyMaxUs; }
            set { _latencyMaxUs = value; }
        }

        /// <summary>Bound of the symmetric error (µs): deliveries move by up to ± this much; 0 = none.</summary>
        public uint SpreadUs
        {
            get { return _spreadUs; }
            set { _spreadUs = value; }
        }

        /// <summary>The next 32 random bits (xorshift32).</summary>
        public uint NextUInt32()
        {
            return _random.NextUInt32();
        }

        /// <summary>Uniform in [0, <paramref name="maxUs"/>]; draws nothing when the bound is 0.</summary>
        public uint Latency(uint maxUs)
        {
            if (maxUs == 0) return 0;
            return (uint)(((ulong)NextUInt32() * ((ulong)maxUs + 1)) >> 32);
        }

        /// <summary>Uniform in [−<paramref name="spreadUs"/>, +<paramref name="spreadUs"/>]; draws nothing when the bound is 0.</summary>
        public long Spread(uint spreadUs)
        {
            if (spreadUs == 0) return 0;
            return (long)(((ulong)NextUInt32() * (2UL * spreadUs + 1)) >> 32) - spreadUs;
        }

        /// <summary>A constant delay added to every delivery, µs (a platform that is always this much late).</summary>
        public uint FixedLatencyUs;

        /// <summary>
        /// When something due at <paramref name="dueUs"/> is really delivered: due + fixed latency + latency + spread,
        /// never before <paramref name="nowUs"/>.
        /// </summary>
        public ulong Apply(ulong dueUs, ulong nowUs)
        {
            long delta = (long)FixedLatencyUs + (long)Latency(_latencyMaxUs) + Spread(_spreadUs);
            ulong at;
            if (delta >= 0) at = dueUs + (ulong)delta;
            else at = (ulong)(-delta) > dueUs ? 0 : dueUs - (ulong)(-delta);
            return at < nowUs ? nowUs : at;
        }
    }
}
