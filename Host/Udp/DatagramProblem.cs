namespace LoRaWan.Udp
{
    /// <summary>Why the gateway dropped a datagram from the server (each is counted; none is fatal).</summary>
    public enum DatagramProblem
    {
        /// <summary>Byte 0 is not protocol version 2.</summary>
        WrongVersion,
        /// <summary>Shorter than its identifier requires (4-byte header; a PULL_RESP also needs its JSON).</summary>
        Truncated,
        /// <summary>Byte 3 is not an identifier a server sends (PUSH_ACK, PULL_RESP, PULL_ACK).</summary>
        UnknownIdentifier,
        /// <summary>A PUSH_ACK or PULL_ACK whose token matches no datagram the gateway sent recently.</summary>
        UnexpectedToken,
        /// <summary>The PULL_RESP payload is not valid JSON.</summary>
        InvalidJson,
        /// <summary>Valid JSON without a usable txpk object (missing or ill-typed fields, bad base64, size mismatch).</summary>
        InvalidTxpk,
        /// <summary>A txpk this gateway cannot send: an FSK bit rate or deviation other than LoRaWAN's, or a LoRa data rate it does not know.</summary>
        Unsupported,
    }
}
