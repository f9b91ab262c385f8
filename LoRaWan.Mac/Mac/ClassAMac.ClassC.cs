using System;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    // Class C (LoRaWAN 1.0.4 §15): the receive policy that keeps the radio on RXC — the session's RX2 frequency and data
    // rate — whenever the Class A cycle leaves it idle. The state and the parameters live in ContinuousReception; where
    // RXC listens is in MacTransitions' diagram.
    public sealed partial class ClassAMac
    {
        /// <summary>The class the application asked for last (applied on the MAC's thread, persisted with the session).</summary>
        public DeviceClass DeviceClass { get { return _rxc.Requested; } }

        /// <summary>
        /// Chooses the device class: <see cref="DeviceClass.C"/> keeps the radio listening on RXC between and after the
        /// Class A windows, <see cref="DeviceClass.A"/> stops it. Applied on the MAC's thread (in any state: RXC opens at
        /// the next point where the radio is free) and persisted with the session, so it survives a reset. Any thread.
        /// RXC listens at LoRa rates only: while the session's RX2 rate is a GFSK one (DR7, where a network sets it so),
        /// the device receives in RX1/RX2 only.
        /// <para>A LoRaWAN 1.1 device with a session tells the network (LoRaWAN 1.1 §18.1): DeviceModeInd rides every
        /// uplink until DeviceModeConf arrives, and the new class applies once the first uplink carrying it is on its way
        /// ("as soon as the first DeviceModeInd command is transmitted"); if the application sends nothing, the MAC sends
        /// an empty uplink after <see cref="LoRaWanOptions.EmptyAckUplinkDelayMs"/>. A reset before that uplink forgets the
        /// request.</para>
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">a class other than A or C (Class B is not implemented)</exception>
        public void SetDeviceClass(DeviceClass deviceClass)
        {
            if (deviceClass != DeviceClass.A && deviceClass != DeviceClass.C)
                throw new ArgumentOutOfRangeException("deviceClass", "Class A or Class C (Class B is not implemented)");
            _rxc.Requested = deviceClass;
            PostDeviceClass(deviceClass);
        }

        void PostDeviceClass(DeviceClass deviceClass)
        {
            // The class rides in the event's due value, and the switch stays in order with the requests around it.
            if (!_queue.Post((int)MacEventKind.DeviceClass, 0, (ulong)(int)deviceClass))
                System.Threading.Interlocked.Increment(ref _diag.Counters.QueueOverflows);
            _observers.Wakeup.Wake();
        }

        /// <summary>
        /// The ClassSwitch input: the class is the session's from now on (saved when there is a session); a LoRaWAN 1.1
        /// device with a session indicates it first (<see cref="IndicateDeviceClass"/>).
        /// </summary>
        void ApplyDeviceClass(DeviceClass deviceClass)
        {
            if (_options.Version >= LoRaWanVersion.V1_1 && _session.IsActive)
            {
                IndicateDeviceClass(deviceClass);
                return;
            }
            if (_session.DeviceClass == deviceClass) return;
            _session.DeviceClass = deviceClass;
            _rxc.Watch = true;
            if (_session.IsActive) PersistSession();
        }

        /// <summary>
        /// LoRaWAN 1.1 §18.1: "The end-device SHALL include the DeviceModeInd command in all uplinks until the
        /// DeviceModeConf command is received" and switches "as soon as the first DeviceModeInd command is transmitted".
        /// A request for the class already in force and not being indicated changes nothing; one that cancels an
        /// indication not yet on air withdraws it.
        /// </summary>
        void IndicateDeviceClass(DeviceClass deviceClass)
        {
            EnsureCommands();
            CheckAnswersSession();
            MacAnswers answers = _cmd.Answers;
            if (answers.DeviceModeIndicated == (int)deviceClass) return;
            if (_session.DeviceClass == deviceClass && (answers.DeviceModeIndicated < 0 || answers.DeviceModeIndSends == 0))
            {
                answers.IndicateDeviceMode(MacAnswers.NoDeviceMode, false);
                return;
            }
            answers.IndicateDeviceMode((int)deviceClass, false);
            ScheduleIdleWork();   // in Idle: the empty uplink that carries it if the application sends nothing
        }

        /// <summary>The uplink being built carries the first DeviceModeInd: its class applies now and is saved (§18.1).</summary>
        void ApplyIndicatedClass()
        {
            _session.DeviceClass = (DeviceClass)_cmd.Answers.DeviceModeIndicated;
            _rxc.Watch = true;
            PersistSession();
        }

        /// <summary>
        /// After every input: in a state where the radio is otherwise idle (Idle, BackingOff, WaitingRx1, WaitingRx2),
        /// a Class C device with a session and no join in progress listens on RXC; anything else closes it.
        /// </summary>
        void KeepRxc()
        {
            ContinuousReception rxc = _rxc;
            if (!rxc.Open && _session.DeviceClass != DeviceClass.C)
            {
                rxc.Watch = false;   // Class A: nothing to keep until RXC opens or the class changes
                return;
            }
            MacState s = _state;
            bool radioFree = s == MacState.Idle || s == MacState.BackingOff || s == MacState.WaitingRx1 || s == MacState.WaitingRx2;
            if (!radioFree) return;   // transmitting or in RX1/RX2: the radio is the Class A cycle's (RXC already marked closed)
            bool wanted = _session.DeviceClass == DeviceClass.C && _session.IsActive && _requests.Operation != MacRequestSlot.Join
                && _region.IsDataRateSupported(_session.Rx2DataRate)
                && _region.GetFskBitRate(_session.Rx2DataRate) == 0;   // RXC is LoRa only (the SX1276's FSK FIFO: Sx1276.Fsk.cs)
            if (!wanted)
            {
                if (rxc.Open) SleepRadio();
                return;
            }
            if (rxc.IsOpenOn(_session.Rx2FrequencyHz, _session.Rx2DataRate)) return;
            ulong now = _scheduler.NowMicroseconds;
            if (rxc.RetryAtUs != 0 && now < rxc.RetryAtUs)
            {
                // The radio would not start: try again later, on the alarm if Idle leaves it free (in the other states it
                // fires soon anyway, and this runs again after it).
                if (s == MacState.Idle && !_alarm.Armed) _alarm.Arm(rxc.RetryAtUs);
                return;
            }
            rxc.RetryAtUs = 0;
            int dr = _session.Rx2DataRate;
            rxc.Configure(_session.Rx2FrequencyHz, dr, _region.GetSpreadingFactor(dr), _region.GetBandwidthHz(dr));
            rxc.Open = true;
            rxc.Watch = true;
            _radio.ReceiveContinuous(rxc.Config);
        }

        /// <summary>A frame ended in RXC: validated and applied like any downlink; the radio keeps listening.</summary>
        void OnRxcFrame()
        {
            if (!_rxc.Open) { _diag.Counters.UnexpectedRadioEvents++; return; }
            ReceiveWindows rw = _windows;
            int length = _radio.ReadPacket(rw.Frame, 0, rw.Frame.Length, rw.Info);
            int window = rw.Current;
            rw.Current = Downlink.Rxc;
            // Foreign DevAddr, bad MIC, replay: counted and dropped by HandleDataDownlink before anything is applied.
            bool forUs = length > 0 && _requests.Operation != MacRequestSlot.Join && HandleDataDownlink(length);
            rw.Current = window;
            if (!forUs) return;
            _diag.Counters.RxcFrames++;
            // A confirmed downlink (or MAC answers) outside an uplink's cycle: the empty uplink owed, if the application
            // sends nothing first (an uplink in progress carries it when it completes: Complete schedules the same).
            if (_state == MacState.Idle && !_alarm.Armed) ScheduleIdleWork();
        }

        void OnRxcStartFailed()
        {
            if (!_rxc.Open) { _diag.Counters.UnexpectedRadioEvents++; return; }
            _diag.Counters.RxcStartFailures++;
            _rxc.Open = false;
            _rxc.RetryAtUs = _scheduler.NowMicroseconds + ContinuousReception.RetryDelayUs;
        }

        /// <summary>Puts the radio to sleep (which ends RXC too).</summary>
        void SleepRadio()
        {
            _rxc.Open = false;
            _radio.Sleep();
        }
    }
}
