using System;
using System.Reflection;
using LoRaWan.Mac;

namespace LoRaWan.Cli.Certify
{
    /// <summary>
    /// The MAC-level mutants of <c>lorawan certify --mutant</c>: bugs of the MAC itself (its replay check, its counter
    /// restore, its LinkADRReq block, its sticky answers, its RX1 delay), put into the real, unmodified MAC from the
    /// host. The seam costs the device path nothing: the mutation acts at the moments the MAC calls its radio (ReadPacket
    /// is the MAC reading a downlink it is about to check, the Sleep after it is the MAC having applied it, Transmit is
    /// the MAC having bound the receive windows of the uplink it sends, SetPublicNetwork closes its constructor), and
    /// changes the MAC's own state there — the session's public fields, or, where the state is private (the windows'
    /// RX1 delay, the sticky answers), through reflection, which <see cref="Field"/> checks so a renamed field fails
    /// loudly instead of making the mutant a no-op. <see cref="MutantRadio"/> calls it; <see cref="MutantCertificationPort"/>
    /// holds the TS009 package's mutants.
    /// </summary>
    public sealed class MacMutations
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

        readonly MutantRadio.Kind _kind;
        /// <summary>State that outlives a reboot: [1] = the FCnt of the last data uplink sent, or -1.</summary>
        readonly int[] _memory;
        ClassAMac _mac;
        readonly byte[] _down = new byte[256];
        int _downLength;
        bool _downlinkApplied;
        int _firstBlockDataRate = -1;

        public MacMutations(MutantRadio.Kind kind, int[] memory)
        {
            _kind = kind;
            _memory = memory;
        }

        /// <summary>The MAC being built (its constructor gives the radio its event sink).</summary>
        public void OnEventSink(object sink)
        {
            if (sink is ClassAMac m) _mac = m;
        }

        /// <summary>The MAC's constructor is done with the radio (SetPublicNetwork is its last radio call).</summary>
        public void OnConstructed()
        {
            // FCntUp reused after a reset: the restore hands back the counter of the last uplink sent before the reset
            // instead of one past the persisted window (LoRaWAN 1.0.4 §4.3.1.5: FCntUp is never reused).
            if (_kind == MutantRadio.Kind.FCntUpReusedAfterReset && _mac != null && _mac.Session.Active && _memory[1] >= 0)
                _mac.Session.FCntUp = (uint)_memory[1];
        }

        /// <summary>The MAC reads a downlink it is about to check (<paramref name="frame"/>, <paramref name="length"/> bytes).</summary>
        public void OnReadPacket(byte[] frame, int offset, int length)
        {
            if (_mac == null || length < 12) return;
            Array.Copy(frame, offset, _down, 0, length);
            _downLength = length;
            _downlinkApplied = true;
            int mtype = frame[offset] >> 5;
            if (mtype != 3 && mtype != 5) return;   // data downlinks only
            // A replayed FCntDown accepted: the MAC's replay check lets a counter it has already seen through.
            if (_kind == MutantRadio.Kind.FCntDownReplayAccepted && _mac.Session.HasFCntDown)
            {
                uint fcnt = (uint)(frame[offset + 6] | (frame[offset + 7] << 8));
                uint last = _mac.Session.FCntDown & 0xFFFF;
                if (fcnt <= last && last - fcnt < 0x8000)   // a counter just behind the last one, not a 16-bit rollover
                {
                    if (fcnt == 0) _mac.Session.HasFCntDown = false;
                    else _mac.Session.FCntDown = (_mac.Session.FCntDown & 0xFFFF0000u) | (fcnt - 1);
                }
            }
            if (_kind == MutantRadio.Kind.LinkAdrBlockHalfApplied) _firstBlockDataRate = FirstOfBlockDataRate();
        }

