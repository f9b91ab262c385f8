using LoRaWan.Mac;
using LoRaWan.Platform;

namespace LoRaWan.Firmware.App
{
    /// <summary>
    /// The sensor application, free of hardware: join, then every interval send a CayenneLPP uplink on FPort 1
    /// that The Things Stack's built-in CayenneLPP formatter decodes, and obey CayenneLPP downlinks that switch the
    /// LED or change the interval. It talks only to a <see cref="LoRaWanDevice"/> and an <see cref="IBoardServices"/>,
    /// so the same code runs on an ESP32 (Program) and in the simulator (Tests/Firmware).
    /// </summary>
    /// <remarks>
    /// Uplink (FPort 1), items in this order, each left out when it does not fit the data rate's maximum payload:
    /// <list type="table">
    /// <item><term>analog_in_1</term><description>time since boot, hours (0.01 h; saturates at 327.67)</description></item>
    /// <item><term>analog_in_3</term><description>battery, volts (0.01 V), only on boards that measure it</description></item>
    /// <item><term>analog_in_2</term><description>free managed memory, kB (0.01 kB; saturates at 327.67)</description></item>
    /// <item><term>digital_out_4</term><description>LED state (0/1)</description></item>
    /// <item><term>analog_out_5</term><description>report interval, minutes (0.01 min)</description></item>
    /// </list>
    /// Downlink (FPort 1): CayenneLPP actuator items <c>channel (1) | value × 100 (2, signed, MSB first)</c> — what
    /// The Things Stack's CayenneLPP formatter encodes from <c>{"value_4": 1}</c>. Channel 4 = LED (0 off, 1 on,
    /// −1 toggle); channel 5 = interval in minutes (1 .. 327.67). Several items may follow each other.
    /// <para>Steady state allocates nothing (Host/HostTests/Firmware/SketchAllocationTests): the payload is sent from the
    /// CayenneLPP writer's buffer through the allocation-free Send into one <see cref="UplinkOutcome"/>, and a cycle writes a
    /// log line (a new string) only when something changed — the outcome's status or data rate, a failure, a downlink.</para>
    /// </remarks>
    public sealed class SensorSketch
    {
        /// <summary>FPort of the uplinks and of the downlinks the sketch obeys.</summary>
        public const int Port = 1;
        /// <summary>analog_in: hours since boot.</summary>
        public const int ChannelUptime = 1;
        /// <summary>analog_in: free managed memory in kB.</summary>
        public const int ChannelMemory = 2;
        /// <summary>analog_in: battery voltage.</summary>
        public const int ChannelBattery = 3;
        /// <summary>digital_out: the LED (and the downlink channel that switches it).</summary>
        public const int ChannelLed = 4;
        /// <summary>analog_out: the report interval in minutes (and the downlink channel that sets it).</summary>
        public const int ChannelInterval = 5;
        /// <summary>How long one <see cref="LoRaWanDevice.Join"/> call may keep retrying.</summary>
        public const int JoinTimeoutMs = 15 * 60000;
        /// <summary>Time limit of one uplink (duty-cycle waits included).</summary>
        public const int SendTimeoutMs = 10 * 60000;

        const int MaxPayloadBytes = 32;

        readonly LoRaWanDevice _device;
        readonly IBoardServices _board;
        readonly SketchSettings _settings;
        readonly CayenneLppWriter _lpp = new CayenneLppWriter(MaxPayloadBytes);
        // The last uplink's outcome, filled in place by every Send (no SendResult copied: each copy is a heap object on
        // nanoCLR).
        readonly UplinkOutcome _outcome = new UplinkOutcome();
        SendStatus _loggedStatus = SendStatus.Pending;   // what the last "uplink" log line said (a line only on a change)
        int _loggedDataRate = -1;
        bool _settingsChanged;

