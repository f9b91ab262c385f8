using LoRaWan.Mac;
using LoRaWan.Platform;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;

namespace LoRaWan.NanoBench
{
    /// <summary>
    /// Stands in for the MAC in <see cref="RigAlone"/>: makes, in the same order and with the same arguments, the calls a
    /// Class A cycle of <see cref="ClassACycle"/> makes into its environment (the virtual scheduler as the MAC's
    /// <see cref="IScheduler"/>, the scripted radio as its <see cref="IRadio"/>), and answers the same events. The sequence
    /// was read from the real cycle by wrapping its scheduler and radio (EU868 DR5, 33-byte frame, ABP, 4th send):
    /// 7 clock reads, Arm(TX deadline = now + 271,936), Transmit; on TxDone: Arm(RX1 = TxDone + 970,000); on the RX1
    /// alarm: a clock read, Arm(now + 959,008), Receive(RX1); on its RxTimeout: a clock read, Arm(RX2 = TxDone +
    /// 2,031,000); on the RX2 alarm: a clock read, Arm(now + 9,716,000), Receive(RX2); on its RxTimeout: Cancel, Sleep,
    /// and the operation the runner waits for is finished. The scheduler runs 7 events (TxDone, the stale TX-deadline
    /// alarm, RX1, RxTimeout, the stale RX1 alarm, RX2, RxTimeout), as in the cycle.
    /// </summary>
    public sealed class CycleScript : IRadioEventSink, ITimerSink
    {
        /// <summary>The clock reads before the transmission (the MAC's uplink path reads it 7 times).</summary>
        public const int ClockReadsBeforeTransmit = 7;

        readonly IScheduler _clock;
        readonly IRadio _radio;
        readonly TxConfig _tx = new TxConfig();
        readonly RxConfig _rx1 = new RxConfig();
        readonly RxConfig _rx2 = new RxConfig();
        readonly byte[] _frame = new byte[33];
        int _step;
        ulong _txDoneUs;

        /// <summary>What the runner waits for: finished on RX2's timeout.</summary>
        public readonly MacOperation Operation = new MacOperation();

        /// <summary>A script on <paramref name="scheduler"/> and <paramref name="radio"/>, which it makes report to itself.</summary>
        public CycleScript(VirtualScheduler scheduler, ScriptedRadio radio)
        {
            _clock = scheduler;
            _radio = radio;
            _tx.FrequencyHz = 868300000;
            _tx.SpreadingFactor = 7;
            _tx.BandwidthHz = 125000;
            _tx.PowerDbm = 14;
            _rx1.FrequencyHz = 868300000;
            _rx1.SpreadingFactor = 7;
            _rx1.BandwidthHz = 125000;
            _rx1.SymbolTimeout = 63;
            _rx2.FrequencyHz = 869525000;
            _rx2.SpreadingFactor = 12;
            _rx2.BandwidthHz = 125000;
            _rx2.SymbolTimeout = 6;
            scheduler.SetTimerSink(this);
            radio.SetEventSink(this);
        }

        /// <summary>The MAC's part of Send up to the transmission.</summary>
        public void Start()
        {
            _step = 0;
            Operation.Reset();
            ulong now = 0;
            for (int i = 0; i < ClockReadsBeforeTransmit; i++) now = _clock.NowMicroseconds;
            _clock.Arm(now + 271936);
            _radio.Transmit(_tx, _frame, 0, _frame.Length);
        }

        /// <summary>True once the script went through RX2's timeout.</summary>
        public bool Completed { get { return _step == 5; } }

        /// <inheritdoc />
        public void OnRadioEvent(RadioEvent radioEvent, ulong timestampUs)
        {
            if (_step == 0 && radioEvent == RadioEvent.TxDone)
            {
                _txDoneUs = timestampUs;
                _clock.Arm(timestampUs + 970000);
                _step = 1;
            }
            else if (_step == 2 && radioEvent == RadioEvent.RxTimeout)
            {
                _ = _clock.NowMicroseconds;
                _clock.Arm(_txDoneUs + 2031000);
                _step = 3;
            }
            else if (_step == 4 && radioEvent == RadioEvent.RxTimeout)
            {
                _clock.Cancel();
                _radio.Sleep();
                _step = 5;
                Operation.Finish();
            }
        }

        /// <inheritdoc />
        public void OnTimer(ulong dueUs, ulong firedUs)
        {
            if (_step == 1)
            {
                ulong now = _clock.NowMicroseconds;
                _clock.Arm(now + 959008);
                _radio.Receive(_rx1);
                _step = 2;
            }
            else if (_step == 3)
            {
                ulong now = _clock.NowMicroseconds;
                _clock.Arm(now + 9716000);
                _radio.Receive(_rx2);
                _step = 4;
            }
        }
    }

