// Surface: System.Device.Gpio 1.1.62 (nanoframework/System.Device.Gpio tag v1.1.62,
// System.Device.Gpio/GpioController.cs, GpioPin.cs, PinMode.cs, PinValue.cs, PinEventTypes.cs,
// PinValueChangedEventArgs.cs).
#pragma warning disable CS0626, CS0660, CS0661, CS0169
namespace System.Device.Gpio
{
    public enum PinMode { Input, InputPullDown, InputPullUp, Output, OutputOpenDrain, OutputOpenDrainPullUp, OutputOpenSource, OutputOpenSourcePullDown }
    [Flags]
    public enum PinEventTypes { None = 0, Rising = 1, Falling = 2 }

    public readonly struct PinValue
    {
        private readonly byte _value;
        public static extern PinValue High { get; }
        public static extern PinValue Low { get; }
        public static extern implicit operator PinValue(int value);
        public static extern implicit operator PinValue(bool value);
        public static extern explicit operator int(PinValue value);
        public static extern bool operator ==(PinValue a, PinValue b);
        public static extern bool operator !=(PinValue a, PinValue b);
    }

    public class PinValueChangedEventArgs : nanoFramework.Runtime.Events.BaseEvent
    {
        public extern PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber);
        public extern PinEventTypes ChangeType { get; }
        public extern int PinNumber { get; }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        public extern int PinNumber { get; }
        public extern TimeSpan DebounceTimeout { get; set; }
        public extern void SetPinMode(PinMode value);
        public extern PinValue Read();
        public extern void Write(PinValue value);
        public extern void Toggle();
        public extern event PinValueChangedEventHandler ValueChanged;
        public extern void Dispose();
    }

    public sealed class GpioController : IDisposable
    {
        public extern GpioController();
        public extern GpioPin OpenPin(int pinNumber);
        public extern GpioPin OpenPin(int pinNumber, PinMode mode);
        public extern void ClosePin(int pinNumber);
        public extern void Dispose();
    }
}
