using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Simulation;
using LoRaWan.Tests.Crypto;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Network
{
    /// <summary>
    /// The network model's MAC commands with hand-built uplinks (EU868 ABP, one gateway reporting SNR 7.5 dB):
    /// LinkCheckAns and DeviceTimeAns to the device's requests, the requests it queues, and how it judges answers
    /// (right, wrong, unexpected, missing). Expected bytes are written out from LoRaWAN 1.0.4 §5.
    /// </summary>
    [TestClass]
    public class NetworkMacCommandTests
    {
        const uint DevAddr = 0x49BE7DF1;
        const ulong DevEui = 0x0102030405060708;
        const string NwkSKey = "44024241ED4CE9A68C6A8BC055233FD3";
        const string AppSKey = "EC925802AE430CA77FD3DD73CB2CC588";
        const ulong T0 = 100000000;

        static NetworkBench Bench(bool enabled)
        {
            var bench = new NetworkBench("EU868", null);
            bench.Server.AddAbpDevice(DevEui, DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), LoRaWanVersion.V1_0_4);
            bench.Server.Mac.Enabled = enabled;
            bench.Server.Mac.ExtraChannels = false;
            return bench;
        }

        /// <summary>An unconfirmed uplink on FPort 1 with <paramref name="foptsHex"/> in FOpts and the ADR bit.</summary>
        static byte[] Up(uint fCnt, string foptsHex)
        {
            byte[] fopts = TestHex.Bytes(foptsHex);
            var f = new DataFrame();
            f.MType = MType.UnconfirmedDataUp;
            f.DevAddr = DevAddr;
            f.Adr = true;
            f.FCnt = (ushort)fCnt;
            f.FPort = 1;
            var buffer = new byte[64];
            f.Write(buffer, 0, fopts, 0, fopts.Length, new byte[] { 0x42 }, 0, 1);
            new PayloadCipher().EncryptFrmPayload(TestHex.Bytes(AppSKey), 0, FrameDirection.Uplink, DevAddr, fCnt, buffer, f.FrmPayloadOffset, 1);
            new DataMic().Compute10(TestHex.Bytes(NwkSKey), 0, FrameDirection.Uplink, DevAddr, fCnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            var frame = new byte[f.Length];
            System.Array.Copy(buffer, frame, f.Length);
            return frame;
        }

        static void Send(NetworkBench bench, uint fCnt, string fopts, int spreadingFactor)
        {
            bench.Send(Up(fCnt, fopts), 868100000, spreadingFactor, 125000, T0 + fCnt * 60000000UL);
        }

        /// <summary>FOpts of the last downlink as hex (clear in LoRaWAN 1.0.x).</summary>
        static string DownFOpts(NetworkBench bench)
        {
            byte[] d = bench.Transmitter.Last.Bytes;
            var f = new DataFrame();
            Assert.AreEqual((int)FrameResult.Ok, (int)f.Read(d, 0, d.Length, 0));
            return TestHex.Of(d, f.FOptsOffset, f.FOptsLength);
        }

        [TestMethod]
        public void LinkCheckReq_AnsweredWithMarginAboveTheFloorAndGatewayCount()
        {
            NetworkBench bench = Bench(false);
            Send(bench, 0, "02", 7);
            // DR5 (SF7) needs −7.5 dB; heard at +7.5 dB: margin 15 dB; one gateway.
            Assert.AreEqual("020F01", DownFOpts(bench));
            Assert.AreEqual(1, bench.Server.MacCounters.LinkChecksAnswered);
        }

        [TestMethod]
        public void DeviceTimeReq_AnsweredWithGpsTimeAtTheEndOfTheUplink()
        {
            NetworkBench bench = Bench(false);
            Send(bench, 0, "0D", 7);
            // GPS 1400000000 s at server time 0; the uplink ended at 100 s: 1400000100 = 0x53724E64, fraction 0.
            Assert.AreEqual("0D644E725300", DownFOpts(bench));
        }

        [TestMethod]
        public void Enabled_FirstUplinkGetsDevStatusReq_RightAnswerCounted()
        {
            NetworkBench bench = Bench(true);
            Send(bench, 0, "", 12);
            Assert.AreEqual("06", DownFOpts(bench), "DevStatusReq at the first opportunity");
            Send(bench, 1, "06FF05", 12);
            Assert.AreEqual(1, bench.Server.MacCounters.AnswersCorrect);
            NetworkMacState m = bench.Server.GetMacState(DevEui);
            Assert.AreEqual(255, m.LastBattery);
            Assert.AreEqual(5, m.LastMarginDb);
        }

        [TestMethod]
        public void WrongUnexpectedMissingAndStickyAnswers_AreCounted()
        {
            NetworkBench bench = Bench(true);
            Send(bench, 0, "", 12);
            Send(bench, 1, "06FFC5", 12);          // RadioStatus bits 7..6 are RFU: wrong (DevStatusReq asked again)
            Assert.AreEqual(1, bench.Server.MacCounters.AnswersWrong);
            Send(bench, 2, "0507" + "06FF05", 12); // an RXParamSetupAns nobody asked for, then the right DevStatusAns
            Assert.AreEqual(1, bench.Server.MacCounters.AnswersUnexpected);
            Assert.AreEqual(1, bench.Server.MacCounters.AnswersCorrect);
            bench.Server.RequestRxTiming(DevEui, 3);
            Send(bench, 3, "", 12);
            Assert.AreEqual("0803", DownFOpts(bench), "RXTimingSetupReq, Del 3");
            Send(bench, 4, "", 12);                // no RXTimingSetupAns
            Assert.AreEqual(1, bench.Server.MacCounters.AnswersMissing);
            Assert.AreEqual("0803", DownFOpts(bench), "asked again");
            int downlinks = bench.Transmitter.Count;
            Send(bench, 5, "08", 12);
            Assert.AreEqual(2, bench.Server.MacCounters.AnswersCorrect);
            Assert.AreEqual(3, bench.Server.FindDevice(DevEui).Session.RxDelaySeconds, "the network uses the new RX1 delay from now on");
            Assert.AreEqual(downlinks + 1, bench.Transmitter.Count, "a downlink to stop the sticky answer");
            Assert.AreEqual(T0 + 5 * 60000000UL + 3000000UL, bench.Transmitter.Last.StartUs, "RX1 3 s after the uplink");
            Send(bench, 6, "08", 12);              // repeated although a downlink was sent after it
            Assert.AreEqual(1, bench.Server.MacCounters.StickyRepeats);
            Assert.AreEqual(1, bench.Server.MacCounters.LateStickyRepeats);
            Assert.AreEqual(2, bench.Server.MacCounters.WrongAnswers, "wrong + unexpected");
        }

        [TestMethod]
        public void Adr_After20UplinksAtDr0_AsksForTheFastestRateTheMarginAllows()
        {
            NetworkBench bench = Bench(true);
            Send(bench, 0, "", 12);
            for (uint f = 1; f < 20; f++) Send(bench, f, f == 1 ? "06FF05" : "", 12);
            // Max SNR 7.5 dB at DR0 (needs −20 dB), installation margin 15 dB: 12.5 dB = 4 steps of 3 dB → DR4.
            // LinkADRReq: DR4 TXPower 0 = 0x40, ChMask 0x0007 (the three default channels), ChMaskCntl 0, NbTrans 1.
            Assert.AreEqual("0340070001", DownFOpts(bench));
            Send(bench, 20, "0307", 8);
            Assert.AreEqual(1, bench.Server.GetMacState(DevEui).AdrChanges);
            Assert.AreEqual(0, bench.Server.MacCounters.WrongAnswers);
        }

        [TestMethod]
        public void Adr_Cn470_26A_SendsEveryChMaskBlockOfThePlan()
        {
            var bench = new NetworkBench("CN470-26A", null);
            bench.Server.AddAbpDevice(DevEui, DevAddr, TestHex.Bytes(NwkSKey), TestHex.Bytes(AppSKey), LoRaWanVersion.V1_0_4);
            bench.Server.Mac.Enabled = true;
            bench.Server.Mac.ExtraChannels = false;
            for (uint f = 0; f < 20; f++)
                bench.Send(Up(f, f == 1 ? "06FF05" : ""), 470300000, 11, 125000, T0 + f * 60000000UL);
            // Max SNR 7.5 dB at DR1 (SF11 needs −17.5 dB), margin 15 dB: 10 dB = 3 steps → DR4, TXPower 0 (0x40).
            // CN470 26 MHz has no US915-style ChMaskCntl 7: the mask goes as blocks 0, 1, 2 (all 48 channels on),
            // RP002-1.0.4 CN470 / TTS parseChMask48: "03 40 FFFF 01", "03 40 FFFF 11", "03 40 FFFF 21".
            Assert.AreEqual("0340FFFF010340FFFF110340FFFF21", DownFOpts(bench));
        }

        [TestMethod]
        public void Adr_LinkAdrAnsWithANackIsWrongWhenTheRequestWasValid()
        {
            NetworkBench bench = Bench(true);
            Send(bench, 0, "", 12);
            for (uint f = 1; f < 20; f++) Send(bench, f, f == 1 ? "06FF05" : "", 12);
            Send(bench, 20, "0306", 12);
            Assert.AreEqual(1, bench.Server.MacCounters.AnswersWrong, "a valid LinkADRReq must be fully acknowledged");
            Assert.AreEqual(0, bench.Server.GetMacState(DevEui).AdrChanges, "nothing taken over");
        }

        [TestMethod]
        public void ExtraChannels_NewChannelReqForTheCfListFrequencies()
        {
            NetworkBench bench = Bench(true);
            bench.Server.Mac.ExtraChannels = true;
            Send(bench, 0, "", 7);
            // DevStatusReq, then NewChannelReq ch 3 = 867.1 MHz (0x844F18) and ch 4 = 867.3 MHz (0x8456E8), DR0..5.
            Assert.AreEqual("06" + "0703184F8450" + "0704E8568450", DownFOpts(bench));
            Send(bench, 1, "06FF05" + "0703" + "0703", 7);
            Assert.AreEqual(3, bench.Server.MacCounters.AnswersCorrect);
            Assert.AreEqual(867300000u, bench.Server.FindDevice(DevEui).Session.ChannelPlan.GetFrequency(4));
        }
    }
}
