using System.IO;
using System.Linq;
using LoRaWan.Firmware;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Flash
{
    /// <summary>
    /// flash.ps1 run for real under PowerShell 7 (<see cref="PowerShellRunner"/>): the board list, the exact nanoff
    /// and MSBuild commands of -WhatIf for every board (written out here from the README's "Flashing" steps and
    /// nanoff's options, not taken from the script), a real run against fake nanoff/msbuild that log their arguments,
    /// and bad input — unknown board, malformed, absent or missing port, nanoff not installed, a failing nanoff —
    /// each giving one "flash.ps1: ..." line on stderr and exit code 1.
    /// </summary>
    [TestClass]
    public class FlashScriptTests
    {
        static string Root => RepoPaths.Root;
        static string Script => Path.Combine(Root, "flash.ps1");

        static void AssertOneErrorLine(PowerShellRunner.Result r, string mustContain)
        {
            Assert.AreNotEqual(0, r.ExitCode, "exit code\n" + r);
            Assert.AreEqual(1, r.Err.Length, "exactly one line on stderr\n" + r);
            Assert.IsTrue(r.Err[0].StartsWith("flash.ps1: "), "the line names the script\n" + r);
            Assert.IsTrue(r.Err[0].Contains(mustContain), "the line says '" + mustContain + "'\n" + r);
        }

        [TestMethod]
        public void NoArguments_ListsEveryBoardWithItsNanoffTarget_AndExitsZero()
        {
            using var ps = new PowerShellRunner();
            var r = ps.Run(Script);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual(0, r.Err.Length, r.ToString());
            foreach (var b in Boards.All)
                Assert.AreEqual(1, r.Out.Count(l => l.Trim().Split(' ', 2)[0] == b.Name && l.Contains(" " + b.NanoffTarget + " ") && l.TrimEnd().EndsWith(b.Title)),
                    "one list line for " + b.Name + "\n" + r);
            Assert.IsTrue(r.Out.Any(l => l.StartsWith("Usage: ./flash.ps1 -Board <name> -Port ")), "usage line\n" + r);
        }

        [TestMethod]
        public void WhatIf_PrintsTheExactNanoffAndBuildCommands_ForEveryBoard_AndRunsNothing()
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff");
            string msbuild = ps.AddFakeTool("msbuild");
            foreach (var b in Boards.All)
            {
                var r = ps.Run(Script, "-Board", b.Name, "-Port", "/dev/ttyUSB0", "-WhatIf");
                Assert.AreEqual(0, r.ExitCode, b.Name + "\n" + r);
                Assert.AreEqual(0, r.Err.Length, b.Name + "\n" + r);
                string sln = Root + "/";
                var expected = new[]
                {
                    // README "Flashing" 1: nanoCLR for the board's chip
                    $"WhatIf: nanoff --update --target {b.NanoffTarget} --serialport /dev/ttyUSB0",
                    // 2: restore (packages.config projects, into packages/) and build with the board's name
                    // (every assembly the application is built from, in dependency order: radio contracts, codec, regions, MAC, driver)
                    $"WhatIf: {msbuild} {Root}/LoRaWan.Radio/LoRaWan.Radio.nfproj -t:Restore -p:RestorePackagesConfig=true -p:SolutionDir={sln} -v:minimal -nologo",
                    $"WhatIf: {msbuild} {Root}/LoRaWan.Codec/LoRaWan.Codec.nfproj -t:Restore -p:RestorePackagesConfig=true -p:SolutionDir={sln} -v:minimal -nologo",
                    $"WhatIf: {msbuild} {Root}/LoRaWan.Regions/LoRaWan.Regions.nfproj -t:Restore -p:RestorePackagesConfig=true -p:SolutionDir={sln} -v:minimal -nologo",
                    $"WhatIf: {msbuild} {Root}/LoRaWan.Mac/LoRaWan.Mac.nfproj -t:Restore -p:RestorePackagesConfig=true -p:SolutionDir={sln} -v:minimal -nologo",
                    $"WhatIf: {msbuild} {Root}/Drivers.Sx127x/Drivers.Sx127x.nfproj -t:Restore -p:RestorePackagesConfig=true -p:SolutionDir={sln} -v:minimal -nologo",
                    $"WhatIf: {msbuild} {Root}/Firmware/Firmware.nfproj -t:Restore -p:RestorePackagesConfig=true -p:SolutionDir={sln} -v:minimal -nologo",
                    $"WhatIf: {msbuild} {Root}/Firmware/Firmware.nfproj -p:Configuration=Release -p:Board={b.Name} -p:SolutionDir={sln} -v:minimal -nologo",
                    // 3: deploy the image and reset
                    $"WhatIf: nanoff --target {b.NanoffTarget} --serialport /dev/ttyUSB0 --deploy --image {Root}/Firmware/bin/Release/LoRaWan.Firmware.bin --reset",
                };
                var printed = r.Out.Where(l => l.StartsWith("WhatIf: ")).ToArray();
                Assert.AreEqual(string.Join("\n", expected), string.Join("\n", printed), b.Name);
                Assert.IsTrue(r.Out[0].StartsWith("Board: " + b.Title + " [" + b.Name + "], nanoff target " + b.NanoffTarget), b.Name + "\n" + r);
            }
            Assert.AreEqual(0, ps.Calls().Count, "-WhatIf ran a tool: " + string.Join(" | ", ps.Calls()));
        }

        [TestMethod]
        public void WhatIf_WithImageAndSkipFirmware_OnlyDeploysThatImage()
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff");
            var r = ps.Run(Script, "-Board", "tbeam-sx1276", "-Port", "/dev/ttyACM0", "-SkipFirmware", "-Image", "/tmp/app.bin", "-WhatIf");
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual("WhatIf: nanoff --target ESP32_PSRAM_REV0 --serialport /dev/ttyACM0 --deploy --image /tmp/app.bin --reset",
                string.Join("\n", r.Out.Where(l => l.StartsWith("WhatIf: "))));
        }

        [TestMethod]
        public void RealRun_CallsNanoffWithTheCommandsItPrints()
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff");
            string image = Path.Combine(ps.Temp, "LoRaWan.Firmware.bin");
            File.WriteAllBytes(image, new byte[] { 0x4E, 0x46 });
            // /dev/null: a device path that exists, so the port check passes without a board.
            var r = ps.Run(Script, "-Board", "heltec-wifi-lora32-v2", "-Port", "/dev/null", "-Image", image);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual(0, r.Err.Length, r.ToString());
            Assert.AreEqual(
                "nanoff --update --target ESP32_REV0 --serialport /dev/null\n" +
                "nanoff --target ESP32_REV0 --serialport /dev/null --deploy --image " + image + " --reset",
                string.Join("\n", ps.Calls()));
        }

        [TestMethod]
        public void FailingNanoff_StopsWithOneErrorLine()
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff", exitCode: 3);
            string image = Path.Combine(ps.Temp, "app.bin");
            File.WriteAllBytes(image, new byte[] { 1 });
            var r = ps.Run(Script, "-Board", "custom", "-Port", "/dev/null", "-Image", image);
            AssertOneErrorLine(r, "failed (exit code 3)");
            Assert.AreEqual(1, ps.Calls().Count, "nothing runs after the failing step: " + string.Join(" | ", ps.Calls()));
        }

        [TestMethod]
        public void UnknownBoard_OneErrorLineNamingTheBoards()
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff");
            var r = ps.Run(Script, "-Board", "heltec-v3", "-Port", "/dev/ttyUSB0", "-WhatIf");
            AssertOneErrorLine(r, "unknown board 'heltec-v3'");
            foreach (var b in Boards.All) Assert.IsTrue(r.Err[0].Contains(b.Name), "names " + b.Name + "\n" + r);
            Assert.AreEqual(0, r.Out.Length, "nothing else printed\n" + r);
            Assert.AreEqual(0, ps.Calls().Count);
        }

        [TestMethod]
        [DataRow("COM5", "is not a serial device")]
        [DataRow("ttyUSB0", "is not a serial device")]
        [DataRow("/dev/tty USB0", "is not a serial device")]
        [DataRow("/dev/ttyUSB77", "does not exist")]
        public void BadPort_OneErrorLine_NothingRuns(string port, string message)
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff");
            var r = ps.Run(Script, "-Board", "custom", "-Port", port);
            AssertOneErrorLine(r, message);
            Assert.IsTrue(r.Err[0].Contains(port), "names the port\n" + r);
            Assert.AreEqual(0, ps.Calls().Count, "no tool ran");
        }

        [TestMethod]
        public void MissingPort_OneErrorLine()
        {
            using var ps = new PowerShellRunner();
            ps.AddFakeTool("nanoff");
            AssertOneErrorLine(ps.Run(Script, "-Board", "custom"), "-Port");
        }

        [TestMethod]
        public void MissingNanoff_NonInteractive_OneErrorLineWithTheInstallCommand()
        {
            using var ps = new PowerShellRunner();   // no fake nanoff on the PATH, an empty HOME
            var r = ps.Run(Script, "-Board", "custom", "-Port", "/dev/null", "-Image", "/tmp/x.bin");
            AssertOneErrorLine(r, "dotnet tool install -g nanoff");
        }

        [TestMethod]
        public void EveryPowerShellFile_Parses()
        {
            using var ps = new PowerShellRunner();
            var files = new[] { Script }.Concat(Directory.GetFiles(Path.Combine(Root, "build"), "*.ps*1")).ToArray();
            string check = Path.Combine(ps.Temp, "parse.ps1");
            File.WriteAllText(check,
                "$bad = 0\n" +
                "foreach ($f in $args) { $t = $null; $e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$t, [ref]$e)\n" +
                "  foreach ($x in $e) { [Console]::Error.WriteLine(\"${f}($($x.Extent.StartLineNumber)): $($x.Message)\"); $bad++ } }\n" +
                "Write-Host \"parsed $($args.Count) files\"\nexit $bad\n");
            var r = ps.Run(check, files);
            Assert.AreEqual(0, r.ExitCode, r.ToString());
            Assert.AreEqual("parsed " + files.Length + " files", r.Out.Single());
        }
    }
}
