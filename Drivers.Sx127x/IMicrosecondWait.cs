namespace Drivers.Sx127x
{
    /// <summary>
    /// A short wait between RSSI samples of a carrier sense (<see cref="Sx1276.IsChannelFree"/>). On the board none is
    /// needed (leave <see cref="Sx1276.SenseWait"/> null: the driver reads the RSSI back to back while the clock runs);
    /// the simulation passes one that advances virtual time, which otherwise would not move during the sense.
    /// </summary>
    public interface IMicrosecondWait
    {
        /// <summary>Lets <paramref name="microseconds"/> pass (a bounded, short wait on the caller's thread).</summary>
        void Wait(int microseconds);
    }
}
