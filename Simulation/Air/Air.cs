using System;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// The radio medium: carries LoRa frames between attached radios in virtual time. A transmitter takes a
    /// pooled <see cref="AirFrame"/> from <see cref="Acquire"/>, fills it and hands it to <see cref="Send"/>; at the
    /// frame's start every other attached <see cref="IAirReceiver"/> is told (and decides whether it is listening
    /// with matching parameters), and again at its end. Frames are recycled after their end event, so a busy
    /// simulation allocates nothing once the pool has grown to the number of overlapping frames. Unmodulated carriers
    /// (a continuous wave) are not frames: <see cref="StartCarrier"/> keeps them apart (<see cref="AirCarrier"/>).
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

        /// <summary>How many carriers <see cref="GetCarrier"/> keeps (the oldest are overwritten).</summary>
        public const int CarrierLogSize = 8;

        readonly AirCarrier[] _carriers = NewCarriers();
        int _carrierCount;

        /// <summary>Carriers started since the air was created.</summary>
        public int CarrierCount
        {
            get { return _carrierCount; }
        }

        /// <summary>
        /// Puts an unmodulated carrier on the air from now until <see cref="EndCarrier"/> (a continuous wave; no frame,
        /// nobody receives it). Returns it (pooled: valid until <see cref="CarrierLogSize"/> more carriers started).
        /// </summary>
        public AirCarrier StartCarrier(object source, uint frequencyHz, int powerDbm)
        {
            AirCarrier c = _carriers[_carrierCount % CarrierLogSize];
            _carrierCount++;
            c.Source = source;
            c.FrequencyHz = frequencyHz;
            c.PowerDbm = powerDbm;
            c.StartUs = _scheduler.NowMicroseconds;
            c.EndUs = ulong.MaxValue;
            return c;
        }

        /// <summary>The transmitter stopped <paramref name="carrier"/> now.</summary>
        public void EndCarrier(AirCarrier carrier)
        {
            if (carrier != null && carrier.On) carrier.EndUs = _scheduler.NowMicroseconds;
        }

        /// <summary>The <paramref name="index"/>-th carrier from the last (0 = the most recent), or null.</summary>
        public AirCarrier GetCarrier(int index)
        {
            if (index < 0 || index >= _carrierCount || index >= CarrierLogSize) return null;
            return _carriers[(_carrierCount - 1 - index) % CarrierLogSize];
        }

        /// <summary>
        /// The strongest carrier on now within ± <paramref name="halfBandwidthHz"/> of <paramref name="frequencyHz"/>, as
        /// <paramref name="listener"/> hears it (its link RSSI <paramref name="linkRssiDbm"/>: the air models no path loss
        /// per transmitter); int.MinValue when none (its own carrier is not heard).
        /// </summary>
        public int CarrierRssiDbm(uint frequencyHz, int halfBandwidthHz, object listener, int linkRssiDbm)
        {
            int n = _carrierCount < CarrierLogSize ? _carrierCount : CarrierLogSize;
            for (int i = 0; i < n; i++)
            {
                AirCarrier c = _carriers[i];
                if (!c.On || c.Source == listener) continue;
                long offset = (long)c.FrequencyHz - (long)frequencyHz;
                if (offset < 0) offset = -offset;
                if (offset < halfBandwidthHz) return linkRssiDbm;
            }
            return int.MinValue;
        }

        static AirCarrier[] NewCarriers()
        {
            AirCarrier[] carriers = new AirCarrier[CarrierLogSize];
            for (int i = 0; i < carriers.Length; i++) carriers[i] = new AirCarrier();
            return carriers;
        }

        static AirFrame NewFrame(int index)
        {
            AirFrame frame = new AirFrame();
            frame.PoolIndex = index;
            return frame;
        }
    }
}
