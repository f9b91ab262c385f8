using System;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Platform;

namespace LoRaWan.Certification
{
    /// <summary>Restarts the device (DutResetReq, TS009-1.0.0 §5.2): on a board a reboot, in the simulation a power cycle.</summary>
    public delegate void DeviceResetHandler();

    /// <summary>
    /// The LoRaWAN Certification Protocol (TS009-1.0.0, package 6 version 1) on FPort 224: the end-device side that a
    /// LoRa Alliance test harness (LCTT) drives. Opt-in: create it, give it to the MAC through
    /// <see cref="MacWiring.Certification"/>, <see cref="Attach"/> the MAC, and call <see cref="Poll"/> from the
    /// application's loop. A device built without it ignores FPort 224.
    /// <para>
    /// Test mode (TS009 §4.2.2): the first FPort 224 command puts the device in test mode. From then on the application's
    /// own uplinks are refused (<see cref="SendStatus.Busy"/>), answers go out on FPort 224 as soon as the MAC is free,
    /// and otherwise the package sends an uplink every <see cref="PeriodMs"/> (TxPeriodicityChangeReq) so the harness
    /// always has a receive window to talk in, confirmed or not as TxFramesCtrlReq says. Every data downlink with an
    /// FPort or an ACK is counted in <see cref="RxAppCnt"/> (TS009 §4.2.1).
    /// </para>
    /// <para>
    /// SwitchClassReq to Class A or C goes through <see cref="ClassAMac.SetDeviceClass"/> (applied by <see cref="Poll"/>).
    /// TxCwReq goes through <see cref="ClassAMac.StartContinuousWave"/> (the radio's unmodulated carrier for its Timeout;
    /// a frequency outside the region's band or a Timeout of 0 is counted in <see cref="UnsupportedCommands"/>).
    /// Not supported (commands ignored, no answer, counted in <see cref="UnsupportedCommands"/>): SwitchClassReq to
    /// Class B (no Class B here), PingSlotInfoReq (no Class B). TS009 defines no negative answer for them.
    /// </para>
    /// Allocates only at construction. Commands run on the MAC's thread (OnCertificationFrame); actions that need the
    /// MAC free (send, join, reset) are carried out by <see cref="Poll"/>, from the application's thread; the state both
    /// share is guarded by a lock.
    /// </summary>
    public sealed class CertificationPackage : ICertificationPort
    {
        /// <summary>The default uplink period in test mode: 5 s (TS009 §5.7's shortest period).</summary>
        public const int DefaultPeriodMs = 5000;
        /// <summary>Largest answer: EchoPayloadAns of a 242-byte request (the largest FRMPayload of RP002-1.0.4).</summary>
        const int AnswerCapacity = 242;

        readonly IClock _clock;
        readonly byte[] _versions = new byte[12];
        readonly byte[] _answer = new byte[AnswerCapacity];
        readonly byte[] _empty = new byte[0];
        readonly CertificationState _state = new CertificationState();
        ClassAMac _mac;
        SendResult _lastResult;

        /// <summary>What the MAC answered to the last uplink <see cref="Poll"/> asked for.</summary>
        public SendResult LastSendResult { get { return _lastResult; } }

        /// <summary>
        /// Creates the package. <paramref name="clock"/> times the periodic uplinks (the MAC's scheduler);
        /// <paramref name="firmwareVersion"/> is the device firmware's version as four bytes (major, minor, patch,
        /// revision) and <paramref name="macVersion"/> the LoRaWAN version the MAC runs, both reported in DutVersionsAns.
        /// </summary>
        public CertificationPackage(IClock clock, byte[] firmwareVersion, LoRaWanVersion macVersion)
        {
            if (clock == null) throw new ArgumentNullException("clock");
            if (firmwareVersion == null || firmwareVersion.Length != 4) throw new ArgumentException("firmwareVersion must be 4 bytes: major, minor, patch, revision", "firmwareVersion");
            _clock = clock;
            Array.Copy(firmwareVersion, 0, _versions, 0, 4);
            DutVersions.WriteMacVersion(macVersion, _versions, 4);
            DutVersions.WriteRegionalParametersVersion(_versions, 8);
            _state.PeriodMs = DefaultPeriodMs;
            _state.Port224Enabled = true;
        }

