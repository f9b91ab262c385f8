using LoRaWan.Certification;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Certification
{
    /// <summary>
    /// An ABP device with the TS009 package on a <see cref="VirtualWorld"/> (chip model, air, gateway, network server):
    /// the test plays the harness by queueing FPort 224 downlinks on the network server and reads the device's answers
    /// from the uplinks the server decrypted. Nothing here encodes a TS009 frame: the tests write the bytes.
    /// </summary>
    public sealed class CertificationRig
    {
        public const string DevAddrHex = "26011BDA";
        public const uint DevAddr = 0x26011BDA;
        const string NwkSKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const string AppSKey = "000102030405060708090A0B0C0D0E0F";
        /// <summary>The firmware version the rig reports in DutVersionsAns: 1.2.3.4.</summary>
        public static readonly byte[] FirmwareVersion = new byte[] { 1, 2, 3, 4 };

        public readonly VirtualWorld World;
        public readonly CertificationPackage Package;
        public readonly LoRaWanDevice Device;
        public readonly ClassAMac Mac;
        /// <summary>The device as the network server knows it (for <see cref="NetworkServer.SetClassC"/>).</summary>
        public readonly NetworkDevice NetworkDevice;
        public int Resets;

        public CertificationRig() : this(true)
        {
        }

        /// <summary>A rig; with <paramref name="withPackage"/> false the device is built without the package (as today).</summary>
        public CertificationRig(bool withPackage) : this(withPackage, "EU868", 5)
        {
        }

        /// <summary>A rig in <paramref name="region"/> (US915: sub-band 2) whose uplinks start at <paramref name="dataRate"/>.</summary>
        public CertificationRig(bool withPackage, string region, int dataRate)
        {
            var net = new NetworkOptions();
            if (region == "US915") net.SubBand = 2;
            World = new VirtualWorld(region, 7, net);
            DeviceIdentity identity = DeviceIdentity.Abp(DevAddrHex, NwkSKey, AppSKey);
            NetworkDevice = World.Register(identity, LoRaWanVersion.V1_0_4);
            var options = new LoRaWanOptions();
            options.RandomSeed = 7;
            options.Adr = true;
            options.EmptyAckUplinkDelayMs = 0;
            options.DataRate = dataRate;   // EU868 DR5 (SF7): its 1 % sub-bands allow an uplink every few seconds
            if (region == "US915") options.SubBand = 2;
            if (withPackage)
            {
                Package = new CertificationPackage(World.Scheduler, FirmwareVersion, LoRaWanVersion.V1_0_4);
                Package.ResetHandler = OnReset;
            }
            Device = World.PowerOn(identity, options, null, null, Package);
            Mac = World.Mac;
            if (withPackage) Package.Attach(Mac);
        }

        void OnReset()
        {
            Resets++;
        }

        /// <summary>Queues <paramref name="command"/> on FPort 224 for the device's next receive window.</summary>
        public void Downlink(byte[] command)
        {
            World.Network.EnqueueByDevAddr(DevAddr, 224, command, false);
        }

        /// <summary>An application uplink on FPort 1, so the queued downlink has a window; waits for its outcome.</summary>
        public SendResult ApplicationUplink()
        {
            return Device.Send(1, new byte[] { 0x42 }, false, 120000);
        }

        /// <summary>Lets <paramref name="ms"/> of virtual time pass, polling the package every 100 ms as a firmware loop would.</summary>
        public void Run(int ms)
        {
            for (int t = 0; t < ms; t += 100)
            {
                World.Sleep(100);
                if (Package != null) Package.Poll();
            }
        }

        /// <summary>Polls (as <see cref="Run"/>) until the network has accepted one more uplink, at most <paramref name="ms"/>; false if none came.</summary>
        public bool RunUntilNextUplink(int ms)
        {
            int before = UplinkCount;
            for (int t = 0; t < ms && UplinkCount == before; t += 100) Run(100);
            return UplinkCount > before;
        }

        /// <summary>The first FPort 224 answer (non-empty) the network accepted from uplink index <paramref name="from"/> on, or null.</summary>
        public byte[] AnswerSince(int from)
        {
            UplinkLog log = World.Network.Uplinks;
            for (int i = from; i < log.Count; i++)
                if (log[i].FPort == 224 && log[i].PayloadLength > 0) return PayloadOf(log[i]);
            return null;
        }

        /// <summary>Number of uplinks the network accepted.</summary>
        public int UplinkCount { get { return World.Network.Uplinks.Count; } }

        /// <summary>The last uplink the network accepted on FPort 224, or null.</summary>
        public UplinkRecord LastPort224()
        {
            UplinkLog log = World.Network.Uplinks;
            for (int i = log.Count - 1; i >= 0; i--)
                if (log[i].FPort == 224) return log[i];
            return null;
        }

        /// <summary>The FRMPayload of <paramref name="r"/> as an array of its valid bytes.</summary>
        public static byte[] PayloadOf(UplinkRecord r)
        {
            var b = new byte[r.PayloadLength];
            for (int i = 0; i < b.Length; i++) b[i] = r.Payload[i];
            return b;
        }

        /// <summary>Delivers <paramref name="command"/> (app uplink, then 20 s of polling) and returns the next FPort 224 answer (or null).</summary>
        public byte[] Exchange(byte[] command)
        {
            Downlink(command);
            if (!Package.TestMode) ApplicationUplink();
            int before = UplinkCount;
            Run(20000);
            UplinkLog log = World.Network.Uplinks;
            for (int i = before; i < log.Count; i++)
                if (log[i].FPort == 224 && log[i].PayloadLength > 0) return PayloadOf(log[i]);
            return null;
        }
    }
}
