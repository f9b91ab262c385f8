// Surface: System.Device.Adc 1.1.24 (nanoframework/System.Device.Adc tag v1.1.24,
// System.Device.Adc/AdcController.cs, AdcControllerBase.cs, AdcChannel.cs, AdcChannelBase.cs, AdcChannelMode.cs).
#pragma warning disable CS0626
namespace System.Device.Adc
{
    public enum AdcChannelMode { SingleEnded = 0, Differential }

    public abstract class AdcControllerBase
    {
        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);
        public abstract AdcChannel OpenChannel(int channelNumber);
        public abstract int ChannelCount { get; }
        public abstract AdcChannelMode ChannelMode { get; set; }
        public abstract int MaxValue { get; }
        public abstract int MinValue { get; }
        public abstract int ResolutionInBits { get; }
    }

    public class AdcController : AdcControllerBase
    {
        public extern AdcController();
        public override extern int ChannelCount { get; }
        public override extern AdcChannelMode ChannelMode { get; set; }
        public override extern int MaxValue { get; }
        public override extern int MinValue { get; }
        public override extern int ResolutionInBits { get; }
        public override extern bool IsChannelModeSupported(AdcChannelMode channelMode);
        public override extern AdcChannel OpenChannel(int channelNumber);
    }

    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
        public extern double ReadRatio();
        public extern AdcController Controller { get; }
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal extern AdcChannel();
        public override extern int ReadValue();
        public extern void Dispose();
    }
}
