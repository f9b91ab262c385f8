using LoRaWan.Mac;
using LoRaWan.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The MAC's continuous-wave state (TS009-1.0.0 §5.14 TxCwReq: Timeout in s, Frequency, TxPower in dBm): the carrier
    /// starts on the radio with the asked frequency and power, ends on the MAC's alarm after the Timeout with the radio
    /// asleep, requests meanwhile are refused (Busy, as LoRaMac-node's MAC refuses them while not idle) and the MAC is
    /// usable afterwards; bad arguments are refused at once.
    /// </summary>
    [TestClass]
    public class ContinuousWaveTests
    {
        [TestMethod]
        public void Carrier_StartsWithItsParameters_EndsOnTheAlarmAfterTimeout_RadioAsleep()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ulong t0 = rig.Scheduler.NowMicroseconds;
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Mac.StartContinuousWave(868300000, 14, 3));
            rig.Runner.RunUntil(t0 + 1000);
            Assert.AreEqual(1, rig.Radio.ContinuousWaveAt.Count, "the carrier started");
            Assert.AreEqual(868300000u, (uint)rig.Radio.ContinuousWaveFrequency[0]);
            Assert.AreEqual(14, (int)rig.Radio.ContinuousWavePower[0], "TxPower given to the radio as it came (dBm)");
            Assert.AreEqual((int)MacState.ContinuousWave, (int)rig.Mac.State);
            Assert.IsTrue(rig.Mac.IsBusy, "busy while the carrier is on");

            rig.Runner.RunUntil(t0 + 2999000);
            Assert.IsTrue(rig.Radio.InContinuousWave, "still on 1 ms before its Timeout");
            rig.Runner.RunUntil(t0 + 3001000);
            Assert.IsFalse(rig.Radio.InContinuousWave, "ended");
            Assert.AreEqual(1, rig.Radio.ContinuousWaveEndedAt.Count, "ended by Sleep");
            Assert.AreEqual(3000000UL, (ulong)rig.Radio.ContinuousWaveEndedAt[0] - (ulong)rig.Radio.ContinuousWaveAt[0], "Timeout 3 s");
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State);
            Assert.IsFalse(rig.Mac.IsBusy);
            Assert.AreEqual(0, rig.Radio.Sent.Count, "no frame");
        }

        [TestMethod]
        public void SendDuringTheCarrier_IsRefusedBusy_AndWorksAfterIt()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Mac.StartContinuousWave(868300000, 14, 5);
            rig.Runner.RunUntil(t0 + 100000);
            Assert.AreEqual((int)SendStatus.Busy, (int)rig.Mac.StartSend(1, new byte[] { 1 }, 0, 1, false).Status, "refused, clearly");
            Assert.AreEqual((int)SendStatus.Busy, (int)rig.Mac.StartContinuousWave(868300000, 14, 5), "a second carrier too");
            rig.Runner.RunUntil(t0 + 5100000);
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, "the MAC is usable after the carrier");
            Assert.AreEqual(1, rig.Radio.Sent.Count);
        }

        [TestMethod]
        public void RadioThatCannotStartIt_TxTimeout_EndsTheStateAtOnce()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            ulong t0 = rig.Scheduler.NowMicroseconds;
            rig.Radio.FailNextContinuousWave = true;
            rig.Mac.StartContinuousWave(868300000, 14, 60);
            rig.Runner.RunUntil(t0 + 100000);
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State, "not 60 s in a state whose carrier never started");
            Assert.AreEqual(1, rig.Mac.Counters.TxTimeouts, "counted");
            Assert.IsFalse(rig.Mac.IsBusy);
        }

        /// <summary>A scripted radio whose StartContinuousWave throws (a broken SPI bus).</summary>
        sealed class CarrierThrows : IRadio
        {
            readonly ScriptedRadio _r;
            public CarrierThrows(ScriptedRadio r) { _r = r; }
            public void SetEventSink(IRadioEventSink sink) { _r.SetEventSink(sink); }
            public void SetPublicNetwork(bool isPublic) { _r.SetPublicNetwork(isPublic); }
            public void Transmit(TxConfig config, byte[] buffer, int offset, int length) { _r.Transmit(config, buffer, offset, length); }
            public void TxDeadlinePassed() { _r.TxDeadlinePassed(); }
            public void Receive(RxConfig config) { _r.Receive(config); }
            public void ReceiveContinuous(RxConfig config) { _r.ReceiveContinuous(config); }
            public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info) { return _r.ReadPacket(buffer, offset, maxLength, info); }
            public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs) { return _r.IsChannelFree(frequencyHz, bandwidthHz, rssiThresholdDbm, senseTimeUs); }
            public void StartContinuousWave(uint frequencyHz, int powerDbm) { throw new System.IO.IOException("SPI write failed"); }
            public void Sleep() { _r.Sleep(); }
        }

        [TestMethod]
        public void RadioThatThrows_TheMacGoesBackToIdle_NotBusyForEver()
        {
            var scheduler = new LoRaWan.Simulation.VirtualScheduler();
            var scripted = new ScriptedRadio(scheduler);
            var runner = new LoRaWan.Simulation.VirtualMacRunner(scheduler);
            var wiring = new MacWiring();
            wiring.Runner = runner;
            var mac = new ClassAMac(new CarrierThrows(scripted), LoRaWan.Regions.Region.Create("EU868"),
                LoRaWan.DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey),
                new LoRaWan.Simulation.SimulatedFlash(LoRaWan.Session.StoreSlots.Count, LoRaWan.Session.StoreSlots.SlotSize), scheduler, MacTestRig.Dr5NoAdr(), wiring);
            new LoRaWanDevice(mac);   // the runner drives the MAC its device wraps
            Assert.AreEqual((int)SendStatus.Pending, (int)mac.StartContinuousWave(868300000, 14, 60));
            runner.RunUntil(scheduler.NowMicroseconds + 100000);
            Assert.AreEqual((int)MacState.Idle, (int)mac.State);
            Assert.IsFalse(mac.IsBusy, "the operation is dropped: the MAC takes requests again");
            Assert.AreEqual(1, mac.Counters.InternalErrors, "counted");
            Assert.AreEqual((int)SendStatus.Pending, (int)mac.StartSend(1, new byte[] { 1 }, 0, 1, false).Status);
        }

        [TestMethod]
        public void BadArguments_AreRefusedAtOnce()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Mac.StartContinuousWave(433175000, 14, 5), "outside EU868's 863..870 MHz");
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Mac.StartContinuousWave(868300000, 14, 0), "Timeout 0");
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Mac.StartContinuousWave(868300000, 14, 65536), "Timeout beyond 16 bits");
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000000);
            Assert.AreEqual(0, rig.Radio.ContinuousWaveAt.Count);
            Assert.IsFalse(rig.Mac.IsBusy);
        }
    }
}
