using System;
using System.IO;
using System.Linq;
using LoRaWan.Cli;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// <c>lorawan certify</c>: every case passes on the device as built, in the four regions of issue 17, with at least 40
    /// cases each; a deliberately broken device (a mutant) makes the cases that check its bug fail and the exit code 1.
    /// </summary>
    [TestClass]
    public class CertifyCommandTests
    {
        static (int code, string output) Certify(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = CertifyCommand.Run(args, o, e);
            return (code, o.ToString() + e.ToString());
        }

        static string[] CaseLines(string output) =>
            output.Split('\n').Where(l => l.StartsWith("PASS ") || l.StartsWith("FAIL ")).ToArray();

        [TestMethod]
        public void EveryRegion_AllCasesPass_AtLeast40Each()
        {
            foreach (string region in CertifyCommand.DefaultRegions)
            {
                var (code, output) = Certify("--region", region);
                string[] lines = CaseLines(output);
                Assert.AreEqual(0, code, region + ":\n" + output);
                Assert.IsTrue(lines.Length >= 40, region + ": " + lines.Length + " cases");
                Assert.IsTrue(lines.All(l => l.StartsWith("PASS ")), output);
                Assert.IsTrue(lines.All(l => l.Contains("[") && l.Contains("§")), "every case names its clause");
                Assert.IsTrue(output.Contains("PASS CLS-01"), region + ": the Class C case (SwitchClassReq) runs");
            }
        }

        [TestMethod]
        public void Mutant_RxcIgnored_FailsTheClassCCase()
        {
            // A radio that never opens RXC: SwitchClassReq C is applied, yet the downlink between the windows is not heard.
            var (code, output) = Certify("--region", "EU868", "--case", "CLS-01", "--mutant", "rxc-ignored");
            Assert.AreEqual(1, code, output);
            Assert.IsTrue(output.Contains("FAIL CLS-01") && output.Contains("Class C: no answer"), output);
        }

        /// <summary>
        /// The MAC-level mutants (Host/Cli/Certify/MacMutations.cs: the real MAC's state broken at its radio call-outs),
        /// the TS009 package's (MutantCertificationPort) and the command-table one: each makes the named case fail, in
        /// every region where that case exists, and the device as built passes it.
        /// </summary>
        [TestMethod]
        public void MacAndPackageMutants_EachFailTheirNamedCase()
        {
            var expected = new (string mutant, string caseId, string regions)[]
            {
                ("link-adr-block-half-applied", "MAC-08", "all"),
                ("f-cnt-down-replay-accepted", "FCNT-02", "all"),
                ("f-cnt-up-reused-after-reset", "FCNT-05", "all"),
                ("sticky-answers-forgotten", "RX-07", "all"),
                ("rx1-delay-20ms-late", "RX-08", "all"),
                ("ignored-command-answered", "MAC-15", "EU868"),
                ("ignored-command-answered", "MAC-12", "US915"),
                ("periodicity-ignored", "TS-06", "all"),
                ("application-not-suspended", "TS-10", "all"),
                ("f-port224-disable-ignored", "TS-11", "all"),
            };
            foreach (var (mutant, caseId, regions) in expected)
            {
                var (code, output) = Certify("--region", regions, "--case", caseId, "--mutant", mutant);
                Assert.AreEqual(1, code, mutant + ":\n" + output);
                Assert.IsTrue(CaseLines(output).All(l => l.StartsWith("FAIL " + caseId)), mutant + " must fail " + caseId + " everywhere:\n" + output);
                var (cleanCode, clean) = Certify("--region", regions, "--case", caseId);
                Assert.AreEqual(0, cleanCode, caseId + " passes on the device as built:\n" + clean);
            }
        }

        [TestMethod]
        public void TxCwReq_Ts14_PassesInEveryRegion_AndFailsWhenThePackageDropsIt()
        {
            var (code, output) = Certify("--region", "all", "--case", "TS-14");
            Assert.AreEqual(0, code, output);
            Assert.AreEqual(4, CaseLines(output).Count(l => l.StartsWith("PASS TS-14")), output);
            var (mutantCode, mutant) = Certify("--region", "EU868", "--case", "TS-14", "--mutant", "tx-cw-ignored");
            Assert.AreEqual(1, mutantCode, mutant);
            Assert.IsTrue(mutant.Contains("FAIL TS-14") && mutant.Contains("no carrier on the air"), mutant);
        }

        [TestMethod]
        public void MacVersion102_AllCasesPass_AndSendsNoDeviceTimeReq()
        {
            var (code, output) = Certify("--region", "EU868", "--mac-version", "1.0.2");
            Assert.AreEqual(0, code, output);
            Assert.IsTrue(output.Contains("PASS TS-13"), output);
        }

        [TestMethod]
        public void Mutant_DevNonceReused_FailsTheRejoinCases()
        {
            var (code, output) = Certify("--region", "EU868", "--case", "JOIN", "--mutant", "dev-nonce-reused");
            Assert.AreEqual(1, code, output);
            Assert.IsTrue(output.Contains("FAIL JOIN-04") && output.Contains("FAIL JOIN-05") && output.Contains("PASS JOIN-01"), output);
        }

        [TestMethod]
        public void Mutant_NoMacAnswers_FailsTheMacCommandCases_Exit1()
        {
            var (code, output) = Certify("--region", "EU868", "--mutant", "no-mac-answers");
            Assert.AreEqual(1, code, output);
            string[] lines = CaseLines(output);
            Assert.IsTrue(lines.Any(l => l.StartsWith("FAIL MAC-01") && l.Contains("no DevStatusAns")), output);
            Assert.IsTrue(lines.Any(l => l.StartsWith("FAIL MAC-03")), output);
            Assert.IsTrue(lines.Any(l => l.StartsWith("PASS TS-01")), "a case that needs no MAC answer still passes:\n" + output);
        }

        [TestMethod]
        public void Mutant_FCntReused_FailsFCnt01()
        {
            var (code, output) = Certify("--region", "KR920", "--case", "FCNT-01", "--mutant", "f-cnt-reused");
            Assert.AreEqual(1, code, output);
            Assert.IsTrue(output.Contains("FAIL FCNT-01"), output);
        }

        [TestMethod]
        public void Mutant_Rx1IgnoresDrOffset_FailsRx04Only()
        {
            var (code, output) = Certify("--region", "US915", "--case", "RX-0", "--mutant", "rx1-ignores-dr-offset");
            string[] failed = CaseLines(output).Where(l => l.StartsWith("FAIL")).ToArray();
            Assert.AreEqual(1, failed.Length, output);
            Assert.IsTrue(failed[0].StartsWith("FAIL RX-04"), output);
        }

        [TestMethod]
        public void Mutant_StickyNotRepeated_FailsRx07()
        {
            var (code, output) = Certify("--region", "AS923-1", "--case", "RX-07", "--mutant", "sticky-not-repeated");
            Assert.AreEqual(1, code, output);
        }

        [TestMethod]
        public void Verbose_ShowsTheTs009Exchange()
        {
            var (code, output) = Certify("--region", "EU868", "--case", "TS-01", "--verbose");
            Assert.AreEqual(0, code, output);
            Assert.IsTrue(output.Contains("> 224 00"), output);
            Assert.IsTrue(output.Contains("port 224 000601"), output);
        }

        [TestMethod]
        public void SimulateCertification_NeedsUdp()
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = SimulateCommand.Run(new[] { "--certification" }, o, e);
            Assert.AreEqual(2, code, e.ToString());
            Assert.IsTrue(e.ToString().Contains("--certification is only used with --udp"), e.ToString());
        }

        [TestMethod]
        public void UnknownMutant_IsAnError()
        {
            var (code, output) = Certify("--mutant", "nope");
            Assert.AreEqual(2, code, output);
            Assert.IsTrue(output.Contains("unknown mutant"), output);
        }
    }
}
