using System;

namespace LoRaWan.Certification
{
    /// <summary>
    /// Reads one TS009 command (the first byte of an FPort 224 FRMPayload) and records its effect; writes the answer, if
    /// the command has one, into the answer buffer. Layouts of TS009-1.0.0 §5 (and LoRaMac-node's LmhpCompliance).
    /// </summary>
    internal static class CommandDecoder
    {
        internal static void Apply(byte[] p, int n, CertificationState s, byte[] answer, byte[] versions)
        {
            switch (p[0])
            {
                case CertificationCommand.PackageVersionReq:
                    // §5.1: PackageVersionAns = CID, PackageIdentifier (6), PackageVersion (1).
                    answer[0] = CertificationCommand.PackageVersionReq;
                    answer[1] = CertificationCommand.Identifier;
                    answer[2] = CertificationCommand.Version;
                    s.AnswerLength = 3;
                    return;
                case CertificationCommand.DutResetReq: s.Pending = CertificationState.ResetAction; return;
                case CertificationCommand.DutJoinReq: s.Pending = CertificationState.JoinAction; return;
                case CertificationCommand.SwitchClassReq: SwitchClass(p, n, s); return;
                case CertificationCommand.AdrBitChangeReq: OnOff(p, n, s, CertificationState.AdrOnAction, CertificationState.AdrOffAction); return;
                case CertificationCommand.RegionalDutyCycleCtrlReq: OnOff(p, n, s, CertificationState.DutyCycleOnAction, CertificationState.DutyCycleOffAction); return;
                case CertificationCommand.TxPeriodicityChangeReq:
                    // §5.7: index into the periodicity table; 0 = the device's default.
                    int seconds = n < 2 ? -1 : TxPeriodicity.Seconds(p[1]);
                    if (seconds < 0) { s.Unsupported++; return; }
                    s.PeriodMs = seconds == 0 ? CertificationPackage.DefaultPeriodMs : seconds * 1000;
                    s.NextUplinkUs = 0;
                    return;
                case CertificationCommand.TxFramesCtrlReq:
                    // §5.8: FrameType 0 = no change, 1 = unconfirmed, 2 = confirmed; others RFU (ignored).
                    if (n < 2 || p[1] > 2) { s.Unsupported++; return; }
                    if (p[1] != 0) s.Confirmed = p[1] == 2;
                    return;
                case CertificationCommand.EchoPayloadReq: Echo(p, n, s, answer); return;
                case CertificationCommand.RxAppCntReq:
                    // §5.10: RxAppCntAns = CID, RxAppCnt (2 octets, little endian: TS009 §1 conventions).
                    answer[0] = CertificationCommand.RxAppCntReq;
                    answer[1] = (byte)s.RxAppCnt;
                    answer[2] = (byte)(s.RxAppCnt >> 8);
                    s.AnswerLength = 3;
                    return;
                case CertificationCommand.RxAppCntResetReq: s.RxAppCnt = 0; return;
                case CertificationCommand.LinkCheckReq: s.Pending = CertificationState.LinkCheckAction; return;
                case CertificationCommand.DeviceTimeReq: s.Pending = CertificationState.DeviceTimeAction; return;
                case CertificationCommand.DutFPort224DisableReq:
                    // §5.15: FPort 224 closed until the device is reset; the application's traffic resumes.
                    s.Port224Enabled = false;
                    s.TestMode = false;
                    return;
                case CertificationCommand.DutVersionsReq:
                    // §5.16: DutVersionsAns = CID, FwVersion (4), LrwanVersion (4), LrwanRpVersion (4).
                    answer[0] = CertificationCommand.DutVersionsReq;
                    Array.Copy(versions, 0, answer, 1, 12);
                    s.AnswerLength = 13;
                    return;
                case CertificationCommand.TxCwReq: TxCw(p, n, s); return;
                default:
                    // PingSlotInfoReq (Class B) included: ignored, counted.
                    s.Unsupported++;
                    return;
            }
        }

        static void SwitchClass(byte[] p, int n, CertificationState s)
        {
            // §5.4: 1 octet, Class 0 = A, 1 = B, 2 = C (LoRaMac-node's DeviceClass_t order); no answer. A and C are applied
            // by Poll through the MAC (ClassAMac.SetDeviceClass); B (no Class B here) and RFU values are counted.
            if (n < 2 || (p[1] != 0 && p[1] != 2)) { s.Unsupported++; return; }
            s.Pending = p[1] == 2 ? CertificationState.ClassCAction : CertificationState.ClassAAction;
        }

        static void TxCw(byte[] p, int n, CertificationState s)
        {
            // §5.14: Timeout (2 octets, s), Frequency (3 octets, in 100 Hz), TxPower (1 octet, signed dBm), little endian
            // (TS009 §1 conventions; LoRaMac-node's LmhpCompliance reads the same 7-octet frame and ignores any other
            // length). No answer. Carried out by Poll through ClassAMac.StartContinuousWave.
            if (n != 7) { s.Unsupported++; return; }
            s.CwSeconds = p[1] | (p[2] << 8);
            s.CwFrequencyHz = (uint)(p[3] | (p[4] << 8) | (p[5] << 16)) * 100;
            s.CwPowerDbm = (sbyte)p[6];
            s.Pending = CertificationState.ContinuousWaveAction;
        }

        static void OnOff(byte[] p, int n, CertificationState s, int on, int off)
        {
            // §5.5, §5.6: 1 octet, 0 = off, 1 = on; other values RFU (ignored).
            if (n < 2 || p[1] > 1) { s.Unsupported++; return; }
            s.Pending = p[1] == 1 ? on : off;
        }

        static void Echo(byte[] p, int n, CertificationState s, byte[] answer)
        {
            // §5.9: EchoPayloadAns = CID, then each octet of the request's payload incremented by one (modulo 256).
            answer[0] = CertificationCommand.EchoPayloadReq;
            int count = n - 1;
            if (count > answer.Length - 1) count = answer.Length - 1;
            for (int i = 0; i < count; i++) answer[1 + i] = (byte)(p[1 + i] + 1);
            s.AnswerLength = 1 + count;
        }
    }
}
