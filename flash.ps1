<#
.SYNOPSIS
  Flashes the nanoFramework firmware and the LoRaWAN application to an ESP32 board.
.DESCRIPTION
  Placeholder until the firmware issue lands: it explains what it will do and exits with code 1.
#>
param(
  [string]$Board,
  [string]$Port,
  [string]$Configuration = "Release",
  [switch]$SkipFirmware,
  [switch]$WhatIf
)
Write-Error "flash.ps1 is not implemented yet: the ESP32 firmware (board definitions, sketch) is still being built. See README.md."
exit 1
