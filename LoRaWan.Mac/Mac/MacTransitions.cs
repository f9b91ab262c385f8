using LoRaWan.Radio;

namespace LoRaWan.Mac
{
    // The Class A state machine (LoRaWAN 1.0.4 §3.3: an uplink, then two receive windows). ClassAMac.Dispatch looks
    // every input up in Table below and does what it says; MacTransitionsTests walks every (state, input) pair.
    //
    //            Request (join, uplink): handled in every state (queued, or replaces an internal uplink not on air)
    //                 |
    //                 v          no channel free (duty cycle, join back-off)
    //             +------+  ------------------------------------------>  +------------+
    //             | Idle |                                               | BackingOff |
    //             +------+  <--- alarm: idle work (the empty ACK owed)   +------------+
    //                 |                                                     |  alarm: back-off over
    //                 | channel free                                        |  (channel, retransmission,
    //                 v                                                     v   next join attempt)
    //          +--------------+  TxTimeout: abort -> Idle (a join: BackingOff, retried)
    //          | Transmitting |  alarm (TX deadline, air time + 200 ms): the radio is asked, and
    //          +--------------+  reports TxDone (interrupt lost) or TxTimeout (IRadio.TxDeadlinePassed)
    //                 | TxDone
    //                 v
    //          +------------+   alarm    +-----+   RxDone, a frame for us: end of windows
    //          | WaitingRx1 | ---------> | Rx1 | ------------------------------------------------+
    //          +------------+            +-----+                                                  |
    //                 | RX1 rate not LoRa   | RxTimeout, RxCrcError, alarm (guard), not for us  |
    //                 v                     v                                                   v
    //          +------------+   alarm    +-----+   RxDone, RxTimeout, RxCrcError, guard --> end of windows:
    //          | WaitingRx2 | ---------> | Rx2 |      Idle (done, joined), BackingOff (confirmed retry,
    //          +------------+            +-----+      next join attempt), Transmitting (NbTrans repeat)
    //
    // Any radio event the table does not list for a state is ignored and counted (MacCounters.UnexpectedRadioEvents).
    //
    // ContinuousWave (TS009-1.0.0 §5.14 TxCwReq, ClassAMac.ContinuousWave.cs) is entered from Idle only, by its request:
    //
    //     Idle  --request (StartContinuousWave)-->  ContinuousWave  --alarm (its time is over) or TxTimeout-->  Idle
    //
    // The radio sends the carrier and reports nothing; requests meanwhile wait in the slot (StartSend: Busy) and are
    // taken when it ends, as after an uplink.
    //
    // Class C (LoRaWAN 1.0.4 §15) is a receive policy on the same states, not a second machine: the uplink path does not
    // change. The radio listens on RXC (RX2 frequency and data rate, ContinuousReception) in the four states where it is
    // otherwise idle, marked * below; RX1 and RX2 stay single windows and take precedence, a transmission ends RXC.
    //
    //     Idle*  BackingOff*  --channel free-->  Transmitting  --TxDone-->  WaitingRx1*  -->  Rx1  -->  WaitingRx2*  -->  Rx2
    //       ^                                                                                                              |
    //       +-------------------------------- end of windows: RXC reopened ---------------------------------------------+
    //
    // In a * state: RxDone = a frame in RXC (RxcFrame: validated and delivered like any downlink; foreign, bad-MIC and
    // replayed frames are counted and dropped; the radio keeps listening), RxCrcError = counted, RxTimeout = RXC could not
    // start (retried after ContinuousReception.RetryDelayUs). With RXC closed (Class A) the three are ignored and counted
    // as before. After every input ClassAMac.KeepRxc opens RXC in a * state (Class C, a session, no join) if it is not
    // open, and closes it when the class went back to A. The ClassSwitch input (SetDeviceClass) applies and persists the
    // class in every state.

    /// <summary>The inputs of the Class A state machine (with Class C's RXC) and what each state does with each (the transition table).</summary>
    public static class MacTransitions
    {
        /// <summary>Input: the radio's TxDone.</summary>
        public const int TxDone = 0;
        /// <summary>Input: the radio's RxDone.</summary>
        public const int RxDone = 1;
        /// <summary>Input: the radio's RxTimeout (the window's symbol timeout passed without a preamble).</summary>
        public const int RxTimeout = 2;
        /// <summary>Input: the radio's RxCrcError.</summary>
        public const int RxCrcError = 3;
        /// <summary>Input: the radio's TxTimeout.</summary>
        public const int TxTimeout = 4;
        /// <summary>Input: the MAC's alarm (stale ones are dropped before the table).</summary>
        public const int Alarm = 5;
        /// <summary>Input: an application request (join, uplink, cancel).</summary>
        public const int Request = 6;
        /// <summary>Input: the application chose a device class (LoRaWanDevice.SetDeviceClass).</summary>
        public const int ClassSwitch = 7;
        /// <summary>Number of inputs.</summary>
        public const int InputCount = 8;
        /// <summary>Number of states (<see cref="MacState"/>).</summary>
        public const int StateCount = 8;

