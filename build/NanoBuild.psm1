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

# Every device project (.nfproj) of the repository, bin/obj/packages left out, in a stable order.
function Get-NfProjects([string]$root) {
    Get-ChildItem -LiteralPath $root -Recurse -Filter '*.nfproj' |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj|packages)[\\/]' } |
        Sort-Object FullName
}

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    Write-Host "> $exe $($arguments -join ' ')"
    & $exe @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$exe failed (exit code $LASTEXITCODE)" }
}

# packages.config restore into <root>/packages, where every .nfproj HintPath points (..\packages\<Id>.<Version>\lib).
function Restore-NfPackages([string]$root, [string]$nuget) {
    $packages = Join-Path $root 'packages'
    foreach ($config in Get-ChildItem -LiteralPath $root -Recurse -Filter 'packages.config' | Where-Object { $_.FullName -notmatch '[\\/](bin|obj|packages)[\\/]' }) {
        Invoke-Checked $nuget @('restore', $config.FullName, '-PackagesDirectory', $packages, '-NonInteractive')
    }
}

# Builds every .nfproj (ProjectReferences build their dependencies first).
function Build-NfProjects([string]$root, [string]$msbuild, [string]$configuration) {
    foreach ($p in Get-NfProjects $root) {
        Invoke-Checked $msbuild @($p.FullName, "-p:Configuration=$configuration", "-p:SolutionDir=$root\", '-nologo', '-v:minimal')
    }
}

Export-ModuleMember -Function Get-RepoRoot, Get-PackageVersion, Find-NanoMSBuild, Get-NfProjects, Invoke-Checked, Restore-NfPackages, Build-NfProjects
