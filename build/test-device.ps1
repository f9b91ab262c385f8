<#
.SYNOPSIS
  Runs every nanoFramework test project (Tests/**/*.nfproj) on the nanoCLR emulator with vstest.console (Windows).

.DESCRIPTION
  Finds the test projects by discovery, not by name: every .nfproj under Tests/ whose project file declares
  <IsTestProject>true</IsTestProject>. Each one must already be built (build/pack.ps1 builds every .nfproj); its
  assembly is bin\Release\NFUnitTest.dll (the name the nanoFramework test launcher loads). The tests run with the
  nanoFramework test adapter from the restored nanoFramework.TestFramework package and the project's .runsettings
  (IsRealHardware False = the nanoCLR emulator, which the test adapter starts through the nanoclr tool).
.PARAMETER VSTest
  vstest.console.exe to use (default: the newest Visual Studio's, found with vswhere).
#>
param([string]$VSTest)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'NanoBuild.psm1') -Force

try {
    $root = Get-RepoRoot
    if (-not $VSTest) {
        $vswhere = Join-Path ${env:ProgramFiles(x86)} 'Microsoft Visual Studio\Installer\vswhere.exe'
        $VSTest = & $vswhere -latest -products * -find '**\TestPlatform\vstest.console.exe' | Select-Object -First 1
    }
    if (-not $VSTest -or -not (Test-Path -LiteralPath $VSTest)) { throw 'vstest.console.exe not found: pass -VSTest.' }

    $projects = @(Get-NfTestProjects $root)
    if (-not $projects) { throw 'No nanoFramework test project (IsTestProject) under Tests/.' }
    $failed = @()
    foreach ($p in $projects) {
        $dll = Join-Path $p.DirectoryName 'bin\Release\NFUnitTest.dll'
        if (-not (Test-Path -LiteralPath $dll)) { throw "$($p.Name) is not built ($dll missing): run build/pack.ps1 first." }
        [xml]$xml = Get-Content -Raw -LiteralPath $p.FullName
        $tf = $xml.Project.ItemGroup.Reference | Where-Object { $_.Include -eq 'nanoFramework.TestFramework' } | Select-Object -First 1
        if (-not $tf) { throw "$($p.Name) does not reference nanoFramework.TestFramework." }
        $adapter = Split-Path -Parent (Join-Path $p.DirectoryName $tf.HintPath)
        $settings = $xml.Project.PropertyGroup.RunSettingsFilePath | Where-Object { $_ } | Select-Object -First 1
        if ($settings) { $settings = $settings.Replace('$(MSBuildProjectDirectory)', $p.DirectoryName) }
        if (-not $settings -or -not (Test-Path -LiteralPath $settings)) { $settings = Join-Path $p.DirectoryName 'nano.runsettings' }
        if (-not (Test-Path -LiteralPath $settings)) { $settings = Join-Path (Join-Path $root 'Tests') 'nano.runsettings' }
        Write-Host "== $($p.Name): $dll"
        & $VSTest $dll "/Settings:$settings" "/TestAdapterPath:$adapter" '/Logger:trx' "/ResultsDirectory:$(Join-Path $root 'TestResults')" | Out-Host
        if ($LASTEXITCODE -ne 0) { $failed += $p.Name }
    }
    if ($failed.Count -gt 0) { throw "device tests failed in: $($failed -join ', ')" }
    Write-Host "device tests passed in $($projects.Count) project(s)"
    exit 0
}
catch {
    [Console]::Error.WriteLine("test-device.ps1: $($_.Exception.Message)")
    exit 1
}
