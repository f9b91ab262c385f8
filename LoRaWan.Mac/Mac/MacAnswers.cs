using System;
using System.Threading;
using LoRaWan.Frames;

namespace LoRaWan.Mac
{
    /// <summary>
    /// The MAC commands the device owes the network, kept as uplink command bytes (LoRaWAN 1.0.4 §5) in three
    /// groups, in the order they are sent:
    /// <list type="number">
    /// <item><b>fresh answers</b> to the requests of the last Class A downlink; they belong in the very next
    /// uplink and are dropped once sent;</item>
    /// <item><b>sticky answers</b> already sent once (RXParamSetupAns §5.4, DlChannelAns §5.6, RXTimingSetupAns §5.7,
    /// TXParamSetupAns), repeated in every uplink until a Class A downlink is received;</item>
    /// <item>the device's own <b>requests</b> (LinkCheckReq §5.1, DeviceTimeReq §5.9), sent once;</item>
    /// <item>a LoRaWAN 1.1 device's <b>DeviceModeInd</b> (LoRaWAN 1.1 §18.1), in every uplink until DeviceModeConf.</item>
    /// </list>
    /// <see cref="Select"/> copies whole commands that fit a given room (fresh answers first), <see cref="Commit"/>
    /// then retires what was selected. All storage is allocated here, once.
    /// <para>The application's requests are set from any thread while the MAC builds frames on its own, without a lock
    /// (on nanoCLR a lock allocates): they are bits of one word, set with <c>Interlocked.CompareExchange</c>
    /// (<see cref="RequestLinkCheck"/>, <see cref="RequestDeviceTime"/>) and taken by <see cref="Select"/> with one
    /// <c>Interlocked.Exchange</c>, which reads and clears them in the same atomic step. A request is carried by the first
    /// frame whose Select takes it after it was made: one made while a frame is being built (after its Select) stays set
    /// for the next frame, never cleared by the frame before it. Requests taken and left out (no room) are set again;
    /// requests taken by a frame that is then replaced before going on air are set again by <see cref="Restore"/>.</para>
    /// </summary>
    public sealed class MacAnswers
    {
        /// <summary>Bytes of fresh answers kept: the largest FRMPayload on FPort 0 (242).</summary>
        public const int FreshCapacity = 242;

        /// <summary>Bytes of sticky answers kept for repetition.</summary>
        public const int StickyCapacity = 32;

        readonly byte[] _fresh = new byte[FreshCapacity];
        readonly byte[] _sticky = new byte[StickyCapacity];
        readonly byte[] _savedFresh = new byte[FreshCapacity];
        readonly byte[] _savedSticky = new byte[StickyCapacity];
        int _savedFreshLength;
        int _savedStickyLength;
        // The application's requests (bits below), and those Select took since the last Save (Restore sets them again).
        int _requested;
        int _takenSinceSave;
        const int LinkCheckBit = 1;
        const int DeviceTimeBit = 2;
        int _freshLength;
        int _stickyLength;
        // DeviceModeInd: the class indicated (NoDeviceMode: none), the uplinks that carried it, 1 when the last Select did.
        int _deviceMode = NoDeviceMode;
        int _deviceModeSends;
        int _selectedDeviceMode;
        int _selectedFresh;
        int _selectedSticky;
        bool _selectedDeviceTime;

        /// <summary><see cref="DeviceModeIndicated"/> when no DeviceModeInd is pending.</summary>
        public const int NoDeviceMode = -1;

        /// <summary>The class a pending DeviceModeInd indicates (0x00 Class A, 0x02 Class C), or <see cref="NoDeviceMode"/>.</summary>
        public int DeviceModeIndicated { get { return _deviceMode; } }

        /// <summary>Uplinks that have carried the pending DeviceModeInd so far (0: not yet on air).</summary>
        public int DeviceModeIndSends { get { return _deviceModeSends; } }

        /// <summary>Fresh answers waiting for the next uplink (bytes).</summary>
        public int FreshLength { get { return _freshLength; } }

        /// <summary>Sticky answers being repeated (bytes).</summary>
        public int StickyLength { get { return _stickyLength; } }

        /// <summary>The application asked for a LinkCheckReq in the next uplink, and no frame has taken it yet (a snapshot).</summary>
        public bool LinkCheckRequested { get { return (_requested & LinkCheckBit) != 0; } }

        /// <summary>The application asked for a DeviceTimeReq in the next uplink, and no frame has taken it yet (a snapshot).</summary>
        public bool DeviceTimeRequested { get { return (_requested & DeviceTimeBit) != 0; } }

