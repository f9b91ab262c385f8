namespace LoRaWan.Mac
{
    /// <summary>
    /// An application downlink as handed to <c>OnDownlink</c>. The MAC reuses one instance and its payload
    /// buffer for every downlink: copy what you keep before the handler returns.
    /// </summary>
    public sealed class Downlink
    {
        /// <summary>The payload buffer (valid bytes: 0 .. <see cref="Length"/> − 1).</summary>
        public readonly byte[] Payload = new byte[242];
        /// <summary>Payload length.</summary>
        public int Length;
        /// <summary>FPort 1..223.</summary>
        public int Port;
        /// <summary>Packet RSSI in dBm.</summary>
        public int RssiDbm;
        /// <summary>Packet SNR in quarter dB.</summary>
        public int SnrQuarterDb;
        /// <summary>The network has more downlinks queued (FCtrl.FPending): send an uplink soon.</summary>
        public bool FPending;
        /// <summary>The downlink was confirmed; the MAC acknowledges it in the next uplink.</summary>
        public bool Confirmed;
        /// <summary>The 32-bit FCntDown.</summary>
        public uint FCnt;
        /// <summary>The receive window it came in: 1 or 2 (RX1, RX2), or <see cref="Rxc"/> (Class C, outside RX1/RX2).</summary>
        public int Window;

        /// <summary><see cref="Window"/> of a downlink received in RXC, the Class C continuous window (LoRaWAN 1.0.4 §15).</summary>
        public const int Rxc = 3;

        /// <summary>Copies the payload into a new array (allocates).</summary>
        public byte[] ToArray()
        {
            var copy = new byte[Length];
            System.Array.Copy(Payload, 0, copy, 0, Length);
            return copy;
        }
    }
}
