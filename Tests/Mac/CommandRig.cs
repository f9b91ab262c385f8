using System.Collections;
using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// A MAC on a <see cref="ScriptedRadio"/> in virtual time for MAC command tests, in any region, with the ABP
    /// session of the shared/VECTORS.md frames (<see cref="MacTestRig"/>'s keys). Builds downlinks from hand-written
    /// command bytes with the shared frame writer and crypto, reads the device's uplinks back, and records what each
    /// transmission used (data rate, power, channel) through the MAC trace.
    /// </summary>
    public sealed class CommandRig : IMacTrace
    {
        /// <summary>The session's DevAddr.</summary>
        public const uint DevAddr = 0x49BE7DF1;

        static readonly byte[] Payload = new byte[] { 0x74, 0x65, 0x73, 0x74 };   // "test"

        public readonly VirtualScheduler Scheduler;
        public readonly ScriptedRadio Radio;
        public readonly SimulatedFlash Flash;
        public readonly VirtualMacRunner Runner;
        /// <summary>The state machine under <see cref="Device"/>, built here to be watched (the device hands none of it out).</summary>
        public readonly ClassAMac Mac;
        /// <summary>The wiring the MAC was built with (the MAC read it once: changing it now changes nothing).</summary>
        public readonly MacWiring Wiring;
        public readonly LoRaWanDevice Device;
        public readonly Region Region;

        /// <summary>Per transmission (join requests excluded): data rate (int), radio power dBm (int), channel (int), frequency (uint).</summary>
        public readonly ArrayList TxDataRate = new ArrayList();
        public readonly ArrayList TxPower = new ArrayList();
        public readonly ArrayList TxChannel = new ArrayList();
        public readonly ArrayList TxFrequency = new ArrayList();
        /// <summary>Receive windows opened: data rate (int).</summary>
        public readonly ArrayList RxDataRate = new ArrayList();

        public CommandRig(string region, LoRaWanOptions options) : this(region, options, new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), new VirtualScheduler())
        {
        }

        public CommandRig(string region, LoRaWanOptions options, SimulatedFlash flash, VirtualScheduler scheduler) : this(region, options, flash, scheduler, null)
        {
        }

        /// <summary>A rig whose device reports <paramref name="batteryLevel"/> in DevStatusAns (null: 255, unknown).</summary>
        public CommandRig(string region, LoRaWanOptions options, SimulatedFlash flash, VirtualScheduler scheduler, BatteryLevelProvider batteryLevel)
        {
            Scheduler = scheduler;
            Radio = new ScriptedRadio(scheduler);
            Flash = flash;
            Runner = new VirtualMacRunner(scheduler);
            Region = Region.Create(region);
            Wiring = new MacWiring();
            Wiring.Runner = Runner;
            Wiring.Trace = this;
            Wiring.BatteryLevel = batteryLevel;
            Mac = new ClassAMac(Radio, Region, DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey),
                flash, scheduler, options, Wiring);
            Device = new LoRaWanDevice(Mac);
        }

        /// <summary>ADR on, starting at <paramref name="dataRate"/>, fixed seed.</summary>
        public static LoRaWanOptions Adr(int dataRate)
        {
            var o = new LoRaWanOptions();
            o.Adr = true;
            o.DataRate = dataRate;
            o.RandomSeed = 11;
            return o;
        }

        /// <summary>Sends "test" on FPort 1 (unconfirmed) and waits (up to an hour of virtual time) for the outcome.</summary>
        public SendResult Send()
        {
            return Device.Send(1, Payload, false, 3600000);
        }

        /// <summary>The next receive window that opens (RX1 of the next uplink) receives <paramref name="frame"/>.</summary>
        public void DeliverNext(byte[] frame)
        {
            Radio.DeliverInWindow(Radio.RxOpenedAt.Count, frame);
        }

        /// <summary>Frame <paramref name="index"/> sent (0-based); negative counts from the end (−1 = last).</summary>
        public byte[] Sent(int index)
        {
            return (byte[])Radio.Sent[index < 0 ? Radio.Sent.Count + index : index];
        }

        /// <summary>Value <paramref name="index"/> (negative: from the end) of a recorded list.</summary>
        public static int At(ArrayList list, int index)
        {
            return (int)list[index < 0 ? list.Count + index : index];
        }

        // ---- frames ----

        /// <summary>Hex (spaces allowed) to bytes.</summary>
        public static byte[] Bytes(string hex)
        {
            string compact = string.Concat(hex.Split(' '));
            return compact.Length == 0 ? new byte[0] : Hex.Parse(compact, compact.Length / 2, "hex");
        }

        /// <summary>An unconfirmed downlink with FCnt <paramref name="fCnt"/>, the commands <paramref name="foptsHex"/> in FOpts, no FPort.</summary>
        public static byte[] Down(uint fCnt, string foptsHex)
        {
            return Build(fCnt, Bytes(foptsHex), DataFrame.NoPort, null);
        }

        /// <summary>An unconfirmed downlink carrying the commands <paramref name="commandsHex"/> as FRMPayload on FPort 0 (NwkSKey).</summary>
        public static byte[] DownPort0(uint fCnt, string commandsHex)
        {
            return Build(fCnt, null, 0, Bytes(commandsHex));
        }

        /// <summary>An unconfirmed downlink with FOpts and an application payload on <paramref name="port"/>.</summary>
        public static byte[] Build(uint fCnt, byte[] fopts, int port, byte[] payload)
        {
            byte[] nwkSKey = MacTestRig.Bytes(MacTestRig.NwkSKey);
            byte[] appSKey = MacTestRig.Bytes(MacTestRig.AppSKey);
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataDown;
            f.DevAddr = DevAddr;
            f.FCnt = (ushort)fCnt;
            f.FPort = port;
            var buffer = new byte[255];
            int foptsLength = fopts == null ? 0 : fopts.Length;
            int payloadLength = payload == null ? 0 : payload.Length;
            FrameResult r = f.Write(buffer, 0, fopts, 0, foptsLength, payload, 0, payloadLength);
            if (r != FrameResult.Ok) throw new System.ArgumentException("frame: " + ((int)r).ToString());
            if (payloadLength > 0)
                new PayloadCipher().EncryptFrmPayload(port == 0 ? nwkSKey : appSKey, 0, FrameDirection.Downlink, DevAddr, fCnt, buffer, f.FrmPayloadOffset, payloadLength);
            new DataMic().Compute10(nwkSKey, 0, FrameDirection.Downlink, DevAddr, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            var frame = new byte[f.Length];
            System.Array.Copy(buffer, 0, frame, 0, f.Length);
            return frame;
        }

        /// <summary>Parses an uplink the device sent.</summary>
        public static DataFrame Read(byte[] uplink)
        {
            var f = new DataFrame();
            FrameResult r = f.Read(uplink, 0, uplink.Length, 0);
            if (r != FrameResult.Ok) throw new System.ArgumentException("uplink does not parse: " + ((int)r).ToString());
            return f;
        }

        /// <summary>The FOpts of an uplink as hex ("" when none).</summary>
        public static string FOpts(byte[] uplink)
        {
            DataFrame f = Read(uplink);
            return Hex.ToString(uplink, f.FOptsOffset, f.FOptsLength);
        }

        /// <summary>The FRMPayload of an FPort-0 uplink, decrypted with NwkSKey, as hex.</summary>
        public static string Port0(byte[] uplink)
        {
            DataFrame f = Read(uplink);
            if (f.FPort != 0) return "FPort " + f.FPort.ToString();
            var copy = new byte[uplink.Length];
            System.Array.Copy(uplink, copy, uplink.Length);
            new PayloadCipher().DecryptFrmPayload(MacTestRig.Bytes(MacTestRig.NwkSKey), 0, FrameDirection.Uplink, DevAddr, f.FCnt, copy, f.FrmPayloadOffset, f.FrmPayloadLength);
            return Hex.ToString(copy, f.FrmPayloadOffset, f.FrmPayloadLength);
        }

        // ---- IMacTrace ----

        public void Transmitting(ulong nowUs, bool join, uint fCnt, int channel, uint frequencyHz, int dataRate, int length, ulong airTimeUs, int powerDbm)
        {
            if (join) return;
            TxDataRate.Add(dataRate);
            TxPower.Add(powerDbm);
            TxChannel.Add(channel);
            TxFrequency.Add(frequencyHz);
        }

        public void TxDone(ulong stampUs) { }

        public void WindowOpened(int window, ulong dueUs, ulong firedUs, uint frequencyHz, int dataRate, int symbolTimeout)
        {
            RxDataRate.Add(dataRate);
        }

        public void WindowClosed(int window, ulong nowUs, bool frameForUs) { }

        public void BackingOff(ulong nowUs, ulong waitUs) { }
    }
}
