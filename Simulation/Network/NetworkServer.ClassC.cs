using System;
using LoRaWan.Platform;
using LoRaWan.Regions;

namespace LoRaWan.Simulation
{
    // Class C downlinks (LoRaWAN 1.0.4 §6), scheduled the way The Things Stack does (commit 1d2182161975 read):
    // - pkg/networkserver/downlink.go attemptNetworkInitiatedDataDownlink: Class C uses the session's RX2 frequency and
    //   data rate; FPending is not set for Class C; with no absolute time the request goes to the gateway server's
    //   ScheduleAnytime (pkg/gatewayserver/io/io.go), which places it at least ScheduleTimeLong (530 ms) ahead, after the
    //   gateway's other emissions and within the sub-band's duty cycle over a one-hour window (scheduling/sub_band.go).
    // - pkg/networkserver/utils.go nextUnconfirmedNetworkInitiatedDownlinkAt: not before the RX2 of the device's last
    //   uplink (its RX1/RX2 come first: after an uplink, queued data goes in RX1/RX2 as for Class A, utils.go
    //   nextDataDownlinkSlot), and ClassBCDownlinkInterval (1 s) after the last Class C downlink unless an uplink came since.
    // - nextConfirmedNetworkInitiatedDownlinkAt: a confirmed one also waits for an uplink after the last confirmed
    //   downlink, or ClassCTimeout (5 min) after it (mac/utils.go: "the downlink message is considered lost").
    // - A NACK (the next uplink without ACK) makes the application server push the downlink again, up to
    //   default-retry-attempts (8) times (pkg/applicationserver/applicationserver.go handleDownlinkNack); the same
    //   retry here follows a Class C timeout.
    // - A refused attempt is retried after downlinkRetryInterval (2 s, downlink.go).
    public sealed partial class NetworkServer : ITimerSink
    {
        /// <summary>The Things Stack's downlinkRetryInterval: a Class C attempt the gateway refused is retried 2 s later.</summary>
        public const ulong ClassCRetryIntervalUs = 2000000;

        /// <summary>
        /// Least gap between the end of one downlink and the start of the next on the gateway: the packet forwarder's
        /// pre-delay TX_START_DELAY + TX_JIT_DELAY (31.5 ms) plus TX_MARGIN_DELAY (1 ms), jitqueue.c.
        /// </summary>
        public const ulong GatewayGapUs = 32500;

        const int EmissionSlots = 16;

        readonly ulong[] _emissionStartUs = new ulong[EmissionSlots];
        readonly ulong[] _emissionEndUs = new ulong[EmissionSlots];
        readonly bool[] _emissionClassC = new bool[EmissionSlots];
        int _emissionNext;
        AirTimeWindow[] _gatewayBands;
        IScheduler _classCAlarm;
        ulong _classCRetryAtUs;

        /// <summary>
        /// The alarm that runs Class C downlink tasks (The Things Stack's downlink task queue): a queued downlink that
        /// cannot go yet (interval, confirmed timeout, gateway busy or out of duty cycle) goes when it fires. Without
        /// one, Class C downlinks only go when queued and after uplinks.
        /// </summary>
        public void SetDownlinkTaskAlarm(IScheduler alarm)
        {
            lock (_sync)
            {
                if (_classCAlarm != null) _classCAlarm.SetTimerSink(null);
                _classCAlarm = alarm;
                if (alarm != null) alarm.SetTimerSink(this);
            }
        }

        /// <summary>
        /// Registers <paramref name="device"/> as Class C (true) or Class A (false), as The Things Stack's
        /// supports_class_c. Class C takes effect once the device's session has an uplink (the device confirmed the
        /// session and the server knows a gateway that hears it); queued downlinks are then scheduled at once.
        /// </summary>
        public void SetClassC(NetworkDevice device, bool classC)
        {
            if (device == null) throw new ArgumentNullException("device");
            lock (_sync)
            {
                device.IsClassC = classC;
                if (classC) device.SupportsClassC = true;
                device.ClassCDueUs = 0;
                if (classC) ClassCTask(_clock.NowMicroseconds, device);
                RearmClassC();
            }
        }

