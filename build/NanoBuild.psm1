# Shared helpers of build/pack.ps1 and build/test-device.ps1 (Windows, nanoFramework MSBuild).
# Windows PowerShell 5.1 and PowerShell 7. Nothing here runs on the Linux CI: see README, "Packages and releases".

$ErrorActionPreference = 'Stop'

function Get-RepoRoot { return (Resolve-Path (Join-Path $PSScriptRoot '..')).Path }

# The release version: version.json's "version" (X.Y.Z), with "-<suffix>" for a pre-release build.
function Get-PackageVersion([string]$root, [string]$suffix) {
    $json = Get-Content -Raw -LiteralPath (Join-Path $root 'version.json') | ConvertFrom-Json
    $v = [string]$json.version
    if ($v -notmatch '^\d+\.\d+\.\d+$') { throw "version.json: version '$v' is not X.Y.Z" }
    if ($suffix) { return "$v-$suffix" }
    return $v
}

# MSBuild with the nanoFramework project system: -MSBuild, else the newest Visual Studio's (vswhere), else PATH.
function Find-NanoMSBuild([string]$explicit) {
    if ($explicit) {
        if (-not (Test-Path -LiteralPath $explicit)) { throw "-MSBuild $explicit does not exist." }
        return $explicit
    }
    $vswhere = Join-Path ${env:ProgramFiles(x86)} 'Microsoft Visual Studio\Installer\vswhere.exe'
    if (Test-Path -LiteralPath $vswhere) {
        $exe = & $vswhere -latest -products * -requires Microsoft.Component.MSBuild -find 'MSBuild\**\Bin\MSBuild.exe' | Select-Object -First 1
        if ($exe) { return $exe }
    }
    $cmd = Get-Command msbuild -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    throw 'MSBuild not found: install Visual Studio 2022 with the .NET nanoFramework extension (or, in CI, nanoframework/nanobuild), or pass -MSBuild.'
}

# True for a path below a bin, obj or packages folder of <root> (build output, restored packages); the part of the
# path above <root> does not count, so a clone under e.g. C:\packages\ still works.
function Test-Generated([string]$root, [string]$path) {
    $relative = $path.Substring([Math]::Min($root.TrimEnd('\', '/').Length, $path.Length))
    return ($relative -match '[\\/](bin|obj|packages)[\\/]')
}

# Every device project (.nfproj) of the repository, bin/obj/packages left out, in a stable order.
function Get-NfProjects([string]$root) {
    Get-ChildItem -LiteralPath $root -Recurse -Filter '*.nfproj' |
        Where-Object { -not (Test-Generated $root $_.FullName) } |
        Sort-Object FullName
}

# The nanoFramework test projects: every .nfproj under <root>/Tests that declares <IsTestProject>true</IsTestProject>,
# found by discovery (the test projects are split by topic: Tests/<Topic>/*.nfproj), never by a fixed name.
function Get-NfTestProjects([string]$root) {
    $tests = Join-Path $root 'Tests'
    if (-not (Test-Path -LiteralPath $tests)) { return @() }
    Get-NfProjects $tests | Where-Object { (Get-Content -Raw -LiteralPath $_.FullName) -match '<IsTestProject>\s*true\s*</IsTestProject>' }
}

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    Write-Host "> $exe $($arguments -join ' ')"
    & $exe @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$exe failed (exit code $LASTEXITCODE)" }
}

# packages.config restore into <root>/packages, where every .nfproj HintPath points (..\packages\<Id>.<Version>\lib).
function Restore-NfPackages([string]$root, [string]$nuget) {
    $packages = Join-Path $root 'packages'
    foreach ($config in Get-ChildItem -LiteralPath $root -Recurse -Filter 'packages.config' | Where-Object { -not (Test-Generated $root $_.FullName) }) {
        Invoke-Checked $nuget @('restore', $config.FullName, '-PackagesDirectory', $packages, '-NonInteractive')
    }
}

# Builds every .nfproj (ProjectReferences build their dependencies first).
function Build-NfProjects([string]$root, [string]$msbuild, [string]$configuration) {
    foreach ($p in Get-NfProjects $root) {
        Invoke-Checked $msbuild @($p.FullName, "-p:Configuration=$configuration", "-p:SolutionDir=$root\", '-nologo', '-v:minimal')
    }
}

Export-ModuleMember -Function Test-Generated, Get-RepoRoot, Get-PackageVersion, Find-NanoMSBuild, Get-NfProjects, Get-NfTestProjects, Invoke-Checked, Restore-NfPackages, Build-NfProjects