        /// <summary>A LinkCheckReq (LoRaWAN 1.0.4 §5.1) rides the next frame built after this call. Any thread.</summary>
        public void RequestLinkCheck()
        {
            SetRequests(LinkCheckBit);
        }

        /// <summary>A DeviceTimeReq (LoRaWAN 1.0.4 §5.9) rides the next frame built after this call. Any thread.</summary>
        public void RequestDeviceTime()
        {
            SetRequests(DeviceTimeBit);
        }

        /// <summary>Sets request bits (one atomic step; a bit already set is a request not yet taken, which this one joins).</summary>
        void SetRequests(int bits)
        {
            while (true)
            {
                int w = _requested;
                if ((w & bits) == bits || Interlocked.CompareExchange(ref _requested, w | bits, w) == w) return;
            }
        }

        /// <summary>
        /// The LoRaWAN 1.1 indication the session owes, by CID: <see cref="Cid.Rekey"/> (RekeyInd, §5.10) or
        /// <see cref="Cid.Reset"/> (ResetInd, §5.1), 0 = none. <see cref="Select"/> puts it first in every frame, with
        /// "Dev LoRaWAN version" Minor = 1, until the MAC clears it (its Conf arrived); it is never consumed by a frame.
        /// </summary>
        public int Indication;

        /// <summary>Answers dropped because the buffers were full (a downlink asking for more than one uplink can carry).</summary>
        public int Overflows;

        /// <summary>True when the last <see cref="Select"/> included a DeviceTimeReq (cleared by the next one).</summary>
        public bool DeviceTimeSelected { get { return _selectedDeviceTime; } }

        /// <summary>
        /// Bytes of the LoRaWAN 1.1 indications every uplink must carry while they are owed: RekeyInd or ResetInd (§5.10,
        /// §5.1) and DeviceModeInd, 2 each. <see cref="Select"/> never leaves them out of a frame that has room for them.
        /// </summary>
        public int IndicationLength
        {
            get { return (Indication != 0 ? 2 : 0) + (_deviceMode >= 0 ? 2 : 0); }
        }

        /// <summary>Everything pending in bytes: fresh + sticky + requests.</summary>
        public int PendingLength
        {
            get { return (Indication != 0 ? 2 : 0) + _freshLength + _stickyLength + (LinkCheckRequested ? 1 : 0) + (DeviceTimeRequested ? 1 : 0) + (_deviceMode >= 0 ? 2 : 0); }
        }

        /// <summary>
        /// The fresh answers (bytes 0 .. <see cref="FreshLength"/> − 1, uplink command format). The MAC writes new
        /// answers at <see cref="FreshLength"/> and keeps them with <see cref="Append"/>; read-only for anyone else.
        /// </summary>
        public byte[] FreshBuffer { get { return _fresh; } }

        /// <summary>Keeps <paramref name="written"/> bytes a command writer just wrote at <see cref="FreshLength"/>; 0 means it did not fit.</summary>
        internal void Append(int written)
        {
            if (written <= 0) { Overflows++; return; }
            _freshLength += written;
        }

        /// <summary>A Class A downlink was received: the sticky answers have done their job (LoRaWAN 1.0.4 §5.4).</summary>
        public void OnClassADownlink()
        {
            _stickyLength = 0;
        }

        /// <summary>
        /// Starts indicating <paramref name="deviceClass"/> with DeviceModeInd in every uplink until
        /// <see cref="ConfirmDeviceMode"/> (LoRaWAN 1.1 §18.1); <paramref name="alreadySent"/> when it has been on air
        /// before (a session restored with an indication owed).
        /// </summary>
        internal void IndicateDeviceMode(int deviceClass, bool alreadySent)
        {
            _deviceMode = deviceClass;
            _deviceModeSends = alreadySent ? 1 : 0;
        }

        /// <summary>
        /// DeviceModeConf arrived: the indication stops. False (nothing changes) when no DeviceModeInd has been on air:
        /// that answer is not for the pending one.
        /// </summary>
        internal bool ConfirmDeviceMode()
        {
            if (_deviceMode < 0 || _deviceModeSends == 0) return false;
            _deviceMode = NoDeviceMode;
            _deviceModeSends = 0;
            return true;
        }

        /// <summary>
        /// Forgets everything owed to the session (a new one starts). The application's requests stand: they are for the
        /// next uplink, whichever session sends it.
        /// </summary>
        public void Clear()
        {
            _deviceMode = NoDeviceMode;
            _deviceModeSends = 0;
            _selectedDeviceMode = 0;
            _freshLength = 0;
            _stickyLength = 0;
            _selectedFresh = 0;
            _selectedSticky = 0;
            _selectedDeviceTime = false;
        }