        /// <summary>Alarm callback: runs the Class C tasks that are due.</summary>
        public void OnTimer(ulong dueUs, ulong firedUs)
        {
            lock (_sync)
            {
                ulong now = _clock.NowMicroseconds;
                for (int i = 0; i < _devices.Count; i++)
                {
                    var d = (NetworkDevice)_devices[i];
                    if (d.IsClassC && d.ClassCDueUs != 0 && d.ClassCDueUs <= now) ClassCTask(now, d);
                }
                RearmClassC();
            }
        }

        /// <summary>Air time the gateway sent on the sub-band of <paramref name="frequencyHz"/> in the hour before <paramref name="nowUs"/> (every downlink counted).</summary>
        public ulong GatewayAirTimeInLastHourUs(uint frequencyHz, ulong nowUs)
        {
            lock (_sync)
            {
                AirTimeWindow w = GatewayBand(frequencyHz);
                return w == null ? 0 : w.GetAirTimeInLastHourUs(nowUs);
            }
        }

        // Sends the head of the device's queue as a Class C downlink if it may go now, else sets when to try again.
        // Caller holds the lock and re-arms the alarm.
        void ClassCTask(ulong now, NetworkDevice device)
        {
            device.ClassCDueUs = 0;
            NetworkSession s = device.Session;
            if (!device.IsClassC || s == null || !s.HasUplink) return;
            if (s.AwaitingAck != null && s.AwaitingAckInRxC && now >= s.AwaitingAckSinceUs + _options.ClassCTimeoutUs)
            {
                QueuedDownlink lost = s.AwaitingAck;
                s.AwaitingAck = null;
                s.AwaitingAckInRxC = false;
                _counters.ClassCAckTimeouts++;
                RetryOrGiveUp(device, lost);
            }
            QueuedDownlink item = device.PeekQueue();
            if (item == null)
            {
                WatchClassCTimeout(device, s);
                return;
            }

            ulong earliest = s.LastUplinkEndUs + (ulong)s.RxDelaySeconds * 1000000UL + Rx2AfterRx1Us;
            if (s.HasClassCDownlink && s.LastClassCDownlinkUs > s.LastUplinkEndUs)
                earliest = Later(earliest, s.LastClassCDownlinkUs + _options.ClassCDownlinkIntervalUs);
            if (item.Confirmed && s.AwaitingAck != null)
                earliest = Later(earliest, s.AwaitingAckSinceUs + _options.ClassCTimeoutUs);
            if (earliest > now)
            {
                device.ClassCDueUs = earliest;
                return;
            }

            _classCRetryAtUs = 0;
            DownlinkRecord rec = NewDownlinkRecord();
            ulong delayUs = now + _options.ClassCScheduleDelayUs - s.LastUplinkEndUs;
            if (!TryDataWindow(now, RxWindow.RxC, s, s.LastUplinkEndUs, delayUs, s.Rx2FrequencyHz, s.Rx2DataRate, false, false, rec))
            {
                device.ClassCDueUs = _classCRetryAtUs > now ? _classCRetryAtUs : now + ClassCRetryIntervalUs;
                return;
            }
            s.HasClassCDownlink = true;
            s.LastClassCDownlinkUs = now;
            if (rec.Confirmed)
            {
                s.AwaitingAckInRxC = true; // AwaitingAckSinceUs: the transmit time (The Things Stack's LastConfirmedDownlinkAt)

            }
            if (device.QueueLength > 0) device.ClassCDueUs = now + _options.ClassCDownlinkIntervalUs;
            WatchClassCTimeout(device, s);
        }

        // A confirmed Class C downlink in flight: the task must run when its timeout passes, even with nothing queued.
        void WatchClassCTimeout(NetworkDevice device, NetworkSession s)
        {
            if (s.AwaitingAck == null || !s.AwaitingAckInRxC) return;
            ulong timeoutUs = s.AwaitingAckSinceUs + _options.ClassCTimeoutUs;
            if (device.ClassCDueUs == 0 || timeoutUs < device.ClassCDueUs) device.ClassCDueUs = timeoutUs;
        }

