namespace LoRaWan.Frames
{
    /// <summary>One row of <see cref="MacCommandTable"/>: what a CID means in each direction.</summary>
    public sealed class MacCommandInfo
    {
        /// <summary>The command identifier, the first byte of the command.</summary>
        public readonly byte Cid;

        /// <summary>Name of the end-device → network form (e.g. "LinkADRAns"), or null when there is none.</summary>
        public readonly string UplinkName;

        /// <summary>Payload bytes after the CID in the uplink form; -1 when there is no uplink form.</summary>
        public readonly int UplinkLength;

        /// <summary>Name of the network → end-device form (e.g. "LinkADRReq"), or null when there is none.</summary>
        public readonly string DownlinkName;

        /// <summary>Payload bytes after the CID in the downlink form; -1 when there is no downlink form.</summary>
        public readonly int DownlinkLength;

        /// <summary>Sticky answer, repeat-until-conf, who starts, class.</summary>
        public readonly MacCommandFlags Flags;

        /// <summary>The specification version that introduced the command.</summary>
        public readonly LoRaWanVersion Since;

        /// <summary>Declares a row.</summary>
        public MacCommandInfo(byte cid, string uplinkName, int uplinkLength, string downlinkName, int downlinkLength,
            MacCommandFlags flags, LoRaWanVersion since)
        {
            Cid = cid;
            UplinkName = uplinkName;
            UplinkLength = uplinkLength;
            DownlinkName = downlinkName;
            DownlinkLength = downlinkLength;
            Flags = flags;
            Since = since;
        }

        /// <summary>Payload length in the given direction (-1 when the command does not exist that way).</summary>
        public int PayloadLength(bool downlink)
        {
            return downlink ? DownlinkLength : UplinkLength;
        }

        /// <summary>Name in the given direction (null when the command does not exist that way).</summary>
        public string Name(bool downlink)
        {
            return downlink ? DownlinkName : UplinkName;
        }

        /// <summary>True when the device's answer is repeated until a Class A downlink arrives.</summary>
        public bool IsStickyAnswer => (Flags & MacCommandFlags.StickyAnswer) != 0;
    }
}