        /// <summary>
        /// Creates the sketch on <paramref name="device"/> and <paramref name="board"/>. Settings changed by downlinks
        /// are kept in <paramref name="store"/> (the application's slots, <see cref="LoRaWan.Session.StoreSlots.Application"/>; null: not kept) and restored here.
        /// </summary>
        public SensorSketch(LoRaWanDevice device, IBoardServices board, INonVolatileStore store, int defaultIntervalMs)
        {
            _device = device;
            _board = board;
            _settings = new SketchSettings(store, defaultIntervalMs);
            if (_settings.Load()) _board.Log("settings restored: interval " + (_settings.IntervalMs / 1000).ToString() + " s, LED " + (_settings.LedOn ? "on" : "off"));
            _board.SetLed(_settings.LedOn);
            _device.OnDownlink += OnDownlink;
            // Issue 21: a DevNonce counter lost from flash makes a LoRaWAN 1.0.4 network ignore every join request
            // until the device's used DevNonces are reset there. Say so loudly, now and with every failed join.
            NonceStatus = device.Diagnostics.NonceStatus;
            if (NonceStatus == NonceRecordStatus.Lost) _board.Log(LostNonceWarning);
            else if (NonceStatus == NonceRecordStatus.NeverWritten && !device.IsJoined)
                _board.Log("no DevNonce record in flash: joining from DevNonce 0. If this device has joined before with these keys, its flash was wiped and the network will ignore these joins: reset its used DevNonces (README, Troubleshooting)");
        }

        /// <summary>What the sketch logs when the MAC found its DevNonce record lost.</summary>
        public const string LostNonceWarning = "!!! DevNonce record LOST from flash (corrupted or partly erased): joining from DevNonce 0 again. A LoRaWAN 1.0.4 network ignores DevNonces it has seen: reset this device's used DevNonces (The Things Stack: End device > General settings > Join settings > Reset used DevNonces; ChirpStack: device > OTAA keys > Flush OTAA device nonces), README Troubleshooting";

        /// <summary>What the MAC found of its DevNonce record at start-up (<see cref="NonceRecordStatus.Lost"/>: warned in the log).</summary>
        public NonceRecordStatus NonceStatus { get; private set; }

        /// <summary>Milliseconds between uplinks (a downlink on channel 5 changes it).</summary>
        public int IntervalMs
        {
            get { return _settings.IntervalMs; }
        }

        /// <summary>The LED state (a downlink on channel 4 changes it).</summary>
        public bool LedOn
        {
            get { return _settings.LedOn; }
        }

        /// <summary>Uplinks sent successfully.</summary>
        public int UplinksSent { get; private set; }

        /// <summary>Downlink items obeyed.</summary>
        public int CommandsApplied { get; private set; }

        /// <summary>Downlink items or frames ignored (other FPort, unknown channel, value out of range, truncated).</summary>
        public int CommandsRejected { get; private set; }

        /// <summary>The outcome of the last uplink (one object, filled again by each uplink; Pending before the first).</summary>
        public UplinkOutcome LastResult { get { return _outcome; } }

        /// <summary>What the last cycle ended with: the uplink's status, or NotJoined when the join did not succeed.</summary>
        public SendStatus LastStatus { get; private set; }

        /// <summary>Runs forever (<paramref name="cycles"/> &lt; 0) or that many cycles: send, then wait the interval.</summary>
        public void Run(int cycles)
        {
            for (int n = 0; cycles < 0 || n < cycles; n++)
            {
                Step();
                _board.Delay(_settings.IntervalMs);
            }
        }

        /// <summary>
        /// The deep-sleep variant of one cycle: send (joining first only when no session was restored from flash),
        /// then power down for the interval. On the board the chip then restarts from Main.
        /// </summary>
        public void RunDeepSleepCycle()
        {
            Step();
            // The duty-cycle history is in RAM and a wake starts it afresh: never wake before every band has rested
            // (EU868 1 %: e.g. 2.5 s of air at DR0 needs about 4 minutes of rest).
            // The ESP32's deep-sleep timer runs on the RTC RC oscillator, several percent off: add 5 % and a second.
            int sleepMs = _settings.IntervalMs;
            long dutyCycleMs = _device.DutyCycleRestMs;
            if (dutyCycleMs > 0) dutyCycleMs += dutyCycleMs / 20 + 1000;
            if (dutyCycleMs > sleepMs) sleepMs = (int)dutyCycleMs;
            _board.Log("deep sleep for " + (sleepMs / 1000).ToString() + " s");
            _board.DeepSleep(sleepMs);
        }

