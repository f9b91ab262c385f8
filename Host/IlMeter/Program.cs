using System;

namespace LoRaWan.IlMeter
{
    /// <summary>`dotnet run -c Release --project Host/IlMeter` prints the IL table (README.md, "Interpreter cost").</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.Write(Meter.Format(Meter.Measure()));
            return 0;
        }
    }
}
