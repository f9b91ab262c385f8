<#
.SYNOPSIS
  Builds the nanoFramework projects and packs the NuGet packages (Windows, nanoFramework MSBuild).

.DESCRIPTION
  1. restores every packages.config into packages/ (nuget.exe);
  2. builds every .nfproj in Release with the nanoFramework MSBuild components (Visual Studio 2022 + the
     .NET nanoFramework extension, or nanoframework/nanobuild in GitHub Actions), which writes .dll, .pe, .pdb,
     .pdbx and .xml to each project's bin\Release;
  3. packs each <Project>/<Project>.nuspec (LoRaWan.Radio, LoRaWan.Codec, LoRaWan.Regions, LoRaWan.Mac, Drivers.Sx127x:
     one package per assembly) with nuget.exe: version from version.json
     (plus -VersionSuffix for a pre-release), commit and repository URL from git, into -OutputDirectory.
  Every file a nuspec lists must exist before packing; the script stops at the first problem with one line.

.PARAMETER VersionSuffix
  Pre-release label, e.g. ci.42 -> 0.1.0-ci.42. Leave empty only when building a release tag (README, "Cutting a release").
.PARAMETER OutputDirectory
  Where the .nupkg files go (default: artifacts).
.PARAMETER MSBuild
  MSBuild.exe to use (default: the newest Visual Studio's, found with vswhere).
.PARAMETER NuGet
  nuget.exe to use (default: nuget on the PATH).
.PARAMETER SkipBuild
  Pack what bin\Release already holds.
.EXAMPLE
  ./build/pack.ps1 -VersionSuffix local
#>
param(
    [string]$VersionSuffix,
    [string]$OutputDirectory = 'artifacts',
    [string]$MSBuild,
    [string]$NuGet = 'nuget',
    [string]$RepositoryUrl,
    [switch]$SkipBuild
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'NanoBuild.psm1') -Force

try {
    $root = Get-RepoRoot
    $version = Get-PackageVersion $root $VersionSuffix
    $commit = (& git -C $root rev-parse HEAD).Trim()
    if (-not $RepositoryUrl) {
        if ($env:GITHUB_SERVER_URL -and $env:GITHUB_REPOSITORY) { $RepositoryUrl = "$($env:GITHUB_SERVER_URL)/$($env:GITHUB_REPOSITORY)" }
        else { $RepositoryUrl = (& git -C $root remote get-url origin 2>$null) }
    }
    if (-not $RepositoryUrl) { throw 'No repository URL: pass -RepositoryUrl (git has no "origin" remote).' }
    Write-Host "Packing version $version (commit $commit)"

    if (-not (Get-Command $NuGet -ErrorAction SilentlyContinue)) { throw "nuget.exe not found ($NuGet): install it (GitHub Actions: nuget/setup-nuget) or pass -NuGet." }
    if (-not $SkipBuild) {
        $msbuildExe = Find-NanoMSBuild $MSBuild
        Restore-NfPackages $root $NuGet
        Build-NfProjects $root $msbuildExe 'Release'
    }

    $out = Join-Path $root $OutputDirectory
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    $nuspecs = Get-ChildItem -LiteralPath $root -Filter '*.nuspec' -Recurse -Depth 1 | Where-Object { -not (Test-Generated $root $_.FullName) }
    if (-not $nuspecs) { throw 'No .nuspec found next to a project.' }
    foreach ($spec in $nuspecs) {
        [xml]$xml = Get-Content -Raw -LiteralPath $spec.FullName
        foreach ($f in $xml.package.files.file) {
            $src = Join-Path $spec.DirectoryName $f.src
            if (-not (Test-Path -LiteralPath $src)) { throw "$($spec.Name): $($f.src) does not exist (did the nanoFramework build run?)" }
        }
        Invoke-Checked $NuGet @('pack', $spec.FullName, '-Version', $version, '-Properties', "commit=$commit;repositoryUrl=$RepositoryUrl",
            '-OutputDirectory', $out, '-NonInteractive')
    }
    Write-Host "Packages in $out"
    exit 0
}
catch {
    [Console]::Error.WriteLine("pack.ps1: $($_.Exception.Message)")
    exit 1
}
