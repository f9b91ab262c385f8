namespace LoRaWan.Udp
{
    /// <summary>
    /// The concentrator's free-running 32-bit microsecond counter (the "tmst" of rxpk and txpk), derived from the
    /// simulation clock: counter = (virtual µs + offset) mod 2^32. It wraps every 2^32 µs ≈ 71.6 minutes, so a
    /// txpk tmst is read relative to the counter's current value, as the packet forwarder's JIT queue does with
    /// unsigned arithmetic: here as a signed distance, so a time up to ≈ 35.8 minutes in the past is "past", not
    /// "very far ahead".
    /// </summary>
    public sealed class GatewayCounter
    {
        readonly uint _offset;

        /// <param name="valueAtVirtualZero">the counter's value at virtual time 0 (real gateways start at an arbitrary value)</param>
        public GatewayCounter(uint valueAtVirtualZero)
        {
            _offset = valueAtVirtualZero;
        }

        /// <summary>The counter's value at <paramref name="virtualUs"/>.</summary>
        public uint At(ulong virtualUs)
        {
            return unchecked((uint)(virtualUs + _offset));
        }

        /// <summary>
        /// Signed distance in µs from the counter's value at <paramref name="nowUs"/> to <paramref name="tmst"/>
        /// (negative: in the past).
        /// </summary>
        public long DistanceUs(uint tmst, ulong nowUs)
        {
            return unchecked((int)(tmst - At(nowUs)));
        }
    }
}
