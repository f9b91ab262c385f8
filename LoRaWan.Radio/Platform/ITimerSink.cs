namespace LoRaWan.Platform
{
    /// <summary>
    /// Told when an armed alarm fires. Called from the platform's timer context: record and return,
    /// never block.
    /// </summary>
    public interface ITimerSink
    {
        /// <summary>The alarm armed for <paramref name="dueUs"/> fired; <paramref name="firedUs"/> is when it really ran.</summary>
        void OnTimer(ulong dueUs, ulong firedUs);
    }
}
