using System;

namespace LoRaWan.Cli.Certify
{
    /// <summary>
    /// One scripted test case of the certification run: an identifier, a name, the clause it checks (LoRaWAN 1.0.4
    /// "§", RP002-1.0.4 "RP002 §", TS009-1.0.0 "TS009 §") and the script, which returns null on a pass or the reason
    /// of the failure. <see cref="Applies"/> says in which regions the case exists (null: all).
    /// </summary>
    public sealed class CertificationCase
    {
        public string Id;
        public string Name;
        public string Clause;
        public Func<Harness, string> Run;
        public Func<string, bool> Applies;
        /// <summary>True when the script needs the harness to stop before joining (it joins itself).</summary>
        public bool OwnJoin;
    }
}
