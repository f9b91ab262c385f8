using System.Threading;
using LoRaWan.Platform;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The device runner: one dedicated thread drains the MAC's event queue whenever an interrupt or the alarm
    /// posts to it (it never waits longer than <see cref="PollMs"/>, so a lost wake-up costs at most that).
    /// Interrupt handlers only post and <see cref="Wake"/>; all MAC work happens on this thread.
    /// </summary>
    public sealed class ThreadedMacRunner : IMacRunner
    {
        /// <summary>Longest sleep of the MAC thread between checks of its queue, ms.</summary>
        public const int PollMs = 500;

        readonly AutoResetEvent _wake = new AutoResetEvent(false);
        readonly AutoResetEvent _progress = new AutoResetEvent(false);
        readonly IClock _clock;
        ClassAMac _mac;
        Thread _thread;
        // Set by Detach before it wakes the loop; the loop reads it after every wake-up without a lock (a lock allocates on
        // nanoCLR, issue 20): the wake-up (Set, then WaitOne returning) orders the write before the read, and a loop that
        // woke for another reason and missed it wakes again at once for Detach's own Set.
        bool _stopping;

        /// <param name="clock">the monotonic clock used for wait deadlines</param>
        public ThreadedMacRunner(IClock clock)
        {
            _clock = clock;
        }

        /// <inheritdoc />
        public void Attach(ClassAMac mac)
        {
            _mac = mac;
            _thread = new Thread(Loop);
            _thread.Priority = ThreadPriority.AboveNormal;
            _thread.Start();
        }

        /// <inheritdoc />
        public void Wake()
        {
            _wake.Set();
        }

        /// <inheritdoc />
        public void Detach()
        {
            _stopping = true;
            _wake.Set();
            if (_thread != null) _thread.Join(2 * PollMs);
            _progress.Set();
        }

        void Loop()
        {
            while (true)
            {
                _wake.WaitOne(PollMs, false);
                if (_stopping) return;
                if (_mac.ProcessEvents() > 0) _progress.Set();
            }
        }

        /// <inheritdoc />
        /// <exception cref="System.InvalidOperationException">called on the MAC's own thread (from an event handler or a
        /// callback such as BatteryLevel): the operation could never finish while that thread waits</exception>
        public bool Wait(MacOperation operation, int timeoutMs)
        {
            Thread mac = _thread;
            if (mac != null && Thread.CurrentThread.ManagedThreadId == mac.ManagedThreadId)
                throw new System.InvalidOperationException("waiting for the MAC on the MAC's own thread (an event handler or callback) would never end; queue with BeginSend/BeginJoin instead");
            ulong deadline = _clock.NowMicroseconds + (ulong)timeoutMs * 1000UL;
            while (!operation.Done)
            {
                ulong now = _clock.NowMicroseconds;
                if (now >= deadline) return false;
                ulong leftMs = (deadline - now) / 1000UL;
                _progress.WaitOne(leftMs > PollMs ? PollMs : (int)leftMs + 1, false);
            }
            return true;
        }
    }
}
