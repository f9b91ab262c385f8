using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LoRaWan.Simulation;

namespace LoRaWan.Udp
{
    /// <summary>Work done on the simulation thread at every pacer tick (e.g. draining datagrams received from the network).</summary>
    public interface IRealTimeService
    {
        /// <summary>Called on the simulation thread with the current virtual time.</summary>
        void Poll(ulong nowUs);
    }

    /// <summary>
    /// Makes a <see cref="VirtualScheduler"/> run at wall-clock speed, so the simulation can talk to the outside world
    /// (a real network server) in real time. The pacer is an event on the scheduler itself that re-schedules itself
    /// every <see cref="StepUs"/> of virtual time; when it runs at virtual time T it sleeps until the wall clock
    /// reaches T, then lets the <see cref="IRealTimeService"/>s inject what arrived from other threads. Every other
    /// event therefore runs at most one step before its wall-clock time and never much after it (unless the host
    /// is too slow, which <see cref="MaxLagUs"/> reports). Nothing else changes: whoever drives the scheduler
    /// (the MAC runner) keeps doing so on its own single thread; input from other threads only ever enters through
    /// <see cref="Wake"/> and the services' own thread-safe queues.
    /// </summary>
    public sealed class RealTimePacer : ISimulationEventHandler
    {
        readonly VirtualScheduler _scheduler;
        readonly List<IRealTimeService> _services = new List<IRealTimeService>();
        readonly AutoResetEvent _wake = new AutoResetEvent(false);
        readonly ulong _stepUs;
        ulong _virtualAnchorUs;
        long _wallAnchorTicks;
        DateTime _utcAnchor;
        bool _running;
        bool _anchorAtFirstTick;
        int _generation;

        /// <summary>A pacer for <paramref name="scheduler"/> checking the wall clock every <paramref name="stepUs"/> µs of virtual time.</summary>
        public RealTimePacer(VirtualScheduler scheduler, ulong stepUs = 1000)
        {
            _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
            if (stepUs < 100 || stepUs > 100000) throw new ArgumentOutOfRangeException(nameof(stepUs), "100 µs .. 100 ms");
            _stepUs = stepUs;
        }

        /// <summary>Virtual time between two wall-clock checks: the most any event can run ahead of the wall clock.</summary>
        public ulong StepUs => _stepUs;

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool Running => _running;

        /// <summary>Largest amount the wall clock was behind virtual time after a wait (µs; sleep overshoot shows as negative lead).</summary>
        public long MaxLeadUs { get; private set; }

        /// <summary>Largest amount virtual time was behind the wall clock at a tick (µs): the host could not keep up.</summary>
        public long MaxLagUs { get; private set; }

        /// <summary>Virtual time at which <see cref="MaxLagUs"/> was seen.</summary>
        public ulong MaxLagAtUs { get; private set; }

        /// <summary>Ticks run so far.</summary>
        public long Ticks { get; private set; }

        /// <summary>Adds a service polled at every tick (call before or after <see cref="Start"/>, on the simulation thread).</summary>
        public void AddService(IRealTimeService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            _services.Add(service);
        }

        /// <summary>
        /// Starts pacing (simulation thread): the current virtual time is tied to the wall clock now, and again at the
        /// first tick, so set-up work done before the scheduler runs (booting the board) does not count as lag.
        /// </summary>
        public void Start()
        {
            if (_running) return;
            Anchor();
            _running = true;
            _anchorAtFirstTick = true;
            _generation++;
            _scheduler.Schedule(_virtualAnchorUs, this, _generation);
        }

        void Anchor()
        {
            _virtualAnchorUs = _scheduler.NowMicroseconds;
            _wallAnchorTicks = Stopwatch.GetTimestamp();
            _utcAnchor = DateTime.UtcNow;
        }

        /// <summary>Stops pacing: the scheduler runs as fast as it can again (simulation thread).</summary>
        public void Stop()
        {
            _running = false;
            _generation++;
            _wake.Set();
        }

        /// <summary>Interrupts the current wait so the services are polled now. Thread-safe.</summary>
        public void Wake()
        {
            _wake.Set();
        }

        /// <summary>The virtual time that corresponds to the wall clock now.</summary>
        public ulong WallNowUs
        {
            get
            {
                long elapsed = Stopwatch.GetTimestamp() - _wallAnchorTicks;
                return _virtualAnchorUs + (ulong)(elapsed * 1000000.0 / Stopwatch.Frequency);
            }
        }

        /// <summary>The UTC time that corresponds to <paramref name="virtualUs"/>.</summary>
        public DateTime UtcAt(ulong virtualUs)
        {
            long deltaUs = (long)virtualUs - (long)_virtualAnchorUs;
            return _utcAnchor.AddTicks(deltaUs * 10);
        }

        /// <inheritdoc />
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            if (!_running || tag != _generation) return;
            if (_anchorAtFirstTick)
            {
                _anchorAtFirstTick = false;
                Anchor();
            }
            Ticks++;
            long lag = (long)WallNowUs - (long)nowUs;
            if (lag > MaxLagUs) { MaxLagUs = lag; MaxLagAtUs = nowUs; }
            while (true)
            {
                for (int i = 0; i < _services.Count; i++) _services[i].Poll(nowUs);
                long remainingUs = (long)nowUs - (long)WallNowUs;
                // Waits are in whole milliseconds: stop once less than half a millisecond remains.
                if (remainingUs < 500) break;
                _wake.WaitOne((int)Math.Max(1, remainingUs / 1000));
                if (!_running) return;
            }
            long lead = (long)nowUs - (long)WallNowUs;
            if (lead > MaxLeadUs) MaxLeadUs = lead;
            _scheduler.Schedule(nowUs + _stepUs, this, _generation);
        }
    }
}
