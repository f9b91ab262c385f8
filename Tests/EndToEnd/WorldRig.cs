using System.Collections;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.EndToEnd
{
    /// <summary>
    /// A <see cref="VirtualWorld"/> with one OTAA device (the TTS key-derivation vector's identity) registered on
    /// the network, recording what reaches the network and the application.
    /// </summary>
    public sealed class WorldRig : NetworkObserver
    {
        public const string DevEui = "0042004213424341";
        public const string JoinEui = "0000001223224242";
        public const string AppKey = "BEC499C69E9C939E413B663961636C61";

        public readonly VirtualWorld World;
        public readonly DeviceIdentity Identity;
        public LoRaWanDevice Device;
        /// <summary>The state machine under <see cref="Device"/> (the world builds it; the device hands none of it out).</summary>
        public ClassAMac Mac;

        /// <summary>DevNonce (int) of every join request the gateway delivered to the network.</summary>
        public readonly ArrayList DevNoncesOnAir = new ArrayList();
        /// <summary>Payload copies (byte[]) delivered to OnDownlink.</summary>
        public readonly ArrayList Delivered = new ArrayList();

        public WorldRig(string region, int seed, LoRaWanVersion version) : this(region, seed, version, new NetworkOptions())
        {
        }

        public WorldRig(string region, int seed, LoRaWanVersion version, NetworkOptions net)
            : this(region, seed, DeviceIdentity.Otaa(DevEui, JoinEui, AppKey), version, net)
        {
        }

        /// <summary>A world with <paramref name="identity"/> (OTAA or ABP, 1.0.x or 1.1) registered as <paramref name="version"/>.</summary>
        public WorldRig(string region, int seed, DeviceIdentity identity, LoRaWanVersion version, NetworkOptions net)
        {
            if (region == "US915" || region == "AU915") net.SubBand = 2;
            World = new VirtualWorld(region, seed, net);
            Identity = identity;
            World.Register(Identity, version);
            World.Network.Observer = this;
        }

        public static LoRaWanOptions Options(string region, int seed)
        {
            var o = new LoRaWanOptions();
            o.RandomSeed = (uint)seed;
            if (region == "US915" || region == "AU915") o.SubBand = 2;
            return o;
        }

        public LoRaWanDevice PowerOn(LoRaWanOptions options)
        {
            Device = World.PowerOn(Identity, options);
            Mac = World.Mac;
            Device.OnDownlink += OnDownlink;
            return Device;
        }

        void OnDownlink(LoRaWanDevice sender, Downlink d)
        {
            Delivered.Add(d.ToArray());
        }

        public override void JoinRequestReceived(ulong nowUs, ulong devEui, ulong joinEui, ushort devNonce, UplinkMetadata metadata)
        {
            DevNoncesOnAir.Add((int)devNonce);
        }

        /// <summary>True when no value occurs twice in <paramref name="values"/> (ints).</summary>
        public static bool AllDistinct(ArrayList values)
        {
            for (int i = 0; i < values.Count; i++)
                for (int j = i + 1; j < values.Count; j++)
                    if ((int)values[i] == (int)values[j]) return false;
            return true;
        }
    }
}
