using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Flash
{
    /// <summary>
    /// Runs a PowerShell script under PowerShell 7 (pwsh) in a controlled environment: a PATH of only the given fake
    /// tools plus /usr/bin:/bin, an empty HOME (no ~/.dotnet/tools/nanoff), no standard input. pwsh is found at
    /// $LORAWAN_PWSH (set by .ci/run, which installs the PowerShell global tool 7.6.10 into .ci/tools), else
    /// .ci/tools/pwsh, else on the PATH; without one the tests are skipped (bash .ci/run never skips them).
    /// </summary>
    public sealed class PowerShellRunner : IDisposable
    {
        public readonly string Pwsh;
        public readonly string Temp;
        public readonly string FakeBin;
        public readonly string CallLog;

        public PowerShellRunner()
        {
            Pwsh = FindPwsh();
            Temp = Path.Combine(Path.GetTempPath(), "lorawan-flash-" + Guid.NewGuid().ToString("N"));
            FakeBin = Path.Combine(Temp, "bin");
            CallLog = Path.Combine(Temp, "calls.txt");
            Directory.CreateDirectory(FakeBin);
            Directory.CreateDirectory(Path.Combine(Temp, "home"));
        }

        static string FindPwsh()
        {
            string fromEnv = Environment.GetEnvironmentVariable("LORAWAN_PWSH");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                Assert.IsTrue(File.Exists(fromEnv), "LORAWAN_PWSH=" + fromEnv + " does not exist (.ci/run installs it)");
                return fromEnv;
            }
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) Assert.SkipTest("the PowerShell checks run on Linux/macOS (.ci/run)");
            string local = Path.Combine(RepoPaths.Root, ".ci", "tools", "pwsh");
            if (File.Exists(local)) return local;
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, "pwsh"))) return Path.Combine(dir, "pwsh");
            Assert.SkipTest("PowerShell 7 (pwsh) is not installed: bash .ci/run installs it into .ci/tools");
            return null;
        }

        /// <summary>Puts a fake <paramref name="name"/> on the PATH that logs "name args..." to <see cref="CallLog"/> and exits with <paramref name="exitCode"/>.</summary>
        public string AddFakeTool(string name, int exitCode = 0)
        {
            string path = Path.Combine(FakeBin, name);
            File.WriteAllText(path, "#!/bin/sh\nprintf '%s' \"" + name + "\" >> '" + CallLog + "'\nfor a in \"$@\"; do printf ' %s' \"$a\" >> '" + CallLog + "'; done\necho >> '" + CallLog + "'\nexit " + exitCode + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }

        /// <summary>The fake tools' invocations so far, one line each.</summary>
        public List<string> Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog).ToList() : new List<string>();

        public sealed class Result
        {
            public int ExitCode;
            public string[] Out;
            public string[] Err;
            public override string ToString() => $"exit {ExitCode}\nstdout:\n{string.Join("\n", Out)}\nstderr:\n{string.Join("\n", Err)}";
        }

        /// <summary>Runs <c>pwsh -NoProfile -NonInteractive -File script args</c>; stdout/stderr split into lines, empty lines dropped.</summary>
        public Result Run(string script, params string[] args)
        {
            var psi = new ProcessStartInfo(Pwsh)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = Temp,
            };
            foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-File", script }.Concat(args)) psi.ArgumentList.Add(a);
            psi.Environment["PATH"] = FakeBin + ":/usr/bin:/bin";
            psi.Environment["HOME"] = Path.Combine(Temp, "home");
            // pwsh is a framework-dependent .NET tool: tell its launcher where this runtime lives.
            psi.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            psi.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["POWERSHELL_UPDATECHECK"] = "Off";
            psi.Environment["NO_COLOR"] = "1";
            psi.Environment.Remove("OS");
            using var p = Process.Start(psi);
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120000)) { p.Kill(true); Assert.IsTrue(false, "pwsh did not finish in 120 s: " + script); }
            p.WaitForExit();
            static string[] Lines(string s) => s.Replace("\r", "").Split('\n').Select(l => StripAnsi(l)).Where(l => l.Trim().Length > 0).ToArray();
            return new Result { ExitCode = p.ExitCode, Out = Lines(stdout.Result), Err = Lines(stderr.Result) };
        }

        static string StripAnsi(string s) => System.Text.RegularExpressions.Regex.Replace(s, "\u001b\\[[0-9;]*m", "");

        public void Dispose()
        {
            try { Directory.Delete(Temp, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
