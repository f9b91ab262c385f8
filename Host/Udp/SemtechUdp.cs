using System;

namespace LoRaWan.Udp
{
    /// <summary>Datagram identifiers of the Semtech UDP packet-forwarder protocol (PROTOCOL.TXT v2, byte 3 of every datagram).</summary>
    public enum PacketType : byte
    {
        /// <summary>Gateway → server: received RF packets (rxpk) and/or status (stat), §3.2.</summary>
        PushData = 0x00,
        /// <summary>Server → gateway: acknowledges a PUSH_DATA, same token, §3.3.</summary>
        PushAck = 0x01,
        /// <summary>Gateway → server: keep-alive that opens the downlink route, §5.2.</summary>
        PullData = 0x02,
        /// <summary>Server → gateway: a packet to transmit (txpk), §5.4.</summary>
        PullResp = 0x03,
        /// <summary>Server → gateway: acknowledges a PULL_DATA, same token, §5.3.</summary>
        PullAck = 0x04,
        /// <summary>Gateway → server: whether a PULL_RESP was accepted (txpk_ack), same token, §5.5.</summary>
        TxAck = 0x05,
    }

    /// <summary>
    /// Byte layout of the Semtech UDP protocol version 2 (Lora-net/packet_forwarder PROTOCOL.TXT):
    /// byte 0 protocol version, bytes 1–2 token, byte 3 identifier, then for gateway → server datagrams
    /// bytes 4–11 the gateway EUI (MSB first) and from byte 12 an optional JSON object; server → gateway
    /// PULL_RESP carries its JSON from byte 4; PUSH_ACK and PULL_ACK are the 4-byte header alone.
    /// </summary>
    public static class SemtechUdp
    {
        /// <summary>Protocol version written and required (the TX_ACK datagram exists from version 2 on).</summary>
        public const byte ProtocolVersion = 2;

        /// <summary>Version, token, identifier.</summary>
        public const int HeaderLength = 4;

        /// <summary>Header plus the 8-byte gateway EUI (PUSH_DATA, PULL_DATA, TX_ACK).</summary>
        public const int GatewayHeaderLength = 12;

        /// <summary>The port network servers listen on for this protocol.</summary>
        public const int DefaultPort = 1700;

        /// <summary>Writes version, token (big-endian) and identifier at <paramref name="buffer"/>[0..3].</summary>
        public static void WriteHeader(byte[] buffer, PacketType type, ushort token)
        {
            buffer[0] = ProtocolVersion;
            buffer[1] = (byte)(token >> 8);
            buffer[2] = (byte)token;
            buffer[3] = (byte)type;
        }

        /// <summary>Writes the 4-byte header and the gateway EUI (MSB first) at bytes 4–11; returns 12.</summary>
        public static int WriteGatewayHeader(byte[] buffer, PacketType type, ushort token, ulong gatewayEui)
        {
            WriteHeader(buffer, type, token);
            for (int i = 0; i < 8; i++) buffer[4 + i] = (byte)(gatewayEui >> (56 - 8 * i));
            return GatewayHeaderLength;
        }

        /// <summary>The token of a datagram (bytes 1–2, big-endian); the caller checked the length.</summary>
        public static ushort ReadToken(byte[] datagram)
        {
            return (ushort)((datagram[1] << 8) | datagram[2]);
        }

        /// <summary>The gateway EUI at bytes 4–11 (MSB first); the caller checked the length.</summary>
        public static ulong ReadGatewayEui(byte[] datagram)
        {
            ulong eui = 0;
            for (int i = 0; i < 8; i++) eui = (eui << 8) | datagram[4 + i];
            return eui;
        }

        /// <summary>The protocol's name of <paramref name="type"/> (e.g. "PULL_RESP"), or "0x.." for an unknown identifier.</summary>
        public static string Name(byte type)
        {
            switch ((PacketType)type)
            {
                case PacketType.PushData: return "PUSH_DATA";
                case PacketType.PushAck: return "PUSH_ACK";
                case PacketType.PullData: return "PULL_DATA";
                case PacketType.PullResp: return "PULL_RESP";
                case PacketType.PullAck: return "PULL_ACK";
                case PacketType.TxAck: return "TX_ACK";
                default: return "0x" + type.ToString("X2");
            }
        }

        /// <summary>Parses a gateway EUI as The Things Stack shows it (16 hex digits, separators allowed).</summary>
        public static ulong ParseEui(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            string s = text.Replace(" ", "").Replace(":", "").Replace("-", "");
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s.Substring(2);
            if (s.Length != 16) throw new FormatException($"an EUI is 16 hex digits (8 bytes), got '{text}'");
            return ulong.Parse(s, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
