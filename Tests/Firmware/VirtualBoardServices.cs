using LoRaWan.Firmware.App;
using LoRaWan.Firmware.Power;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Firmware
{
    /// <summary>
    /// The simulator's <see cref="IBoardServices"/>: uptime from the <see cref="VirtualWorld"/>'s clock since this
    /// "boot", fixed battery and memory readings, a recorded LED, waiting as virtual time, deep sleep recorded (the
    /// test then lets time pass and powers the board on again, as the ESP32's wake-up reset would).
    /// </summary>
    public sealed class VirtualBoardServices : IBoardServices
    {
        readonly VirtualWorld _world;
        readonly ulong _bootUs;
        readonly int _batteryMv;
        readonly long _freeMemory;
        readonly IPmu _pmu;

        /// <summary>Services for the board that <paramref name="world"/> powered on last; battery 0 = not measured.</summary>
        public VirtualBoardServices(VirtualWorld world, int batteryMv, long freeMemoryBytes)
        {
            _world = world;
            _bootUs = world.Scheduler.NowMicroseconds;
            _batteryMv = batteryMv;
            _freeMemory = freeMemoryBytes;
        }

        /// <summary>Services of a board whose battery is measured by a PMU (the T-Beam), as Esp32BoardServices reads it.</summary>
        public VirtualBoardServices(VirtualWorld world, IPmu pmu, long freeMemoryBytes) : this(world, 0, freeMemoryBytes)
        {
            _pmu = pmu;
        }

        /// <summary>The LED as the sketch last set it.</summary>
        public bool Led { get; private set; }
        /// <summary>How often the sketch set the LED.</summary>
        public int LedWrites { get; private set; }
        /// <summary>The uptime value handed out last (what the payload must carry).</summary>
        public long LastUptimeMs { get; private set; }
        /// <summary>Deep-sleep requests.</summary>
        public int DeepSleeps { get; private set; }
        /// <summary>The duration of the last deep-sleep request.</summary>
        public int LastDeepSleepMs { get; private set; }
        /// <summary>Log lines written.</summary>
        public int LogLines { get; private set; }
        /// <summary>The last log line.</summary>
        public string LastLog { get; private set; }

        /// <inheritdoc />
        public long UptimeMs
        {
            get
            {
                LastUptimeMs = (long)((_world.Scheduler.NowMicroseconds - _bootUs) / 1000UL);
                return LastUptimeMs;
            }
        }

        /// <inheritdoc />
        public long FreeMemoryBytes() { return _freeMemory; }

        /// <inheritdoc />
        public bool HasBattery { get { return _pmu != null || _batteryMv > 0; } }

        /// <inheritdoc />
        public int ReadBatteryMillivolts() { return _pmu != null ? _pmu.ReadBatteryMillivolts() : _batteryMv; }

        /// <inheritdoc />
        public void SetLed(bool on)
        {
            Led = on;
            LedWrites++;
        }

        /// <inheritdoc />
        public void Delay(int milliseconds) { _world.Sleep(milliseconds); }

        /// <inheritdoc />
        public void DeepSleep(int milliseconds)
        {
            DeepSleeps++;
            LastDeepSleepMs = milliseconds;
        }

        /// <inheritdoc />
        public void Log(string message)
        {
            LogLines++;
            LastLog = message;
        }
    }
}
