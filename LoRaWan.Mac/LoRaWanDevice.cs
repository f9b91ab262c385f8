using System;
using System.Threading;
using LoRaWan.Mac;
using LoRaWan.Platform;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;

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
    /// <see cref="Join"/> and <see cref="Send"/>. Events are raised on the MAC's thread once the step that caused them is
    /// complete (receive windows closed, the uplink finished): a handler sees a consistent MAC, and a Send or BeginSend
    /// from a handler queues the uplink instead of waiting (see <see cref="Send(int, byte[], bool, int)"/>). Keep handlers
    /// short: the MAC's next step waits for them.
    /// </summary>
    public sealed partial class LoRaWanDevice : IDisposable
    {
        readonly ClassAMac _mac;
        readonly IMacRunner _runner;
        // Finished by the relay when a join ends (joined, or given up) and when one succeeds; each waiting Join watches them
        // through its own views.
        readonly MacOperation _joinEnded = new MacOperation();
        readonly MacOperation _joined = new MacOperation();
        readonly MacOperation _idle;
        // The OnUplinkCompleted event's argument, written and read on the MAC's thread only (a waiting Send gets its
        // outcome in its own waiter, LoRaWanDevice.Waiters.cs).
        SendResult _eventResult;
        readonly IClock _clock;

        /// <summary>Creates the device with the threaded runner and no optional parts (the board's way).</summary>
        public LoRaWanDevice(IRadio radio, Region region, DeviceIdentity identity, INonVolatileStore store, IScheduler scheduler, LoRaWanOptions options)
            : this(new ClassAMac(radio, region, identity, store, scheduler, options, null))
        {
        }

        /// <summary>
        /// Creates the device with optional parts: the battery level for DevStatusAns, a trace, a runner (see
        /// <see cref="MacWiring"/>; read once here).
        /// </summary>
        public LoRaWanDevice(IRadio radio, Region region, DeviceIdentity identity, INonVolatileStore store, IScheduler scheduler,
            LoRaWanOptions options, MacWiring wiring)
            : this(new ClassAMac(radio, region, identity, store, scheduler, options, wiring))
        {
        }

        /// <summary>
        /// Creates the device over a MAC built by the caller (the simulation and the tests do, to watch the state machine
        /// underneath). The device hands nothing of it out; one device per MAC.
        /// </summary>
        /// <exception cref="InvalidOperationException"><paramref name="mac"/> is already wrapped by another device</exception>
        public LoRaWanDevice(ClassAMac mac)
        {
            if (mac == null) throw new ArgumentNullException("mac");
            var relay = new MacRelay(this);
            mac.AttachDevice(relay, relay);
            _mac = mac;
            _clock = mac.Scheduler;
            _idle = mac.IdleSignal;
            _runner = mac.Runner;
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

        /// <summary>
        /// What the MAC measured and counted: receive-window timing, counters, the last errors, the DevNonce record found
        /// at start-up. Read-only.
        /// </summary>
        public MacDiagnostics Diagnostics { get { return _mac.Diagnostics; } }

        /// <summary>True when a session exists (joined, restored from storage, or ABP).</summary>
        public bool IsJoined { get { return _mac.IsJoined; } }

        /// <summary>The session's DevAddr (assigned by the join-accept, or the ABP one); 0 while there is no session.</summary>
        public uint DevAddr { get { return _mac.Session.ActiveDevAddr; } }

        /// <summary>
        /// Milliseconds until every duty-cycle band has rested from this run's transmissions (0 when all may send
        /// now). A device that deep-sleeps between uplinks must sleep at least this long: the duty-cycle history lives
        /// in RAM, so after the wake the MAC could pick any band.
        /// </summary>
        public long DutyCycleRestMs { get { return (long)((_mac.DutyCycleRestUs + 999) / 1000); } }

        /// <summary>
        /// The largest application payload <see cref="Send"/> accepts now, at the session's current data rate (MAC
        /// answers that do not fit beside it go in a frame of their own first). 0 while there is no session (before
        /// the join, or after a rejoin started): nothing can be sent then, and the join decides the data rate.
        /// </summary>
        public int MaxPayload { get { return _mac.IsJoined ? _mac.MaxPayload : 0; } }

        /// <summary>
        /// The device class the application chose last with <see cref="SetDeviceClass"/>, or the one restored with the
        /// session at start-up (<see cref="LoRaWan.Mac.DeviceClass.A"/> for a new device).
        /// </summary>
        public DeviceClass DeviceClass { get { return _mac.DeviceClass; } }

        /// <summary>
        /// Chooses the device class (LoRaWAN 1.0.4 §15). <see cref="LoRaWan.Mac.DeviceClass.C"/>: besides RX1 and RX2
        /// after each uplink, the radio listens on RXC — the RX2 frequency and data rate — whenever it is not transmitting
        /// or in RX1/RX2, so a downlink the network queues arrives within about a second (<see cref="OnDownlink"/> reports it
        /// with <see cref="Downlink.Window"/> = <see cref="Downlink.Rxc"/>); a confirmed one is acknowledged by the next
        /// uplink, or an empty one after <see cref="LoRaWanOptions.ClassCAckUplinkDelayMs"/>. The receiver then draws
        /// about 11 mA all the time: for mains- or USB-powered boards. <see cref="LoRaWan.Mac.DeviceClass.A"/> stops it.
        /// The network must know the class too (The Things Stack: "Supports class C" in the device's settings). Takes
        /// effect on the MAC's thread at once, in any state, and is saved with the session: a Class C device listens
        /// again after a reset. Returns at once; any thread, event handlers included.
        /// <para>LoRaWAN 1.1 (<see cref="LoRaWanOptions.Version"/>) with a session: the device tells the network with
        /// DeviceModeInd, repeated in every uplink until DeviceModeConf, and the class changes when the first uplink
        /// carrying it goes out (LoRaWAN 1.1 §18.1); the MAC sends an empty uplink for it after
        /// <see cref="LoRaWanOptions.EmptyAckUplinkDelayMs"/> if the application sends nothing.</para>
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">a class other than A or C (Class B is not implemented)</exception>
        public void SetDeviceClass(DeviceClass deviceClass)
        {
            _mac.SetDeviceClass(deviceClass);
        }

        /// <summary>
        /// Joins (OTAA), retrying with the region's back-off, for at most <paramref name="timeoutMs"/> ms.
        /// Returns true when joined. A device that restored its session from storage is already joined.
        /// </summary>
        /// <exception cref="InvalidOperationException">called from an event handler: the join needs the MAC's thread
        /// the handler is running on; use <see cref="BeginJoin"/> there</exception>
        public bool Join(int timeoutMs)
        {
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException("timeoutMs", "give the join a time limit in ms (> 0)");
            if (_mac.IsInEventHandler)
                throw new InvalidOperationException("Join waits for the MAC's thread, which is running this event handler; call BeginJoin from a handler");
            Waiter w = ClaimWaiter();
            try
            {
                // This caller's own view of "a join ended", armed before the join starts: another thread's Join or
                // BeginJoin cannot hide the end of this one.
                w.View.Watch(_joinEnded, _joinEnded.Finishes);
                int joinedBefore = _joined.Finishes;
                if (!_mac.StartJoin()) return false;
                if (_runner.Wait(w.View, timeoutMs))
                {
                    // A join ended since the views were armed: this one (or, rarely, one cancelled just before this one
                    // started, whose end was raised late). True when a join succeeded, even if another thread has started a
                    // new join since (which ends the session in use).
                    return _joined.Finishes != joinedBefore || _mac.IsJoined;
                }
                _mac.CancelJoin();
                return _mac.IsJoined;
            }
            finally
            {
                ReleaseWaiter(w);
            }
        }

        /// <summary>Starts joining and returns at once; watch <see cref="OnJoinAttempt"/>. False when busy.</summary>
        public bool BeginJoin()
        {
            return _mac.StartJoin();
        }

        /// <summary>
        /// Sends a LoRaWAN 1.1 Rejoin-request (§6.2.4) and returns at once: <paramref name="type"/> 0 asks the network for a
        /// new session and radio parameters (signed with SNwkSIntKey), 1 restores a lost session context through the join
        /// server (signed with JSIntKey). Its RJcount is persisted before it goes out and never reused. The session in use
        /// stays in use, and uplinks wait, until the request's join windows are over; when a join-accept answers it the
        /// new session replaces the old one (<see cref="DevAddr"/>, keys, frame counters from 0, RekeyInd until RekeyConf).
        /// An unanswered request changes nothing; send it again later. Type 2 is not the device's to start: the MAC sends
        /// it when the network's ForceRejoinReq asks. False while the MAC is busy (a join, an uplink, another Rejoin-request,
        /// or the Rejoin-requests a ForceRejoinReq ordered, which it does not replace: LoRaWAN 1.1 §5.13). True means queued:
        /// a ForceRejoinReq the MAC receives before it takes the request wins, and this request is then dropped.
        /// Any thread, event handlers included.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not 0 or 1</exception>
        /// <exception cref="InvalidOperationException">Rejoin-requests do not apply: a LoRaWAN 1.0.x device, an ABP device,
        /// no session yet, or a join the network answered with OptNeg = 0 (a LoRaWAN 1.0 network); the message says which</exception>
        public bool StartRejoin(int type)
        {
            return _mac.StartRejoin(type);
        }

        /// <summary>
        /// Sends <paramref name="payload"/> (all of it; a zero-length array sends an uplink with FPort and no
        /// FRMPayload; null is refused with InvalidArgument) on <paramref name="port"/> (1..223) and waits at most
        /// <paramref name="timeoutMs"/> ms for the outcome. The result is exact about what happens on air:
        /// <list type="bullet">
        /// <item>Sent, Acked, NoAck: the uplink's outcome (FCnt, data rate, transmissions).</item>
        /// <item>DutyCycleWait, returned at once: the duty cycle keeps every channel busy for <see cref="SendResult.WaitMs"/>,
        /// longer than the limit allows (the wait, the air time and RECEIVE_DELAY1 exceed it). Nothing was queued and
        /// no FCnt was used; send again after WaitMs, or with a longer limit.</item>
        /// <item>Timeout: nothing of this uplink goes on air and no FCnt was used — the MAC stayed busy with another
        /// uplink or the join for the whole limit, or the limit is shorter than one uplink cycle (returned at once).</item>
        /// <item>Pending: the uplink was queued but did not finish within the limit (a duty-cycle wait the MAC could
        /// not foresee, retransmissions, receive windows). It stays queued, goes on air, and its outcome arrives in
        /// <see cref="OnUplinkCompleted"/>. Also the answer from an event handler, see below.</item>
        /// <item>NotJoined, PayloadTooLarge (with <see cref="SendResult.MaxPayload"/>), InvalidArgument, Busy,
        /// CounterExhausted: refused, nothing queued. RadioError, InternalError: see <see cref="SendStatus"/>.</item>
        /// <item>PayloadSkipped (LoRaWAN 1.1): MAC commands owed in every uplink (RekeyInd, ResetInd, DeviceModeInd) did
        /// not fit beside the payload; they went ahead alone, their Conf did not come, and the payload was not sent
        /// (<see cref="SendResult.MaxPayload"/> fits beside them). Send it again.</item>
        /// </list>
        /// From an event handler (<see cref="OnDownlink"/> and the others run on the MAC's thread) Send does not wait:
        /// the uplink is queued — behind the one in progress, if any — and Send returns Pending at once; the outcome
        /// arrives in <see cref="OnUplinkCompleted"/>.
        /// </summary>
        public SendResult Send(int port, byte[] payload, bool confirmed, int timeoutMs)
        {
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException("timeoutMs", "give the send a time limit in ms (> 0)");
            Waiter w = ClaimWaiter();
            try
            {
                w.Target = w.Own;
                Run(w, port, payload, 0, payload == null ? 0 : payload.Length, confirmed, timeoutMs, w.Own);
            }
            catch
            {
                AbandonWaiter(w);
                throw;
            }
            return Collect(w);
        }

        /// <summary>The waiter's outcome as the value Send returns (on nanoCLR: the struct local and the copy returned); frees it.</summary>
        static SendResult Collect(Waiter w)
        {
            var r = new SendResult();
            w.Own.CopyTo(ref r);
            ReleaseWaiter(w);
            return r;
        }

        /// <summary>
        /// <see cref="Send(int, byte[], bool, int)"/> without a <see cref="SendResult"/>: sends <paramref name="length"/> bytes
        /// of <paramref name="payload"/> from <paramref name="offset"/> (the caller's buffer is free on return), fills
        /// <paramref name="result"/> — the caller's own object, created once and reused — in place and returns its
        /// <see cref="UplinkOutcome.Status"/>. Everything else as <see cref="Send(int, byte[], bool, int)"/>: the same
        /// statuses with the same meaning (a refusal's <see cref="UplinkOutcome.MaxPayload"/> and
        /// <see cref="UplinkOutcome.WaitMs"/> included; InvalidArgument also for an offset/length outside the array), the same
        /// time limit, Pending at once from an event handler. It allocates nothing, on nanoCLR either (a returned
        /// <see cref="SendResult"/> is a heap copy there): the way a sketch that sends forever should send. Each caller
        /// gets its own uplink's outcome, whatever other threads send meanwhile; give each thread its own
        /// <paramref name="result"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="result"/> is null</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeoutMs"/> is not positive</exception>
        public SendStatus Send(int port, byte[] payload, int offset, int length, bool confirmed, int timeoutMs, UplinkOutcome result)
        {
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException("timeoutMs", "give the send a time limit in ms (> 0)");
            if (result == null) throw new ArgumentNullException("result");
            Waiter w = ClaimWaiter();
            SendStatus status;
            try
            {
                w.Target = result;
                status = Run(w, port, payload, offset, length, confirmed, timeoutMs, result);
            }
            catch
            {
                AbandonWaiter(w);
                throw;
            }
            ReleaseWaiter(w);
            return status;
        }

        /// <summary>Both Sends: queue the uplink with this caller's ticket, wait for its outcome in <paramref name="result"/>.</summary>
        SendStatus Run(Waiter w, int port, byte[] payload, int offset, int length, bool confirmed, int timeoutMs, UplinkOutcome result)
        {
            int dataRate, maxPayload;
            long waitMs;
            SendStatus status;
            // A handler runs on the MAC's thread: waiting here would wait for itself. Queue and return.
            if (_mac.IsInEventHandler)
            {
                status = _mac.RequestSend(port, payload, offset, length, confirmed, ulong.MaxValue, 0, out dataRate, out maxPayload, out waitMs);
                result.SetRefused(status, dataRate, maxPayload, waitMs);
                return status;
            }
            // The MAC may be busy with an uplink of its own (ACK, MAC answers already on air) or another caller's: wait for
            // it. Every flag waited on is this caller's own, armed before the request, so a finish in between is not lost:
            // its outcome flag (Delivered) and its view of the MAC's idle signal. Armed with plain field accesses (issue 20:
            // each call costs; the ticket and the counts are published by the request slot's Interlocked exchange).
            ulong now = _clock.NowMicroseconds;
            ulong deadline = now + (ulong)timeoutMs * 1000UL;
            int ticket = Interlocked.Increment(ref _lastTicket);
            if (ticket == 0) ticket = Interlocked.Increment(ref _lastTicket);   // 0 means "no ticket"
            MacOperation delivered = w.Delivered;
            delivered.SeenCount = delivered.FinishCount;   // only the relay finishes it, and only for this ticket
            w.Ticket = ticket;
            MacOperation idle = _idle;
            while (true)
            {
                int idleSeen = idle.FinishCount;
                status = _mac.RequestSend(port, payload, offset, length, confirmed, now >= deadline ? 0 : deadline - now, ticket, out dataRate, out maxPayload, out waitMs);
                if (status != SendStatus.Busy) break;
                now = _clock.NowMicroseconds;
                w.View.Watch(idle, idleSeen);
                if (now >= deadline || !_runner.Wait(w.View, (int)((deadline - now) / 1000UL) + 1))
                {
                    status = SendStatus.Timeout;
                    break;
                }
                now = _clock.NowMicroseconds;
            }
            if (status != SendStatus.Pending)
            {
                w.Ticket = 0;   // nothing was queued with it
                result.SetRefused(status, dataRate, maxPayload, waitMs);
                return status;
            }
            // Not finished in time: the uplink stays queued (or is between its transmissions and windows), so say so; its
            // outcome then reaches only OnUplinkCompleted.
            if (!_runner.Wait(delivered, now >= deadline ? 1 : (int)((deadline - now) / 1000UL) + 1) && !DeliveryUnderWay(w, ticket))
            {
                result.SetRefused(SendStatus.Pending, 0, 0, 0);
                return SendStatus.Pending;
            }
            return result.Status;
        }

        /// <summary>
        /// <see cref="Send(int, byte[], bool, int)"/> with a 10-minute limit (any data rate and NbTrans; longer duty-cycle
        /// waits return DutyCycleWait at once).
        /// </summary>
        public SendResult Send(int port, byte[] payload, bool confirmed)
        {
            return Send(port, payload, confirmed, 600000);
        }

        /// <summary>
        /// Queues an uplink of <paramref name="length"/> bytes of <paramref name="payload"/> from
        /// <paramref name="offset"/> and returns at once: Pending (the outcome arrives in <see cref="OnUplinkCompleted"/>),
        /// or why not — InvalidArgument for a port outside 1..223, a null payload or an offset/length outside the
        /// array; Busy while another uplink or join is in progress (from an event handler the uplink is queued behind
        /// it instead); NotJoined; PayloadTooLarge.
        /// </summary>
        public SendResult BeginSend(int port, byte[] payload, int offset, int length, bool confirmed)
        {
            // Touches no waiter's flag: a blocking Send on another thread keeps its own wake-up and outcome.
            return _mac.StartSend(port, payload, offset, length, confirmed);
        }

        // The MAC's listener: private, so no caller can fake the MAC's events (a public IMacListener on the device could
        // finish a waiting Send with a made-up result). Called on the MAC's thread.
        sealed class MacRelay : IMacListener, IMacCommandListener
        {
            readonly LoRaWanDevice _d;

            internal MacRelay(LoRaWanDevice device)
            {
                _d = device;
            }

            public void OnJoinAttempt(bool joined, int attempt)
            {
                if (joined) _d._joined.Finish();
                if (joined || attempt < 0) _d._joinEnded.Finish();
                JoinAttemptEventHandler h = _d.OnJoinAttempt;
                if (h != null) h(_d, joined, attempt);
            }

            public void OnUplinkCompleted(UplinkOutcome outcome)
            {
                // To the blocking Send that queued it — into its own waiter's target, in place: no struct copied, no other
                // caller's result touched — then to the event, whose SendResult is filled only when there is a handler.
                LoRaWanDevice d = _d;
                int ticket = outcome.Ticket;
                if (ticket != 0) d.Deliver(outcome, ticket);
                UplinkCompletedEventHandler h = d.OnUplinkCompleted;
                if (h == null) return;
                outcome.CopyTo(ref d._eventResult);
                h(d, d._eventResult);
            }

            public void OnDownlink(Downlink downlink)
            {
                DownlinkEventHandler h = _d.OnDownlink;
                if (h != null) h(_d, downlink);
            }

            public void OnLinkCheck(int marginDb, int gatewayCount)
            {
                LinkCheckEventHandler h = _d.OnLinkCheck;
                if (h != null) h(_d, marginDb, gatewayCount);
            }

            public void OnNetworkTime(uint gpsSeconds, int fraction, ulong anchorUs)
            {
                NetworkTimeEventHandler h = _d.OnNetworkTime;
                if (h != null) h(_d, gpsSeconds, fraction);
            }
        }
    }
}
