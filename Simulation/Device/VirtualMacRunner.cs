using LoRaWan.Mac;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// Runs a <see cref="ClassAMac"/> in virtual time: instead of blocking, a wait advances the
    /// <see cref="VirtualScheduler"/> event by event and lets the MAC process what each event posted. The whole
    /// simulation (chip model, air, network, MAC) is then one deterministic thread.
    /// </summary>
    public sealed class VirtualMacRunner : IMacRunner
    {
        readonly VirtualScheduler _scheduler;
        ClassAMac _mac;

        /// <param name="scheduler">the virtual time every component of the simulation uses</param>
        public VirtualMacRunner(VirtualScheduler scheduler)
        {
            _scheduler = scheduler;
        }

        /// <summary>
        /// When set, the runner stops driving the MAC as soon as this flash reports a power loss (a torn write):
        /// nothing more happens on that board, as on a real power cut.
        /// </summary>
        public SimulatedFlash Flash;

        /// <summary>True once a power loss stopped the board.</summary>
        public bool Halted { get; private set; }

        bool _processing;

        bool Process()
        {
            if (Halted) return false;
            _processing = true;
            try { _mac.ProcessEvents(); }
            finally { _processing = false; }
            if (Flash != null && Flash.PowerLost) Halted = true;
            return !Halted;
        }

        /// <inheritdoc />
        public void Attach(ClassAMac mac)
        {
            _mac = mac;
        }

        /// <summary>Stops processing the MAC.</summary>
        public void Detach()
        {
            Halted = true;
        }

        /// <summary>Nothing to do: the MAC is processed after every simulation event.</summary>
        public void Wake()
        {
        }

        /// <inheritdoc />
        /// <exception cref="System.InvalidOperationException">called while the MAC is processing (from an event handler or a
        /// callback such as BatteryLevel): as on the device's MAC thread, that wait could never end</exception>
        public bool Wait(MacOperation operation, int timeoutMs)
        {
            if (_processing)
                throw new System.InvalidOperationException("waiting for the MAC from inside the MAC (an event handler or callback) would never end; queue with BeginSend/BeginJoin instead");
            ulong deadline = _scheduler.NowMicroseconds + (ulong)timeoutMs * 1000UL;
            if (!Process()) return false;
            while (!operation.Done)
            {
                if (_scheduler.PendingCount == 0 || _scheduler.NextDueUs > deadline)
                {
                    _scheduler.RunUntil(deadline);
                    Process();
                    return operation.Done && !Halted;
                }
                _scheduler.RunNext();
                if (!Process()) return false;
            }
            return true;
        }

        /// <summary>Advances virtual time to <paramref name="timeUs"/>, processing the MAC after each event.</summary>
        public void RunUntil(ulong timeUs)
        {
            if (_processing)
                throw new System.InvalidOperationException("virtual time cannot advance from inside the MAC (an event handler or callback)");
            Process();
            while (_scheduler.PendingCount > 0 && _scheduler.NextDueUs <= timeUs)
            {
                _scheduler.RunNext();
                Process();
            }
            _scheduler.RunUntil(timeUs);
        }

        /// <summary>Advances virtual time by <paramref name="durationMs"/> ms (the simulated sketch's Thread.Sleep).</summary>
        public void Sleep(int durationMs)
        {
            RunUntil(_scheduler.NowMicroseconds + (ulong)durationMs * 1000UL);
        }
    }
}
