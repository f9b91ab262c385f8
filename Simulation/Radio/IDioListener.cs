namespace LoRaWan.Simulation
{
    /// <summary>Told when a DIO pin of the chip model goes high (the edge a GPIO interrupt triggers on).</summary>
    public interface IDioListener
    {
        /// <summary>DIO<paramref name="dio"/> (0 or 1) rose at <paramref name="nowUs"/>.</summary>
        void OnDioRising(int dio, ulong nowUs);
    }
}
