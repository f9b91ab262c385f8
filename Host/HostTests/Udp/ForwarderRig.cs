using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using LoRaWan.Regions;
using LoRaWan.Simulation;
using LoRaWan.Udp;

namespace LoRaWan.HostTests.Udp
{
    /// <summary>Records every datagram the gateway sends instead of putting it on a socket.</summary>
    public sealed class RecordingLink : IDatagramLink
    {
        public readonly List<byte[]> Sent = new List<byte[]>();

        public void Send(byte[] datagram, int length)
        {
            var copy = new byte[length];
            Array.Copy(datagram, copy, length);
            Sent.Add(copy);
        }

        /// <summary>The datagrams with identifier <paramref name="type"/>.</summary>
        public List<byte[]> OfType(byte type) => Sent.FindAll(d => d.Length >= 4 && d[3] == type);
    }

    /// <summary>Records what starts on the air.</summary>
    public sealed class AirRecorder : IAirMonitor
    {
        public readonly List<(ulong StartUs, uint FrequencyHz, int Sf, int BwHz, bool InvertIq, bool Crc, int PowerDbm, byte[] Payload, object Source, ulong EndUs)> Frames = new();

        public void OnTransmission(AirFrame f)
        {
            var payload = new byte[f.Length];
            Array.Copy(f.Payload, payload, f.Length);
            Frames.Add((f.StartUs, f.FrequencyHz, f.SpreadingFactor, f.BandwidthHz, f.InvertIq, f.Crc, f.PowerDbm, payload, f.Source, f.EndUs));
        }
    }

    /// <summary>A gateway endpoint on an empty air with the UDP forwarder in front, for protocol tests without a device or socket.</summary>
    public sealed class ForwarderRig
    {
        public const ulong Eui = 0xAA555A0000000101UL;
        public readonly VirtualScheduler Scheduler = new VirtualScheduler();
        public readonly Air Air;
        public readonly GatewayEndpoint Gateway;
        public readonly RecordingLink Link = new RecordingLink();
        public readonly AirRecorder OnAir = new AirRecorder();
        public readonly VirtualPacketForwarder Forwarder;

        public ForwarderRig(uint counterAtVirtualZero)
        {
            Air = new Air(Scheduler);
            Gateway = new GatewayEndpoint(Air);
            Air.AddMonitor(OnAir);
            Forwarder = new VirtualPacketForwarder(Gateway, Scheduler, Region.Create("EU868"), Eui, Link, counterAtVirtualZero, 7);
            Gateway.SetUplinkReceiver(Forwarder);
            Air.AddMonitor(Forwarder);
        }

        /// <summary>Hands a datagram from the "server" to the gateway and handles it now.</summary>
        public void Deliver(byte[] datagram)
        {
            Forwarder.HandleDatagram(datagram, datagram.Length, Stopwatch.GetTimestamp());
        }

        /// <summary>A version-2 PULL_RESP with token <paramref name="token"/> and <paramref name="json"/>.</summary>
        public static byte[] PullResp(ushort token, string json) => Datagram(2, token, 0x03, json);

        /// <summary>Header bytes (version, token MSB first, identifier) followed by <paramref name="json"/> in ASCII.</summary>
        public static byte[] Datagram(byte version, ushort token, byte identifier, string json)
        {
            byte[] body = json == null ? new byte[0] : Encoding.ASCII.GetBytes(json);
            var d = new byte[4 + body.Length];
            d[0] = version;
            d[1] = (byte)(token >> 8);
            d[2] = (byte)token;
            d[3] = identifier;
            Array.Copy(body, 0, d, 4, body.Length);
            return d;
        }

        /// <summary>A LoRaWAN-style txpk JSON (RX1 on 868.1 MHz SF7, inverted IQ) at <paramref name="tmst"/>.</summary>
        public static string Txpk(uint tmst, string payloadBase64 = "IAECAwQ=", int size = 5, string freq = "868.1", int powe = 14, string extra = "")
        {
            return "{\"txpk\":{\"imme\":false,\"tmst\":" + tmst + ",\"freq\":" + freq + ",\"rfch\":0,\"powe\":" + powe +
                   ",\"modu\":\"LORA\",\"datr\":\"SF7BW125\",\"codr\":\"4/5\",\"ipol\":true,\"size\":" + size +
                   ",\"data\":\"" + payloadBase64 + "\"" + extra + "}}";
        }
    }
}
