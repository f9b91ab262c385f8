namespace LoRaWan.Simulation
{
    /// <summary>A radio attached to the <see cref="Air"/>: told when each frame starts and ends.</summary>
    public interface IAirReceiver
    {
        /// <summary>The preamble of <paramref name="frame"/> starts now (<paramref name="nowUs"/>).</summary>
        void OnFrameStart(AirFrame frame, ulong nowUs);

        /// <summary>The last symbol of <paramref name="frame"/> ends now; the frame is recycled after this call.</summary>
        void OnFrameEnd(AirFrame frame, ulong nowUs);
    }
}
