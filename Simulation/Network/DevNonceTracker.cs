using LoRaWan.Frames;

namespace LoRaWan.Simulation
{
    /// <summary>
    /// The join server's memory of one device's DevNonces, as The Things Stack keeps it:
    /// LoRaWAN 1.0.4 and 1.1 (§6.2.5: the join server ignores a Join-request whose DevNonce was not incremented) DevNonce is a counter, so a Join-request must carry a DevNonce greater than the
    /// last accepted one (1.0.4 §6.2.5, DevNonce incremented with every Join-request; The Things Stack's
    /// "DevNonce is too small"); the very first join may use any value. LoRaWAN ≤ 1.0.3 DevNonce is random and
    /// the network ignores Join-requests that repeat a DevNonce it has seen from that device (1.0.2 §6.2.4;
    /// "DevNonce has already been used"): a 65 536-bit set, allocated only for those versions.
    /// </summary>
    public sealed class DevNonceTracker
    {
        readonly bool _counter;
        readonly uint[] _used;
        bool _hasLast;
        ushort _last;
        int _accepted;

        /// <summary>A tracker for a device speaking <paramref name="macVersion"/>.</summary>
        public DevNonceTracker(LoRaWanVersion macVersion)
        {
            _counter = macVersion >= LoRaWanVersion.V1_0_4;
            if (!_counter) _used = new uint[65536 / 32];
        }

        /// <summary>True when DevNonces must increase (LoRaWAN ≥ 1.0.4); false when each may be used once.</summary>
        public bool IsCounter
        {
            get { return _counter; }
        }

        /// <summary>True once a DevNonce has been accepted.</summary>
        public bool HasLast
        {
            get { return _hasLast; }
        }

        /// <summary>The last accepted DevNonce (meaningful when <see cref="HasLast"/>).</summary>
        public ushort Last
        {
            get { return _last; }
        }

        /// <summary>How many DevNonces have been accepted.</summary>
        public int AcceptedCount
        {
            get { return _accepted; }
        }

        /// <summary>
        /// True when <paramref name="devNonce"/> may be accepted; otherwise false with
        /// <see cref="JoinRejectReason.DevNonceTooSmall"/> (counter rule) or <see cref="JoinRejectReason.DevNonceReused"/>.
        /// </summary>
        public bool Check(ushort devNonce, out JoinRejectReason reason)
        {
            reason = JoinRejectReason.Malformed;
            if (_counter)
            {
                if (_hasLast && devNonce <= _last)
                {
                    reason = JoinRejectReason.DevNonceTooSmall;
                    return false;
                }
                return true;
            }
            if ((_used[devNonce >> 5] & (1u << (devNonce & 31))) != 0)
            {
                reason = JoinRejectReason.DevNonceReused;
                return false;
            }
            return true;
        }

        /// <summary>Records <paramref name="devNonce"/> as accepted.</summary>
        public void Accept(ushort devNonce)
        {
            if (!_counter) _used[devNonce >> 5] |= 1u << (devNonce & 31);
            _last = devNonce;
            _hasLast = true;
            _accepted++;
        }
    }
}
