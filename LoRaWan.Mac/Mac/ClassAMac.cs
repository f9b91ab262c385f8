using System;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Platform;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The LoRaWAN 1.0.x Class A state machine. Inputs arrive as events in a fixed-size queue (radio
    /// interrupts, the alarm, application requests) and are handled one at a time by <see cref="ProcessEvents"/>
    /// on a single logical thread; outputs are radio commands, one armed alarm and listener callbacks. The MAC
    /// never polls the clock or sleeps (its timing comes from the inputs and its alarm), and never blocks, so it runs the
    /// same on a board, in the device test runner and in virtual time. All buffers are allocated here, once.
    /// </summary>
    public sealed partial class ClassAMac : IRadioEventSink, ITimerSink
    {
        /// <summary>RECEIVE_DELAY2 − RECEIVE_DELAY1 (LoRaWAN 1.0.4 §3.3.2: RX2 opens one second after RX1).</summary>
        const ulong OneSecondUs = 1000000;
        /// <summary>JOIN_ACCEPT_DELAY1 (regional parameters: 5 s); RX2 one second later.</summary>
        const ulong JoinAcceptDelay1Us = 5000000;
        /// <summary>
        /// The TX deadline: how long past the frame's air time the MAC waits for TxDone or TxTimeout before it asks
        /// the radio (<see cref="IRadio.TxDeadlinePassed"/>, whose remarks say why 200 ms: the SPI writes before TX
        /// and the alarm's lateness, well under RECEIVE_DELAY1 so a recovered TxDone still catches RX1). The one TX
        /// watchdog of the stack: the radio has no timer of its own.
        /// </summary>
        internal const ulong TxDeadlineMarginUs = 200000;
        /// <summary>How long past the symbol timeout the MAC waits for a window's RxTimeout before closing it itself.</summary>
        const ulong RxGuardMarginUs = 500000;
        /// <summary>
        /// How long past an FSK window's last possible frame the MAC ends the window (no RxTimeout comes for FSK): the DIO0
        /// interrupt's latency on the platform (tens of ms on nanoFramework), so a frame that ended in time is reported first.
        /// </summary>
        const ulong FskWindowEndMarginUs = 50000;

        readonly IRadio _radio;
        readonly Region _region;
        readonly IScheduler _scheduler;
        readonly DeviceIdentity _identity;
        readonly LoRaWanOptions _options;
        readonly MacEventQueue _queue = new MacEventQueue(16);
        readonly ChannelPlan _plan;
        readonly DeviceSession _session;
        readonly NonceRecord _nonces;
        readonly DutyCycleTracker _dutyCycle;
        readonly DataMic _mic;
        readonly PayloadCipher _cipher;
        readonly uint _keyCheck;
        MacState _state = MacState.Idle;

        // The in-flight work, each owning its fields (created once, reused: no allocation per frame).
        readonly MacRequestSlot _requests = new MacRequestSlot();
        readonly JoinAttempt _join;
        readonly Uplink _uplink = new Uplink();
        readonly Transmission _tx;
        readonly ReceiveWindows _windows = new ReceiveWindows();
        readonly MacAlarm _alarm;
        readonly EventNotes _notes = new EventNotes();
        readonly MacObservers _observers;
        readonly MacDiagnosticValues _diag = new MacDiagnosticValues();
        readonly ContinuousReception _rxc = new ContinuousReception();
        MacCommandState _cmd;

        /// <summary>
        /// Creates the MAC. It restores a persisted session (no rejoin after a reset) when one exists. Its optional parts
        /// come in <paramref name="wiring"/> (null: none, and a <see cref="ThreadedMacRunner"/>), read once here. To use
        /// it, wrap it in a <see cref="LoRaWanDevice"/> (which reports its joins, uplinks and downlinks); whoever builds
        /// the MAC this way (simulation, tests) keeps it to watch the MAC underneath, the device never hands it out.
        /// </summary>
        public ClassAMac(IRadio radio, Region region, DeviceIdentity identity, INonVolatileStore store,
            IScheduler scheduler, LoRaWanOptions options, MacWiring wiring)
        {
            if (radio == null) throw new ArgumentNullException("radio");
            if (region == null) throw new ArgumentNullException("region");
            if (identity == null) throw new ArgumentNullException("identity");
            // Issue 20: a 1.0.x device's one NwkSKey needs one data-MIC CMAC, not two, and its join MICs share it (a join
            // replaces the session key anyway; 1.1 keeps the join's own for the rejoin-request MICs made during a session).
            AesCmac dataCmac = new AesCmac();
            _mic = new DataMic(identity.Is11, dataCmac);
            Aes128 shared = new Aes128();   // the join's crypto and the cipher's second key slot (JoinAttempt, issue 20)
            _cipher = new PayloadCipher(shared);
            _join = new JoinAttempt(shared, identity.Is11 ? new AesCmac() : dataCmac);
            if (store == null) throw new ArgumentNullException("store");
            if (scheduler == null) throw new ArgumentNullException("scheduler");
            if (options == null) options = new LoRaWanOptions();
            options.Validate(region);
            options.Validate(identity);
            _radio = radio;
            _region = region;
            _identity = identity;
            _scheduler = scheduler;
            _options = options;
            _observers = wiring == null ? new MacObservers(new ThreadedMacRunner(scheduler), null, null, null)
                : new MacObservers(wiring.Runner != null ? wiring.Runner : new ThreadedMacRunner(scheduler), wiring.Trace, wiring.BatteryLevel, wiring.Certification);
            _alarm = new MacAlarm(scheduler);
            _plan = region.CreateChannelPlan();
            ApplyDefaultChannels();
            _session = new DeviceSession(store, _plan);
            _nonces = new NonceRecord(store);
            _dutyCycle = new DutyCycleTracker(region, scheduler.NowMicroseconds);
            uint seed = options.RandomSeed != 0 ? options.RandomSeed
                : (uint)(identity.DevEui ^ (identity.DevEui >> 32) ^ scheduler.NowMicroseconds ^ identity.DevAddr) | 1;
            _tx = new Transmission(new XorShiftRandom(seed));

            // Persisted state is trusted only for the keys it was made with (a re-flashed device with new keys rejoins).
            _keyCheck = identity.IsOtaa ? KeyCheck.Of(identity.AppKey) : KeyCheck.Of(identity.NwkSKey);
            // LoRaWAN 1.1 OTAA: the join is made with NwkKey, so both root keys tie the persisted state to the identity.
            if (identity.IsOtaa && identity.Is11) _keyCheck = (_keyCheck << 1 | _keyCheck >> 31) ^ KeyCheck.Of(identity.NwkKey);
            bool noncesLoaded = _nonces.Load();
            bool otaaSessionFound = RestoreSession();
            // A lost DevNonce counter (issue 21): the record's slots hold garbage, or an OTAA session exists without
            // it (HandleJoinAccept saves the nonces before the session). A flash wiped whole leaves no trace.
            _diag.NonceStatus = noncesLoaded ? NonceRecordStatus.Restored
                : _nonces.HasTraces() || otaaSessionFound ? NonceRecordStatus.Lost
                : NonceRecordStatus.NeverWritten;
            // The MAC command state now rather than on the first uplink (issue 20): the first cycle after a join
            // allocates nothing. After RestoreSession, so the answers belong to the restored session.
            EnsureCommands();

            _radio.SetEventSink(this);
            _radio.SetPublicNetwork(options.PublicNetwork);
            _scheduler.SetTimerSink(this);
            ResumeForcedRejoin();   // LoRaWAN 1.1 §5.13: a ForceRejoinReq order in progress survives a reset
            // A Class C session restored: RXC opens once the MAC's thread runs (the class switch goes through the table).
            if (!_session.IsActive) _session.DeviceClass = DeviceClass.A;   // a record not used (another identity) says nothing
            _rxc.Requested = _session.DeviceClass;
            if (_session.DeviceClass == DeviceClass.C) PostDeviceClass(DeviceClass.C);
        }

        /// <summary>Current state.</summary>
        public MacState State { get { return _state; } }

        /// <summary>True when a session exists (joined or ABP).</summary>
        public bool IsJoined { get { return _session.IsActive; } }

        /// <summary>The session (DevAddr, counters, RX parameters, channel plan).</summary>
        public DeviceSession Session { get { return _session; } }

        /// <summary>The region the MAC runs in.</summary>
        public Region Region { get { return _region; } }

        /// <summary>What start-up found of the join-nonce record (see <see cref="MacDiagnostics.NonceStatus"/>).</summary>
        public NonceRecordStatus NonceStatus { get { return _diag.NonceStatus; } }

        /// <summary>Receive-window lateness measurements (read-only).</summary>
        public WindowTimingStats Timing { get { return _diag.View.Timing; } }

        /// <summary>Counts of dropped and rejected input (read-only).</summary>
        public MacCounters Counters { get { return _diag.View.Counters; } }

        /// <summary>What the MAC measured and counted (timing, counters, last errors), read-only.</summary>
        public MacDiagnostics Diagnostics { get { return _diag.View; } }

        /// <summary>The next DevNonce a JoinRequest will use.</summary>
        public int NextDevNonce { get { return _nonces.NextDevNonce; } }

        /// <summary>Duty-cycle bookkeeping (air time per band).</summary>
        public DutyCycleTracker DutyCycle { get { return _dutyCycle; } }

        /// <summary>The runner that drives this MAC (from the wiring), for the device that wraps it.</summary>
        internal IMacRunner Runner { get { return _observers.Wakeup; } }

        /// <summary>Finished whenever an operation completes (the device waits on it for a busy MAC).</summary>
        internal MacOperation IdleSignal { get { return _observers.Idle; } }

        /// <summary>The MAC's clock (the device's Send measures its time limit on it).</summary>
        internal IScheduler Scheduler { get { return _scheduler; } }

        /// <summary>
        /// Wires the device facade that wraps this MAC as its listener: once, from <see cref="LoRaWanDevice"/>'s
        /// constructor, before anything runs (a MAC reports to one device).
        /// </summary>
        /// <exception cref="InvalidOperationException">another device already wraps this MAC</exception>
        internal void AttachDevice(IMacListener listener, IMacCommandListener commandListener)
        {
            if (_observers.Listener != null) throw new InvalidOperationException("this MAC is already wrapped by a LoRaWanDevice; build one MAC per device");
            _observers.Listener = listener;
            _observers.CommandListener = commandListener;
        }


        // ---- inputs (any thread / interrupt context: record and return) ----

        /// <inheritdoc />
        public void OnRadioEvent(RadioEvent radioEvent, ulong timestampUs)
        {
            // An unknown value (none fits the event word above 7) is posted as None: ignored and counted, as any event the
            // state does not expect (radio input never throws out of the MAC).
            int eventWord = (uint)radioEvent <= MacEventQueue.MaxField ? (int)MacEventKind.Radio | (int)radioEvent << MacEventQueue.KindBits
                : (int)MacEventKind.Radio;
            if (!_queue.Post(eventWord, timestampUs, 0)) System.Threading.Interlocked.Increment(ref _diag.Counters.QueueOverflows);
            _observers.Wakeup.Wake();
        }

        /// <inheritdoc />
        public void OnTimer(ulong dueUs, ulong firedUs)
        {
            if (!_queue.Post((int)MacEventKind.Timer, firedUs, dueUs))
            {
                // The queue is full: keep the alarm aside rather than lose it (a lost alarm would stall the MAC).
                System.Threading.Interlocked.Increment(ref _diag.Counters.QueueOverflows);
                _queue.KeepAside(MacEventKind.Timer, dueUs, firedUs);
            }
            _observers.Wakeup.Wake();
        }

        void PostRequest()
        {
            // No time stamp: the request input does not use one (issue 20: a clock read per request).
            if (!_queue.Post((int)MacEventKind.Request, 0, 0))
            {
                System.Threading.Interlocked.Increment(ref _diag.Counters.QueueOverflows);
                _queue.KeepAside(MacEventKind.Request, 0, 0);
            }
            _observers.Wakeup.Wake();
        }

        // ---- the single logical thread ----

        /// <summary>Handles every queued event; returns how many. Call from one thread only.</summary>
        public int ProcessEvents()
        {
            int handled = 0;
            MacEventQueue queue = _queue;
            int eventWord;
            while ((eventWord = queue.TakeEvent()) != 0)
            {
                handled++;
                try
                {
                    // The event's input (MacTransitions.InputOfEvent); an alarm is the current one or stale (dropped, counted).
                    int input = MacTransitions.InputOfEvent[eventWord];
                    if (input != MacTransitions.Alarm || _alarm.Take(queue.TakenDueUs)) Dispatch(input);
                    else _diag.Counters.StaleTimers++;
                    // Class C's receive policy, after every input (ClassAMac.ClassC.cs); KeepRxc's own first test, here
                    // to spare a Class A device the call (issue 20: a call costs nanoCLR about 13 plain IL instructions).
                    if (_rxc.Watch) KeepRxc();
                }
                catch (Exception e)
                {
                    // Nothing throws out of the MAC: count it, keep its message, go back to a safe state. A broken
                    // radio (IOException) ends the uplink with RadioError; anything else is a bug: InternalError.
                    RecordInternalError(e.GetType().FullName + ": " + e.Message);
                    try
                    {
                        AbortCycle(e is System.IO.IOException ? SendStatus.RadioError : SendStatus.InternalError);
                        // Class C: RXC comes back after an error too, a second later (on the alarm when Idle).
                        _rxc.RetryAtUs = _scheduler.NowMicroseconds + ContinuousReception.RetryDelayUs;
                        KeepRxc();
                    }
                    catch (Exception again)
                    {
                        // Even the way back failed: drop the operation so the MAC does not stay busy for ever.
                        RecordInternalError(again.GetType().FullName + ": " + again.Message);
                        _state = MacState.Idle;
                        _requests.End(MacRequestSlot.None);
                        Note(EventNotes.Idle, 0, 0, 0);
                    }
                }
                // Events after the transition: handlers see a consistent MAC and may queue an uplink.
                if (_notes.Count != 0) RaiseNotes();
            }
            return handled;
        }

        /// <summary>Disarms the alarm and puts the radio to sleep (the device is going away). Call after the runner stopped.</summary>
        public void Shutdown()
        {
            _alarm.Disarm();
            try { SleepRadio(); } catch (Exception e) { RecordInternalError(e.GetType().FullName + ": " + e.Message); }
            _state = MacState.Idle;
        }

        /// <summary>The message of the last internal error (for diagnostics), or null.</summary>
        public string LastError { get { return _diag.LastError; } }

        /// <summary>
        /// One input in the current state, as <see cref="MacTransitions"/> says (its file has the diagram): the only
        /// place where the state decides what an input means.
        /// </summary>
        /// <remarks>The input's time and due value are the queue's (<see cref="MacEventQueue.TakenTimeUs"/>, <see cref="MacEventQueue.TakenDueUs"/>), read by the actions that use them.</remarks>
        void Dispatch(int input)
        {
            int action = input < 0 ? MacTransitions.Ignore : MacTransitions.Table[(int)_state * MacTransitions.InputCount + input];
            switch (action)
            {
                case MacTransitions.EndOfUplink: OnTxDone(_queue.TakenTimeUs); break;
                case MacTransitions.TxFailed:
                    _diag.Counters.TxTimeouts++;
                    AbortCycle(SendStatus.RadioError);
                    break;
                case MacTransitions.TxWatchdog:
                    // The TX deadline: the radio reports TxDone (its interrupt was lost) or TxTimeout (it stopped
                    // the transmitter) before returning; that event, queued, ends the transmission as usual.
                    _radio.TxDeadlinePassed();
                    break;
                case MacTransitions.FrameReceived: OnRxDone(); break;
                case MacTransitions.WindowCrcError:
                    _diag.Counters.CrcErrors++;
                    WindowClosedEmpty();
                    break;
                case MacTransitions.WindowEmpty: WindowClosedEmpty(); break;
                case MacTransitions.WindowGuard:
                    // The radio never reported the end of the window: close it ourselves. An FSK window ends here by
                    // design (OpenWindow), not a fault.
                    if (_windows.Config.FskBitRate == 0) _diag.Counters.RxGuardTimeouts++;
                    SleepRadio();
                    WindowClosedEmpty();
                    break;
                case MacTransitions.OpenRx1: OpenWindow(1, _queue.TakenDueUs, _queue.TakenTimeUs, true); break;
                case MacTransitions.OpenRx2: OpenWindow(2, _queue.TakenDueUs, _queue.TakenTimeUs, true); break;
                case MacTransitions.BackOffOver:
                    if (_join.RestartPending) { _join.RestartPending = false; BeginJoinAttempt(); }
                    else TransmitPending();
                    break;
                case MacTransitions.IdleWork: OnIdleTimer(); break;
                case MacTransitions.TakeRequest: HandleRequest(); break;
                case MacTransitions.RxcFrame: OnRxcFrame(); break;
                case MacTransitions.RxcCrcError:
                    if (!_rxc.Open) { _diag.Counters.UnexpectedRadioEvents++; break; }
                    _diag.Counters.CrcErrors++;   // the radio keeps listening
                    break;
                case MacTransitions.RxcStartFailed: OnRxcStartFailed(); break;
                case MacTransitions.ApplyClass: ApplyDeviceClass((DeviceClass)(int)_queue.TakenDueUs); break;
                case MacTransitions.EndContinuousWave: EndContinuousWave(); break;
                case MacTransitions.ContinuousWaveFailed:
                    _diag.Counters.TxTimeouts++;
                    EndContinuousWave();
                    break;
                default:
                    // Ignored: a radio event this state does not expect (the table never ignores the alarm or a request).
                    _diag.Counters.UnexpectedRadioEvents++;
                    break;
            }
        }
    }

    /// <summary>Woken when the MAC has queued input (the device runner signals its thread).</summary>
    public interface IMacWakeup
    {
        /// <summary>Called from any context after an event was queued; must not block.</summary>
        void Wake();
    }
}
