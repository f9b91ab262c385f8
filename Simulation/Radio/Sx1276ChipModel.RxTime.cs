namespace LoRaWan.Simulation
{
    /// <summary>
    /// How long the chip has been in a receive mode (RXSINGLE or RXCONTINUOUS, any modem): the receiver's share of the
    /// energy budget (datasheet table 6, IDDR about 11 mA), which Class C spends all day. Counted at every mode change.
    /// </summary>
    public sealed partial class Sx1276ChipModel
    {
        ulong _rxTotalUs;
        ulong _rxSinceUs;
        bool _inRx;

        /// <summary>Microseconds spent in RXSINGLE or RXCONTINUOUS since power-on, up to now.</summary>
        public ulong TimeInRxUs
        {
            get { return _inRx ? _rxTotalUs + (_scheduler.NowMicroseconds - _rxSinceUs) : _rxTotalUs; }
        }

        /// <summary>Called with the new mode (bits 2..0 of RegOpMode) at every mode change.</summary>
        void CountRxTime(int newMode)
        {
            bool rx = newMode == ModeRxSingle || newMode == ModeRxContinuous;
            if (rx == _inRx) return;
            ulong now = _scheduler.NowMicroseconds;
            if (rx) _rxSinceUs = now;
            else _rxTotalUs += now - _rxSinceUs;
            _inRx = rx;
        }
    }
}
