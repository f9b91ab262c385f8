using System;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// The radio medium: carries LoRa frames between attached radios in virtual time. A transmitter takes a
    /// pooled <see cref="AirFrame"/> from <see cref="Acquire"/>, fills it and hands it to <see cref="Send"/>; at the
    /// frame's start every other attached <see cref="IAirReceiver"/> is told (and decides whether it is listening
    /// with matching parameters), and again at its end. Frames are recycled after their end event, so a busy
    /// simulation allocates nothing once the pool has grown to the number of overlapping frames.
    /// </summary>
    public sealed class Air : ISimulationEventHandler
    {
        const int TagStart = 0;
        const int TagEnd = 1;

        readonly VirtualScheduler _scheduler;
        IAirReceiver[] _receivers = new IAirReceiver[4];
        int _receiverCount;
        IAirMonitor[] _monitors = new IAirMonitor[2];
        int _monitorCount;
        AirFrame[] _pool = new AirFrame[8];
        int _framesSent;

        /// <summary>An empty medium on <paramref name="scheduler"/>'s virtual time.</summary>
        public Air(VirtualScheduler scheduler)
        {
            if (scheduler == null) throw new ArgumentNullException("scheduler");
            _scheduler = scheduler;
            for (int i = 0; i < _pool.Length; i++) _pool[i] = NewFrame(i);
        }

        /// <summary>The virtual time source.</summary>
        public VirtualScheduler Scheduler
        {
            get { return _scheduler; }
        }

        /// <summary>How many frames have started on the air.</summary>
        public int FramesSent
        {
            get { return _framesSent; }
        }

        /// <summary>Attaches a radio that hears the air.</summary>
        public void Attach(IAirReceiver receiver)
        {
            if (receiver == null) throw new ArgumentNullException("receiver");
            if (_receiverCount == _receivers.Length)
            {
                IAirReceiver[] bigger = new IAirReceiver[_receivers.Length * 2];
                Array.Copy(_receivers, 0, bigger, 0, _receiverCount);
                _receivers = bigger;
            }
            _receivers[_receiverCount++] = receiver;
        }

        /// <summary>Adds an observer of every transmission.</summary>
        public void AddMonitor(IAirMonitor monitor)
        {
            if (monitor == null) throw new ArgumentNullException("monitor");
            if (_monitorCount == _monitors.Length)
            {
                IAirMonitor[] bigger = new IAirMonitor[_monitors.Length * 2];
                Array.Copy(_monitors, 0, bigger, 0, _monitorCount);
                _monitors = bigger;
            }
            _monitors[_monitorCount++] = monitor;
        }

        /// <summary>A cleared frame from the pool, to be filled and passed to <see cref="Send"/>.</summary>
        public AirFrame Acquire()
        {
            for (int i = 0; i < _pool.Length; i++)
            {
                if (!_pool[i].InUse)
                {
                    _pool[i].Clear();
                    _pool[i].InUse = true;
                    return _pool[i];
                }
            }
            int old = _pool.Length;
            AirFrame[] bigger = new AirFrame[old * 2];
            Array.Copy(_pool, 0, bigger, 0, old);
            for (int i = old; i < bigger.Length; i++) bigger[i] = NewFrame(i);
            _pool = bigger;
            _pool[old].InUse = true;
            return _pool[old];
        }

        /// <summary>
        /// Puts <paramref name="frame"/> on the air from <see cref="AirFrame.StartUs"/> (now if that is past) for
        /// <see cref="AirFrame.AirTimeUs"/>.
        /// </summary>
        public void Send(AirFrame frame)
        {
            if (frame == null || !frame.InUse) throw new ArgumentException("frame must come from Acquire()", "frame");
            ulong now = _scheduler.NowMicroseconds;
            if (frame.StartUs < now) frame.StartUs = now;
            _scheduler.Schedule(frame.StartUs, this, frame.PoolIndex * 2 + TagStart);
        }

        /// <summary>The transmitter stopped early: nobody receives <paramref name="frame"/> (it still ends when scheduled).</summary>
        public void Abort(AirFrame frame)
        {
            if (frame != null) frame.Aborted = true;
        }

        /// <summary>Number of frames currently on the air.</summary>
        public int ActiveCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _pool.Length; i++) if (_pool[i].OnAir) n++;
                return n;
            }
        }

        /// <summary>The <paramref name="index"/>-th frame currently on the air (0 ≤ index &lt; <see cref="ActiveCount"/>), or null.</summary>
        public AirFrame GetActive(int index)
        {
            for (int i = 0; i < _pool.Length; i++)
            {
                if (!_pool[i].OnAir) continue;
                if (index == 0) return _pool[i];
                index--;
            }
            return null;
        }

        /// <summary>Scheduler callback: a frame starts or ends.</summary>
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            AirFrame frame = _pool[tag >> 1];
            if ((tag & 1) == TagStart)
            {
                frame.OnAir = true;
                _framesSent++;
                for (int i = 0; i < _monitorCount; i++) _monitors[i].OnTransmission(frame);
                for (int i = 0; i < _receiverCount; i++)
                    if (_receivers[i] != frame.Source) _receivers[i].OnFrameStart(frame, nowUs);
                _scheduler.Schedule(frame.EndUs, this, frame.PoolIndex * 2 + TagEnd);
            }
            else
            {
                frame.OnAir = false;
                for (int i = 0; i < _receiverCount; i++)
                    if (_receivers[i] != frame.Source) _receivers[i].OnFrameEnd(frame, nowUs);
                frame.InUse = false;
            }
        }

        static AirFrame NewFrame(int index)
        {
            AirFrame frame = new AirFrame();
            frame.PoolIndex = index;
            return frame;
        }
    }
}