        /// <summary>Called for DutResetReq once its answer slot is free; null: the request is only counted.</summary>
        public DeviceResetHandler ResetHandler;

        /// <summary>The MAC this package drives; call once, after constructing the MAC with this package in its wiring.</summary>
        public void Attach(ClassAMac mac)
        {
            if (mac == null) throw new ArgumentNullException("mac");
            if (_mac != null) throw new InvalidOperationException("already attached");
            _mac = mac;
        }

        /// <summary>True once an FPort 224 command arrived (TS009 §4.2.2) and until DutFPort224DisableReq.</summary>
        public bool TestMode { get { return _state.TestMode; } }

        /// <summary>TS009 §4.2.1 downlink counter: data downlinks with an FPort (1..224) or an ACK, modulo 2^16.</summary>
        public int RxAppCnt { get { return _state.RxAppCnt; } }

        /// <summary>Current uplink period in test mode, in ms.</summary>
        public int PeriodMs { get { return _state.PeriodMs; } }

        /// <summary>Whether test-mode uplinks are confirmed (TxFramesCtrlReq).</summary>
        public bool ConfirmedUplinks { get { return _state.Confirmed; } }

        /// <summary>Commands received that this device does not support or could not parse (ignored, no answer).</summary>
        public int UnsupportedCommands { get { return _state.Unsupported; } }

        /// <summary>Number of FPort 224 commands handled.</summary>
        public int CommandsHandled { get { return _state.Handled; } }

        /// <inheritdoc/>
        public bool Port224Enabled { get { return _state.Port224Enabled; } }

        /// <inheritdoc/>
        public bool ApplicationSuspended { get { return _state.TestMode; } }

        /// <inheritdoc/>
        public void OnDownlinkAccepted(int fport, bool ack)
        {
            // TS009 §4.2.1: counts downlinks on any FPort but 0, and those that carry an ACK (LoRaMac-node's rule).
            lock (_state)
            {
                if (!_state.Port224Enabled) return;
                if (fport > 0 || ack) _state.RxAppCnt = (_state.RxAppCnt + 1) & 0xFFFF;
            }
        }

        /// <inheritdoc/>
        public void OnCertificationFrame(Downlink downlink)
        {
            lock (_state)
            {
                if (!_state.Port224Enabled || downlink.Length < 1) return;
                _state.TestMode = true;
                _state.Handled++;
                // TS009 §4.2.2: a new command replaces an answer not yet sent.
                _state.AnswerLength = 0;
                CommandDecoder.Apply(downlink.Payload, downlink.Length, _state, _answer, _versions);
                if (_state.AnswerLength > 0) _state.SendNow = true;
            }
        }

        /// <summary>
        /// Carries out what the commands asked for, once the MAC is free: a reset, a join, a continuous wave, the answer
        /// (FPort 224), the uplink that carries LinkCheckReq/DeviceTimeReq, or the periodic uplink. Returns true when it asked the MAC for
        /// an uplink (the MAC's answer is in <see cref="LastSendResult"/>). Call it from the application's loop (or on
        /// every wake-up); it never blocks.
        /// </summary>
        public bool Poll()
        {
            // The MAC's thread writes the state (OnCertificationFrame); the MAC never calls the package while it holds
            // its own request lock, so holding this one across StartSend/StartJoin cannot deadlock.
            lock (_state)
            {
                return PollLocked();
            }
        }