        /// <summary>Action: ignored (a radio event is counted as unexpected).</summary>
        public const int Ignore = 0;
        /// <summary>Action: the uplink ended on air; the receive windows are timed from the stamp.</summary>
        public const int EndOfUplink = 1;
        /// <summary>Action: the radio could not send; the cycle is aborted.</summary>
        public const int TxFailed = 2;
        /// <summary>Action: the TX deadline passed without TxDone; the radio is asked (IRadio.TxDeadlinePassed) and reports TxDone or TxTimeout.</summary>
        public const int TxWatchdog = 3;
        /// <summary>Action: a frame was received in the open window.</summary>
        public const int FrameReceived = 4;
        /// <summary>Action: the window closed without a frame.</summary>
        public const int WindowEmpty = 5;
        /// <summary>Action: the window received a frame with a bad CRC (counted), closed without a frame.</summary>
        public const int WindowCrcError = 6;
        /// <summary>Action: the radio never reported the end of the window; the MAC closes it.</summary>
        public const int WindowGuard = 7;
        /// <summary>Action: RX1 opens.</summary>
        public const int OpenRx1 = 8;
        /// <summary>Action: RX2 opens.</summary>
        public const int OpenRx2 = 9;
        /// <summary>Action: the back-off is over: transmit, or start the next join attempt.</summary>
        public const int BackOffOver = 10;
        /// <summary>Action: in Idle, the empty uplink owed (ACK, MAC answers).</summary>
        public const int IdleWork = 11;
        /// <summary>Action: take the application's request.</summary>
        public const int TakeRequest = 12;
        /// <summary>Action: Class C, a frame ended in RXC (ignored and counted when RXC is not open).</summary>
        public const int RxcFrame = 13;
        /// <summary>Action: Class C, a frame with a bad CRC in RXC (counted; the radio keeps listening).</summary>
        public const int RxcCrcError = 14;
        /// <summary>Action: Class C, the radio could not start RXC (counted; retried later).</summary>
        public const int RxcStartFailed = 15;
        /// <summary>Action: apply (and persist) the device class the application chose.</summary>
        public const int ApplyClass = 16;
        /// <summary>Action: the continuous wave's time is over: the radio sleeps, the MAC is Idle.</summary>
        public const int EndContinuousWave = 17;
        /// <summary>Action: the radio could not start the continuous wave (TxTimeout): counted, the MAC is Idle.</summary>
        public const int ContinuousWaveFailed = 18;

        // One row per MacState (in its numeric order), one column per input:
        //   TxDone       RxDone         RxTimeout       RxCrcError      TxTimeout  Alarm        Request      ClassSwitch
        internal static readonly byte[] Table =
        {
            Ignore,      RxcFrame,      RxcStartFailed, RxcCrcError,    Ignore,    IdleWork,    TakeRequest, ApplyClass,  // Idle*
            Ignore,      RxcFrame,      RxcStartFailed, RxcCrcError,    Ignore,    BackOffOver, TakeRequest, ApplyClass,  // BackingOff*
            EndOfUplink, Ignore,        Ignore,         Ignore,         TxFailed,  TxWatchdog,  TakeRequest, ApplyClass,  // Transmitting
            Ignore,      RxcFrame,      RxcStartFailed, RxcCrcError,    Ignore,    OpenRx1,     TakeRequest, ApplyClass,  // WaitingRx1*
            Ignore,      FrameReceived, WindowEmpty,    WindowCrcError, Ignore,    WindowGuard, TakeRequest, ApplyClass,  // Rx1
            Ignore,      RxcFrame,      RxcStartFailed, RxcCrcError,    Ignore,    OpenRx2,     TakeRequest, ApplyClass,  // WaitingRx2*
            Ignore,      FrameReceived, WindowEmpty,    WindowCrcError, Ignore,    WindowGuard, TakeRequest, ApplyClass,  // Rx2
            Ignore,      Ignore,        Ignore,         Ignore,         ContinuousWaveFailed, EndContinuousWave, TakeRequest, ApplyClass,  // ContinuousWave
        };

        /// <summary>What <paramref name="state"/> does with <paramref name="input"/> (<see cref="Ignore"/> for an input out of range).</summary>
        public static int Action(MacState state, int input)
        {
            int s = (int)state;
            if (s < 0 || s >= StateCount || input < 0 || input >= InputCount) return Ignore;
            return Table[s * InputCount + input];
        }

        /// <summary>
        /// The input each queued event is, by its event word (<see cref="MacEventQueue.EventWord"/>: kind | radio event &lt;&lt; 3):
        /// a radio event as <see cref="InputOf"/> says, the alarm, a request, a class switch; -1 for anything else (ignored:
        /// a radio event counted as unexpected). One array read per event where ProcessEvents had a switch (issue 20).
        /// </summary>
        internal static readonly sbyte[] InputOfEvent = BuildInputOfEvent();

        static sbyte[] BuildInputOfEvent()
        {
            var inputs = new sbyte[(MacEventQueue.MaxField + 1) << MacEventQueue.KindBits];
            for (int w = 0; w < inputs.Length; w++)
            {
                int kind = w & MacEventQueue.MaxField;
                int input = kind == (int)MacEventKind.Radio ? InputOf((RadioEvent)(w >> MacEventQueue.KindBits))
                    : kind == (int)MacEventKind.Timer ? Alarm
                    : kind == (int)MacEventKind.Request ? Request
                    : kind == (int)MacEventKind.DeviceClass ? ClassSwitch
                    : -1;
                inputs[w] = (sbyte)input;
            }
            return inputs;
        }

        /// <summary>The input a radio event is (-1 for <see cref="RadioEvent.None"/> or an unknown value: ignored).</summary>
        public static int InputOf(RadioEvent radioEvent)
        {
            // The radio inputs are numbered as RadioEvent's values TxDone (1) .. TxTimeout (5), one lower.
            int input = (int)radioEvent - 1;
            return input >= TxDone && input <= TxTimeout ? input : -1;
        }
    }
}
