namespace LoRaWan.Platform
{
    /// <summary>
    /// The MAC's only source of time: a clock plus one one-shot alarm. The MAC never sleeps or polls;
    /// it arms the alarm and waits for <see cref="ITimerSink.OnTimer"/>.
    /// </summary>
    public interface IScheduler : IClock
    {
        /// <summary>Where alarms are delivered.</summary>
        void SetTimerSink(ITimerSink sink);

        /// <summary>Arms the alarm for the absolute time <paramref name="dueUs"/>, replacing any armed one. A time in the past fires at once.</summary>
        void Arm(ulong dueUs);

        /// <summary>Disarms the alarm, if armed.</summary>
        void Cancel();
    }
}
