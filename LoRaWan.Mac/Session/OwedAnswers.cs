namespace LoRaWan.Session
{
    /// <summary>
    /// What the device still owes the network, kept with the session so a reset does not lose it: the ACK of a confirmed
    /// downlink (LoRaWAN 1.0.4 §4.3.1.2) and the MAC answers not yet sent, in uplink command format (fresh answers go
    /// once; sticky ones, e.g. RXTimingSetupAns, repeat until a downlink arrives: §5.7). Part of the session record.
    /// </summary>
    public sealed class OwedAnswers
    {
        /// <summary>A confirmed downlink is still to be acknowledged.</summary>
        public bool Ack;
        /// <summary>
        /// A LoRaWAN 1.1 device switched to <see cref="DeviceSession.DeviceClass"/> and repeats DeviceModeInd in every
        /// uplink until DeviceModeConf arrives (LoRaWAN 1.1 §18.1).
        /// </summary>
        public bool DeviceModeInd;
        /// <summary>Owed fresh MAC answers, <see cref="FreshLength"/> bytes (capacity <see cref="DeviceSession.OwedFreshCapacity"/>).</summary>
        public readonly byte[] Fresh = new byte[DeviceSession.OwedFreshCapacity];
        /// <summary>Bytes in <see cref="Fresh"/>.</summary>
        public int FreshLength;
        /// <summary>Owed sticky MAC answers, <see cref="StickyLength"/> bytes (capacity <see cref="DeviceSession.OwedStickyCapacity"/>).</summary>
        public readonly byte[] Sticky = new byte[DeviceSession.OwedStickyCapacity];
        /// <summary>Bytes in <see cref="Sticky"/>.</summary>
        public int StickyLength;
        /// <summary>
        /// Read from the counter record: an uplink has taken a frame counter since this record was saved, so the ACK and
        /// the fresh answers in it have gone out; after a reset they are not sent again (the sticky ones among them still
        /// repeat until a downlink arrives). See <see cref="DeviceSession.SaveCounters"/>.
        /// </summary>
        public bool Carried;

        /// <summary>Owes nothing (a new session).</summary>
        public void Clear()
        {
            Ack = false;
            DeviceModeInd = false;
            Carried = false;
            FreshLength = 0;
            StickyLength = 0;
        }
    }
}
