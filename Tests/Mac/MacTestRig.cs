using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Mac
{
    /// <summary>A MAC on a scripted radio in virtual time, with the ABP session of the shared/VECTORS.md frames.</summary>
    public sealed class MacTestRig
    {
        /// <summary>DevAddr of the lora-packet vectors (MSB).</summary>
        public const string DevAddr = "49BE7DF1";
        /// <summary>NwkSKey of the lora-packet vectors.</summary>
        public const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        /// <summary>AppSKey of the lora-packet vectors.</summary>
        public const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";

        public readonly VirtualScheduler Scheduler;
        public readonly ScriptedRadio Radio;
        public readonly SimulatedFlash Flash;
        public readonly VirtualMacRunner Runner;
        /// <summary>The state machine under <see cref="Device"/>, built here to be watched (the device hands none of it out).</summary>
        public readonly ClassAMac Mac;
        public readonly LoRaWanDevice Device;
        public readonly LoRaWanOptions Options;

        /// <summary>Downlinks delivered to OnDownlink (payload copies, byte[] each).</summary>
        public readonly System.Collections.ArrayList Downlinks = new System.Collections.ArrayList();
        /// <summary>FCnt of each delivered downlink (uint).</summary>
        public readonly System.Collections.ArrayList DownlinkFCnts = new System.Collections.ArrayList();

        public MacTestRig(LoRaWanOptions options) : this(options, new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), new VirtualScheduler())
        {
        }

        public MacTestRig(LoRaWanOptions options, SimulatedFlash flash, VirtualScheduler scheduler) : this(options, flash, scheduler, null)
        {
        }

        /// <summary>A rig whose device reports <paramref name="batteryLevel"/> in DevStatusAns (null: 255, unknown).</summary>
        public MacTestRig(LoRaWanOptions options, SimulatedFlash flash, VirtualScheduler scheduler, BatteryLevelProvider batteryLevel)
        {
            Options = options;
            Scheduler = scheduler;
            Radio = new ScriptedRadio(Scheduler);
            Flash = flash;
            Runner = new VirtualMacRunner(Scheduler);
            var wiring = new MacWiring();
            wiring.Runner = Runner;
            wiring.BatteryLevel = batteryLevel;
            Mac = new ClassAMac(Radio, Region.Create("EU868"), DeviceIdentity.Abp(DevAddr, NwkSKey, AppSKey), Flash, Scheduler, options, wiring);
            Device = new LoRaWanDevice(Mac);
            Device.OnDownlink += OnDownlink;
        }

        void OnDownlink(LoRaWanDevice sender, Downlink downlink)
        {
            Downlinks.Add(downlink.ToArray());
            DownlinkFCnts.Add(downlink.FCnt);
        }

        /// <summary>Options for a fixed EU868 DR5 ABP device without ADR.</summary>
        public static LoRaWanOptions Dr5NoAdr()
        {
            var o = new LoRaWanOptions();
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 7;
            return o;
        }

        /// <summary>Reads the FCnt (16 bits) of a sent frame.</summary>
        public static int FCntOf(byte[] frame)
        {
            var f = new DataFrame();
            f.Read(frame, 0, frame.Length, 0);
            return f.FCnt;
        }

        /// <summary>A confirmed data down for this session: FCnt 3, FPort 1, empty payload, MIC with NwkSKey.</summary>
        public static byte[] ConfirmedDownlink()
        {
            var f = new DataFrame();
            f.MType = MType.ConfirmedDataDown;
            f.DevAddr = 0x49BE7DF1;
            f.FCnt = 3;
            f.FPort = 1;
            var buffer = new byte[32];
            f.Write(buffer, 0, null, 0, 0, new byte[0], 0, 0);
            byte[] key = Bytes(NwkSKey);
            new LoRaWan.Crypto.DataMic().Compute10(key, 0, LoRaWan.Crypto.FrameDirection.Downlink, 0x49BE7DF1, 3, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            var frame = new byte[f.Length];
            System.Array.Copy(buffer, frame, f.Length);
            return frame;
        }

        /// <summary>Parses hex written as on the wire.</summary>
        public static byte[] Bytes(string hex)
        {
            return Hex.Parse(hex, hex.Length / 2, "hex");
        }
    }
}
