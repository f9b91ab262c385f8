namespace LoRaWan.Regions
{
    /// <summary>
    /// The random numbers channel selection draws from. Passed in (never created inside the region code) so a
    /// test or the simulation can seed it and replay a run; <see cref="XorShiftRandom"/> gives the same sequence
    /// on the device and on desktop .NET.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>Returns a value in [0, <paramref name="maxExclusive"/>); <paramref name="maxExclusive"/> is at least 1.</summary>
        int Next(int maxExclusive);
    }
}
