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
    /// <para>With <c>options.Version = V1_1</c> the device is an ABP 1.1 one (<see cref="DeviceIdentity.Abp11"/>, four
    /// different keys so that a mix-up shows: <see cref="FNwkSIntKey"/>, <see cref="SNwkSIntKey"/>, <see cref="NwkSEncKey"/>,
    /// <see cref="AppSKey11"/>). Its frames are built and read with the instance methods (<see cref="Downlink"/>,
    /// <see cref="DownlinkPort0"/>, <see cref="BuildDownlink"/>, <see cref="UplinkFOpts"/>, <see cref="UplinkPort0"/>), which
    /// follow LoRaWAN 1.1 §4: FOpts encrypted with NwkSEncKey under NFCntDown (no FPort or FPort 0) or AFCntDown, FPort 0
    /// with NwkSEncKey, the downlink MIC with SNwkSIntKey and ConfFCnt. Starting from its defaults such a device sends
    /// ResetInd (LoRaWAN 1.1 §5.1) first in every uplink until a ResetConf (<see cref="ResetConf"/>) arrives.</para>
    /// </summary>
    public sealed class CommandRig : IMacTrace
    {
        /// <summary>The session's DevAddr.</summary>
        public const uint DevAddr = 0x49BE7DF1;

        // ABP 1.1 session keys (MSB hex), all different.
        public const string FNwkSIntKey = "000102030405060708090A0B0C0D0E0F";
        public const string SNwkSIntKey = "101112131415161718191A1B1C1D1E1F";
        public const string NwkSEncKey = "202122232425262728292A2B2C2D2E2F";
        public const string AppSKey11 = "303132333435363738393A3B3C3D3E3F";

        /// <summary>ResetConf naming LoRaWAN 1.1 (CID 0x01, Serv LoRaWAN version Minor 1), as FOpts hex.</summary>
        public const string ResetConf = "01 01";

        /// <summary>True when the device is an ABP LoRaWAN 1.1 one (the options asked for V1_1).</summary>
        public readonly bool Is11;
        /// <summary>This rig's DevAddr (<see cref="DevAddr"/> unless given).</summary>
        public readonly uint Address;

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
            : this(region, options, flash, scheduler, batteryLevel, DevAddr)
        {
        }

        /// <summary>A rig whose session has DevAddr <paramref name="devAddr"/> (a device personalised again, same keys).</summary>
        public CommandRig(string region, LoRaWanOptions options, SimulatedFlash flash, VirtualScheduler scheduler, BatteryLevelProvider batteryLevel, uint devAddr)
        {
            Is11 = options.Version >= LoRaWanVersion.V1_1;
            Address = devAddr;
            Scheduler = scheduler;
            Radio = new ScriptedRadio(scheduler);
            Flash = flash;
            Runner = new VirtualMacRunner(scheduler);
            Region = Region.Create(region);
            Wiring = new MacWiring();
            Wiring.Runner = Runner;
            Wiring.Trace = this;
            Wiring.BatteryLevel = batteryLevel;
            string address = Hex.ToString(new byte[] { (byte)(devAddr >> 24), (byte)(devAddr >> 16), (byte)(devAddr >> 8), (byte)devAddr }, 0, 4);
            DeviceIdentity identity = Is11
                ? DeviceIdentity.Abp11(address, FNwkSIntKey, SNwkSIntKey, NwkSEncKey, AppSKey11)
                : DeviceIdentity.Abp(address, MacTestRig.NwkSKey, MacTestRig.AppSKey);
            Mac = new ClassAMac(Radio, Region, identity, flash, scheduler, options, Wiring);
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

        /// <summary>A downlink for this rig's device (1.0 or 1.1) with the commands <paramref name="foptsHex"/> in FOpts, no FPort.</summary>
        public byte[] Downlink(uint fCnt, string foptsHex)
        {
            return BuildDownlink(fCnt, Bytes(foptsHex), DataFrame.NoPort, null);
        }

        /// <summary>A downlink for this rig's device carrying <paramref name="commandsHex"/> as FRMPayload on FPort 0.</summary>
        public byte[] DownlinkPort0(uint fCnt, string commandsHex)
        {
            return BuildDownlink(fCnt, null, 0, Bytes(commandsHex));
        }

        /// <summary>
        /// An unconfirmed downlink for this rig's device without ACK. 1.0: as <see cref="Build"/>. 1.1 (§4.3.1.6, §4.4 and
        /// the "FOpts Encryption, Usage of FCntDwn" erratum): <paramref name="fCnt"/> is NFCntDown without FPort or with FPort
        /// 0, AFCntDown otherwise; FOpts encrypted with NwkSEncKey under that counter; FRMPayload with NwkSEncKey on FPort 0,
        /// AppSKey otherwise; MIC = cmac(SNwkSIntKey, B0 with ConfFCnt 0 (no ACK) | msg).
        /// </summary>
        public byte[] BuildDownlink(uint fCnt, byte[] fopts, int port, byte[] payload)
        {
            if (!Is11 && Address == DevAddr) return Build(fCnt, fopts, port, payload);
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataDown;
            f.DevAddr = Address;
            f.FCnt = (ushort)fCnt;
            f.FPort = port;
            var buffer = new byte[255];
            int foptsLength = fopts == null ? 0 : fopts.Length;
            int payloadLength = payload == null ? 0 : payload.Length;
            FrameResult r = f.Write(buffer, 0, fopts, 0, foptsLength, payload, 0, payloadLength);
            if (r != FrameResult.Ok) throw new System.ArgumentException("frame: " + ((int)r).ToString());
            byte[] nwk = MacTestRig.Bytes(Is11 ? NwkSEncKey : MacTestRig.NwkSKey);
            byte[] app = MacTestRig.Bytes(Is11 ? AppSKey11 : MacTestRig.AppSKey);
            var cipher = new PayloadCipher();
            if (Is11 && foptsLength > 0)
                cipher.EncryptFOpts(nwk, 0, port > 0 ? FCntType.AFCntDown : FCntType.NFCntDown, Address, fCnt, buffer, f.FOptsOffset, foptsLength);
            if (payloadLength > 0)
                cipher.EncryptFrmPayload(port == 0 ? nwk : app, 0, FrameDirection.Downlink, Address, fCnt, buffer, f.FrmPayloadOffset, payloadLength);
            if (Is11)
                new DataMic().ComputeDownlink11(MacTestRig.Bytes(SNwkSIntKey), 0, 0, Address, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            else
                new DataMic().Compute10(nwk, 0, FrameDirection.Downlink, Address, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            var frame = new byte[f.Length];
            System.Array.Copy(buffer, 0, frame, 0, f.Length);
            return frame;
        }

        /// <summary>The FOpts of an uplink of this rig's device as hex ("" when none); 1.1: decrypted with NwkSEncKey under FCntUp.</summary>
        public string UplinkFOpts(byte[] uplink)
        {
            if (!Is11) return FOpts(uplink);
            DataFrame f = Read(uplink);
            var copy = new byte[uplink.Length];
            System.Array.Copy(uplink, copy, uplink.Length);
            new PayloadCipher().DecryptFOpts(MacTestRig.Bytes(NwkSEncKey), 0, FCntType.FCntUp, Address, f.FCnt, copy, f.FOptsOffset, f.FOptsLength);
            return Hex.ToString(copy, f.FOptsOffset, f.FOptsLength);
        }

        /// <summary>The FRMPayload of an FPort-0 uplink of this rig's device, decrypted (1.0: NwkSKey; 1.1: NwkSEncKey), as hex.</summary>
        public string UplinkPort0(byte[] uplink)
        {
            if (!Is11) return Port0(uplink);
            DataFrame f = Read(uplink);
            if (f.FPort != 0) return "FPort " + f.FPort.ToString();
            var copy = new byte[uplink.Length];
            System.Array.Copy(uplink, copy, uplink.Length);
            new PayloadCipher().DecryptFrmPayload(MacTestRig.Bytes(NwkSEncKey), 0, FrameDirection.Uplink, Address, f.FCnt, copy, f.FrmPayloadOffset, f.FrmPayloadLength);
            return Hex.ToString(copy, f.FrmPayloadOffset, f.FrmPayloadLength);
        }

        /// <summary>
        /// Checks the 1.1 MIC of uplink <paramref name="index"/> (negative: from the end; the transmission of the same index
        /// gives TxDr and TxCh): cmacS[0..1] | cmacF[0..1] (LoRaWAN 1.1 §4.4) with ConfFCnt <paramref name="confFCnt"/>.
        /// </summary>
        public bool UplinkMicIsValid11(int index, uint confFCnt)
        {
            byte[] up = Sent(index);
            DataFrame f = Read(up);
            return new DataMic().VerifyUplink11(MacTestRig.Bytes(SNwkSIntKey), 0, MacTestRig.Bytes(FNwkSIntKey), 0, confFCnt,
                (byte)At(TxDataRate, index), (byte)At(TxChannel, index), Address, f.FCnt, up, 0, up.Length);
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
