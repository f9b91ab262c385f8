namespace LoRaWan.Radio
{
    /// <summary>
    /// Receives radio events. Called from interrupt context on the device: implementations only record
    /// the event (e.g. into a fixed-size queue) and return; they never block or allocate.
    /// </summary>
    public interface IRadioEventSink
    {
        /// <summary>Records that <paramref name="radioEvent"/> happened at <paramref name="timestampUs"/> (the clock's microseconds).</summary>
        void OnRadioEvent(RadioEvent radioEvent, ulong timestampUs);
    }
}
