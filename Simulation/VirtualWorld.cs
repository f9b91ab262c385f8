using System;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;

namespace LoRaWan.Simulation
{
    /// <summary>Returns the radio the MAC is to use in place of <paramref name="radio"/> (see <see cref="VirtualWorld.WrapRadio"/>).</summary>
    public delegate IRadio RadioWrapper(IRadio radio);

    /// <summary>
    /// Everything a simulated deployment needs, on one virtual clock: the air, a gateway, a network server that
    /// behaves like The Things Stack, and an ESP32 + SX1276 board running the real driver and MAC with a
    /// <see cref="LoRaWanDevice"/> on top. The board can be power-cycled (flash survives) to test persistence.
    /// </summary>
    public sealed class VirtualWorld
    {
        readonly int _seed;
        int _boots;

        /// <summary>Virtual time.</summary>
        public readonly VirtualScheduler Scheduler;
        /// <summary>The radio medium.</summary>
        public readonly Air Air;
        /// <summary>The gateway.</summary>
        public readonly GatewayEndpoint Gateway;
        /// <summary>The gateway ↔ network server link.</summary>
        public readonly GatewayBridge Bridge;
        /// <summary>The network server.</summary>
        public readonly NetworkServer Network;
        /// <summary>The region of device and network.</summary>
        public readonly Region Region;
        /// <summary>The board's non-volatile storage (kept across power cycles).</summary>
        public readonly SimulatedFlash Flash;

        /// <summary>The current board (replaced by <see cref="PowerOn(DeviceIdentity, LoRaWanOptions)"/>).</summary>
        public SimulatedBoard Board { get; private set; }
        /// <summary>The current device (replaced by <see cref="PowerOn(DeviceIdentity, LoRaWanOptions)"/>).</summary>
        public LoRaWanDevice Device { get; private set; }
        /// <summary>
        /// The state machine under <see cref="Device"/> (session, duty cycle, state), built here so that tests and the CLI
        /// can watch it; the device itself hands none of it out.
        /// </summary>
        public ClassAMac Mac { get; private set; }
        /// <summary>Runs the device's MAC in virtual time.</summary>
        public VirtualMacRunner Runner { get; private set; }

        /// <summary>Creates the world for region <paramref name="regionName"/> (e.g. "EU868") with deterministic randomness from <paramref name="seed"/>.</summary>
        public VirtualWorld(string regionName, int seed, NetworkOptions networkOptions)
        {
            _seed = seed;
            Region = Region.Create(regionName);
            Scheduler = new VirtualScheduler(256);
            Air = new Air(Scheduler);
            Gateway = new GatewayEndpoint(Air);
            Bridge = new GatewayBridge(Gateway, Scheduler);
            Network = networkOptions == null
                ? new NetworkServer(Region, Scheduler, Bridge)
                : new NetworkServer(Region, Scheduler, Bridge, networkOptions);
            Bridge.Connect(Network);
            // The network's downlink task alarm (Class C downlinks that must wait: interval, RX2, duty cycle, timeout).
            Network.SetDownlinkTaskAlarm(new VirtualAlarm(Scheduler, null));
            Flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
        }

        /// <summary>
        /// How late the board's DIO interrupt handler runs (uniform 0..this, µs): the TxDone stamp is taken that
        /// late, so the whole receive schedule shifts. Applies to boards created from now on.
        /// </summary>
        public uint InterruptLatencyMaxUs;
        /// <summary>
        /// DIO interrupt latency alone (uniform 0..this, µs), on top of <see cref="InterruptLatencyMaxUs"/> and
        /// independent of the alarm settings (<c>lorawan simulate --dio-latency-ms</c>). Applies to boards created from now on.
        /// </summary>
        public uint DioLatencyMaxUs;
        /// <summary>How far the MAC's alarm fires from its due time (uniform ± this, µs).</summary>
        public uint AlarmSpreadUs;
        /// <summary>Extra one-sided alarm latency (uniform 0..this, µs).</summary>
        public uint AlarmLatencyMaxUs;