        /// <summary>
        /// Copies whole commands into <paramref name="destination"/> at <paramref name="offset"/>, at most
        /// <paramref name="room"/> bytes: the 1.1 indications first (their room is kept from everything else, see
        /// <see cref="IndicationLength"/>), fresh answers in order (stopping at the first that does not fit), then each
        /// sticky answer and request that fits. Returns the bytes copied; call <see cref="Commit"/> once the frame is built.
        /// The application's requests are taken here (the class remarks): a request made from now on rides a later frame.
        /// </summary>
        public int Select(byte[] destination, int offset, int room)
        {
            int n = 0;
            _selectedFresh = 0;
            _selectedSticky = 0;
            _selectedDeviceTime = false;
            _selectedDeviceMode = 0;
            if (room <= 0) return 0;
            if (Indication != 0 && room >= 2)
            {
                // RekeyInd / ResetInd: CID | Dev LoRaWAN version (Minor 1 = LoRaWAN x.1).
                destination[offset + n++] = (byte)Indication;
                destination[offset + n++] = 1;
            }
            // DeviceModeInd goes last but its room is kept (LoRaWAN 1.1: in every uplink until DeviceModeConf).
            int all = room;
            if (_deviceMode >= 0 && room - n >= 2) room -= 2;

            // Fresh answers, then sticky repeats: whole commands in order, stopping at the first that does not fit. Most
            // uplinks owe none: no call then (issue 20: two calls of CopyWhole per uplink, ≈ 1,400 x86 on nanoCLR, for nothing).
            if (_freshLength > 0)
            {
                _selectedFresh = CopyWhole(_fresh, _freshLength, destination, offset, ref n, room);
                if (_selectedFresh < 0) { _selectedFresh = -_selectedFresh - 1; _freshLength = _selectedFresh; }   // cannot happen: we wrote them
            }
            if (_stickyLength > 0)
            {
                _selectedSticky = CopyWhole(_sticky, _stickyLength, destination, offset, ref n, room);
                if (_selectedSticky < 0) { _selectedSticky = -_selectedSticky - 1; _stickyLength = _selectedSticky; }
            }

            // Read and cleared in one step: nothing a requester does in between can be cleared unseen.
            int requests = _requested == 0 ? 0 : Interlocked.Exchange(ref _requested, 0);
            if ((requests & LinkCheckBit) != 0 && n + 1 <= room)
            {
                destination[offset + n++] = Cid.LinkCheck;
                requests &= ~LinkCheckBit;
                _takenSinceSave |= LinkCheckBit;
            }
            if ((requests & DeviceTimeBit) != 0 && n + 1 <= room)
            {
                destination[offset + n++] = Cid.DeviceTime;
                _selectedDeviceTime = true;
                requests &= ~DeviceTimeBit;
                _takenSinceSave |= DeviceTimeBit;
            }
            if (requests != 0) SetRequests(requests);   // no room in this frame: still owed
            if (_deviceMode >= 0 && n + 2 <= all)
            {
                destination[offset + n++] = Cid.DeviceMode;
                destination[offset + n++] = (byte)_deviceMode;
                _selectedDeviceMode = 1;
            }
            return n;
        }

        /// <summary>
        /// Copies whole commands of <paramref name="source"/> (<paramref name="length"/> bytes) to
        /// <paramref name="destination"/> at <paramref name="offset"/> + <paramref name="n"/> while they fit under
        /// <paramref name="room"/>; returns the source bytes taken, or −(taken + 1) when a command there is malformed.
        /// </summary>
        static int CopyWhole(byte[] source, int length, byte[] destination, int offset, ref int n, int room)
        {
            int p = 0;
            while (p < length)
            {
                int size = CommandSize(source, p);
                if (size <= 0 || size > length - p) return -p - 1;
                if (n + size > room) break;
                Array.Copy(source, p, destination, offset + n, size);
                n += size;
                p += size;
            }
            return p;
        }

        /// <summary>
        /// Copies the owed answers (whole commands, fresh first, at most <paramref name="maxFresh"/> and
        /// <paramref name="maxSticky"/> bytes) for persisting; returns the fresh length in the low byte and the sticky
        /// length in the next byte. Commands that do not fit are left out (a network asks again).
        /// </summary>
        public int Export(byte[] fresh, int freshOffset, int maxFresh, byte[] sticky, int stickyOffset, int maxSticky)
        {
            int f = 0;
            while (f < _freshLength)
            {
                int size = CommandSize(_fresh, f);
                if (size <= 0 || f + size > maxFresh) break;
                f += size;
            }
            Array.Copy(_fresh, 0, fresh, freshOffset, f);
            int s = 0;
            while (s < _stickyLength)
            {
                int size = CommandSize(_sticky, s);
                if (size <= 0 || s + size > maxSticky) break;
                s += size;
            }
            Array.Copy(_sticky, 0, sticky, stickyOffset, s);
            return f | (s << 8);
        }

