namespace LoRaWan.Udp
{
    /// <summary>The "error" values of a TX_ACK's txpk_ack object (PROTOCOL.TXT v2 §6).</summary>
    public enum TxAckError
    {
        /// <summary>NONE: the packet has been programmed for downlink.</summary>
        None,
        /// <summary>TOO_LATE: already too late to program the packet (its time has passed or is too close).</summary>
        TooLate,
        /// <summary>TOO_EARLY: the packet's timestamp is too far in advance.</summary>
        TooEarly,
        /// <summary>COLLISION_PACKET: another packet is already programmed in that timeframe.</summary>
        CollisionPacket,
        /// <summary>COLLISION_BEACON: a beacon is planned in that timeframe (this gateway sends no beacons).</summary>
        CollisionBeacon,
        /// <summary>TX_FREQ: the frequency is not supported by the TX RF chain.</summary>
        TxFreq,
        /// <summary>TX_POWER: the power is not supported by the gateway.</summary>
        TxPower,
        /// <summary>GPS_UNLOCKED: GPS time was requested and the gateway has no GPS lock (this gateway has no GPS).</summary>
        GpsUnlocked,
    }

    /// <summary>Wire names of <see cref="TxAckError"/>.</summary>
    public static class TxAckErrors
    {
        /// <summary>The wire name, e.g. "TOO_LATE".</summary>
        public static string Name(TxAckError error)
        {
            switch (error)
            {
                case TxAckError.None: return "NONE";
                case TxAckError.TooLate: return "TOO_LATE";
                case TxAckError.TooEarly: return "TOO_EARLY";
                case TxAckError.CollisionPacket: return "COLLISION_PACKET";
                case TxAckError.CollisionBeacon: return "COLLISION_BEACON";
                case TxAckError.TxFreq: return "TX_FREQ";
                case TxAckError.TxPower: return "TX_POWER";
                default: return "GPS_UNLOCKED";
            }
        }

        /// <summary>Parses a wire name; false for anything else.</summary>
        public static bool TryParse(string name, out TxAckError error)
        {
            for (TxAckError e = TxAckError.None; e <= TxAckError.GpsUnlocked; e++)
            {
                if (Name(e) == name) { error = e; return true; }
            }
            error = TxAckError.None;
            return false;
        }
    }
}
