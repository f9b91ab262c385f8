using System;
using LoRaWan.Platform;
using nanoFramework.Hardware.Esp32;

namespace LoRaWan.Firmware.Esp32
{
    /// <summary>
    /// The clock and one one-shot alarm of the ESP32, on the esp_timer behind <see cref="HighResTimer"/>:
    /// <see cref="NowMicroseconds"/> is <see cref="HighResTimer.GetCurrent"/> (µs since boot) and
    /// <see cref="Arm"/> starts a one-shot timer for the remaining time. The expiry reaches managed code through the
    /// nanoFramework event dispatcher, late by a scheduling quantum or more; the handler takes
    /// <see cref="HighResTimer.GetCurrent"/> first and hands the sink both the armed time and that stamp, from which
    /// the MAC measures the lateness (<c>ClassAMac.Timing</c>) and widens its receive windows. Create one, for the MAC:
    /// the SX1276 driver has no timer of its own (the MAC's TX deadline calls <c>IRadio.TxDeadlinePassed</c>).
    /// </summary>
    public sealed class HighResTimerAlarm : IScheduler, IDisposable
    {
        /// <summary>Shortest delay handed to esp_timer; "a time in the past fires at once" becomes this.</summary>
        public const ulong MinDelayUs = 50;

        readonly HighResTimer _timer;
        readonly object _sync = new object();
        ITimerSink _sink;
        bool _armed;
        ulong _dueUs;
        int _fired;
        long _maxLateUs;

        /// <summary>Creates the alarm (one esp_timer).</summary>
        public HighResTimerAlarm()
        {
            _timer = new HighResTimer();
            _timer.OnHighResTimerExpired += OnExpired;
        }

        /// <inheritdoc />
        public ulong NowMicroseconds
        {
            get { return HighResTimer.GetCurrent(); }
        }

        /// <summary>Alarms delivered so far.</summary>
        public int Fired
        {
            get { return _fired; }
        }

        /// <summary>The latest delivery seen, µs after the armed time (what the platform's timer latency really is).</summary>
        public long MaxLateUs
        {
            get { return _maxLateUs; }
        }

        /// <inheritdoc />
        public void SetTimerSink(ITimerSink sink)
        {
            _sink = sink;
        }

        /// <inheritdoc />
        public void Arm(ulong dueUs)
        {
            lock (_sync)
            {
                _armed = true;
                _dueUs = dueUs;
                ulong now = HighResTimer.GetCurrent();
                ulong delay = dueUs > now ? dueUs - now : 0;
                if (delay < MinDelayUs) delay = MinDelayUs;
                // The native StartOneShot stops a running timer first (esp_timer_stop, then esp_timer_start_once).
                _timer.StartOneShot(delay);
            }
        }

        /// <inheritdoc />
        public void Cancel()
        {
            lock (_sync)
            {
                _armed = false;
                _timer.Stop();
            }
        }

        void OnExpired(HighResTimer sender, object e)
        {
            ulong firedUs = HighResTimer.GetCurrent();
            ulong dueUs;
            ITimerSink sink;
            lock (_sync)
            {
                // Cancelled: nothing to deliver.
                if (!_armed) return;
                if (firedUs < _dueUs)
                {
                    // Not this arming's time yet: re-arm for the rest rather than drop it, so an early or stale
                    // expiry can never leave the MAC waiting for an alarm that will not come.
                    ulong rest = _dueUs - firedUs;
                    _timer.StartOneShot(rest < MinDelayUs ? MinDelayUs : rest);
                    return;
                }
                _armed = false;
                dueUs = _dueUs;
                sink = _sink;
                _fired++;
                long late = (long)(firedUs - dueUs);
                if (late > _maxLateUs) _maxLateUs = late;
            }
            if (sink != null) sink.OnTimer(dueUs, firedUs);
        }

        /// <summary>Stops and releases the esp_timer.</summary>
        public void Dispose()
        {
            _timer.Stop();
            _timer.Dispose();
        }
    }
}
