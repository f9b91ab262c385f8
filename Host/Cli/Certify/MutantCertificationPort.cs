using LoRaWan.Mac;

namespace LoRaWan.Cli.Certify
{
    /// <summary>
    /// The TS009 package's mutants of <c>lorawan certify --mutant</c>: sits between the MAC and the real package on the
    /// MAC's certification seam (<see cref="ICertificationPort"/>, given through <c>MacWiring.Certification</c>) and breaks
    /// one thing of the package: TxPeriodicityChangeReq ignored, the application not suspended in test mode,
    /// DutFPort224DisableReq ignored, TxCwReq ignored. Any other kind passes everything through.
    /// </summary>
    public sealed class MutantCertificationPort : ICertificationPort
    {
        readonly ICertificationPort _inner;
        readonly MutantRadio.Kind _kind;

        public MutantCertificationPort(ICertificationPort inner, MutantRadio.Kind kind)
        {
            _inner = inner;
            _kind = kind;
        }

        public bool Port224Enabled => _inner.Port224Enabled;

        public bool ApplicationSuspended => _kind != MutantRadio.Kind.ApplicationNotSuspended && _inner.ApplicationSuspended;

        public void OnDownlinkAccepted(int fport, bool ack) => _inner.OnDownlinkAccepted(fport, ack);

        public void OnCertificationFrame(Downlink downlink)
        {
            if (downlink.Length > 0)
            {
                byte cid = downlink.Payload[0];
                if (_kind == MutantRadio.Kind.PeriodicityIgnored && cid == 0x06) return;        // TS009 §5.7
                if (_kind == MutantRadio.Kind.FPort224DisableIgnored && cid == 0x7E) return;    // TS009 §5.15
                if (_kind == MutantRadio.Kind.TxCwIgnored && cid == 0x7D) return;               // TS009 §5.14
            }
            _inner.OnCertificationFrame(downlink);
        }
    }
}
