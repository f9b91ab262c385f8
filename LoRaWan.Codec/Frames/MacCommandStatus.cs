namespace LoRaWan.Frames
{
    /// <summary>Where a <see cref="MacCommandReader"/> stands.</summary>
    public enum MacCommandStatus
    {
        /// <summary>Positioned on a complete, known command (after a successful <see cref="MacCommandReader.MoveNext"/>).</summary>
        Ok = 0,

        /// <summary>Every byte was consumed by complete commands.</summary>
        End,

        /// <summary>
        /// A CID this table does not know (or one that has no form in this direction): parsing stopped there because
        /// the length of the rest cannot be known (LoRaWAN 1.0.4 §5: the rest of the sequence cannot be interpreted).
        /// </summary>
        UnknownCid,

        /// <summary>A known command whose payload runs past the end of the bytes given.</summary>
        Truncated,

        /// <summary>Null buffer or offset/length outside it.</summary>
        InvalidArgument,
    }
}
