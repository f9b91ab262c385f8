// Surface: System.Device.I2c 1.1.29 (nanoframework/System.Device.I2c tag v1.1.29, depends on CoreLibrary 1.17.11;
// System.Device.I2c/I2cDevice.cs, I2cConnectionSettings.cs, I2cBusSpeed.cs, I2cTransferResult.cs, I2cTransferStatus.cs).
#pragma warning disable CS0626
namespace System.Device.I2c
{
    public enum I2cBusSpeed { StandardMode, FastMode, FastModePlus }

    public enum I2cTransferStatus { UnknownError, FullTransfer, ClockStretchTimeout, PartialTransfer, SlaveAddressNotAcknowledged }

    public struct I2cTransferResult
    {
        public extern uint BytesTransferred { get; }
        public extern I2cTransferStatus Status { get; }
    }

    public sealed class I2cConnectionSettings
    {
        public extern I2cConnectionSettings(int busId, int deviceAddress);
        public extern I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed);
        public extern int BusId { get; }
        public extern int DeviceAddress { get; }
        public extern I2cBusSpeed BusSpeed { get; }
    }

    public class I2cDevice : IDisposable
    {
        public extern I2cDevice(I2cConnectionSettings settings);
        public extern I2cConnectionSettings ConnectionSettings { get; }
        public extern byte ReadByte();
        public extern I2cTransferResult Read(SpanByte buffer);
        public extern I2cTransferResult WriteByte(byte value);
        public extern I2cTransferResult Write(SpanByte buffer);
        public extern I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer);
        public static extern I2cDevice Create(I2cConnectionSettings settings);
        public extern void Dispose();
    }
}
