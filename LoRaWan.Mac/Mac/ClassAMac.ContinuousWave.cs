namespace LoRaWan.Mac
{
    // The continuous wave of the certification protocol (TS009-1.0.0 §5.14 TxCwReq): a state of its own, entered from
    // Idle by its request and left on the MAC's alarm (the radio keeps no timer: IRadio.StartContinuousWave), with the
    // radio asleep again. Its place in the transition table is in MacTransitions' diagram.
    public sealed partial class ClassAMac
    {
        /// <summary>Longest continuous wave: TS009 §5.14's Timeout is 16 bits of seconds.</summary>
        public const int MaxContinuousWaveSeconds = 65535;

        /// <summary>
        /// Sends an unmodulated carrier on <paramref name="frequencyHz"/> at <paramref name="powerDbm"/> (conducted, as
        /// TS009-1.0.0 §5.14's TxPower is given to the radio; LoRaMac-node's MLME_TXCW passes it on unchanged) for
        /// <paramref name="seconds"/> s, then puts the radio to sleep. Queued like an uplink and run on the MAC's thread:
        /// returns <see cref="SendStatus.Pending"/> when accepted, <see cref="SendStatus.Busy"/> while a join, an
        /// uplink or another carrier is in progress or waiting, <see cref="SendStatus.InvalidArgument"/> for a
        /// frequency outside the region's band or a duration outside 1..65535 s. While the carrier is on,
        /// <see cref="IsBusy"/> is true and <see cref="StartSend(int, byte[], int, int, bool)"/> answers
        /// <see cref="SendStatus.Busy"/> (from an event handler the uplink is queued behind the carrier, as behind an
        /// uplink in progress), as LoRaMac-node refuses requests while its MAC is not idle. The carrier is not counted
        /// in the duty cycle (TS009 test mode: the test harness controls the air). Any thread.
        /// </summary>
        public SendStatus StartContinuousWave(uint frequencyHz, int powerDbm, int seconds)
        {
            if (frequencyHz < _region.MinFrequencyHz || frequencyHz > _region.MaxFrequencyHz) return SendStatus.InvalidArgument;
            if (seconds < 1 || seconds > MaxContinuousWaveSeconds) return SendStatus.InvalidArgument;
            MacRequestSlot slot = _requests;
            if (!slot.TryClaim(false, false)) return SendStatus.Busy;
            slot.CwFrequencyHz = frequencyHz;
            slot.CwPowerDbm = powerDbm;
            slot.CwDurationUs = (ulong)seconds * 1000000UL;
            slot.Publish(MacRequestSlot.ContinuousWave);
            PostRequest();
            return SendStatus.Pending;
        }

        /// <summary>True while the MAC sends a continuous wave (<see cref="MacState.ContinuousWave"/>).</summary>
        public bool IsSendingContinuousWave { get { return _state == MacState.ContinuousWave; } }

        /// <summary>The request was taken (Idle: nothing else runs): the carrier starts, the alarm ends it.</summary>
        void BeginContinuousWave()
        {
            MacRequestSlot slot = _requests;
            _alarm.Disarm();          // an idle-work alarm: the empty uplink waits until the carrier is over
            _rxc.Open = false;        // the carrier ends RXC (KeepRxc reopens it once Idle)
            _state = MacState.ContinuousWave;
            _alarm.Arm(_scheduler.NowMicroseconds + slot.CwDurationUs);
            _radio.StartContinuousWave(slot.CwFrequencyHz, slot.CwPowerDbm);
        }

        /// <summary>The carrier's time is over (or it never started): the radio sleeps, the MAC is Idle and takes what waited.</summary>
        void EndContinuousWave()
        {
            _alarm.Disarm();
            SleepRadio();
            _state = MacState.Idle;
            bool requestWaiting = _requests.End(MacRequestSlot.None);
            Note(EventNotes.Idle, 0, 0, 0);
            if (requestWaiting) PostRequest();
            ScheduleIdleWork();
        }
    }
}
