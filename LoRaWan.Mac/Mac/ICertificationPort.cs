namespace LoRaWan.Mac
{
    /// <summary>
    /// The MAC's seam for the LoRaWAN Certification Protocol (TS009-1.0.0), implemented by the opt-in
    /// <c>LoRaWan.Certification</c> package and given to the MAC through <see cref="MacWiring.Certification"/>. Without
    /// one the MAC ignores FPort 224 as before (LoRaWAN 1.0.4 §4.3.2: FPort 224 is reserved for the certification
    /// protocol and is not the application's). With one:
    /// <list type="bullet">
    /// <item>every accepted data downlink is reported to <see cref="OnDownlinkAccepted"/> (TS009 §4.2.1 downlink counter);</item>
    /// <item>a downlink on FPort 224, while <see cref="Port224Enabled"/>, is decrypted with AppSKey and handed to
    /// <see cref="OnCertificationFrame"/> instead of the application's OnDownlink;</item>
    /// <item><see cref="ClassAMac.StartSend(int, byte[], int, int, bool)"/> accepts FPort 224 (the package's answers), and
    /// refuses the application's ports 1..223 with <see cref="SendStatus.Busy"/> while <see cref="ApplicationSuspended"/>
    /// (TS009 test mode: the test harness owns the device's traffic).</item>
    /// </list>
    /// Everything else the package needs is existing MAC surface: <see cref="ClassAMac.StartJoin"/>,
    /// <see cref="ClassAMac.RequestLinkCheck"/>, <see cref="ClassAMac.RequestDeviceTime"/>, the session's ADR bit and
    /// <see cref="LoRaWan.Regions.DutyCycleTracker.Enabled"/>. The MAC calls these members on its own thread and never
    /// waits for them: they must return at once and not throw (an exception is counted in MacCounters.ListenerErrors).
    /// </summary>
    public interface ICertificationPort
    {
        /// <summary>True while FPort 224 downlinks are delivered to <see cref="OnCertificationFrame"/> (TS009 §5.15).</summary>
        bool Port224Enabled { get; }

        /// <summary>True while the application's uplinks (FPort 1..223) are suspended (the device is in test mode).</summary>
        bool ApplicationSuspended { get; }

        /// <summary>
        /// An accepted data downlink (MIC and FCntDown checked): its FPort (-1 when it has none) and whether it
        /// acknowledged the uplink. Called while the receive window is handled: count, do not act.
        /// </summary>
        void OnDownlinkAccepted(int fport, bool ack);

        /// <summary>
        /// A downlink on FPort 224, decrypted, raised once the receive windows are closed (like OnDownlink); the
        /// instance and its payload are reused by the MAC after the call returns.
        /// </summary>
        void OnCertificationFrame(Downlink downlink);
    }
}
