// Surface: System.Device.Spi 1.3.89 (nanoframework/System.Device.Spi tag v1.3.89,
// System.Device.Spi/SpiDevice.cs, SpiConnectionSettings.cs, SpiMode.cs, DataFlow.cs).
#pragma warning disable CS0626
namespace System.Device.Spi
{
    public enum SpiMode { Mode0, Mode1, Mode2, Mode3 }
    public enum DataFlow { MsbFirst, LsbFirst }

    public sealed class SpiConnectionSettings
    {
        public extern SpiConnectionSettings(int busId, int chipSelectLine = -1);
        public extern int BusId { get; set; }
        public extern int ChipSelectLine { get; set; }
        public extern SpiMode Mode { get; set; }
        public extern int DataBitLength { get; set; }
        public extern int ClockFrequency { get; set; }
        public extern DataFlow DataFlow { get; set; }
    }

    public class SpiDevice : IDisposable
    {
        public extern SpiDevice(SpiConnectionSettings settings);
        public extern SpiConnectionSettings ConnectionSettings { get; }
        public extern byte ReadByte();
        public extern void Read(SpanByte buffer);
        public extern void WriteByte(byte value);
        public extern void Write(SpanByte buffer);
        public extern void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer);
        public static extern SpiDevice Create(SpiConnectionSettings settings);
        public extern void Dispose();
    }
}
