namespace LoRaWan.Frames
{
    /// <summary>
    /// Walks a sequence of MAC commands (FOpts, or an FRMPayload on FPort 0, already decrypted) one command
    /// at a time, over the caller's buffer; a reusable object that allocates nothing.
    /// <code>
    /// reader.Reset(buf, off, len, true);
    /// while (reader.MoveNext()) { switch (reader.Cid) { case Cid.LinkAdr: ... LinkAdrReq.DataRate(buf, reader.PayloadOffset) ... } }
    /// if (reader.Status != MacCommandStatus.End) { /* count it; reader.Consumed bytes were good */ }
    /// </code>
    /// Lengths come from <see cref="MacCommandTable"/>. It stops at the first unknown CID and never reads past
    /// the end: a command cut short gives <see cref="MacCommandStatus.Truncated"/>.
    /// </summary>
    public sealed class MacCommandReader
    {
        byte[] _buffer;
        int _start;
        int _position;
        int _end;
        bool _downlink;
        bool _known;

        /// <summary>Starts over on <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
        /// <param name="buffer">the bytes holding the commands (FOpts, or an FRMPayload on FPort 0); not copied</param>
        /// <param name="offset">where the first command starts in <paramref name="buffer"/></param>
        /// <param name="length">the number of bytes of commands</param>
        /// <param name="downlink">true for commands sent by the network (requests such as LinkADRReq, answers such as
        /// DeviceTimeAns): the device's view; false for commands sent by the device (the network's view).</param>
        public void Reset(byte[] buffer, int offset, int length, bool downlink)
        {
            _downlink = downlink;
            Cid = 0;
            _known = false;
            CommandOffset = offset;
            PayloadOffset = offset;
            PayloadLength = 0;
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                _buffer = null;
                _start = _position = _end = 0;
                Status = MacCommandStatus.InvalidArgument;
                return;
            }
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + length;
            Status = MacCommandStatus.Ok;
        }

        /// <summary>The state after the last call: Ok while positioned on a command, then End or the reason it stopped.</summary>
        public MacCommandStatus Status { get; private set; }

        /// <summary>The CID of the current command.</summary>
        public byte Cid { get; private set; }

        /// <summary>
        /// The table row of the current command, or null (unknown CID, or not on a command). Looked up on each read
        /// (<see cref="MacCommandTable.Find"/>, which builds the rows on first use): for tools, not the device's path.
        /// </summary>
        public MacCommandInfo Info => _known ? MacCommandTable.Find(Cid) : null;

        /// <summary>Absolute index of the current command's CID (or, after a stop, of the byte where it stopped).</summary>
        public int CommandOffset { get; private set; }

        /// <summary>Absolute index of the current command's payload (the byte after the CID).</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>Payload length of the current command (from the table).</summary>
        public int PayloadLength { get; private set; }

        /// <summary>Bytes taken by complete commands so far, from the start: how far parsing got.</summary>
        public int Consumed => _position - _start;

        /// <summary>The name of the current command in this direction (e.g. "LinkADRReq").</summary>
        public string Name
        {
            get
            {
                MacCommandInfo info = Info;
                return info == null ? null : info.Name(_downlink);
            }
        }

        /// <summary>
        /// Moves to the next command. Returns true when positioned on a complete, known command; false at the end
        /// (<see cref="Status"/> End) or when it stopped (UnknownCid, Truncated, InvalidArgument). Never throws.
        /// </summary>
        public bool MoveNext()
        {
            if (Status != MacCommandStatus.Ok) return false;
            int p = _position;
            if (p >= _end)
            {
                Status = MacCommandStatus.End;
                _known = false;
                return false;
            }
            byte cid = _buffer[p];
            CommandOffset = p;
            Cid = cid;
            int length = MacCommandTable.PayloadLength(cid, _downlink);
            if (length < 0)
            {
                _known = false;
                PayloadOffset = p + 1;
                PayloadLength = 0;
                Status = MacCommandStatus.UnknownCid;
                return false;
            }
            _known = true;
            PayloadOffset = p + 1;
            PayloadLength = length;
            if (length > _end - p - 1)
            {
                Status = MacCommandStatus.Truncated;
                return false;
            }
            _position = p + 1 + length;
            return true;
        }

        /// <summary>
        /// Validates a whole sequence without visiting it: End when every byte belongs to a complete known command.
        /// <paramref name="consumed"/> is how many bytes were good.
        /// </summary>
        public MacCommandStatus Validate(byte[] buffer, int offset, int length, bool downlink, out int consumed)
        {
            Reset(buffer, offset, length, downlink);
            while (MoveNext()) { }
            consumed = Consumed;
            return Status;
        }
    }
}
