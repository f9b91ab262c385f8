<#
.SYNOPSIS
  Flashes the nanoFramework firmware (nanoCLR) and the LoRaWAN sensor application to an ESP32 board.

.DESCRIPTION
  1. checks the prerequisites: nanoff (offers "dotnet tool install -g nanoff") and, unless -Image is given,
     MSBuild with the nanoFramework targets;
  2. flashes the nanoCLR image for the board's target:  nanoff --update --target <T> --serialport <P>
     (skipped with -SkipFirmware);
  3. builds Firmware/Firmware.nfproj for the board (msbuild -p:Board=<name>, which selects the board's pins);
  4. deploys the application image:  nanoff --target <T> --serialport <P> --deploy --image <bin> --reset
  The boards and their nanoff targets are read from boards/Boards.cs (the only place that defines them).
  Works in Windows PowerShell 5.1 and PowerShell 7 (Windows, Linux, macOS).

.PARAMETER Board
  The board name, e.g. heltec-wifi-lora32-v2. Run without it to list the boards.
.PARAMETER Port
  The serial port: COM5 on Windows, /dev/ttyUSB0 or /dev/ttyACM0 on Linux, /dev/cu.usbserial-XXXX on macOS
  ("nanoff --listports" lists them).
.PARAMETER Configuration
  Release (default) or Debug.
.PARAMETER SkipFirmware
  Do not flash the nanoCLR image (it is already on the board); only build and deploy the application.
.PARAMETER Image
  Deploy this prebuilt application image (Firmware/bin/<Configuration>/LoRaWan.Firmware.bin built elsewhere)
  instead of building here. Remember that the image carries the board it was built for.
.PARAMETER MSBuild
  Path of the MSBuild to use (default: Visual Studio's, found with vswhere, on Windows; msbuild on the PATH elsewhere).
.PARAMETER WhatIf
  Print the exact commands without running any of them.

.NOTES
  Without -Board the script lists the boards and exits 0. Any error (unknown board, malformed or absent serial port,
  nanoff missing in a non-interactive session, a failing step) is one line "flash.ps1: <what and how to fix it>" on
  stderr and exit code 1. .ci/run checks all of this under PowerShell 7 (Host/HostTests/Flash/FlashScriptTests.cs).

.EXAMPLE
  ./flash.ps1 -Board heltec-wifi-lora32-v2 -Port COM5
.EXAMPLE
  ./flash.ps1 -Board ttgo-lora32-v21 -Port /dev/ttyUSB0 -SkipFirmware -Image ./LoRaWan.Firmware.bin
.EXAMPLE
  ./flash.ps1 -Board feather-esp32-rfm95 -Port COM7 -WhatIf
#>
param(
    [string]$Board,
    [string]$Port,
    [ValidateSet('Release', 'Debug')]
    [string]$Configuration = 'Release',
    [switch]$SkipFirmware,
    [string]$Image,
    [string]$MSBuild,
    [switch]$WhatIf
)

$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$OnWindows = ($env:OS -eq 'Windows_NT')

# Each board is one "new Board("<name>", "<title>", "<nanoff target>", ..." in boards/Boards.cs.
# (Host/HostTests/Firmware checks that this pattern finds exactly the boards the firmware defines.)
$BoardPattern = 'new Board\(\s*"(?<name>[a-z0-9-]+)",\s*"(?<title>[^"]*)",\s*"(?<target>[A-Z0-9_]+)"'

function Get-Boards {
    $file = Join-Path (Join-Path $Root 'boards') 'Boards.cs'
    if (-not (Test-Path -LiteralPath $file)) { throw "boards/Boards.cs not found next to flash.ps1 ($file)." }
    $text = [System.IO.File]::ReadAllText($file)
    $list = @()
    foreach ($m in [regex]::Matches($text, $BoardPattern)) {
        $list += New-Object PSObject -Property @{
            Name   = $m.Groups['name'].Value
            Title  = $m.Groups['title'].Value
            Target = $m.Groups['target'].Value
        }
    }
    if ($list.Count -eq 0) { throw "No board definitions found in $file." }
    return $list
}

function Show-Boards($boards) {
    Write-Host 'Boards (name, nanoff target, title):'
    foreach ($b in $boards) { Write-Host ('  {0,-24} {1,-18} {2}' -f $b.Name, $b.Target, $b.Title) }
}

function Format-Command([string]$exe, [string[]]$arguments) {
    $parts = @()
    foreach ($a in @($exe) + $arguments) {
        if ($a -match '[\s"]') { $parts += '"' + ($a -replace '"', '\"') + '"' } else { $parts += $a }
    }
    return ($parts -join ' ')
}

# Runs (or, with -WhatIf, prints) one external command; stops the script when it fails.
function Invoke-Step([string]$title, [string]$exe, [string[]]$arguments) {
    $line = Format-Command $exe $arguments
    if ($WhatIf) {
        Write-Host "WhatIf: $line"
        return
    }
    Write-Host ''
    Write-Host "==> $title" -ForegroundColor Cyan
    Write-Host "    $line"
    & $exe @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$title failed (exit code $LASTEXITCODE). Command: $line" }
}

# True when nobody can answer a prompt: -NonInteractive, or standard input redirected (CI, a pipe).
function Test-NonInteractive {
    if ([Console]::IsInputRedirected) { return $true }
    foreach ($a in [Environment]::GetCommandLineArgs()) { if ($a -match '^-noni') { return $true } }
    return $false
}

# The serial port must look like one of this OS (COM<n> on Windows, a /dev path elsewhere) and, unless -WhatIf,
# exist now: a typo should fail here with a hint, not deep inside nanoff.
function Confirm-Port([string]$port) {
    if (-not $port) { throw 'Give the serial port with -Port (COM5, /dev/ttyUSB0, ...). "nanoff --listports" lists the ports.' }
    if ($OnWindows) {
        if ($port -notmatch '^COM[1-9][0-9]*$') { throw "-Port '$port' is not a Windows serial port name: use COM<n>, e.g. COM5 (""nanoff --listports"" lists them)." }
        if (-not $WhatIf) {
            $names = $null
            try { $names = [System.IO.Ports.SerialPort]::GetPortNames() } catch { $names = $null }
            if ($names -and ($names -notcontains $port)) { throw "-Port ${port}: no such serial port now (present: $($names -join ', ')). Is the board plugged in?" }
        }
    } else {
        if ($port -notmatch '^/dev/[A-Za-z0-9._/-]+$') { throw "-Port '$port' is not a serial device: use a path such as /dev/ttyUSB0, /dev/ttyACM0 or /dev/cu.usbserial-XXXX (""nanoff --listports"" lists them)." }
        if (-not $WhatIf -and -not (Test-Path -LiteralPath $port)) { throw "-Port ${port} does not exist. Is the board plugged in? (""nanoff --listports"" lists the ports)" }
    }
}

function Find-Nanoff {
    $cmd = Get-Command nanoff -ErrorAction SilentlyContinue
    if ($cmd) { return 'nanoff' }
    # A global dotnet tool lives in ~/.dotnet/tools, which a fresh install may not have put on the PATH yet.
    $home1 = [Environment]::GetFolderPath('UserProfile')
    $name = 'nanoff'
    if ($OnWindows) { $name = 'nanoff.exe' }
    $candidate = Join-Path (Join-Path (Join-Path $home1 '.dotnet') 'tools') $name
    if (Test-Path -LiteralPath $candidate) { return $candidate }
    return $null
}

function Confirm-Nanoff {
    $nanoff = Find-Nanoff
    if ($nanoff) { return $nanoff }
    if (-not $WhatIf -and (Test-NonInteractive)) {
        throw 'nanoff (the .NET nanoFramework flasher) is not installed: run "dotnet tool install -g nanoff", then make sure ~/.dotnet/tools is on the PATH.'
    }
    Write-Host 'nanoff (the .NET nanoFramework firmware flasher) is not installed.' -ForegroundColor Yellow
    Write-Host '  Install it with:  dotnet tool install -g nanoff'
    if ($WhatIf) {
        Write-Host 'WhatIf: dotnet tool install -g nanoff'
        return 'nanoff'
    }
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        throw 'nanoff is missing and so is the .NET SDK (dotnet) that installs it: install the .NET SDK from https://dot.net, then run: dotnet tool install -g nanoff'
    }
    $answer = ''
    try { $answer = Read-Host 'Install it now? [y/N]' } catch { $answer = '' }
    if ($answer -notmatch '^(y|yes)$') { throw 'nanoff is required. Run: dotnet tool install -g nanoff' }
    Invoke-Step 'Installing nanoff' 'dotnet' @('tool', 'install', '-g', 'nanoff')
    $nanoff = Find-Nanoff
    if (-not $nanoff) { throw 'nanoff was installed but is not on the PATH: open a new terminal (macOS/Linux: export PATH="$PATH:$HOME/.dotnet/tools").' }
    return $nanoff
}

# MSBuild that can build a .nfproj: it needs the nanoFramework project system (NFProjectSystem.props/.targets).
function Find-MSBuild {
    if ($MSBuild) {
        if (-not (Test-Path -LiteralPath $MSBuild)) { throw "-MSBuild $MSBuild does not exist." }
        return $MSBuild
    }
    if ($OnWindows) {
        $programFiles = ${env:ProgramFiles(x86)}
        if (-not $programFiles) { $programFiles = $env:ProgramFiles }
        $vswhere = Join-Path $programFiles 'Microsoft Visual Studio\Installer\vswhere.exe'
        if (-not (Test-Path -LiteralPath $vswhere)) {
            throw 'Visual Studio 2022 was not found (no vswhere.exe). Install Visual Studio 2022 (any edition) with the ".NET nanoFramework" extension, or pass -Image with a prebuilt LoRaWan.Firmware.bin.'
        }
        $vsPath = & $vswhere -latest -products * -requires Microsoft.Component.MSBuild -property installationPath | Select-Object -First 1
        if (-not $vsPath) { throw 'No Visual Studio with MSBuild found by vswhere. Install Visual Studio 2022 with the ".NET nanoFramework" extension.' }
        $nfProps = Join-Path $vsPath 'MSBuild\nanoFramework\v1.0\NFProjectSystem.props'
        if (-not (Test-Path -LiteralPath $nfProps)) {
            throw "The nanoFramework MSBuild targets are missing ($nfProps): install the "".NET nanoFramework"" extension for Visual Studio 2022 (Extensions > Manage Extensions), or pass -Image."
        }
        $exe = & $vswhere -latest -products * -requires Microsoft.Component.MSBuild -find 'MSBuild\**\Bin\MSBuild.exe' | Select-Object -First 1
        if (-not $exe) { throw 'vswhere found Visual Studio but not MSBuild.exe.' }
        return $exe
    }
    $cmd = Get-Command msbuild -ErrorAction SilentlyContinue
    if (-not $cmd) {
        throw ('Building a .nfproj on Linux/macOS needs MSBuild with the nanoFramework targets, as the .NET nanoFramework ' +
               'extension for VS Code sets up (mono + msbuild). Install that and make sure "msbuild" is on the PATH, ' +
               'pass -MSBuild <path>, or build on Windows and pass -Image <path to LoRaWan.Firmware.bin>.')
    }
    return $cmd.Source
}

function Restore-Packages([string]$msbuildExe) {
    # packages.config projects: the packages go to <repo>/packages, where the .nfproj HintPaths look.
    $packagesDir = Join-Path $Root 'packages'
    $nuget = Get-Command nuget -ErrorAction SilentlyContinue
    # Every project the application is built from, in dependency order: the four assemblies of the stack (the
    # radio contracts, the codec, the regions, the MAC), the driver, the application. The build puts each one's .pe
    # into the application image that step 3 deploys.
    foreach ($project in @('LoRaWan.Radio', 'LoRaWan.Codec', 'LoRaWan.Regions', 'LoRaWan.Mac', 'Drivers.Sx127x', 'Firmware')) {
        $config = Join-Path (Join-Path $Root $project) 'packages.config'
        if ($nuget) {
            Invoke-Step "Restoring $project packages" 'nuget' @('restore', $config, '-PackagesDirectory', $packagesDir)
        } else {
            $nfproj = Join-Path (Join-Path $Root $project) "$project.nfproj"
            Invoke-Step "Restoring $project packages" $msbuildExe @($nfproj, '-t:Restore', '-p:RestorePackagesConfig=true', "-p:SolutionDir=$Root$([IO.Path]::DirectorySeparatorChar)", '-v:minimal', '-nologo')
        }
    }
}

try {
    $boards = Get-Boards
    if (-not $Board) {
        Show-Boards $boards
        Write-Host ''
        Write-Host 'Usage: ./flash.ps1 -Board <name> -Port <COMx|/dev/ttyUSBx> [-Configuration Release] [-SkipFirmware] [-Image <bin>] [-WhatIf]'
        exit 0
    }
    $selected = $null
    foreach ($b in $boards) { if ($b.Name -eq $Board) { $selected = $b } }
    if (-not $selected) {
        $names = @()
        foreach ($b in $boards) { $names += $b.Name }
        throw "unknown board '$Board'; the boards are: $($names -join ', ') (./flash.ps1 without -Board lists them)."
    }
    Confirm-Port $Port
    $target = $selected.Target
    Write-Host "Board: $($selected.Title) [$($selected.Name)], nanoff target $target, port $Port"

    $nanoff = Confirm-Nanoff

    # 1. the nanoCLR firmware for the board's chip
    if (-not $SkipFirmware) {
        Invoke-Step "Flashing the nanoCLR firmware ($target)" $nanoff @('--update', '--target', $target, '--serialport', $Port)
    }

    # 2. the application image, built for this board unless one was given
    if ($Image) {
        if (-not $WhatIf -and -not (Test-Path -LiteralPath $Image)) { throw "-Image $Image does not exist." }
        $bin = $Image
    } else {
        $msbuildExe = 'msbuild'
        if ($WhatIf) {
            try { $msbuildExe = Find-MSBuild } catch { Write-Host "WhatIf: (no usable MSBuild here: $($_.Exception.Message))" }
        } else {
            $msbuildExe = Find-MSBuild
        }
        Restore-Packages $msbuildExe
        $nfproj = Join-Path (Join-Path $Root 'Firmware') 'Firmware.nfproj'
        Invoke-Step "Building the application for $($selected.Name)" $msbuildExe @($nfproj, "-p:Configuration=$Configuration", "-p:Board=$($selected.Name)", "-p:SolutionDir=$Root$([IO.Path]::DirectorySeparatorChar)", '-v:minimal', '-nologo')
        $bin = Join-Path (Join-Path (Join-Path (Join-Path $Root 'Firmware') 'bin') $Configuration) 'LoRaWan.Firmware.bin'
        if (-not $WhatIf -and -not (Test-Path -LiteralPath $bin)) { throw "The build did not produce $bin." }
    }

    # 3. deploy it and restart the board
    Invoke-Step 'Deploying the application' $nanoff @('--target', $target, '--serialport', $Port, '--deploy', '--image', $bin, '--reset')

    if (-not $WhatIf) {
        Write-Host ''
        Write-Host 'Done. Watch the device output in Visual Studio (View > Output, ".NET nanoFramework Device") and the' -ForegroundColor Green
        Write-Host 'uplinks in The Things Stack console (your application > Live data).' -ForegroundColor Green
    }
    exit 0
}
catch {
    # One line on stderr, whatever failed, so a caller (or CI) sees exactly what to fix.
    [Console]::Error.WriteLine("flash.ps1: $($_.Exception.Message)")
    exit 1
}
