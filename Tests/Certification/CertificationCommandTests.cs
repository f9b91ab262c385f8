using LoRaWan.Certification;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Certification
{
    /// <summary>
    /// One test per TS009-1.0.0 command, end to end over the simulated air. The request and answer bytes are written out
    /// from TS009 §5's tables and LoRaMac-node's LmhpCompliance.c (package 6 version 1), never produced by this package.
    /// </summary>
    [TestClass]
    public class CertificationCommandTests
    {
        [TestMethod]
        public void PackageVersionReq_IsAnsweredWithPackage6Version1()
        {
            var rig = new CertificationRig();
            byte[] ans = rig.Exchange(new byte[] { 0x00 });
            CollectionAssert.AreEqual(new byte[] { 0x00, 0x06, 0x01 }, ans);
        }

        [TestMethod]
        public void EchoPayloadReq_ReturnsEachOctetPlusOneModulo256()
        {
            var rig = new CertificationRig();
            byte[] ans = rig.Exchange(new byte[] { 0x08, 0x01, 0x7F, 0xFF, 0x00 });
            CollectionAssert.AreEqual(new byte[] { 0x08, 0x02, 0x80, 0x00, 0x01 }, ans);
        }

        [TestMethod]
        public void RxAppCntReq_CountsDownlinksSinceResetLittleEndian()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x0A });                                   // RxAppCntResetReq: counted, then reset to 0
            rig.Exchange(new byte[] { 0x00 });                                   // 1
            rig.Exchange(new byte[] { 0x00 });                                   // 2
            byte[] ans = rig.Exchange(new byte[] { 0x09 });                      // 3, counted before it is answered
            CollectionAssert.AreEqual(new byte[] { 0x09, 0x03, 0x00 }, ans);
        }

        [TestMethod]
        public void RxAppCntResetReq_SetsTheCounterToZero()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x00 });
            rig.Exchange(new byte[] { 0x00 });
            rig.Exchange(new byte[] { 0x0A });
            byte[] ans = rig.Exchange(new byte[] { 0x09 });
            CollectionAssert.AreEqual(new byte[] { 0x09, 0x01, 0x00 }, ans);
        }

        [TestMethod]
        public void DutVersionsReq_ReportsFirmwareLoRaWan104AndRp002()
        {
            var rig = new CertificationRig();
            byte[] ans = rig.Exchange(new byte[] { 0x7F });
            // CID, FwVersion 1.2.3.4 (the rig's), LrwanVersion 1.0.4.0, LrwanRpVersion RP002-1.0.4 as LoRaMac-node writes it (2.1.0.4).
            CollectionAssert.AreEqual(new byte[] { 0x7F, 1, 2, 3, 4, 1, 0, 4, 0, 2, 1, 0, 4 }, ans);
        }

        [TestMethod]
        public void TxFramesCtrlReq_2_MakesTestUplinksConfirmed_1_Unconfirmed()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x07, 0x02 });
            Assert.IsTrue(rig.Exchange(new byte[] { 0x00 }) != null, "answer after FrameType 2");
            Assert.IsTrue(rig.LastPort224().Confirmed, "FrameType 2: confirmed");
            rig.Exchange(new byte[] { 0x07, 0x01 });
            rig.Exchange(new byte[] { 0x00 });
            Assert.IsFalse(rig.LastPort224().Confirmed, "FrameType 1: unconfirmed");
            rig.Exchange(new byte[] { 0x07, 0x00 });
            rig.Exchange(new byte[] { 0x00 });
            Assert.IsFalse(rig.LastPort224().Confirmed, "FrameType 0: no change");
        }

        [TestMethod]
        public void AdrBitChangeReq_ClearsAndSetsTheAdrBitOfUplinks()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x04, 0x00 });
            rig.Exchange(new byte[] { 0x00 });
            Assert.IsFalse(rig.LastPort224().Adr, "ADR bit after AdrBitChangeReq 0");
            rig.Exchange(new byte[] { 0x04, 0x01 });
            rig.Exchange(new byte[] { 0x00 });
            Assert.IsTrue(rig.LastPort224().Adr, "ADR bit after AdrBitChangeReq 1");
        }

        [TestMethod]
        public void RegionalDutyCycleCtrlReq_TurnsTheSubBandLimitsOffAndOn()
        {
            var rig = new CertificationRig();
            Assert.IsTrue(rig.Mac.DutyCycle.Enabled, "EU868 enforces its sub-band limits by default");
            rig.Exchange(new byte[] { 0x05, 0x00 });
            Assert.IsFalse(rig.Mac.DutyCycle.Enabled, "off");
            rig.Exchange(new byte[] { 0x05, 0x01 });
            Assert.IsTrue(rig.Mac.DutyCycle.Enabled, "on");
        }

        [TestMethod]
        public void TxPeriodicityChangeReq_2_SpacesTestUplinks10s()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x06, 0x02 });   // index 2 = 10 s (TS009 §5.7)
            Assert.AreEqual(10000, rig.Package.PeriodMs);
            int before = rig.UplinkCount;
            rig.Run(60000);
            int sent = rig.UplinkCount - before;
            Assert.IsTrue(sent >= 5 && sent <= 7, "about 6 uplinks in 60 s at 10 s, got " + sent.ToString());
        }

        [TestMethod]
        public void LinkCheckReq_SendsTheLinkCheckReqMacCommand()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x20 });
            Assert.IsTrue(HasFOptsCid(rig, 0x02), "an uplink with LinkCheckReq (CID 0x02) in FOpts");
        }

        [TestMethod]
        public void DeviceTimeReq_SendsTheDeviceTimeReqMacCommand()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x21 });
            Assert.IsTrue(HasFOptsCid(rig, 0x0D), "an uplink with DeviceTimeReq (CID 0x0D) in FOpts");
        }

        [TestMethod]
        public void DutResetReq_CallsTheResetHandler()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x01 });
            Assert.AreEqual(1, rig.Resets);
        }

        [TestMethod]
        public void DutJoinReq_OnAnAbpDevice_IsCountedAsUnsupported()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x02 });
            Assert.AreEqual(1, rig.Package.UnsupportedCommands);
            Assert.IsTrue(rig.Mac.IsJoined, "the ABP session stays");
        }

        [TestMethod]
        public void DutFPort224DisableReq_EndsTestModeAndClosesThePort()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x7E });
            Assert.IsFalse(rig.Package.TestMode, "test mode ends");
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.ApplicationUplink().Status, "application traffic resumes");
            rig.Downlink(new byte[] { 0x00 });
            rig.ApplicationUplink();
            rig.Run(20000);
            Assert.IsTrue(rig.LastPort224() == null || rig.LastPort224().PayloadLength == 0, "PackageVersionReq no longer answered");
        }

        [TestMethod]
        public void TestMode_SuspendsApplicationUplinksAndSendsPeriodicOnes()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x00 });
            Assert.IsTrue(rig.Package.TestMode, "test mode after the first command");
            Assert.AreEqual((int)SendStatus.Busy, (int)rig.Mac.StartSend(1, new byte[] { 1 }, 0, 1, false).Status, "application suspended");
            int before = rig.UplinkCount;
            rig.Run(30000);
            int sent = rig.UplinkCount - before;
            Assert.IsTrue(sent >= 4 && sent <= 7, "about 6 uplinks in 30 s at the default 5 s, got " + sent.ToString());
        }

        [TestMethod]
        public void UnsupportedCommands_AreIgnoredAndCounted()
        {
            var rig = new CertificationRig();
            Assert.IsTrue(rig.Exchange(new byte[] { 0x03, 0x01 }) == null, "SwitchClassReq to B (no Class B here): no answer");
            Assert.IsTrue(rig.Exchange(new byte[] { 0x22, 0x00 }) == null, "PingSlotInfoReq (no Class B here): no answer");
            Assert.AreEqual(2, rig.Package.UnsupportedCommands);
        }

        [TestMethod]
        public void TxCwReq_SendsTheCarrierThroughTheDriver_ForItsTimeout_ThenTestUplinksResume()
        {
            // TS009 §5.14's example: Timeout 0x0008 = 8 s, Frequency 0x83B2D8 = 8 631 000 × 100 Hz = 863.1 MHz, TxPower 14 dBm.
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x00 });   // test mode
            int carriers = rig.World.Air.CarrierCount;
            var starts = new FrameStarts();
            rig.World.Air.AddMonitor(starts);
            rig.Downlink(new byte[] { 0x7D, 0x08, 0x00, 0xD8, 0xB2, 0x83, 0x0E });
            Assert.IsTrue(rig.RunUntilNextUplink(30000), "a test uplink carries the command's window");
            for (int t = 0; t < 10000 && rig.World.Air.CarrierCount == carriers; t += 100) rig.Run(100);
            Assert.AreEqual(carriers + 1, rig.World.Air.CarrierCount, "one carrier on the air");
            AirCarrier c = rig.World.Air.GetCarrier(0);
            Assert.IsTrue(c.On, "the carrier is on");
            Assert.IsTrue(rig.Mac.IsSendingContinuousWave, "the MAC is in its continuous-wave state");
            Assert.AreEqual(863100000u, c.FrequencyHz, "Frequency × 100 Hz");
            Assert.AreEqual(14, c.PowerDbm, "TxPower in dBm, at the radio");
            Assert.AreEqual(0, rig.World.Board.Chip.ModulatedCarriers, "unmodulated: RegFdev 0");
            Assert.AreEqual((int)SendStatus.Busy, (int)rig.Mac.StartSend(224, new byte[] { 1 }, 0, 1, false).Status, "a Send during the carrier is refused");
            for (int t = 0; t < 10000 && c.On; t += 100) rig.Run(100);
            Assert.IsFalse(c.On, "the carrier ended");
            Assert.AreEqual(8000000UL, c.EndUs - c.StartUs, "for Timeout = 8 s, on the MAC's alarm");
            Assert.AreEqual(0, starts.Between(c.StartUs, c.EndUs), "no frame during the carrier");
            Assert.IsFalse(rig.Mac.IsSendingContinuousWave, "the MAC left the continuous-wave state");
            Assert.IsTrue(rig.RunUntilNextUplink(15000), "test uplinks resume after the carrier");
            Assert.AreEqual(0, rig.Package.UnsupportedCommands);
        }

        [TestMethod]
        public void TxCwReq_OutsideTheRegionsBand_OrWrongLength_IsCountedAsUnsupported()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x00 });
            // 433.175 MHz (4 331 750 × 100 Hz = 0x4218E6): outside EU868's 863..870 MHz; then a frame one octet short.
            rig.Exchange(new byte[] { 0x7D, 0x02, 0x00, 0xE6, 0x18, 0x42, 0x0E });
            rig.Exchange(new byte[] { 0x7D, 0x02, 0x00, 0xD8, 0xB2, 0x83 });
            Assert.AreEqual(2, rig.Package.UnsupportedCommands);
            Assert.AreEqual(0, rig.World.Air.CarrierCount, "no carrier");
        }

        /// <summary>
        /// A rig in test mode with 60 s between test uplinks (TxPeriodicityChangeReq 06 07), switched to Class C by
        /// SwitchClassReq 03 02 (TS009 §5.4: Class 0 = A, 1 = B, 2 = C, as LoRaMac-node's LmhpCompliance reads it), with the
        /// network told the device is Class C; returns after the first uplink that followed the switch.
        /// </summary>
        static CertificationRig ClassCRig()
        {
            var rig = new CertificationRig();
            rig.Exchange(new byte[] { 0x06, 0x07 });
            rig.Downlink(new byte[] { 0x03, 0x02 });
            Assert.IsTrue(rig.RunUntilNextUplink(70000), "a test uplink carries the SwitchClassReq's window");
            rig.Run(5000);
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Device.DeviceClass, "SwitchClassReq 2: Class C");
            rig.World.Network.SetClassC(rig.NetworkDevice, true);
            return rig;
        }

        /// <summary>Queues an echo 5 s after a test uplink (its RX1 and RX2 are over, the next one is 55 s away) and returns the answer that came within 10 s.</summary>
        static byte[] EchoBetweenUplinks(CertificationRig rig, byte value)
        {
            Assert.IsTrue(rig.RunUntilNextUplink(70000), "a test uplink");
            rig.Run(5000);
            int from = rig.UplinkCount;
            rig.Downlink(new byte[] { 0x08, value });
            rig.Run(10000);
            return rig.AnswerSince(from);
        }

        [TestMethod]
        public void SwitchClassReq_2_ClassC_ADownlinkBetweenUplinksArrivesInRxc()
        {
            CertificationRig rig = ClassCRig();
            Assert.AreEqual(0, rig.Package.UnsupportedCommands);
            byte[] ans = EchoBetweenUplinks(rig, 0x41);
            DownlinkLog downs = rig.World.Network.Downlinks;
            Assert.AreEqual((int)RxWindow.RxC, (int)downs[downs.Count - 1].Window, "the network sent it in RXC");
            CollectionAssert.AreEqual(new byte[] { 0x08, 0x42 }, ans, "echo answered at once, 50 s before the next test uplink");
            Assert.IsTrue(rig.Device.Diagnostics.Counters.RxcFrames >= 1, "received in RXC");
        }

        [TestMethod]
        public void SwitchClassReq_0_BackToClassA_ADownlinkBetweenUplinksIsNotReceived()
        {
            CertificationRig rig = ClassCRig();
            rig.Downlink(new byte[] { 0x03, 0x00 });   // in RXC: the network still has the device as Class C
            rig.Run(5000);
            Assert.AreEqual((int)DeviceClass.A, (int)rig.Device.DeviceClass, "SwitchClassReq 0: Class A");
            int rxc = rig.Device.Diagnostics.Counters.RxcFrames;
            byte[] ans = EchoBetweenUplinks(rig, 0x41);
            DownlinkLog downs = rig.World.Network.Downlinks;
            Assert.AreEqual((int)RxWindow.RxC, (int)downs[downs.Count - 1].Window, "the network sent it in RXC");
            Assert.IsTrue(ans == null, "a Class A device does not listen between its windows");
            Assert.AreEqual(rxc, rig.Device.Diagnostics.Counters.RxcFrames);
            Assert.AreEqual(0, rig.Package.UnsupportedCommands);
        }

        [TestMethod]
        public void AnswerLargerThanTheDataRate_WaitsAndTheUplinkGoesOutEmpty()
        {
            // US915 DR0 carries N = 11 octets (RP002-1.0.4 US915 maximum payload table); DutVersionsAns is 13.
            var rig = new CertificationRig(true, "US915", 0);
            rig.Exchange(new byte[] { 0x00 });
            rig.Downlink(new byte[] { 0x7F });
            int before = rig.UplinkCount;
            rig.Run(30000);
            Assert.IsTrue(rig.UplinkCount > before, "uplinks go on");
            Assert.AreEqual(0, rig.LastPort224().PayloadLength, "no oversized answer on air");
            rig.Mac.Session.DataRate = 3;   // N = 242
            rig.Run(20000);
            bool answered = false;
            UplinkLog log = rig.World.Network.Uplinks;
            for (int k = before; k < log.Count; k++)
                if (log[k].FPort == 224 && log[k].PayloadLength == 13) answered = log[k].DataRate == 3;
            Assert.IsTrue(answered, "the 13-octet answer at DR3, once the data rate carries it");
        }

        [TestMethod]
        public void WithoutPackage_Port224IsNeitherDeliveredNorSendable()
        {
            var rig = new CertificationRig(false);
            int delivered = 0;
            rig.Device.OnDownlink += (LoRaWanDevice s, Downlink d) => { delivered++; };
            rig.Downlink(new byte[] { 0x00 });
            rig.ApplicationUplink();
            rig.World.Sleep(5000);
            Assert.AreEqual(0, delivered);
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Mac.StartSend(224, new byte[] { 0 }, 0, 1, false).Status);
        }

        [TestMethod]
        public void WithPackage_Port224IsNotDeliveredToTheApplication()
        {
            var rig = new CertificationRig();
            int delivered = 0;
            rig.Device.OnDownlink += (LoRaWanDevice s, Downlink d) => { delivered++; };
            rig.Exchange(new byte[] { 0x00 });
            Assert.AreEqual(0, delivered);
            Assert.AreEqual(1, rig.Package.CommandsHandled);
        }

        static bool HasFOptsCid(CertificationRig rig, byte cid)
        {
            UplinkLog log = rig.World.Network.Uplinks;
            for (int i = 0; i < log.Count; i++)
                if (log[i].FOptsLength > 0 && log[i].FOpts[0] == cid) return true;
            return false;
        }

        /// <summary>Start times of the frames on the air.</summary>
        sealed class FrameStarts : IAirMonitor
        {
            readonly System.Collections.ArrayList _starts = new System.Collections.ArrayList();
            public void OnTransmission(AirFrame frame) { _starts.Add(frame.StartUs); }
            public int Between(ulong fromUs, ulong untilUs)
            {
                int n = 0;
                foreach (object o in _starts) if ((ulong)o >= fromUs && (ulong)o < untilUs) n++;
                return n;
            }
        }
    }
}
