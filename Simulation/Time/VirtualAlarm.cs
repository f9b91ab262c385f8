using System;
using LoRaWan.Platform;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// One one-shot alarm on a <see cref="VirtualScheduler"/>, implementing <see cref="IScheduler"/> so the MAC (or
    /// any other timed part) gets its own alarm on shared virtual time. Delivery is shifted by an
    /// optional <see cref="Jitter"/> (the platform's timer error); <see cref="ITimerSink.OnTimer"/> receives the
    /// armed due time and the virtual time it really fired. Re-arming or cancelling makes a pending delivery stale
    /// (it is ignored), so nothing is removed from the queue and nothing allocates.
    /// </summary>
    public sealed class VirtualAlarm : IScheduler, ISimulationEventHandler
    {
        readonly VirtualScheduler _scheduler;
        readonly Jitter _jitter;
        ITimerSink _sink;
        int _generation;
        bool _armed;
        ulong _dueUs;

        /// <summary>An alarm on <paramref name="scheduler"/>, delivered with <paramref name="jitter"/> (null = exactly on time).</summary>
        public VirtualAlarm(VirtualScheduler scheduler, Jitter jitter)
        {
            if (scheduler == null) throw new ArgumentNullException("scheduler");
            _scheduler = scheduler;
            _jitter = jitter;
        }

        /// <inheritdoc />
        public ulong NowMicroseconds
        {
            get { return _scheduler.NowMicroseconds; }
        }

        /// <summary>True while an alarm is armed and has not fired.</summary>
        public bool IsArmed
        {
            get { return _armed; }
        }

        /// <summary>The due time of the armed alarm (meaningful while <see cref="IsArmed"/>).</summary>
        public ulong DueUs
        {
            get { return _dueUs; }
        }

        /// <inheritdoc />
        public void SetTimerSink(ITimerSink sink)
        {
            _sink = sink;
        }

        /// <inheritdoc />
        public void Arm(ulong dueUs)
        {
            _generation++;
            _armed = true;
            _dueUs = dueUs;
            ulong now = _scheduler.NowMicroseconds;
            ulong at = _jitter == null ? dueUs : _jitter.Apply(dueUs, now);
            _scheduler.Schedule(at, this, _generation);
        }

        /// <inheritdoc />
        public void Cancel()
        {
            _generation++;
            _armed = false;
        }

        /// <summary>Scheduler callback; stale deliveries (re-armed or cancelled since) are ignored.</summary>
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            if (!_armed || tag != _generation) return;
            _armed = false;
            ITimerSink sink = _sink;
            if (sink != null) sink.OnTimer(_dueUs, nowUs);
        }
    }
}
