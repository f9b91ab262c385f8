using System;
using LoRaWan.Regions;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Regions
{
    /// <summary>
    /// Every table of every region and variant, typed in from implementations we did not write (issue h18):
    /// The Things Stack pkg/band (TTS, commit 1d21821, per-version files named in each table's comment), LoRaMac-node
    /// src/mac/region (LMN, commit dcbcfb3) and, where those two disagree with each other or with RP002-1.0.4,
    /// ChirpStack lrwn/src/region (CS). The regional-parameters version is RP002-1.0.4 for every region except
    /// CN470-RP1 (RP001-1.1 revB, TTS cn_470_510_rp1_v1_1_rev_b.go). Nothing here is computed by the code under test.
    /// Per region: every DR slot 0..15 (modulation, SF/BW, FSK rate, direction; the slots not listed are RFU),
    /// max MACPayload M in the four columns (no dwell, 400 ms dwell, repeater, repeater + dwell), max FRMPayload N
    /// (LMN MaxPayloadOfDatarate), the RX1 DR table for every offset (and one past the last: refused), RX2, the
    /// default data rate, the default or join channels with their DR range, the TXPower table as EIRP offsets from
    /// the default MaxEIRP (and one index past: refused), the duty-cycle sub-band of each channel frequency,
    /// TxParamSetupReq and the boot dwell times, listen-before-talk, the CFList type and the frequency range.
    /// Beacon and ping-slot frequencies exist in TTS/LMN for every region, but this stack has no Class B: no value
    /// to pin.
    /// </summary>
    [TestClass]
    public class RegionOracleTableTests
    {
        // Modulation codes of the data-rate rows: LoRa (SF, BW kHz), FSK (kbit/s), LR-FHSS (occupied width kHz).
        private const int L = 1;
        private const int F = 2;
        private const int H = 3;
        // Direction codes.
        private const int Up = 1;
        private const int Dn = 2;
        private const int UD = 3;
        // An N not given by the oracle (LMN lists 0 for LR-FHSS rates it does not implement): not checked.
        private const int NoN = -1;

        // ------------------------------------------------------------------ EU-like (dynamic) plans

        [TestMethod]
        public void Eu868_AgainstTtsAndLmn()
        {
            Region r = Region.Create("EU868");
            // TTS eu_863_870_rp2_v1_0_4.go DataRates; repeater column ChirpStack lrwn eu868.rs (RP002-1.0.2..1.0.4).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 59, 59, 59, 59,
                1, L, 11, 125, UD, 59, 59, 59, 59,
                2, L, 10, 125, UD, 59, 59, 59, 59,
                3, L, 9, 125, UD, 123, 123, 123, 123,
                4, L, 8, 125, UD, 250, 250, 230, 230,
                5, L, 7, 125, UD, 250, 250, 230, 230,
                6, L, 7, 250, UD, 250, 250, 230, 230,
                7, F, 0, 50, UD, 250, 250, 230, 230,
                8, H, 0, 137, Up, 58, 58, 58, 58,
                9, H, 0, 137, Up, 123, 123, 123, 123,
                10, H, 0, 336, Up, 58, 58, 58, 58,
                11, H, 0, 336, Up, 123, 123, 123, 123,
            });
            // LMN RegionEU868.h MaxPayloadOfDatarateEU868.
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242, 242, 242 });
            // TTS eu_863_870.go eu863870DownlinkDRTable (uplink DR0..11, offsets 0..5).
            CheckRx1(r, false, 5, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
                6, 6, 5, 4, 3, 2, 1,
                7, 7, 6, 5, 4, 3, 2,
                8, 1, 0, 0, 0, 0, 0,
                9, 2, 1, 0, 0, 0, 0,
                10, 1, 0, 0, 0, 0, 0,
                11, 2, 1, 0, 0, 0, 0,
            });
            // TTS DefaultMaxEIRP 16, TxOffset 0..-14; LMN EU868_DEFAULT_MAX_EIRP 16, EU868_MIN_TX_POWER TX_POWER_7.
            CheckTxPower(r, 16, new int[] { 0, -2, -4, -6, -8, -10, -12, -14 });
            // TTS DefaultRx2Parameters {DR0, 869525000}; LMN EU868_RX_WND_2_FREQ/DR, EU868_DEFAULT_DATARATE DR_0.
            CheckReceiveDefaults(r, 869525000, 0, 0);
            // TTS eu863870DefaultChannels (MaxDataRate DR5); LMN EU868_LC1..3 (DR0..DR5).
            CheckDefaultChannels(r, new uint[] { 868100000, 868300000, 868500000 }, 0, 5);
            // TTS SubBands (ETSI EN 300 220-2 K, L, M, N, P, R): Hz, duty-cycle divisor (0 = in no sub-band).
            CheckBands(r, new uint[]
            {
                863100000, 1000, 864900000, 1000,           // K 863-865 MHz 0.1 %
                865100000, 100, 867900000, 100,             // L 865-868 MHz 1 %
                868100000, 100, 868500000, 100,             // M 868.0-868.6 MHz 1 %
                868650000, 0,                               // 868.6-868.7: no band
                868700000, 1000, 869100000, 1000,           // N 868.7-869.2 MHz 0.1 %
                869300000, 0,                               // 869.2-869.4 (band O, skipped by TTS)
                869525000, 10,                              // P 869.4-869.65 MHz 10 %
                869800000, 100,                             // R 869.7-870 MHz 1 %
            });
            // LMN EU868_DUTY_CYCLE_ENABLED 1; no TxParamSetupReq (TTS: TxParamSetupReqSupport unset); dwell 0 (LMN).
            CheckFlags(r, true, false, false, false, false);
            CheckCfListType(r, 0);   // TTS CFListType_FREQUENCIES
            CheckFrequencyRange(r, 863000000, 870000000);
        }

        [TestMethod]
        public void As923_AllGroups_AgainstTtsAndLmn()
        {
            // TTS as_923.go as923GroupOffset: 0, -1.8, -6.6, -5.9 MHz; ranges LMN RegionAS923.c AS923_MIN/MAX_RF_FREQUENCY.
            CheckAs923("AS923-1", 0, 915000000, 928000000);
            CheckAs923("AS923-2", -1800000, 920000000, 923000000);
            CheckAs923("AS923-3", -6600000, 915000000, 921000000);
            CheckAs923("AS923-4", -5900000, 917000000, 920000000);
        }

        private static void CheckAs923(string name, int offsetHz, uint minHz, uint maxHz)
        {
            Region r = Region.Create(name);
            // TTS as_923_rp2_v1_0_4.go (makeDwellTimeMaxMACPayloadSizeFunc(no dwell, dwell)); repeater column:
            // RP002-1.0.4 (230 cap).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 59, 0, 59, 0,
                1, L, 11, 125, UD, 59, 0, 59, 0,
                2, L, 10, 125, UD, 123, 19, 123, 19,
                3, L, 9, 125, UD, 123, 61, 123, 61,
                4, L, 8, 125, UD, 250, 133, 230, 133,
                5, L, 7, 125, UD, 250, 250, 230, 230,
                6, L, 7, 250, UD, 250, 250, 230, 230,
                7, F, 0, 50, UD, 250, 250, 230, 230,
            });
            // LMN RegionAS923.h MaxPayloadOfDatarateDwell0AS923 / Dwell1AS923.
            CheckN(r, false, new int[] { 51, 51, 115, 115, 242, 242, 242, 242 });
            CheckN(r, true, new int[] { 0, 0, 11, 53, 125, 242, 242, 242 });
            // LMN EffectiveRx1DrOffsetDownlinkDwell0AS923 / Dwell1AS923 (offsets 0..7; TTS's rule gives the same).
            CheckRx1(r, false, 7, new int[]
            {
                0, 0, 0, 0, 0, 0, 0, 1, 2,
                1, 1, 0, 0, 0, 0, 0, 2, 3,
                2, 2, 1, 0, 0, 0, 0, 3, 4,
                3, 3, 2, 1, 0, 0, 0, 4, 5,
                4, 4, 3, 2, 1, 0, 0, 5, 6,
                5, 5, 4, 3, 2, 1, 0, 6, 7,
                6, 6, 5, 4, 3, 2, 1, 7, 7,
                7, 7, 6, 5, 4, 3, 2, 7, 7,
            });
            CheckRx1(r, true, 7, new int[]
            {
                0, 2, 2, 2, 2, 2, 2, 2, 2,
                1, 2, 2, 2, 2, 2, 2, 2, 3,
                2, 2, 2, 2, 2, 2, 2, 3, 4,
                3, 3, 2, 2, 2, 2, 2, 4, 5,
                4, 4, 3, 2, 2, 2, 2, 5, 6,
                5, 5, 4, 3, 2, 2, 2, 6, 7,
                6, 6, 5, 4, 3, 2, 2, 7, 7,
                7, 7, 6, 5, 4, 3, 2, 7, 7,
            });
            // TTS DefaultMaxEIRP 16, TxOffset 0..-14; LMN AS923_DEFAULT_MAX_EIRP 16, AS923_MIN_TX_POWER TX_POWER_7.
            CheckTxPower(r, 16, new int[] { 0, -2, -4, -6, -8, -10, -12, -14 });
            // TTS as923DefaultRX2Frequency 923.2 MHz + offset, DR2; LMN AS923_DEFAULT_DATARATE DR_2.
            CheckReceiveDefaults(r, (uint)(923200000 + offsetHz), 2, 2);
            // TTS as923DefaultChannels 923.2 / 923.4 MHz + offset, DR0..5 (LMN AS923_LC1/LC2).
            CheckDefaultChannels(r, new uint[] { (uint)(923200000 + offsetHz), (uint)(923400000 + offsetHz) }, 0, 5);
            // LMN AS923_DUTY_CYCLE_ENABLED 0 (TTS lists a 1 % sub-band for the gateway side): no duty cycle enforced.
            CheckBands(r, new uint[] { (uint)(923200000 + offsetHz), 1, (uint)(923400000 + offsetHz), 1 });
            // TxParamSetupReq: TTS TxParamSetupReqSupport true. Boot dwell: uplink on (LMN
            // AS923_DEFAULT_UPLINK_DWELL_TIME 1), downlink on (strictest country rule; LMN boots it off: README).
            CheckFlags(r, false, true, true, true, false);
            CheckCfListType(r, 0);
            CheckFrequencyRange(r, minHz, maxHz);
        }

        [TestMethod]
        public void In865_AgainstTtsAndLmn()
        {
            Region r = Region.Create("IN865");
            // TTS in_865_867_rp2_v1_0_4.go (DR6 RFU); repeater column: RP002-1.0.4 caps M at 230 (as CS eu868.rs).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 59, 59, 59, 59,
                1, L, 11, 125, UD, 59, 59, 59, 59,
                2, L, 10, 125, UD, 59, 59, 59, 59,
                3, L, 9, 125, UD, 123, 123, 123, 123,
                4, L, 8, 125, UD, 250, 250, 230, 230,
                5, L, 7, 125, UD, 250, 250, 230, 230,
                7, F, 0, 50, UD, 250, 250, 230, 230,
            });
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242, 0, 242 });   // LMN MaxPayloadOfDatarateIN865 (DR6 RFU)
            // LMN RegionIN865.h EffectiveRx1DrOffsetIN865 (RP002 table; TTS's rule would give the RFU DR6 for
            // DR5 + offset 6 and DR4 + offset 7, and DR6 for DR7 + offset 1: not followed).
            CheckRx1(r, false, 7, new int[]
            {
                0, 0, 0, 0, 0, 0, 0, 1, 2,
                1, 1, 0, 0, 0, 0, 0, 2, 3,
                2, 2, 1, 0, 0, 0, 0, 3, 4,
                3, 3, 2, 1, 0, 0, 0, 4, 5,
                4, 4, 3, 2, 1, 0, 0, 5, 5,
                5, 5, 4, 3, 2, 1, 0, 5, 7,
                7, 7, 5, 5, 4, 3, 2, 7, 7,
            });
            // TTS DefaultMaxEIRP 30, TxOffset 0..-20; LMN IN865_DEFAULT_MAX_EIRP 30, IN865_MIN_TX_POWER TX_POWER_10.
            CheckTxPower(r, 30, new int[] { 0, -2, -4, -6, -8, -10, -12, -14, -16, -18, -20 });
            CheckReceiveDefaults(r, 866550000, 2, 0);   // TTS {DR2, 866550000}; LMN IN865_DEFAULT_DATARATE DR_0
            CheckDefaultChannels(r, new uint[] { 865062500, 865402500, 865985000 }, 0, 5);
            CheckBands(r, new uint[] { 865062500, 1, 866550000, 1 });   // TTS DutyCycle 1; LMN IN865_BAND0 100 %
            CheckFlags(r, false, false, false, false, false);
            CheckCfListType(r, 0);
            CheckFrequencyRange(r, 865000000, 867000000);   // LMN RegionIN865.c VerifyRfFreq
        }

        [TestMethod]
        public void Kr920_AgainstTtsAndLmn()
        {
            Region r = Region.Create("KR920");
            // TTS kr_920_923_rp2_v1_0_4.go; repeater column: RP002-1.0.4 caps M at 230 (as CS eu868.rs).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 59, 59, 59, 59,
                1, L, 11, 125, UD, 59, 59, 59, 59,
                2, L, 10, 125, UD, 59, 59, 59, 59,
                3, L, 9, 125, UD, 123, 123, 123, 123,
                4, L, 8, 125, UD, 250, 250, 230, 230,
                5, L, 7, 125, UD, 250, 250, 230, 230,
            });
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242 });   // LMN MaxPayloadOfDatarateKR920
            // TTS kr_920_923.go kr920923DownlinkDRTable.
            CheckRx1(r, false, 5, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
            });
            // TTS DefaultMaxEIRP 14, TxOffset 0..-14; LMN KR920_DEFAULT_MAX_EIRP_HIGH 14, _LOW 10 below 922 MHz.
            CheckTxPower(r, 14, new int[] { 0, -2, -4, -6, -8, -10, -12, -14 });
            Assert.AreEqual(10, r.LimitEirpForFrequency(921900000, 14), "KR920 EIRP below 922 MHz (LMN _LOW)");
            Assert.AreEqual(14, r.LimitEirpForFrequency(922100000, 14), "KR920 EIRP from 922 MHz (LMN _HIGH)");
            CheckReceiveDefaults(r, 921900000, 0, 0);   // TTS {DR0, 921900000}
            CheckDefaultChannels(r, new uint[] { 922100000, 922300000, 922500000 }, 0, 5);
            CheckBands(r, new uint[] { 920900000, 1, 923300000, 1 });   // TTS DutyCycle 1; LMN KR920_BAND0 100 %
            CheckFlags(r, false, false, false, false, true);   // LMN KR920 carrier sense (RegionKR920NextChannel)
            CheckCfListType(r, 0);
            CheckFrequencyRange(r, 920900000, 923300000);   // LMN RegionKR920.c VerifyRfFreq
        }

        [TestMethod]
        public void Ru864_AgainstTtsAndLmn()
        {
            Region r = Region.Create("RU864");
            CheckEuSevenRates(r);   // TTS ru_864_870_rp2_v1_0_4.go
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242, 242, 242 });   // LMN MaxPayloadOfDatarateRU864
            CheckSubtractRx1(r);    // TTS ru_864_870.go ru864870DownlinkDRTable
            // TTS DefaultMaxEIRP 16, TxOffset 0..-14; LMN RU864_DEFAULT_MAX_EIRP 16, RU864_MIN_TX_POWER TX_POWER_7.
            CheckTxPower(r, 16, new int[] { 0, -2, -4, -6, -8, -10, -12, -14 });
            CheckReceiveDefaults(r, 869100000, 0, 0);   // TTS {DR0, 869100000}; LMN RU864_RX_WND_2_FREQ
            CheckDefaultChannels(r, new uint[] { 868900000, 869100000 }, 0, 5);   // TTS, LMN RU864_LC1/LC2
            CheckBands(r, new uint[] { 864100000, 100, 868900000, 100, 869900000, 100 });   // TTS 864-870 MHz 1 %; LMN RU864_BAND0 1 %
            CheckFlags(r, true, false, false, false, false);   // LMN RU864_DUTY_CYCLE_ENABLED 1
            CheckCfListType(r, 0);
            CheckFrequencyRange(r, 864000000, 870000000);   // LMN RegionRU864.c VerifyRfFreq
        }

        [TestMethod]
        public void Eu433_AgainstTtsAndLmn()
        {
            Region r = Region.Create("EU433");
            CheckEuSevenRates(r);   // TTS eu_433_rp2_v1_0_4.go
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242, 242, 242 });   // LMN MaxPayloadOfDatarateEU433
            CheckSubtractRx1(r);    // TTS eu_433.go eu433DownlinkDRTable
            // TTS DefaultMaxEIRP 12.15 (whole dBm here: 12), TxOffset 0..-10; LMN EU433_DEFAULT_MAX_EIRP 12.15f.
            CheckTxPower(r, 12, new int[] { 0, -2, -4, -6, -8, -10 });
            CheckReceiveDefaults(r, 434665000, 0, 0);   // TTS {0, 434665000}; LMN EU433_RX_WND_2_FREQ
            CheckDefaultChannels(r, new uint[] { 433175000, 433375000, 433575000 }, 0, 5);
            // TTS sub-band 433.175-434.665 MHz DutyCycle 0.1 (LMN EU433_BAND0 1 %: README "EU433").
            CheckBands(r, new uint[] { 433175000, 10, 434665000, 10 });
            CheckFlags(r, true, false, false, false, false);
            CheckCfListType(r, 0);
            CheckFrequencyRange(r, 433175000, 434665000);   // LMN RegionEU433.c VerifyRfFreq
        }

        [TestMethod]
        public void Cn779_AgainstTtsAndLmn()
        {
            Region r = Region.Create("CN779");
            CheckEuSevenRates(r);   // TTS cn_779_787_rp2_v1_0_3.go (TTS has no RP002-1.0.4 CN779 file)
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242, 242, 242 });   // LMN MaxPayloadOfDatarateCN779
            CheckSubtractRx1(r);    // TTS cn_779_787.go cn779787DownlinkDRTable
            // TTS DefaultMaxEIRP 12.15, TxOffset 0..-10; LMN CN779_DEFAULT_MAX_EIRP 12.15f, CN779_MIN_TX_POWER TX_POWER_5.
            CheckTxPower(r, 12, new int[] { 0, -2, -4, -6, -8, -10 });
            CheckReceiveDefaults(r, 786000000, 0, 0);   // TTS {DR0, 786000000}; LMN CN779_RX_WND_2_FREQ
            // LMN CN779_LC1..3 and CN779_JOIN_CHANNELS (TTS also lists 780.5/780.7/780.9 MHz: README "CN779").
            CheckDefaultChannels(r, new uint[] { 779500000, 779700000, 779900000 }, 0, 5);
            CheckBands(r, new uint[] { 779500000, 100, 786500000, 100 });   // TTS 1 %; LMN CN779_BAND0 1 %
            CheckFlags(r, true, false, false, false, false);   // LMN CN779_DUTY_CYCLE_ENABLED 1
            CheckCfListType(r, 0);
            CheckFrequencyRange(r, 779500000, 786500000);   // LMN RegionCN779.c VerifyRfFreq
        }

        // ------------------------------------------------------------------ fixed plans

        [TestMethod]
        public void Us915_AgainstTtsAndLmn()
        {
            Region r = Region.Create("US915");
            // TTS us_902_928_rp2_v1_0_4.go DataRates (DR7 and DR14 RFU); repeater column: RP002-1.0.4 caps M at 230 (as CS eu868.rs).
            CheckDataRates(r, new int[]
            {
                0, L, 10, 125, Up, 19, 19, 19, 19,
                1, L, 9, 125, Up, 61, 61, 61, 61,
                2, L, 8, 125, Up, 133, 133, 133, 133,
                3, L, 7, 125, Up, 250, 250, 230, 230,
                4, L, 8, 500, Up, 250, 250, 230, 230,
                5, H, 0, 1523, Up, 58, 58, 58, 58,
                6, H, 0, 1523, Up, 133, 133, 133, 133,
                8, L, 12, 500, Dn, 61, 61, 61, 61,
                9, L, 11, 500, Dn, 137, 137, 137, 137,
                10, L, 10, 500, Dn, 250, 250, 230, 230,
                11, L, 9, 500, Dn, 250, 250, 230, 230,
                12, L, 8, 500, Dn, 250, 250, 230, 230,
                13, L, 7, 500, Dn, 250, 250, 230, 230,
            });
            // LMN MaxPayloadOfDatarateUS915 (0 where LMN has no LR-FHSS: not checked).
            CheckN(r, false, new int[] { 11, 53, 125, 242, 242, NoN, NoN, 0, 53, 129, 242, 242, 242, 242 });
            // TTS us_902_928.go us902928DownlinkDRTable (offsets 0..3).
            CheckRx1(r, false, 3, new int[]
            {
                0, 10, 9, 8, 8,
                1, 11, 10, 9, 8,
                2, 12, 11, 10, 9,
                3, 13, 12, 11, 10,
                4, 13, 13, 12, 11,
                5, 10, 9, 8, 8,
                6, 11, 10, 9, 8,
            });
            // TTS DefaultMaxEIRP 30, TxOffset 0..-28; LMN US915_MIN_TX_POWER TX_POWER_14.
            CheckTxPower(r, 30, new int[] { 0, -2, -4, -6, -8, -10, -12, -14, -16, -18, -20, -22, -24, -26, -28 });
            CheckReceiveDefaults(r, 923300000, 8, 0);   // TTS {DR8, 923300000}; LMN US915_DEFAULT_DATARATE DR_0
            // TTS us902928UplinkChannels/DownlinkChannels: 64 × 125 kHz DR0..3, 8 × 500 kHz DR4, 8 downlink.
            CheckFixedChannels(r, 72, new int[]
            {
                // channel, uplink kHz, min DR, max DR, RX1 kHz (downlink channel = channel mod 8)
                0, 902300, 0, 3, 923300,
                7, 903700, 0, 3, 927500,
                8, 903900, 0, 3, 923300,
                63, 914900, 0, 3, 927500,
                64, 903000, 4, 4, 923300,
                71, 914200, 4, 4, 927500,
            });
            CheckBands(r, new uint[] { 902300000, 1, 914900000, 1, 903000000, 1 });   // TTS DutyCycle 1; LMN US915_BAND0 100 %
            // No TxParamSetupReq (TTS unset); boot dwell off as LMN US915_DEFAULT_UPLINK_DWELL_TIME 0 (TTS boots
            // "uplink dwell on", but no US915 column depends on it: the M table already keeps 400 ms).
            CheckFlags(r, false, false, false, false, false);
            CheckCfListType(r, 1);   // TTS CFListType_CHANNEL_MASKS
            CheckFrequencyRange(r, 902000000, 928000000);
        }

        [TestMethod]
        public void Au915_AgainstTtsAndLmn()
        {
            Region r = Region.Create("AU915");
            // TTS au_915_928_rp2_v1_0_4.go (makeDwellTimeMaxMACPayloadSizeFunc(no dwell, dwell)); repeater column: M capped at 230 (as CS eu868.rs).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, Up, 59, 0, 59, 0,
                1, L, 11, 125, Up, 59, 0, 59, 0,
                2, L, 10, 125, Up, 59, 19, 59, 19,
                3, L, 9, 125, Up, 123, 61, 123, 61,
                4, L, 8, 125, Up, 250, 133, 230, 133,
                5, L, 7, 125, Up, 250, 250, 230, 230,
                6, L, 8, 500, Up, 250, 250, 230, 230,
                7, H, 0, 1523, Up, 58, 58, 58, 58,
                8, L, 12, 500, Dn, 61, 61, 61, 61,
                9, L, 11, 500, Dn, 137, 137, 137, 137,
                10, L, 10, 500, Dn, 250, 250, 230, 230,
                11, L, 9, 500, Dn, 250, 250, 230, 230,
                12, L, 8, 500, Dn, 250, 250, 230, 230,
                13, L, 7, 500, Dn, 250, 250, 230, 230,
            });
            // LMN MaxPayloadOfDatarateDwell0AU915 / Dwell1AU915.
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242, 242, NoN, 53, 129, 242, 242, 242, 242 });
            CheckN(r, true, new int[] { 0, 0, 11, 53, 125, 242, 242, NoN, 53, 129, 242, 242, 242, 242 });
            // TTS au_915_928.go au915928DownlinkDRTable (LMN DatarateOffsetsAU915 agrees on DR0..6).
            CheckRx1(r, false, 5, new int[]
            {
                0, 8, 8, 8, 8, 8, 8,
                1, 9, 8, 8, 8, 8, 8,
                2, 10, 9, 8, 8, 8, 8,
                3, 11, 10, 9, 8, 8, 8,
                4, 12, 11, 10, 9, 8, 8,
                5, 13, 12, 11, 10, 9, 8,
                6, 13, 13, 12, 11, 10, 9,
                7, 9, 8, 8, 8, 8, 8,
            });
            CheckTxPower(r, 30, new int[] { 0, -2, -4, -6, -8, -10, -12, -14, -16, -18, -20, -22, -24, -26, -28 });
            CheckReceiveDefaults(r, 923300000, 8, 2);   // TTS {DR8, 923300000}; LMN AU915_DEFAULT_DATARATE DR_2
            // TTS au915928UplinkChannels(0, 1): 915.2 + 0.2 n DR0..5, 915.9 + 1.6 n DR6 (LR-FHSS DR7 not carried
            // here: unsupported); downlink 923.3 + 0.6 n.
            CheckFixedChannels(r, 72, new int[]
            {
                0, 915200, 0, 5, 923300,
                63, 927800, 0, 5, 927500,
                64, 915900, 6, 6, 923300,
                71, 927100, 6, 6, 927500,
            });
            CheckBands(r, new uint[] { 915200000, 1, 927800000, 1 });   // TTS DutyCycle 1
            // TTS TxParamSetupReqSupport true, BootDwellTime uplink on, downlink off (LMN AU915 uplink dwell 1).
            CheckFlags(r, false, true, true, false, false);
            CheckCfListType(r, 1);
            CheckFrequencyRange(r, 915000000, 928000000);
        }

        [TestMethod]
        public void Cn470_Rp002Types_AgainstTtsLmnAndChirpStack()
        {
            // RX2 frequencies: TTS cn_470_510_{20,26}_{a,b}_rp2_v1_0_4.go DefaultRx2Parameters.
            CheckCn470("CN470-20A", 486900000, 64, new int[]
            {
                // channel, uplink kHz, RX1 kHz: TTS cn47051020AUplinkChannels / DownlinkChannels
                0, 470300, 483900, 31, 476500, 490100, 32, 503500, 490300, 63, 509700, 496500,
            });
            CheckCn470("CN470-20B", 498300000, 64, new int[]
            {
                0, 476900, 476900, 31, 483100, 483100, 32, 496900, 496900, 63, 503100, 503100,
            });
            CheckCn470("CN470-26A", 492500000, 48, new int[]
            {
                0, 470300, 490100, 23, 474900, 494700, 24, 475100, 490100, 47, 479700, 494700,
            });
            CheckCn470("CN470-26B", 502500000, 48, new int[]
            {
                0, 480300, 500100, 23, 484900, 504700, 24, 485100, 500100, 47, 489700, 504700,
            });
        }

        private static void CheckCn470(string name, uint rx2Hz, int channels, int[] channelRows)
        {
            Region r = Region.Create(name);
            // DR0..7: TTS cn_470_510_*_rp2_v1_0_4.go DataRates (DR0 omitted there; LMN DataratesCN470 lists SF12 with
            // payload 0: M = 0, never used). M: DR1 31, DR2 94 (TTS, CS); DR3 192 = LMN N 184 + 8 and CS RP002-1.0.2+
            // (TTS 172 is RP002-1.0.1's value); DR4..7 250. Repeater column: CS lrwn cn470.rs (230 from DR4).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 0, 0, 0, 0,
                1, L, 11, 125, UD, 31, 31, 31, 31,
                2, L, 10, 125, UD, 94, 94, 94, 94,
                3, L, 9, 125, UD, 192, 192, 192, 192,
                4, L, 8, 125, UD, 250, 250, 230, 230,
                5, L, 7, 125, UD, 250, 250, 230, 230,
                6, L, 7, 500, UD, 250, 250, 230, 230,
                7, F, 0, 50, UD, 250, 250, 230, 230,
            });
            CheckN(r, false, new int[] { 0, 23, 86, 184, 242, 242, 242, 242 });   // LMN MaxPayloadOfDatarateCN470
            // LMN DatarateOffsetsCN470 (TTS reuses the RP001 table: DR − offset down to DR0; README "CN470").
            CheckRx1(r, false, 5, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 1, 1, 1, 1, 1,
                2, 2, 1, 1, 1, 1, 1,
                3, 3, 2, 1, 1, 1, 1,
                4, 4, 3, 2, 1, 1, 1,
                5, 5, 4, 3, 2, 1, 1,
                6, 6, 5, 4, 3, 2, 1,
                7, 7, 6, 5, 4, 3, 2,
            });
            // TTS DefaultMaxEIRP 19.15 (19 here), TxOffset 0..-14; LMN CN470_MIN_TX_POWER TX_POWER_7.
            CheckTxPower(r, 19, new int[] { 0, -2, -4, -6, -8, -10, -12, -14 });
            // RX2 DR1 (LMN CN470_RX_WND_2_DR; TTS DR0, which its own table does not define); LMN CN470_DEFAULT_DATARATE DR_1.
            CheckReceiveDefaults(r, rx2Hz, 1, 1);
            int[] rows = new int[channelRows.Length / 3 * 5];
            for (int i = 0, k = 0; i < channelRows.Length; i += 3, k += 5)
            {
                rows[k] = channelRows[i];
                rows[k + 1] = channelRows[i + 1];
                rows[k + 2] = 1;   // TTS cn470510*UplinkChannels(1): DR1..DR5
                rows[k + 3] = 5;
                rows[k + 4] = channelRows[i + 2];
            }
            CheckFixedChannels(r, channels, rows);
            CheckBands(r, new uint[] { (uint)channelRows[1] * 1000, 1 });   // TTS DutyCycle 1; LMN CN470_BAND0 100 %
            CheckFlags(r, false, false, false, false, false);
            CheckCfListType(r, 1);   // TTS CFListType_CHANNEL_MASKS
            CheckFrequencyRange(r, 470000000, 510000000);
        }

        [TestMethod]
        public void Cn470Rp1_AgainstTtsAndChirpStack()
        {
            Region r = Region.Create("CN470-RP1");
            // TTS cn_470_510_rp1_v1_1_rev_b.go DataRates; repeater column CS lrwn cn470.rs (LoRaWAN 1.0.2 / 1.1).
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 59, 59, 59, 59,
                1, L, 11, 125, UD, 59, 59, 59, 59,
                2, L, 10, 125, UD, 59, 59, 59, 59,
                3, L, 9, 125, UD, 123, 123, 123, 123,
                4, L, 8, 125, UD, 250, 250, 230, 230,
                5, L, 7, 125, UD, 250, 250, 230, 230,
            });
            CheckN(r, false, new int[] { 51, 51, 51, 115, 242, 242 });   // CS cn470.rs LORAWAN_1_1_0 n
            // TTS cn_470_510.go cn470510DownlinkDRTable (CS rx1_data_rate_table agrees).
            CheckRx1(r, false, 5, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
            });
            CheckTxPower(r, 19, new int[] { 0, -2, -4, -6, -8, -10, -12, -14 });   // TTS 19.15, 0..-14
            CheckReceiveDefaults(r, 505300000, 0, 0);   // TTS {DR0, 505300000}; CS rx2_frequency/rx2_dr
            // TTS cn470510UplinkChannels 470.3 + 0.2 n (96), DownlinkChannels 500.3 + 0.2 n (48), RX1 channel mod 48.
            CheckFixedChannels(r, 96, new int[]
            {
                0, 470300, 0, 5, 500300,
                47, 479700, 0, 5, 509700,
                48, 479900, 0, 5, 500300,
                95, 489300, 0, 5, 509700,
            });
            CheckBands(r, new uint[] { 470300000, 1, 489300000, 1 });
            CheckFlags(r, false, false, false, false, false);
            CheckCfListType(r, 1);
            CheckFrequencyRange(r, 470000000, 510000000);
        }

        // ------------------------------------------------------------------ shared rows and checks

        // TTS ru_864_870 / eu_433 / cn_779_787 DataRates (identical); repeater column: RP002-1.0.4 caps M at 230 (as CS eu868.rs).
        private static void CheckEuSevenRates(Region r)
        {
            CheckDataRates(r, new int[]
            {
                0, L, 12, 125, UD, 59, 59, 59, 59,
                1, L, 11, 125, UD, 59, 59, 59, 59,
                2, L, 10, 125, UD, 59, 59, 59, 59,
                3, L, 9, 125, UD, 123, 123, 123, 123,
                4, L, 8, 125, UD, 250, 250, 230, 230,
                5, L, 7, 125, UD, 250, 250, 230, 230,
                6, L, 7, 250, UD, 250, 250, 230, 230,
                7, F, 0, 50, UD, 250, 250, 230, 230,
            });
        }

        // The TTS DownlinkDRTable of RU864, EU433 and CN779 (identical, offsets 0..5).
        private static void CheckSubtractRx1(Region r)
        {
            CheckRx1(r, false, 5, new int[]
            {
                0, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0,
                2, 2, 1, 0, 0, 0, 0,
                3, 3, 2, 1, 0, 0, 0,
                4, 4, 3, 2, 1, 0, 0,
                5, 5, 4, 3, 2, 1, 0,
                6, 6, 5, 4, 3, 2, 1,
                7, 7, 6, 5, 4, 3, 2,
            });
        }

        /// <summary>Rows of 9: DR, modulation, SF, BW kHz / kbit/s, direction, M, M dwell, M repeater, M repeater + dwell.</summary>
        private static void CheckDataRates(Region r, int[] rows)
        {
            bool[] listed = new bool[Region.DataRateSlots];
            for (int i = 0; i < rows.Length; i += 9)
            {
                int dr = rows[i];
                listed[dr] = true;
                string what = r.Name + " DR" + dr.ToString();
                Assert.IsTrue(r.IsDataRateDefined(dr), what + " defined");
                Assert.AreEqual(rows[i + 1], (int)r.GetModulation(dr), what + " modulation");
                if (rows[i + 1] == L)
                {
                    Assert.AreEqual(rows[i + 2], r.GetSpreadingFactor(dr), what + " SF");
                    Assert.AreEqual(rows[i + 3] * 1000, r.GetBandwidthHz(dr), what + " BW");
                }
                else if (rows[i + 1] == F)
                {
                    Assert.AreEqual(rows[i + 3] * 1000, r.GetFskBitRate(dr), what + " FSK bit rate");
                }
                else
                {
                    Assert.AreEqual(rows[i + 3] * 1000, r.GetBandwidthHz(dr), what + " LR-FHSS occupied width");
                }
                Assert.AreEqual((rows[i + 4] & Up) != 0, r.IsUplinkDataRate(dr), what + " uplink");
                Assert.AreEqual((rows[i + 4] & Dn) != 0, r.IsDownlinkDataRate(dr), what + " downlink");
                Assert.AreEqual(rows[i + 5], r.GetMaxMacPayload(dr, false, false), what + " M");
                Assert.AreEqual(rows[i + 6], r.GetMaxMacPayload(dr, true, false), what + " M with dwell time");
                Assert.AreEqual(rows[i + 7], r.GetMaxMacPayload(dr, false, true), what + " M repeater");
                Assert.AreEqual(rows[i + 8], r.GetMaxMacPayload(dr, true, true), what + " M repeater with dwell time");
            }
            for (int dr = 0; dr < Region.DataRateSlots; dr++)
            {
                if (listed[dr]) continue;
                string what = r.Name + " DR" + dr.ToString();
                Assert.IsFalse(r.IsDataRateDefined(dr), what + " RFU");
                Assert.IsFalse(r.IsUplinkDataRate(dr) || r.IsDownlinkDataRate(dr), what + " RFU: no direction");
                Assert.AreEqual(0, r.GetMaxMacPayload(dr, false, false), what + " RFU: M 0");
            }
        }

        /// <summary>N (max FRMPayload, no FOpts) per DR from 0; <see cref="NoN"/> skips a DR.</summary>
        private static void CheckN(Region r, bool dwellTime, int[] n)
        {
            for (int dr = 0; dr < n.Length; dr++)
            {
                if (n[dr] == NoN) continue;
                Assert.AreEqual(n[dr], r.GetMaxAppPayload(dr, dwellTime, false),
                    r.Name + " N at DR" + dr.ToString() + (dwellTime ? " with dwell time" : ""));
            }
        }

        /// <summary>Rows of maxOffset + 2: uplink DR, then the RX1 DR for offsets 0..maxOffset.</summary>
        private static void CheckRx1(Region r, bool downlinkDwell, int maxOffset, int[] rows)
        {
            Assert.AreEqual(maxOffset, r.MaxRx1DrOffset, r.Name + " RX1DROffset 0.." + maxOffset.ToString());
            int width = maxOffset + 2;
            for (int i = 0; i < rows.Length; i += width)
            {
                for (int o = 0; o <= maxOffset; o++)
                    Assert.AreEqual(rows[i + 1 + o], r.GetRx1DataRate(rows[i], o, downlinkDwell),
                        r.Name + " RX1 DR for DR" + rows[i].ToString() + " offset " + o.ToString() +
                        (downlinkDwell ? " (downlink dwell)" : ""));
                Assert.AreEqual(-1, r.GetRx1DataRate(rows[i], maxOffset + 1, downlinkDwell),
                    r.Name + " offset " + (maxOffset + 1).ToString() + " refused");
            }
        }

        /// <summary>EIRP offsets in dB from the default MaxEIRP per TXPower index; the next index is refused.</summary>
        private static void CheckTxPower(Region r, int maxEirpDbm, int[] offsets)
        {
            Assert.AreEqual(maxEirpDbm, r.DefaultMaxEirpDbm, r.Name + " default MaxEIRP");
            Assert.AreEqual(offsets.Length - 1, r.MaxTxPowerIndex, r.Name + " last TXPower index");
            for (int i = 0; i < offsets.Length; i++)
                Assert.AreEqual(maxEirpDbm + offsets[i], r.GetTxPowerEirpDbm(i, maxEirpDbm), r.Name + " TXPower " + i.ToString());
            Assert.IsFalse(r.IsTxPowerIndexValid(offsets.Length), r.Name + " TXPower " + offsets.Length.ToString() + " RFU");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => r.GetTxPowerEirpDbm(offsets.Length, maxEirpDbm));
        }

        private static void CheckReceiveDefaults(Region r, uint rx2Hz, int rx2Dr, int defaultDr)
        {
            Assert.AreEqual(rx2Hz, r.Rx2Frequency, r.Name + " RX2 frequency");
            Assert.AreEqual(rx2Dr, r.Rx2DataRate, r.Name + " RX2 DR");
            Assert.AreEqual(defaultDr, r.DefaultDataRate, r.Name + " default DR");
        }

        /// <summary>The default channels of a dynamic plan (the join channels), each with DR minDr..maxDr.</summary>
        private static void CheckDefaultChannels(Region r, uint[] hz, int minDr, int maxDr)
        {
            Assert.IsFalse(r.IsFixedChannelPlan, r.Name + " dynamic plan");
            Assert.AreEqual(hz.Length, r.DefaultChannelCount, r.Name + " default channels");
            ChannelPlan p = r.CreateChannelPlan();
            for (int i = 0; i < hz.Length; i++)
            {
                string what = r.Name + " default channel " + i.ToString();
                Assert.AreEqual(hz[i], r.GetDefaultChannelFrequency(i), what);
                Assert.AreEqual(hz[i], r.GetUplinkFrequency(p, i), what + " in the plan");
                Assert.AreEqual(hz[i], r.GetRx1Frequency(p, i), what + " RX1 on the uplink frequency");
                Assert.AreEqual(minDr, r.GetChannelMinDataRate(p, i), what + " min DR");
                Assert.AreEqual(maxDr, r.GetChannelMaxDataRate(p, i), what + " max DR");
            }
            Assert.AreEqual(hz.Length, p.EnabledCount, r.Name + " only the default channels at boot");
        }

        /// <summary>Rows of 5: channel, uplink kHz, min DR, max DR, RX1 kHz.</summary>
        private static void CheckFixedChannels(Region r, int channels, int[] rows)
        {
            Assert.IsTrue(r.IsFixedChannelPlan, r.Name + " fixed plan");
            Assert.AreEqual(channels, r.ChannelCount, r.Name + " channels");
            ChannelPlan p = r.CreateChannelPlan();
            for (int i = 0; i < rows.Length; i += 5)
            {
                int ch = rows[i];
                string what = r.Name + " channel " + ch.ToString();
                Assert.AreEqual((uint)rows[i + 1] * 1000, r.GetUplinkFrequency(p, ch), what + " uplink");
                Assert.AreEqual(rows[i + 2], r.GetChannelMinDataRate(p, ch), what + " min DR");
                Assert.AreEqual(rows[i + 3], r.GetChannelMaxDataRate(p, ch), what + " max DR");
                Assert.AreEqual((uint)rows[i + 4] * 1000, r.GetRx1Frequency(p, ch), what + " RX1");
            }
        }

        /// <summary>Pairs: frequency Hz, duty-cycle divisor of its sub-band (0: the frequency is in no sub-band).</summary>
        private static void CheckBands(Region r, uint[] pairs)
        {
            for (int i = 0; i < pairs.Length; i += 2)
            {
                int band = r.GetBandIndex(pairs[i]);
                string what = r.Name + " " + pairs[i].ToString() + " Hz";
                if (pairs[i + 1] == 0)
                {
                    Assert.AreEqual(-1, band, what + " in no sub-band");
                    continue;
                }
                Assert.IsTrue(band >= 0, what + " in a sub-band");
                Assert.AreEqual((int)pairs[i + 1], r.GetBandDutyCycleDivisor(band), what + " duty cycle 1/" + pairs[i + 1].ToString());
            }
        }

        private static void CheckFlags(Region r, bool dutyCycle, bool txParamSetup, bool uplinkDwell, bool downlinkDwell, bool lbt)
        {
            Assert.AreEqual(dutyCycle, r.DutyCycleEnforced, r.Name + " duty cycle enforced");
            Assert.AreEqual(txParamSetup, r.SupportsTxParamSetup, r.Name + " TxParamSetupReq");
            Assert.AreEqual(uplinkDwell, r.DefaultUplinkDwellTime, r.Name + " boot UplinkDwellTime");
            Assert.AreEqual(downlinkDwell, r.DefaultDownlinkDwellTime, r.Name + " boot DownlinkDwellTime");
            Assert.AreEqual(lbt, r.ListenBeforeTalkRequired, r.Name + " listen-before-talk required");
        }

        /// <summary>The region accepts a CFList of its type (byte 15) and refuses the other type.</summary>
        private static void CheckCfListType(Region r, int type)
        {
            byte[] cf = new byte[16];
            cf[15] = (byte)type;
            if (type == 1) cf[0] = 0xFF;   // a mask that enables channels 0..7
            Assert.IsTrue(r.ApplyCfList(r.CreateChannelPlan(), cf, 0), r.Name + " CFList type " + type.ToString());
            cf[15] = (byte)(1 - type);
            Assert.IsFalse(r.ApplyCfList(r.CreateChannelPlan(), cf, 0), r.Name + " CFList type " + (1 - type).ToString() + " refused");
        }

        private static void CheckFrequencyRange(Region r, uint minHz, uint maxHz)
        {
            Assert.AreEqual(minHz, r.MinFrequencyHz, r.Name + " lowest frequency");
            Assert.AreEqual(maxHz, r.MaxFrequencyHz, r.Name + " highest frequency");
        }
    }
}
