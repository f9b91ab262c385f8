using System.Threading;

namespace LoRaWan.Firmware
{
    /// <summary>
    /// Entry point of the ESP32 application. The sensor sketch (board selection, keys, join, periodic
    /// CayenneLPP uplinks) is built on the LoRaWanDevice facade; until that lands this only idles.
    /// </summary>
    public static class Program
    {
        /// <summary>Starts the application.</summary>
        public static void Main()
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
