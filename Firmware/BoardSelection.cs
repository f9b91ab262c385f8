namespace LoRaWan.Firmware
{
    /// <summary>
    /// The board chosen when the firmware was built. <c>flash.ps1 -Board name</c> builds with
    /// <c>-p:Board=name</c>; Firmware.nfproj turns that into the compilation symbol BOARD_NAME (upper case, '-'
    /// → '_'), which picks one branch below. A build without it (e.g. from Visual Studio) returns null and
    /// Program uses its <c>DefaultBoard</c>. The host tests compile this file once per board to check each branch.
    /// </summary>
    public static class BoardSelection
    {
        /// <summary>The board selected at build time, or null when the build did not name one.</summary>
        public static Board FromBuild()
        {
#if BOARD_HELTEC_WIFI_LORA32_V2
            return Boards.HeltecWifiLora32V2;
#elif BOARD_TTGO_LORA32_V1
            return Boards.TtgoLora32V1;
#elif BOARD_TTGO_LORA32_V21
            return Boards.TtgoLora32V21;
#elif BOARD_TBEAM_SX1276
            return Boards.TBeamSx1276;
#elif BOARD_FEATHER_ESP32_RFM95
            return Boards.FeatherEsp32Rfm95;
#elif BOARD_CUSTOM
            return Boards.Custom;
#else
            return null;
#endif
        }
    }
}
