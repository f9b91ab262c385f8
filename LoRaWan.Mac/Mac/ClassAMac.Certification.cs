using System;

namespace LoRaWan.Mac
{
    // The MAC's side of the TS009 seam (ICertificationPort): which FPorts are delivered and sendable, and where an
    // FPort 224 downlink goes. Kept apart so the Class A files change by one call each.
    public sealed partial class ClassAMac
    {
        /// <summary>FPort of the LoRaWAN Certification Protocol (LoRaWAN 1.0.4 §4.3.2; TS009-1.0.0 §4).</summary>
        public const int CertificationFPort = 224;

        /// <summary>
        /// Reports an accepted data downlink to the certification package (TS009 §4.2.1 counts them) and says whether
        /// its FRMPayload is delivered: FPort 1..223 always, FPort 224 only to a wired package with the port enabled.
        /// </summary>
        bool RouteAcceptedDownlink(int fport, bool ack)
        {
            ICertificationPort cert = _observers.Certification;
            if (cert == null) return fport > 0 && fport <= 223;
            try
            {
                cert.OnDownlinkAccepted(fport, ack);
                if (fport > 0 && fport <= 223) return true;
                return fport == CertificationFPort && cert.Port224Enabled;
            }
            catch (Exception e)
            {
                _diag.Counters.ListenerErrors++;
                _diag.LastError = e.Message;
                return fport > 0 && fport <= 223;
            }
        }

        /// <summary>An uplink port: 1..223, and 224 when a certification package is wired.</summary>
        bool IsSendablePort(int port)
        {
            if (port >= 1 && port <= 223) return true;
            return port == CertificationFPort && _observers.Certification != null;
        }

        /// <summary>True when <paramref name="port"/> is an application port and the package holds the device in test mode.</summary>
        bool IsApplicationSuspended(int port)
        {
            ICertificationPort cert = _observers.Certification;
            return cert != null && port != CertificationFPort && cert.ApplicationSuspended;
        }

        /// <summary>Raises a delivered downlink: FPort 224 to the certification package, any other to the application.</summary>
        void RaiseDownlink(IMacListener listener)
        {
            Downlink d = _windows.Downlink;
            if (d.Port == CertificationFPort)
            {
                ICertificationPort cert = _observers.Certification;
                if (cert != null) cert.OnCertificationFrame(d);
                return;
            }
            if (listener != null) listener.OnDownlink(d);
        }
    }
}