    /// <summary>
    /// The environment of <see cref="ClassACycle"/> alone: the same scheduler, scripted radio, alarm and runner (a
    /// <see cref="VirtualMacRunner"/> waiting with <c>Wait(operation, 60000)</c> as <c>LoRaWanDevice.Send</c> does), driven by
    /// <see cref="CycleScript"/> instead of the MAC. The runner calls <c>ProcessEvents</c> of an idle MAC of its own 8 times
    /// (once before the loop, once per event, as in the cycle): device work, measured apart by <see cref="IdleMac"/>.
    /// cycle − (rig-alone − idle-mac) is the device's share of the cycle, measured; it still holds the script's own calls
    /// into the rig in place of the MAC's (the same 21 interface calls) and the script's few branches.
    /// </summary>
    public sealed class RigAlone : Operation
    {
        readonly VirtualScheduler _scheduler = new VirtualScheduler();
        readonly ScriptedRadio _radio;
        readonly VirtualMacRunner _runner;
        readonly CycleScript _script;
        bool _waited;
        int _opened, _sent;

        /// <summary>The rig, an idle MAC attached to its runner, the script; one warm-up cycle.</summary>
        public RigAlone() : base("rig-alone")
        {
            _radio = new ScriptedRadio(_scheduler);
            _runner = new VirtualMacRunner(_scheduler);
            _runner.Attach(IdleMac.Build());
            _script = new CycleScript(_scheduler, _radio);
            _runner.Sleep(20000);
            Run();
            ScriptedRadio r = _radio;
            Check.That(_waited && _script.Completed && r.Sent.Count == 1 && r.Sent[0].Length == 33 && r.RxOpenedAt.Count == 2, "sent, RX1 and RX2 opened");
            Check.That(r.RxOpenedAt[0] - r.TxDoneAt[0] == 970000 && r.RxOpenedAt[1] - r.TxDoneAt[0] == 2031000, "RX1 and RX2 at the MAC's times");
            r.Recording = false;   // then counting only, as ClassACycle's radio
            Between();
        }

        /// <summary>One cycle's environment.</summary>
        public override void Run()
        {
            _script.Start();
            _waited = _runner.Wait(_script.Operation, 60000);
        }

        /// <summary>Checks the cycle as the MAC's is checked (sent, RX1 and RX2 opened), then 20 s.</summary>
        public override void Between()
        {
            Check.That(_waited && _script.Completed && _radio.WindowsOpened == _opened + 2 && _radio.Transmissions == _sent + 1, "sent, RX1 and RX2 opened");
            Check.That(_scheduler.PendingCount == 1, "one stale alarm left, as after the MAC's cycle");
            _opened = _radio.WindowsOpened;
            _sent = _radio.Transmissions;
            _runner.Sleep(20000);
        }
    }

    /// <summary>
    /// The device work inside <see cref="RigAlone"/>: <c>ClassAMac.ProcessEvents</c> of a MAC with nothing to do, called
    /// 8 times as the runner calls it there.
    /// </summary>
    public sealed class IdleMac : Operation
    {
        /// <summary>Calls of ProcessEvents per cycle (the runner's first and one per scheduler event).</summary>
        public const int Calls = 8;

        readonly ClassAMac _mac = Build();

        /// <summary>An idle MAC.</summary>
        public IdleMac() : base("idle-mac") { }

        /// <summary>An ABP MAC (the rig's session, EU868 DR5) on a scheduler and radio of its own, never sent to.</summary>
        public static ClassAMac Build()
        {
            var scheduler = new VirtualScheduler();
            var wiring = new MacWiring();
            wiring.Runner = new VirtualMacRunner(scheduler);
            return new ClassAMac(new ScriptedRadio(scheduler), Region.Create("EU868"),
                DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), scheduler, MacTestRig.Dr5NoAdr(), wiring);
        }

        /// <summary>8 idle ProcessEvents.</summary>
        public override void Run()
        {
            // Unrolled: the runner makes these calls one per Process(), with no loop of its own around them.
            ClassAMac mac = _mac;
            mac.ProcessEvents();
            mac.ProcessEvents();
            mac.ProcessEvents();
            mac.ProcessEvents();
            mac.ProcessEvents();
            mac.ProcessEvents();
            mac.ProcessEvents();
            mac.ProcessEvents();
        }
    }
}