        // A confirmed downlink not acknowledged: pushed back into the queue (The Things Stack's application server),
        // or given up after ConfirmedDownlinkRetries retries. Caller holds the lock.
        bool RetryOrGiveUp(NetworkDevice device, QueuedDownlink item)
        {
            if (item.Transmissions > _options.ConfirmedDownlinkRetries)
            {
                item.GivenUp = true;
                _counters.ConfirmedDownlinksGivenUp++;
                return false;
            }
            device.Enqueue(item);
            return true;
        }

        void RearmClassC()
        {
            if (_classCAlarm == null) return;
            ulong due = 0;
            for (int i = 0; i < _devices.Count; i++)
            {
                var d = (NetworkDevice)_devices[i];
                if (d.IsClassC && d.ClassCDueUs != 0 && (due == 0 || d.ClassCDueUs < due)) due = d.ClassCDueUs;
            }
            if (due == 0)
            {
                _classCAlarm.Cancel();
                return;
            }
            ulong now = _clock.NowMicroseconds;
            _classCAlarm.Arm(due > now ? due : now);
        }

        // When a Class C downlink of airUs wished for at startUs can start: after the gateway's scheduled downlinks
        // (GatewayGapUs between them) and within the sub-band's duty cycle over the last hour. ulong.MaxValue when the
        // duty cycle does not allow it now; _classCRetryAtUs then says when it will.
        ulong PlaceClassC(ulong startUs, uint frequencyHz, ulong airUs)
        {
            ulong t = startUs;
            for (int pass = 0; pass < EmissionSlots; pass++)
            {
                bool moved = false;
                for (int i = 0; i < EmissionSlots; i++)
                {
                    if (_emissionEndUs[i] == 0) continue;
                    if (t < _emissionEndUs[i] + GatewayGapUs && _emissionStartUs[i] < t + airUs + GatewayGapUs)
                    {
                        t = _emissionEndUs[i] + GatewayGapUs;
                        moved = true;
                    }
                }
                if (!moved) break;
            }
            AirTimeWindow band = GatewayBand(frequencyHz);
            if (band == null) return t;
            ulong budget = AirTimeWindow.ObservationUs / (ulong)_region.GetBandDutyCycleDivisor(_region.GetBandIndex(frequencyHz));
            ulong allowed = band.GetEarliestStartUs(t, airUs, budget);
            if (allowed == t) return t;
            _counters.ClassCDutyCycleDeferrals++;
            _classCRetryAtUs = allowed == ulong.MaxValue ? t + AirTimeWindow.ObservationUs : allowed - _options.ClassCScheduleDelayUs;
            return ulong.MaxValue;
        }

        bool OverlapsClassCEmission(ulong startUs, ulong airUs)
        {
            for (int i = 0; i < EmissionSlots; i++)
            {
                if (!_emissionClassC[i] || _emissionEndUs[i] == 0) continue;
                if (startUs < _emissionEndUs[i] + GatewayGapUs && _emissionStartUs[i] < startUs + airUs + GatewayGapUs) return true;
            }
            return false;
        }

        // Every downlink handed to the gateway: its slot on the gateway and its air time in the sub-band's hour.
        void RecordEmission(ulong startUs, ulong airUs, uint frequencyHz, bool classC)
        {
            _emissionStartUs[_emissionNext] = startUs;
            _emissionEndUs[_emissionNext] = startUs + airUs;
            _emissionClassC[_emissionNext] = classC;
            _emissionNext = (_emissionNext + 1) % EmissionSlots;
            AirTimeWindow band = GatewayBand(frequencyHz);
            if (band != null) band.Record(startUs, airUs);
        }

        // The gateway's one-hour air-time window of the sub-band of frequencyHz; null when it has no duty cycle.
        AirTimeWindow GatewayBand(uint frequencyHz)
        {
            if (!_region.DutyCycleEnforced) return null;
            int band = _region.GetBandIndex(frequencyHz);
            if (band < 0 || _region.GetBandDutyCycleDivisor(band) <= 1) return null;
            if (_gatewayBands == null) _gatewayBands = new AirTimeWindow[_region.BandCount];
            if (_gatewayBands[band] == null) _gatewayBands[band] = new AirTimeWindow();
            return _gatewayBands[band];
        }

        static ulong Later(ulong a, ulong b)
        {
            return a > b ? a : b;
        }
    }
}
