using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using LoRaWan.Firmware;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Firmware
{
    /// <summary>
    /// The board definitions in boards/Boards.cs: every pin a valid ESP32 GPIO, no flash pin, no output on an
    /// input-only pin, no DIO line on a strapping pin, no pin used twice; the build-time selection (Firmware/BoardSelection.cs, one branch per board)
    /// compiles and picks the right board for every name; flash.ps1 finds exactly these boards and nanoff targets.
    /// </summary>
    [TestClass]
    public class BoardDefinitionTests
    {
        /// <summary>GPIOs an ESP32 (ESP32-D0WD/PICO-D4) has: 0–19, 21–23, 25–27, 32–39 (Espressif ESP32 datasheet, "Pin Definitions").</summary>
        static readonly int[] Esp32Gpios = Enumerable.Range(0, 20).Concat(new[] { 21, 22, 23, 25, 26, 27 }).Concat(Enumerable.Range(32, 8)).ToArray();

        /// <summary>Connected to the SPI flash on ESP32-WROOM/WROVER modules (SPICLK, SPIQ, SPID, SPIHD, SPIWP, SPICS0).</summary>
        static readonly int[] FlashPins = { 6, 7, 8, 9, 10, 11 };

        /// <summary>ESP32-PICO-D4: GPIO16 and GPIO17 connect the embedded flash (ESP32-PICO-D4 datasheet).</summary>
        static readonly int[] PicoFlashPins = { 16, 17 };

        /// <summary>
        /// ESP32 strapping pins (Espressif ESP32 datasheet, "Strapping Pins": GPIO0 and GPIO2 boot mode, MTDI = GPIO12
        /// flash voltage, MTDO = GPIO15 and GPIO5 boot-log/SDIO timing), latched at reset. A radio DIO line drives its
        /// pin and could hold it at the wrong level during a reset (DIO0 stays high after TxDone until the flags are
        /// cleared): no DIO line on these.
        /// </summary>
        static readonly int[] StrappingPins = { 0, 2, 5, 12, 15 };

        /// <summary>The ESP32 images in nf-interpreter targets/ESP32/CMakePresets.json that suit these boards.</summary>
        static readonly string[] KnownTargets = { "ESP32_REV0", "ESP32_REV3", "ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3", "ESP32_PICO", "ESP32_PSRAM_XTAL26_REV0", "ESP32_BLE_REV0", "ESP32_BLE_REV3" };

        static IEnumerable<(string Signal, int Pin, bool Output)> Pins(Board b)
        {
            yield return ("SCK", b.Sck, true);
            yield return ("MISO", b.Miso, false);
            yield return ("MOSI", b.Mosi, true);
            yield return ("NSS", b.Nss, true);
            yield return ("RESET", b.Reset, true);   // driven low to reset, then released
            yield return ("DIO0", b.Dio0, false);
            yield return ("DIO1", b.Dio1, false);
            yield return ("LED", b.Led, true);
            yield return ("BATTERY", b.BatteryPin, false);
            yield return ("PMU SDA", b.PmuSda, true);    // I2C lines are driven (open drain) by the ESP32
            yield return ("PMU SCL", b.PmuScl, true);
        }

        /// <summary>What is wrong with <paramref name="b"/>'s definition (empty when nothing).</summary>
        static List<string> Problems(Board b)
        {
            var problems = new List<string>();
            var wired = Pins(b).Where(p => p.Pin != Board.NotWired).ToList();
            foreach (var required in new[] { "SCK", "MISO", "MOSI", "NSS", "DIO0", "DIO1" })
                if (!wired.Any(p => p.Signal == required)) problems.Add($"{b.Name}: {required} is not wired");
            foreach (var p in wired)
            {
                if (!Esp32Gpios.Contains(p.Pin)) problems.Add($"{b.Name}: {p.Signal} on GPIO{p.Pin}, which the ESP32 does not have");
                if (FlashPins.Contains(p.Pin)) problems.Add($"{b.Name}: {p.Signal} on GPIO{p.Pin}, a flash pin");
                if (b.NanoffTarget == "ESP32_PICO" && PicoFlashPins.Contains(p.Pin)) problems.Add($"{b.Name}: {p.Signal} on GPIO{p.Pin}, the PICO-D4's flash");
                if (p.Output && p.Pin >= 34 && p.Pin <= 39) problems.Add($"{b.Name}: {p.Signal} is an output on input-only GPIO{p.Pin}");
                if (p.Signal.StartsWith("DIO") && StrappingPins.Contains(p.Pin)) problems.Add($"{b.Name}: {p.Signal} on GPIO{p.Pin}, an ESP32 strapping pin (the radio drives it during a reset)");
            }
            foreach (var g in wired.GroupBy(p => p.Pin).Where(g => g.Count() > 1))
                problems.Add($"{b.Name}: GPIO{g.Key} used by {string.Join(" and ", g.Select(p => p.Signal))}");
            if (b.HasBattery && b.BatteryAdcChannel < 0) problems.Add($"{b.Name}: battery on GPIO{b.BatteryPin}, not an ADC1 pin (32..39)");
            if (b.HasBattery != (b.BatteryFullScaleMv > 0)) problems.Add($"{b.Name}: battery pin and full-scale voltage disagree");
            if ((b.PmuSda == Board.NotWired) != (b.PmuScl == Board.NotWired)) problems.Add($"{b.Name}: a PMU needs both SDA and SCL");
            if (b.SpiClockHz <= 0 || b.SpiClockHz > 10000000) problems.Add($"{b.Name}: SPI clock {b.SpiClockHz} Hz (SX1276: at most 10 MHz)");
            if (!KnownTargets.Contains(b.NanoffTarget)) problems.Add($"{b.Name}: unknown nanoff target {b.NanoffTarget}");
            if (!Regex.IsMatch(b.Name, "^[a-z0-9]+(-[a-z0-9]+)*$")) problems.Add($"{b.Name}: names are lower-case words joined by '-'");
            return problems;
        }

        [TestMethod]
        public void EveryBoard_UsesValidDistinctGpios_WithOutputsOffInputOnlyPins()
        {
            var problems = Boards.All.SelectMany(Problems).ToList();
            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void TheChecks_CatchBadDefinitions()
        {
            // Each check must be able to fail: boards with one mistake each.
            var bad = new[]
            {
                new Board("a", "", "ESP32_REV0", 5, 19, 27, 36, 14, 26, 33, 25, false, -1, 0, 8000000),    // NSS (output) on input-only 36
                new Board("b", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 9, 25, false, -1, 0, 8000000),     // DIO1 on flash pin 9
                new Board("c", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 26, 25, false, -1, 0, 8000000),    // DIO0 = DIO1
                new Board("d", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 33, 24, false, -1, 0, 8000000),    // there is no GPIO24
                new Board("e", "", "ESP32_PICO", 5, 19, 27, 18, 17, 26, 33, 25, false, -1, 0, 8000000),    // PICO-D4 flash pin
                new Board("f", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 33, 25, false, 13, 6600, 8000000), // battery not on ADC1
                new Board("g", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, -1, 25, false, -1, 0, 8000000),    // DIO1 not wired
                new Board("h", "", "ESP32_S3", 5, 19, 27, 18, 14, 26, 33, 25, false, -1, 0, 8000000),      // not an ESP32 target here
                new Board("i", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 33, 25, false, -1, 0, 20000000),   // SPI too fast
                new Board("j", "", "ESP32_REV0", 5, 19, 18, 33, 27, 12, 32, 13, false, -1, 0, 8000000),    // DIO0 on strapping pin 12 (the old Feather wiring)
                new Board("j2", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 33, 25, false, -1, 0, 8000000, 36, 22), // PMU SDA on input-only 36
                new Board("k", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 33, 25, false, -1, 0, 8000000, 21, -1), // PMU without SCL
                new Board("l", "", "ESP32_REV0", 5, 19, 27, 18, 14, 26, 33, 25, false, -1, 0, 8000000, 21, 26), // PMU SCL = DIO0
            };
            foreach (var b in bad) Assert.IsTrue(Problems(b).Count > 0, "board " + b.Name + " passed the checks");
        }

        [TestMethod]
        public void TBeam_HasItsPmuOnI2cPins21And22_AndNoOtherBoardHasOne()
        {
            // LilyGo-LoRa-Series examples/Factory/utilities.h (T_BEAM_SX1276): I2C_SDA 21, I2C_SCL 22, the AXP192/AXP2101 bus.
            Assert.IsTrue(Boards.TBeamSx1276.HasPmu, "T-Beam has a PMU");
            Assert.AreEqual(21, Boards.TBeamSx1276.PmuSda, "SDA");
            Assert.AreEqual(22, Boards.TBeamSx1276.PmuScl, "SCL");
            foreach (var b in Boards.All.Where(b => b != Boards.TBeamSx1276))
                Assert.IsFalse(b.HasPmu, b.Name + " has no PMU");
        }

        [TestMethod]
        public void All_ListsEveryDefinedBoard_AndFindLooksThemUp()
        {
            var fields = typeof(Boards).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Board))
                .Select(f => (Board)f.GetValue(null)).ToList();
            Assert.AreEqual(fields.Count, Boards.All.Length, "Boards.All holds every Board field");
            foreach (var b in fields)
            {
                Assert.IsTrue(Boards.All.Contains(b), b.Name + " missing from Boards.All");
                Assert.AreSame(b, Boards.Find(b.Name), "Find(" + b.Name + ")");
            }
            Assert.AreEqual(Boards.All.Length, Boards.All.Select(b => b.Name).Distinct().Count(), "names are unique");
            Assert.IsNull(Boards.Find("no-such-board"));
        }

        [TestMethod]
        public void Adc1Channel_FollowsTheEsp32Mapping()
        {
            // nf-interpreter targets/ESP32/_nanoCLR/System.Device.Adc: 0=36, 1=37, 2=38, 3=39, 4=32, 5=33, 6=34, 7=35.
            int[] gpio = { 36, 37, 38, 39, 32, 33, 34, 35 };
            for (int ch = 0; ch < gpio.Length; ch++) Assert.AreEqual(ch, Board.Adc1Channel(gpio[ch]), "GPIO" + gpio[ch]);
            Assert.AreEqual(-1, Board.Adc1Channel(13), "GPIO13 is on ADC2");
        }

        [TestMethod]
        public void FlashScript_FindsExactlyTheFirmwaresBoardsAndTargets()
        {
            string script = File.ReadAllText(Path.Combine(RepoPaths.Root, "flash.ps1"));
            var m = Regex.Match(script, @"\$BoardPattern\s*=\s*'([^']*)'");
            Assert.IsTrue(m.Success, "flash.ps1 defines $BoardPattern");
            string boardsCs = File.ReadAllText(Path.Combine(RepoPaths.Root, "boards", "Boards.cs"));
            // PowerShell's [regex] is .NET's Regex: the same pattern gives the same matches here.
            var fromScript = Regex.Matches(boardsCs, m.Groups[1].Value)
                .Select(x => x.Groups["name"].Value + "=" + x.Groups["target"].Value).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var fromFirmware = Boards.All.Select(b => b.Name + "=" + b.NanoffTarget).OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.AreEqual(string.Join(", ", fromFirmware), string.Join(", ", fromScript), "flash.ps1 vs boards/Boards.cs");
        }

        [TestMethod]
        public void FlashScript_IsPlainAsciiWithoutPowerShell7OnlySyntax_AndUsesOnlyReviewedNanoffOptions()
        {
            string script = File.ReadAllText(Path.Combine(RepoPaths.Root, "flash.ps1"));
            // Windows PowerShell 5.1 reads a file without BOM in the ANSI code page: keep it ASCII.
            int nonAscii = script.IndexOf(script.FirstOrDefault(c => c > 127));
            Assert.IsTrue(script.All(c => c <= 127), "non-ASCII character at offset " + nonAscii);
            foreach (var ps7 in new[] { "??", "?.", "&&", "||", "$IsWindows", "$IsLinux", "$IsMacOS", "-Parallel", "ConvertFrom-Json -AsHashtable" })
                Assert.IsFalse(script.Contains(ps7), "PowerShell 7-only syntax in flash.ps1: " + ps7);
            Assert.IsFalse(Regex.IsMatch(script, @"\)\s\?\s\S+\s:\s"), "ternary operator (PowerShell 7 only)");
            // The nanoff options flash.ps1 passes, each checked against nanoFirmwareFlasher.Tool/Options.cs.
            var reviewed = new[] { "--update", "--target", "--serialport", "--deploy", "--image", "--reset" };
            var used = Regex.Matches(script, @"'(--[a-z]+)'").Select(x => x.Groups[1].Value).Distinct().ToList();
            Assert.IsTrue(used.Count >= 5, "found the nanoff options: " + string.Join(" ", used));
            foreach (var option in used) Assert.IsTrue(reviewed.Contains(option), "unreviewed nanoff option " + option);
        }

        [TestMethod]
        public void ReadmeFeatherWingWiring_ShowsThePinsOfTheBoardDefinition()
        {
            // The README repeats the FeatherWing pins for the person with the soldering iron: they must be these.
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            Board b = Boards.FeatherEsp32Rfm95;
            var rows = new[] { ("RST", b.Reset), ("CS", b.Nss), ("IRQ (DIO0)", b.Dio0), ("DIO1", b.Dio1) };
            foreach (var (signal, pin) in rows)
            {
                var row = Regex.Match(readme, @"^\| " + Regex.Escape(signal) + @" \| GPIO(\d+) \|", RegexOptions.Multiline);
                Assert.IsTrue(row.Success, "README wiring row for " + signal);
                Assert.AreEqual(pin, int.Parse(row.Groups[1].Value), "README: " + signal);
            }
            var spi = Regex.Match(readme, @"^\| SCK / MISO / MOSI \| GPIO(\d+) / GPIO(\d+) / GPIO(\d+) \|", RegexOptions.Multiline);
            Assert.IsTrue(spi.Success, "README SPI row");
            Assert.AreEqual(b.Sck, int.Parse(spi.Groups[1].Value), "README: SCK");
            Assert.AreEqual(b.Miso, int.Parse(spi.Groups[2].Value), "README: MISO");
            Assert.AreEqual(b.Mosi, int.Parse(spi.Groups[3].Value), "README: MOSI");
        }

        [TestMethod]
        public void BuildTimeSelection_PicksEachBoard_FromItsMsbuildName()
        {
            string nfproj = File.ReadAllText(Path.Combine(RepoPaths.Root, "Firmware", "Firmware.nfproj"));
            Assert.IsTrue(nfproj.Contains("BOARD_$(Board.ToUpperInvariant().Replace('-', '_'))"), "Firmware.nfproj maps -p:Board to BOARD_<NAME>");
            Assert.IsTrue(nfproj.Contains(@"..\boards\Boards.cs"), "Firmware.nfproj links boards/Boards.cs");

            Assert.IsNull(CompileAndSelect(null), "no symbol: no board (Program's DefaultBoard is used)");
            foreach (var b in Boards.All)
            {
                string symbol = "BOARD_" + b.Name.ToUpperInvariant().Replace('-', '_');   // what the nfproj's property function yields
                Assert.AreEqual(b.Name, CompileAndSelect(symbol), "-p:Board=" + b.Name);
            }
        }

        /// <summary>Compiles boards/*.cs and Firmware/BoardSelection.cs with <paramref name="symbol"/> and returns the selected board's name.</summary>
        static string CompileAndSelect(string symbol)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: symbol == null ? Array.Empty<string>() : new[] { symbol });
            var files = new[] { "boards/Board.cs", "boards/Boards.cs", "Firmware/BoardSelection.cs" };
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(RepoPaths.Root, f)), parse, f)).ToList();
            var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
            var compilation = CSharpCompilation.Create("BoardSelectionProbe", trees, refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var ms = new MemoryStream();
            var result = compilation.Emit(ms);
            Assert.IsTrue(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            var context = new AssemblyLoadContext("board-" + (symbol ?? "none"), isCollectible: true);
            try
            {
                ms.Position = 0;
                var assembly = context.LoadFromStream(ms);
                object board = assembly.GetType("LoRaWan.Firmware.BoardSelection").GetMethod("FromBuild").Invoke(null, null);
                return board == null ? null : (string)board.GetType().GetField("Name").GetValue(board);
            }
            finally { context.Unload(); }
        }
    }
}