        bool PollLocked()
        {
            ClassAMac mac = _mac;
            CertificationState s = _state;
            if (mac == null || !s.TestMode && s.Pending == CertificationState.NoAction) return false;
            if (mac.IsBusy) return false;
            ulong now = _clock.NowMicroseconds;
            if (s.Pending != CertificationState.NoAction)
            {
                int action = s.Pending;
                s.Pending = CertificationState.NoAction;
                if (RunAction(mac, action)) return false;
            }
            if (!mac.IsJoined) return false;
            if (!s.SendNow && s.NextUplinkUs != 0 && now < s.NextUplinkUs) return false;
            // An answer larger than the data rate carries (e.g. the 13-octet DutVersionsAns at US915 DR0, N = 11) stays
            // pending: the uplink goes out empty (still carrying MAC answers and giving the harness a window), and the
            // answer follows once the harness has raised the data rate. TS009 leaves the size to the harness.
            bool fits = s.AnswerLength <= mac.MaxPayload;
            // Stored straight into the field and read through it: on nanoCLR a SendResult local, or a copy of one, is a heap
            // object each time (README.md, "Allocation").
            _lastResult = mac.StartSend(ClassAMac.CertificationFPort, fits && s.AnswerLength > 0 ? _answer : _empty, 0, fits ? s.AnswerLength : 0, s.Confirmed);
            if (_lastResult.Status == SendStatus.Pending)
            {
                if (fits) s.AnswerLength = 0;
                s.SendNow = false;
                s.NextUplinkUs = now + (ulong)s.PeriodMs * 1000UL;
            }
            return true;
        }

        /// <summary>Runs a deferred action; true when it ends this poll (the device restarts, joins or sends a carrier).</summary>
        bool RunAction(ClassAMac mac, int action)
        {
            switch (action)
            {
                case CertificationState.ResetAction:
                    // TS009 §5.2: the DUT resets; with no handler the request is counted as unsupported.
                    if (ResetHandler == null) { _state.Unsupported++; return false; }
                    ResetHandler();
                    return true;
                case CertificationState.JoinAction:
                    // TS009 §5.3: the DUT joins again. A personalised (ABP) device cannot: counted as unsupported.
                    try
                    {
                        if (!mac.StartJoin()) _state.Pending = CertificationState.JoinAction;
                    }
                    catch (InvalidOperationException)
                    {
                        _state.Unsupported++;
                        return false;
                    }
                    return true;
                case CertificationState.AdrOnAction:
                case CertificationState.AdrOffAction:
                    // TS009 §5.5: the ADR bit of the following uplinks.
                    mac.Session.Adr = action == CertificationState.AdrOnAction;
                    return false;
                case CertificationState.DutyCycleOnAction:
                case CertificationState.DutyCycleOffAction:
                    // TS009 §5.6: the regional duty-cycle limits on or off.
                    mac.DutyCycle.Enabled = action == CertificationState.DutyCycleOnAction;
                    return false;
                case CertificationState.ClassAAction:
                case CertificationState.ClassCAction:
                    // TS009 §5.4: the DUT switches class; RXC opens (or closes) on the MAC's thread at its next free moment.
                    mac.SetDeviceClass(action == CertificationState.ClassCAction ? DeviceClass.C : DeviceClass.A);
                    return false;
                case CertificationState.LinkCheckAction:
                    mac.RequestLinkCheck();
                    _state.SendNow = true;
                    return false;
                case CertificationState.DeviceTimeAction:
                    mac.RequestDeviceTime();
                    _state.SendNow = true;
                    return false;
                case CertificationState.ContinuousWaveAction:
                    // TS009 §5.14: the carrier for Timeout s; the MAC is busy meanwhile, the test uplinks resume after it.
                    SendStatus cw = mac.StartContinuousWave(_state.CwFrequencyHz, _state.CwPowerDbm, _state.CwSeconds);
                    if (cw == SendStatus.Busy) _state.Pending = CertificationState.ContinuousWaveAction;
                    else if (cw != SendStatus.Pending) _state.Unsupported++;   // outside the region's band, or Timeout 0
                    return cw == SendStatus.Pending;
            }
            return false;
        }
    }
}
