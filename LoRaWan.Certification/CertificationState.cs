namespace LoRaWan.Certification
{
    /// <summary>What the certification commands have set (TS009-1.0.0 §4.2, §5), shared by the decoder and the package.</summary>
    internal sealed class CertificationState
    {
        internal const int NoAction = 0;
        internal const int ResetAction = 1;
        internal const int JoinAction = 2;
        internal const int AdrOnAction = 3;
        internal const int AdrOffAction = 4;
        internal const int DutyCycleOnAction = 5;
        internal const int DutyCycleOffAction = 6;
        internal const int LinkCheckAction = 7;
        internal const int DeviceTimeAction = 8;
        internal const int ClassAAction = 9;
        internal const int ClassCAction = 10;
        internal const int ContinuousWaveAction = 11;

        internal bool TestMode;
        internal bool Port224Enabled;
        internal bool Confirmed;
        internal bool SendNow;
        internal int RxAppCnt;
        internal int PeriodMs;
        internal int AnswerLength;
        internal int Pending;
        internal int Unsupported;
        internal int Handled;
        internal ulong NextUplinkUs;
        /// <summary>TxCwReq's fields (TS009 §5.14): Timeout in s, Frequency in Hz, TxPower in dBm.</summary>
        internal int CwSeconds;
        internal uint CwFrequencyHz;
        internal int CwPowerDbm;
    }
}
