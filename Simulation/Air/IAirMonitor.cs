namespace LoRaWan.Simulation
{
    /// <summary>Observes every transmission on the <see cref="Air"/> (tests, traces, air-time accounting).</summary>
    public interface IAirMonitor
    {
        /// <summary><paramref name="frame"/> starts now; every field is set (copy what you keep: the frame is pooled).</summary>
        void OnTransmission(AirFrame frame);
    }
}
