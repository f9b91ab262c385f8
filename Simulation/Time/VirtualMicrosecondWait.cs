using System;
using Drivers.Sx127x;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// The driver's short waits in virtual time (between the RSSI samples of a carrier sense): virtual time advances
    /// by the wait, running whatever falls due meanwhile, as the rest of the world goes on while a real MAC thread
    /// blocks for a few milliseconds.
    /// </summary>
    public sealed class VirtualMicrosecondWait : IMicrosecondWait
    {
        readonly VirtualScheduler _scheduler;

        /// <param name="scheduler">the simulation's virtual time</param>
        public VirtualMicrosecondWait(VirtualScheduler scheduler)
        {
            if (scheduler == null) throw new ArgumentNullException("scheduler");
            _scheduler = scheduler;
        }

        /// <inheritdoc />
        public void Wait(int microseconds)
        {
            if (microseconds > 0) _scheduler.RunUntil(_scheduler.NowMicroseconds + (ulong)microseconds);
        }
    }
}
