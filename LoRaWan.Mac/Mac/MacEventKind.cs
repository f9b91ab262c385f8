namespace LoRaWan.Mac
{
    /// <summary>The kinds of input the Class A state machine reacts to.</summary>
    public enum MacEventKind
    {
        /// <summary>An empty slot.</summary>
        None = 0,
        /// <summary>The radio reported TxDone, RxDone, RxTimeout, RxCrcError or TxTimeout.</summary>
        Radio = 1,
        /// <summary>The alarm armed by the MAC fired.</summary>
        Timer = 2,
        /// <summary>The application asked for something (join, send, link check).</summary>
        Request = 3,
        /// <summary>The application chose a device class (<see cref="DeviceClass"/>, carried as the event's due value).</summary>
        DeviceClass = 4,
    }
}
