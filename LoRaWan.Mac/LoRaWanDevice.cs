using System;
using LoRaWan.Mac;
using LoRaWan.Platform;
using LoRaWan.Radio;
using LoRaWan.Regions;

namespace LoRaWan
{
    /// <summary>Raised for each application downlink. The <see cref="Downlink"/> instance is reused: copy what you keep.</summary>
    public delegate void DownlinkEventHandler(LoRaWanDevice sender, Downlink downlink);

    /// <summary>Raised after each join attempt (joined, or not yet: the MAC keeps trying).</summary>
    public delegate void JoinAttemptEventHandler(LoRaWanDevice sender, bool joined, int attempt);

    /// <summary>Raised when an uplink request finishes.</summary>
    public delegate void UplinkCompletedEventHandler(LoRaWanDevice sender, SendResult result);

    /// <summary>
    /// A LoRaWAN 1.0.x Class A end device: what a sketch uses. Create it with a radio, a region, the device's
    /// identity (keys as The Things Stack console shows them), non-volatile storage, a clock and options; then
    /// <see cref="Join"/> and <see cref="Send"/>. Events are raised on the MAC's thread.
    /// </summary>
    public sealed partial class LoRaWanDevice : IMacListener, IDisposable
    {
        readonly ClassAMac _mac;
        readonly IMacRunner _runner;
        readonly MacOperation _joinOp = new MacOperation();
        readonly MacOperation _sendOp = new MacOperation();
        readonly MacOperation _idle = new MacOperation();
        SendResult _lastResult;
        readonly IClock _clock;

        /// <summary>Creates the device with the threaded runner (the board's way).</summary>
        public LoRaWanDevice(IRadio radio, Region region, DeviceIdentity identity, INonVolatileStore store, IScheduler scheduler, LoRaWanOptions options)
            : this(radio, region, identity, store, scheduler, options, null)
        {
        }

        /// <summary>Creates the device with a specific runner (simulation passes a virtual-time one).</summary>
        public LoRaWanDevice(IRadio radio, Region region, DeviceIdentity identity, INonVolatileStore store, IScheduler scheduler,
            LoRaWanOptions options, IMacRunner runner)
        {
            _mac = new ClassAMac(radio, region, identity, store, scheduler, options, this);
            _clock = scheduler;
            _runner = runner != null ? runner : new ThreadedMacRunner(scheduler);
            _mac.Wakeup = _runner;
            _mac.IdleSignal = _idle;
            _runner.Attach(_mac);
        }

        /// <summary>
        /// Stops the MAC's thread (on the board the device usually lives as long as the program; a test or an
        /// application that rebuilds the device calls this). The radio is put to sleep; nothing is erased.
        /// </summary>
        public void Dispose()
        {
            _runner.Detach();
            _mac.Shutdown();
        }

        /// <summary>Application downlinks (FPort 1..223).</summary>
        public event DownlinkEventHandler OnDownlink;

        /// <summary>Join progress.</summary>
        public event JoinAttemptEventHandler OnJoinAttempt;

        /// <summary>Uplink completions (also for non-blocking sends).</summary>
        public event UplinkCompletedEventHandler OnUplinkCompleted;

        /// <summary>The state machine underneath (counters, timing statistics, session).</summary>
        public ClassAMac Mac { get { return _mac; } }

        /// <summary>True when a session exists (joined, restored from storage, or ABP).</summary>
        public bool IsJoined { get { return _mac.IsJoined; } }

        /// <summary>
        /// Milliseconds until every duty-cycle band has rested from this run's transmissions (0 when all may send
        /// now). A device that deep-sleeps between uplinks must sleep at least this long: the duty-cycle history lives
        /// in RAM, so after the wake the MAC could pick any band.
        /// </summary>
        public long DutyCycleRestMs { get { return (long)((_mac.DutyCycleRestUs + 999) / 1000); } }

        /// <summary>The largest payload <see cref="Send"/> accepts at the current data rate.</summary>
        public int MaxPayload { get { return _mac.MaxPayload; } }

        /// <summary>
        /// Joins (OTAA), retrying with the region's back-off, for at most <paramref name="timeoutMs"/> ms.
        /// Returns true when joined. A device that restored its session from storage is already joined.
        /// </summary>
        public bool Join(int timeoutMs)
        {
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException("timeoutMs", "give the join a time limit in ms (> 0)");
            _joinOp.Reset();
            if (!_mac.StartJoin()) return false;
            bool done = _runner.Wait(_joinOp, timeoutMs);
            if (!done) _mac.CancelJoin();
            return _mac.IsJoined;
        }

        /// <summary>Starts joining and returns at once; watch <see cref="OnJoinAttempt"/>. False when busy.</summary>
        public bool BeginJoin()
        {
            _joinOp.Reset();
            return _mac.StartJoin();
        }

        /// <summary>
        /// Sends <paramref name="payload"/> on <paramref name="port"/> (1..223) and waits (at most
        /// <paramref name="timeoutMs"/> ms) for the outcome: Sent, Acked, NoAck, or why it could not be sent.
        /// </summary>
        public SendResult Send(int port, byte[] payload, bool confirmed, int timeoutMs)
        {
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException("timeoutMs", "give the send a time limit in ms (> 0)");
            // The MAC may be busy with an uplink of its own (ACK, MAC answers already on air): wait for it.
            ulong deadline = _clock.NowMicroseconds + (ulong)timeoutMs * 1000UL;
            SendResult r;
            while (true)
            {
                _sendOp.Reset();
                _idle.Reset();
                r = _mac.StartSend(port, payload, 0, payload == null ? 0 : payload.Length, confirmed);
                if (r.Status != SendStatus.Busy) break;
                ulong now = _clock.NowMicroseconds;
                if (now >= deadline || !_runner.Wait(_idle, (int)((deadline - now) / 1000UL) + 1)) return SendResult.Of(SendStatus.Timeout);
            }
            if (r.Status != SendStatus.Pending) return r;
            ulong left = _clock.NowMicroseconds >= deadline ? 1 : (deadline - _clock.NowMicroseconds) / 1000UL + 1;
            if (!_runner.Wait(_sendOp, (int)left)) return SendResult.Of(SendStatus.Timeout);
            return _lastResult;
        }

        /// <summary>Sends with a time limit long enough for any data rate, duty-cycle wait and NbTrans (10 minutes).</summary>
        public SendResult Send(int port, byte[] payload, bool confirmed)
        {
            return Send(port, payload, confirmed, 600000);
        }

        /// <summary>Queues an uplink and returns at once (Pending, or why not); the outcome arrives in <see cref="OnUplinkCompleted"/>.</summary>
        public SendResult BeginSend(int port, byte[] payload, int offset, int length, bool confirmed)
        {
            _sendOp.Reset();
            return _mac.StartSend(port, payload, offset, length, confirmed);
        }

        void IMacListener.OnJoinAttempt(bool joined, int attempt)
        {
            if (joined || attempt < 0) _joinOp.Finish();
            JoinAttemptEventHandler h = OnJoinAttempt;
            if (h != null) h(this, joined, attempt);
        }

        void IMacListener.OnUplinkCompleted(SendResult result)
        {
            _lastResult = result;
            _sendOp.Finish();
            UplinkCompletedEventHandler h = OnUplinkCompleted;
            if (h != null) h(this, result);
        }

        void IMacListener.OnDownlink(Downlink downlink)
        {
            DownlinkEventHandler h = OnDownlink;
            if (h != null) h(this, downlink);
        }
    }
}