        /// <summary>
        /// One cycle: join if there is no session, build the payload, send it unconfirmed, keep changed settings. Returns the
        /// uplink's status (its details in <see cref="LastResult"/>), NotJoined when the join did not succeed.
        /// </summary>
        public SendStatus Step()
        {
            if (!_device.IsJoined && !JoinStep())
            {
                LastStatus = SendStatus.NotJoined;
                return SendStatus.NotJoined;
            }
            int length = BuildPayload(_device.MaxPayload);
            SendStatus status = _device.Send(Port, _lpp.Buffer, 0, length, false, SendTimeoutMs, _outcome);
            LastStatus = status;
            if (status == SendStatus.Sent || status == SendStatus.Acked) UplinksSent++;
            int dataRate = _outcome.DataRate;
            if (status != _loggedStatus || dataRate != _loggedDataRate || !_outcome.Succeeded) LogUplink(status, dataRate, length);
            if (_settingsChanged)
            {
                _settingsChanged = false;
                _settings.Save();
            }
            return status;
        }

        bool JoinStep()
        {
            _board.Log("joining...");
            if (!_device.Join(JoinTimeoutMs))
            {
                _board.Log("not joined yet (check keys, region, antenna); next try in " + (_settings.IntervalMs / 1000).ToString() + " s");
                if (NonceStatus == NonceRecordStatus.Lost) _board.Log(LostNonceWarning);
                return false;
            }
            _board.Log("joined");
            _loggedStatus = SendStatus.Pending;   // the first uplink of a session is logged
            return true;
        }

        // A line for the first uplink, each change of status or data rate, and every failure: the steady state logs nothing
        // (a log line is a new string: garbage on every cycle).
        void LogUplink(SendStatus status, int dataRate, int length)
        {
            _loggedStatus = status;
            _loggedDataRate = dataRate;
            _board.Log("uplink " + _outcome.ToString() + ", " + length.ToString() + " bytes (the next line when the status or data rate changes)");
        }

        /// <summary>Writes the CayenneLPP payload for at most <paramref name="maxPayload"/> bytes; returns its length.</summary>
        public int BuildPayload(int maxPayload)
        {
            _lpp.Reset(maxPayload);
            _lpp.AddAnalogInput(ChannelUptime, _board.UptimeMs / 36000);               // 0.01 h = 36 s
            if (_board.HasBattery) _lpp.AddAnalogInput(ChannelBattery, _board.ReadBatteryMillivolts() / 10);
            long free = _board.FreeMemoryBytes();
            if (free >= 0) _lpp.AddAnalogInput(ChannelMemory, free * 100 / 1024);
            _lpp.AddDigitalOutput(ChannelLed, _settings.LedOn);
            _lpp.AddAnalogOutput(ChannelInterval, _settings.IntervalMs / 600);         // 0.01 min = 600 ms
            return _lpp.Length;
        }

        /// <summary>The payload last built by <see cref="BuildPayload"/>.</summary>
        public byte[] PayloadBuffer
        {
            get { return _lpp.Buffer; }
        }

        // Raised on the MAC's thread: change state and return; the flash write happens in Step.
        void OnDownlink(LoRaWanDevice sender, Downlink downlink)
        {
            if (downlink.Port != Port)
            {
                CommandsRejected++;
                return;
            }
            byte[] p = downlink.Payload;
            int i = 0;
            for (; i + 3 <= downlink.Length; i += 3)
            {
                int channel = p[i];
                int value = (short)((p[i + 1] << 8) | p[i + 2]);
                if (channel == ChannelLed) SetLedFromDownlink(value);
                else if (channel == ChannelInterval) SetIntervalFromDownlink(value);
                else CommandsRejected++;
            }
            if (i != downlink.Length) CommandsRejected++;   // a truncated item
        }

        void SetLedFromDownlink(int hundredths)
        {
            bool on = hundredths == 0 ? false : (hundredths > 0 ? true : !_settings.LedOn);
            _settings.LedOn = on;
            _board.SetLed(on);
            _settingsChanged = true;
            CommandsApplied++;
            _board.Log(on ? "downlink: LED on" : "downlink: LED off");
        }

        void SetIntervalFromDownlink(int hundredthsOfMinute)
        {
            long ms = (long)hundredthsOfMinute * 600;
            if (ms < SketchSettings.MinIntervalMs || ms > SketchSettings.MaxIntervalMs)
            {
                CommandsRejected++;
                _board.Log("downlink: interval out of range (1 .. 327.67 minutes)");
                return;
            }
            _settings.IntervalMs = (int)ms;
            _settingsChanged = true;
            CommandsApplied++;
            _board.Log("downlink: interval " + (ms / 1000).ToString() + " s");
        }
    }
}
