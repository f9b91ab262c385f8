using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// Class C (LoRaWAN 1.0.4 §15: "The end-device SHALL listen on RXC when it is not (a) transmitting or (b) receiving on
    /// RX1 or (c) receiving on RX2"; RXC uses the RX2 frequency and data rate) on the scripted radio: where RXC opens, what
    /// interrupts it, what a frame in it does to the session, and the class across a reset.
    /// </summary>
    [TestClass]
    public class ClassCTests
    {
        static readonly byte[] Payload = new byte[] { 1, 2, 3 };
        /// <summary>EU868 RX2 defaults (RP002-1.0.4 §2.4.6: 869.525 MHz, DR0 = SF12/125 kHz).</summary>
        const uint Rx2Hz = 869525000;
        const int Rx2Sf = 12;

        static MacTestRig ClassCRig()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            return rig;
        }

        /// <summary>A data downlink for <paramref name="devAddr"/>, FPort 1, payload encrypted with the rig's AppSKey, MIC with its NwkSKey.</summary>
        static byte[] Down(uint devAddr, ushort fcnt, bool confirmed, byte[] payload)
        {
            return Down(devAddr, fcnt, confirmed, payload, new byte[0]);
        }

        static byte[] Down(uint devAddr, ushort fcnt, bool confirmed, byte[] payload, byte[] fopts)
        {
            var f = new DataFrame();
            f.MType = confirmed ? MType.ConfirmedDataDown : MType.UnconfirmedDataDown;
            f.DevAddr = devAddr;
            f.FCnt = fcnt;
            f.FPort = 1;
            var buffer = new byte[64];
            f.Write(buffer, 0, fopts, 0, fopts.Length, payload, 0, payload.Length);
            if (payload.Length > 0)
                new PayloadCipher().EncryptFrmPayload(MacTestRig.Bytes(MacTestRig.AppSKey), 0, FrameDirection.Downlink, devAddr, fcnt, buffer, f.FrmPayloadOffset, payload.Length);
            new DataMic().Compute10(MacTestRig.Bytes(MacTestRig.NwkSKey), 0, FrameDirection.Downlink, devAddr, fcnt, buffer, 0, f.MicInputLength, buffer, f.MicOffset);
            var frame = new byte[f.Length];
            System.Array.Copy(buffer, frame, f.Length);
            return frame;
        }

        static byte[] Down(ushort fcnt, bool confirmed, byte[] payload)
        {
            return Down(0x49BE7DF1, fcnt, confirmed, payload);
        }

        static ulong At(TimeRecord list, int i) { return list[i]; }

        [TestMethod]
        public void SetDeviceClassC_OpensRxcAtOnce_OnTheRx2FrequencyAndDataRate()
        {
            MacTestRig rig = ClassCRig();
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Device.DeviceClass);
            Assert.AreEqual(1, rig.Radio.RxContinuousOpenedAt.Count, "RXC opened in Idle");
            Assert.IsTrue(rig.Radio.InContinuousRx);
            Assert.AreEqual(Rx2Hz, (uint)rig.Radio.RxContinuousFrequency[0]);
            Assert.AreEqual(Rx2Sf, (int)rig.Radio.RxContinuousSf[0]);
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State);
        }

        [TestMethod]
        public void Rx2AtAnFskRate_NoRxc_TheDeviceReceivesInRx1AndRx2Only()
        {
            // RXC is LoRa only (the driver's RXCONTINUOUS; its FSK receiver takes one FIFO load per window): with RX2 set
            // to EU868 DR7 (GFSK) the Class C device does not open RXC at an FSK rate and nothing fails.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Mac.Session.Rx2DataRate = 7;
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Device.DeviceClass);
            Assert.AreEqual(0, rig.Radio.RxContinuousOpenedAt.Count, "no RXC at DR7");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.InternalErrors, rig.Device.Diagnostics.LastError);
            rig.Mac.Session.Rx2DataRate = 0;
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(1, rig.Radio.RxContinuousOpenedAt.Count, "RX2 at a LoRa rate again: RXC opens at the next input");
            Assert.AreEqual(Rx2Sf, (int)rig.Radio.RxContinuousSf[0], "at DR0");
        }

        [TestMethod]
        public void Rxc_OpensAfterTxDone_BetweenRx1AndRx2_AndAfterRx2_WhichKeepTheirPlace()
        {
            MacTestRig rig = ClassCRig();
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, Payload, 0, Payload.Length, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 5000000);
            Assert.AreEqual(1, rig.Radio.Sent.Count);
            Assert.AreEqual(2, rig.Radio.RxOpenedAt.Count, "RX1 and RX2 still open as in Class A");
            ulong txDone = At(rig.Radio.TxDoneAt, 0);
            ulong rx1 = At(rig.Radio.RxOpenedAt, 0);
            ulong rx2 = At(rig.Radio.RxOpenedAt, 1);
            // RX1 on the uplink's channel at SF7, RX2 on 869.525 MHz: RECEIVE_DELAY1/2 after TxDone, as in Class A.
            Assert.AreEqual(7, (int)rig.Radio.RxSf[0]);
            Assert.IsTrue(rx1 > txDone + 900000 && rx1 < txDone + 1000000, "RX1 at RECEIVE_DELAY1");
            Assert.IsTrue(rx2 > txDone + 1800000 && rx2 < txDone + 2100000, "RX2 at RECEIVE_DELAY2 (moved by the SF12 window offset): " + (rx2 - txDone).ToString());
            // RXC: before the uplink, after TxDone (before RX1), after RX1 (before RX2), after RX2.
            Assert.AreEqual(4, rig.Radio.RxContinuousOpenedAt.Count);
            ulong c1 = At(rig.Radio.RxContinuousOpenedAt, 1);
            ulong c2 = At(rig.Radio.RxContinuousOpenedAt, 2);
            ulong c3 = At(rig.Radio.RxContinuousOpenedAt, 3);
            Assert.IsTrue(c1 >= txDone && c1 < rx1, "a short RXC between the end of the uplink and RX1");
            Assert.IsTrue(c2 > rx1 && c2 < rx2, "RXC between RX1 and RX2");
            Assert.IsTrue(c3 > rx2, "RXC after RX2, until the next uplink");
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(Rx2Hz, (uint)rig.Radio.RxContinuousFrequency[i], "RXC " + i.ToString() + " frequency");
                Assert.AreEqual(Rx2Sf, (int)rig.Radio.RxContinuousSf[i], "RXC " + i.ToString() + " SF");
            }
            Assert.IsTrue(rig.Radio.InContinuousRx);
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State);
        }

        [TestMethod]
        public void DownlinkInRx1_TakesPrecedence_NoRx2_ThenRxcReopens()
        {
            MacTestRig rig = ClassCRig();
            rig.Radio.DeliverInWindow(0, Down(1, false, new byte[] { 0xA1 }));
            rig.Device.BeginSend(1, Payload, 0, Payload.Length, false);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 5000000);
            Assert.AreEqual(1, rig.Radio.RxOpenedAt.Count, "a downlink in RX1: no RX2 (§3.3)");
            Assert.AreEqual(1, rig.Downlinks.Count);
            Assert.AreEqual(3, rig.Radio.RxContinuousOpenedAt.Count, "before the uplink, between TxDone and RX1, after RX1's frame");
            Assert.IsTrue(At(rig.Radio.RxContinuousOpenedAt, 2) > At(rig.Radio.RxOpenedAt, 0));
            Assert.IsTrue(rig.Radio.InContinuousRx);
        }

        [TestMethod]
        public void Rxc_IsInterruptedByATransmission_AndResumedAfterTheWindows()
        {
            MacTestRig rig = ClassCRig();
            var received = new System.Collections.ArrayList();
            rig.Device.OnDownlink += (s, d) => received.Add(d.Window);
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Device.BeginSend(1, Payload, 0, Payload.Length, false);
            rig.Radio.ScheduleContinuousFrame(t0 + 20000, Down(1, false, new byte[] { 1 }));     // ends while the uplink is on air
            rig.Radio.ScheduleContinuousFrame(t0 + 6000000, Down(2, false, new byte[] { 2 }));   // ends in RXC after RX2
            rig.Runner.RunUntil(t0 + 8000000);
            Assert.IsTrue(At(rig.Radio.SentAt, 0) < t0 + 20000 && At(rig.Radio.TxDoneAt, 0) > t0 + 20000, "the first frame ended during the uplink");
            Assert.AreEqual(1, rig.Radio.ContinuousFramesMissed, "the transmission ended RXC: the frame on air then is lost");
            Assert.AreEqual(1, rig.Radio.ContinuousFramesReceived, "RXC resumed");
            Assert.AreEqual(1, received.Count);
            Assert.AreEqual(Downlink.Rxc, (int)received[0]);
            Assert.AreEqual(2, (int)(byte)((byte[])rig.Downlinks[0])[0]);
            Assert.AreEqual(1, rig.Mac.Counters.RxcFrames);
            Assert.AreEqual(2u, rig.Mac.Session.FCntDown);
        }

        [TestMethod]
        public void RxcFrame_DuringTheWaitForRx1_IsDelivered_AndRx1Rx2StillOpen()
        {
            MacTestRig rig = ClassCRig();
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Device.BeginSend(1, Payload, 0, Payload.Length, false);
            rig.Runner.RunUntil(t0 + 100000);
            Assert.AreEqual((int)MacState.WaitingRx1, (int)rig.Mac.State);
            rig.Radio.ScheduleContinuousFrame(t0 + 300000, Down(1, false, new byte[] { 7 }));
            rig.Runner.RunUntil(t0 + 5000000);
            Assert.AreEqual(1, rig.Downlinks.Count);
            Assert.AreEqual(2, rig.Radio.RxOpenedAt.Count, "RX1 and RX2 keep their place in the cycle");
            Assert.AreEqual(1, rig.Mac.LastResult.Transmissions);
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State);
        }

        [TestMethod]
        public void ConfirmedRxcDownlink_IsAcknowledgedByAnEmptyUplink_AfterClassCAckUplinkDelay()
        {
            MacTestRig rig = ClassCRig();
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Radio.ScheduleContinuousFrame(t0 + 100000, Down(1, true, new byte[] { 9 }));
            rig.Runner.RunUntil(t0 + 3000000);
            Assert.AreEqual(1, rig.Downlinks.Count);
            Assert.AreEqual(0, rig.Radio.Sent.Count, "the application has ClassCAckUplinkDelayMs (4 s) to answer first");
            rig.Runner.RunUntil(t0 + 10000000);
            Assert.AreEqual(1, rig.Radio.Sent.Count, "an empty uplink within CLASS_C_RESP_TIMEOUT (8 s)");
            ulong sentAt = At(rig.Radio.SentAt, 0);
            Assert.IsTrue(sentAt >= t0 + 4100000 && sentAt < t0 + 4200000, "4 s after the downlink: " + sentAt.ToString());
            var f = new DataFrame();
            byte[] up = rig.Radio.LastSent;
            Assert.AreEqual(FrameResult.Ok, f.Read(up, 0, up.Length, 0));
            Assert.IsTrue(f.Ack, "ACK set");
            Assert.AreEqual(MType.UnconfirmedDataUp, f.MType);
            Assert.AreEqual(DataFrame.NoPort, f.FPort);
            Assert.IsTrue(rig.Radio.InContinuousRx, "back in RXC after the empty uplink's windows");
        }

        [TestMethod]
        public void ConfirmedRxcDownlink_IsAcknowledgedByTheApplicationsUplink_WhenItComesFirst()
        {
            MacTestRig rig = ClassCRig();
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Radio.ScheduleContinuousFrame(t0 + 100000, Down(1, true, new byte[] { 9 }));
            rig.Runner.RunUntil(t0 + 1000000);
            rig.Device.BeginSend(1, Payload, 0, Payload.Length, false);
            rig.Runner.RunUntil(t0 + 20000000);
            Assert.AreEqual(1, rig.Radio.Sent.Count, "no empty uplink after the application's");
            var f = new DataFrame();
            byte[] up = rig.Radio.LastSent;
            f.Read(up, 0, up.Length, 0);
            Assert.IsTrue(f.Ack);
            Assert.AreEqual(1, f.FPort);
        }

        [TestMethod]
        public void ForeignAndBadMicFrames_InRxc_AreCounted_AndLeaveTheSessionAndRxcUntouched()
        {
            MacTestRig rig = ClassCRig();
            ulong t0 = rig.Scheduler.NowMicroseconds;
            int writes = rig.Flash.Writes;
            byte[] badMic = Down(5, true, new byte[] { 1 });
            badMic[badMic.Length - 1] ^= 0x01;
            rig.Radio.ScheduleContinuousFrame(t0 + 100000, Down(0x26011234, 5, true, new byte[] { 1 }));
            rig.Radio.ScheduleContinuousFrame(t0 + 200000, badMic);
            rig.Runner.RunUntil(t0 + 60000000);
            Assert.AreEqual(2, rig.Radio.ContinuousFramesReceived);
            Assert.AreEqual(1, rig.Mac.Counters.ForeignFrames);
            Assert.AreEqual(1, rig.Mac.Counters.MicFailures);
            Assert.AreEqual(0, rig.Downlinks.Count);
            Assert.IsFalse(rig.Mac.Session.HasFCntDown, "FCntDown untouched");
            Assert.AreEqual(writes, rig.Flash.Writes, "nothing persisted");
            Assert.AreEqual(0, rig.Radio.Sent.Count, "no ACK owed: nothing sent");
            Assert.AreEqual(1, rig.Radio.RxContinuousOpenedAt.Count, "RXC never restarted: the radio kept listening");
            Assert.IsTrue(rig.Radio.InContinuousRx);
            // RXC still works: the next valid frame is delivered.
            rig.Radio.ScheduleContinuousFrame(t0 + 61000000, Down(6, false, new byte[] { 3 }));
            rig.Runner.RunUntil(t0 + 62000000);
            Assert.AreEqual(1, rig.Downlinks.Count);
            Assert.AreEqual(6u, rig.Mac.Session.FCntDown);
        }

        [TestMethod]
        public void RxcCrcError_IsCounted_AndRxcKeepsListening()
        {
            MacTestRig rig = ClassCRig();
            rig.Mac.OnRadioEvent(LoRaWan.Radio.RadioEvent.RxCrcError, rig.Scheduler.NowMicroseconds);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(1, rig.Mac.Counters.CrcErrors);
            Assert.AreEqual(0, rig.Mac.Counters.UnexpectedRadioEvents);
            Assert.AreEqual(1, rig.Radio.RxContinuousOpenedAt.Count);
            Assert.IsTrue(rig.Radio.InContinuousRx);
        }

        [TestMethod]
        public void RxcThatWouldNotStart_IsRetriedASecondLater_NotAtOnce()
        {
            MacTestRig rig = ClassCRig();
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Mac.OnRadioEvent(LoRaWan.Radio.RadioEvent.RxTimeout, t0);
            rig.Runner.RunUntil(t0 + 500000);
            Assert.AreEqual(1, rig.Mac.Counters.RxcStartFailures);
            Assert.AreEqual(1, rig.Radio.RxContinuousOpenedAt.Count, "not retried at once");
            rig.Runner.RunUntil(t0 + 1500000);
            Assert.AreEqual(2, rig.Radio.RxContinuousOpenedAt.Count, "retried after a second");
        }

        [TestMethod]
        public void ClassSwitchedAtRunTime_IsRestoredAfterAReset_AndBackToClassA()
        {
            MacTestRig rig = ClassCRig();
            // Reset: a new MAC over the same flash restores Class C and listens again without being told.
            var after = new MacTestRig(MacTestRig.Dr5NoAdr(), rig.Flash, new VirtualScheduler());
            Assert.AreEqual((int)DeviceClass.C, (int)after.Device.DeviceClass);
            after.Runner.RunUntil(after.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(1, after.Radio.RxContinuousOpenedAt.Count, "RXC open after the reset");
            Assert.IsTrue(after.Radio.InContinuousRx);
            // Back to Class A at run time: RXC stops, and stays stopped after the next reset.
            after.Device.SetDeviceClass(DeviceClass.A);
            after.Runner.RunUntil(after.Scheduler.NowMicroseconds + 1000);
            Assert.IsFalse(after.Radio.InContinuousRx);
            Assert.AreEqual(1, after.Radio.Sleeps);
            after.Device.BeginSend(1, Payload, 0, Payload.Length, false);
            after.Runner.RunUntil(after.Scheduler.NowMicroseconds + 5000000);
            Assert.AreEqual(1, after.Radio.RxContinuousOpenedAt.Count, "Class A: no RXC around the uplink");
            var again = new MacTestRig(MacTestRig.Dr5NoAdr(), rig.Flash, new VirtualScheduler());
            Assert.AreEqual((int)DeviceClass.A, (int)again.Device.DeviceClass);
            again.Runner.RunUntil(again.Scheduler.NowMicroseconds + 1000);
            Assert.AreEqual(0, again.Radio.RxContinuousOpenedAt.Count);
        }

        [TestMethod]
        public void ClassA_NeverOpensRxc_AndFramesAroundTheWindowsAreIgnored()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Device.BeginSend(1, Payload, 0, Payload.Length, false);
            rig.Runner.RunUntil(t0 + 5000000);
            Assert.AreEqual(0, rig.Radio.RxContinuousOpenedAt.Count);
            Assert.AreEqual((int)DeviceClass.A, (int)rig.Device.DeviceClass);
        }

        [TestMethod]
        public void SetDeviceClass_RefusesClassB()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Device.SetDeviceClass((DeviceClass)1));
            Assert.AreEqual((int)DeviceClass.A, (int)rig.Device.DeviceClass);
        }

        [TestMethod]
        public void MacCommandInRxc_IsApplied_RxcMovesToTheNewRx2Frequency_AndTheAnswerGoesUp()
        {
            MacTestRig rig = ClassCRig();
            ulong t0 = rig.Scheduler.NowMicroseconds;
            // RXParamSetupReq (LoRaWAN 1.0.4 §5.4, CID 0x05): DLSettings RX1DROffset 0, RX2 DR3; Frequency 869.100 MHz
            // (8691000 × 100 Hz = 0x849D38, little-endian).
            byte[] req = { 0x05, 0x03, 0x38, 0x9D, 0x84 };
            rig.Radio.ScheduleContinuousFrame(t0 + 100000, Down(0x49BE7DF1, 1, false, new byte[0], req));
            rig.Runner.RunUntil(t0 + 1000000);
            Assert.AreEqual(869100000u, rig.Mac.Session.Rx2FrequencyHz, "RX2 frequency applied");
            Assert.AreEqual(3, rig.Mac.Session.Rx2DataRate, "RX2 DR applied");
            Assert.AreEqual(2, rig.Radio.RxContinuousOpenedAt.Count, "RXC reopened on the new parameters");
            Assert.AreEqual(869100000u, (uint)rig.Radio.RxContinuousFrequency[1]);
            Assert.AreEqual(9, (int)rig.Radio.RxContinuousSf[1], "DR3 = SF9");
            // The answer (sticky RXParamSetupAns, 0x05 + status 0x07) goes up in an empty uplink after EmptyAckUplinkDelayMs.
            rig.Runner.RunUntil(t0 + 40000000);
            Assert.AreEqual(1, rig.Radio.Sent.Count);
            var f = new DataFrame();
            byte[] up = rig.Radio.LastSent;
            f.Read(up, 0, up.Length, 0);
            Assert.AreEqual(2, f.FOptsLength);
            Assert.AreEqual(0x05, (int)up[8]);
            Assert.AreEqual(0x07, (int)up[9]);
        }

        /// <summary>A radio whose ReadPacket throws once (a broken SPI read), otherwise the scripted radio.</summary>
        sealed class ReadFailsOnce : LoRaWan.Radio.IRadio
        {
            readonly ScriptedRadio _r;
            public bool Armed = true;
            public ReadFailsOnce(ScriptedRadio r) { _r = r; }
            public void SetEventSink(LoRaWan.Radio.IRadioEventSink sink) { _r.SetEventSink(sink); }
            public void SetPublicNetwork(bool isPublic) { _r.SetPublicNetwork(isPublic); }
            public void Transmit(LoRaWan.Radio.TxConfig config, byte[] buffer, int offset, int length) { _r.Transmit(config, buffer, offset, length); }
            public void TxDeadlinePassed() { _r.TxDeadlinePassed(); }
            public void Receive(LoRaWan.Radio.RxConfig config) { _r.Receive(config); }
            public void ReceiveContinuous(LoRaWan.Radio.RxConfig config) { _r.ReceiveContinuous(config); }
            public void StartContinuousWave(uint frequencyHz, int powerDbm) { _r.StartContinuousWave(frequencyHz, powerDbm); }
            public int ReadPacket(byte[] buffer, int offset, int maxLength, LoRaWan.Radio.RxPacketInfo info)
            {
                if (Armed) { Armed = false; throw new System.IO.IOException("SPI read failed"); }
                return _r.ReadPacket(buffer, offset, maxLength, info);
            }
            public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs) { return _r.IsChannelFree(frequencyHz, bandwidthHz, rssiThresholdDbm, senseTimeUs); }
            public void Sleep() { _r.Sleep(); }
        }

        [TestMethod]
        public void RadioErrorInRxc_IsCounted_AndRxcComesBackASecondLater()
        {
            var scheduler = new VirtualScheduler();
            var scripted = new ScriptedRadio(scheduler);
            var radio = new ReadFailsOnce(scripted);
            var runner = new VirtualMacRunner(scheduler);
            var wiring = new MacWiring();
            wiring.Runner = runner;
            var mac = new ClassAMac(radio, LoRaWan.Regions.Region.Create("EU868"),
                DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey),
                new SimulatedFlash(LoRaWan.Session.StoreSlots.Count, LoRaWan.Session.StoreSlots.SlotSize), scheduler, MacTestRig.Dr5NoAdr(), wiring);
            var device = new LoRaWanDevice(mac);
            int delivered = 0;
            device.OnDownlink += (s, d) => delivered++;
            device.SetDeviceClass(DeviceClass.C);
            runner.RunUntil(scheduler.NowMicroseconds + 1000);
            ulong t0 = scheduler.NowMicroseconds;
            scripted.ScheduleContinuousFrame(t0 + 100000, Down(1, false, new byte[] { 1 }));
            runner.RunUntil(t0 + 500000);
            Assert.AreEqual(1, mac.Counters.InternalErrors, "the IOException is counted");
            Assert.IsFalse(scripted.InContinuousRx, "the radio was put to sleep");
            runner.RunUntil(t0 + 1500000);
            Assert.AreEqual(2, scripted.RxContinuousOpenedAt.Count, "RXC reopened after the error");
            Assert.IsTrue(scripted.InContinuousRx);
            scripted.ScheduleContinuousFrame(t0 + 2000000, Down(2, false, new byte[] { 2 }));
            runner.RunUntil(t0 + 3000000);
            Assert.AreEqual(1, delivered, "the next frame is received");
        }
    }
}