        /// <summary>Restores owed answers persisted by <see cref="Export"/> (after a reset or a deep-sleep wake).</summary>
        public void Import(byte[] fresh, int freshOffset, int freshLength, byte[] sticky, int stickyOffset, int stickyLength)
        {
            if (freshLength > FreshCapacity) freshLength = FreshCapacity;
            if (stickyLength > StickyCapacity) stickyLength = StickyCapacity;
            Array.Copy(fresh, freshOffset, _fresh, 0, freshLength);
            Array.Copy(sticky, stickyOffset, _sticky, 0, stickyLength);
            _freshLength = freshLength;
            _stickyLength = stickyLength;
            _selectedFresh = 0;
            _selectedSticky = 0;
        }

        /// <summary>
        /// Remembers what is owed before a frame that may never go on air is built (the MAC's own empty uplink,
        /// which an application uplink can replace); <see cref="Restore"/> puts it back. Fixed buffers, no allocation.
        /// </summary>
        public void Save()
        {
            Array.Copy(_fresh, 0, _savedFresh, 0, _freshLength);
            Array.Copy(_sticky, 0, _savedSticky, 0, _stickyLength);
            _savedFreshLength = _freshLength;
            _savedStickyLength = _stickyLength;
            _takenSinceSave = 0;
        }

        /// <summary>Returns to the state of the last <see cref="Save"/>.</summary>
        public void Restore()
        {
            Array.Copy(_savedFresh, 0, _fresh, 0, _savedFreshLength);
            Array.Copy(_savedSticky, 0, _sticky, 0, _savedStickyLength);
            _freshLength = _savedFreshLength;
            _stickyLength = _savedStickyLength;
            // Requests the replaced frame took are owed again; those made since are still set (never carried).
            if (_takenSinceSave != 0) SetRequests(_takenSinceSave);
            _takenSinceSave = 0;
            _selectedFresh = 0;
            _selectedSticky = 0;
        }

        /// <summary>
        /// The frame built by the last <see cref="Select"/> is going out: fresh answers it carried are retired (the
        /// sticky ones among them move to the repeat list; the requests it carries were taken by Select). Returns true when the frame
        /// carries the pending DeviceModeInd for the first time (LoRaWAN 1.1 §18.1: the new class applies from then on).
        /// </summary>
        public bool Commit()
        {
            RetireSelectedFresh();
            _selectedSticky = 0;
            if (_selectedDeviceMode == 0) return false;
            _selectedDeviceMode = 0;
            return ++_deviceModeSends == 1;
        }

        /// <summary>
        /// The fresh answers restored by <see cref="Import"/> already went out before a reset (the uplink that carried
        /// them started): they are retired as <see cref="Commit"/> would have, the sticky ones kept for repetition until a
        /// downlink arrives (LoRaWAN 1.0.4 §5.4, §5.6, §5.7).
        /// </summary>
        internal void RetireImportedFresh()
        {
            _selectedFresh = _freshLength;
            RetireSelectedFresh();
        }

        /// <summary>Drops the fresh answers a frame carried (the first <c>_selectedFresh</c> bytes); sticky ones move to the repeat list.</summary>
        void RetireSelectedFresh()
        {
            int p = 0;
            while (p < _selectedFresh)
            {
                int size = CommandSize(_fresh, p);
                if (MacCommandTable.IsStickyAnswer(_fresh[p]))
                {
                    if (_stickyLength + size <= StickyCapacity)
                    {
                        Array.Copy(_fresh, p, _sticky, _stickyLength, size);
                        _stickyLength += size;
                    }
                    else Overflows++;
                }
                p += size;
            }
            int rest = _freshLength - _selectedFresh;
            if (rest > 0) Array.Copy(_fresh, _selectedFresh, _fresh, 0, rest);
            _freshLength = rest;
            _selectedFresh = 0;
        }

        /// <summary>Bytes of the uplink command at <paramref name="p"/> (CID + payload), from <see cref="MacCommandTable"/>.</summary>
        static int CommandSize(byte[] b, int p)
        {
            int length = MacCommandTable.PayloadLength(b[p], false);
            return length < 0 ? -1 : length + 1;
        }
    }
}
