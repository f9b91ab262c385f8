using LoRaWan.Platform;

namespace LoRaWan.Mac
{
    /// <summary>The MAC's one alarm: which due time is current, so that an alarm cancelled or re-armed meanwhile is stale.</summary>
    internal sealed class MacAlarm
    {
        readonly IScheduler _scheduler;
        ulong _dueUs;
        bool _armed;

        internal MacAlarm(IScheduler scheduler)
        {
            _scheduler = scheduler;
        }

        internal void Arm(ulong dueUs)
        {
            _dueUs = dueUs;
            _armed = true;
            _scheduler.Arm(dueUs);
        }

        /// <summary>True while an alarm is armed and has not fired.</summary>
        internal bool Armed { get { return _armed; } }

        internal void Disarm()
        {
            _armed = false;
            _scheduler.Cancel();
        }

        /// <summary>True (and disarmed) when an alarm due at <paramref name="dueUs"/> is the one armed; false when stale.</summary>
        internal bool Take(ulong dueUs)
        {
            if (!_armed || dueUs != _dueUs) return false;
            _armed = false;
            return true;
        }
    }
}