        /// <summary>
        /// Optional: wraps the board's radio before the MAC is built on it at each <see cref="PowerOn(DeviceIdentity, LoRaWanOptions)"/>
        /// (a recorder, or a deliberately broken device for the certification run's mutation check). Null: the radio as is.
        /// </summary>
        public RadioWrapper WrapRadio;

        /// <summary>
        /// Boots a (new) board and device with <paramref name="identity"/> and <paramref name="options"/>; the flash keeps what
        /// the previous boot persisted, as after a reset or deep sleep.
        /// </summary>
        public LoRaWanDevice PowerOn(DeviceIdentity identity, LoRaWanOptions options)
        {
            return PowerOn(identity, options, null, null);
        }

        /// <summary>
        /// <see cref="PowerOn(DeviceIdentity, LoRaWanOptions)"/> with a <paramref name="trace"/> of the MAC's steps and the
        /// DevStatusAns <paramref name="batteryLevel"/> (each may be null), wired at construction as on a board.
        /// </summary>
        public LoRaWanDevice PowerOn(DeviceIdentity identity, LoRaWanOptions options, IMacTrace trace, BatteryLevelProvider batteryLevel)
        {
            return PowerOn(identity, options, trace, batteryLevel, null);
        }

        /// <summary>
        /// <see cref="PowerOn(DeviceIdentity, LoRaWanOptions, IMacTrace, BatteryLevelProvider)"/> with a TS009 certification
        /// package wired in (<see cref="MacWiring.Certification"/>; null: none), as a certification firmware build does.
        /// </summary>
        public LoRaWanDevice PowerOn(DeviceIdentity identity, LoRaWanOptions options, IMacTrace trace, BatteryLevelProvider batteryLevel,
            ICertificationPort certification)
        {
            _boots++;
            Flash.PowerOn();
            Board = new SimulatedBoard(Scheduler, Air, _seed * 7919 + _boots, false);
            // As the firmware does: the receive chain calibrated at the centre of the region's band (datasheet §4.2.3.8).
            Board.Driver.ImageCalibrationFrequencyHz = (Region.MinFrequencyHz + Region.MaxFrequencyHz) / 2;
            Board.Driver.Init();
            // A real SX1276 locks onto a preamble already under way while enough symbols remain; LoRaMac-node's
            // window formula (RxWindowTiming) relies on that with MinRxSymbols = 6 of the 8 preamble symbols.
            Board.Chip.LateLockSymbols = 8 - LoRaWan.Mac.RxWindowTiming.MinRxSymbols;
            // ... and it must hear MinRxSymbols of the preamble before its symbol timeout expires.
            Board.Chip.DetectSymbols = LoRaWan.Mac.RxWindowTiming.MinRxSymbols;
            Board.InterruptJitter.LatencyMaxUs = InterruptLatencyMaxUs;
            Board.InterruptJitter.SpreadUs = 0;
            Board.DioLatency.LatencyMaxUs = DioLatencyMaxUs;
            Board.AlarmJitter.LatencyMaxUs = AlarmLatencyMaxUs;
            Board.AlarmJitter.SpreadUs = AlarmSpreadUs;
            Runner = new VirtualMacRunner(Scheduler);
            Runner.Flash = Flash;
            var wiring = new MacWiring();
            wiring.Runner = Runner;
            wiring.Trace = trace;
            wiring.BatteryLevel = batteryLevel;
            wiring.Certification = certification;
            IRadio radio = WrapRadio != null ? WrapRadio(Board.Radio) : Board.Radio;
            Mac = new ClassAMac(radio, Region, identity, Flash, Board.MacScheduler, options, wiring);
            Device = new LoRaWanDevice(Mac);
            return Device;
        }

        /// <summary>Registers <paramref name="identity"/> on the network server.</summary>
        public NetworkDevice Register(DeviceIdentity identity, LoRaWanVersion version)
        {
            return Network.AddDevice(identity, version);
        }

        /// <summary>Lets <paramref name="milliseconds"/> of virtual time pass with the device running.</summary>
        public void Sleep(int milliseconds)
        {
            if (Runner == null) Scheduler.RunFor((ulong)milliseconds * 1000UL);
            else Runner.Sleep(milliseconds);
        }
    }
}
