using System;
using Drivers.Sx127x;
using LoRaWan.Platform;
using LoRaWan.Radio;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// A simulated device: the real <see cref="Sx1276"/> driver on a <see cref="Sx1276ChipModel"/>, DIO interrupts
    /// delivered through the virtual scheduler with a seedable latency, and a MAC alarm with its own timing error
    /// (the only alarm: the driver's TX recovery runs when the MAC's deadline calls it). Two lines give a working radio on virtual time:
    /// <code>
    /// var board = new SimulatedBoard(1);   // its own scheduler and air, driver initialised
    /// IRadio radio = board.Radio;          // and board.MacScheduler for the MAC
    /// </code>
    /// Share one <see cref="VirtualScheduler"/> and <see cref="Air"/> between several boards (and a
    /// <see cref="GatewayEndpoint"/>) with the other constructor.
    /// </summary>
    public sealed class SimulatedBoard : IDioListener, ISimulationEventHandler
    {
        readonly VirtualScheduler _scheduler;
        readonly Air _air;
        readonly Sx1276ChipModel _chip;
        readonly Sx1276 _driver;
        readonly Jitter _interruptJitter;
        readonly Jitter _dioLatency;
        readonly Jitter _alarmJitter;
        readonly VirtualAlarm _macAlarm;
        int _interruptsDelivered;

        /// <summary>A board with its own scheduler and air, timing errors seeded by <paramref name="seed"/> (all zero until set).</summary>
        public SimulatedBoard(int seed) : this(new VirtualScheduler(), null, seed, true)
        {
        }

        /// <summary>
        /// A board on a shared <paramref name="scheduler"/> and <paramref name="air"/> (null: a new air). When
        /// <paramref name="initialize"/> is true the driver's <see cref="Sx1276.Init"/> runs now.
        /// </summary>
        public SimulatedBoard(VirtualScheduler scheduler, Air air, int seed, bool initialize)
        {
            if (scheduler == null) throw new ArgumentNullException("scheduler");
            _scheduler = scheduler;
            _air = air != null ? air : new Air(scheduler);
            _chip = new Sx1276ChipModel(scheduler, _air);
            _chip.SetDioListener(this);
            _interruptJitter = new Jitter(seed);
            _dioLatency = new Jitter(seed * 131 + 7);
            _alarmJitter = new Jitter(seed * 31 + 17);
            _macAlarm = new VirtualAlarm(scheduler, _alarmJitter);
            _driver = new Sx1276(_chip, scheduler, _chip);
            _driver.SenseWait = new VirtualMicrosecondWait(scheduler);
            if (initialize) _driver.Init();
        }

        /// <summary>The radio as the MAC sees it.</summary>
        public IRadio Radio
        {
            get { return _driver; }
        }

        /// <summary>The driver itself (Init, diagnostics, interrupt entry points).</summary>
        public Sx1276 Driver
        {
            get { return _driver; }
        }

        /// <summary>The chip model (registers, misbehaviour switches, link quality).</summary>
        public Sx1276ChipModel Chip
        {
            get { return _chip; }
        }

        /// <summary>The MAC's clock and alarm; its deliveries are shifted by <see cref="AlarmJitter"/>.</summary>
        public IScheduler MacScheduler
        {
            get { return _macAlarm; }
        }

        /// <summary>The MAC alarm as a <see cref="VirtualAlarm"/> (to inspect whether it is armed).</summary>
        public VirtualAlarm MacAlarm
        {
            get { return _macAlarm; }
        }

        /// <summary>Virtual time.</summary>
        public VirtualScheduler Scheduler
        {
            get { return _scheduler; }
        }

        /// <summary>The air this board's radio is attached to.</summary>
        public Air Air
        {
            get { return _air; }
        }

        /// <summary>Delay of DIO interrupt delivery: set <see cref="Jitter.LatencyMaxUs"/> (and spread) to model ISR latency.</summary>
        public Jitter InterruptJitter
        {
            get { return _interruptJitter; }
        }

        /// <summary>
        /// Extra DIO interrupt latency on its own (set <see cref="Jitter.LatencyMaxUs"/>: uniform 0..max), drawn from
        /// its own seeded sequence and added after <see cref="InterruptJitter"/>: the managed GPIO handler's delay on
        /// nanoFramework (event queue, time slice, garbage collection), with the alarms untouched.
        /// </summary>
        public Jitter DioLatency
        {
            get { return _dioLatency; }
        }

        /// <summary>Timing error of MAC alarm delivery (early or late).</summary>
        public Jitter AlarmJitter
        {
            get { return _alarmJitter; }
        }

        /// <summary>DIO interrupts delivered to the driver so far.</summary>
        public int InterruptsDelivered
        {
            get { return _interruptsDelivered; }
        }

        /// <summary>Chip callback: a DIO pin rose; the driver's handler runs after the interrupt latency.</summary>
        public void OnDioRising(int dio, ulong nowUs)
        {
            ulong at = _interruptJitter.Apply(nowUs, nowUs);
            _scheduler.Schedule(_dioLatency.Apply(at, at), this, dio);
        }

        /// <summary>Scheduler callback: the (late) interrupt handler runs.</summary>
        public void OnSimulationEvent(ulong nowUs, int tag)
        {
            _interruptsDelivered++;
            if (tag == 0) _driver.OnDio0();
            else _driver.OnDio1();
        }
    }
}
