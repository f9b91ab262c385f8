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

        /// <inheritdoc />
        public void Attach(ClassAMac mac)
        {
            _mac = mac;
        }

        /// <summary>Nothing to do: the MAC is processed after every simulation event.</summary>
        public void Wake()
        {
        }

        /// <inheritdoc />
        public bool Wait(MacOperation operation, int timeoutMs)
        {
            ulong deadline = _scheduler.NowMicroseconds + (ulong)timeoutMs * 1000UL;
            _mac.ProcessEvents();
            while (!operation.Done)
            {
                if (_scheduler.PendingCount == 0 || _scheduler.NextDueUs > deadline)
                {
                    _scheduler.RunUntil(deadline);
                    _mac.ProcessEvents();
                    return operation.Done;
                }
                _scheduler.RunNext();
                _mac.ProcessEvents();
            }
            return true;
        }

        /// <summary>Advances virtual time to <paramref name="timeUs"/>, processing the MAC after each event.</summary>
        public void RunUntil(ulong timeUs)
        {
            _mac.ProcessEvents();
            while (_scheduler.PendingCount > 0 && _scheduler.NextDueUs <= timeUs)
            {
                _scheduler.RunNext();
                _mac.ProcessEvents();
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
