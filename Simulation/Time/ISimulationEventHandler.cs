namespace LoRaWan.Simulation
{
    /// <summary>Something that reacts when a scheduled simulation event comes due.</summary>
    public interface ISimulationEventHandler
    {
        /// <summary>
        /// The event scheduled with <paramref name="tag"/> is due; <paramref name="nowUs"/> is the virtual time
        /// (the scheduler's clock already reads it).
        /// </summary>
        void OnSimulationEvent(ulong nowUs, int tag);
    }
}
