// Surface: nanoFramework.Hardware.Esp32 1.6.40 (nanoframework/nanoFramework.Hardware.Esp32 tag v1.6.40,
// nanoFramework.Hardware.Esp32/Configuration.cs, DeviceTypePins.cs, HighResTimer.cs, Sleep.cs, Errors.cs).
#pragma warning disable CS0626, CS0067
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        // DeviceTypes.SPI (0x10000) + bus index * 0x100 + signal
        SPI1_MOSI = 0x10100,
        SPI1_MISO = 0x10101,
        SPI1_CLOCK = 0x10102,
        // DeviceTypes.I2C (0x20000) + bus index * 0x100 + signal
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,
    }

    public class Configuration
    {
        public static extern void SetPinFunction(int pin, DeviceFunction value);
        public static extern int GetFunctionPin(DeviceFunction function);
    }

    public delegate void HighResTimerExpiredEventHandler(HighResTimer sender, object e);

    public class HighResTimer : System.IDisposable
    {
        public extern HighResTimer();
        public extern event HighResTimerExpiredEventHandler OnHighResTimerExpired;
        public static extern ulong GetCurrent();
        public extern void Stop();
        public extern void StartOneShot(ulong timeout_us);
        public extern void StartOnePeriodic(ulong period_us);
        public extern void Dispose();
    }

    public enum EspNativeError : int { OK = 0 }

    public class Sleep
    {
        public static extern EspNativeError EnableWakeupByTimer(System.TimeSpan time);
        public static extern void StartDeepSleep();
    }
}