        /// <summary>The radio sleeps: after a ReadPacket, the MAC has applied that downlink.</summary>
        public void OnSleep()
        {
            if (!_downlinkApplied || _mac == null) return;
            _downlinkApplied = false;
            // A LinkADRReq block half-applied: the first request's data rate stays applied whatever the block's outcome
            // (LoRaWAN 1.0.4 §5.2: a block is applied or refused as one).
            if (_kind == MutantRadio.Kind.LinkAdrBlockHalfApplied && _firstBlockDataRate >= 0)
                _mac.Session.DataRate = _firstBlockDataRate;
            _firstBlockDataRate = -1;
        }

        /// <summary>The MAC sends a data uplink (<paramref name="frame"/>): its receive windows are bound, its FOpts built.</summary>
        public void OnDataTransmit(byte[] frame, int length)
        {
            if (_mac == null) return;
            _memory[1] = (int)(_mac.Session.FCntUp - 1);
            // RX1 delay off by 20 ms: RECEIVE_DELAY1 is taken as 1.020 s (RX2, one second later, with it).
            if (_kind == MutantRadio.Kind.Rx1Delay20MsLate)
            {
                object windows = Field(typeof(ClassAMac), "_windows").GetValue(_mac);
                FieldInfo delay = Field(windows.GetType(), "Rx1DelayUs");
                delay.SetValue(windows, (ulong)delay.GetValue(windows) + 20000UL);
            }
            // A sticky answer not repeated: the MAC forgets RXParamSetupAns, RXTimingSetupAns and DlChannelAns once they
            // went out (§5.4, §5.7, §5.8: repeated in every uplink until a downlink arrives).
            if (_kind == MutantRadio.Kind.StickyAnswersForgotten && CarriesSticky(frame, length))
            {
                object cmd = Field(typeof(ClassAMac), "_cmd").GetValue(_mac);
                object answers = Field(cmd.GetType(), "Answers").GetValue(cmd);
                Field(answers.GetType(), "_stickyLength").SetValue(answers, 0);
            }
        }

        /// <summary>The downlink's FOpts carry a LinkADRReq block (two or more): the first one's data rate, else -1.</summary>
        int FirstOfBlockDataRate()
        {
            int end = 8 + (_down[5] & 0x0F);
            int i = 8, count = 0, first = -1;
            while (i < end)
            {
                byte cid = _down[i];
                // Downlink MAC command sizes (LoRaWAN 1.0.4 §5, Table 4): CID + payload.
                int n = cid switch { 0x02 => 2, 0x03 => 4, 0x04 => 1, 0x05 => 4, 0x06 => 0, 0x07 => 5, 0x08 => 1, 0x09 => 1, 0x0A => 4, 0x0D => 5, _ => -1 };
                if (n < 0 || i + 1 + n > end) break;
                if (cid == 0x03)
                {
                    if (count == 0) first = _down[i + 1] >> 4;
                    count++;
                }
                else if (count > 0) break;   // the block is the contiguous run
                i += 1 + n;
            }
            return count >= 2 ? first : -1;
        }

        static bool CarriesSticky(byte[] frame, int length)
        {
            int foptsLen = frame[5] & 0x0F;
            for (int i = 8; i < 8 + foptsLen && i < length; i++)
            {
                byte cid = frame[i];
                if (cid == 0x05 || cid == 0x08 || cid == 0x0A) return true;
                int n = cid switch { 0x03 => 1, 0x04 => 0, 0x06 => 2, 0x07 => 1, 0x09 => 0, 0x02 => 0, 0x0D => 0, _ => -1 };
                if (n < 0) return false;
                i += n;
            }
            return false;
        }

        static FieldInfo Field(Type type, string name)
        {
            FieldInfo f = type.GetField(name, Private) ?? type.GetField(name, BindingFlags.Public | BindingFlags.Instance);
            if (f == null) throw new InvalidOperationException("MAC mutant: " + type.Name + "." + name + " no longer exists; update Host/Cli/Certify/MacMutations.cs");
            return f;
        }
    }
}
