using System;
using LoRaWan.Mac;
using LoRaWan.Radio;
using LoRaWan.Regions;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// Configuration and input edges of the facade: options checked against the region when the device is created,
    /// arguments checked before anything is copied, the null payload, MaxPayload without a session, and exceptions
    /// inside the stack counted and reported instead of passing for radio failures.
    /// </summary>
    [TestClass]
    public class ApiEdgeTests
    {
        static MacWiring Wiring(VirtualScheduler scheduler)
        {
            var w = new MacWiring();
            w.Runner = new VirtualMacRunner(scheduler);
            return w;
        }

        static LoRaWanOptions WithDataRate(int dataRate)
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.DataRate = dataRate;
            return o;
        }

        static LoRaWanOptions WithTxPower(int index)
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.TxPowerIndex = index;
            return o;
        }

        [TestMethod]
        public void Options_DataRateTheRegionDoesNotSend_AreRefusedWhenTheDeviceIsCreated()
        {
            // RP002-1.0.4 EU868: DR0..DR6 LoRa, DR7 FSK, DR8..DR11 LR-FHSS, DR12..14 RFU (this stack sends LoRa and FSK).
            Assert.ThrowsException(typeof(ArgumentException), () => new CommandRig("EU868", WithDataRate(9)));
            WithDataRate(7).Validate(Region.Create("EU868"));   // GFSK 50 kbit/s (on a channel the network adds for it)
            Assert.ThrowsException(typeof(ArgumentException), () => new CommandRig("EU868", WithDataRate(15)));
            Assert.ThrowsException(typeof(ArgumentException), () => new CommandRig("EU868", WithDataRate(-2)));
            WithDataRate(6).Validate(Region.Create("EU868"));   // SF7/250 kHz: a LoRa uplink rate (on channels that allow it)
            Assert.AreEqual((int)SendStatus.Sent, (int)new CommandRig("EU868", WithDataRate(0)).Send().Status);
            // US915: DR0..DR4 LoRa uplink (DR4 on the 500 kHz channels), DR5/DR6 LR-FHSS, DR8..DR13 downlink only.
            Assert.ThrowsException(typeof(ArgumentException), () => WithDataRate(8).Validate(Region.Create("US915")));
            Assert.ThrowsException(typeof(ArgumentException), () => WithDataRate(5).Validate(Region.Create("US915")));
            WithDataRate(4).Validate(Region.Create("US915"));
            WithDataRate(0).Validate(Region.Create("US915"));
        }

        [TestMethod]
        public void Options_TxPowerIndexOutsideTheRegionsTable_IsRefused_AndAValidOneIsUsed()
        {
            // RP002-1.0.4 TX power tables: EU868 TXPower 0..7, US915 0..14 (each step −2 dB from MaxEIRP).
            Assert.ThrowsException(typeof(ArgumentException), () => new CommandRig("EU868", WithTxPower(8)));
            LoRaWanOptions us = WithTxPower(15);
            us.DataRate = 3;
            Assert.ThrowsException(typeof(ArgumentException), () => us.Validate(Region.Create("US915")));
            us.TxPowerIndex = 14;
            us.Validate(Region.Create("US915"));
            var rig = new CommandRig("EU868", WithTxPower(3));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Send().Status);
            // EU868 MaxEIRP 16 dBm − 2·3 = 10 dBm EIRP, minus the default 2 dBi antenna gain: 8 dBm at the radio.
            Assert.AreEqual(8, CommandRig.At(rig.TxPower, 0));
        }

        [TestMethod]
        public void BeginSend_WithOffsetOrLengthOutsideTheArray_ReturnsInvalidArgument()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            var buffer = new byte[4];
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.BeginSend(1, buffer, 2, 5, false).Status);
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.BeginSend(1, buffer, 5, 0, false).Status);
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.BeginSend(1, buffer, -1, 2, false).Status);
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.BeginSend(1, buffer, 0, -1, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 10000000);
            Assert.AreEqual(0, rig.Radio.Sent.Count);
            Assert.AreEqual((int)SendStatus.Pending, (int)rig.Device.BeginSend(1, buffer, 1, 3, false).Status, "the whole tail is fine");
        }

        [TestMethod]
        public void NullPayload_IsInvalidArgument_AndAnEmptyArraySendsAnEmptyFrame()
        {
            var rig = new CommandRig("EU868", MacTestRig.Dr5NoAdr());
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.Send(1, null, false, 60000).Status);
            Assert.AreEqual((int)SendStatus.InvalidArgument, (int)rig.Device.BeginSend(1, null, 0, 0, false).Status);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 10000000);
            Assert.AreEqual(0, rig.Radio.Sent.Count, "nothing on air for a null payload");
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Device.Send(1, new byte[0], false, 60000).Status);
            // LoRaWAN 1.0.4 §4.3.1: FPort present, FRMPayload empty.
            Assert.AreEqual(1, CommandRig.Read(rig.Sent(0)).FPort);
            Assert.AreEqual(0, CommandRig.Read(rig.Sent(0)).FrmPayloadLength);
        }

        [TestMethod]
        public void MaxPayload_BeforeTheJoin_IsZero()
        {
            var scheduler = new VirtualScheduler();
            var device = new LoRaWanDevice(new ScriptedRadio(scheduler), Region.Create("EU868"),
                DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61"),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), scheduler, new LoRaWanOptions(), Wiring(scheduler));
            Assert.IsFalse(device.IsJoined);
            Assert.AreEqual(0, device.MaxPayload, "no session: nothing can be sent");
            Assert.AreEqual((int)SendStatus.NotJoined, (int)device.Send(1, new byte[1], false, 60000).Status);
        }

        [TestMethod]
        public void DevAddr_IsZeroWithoutASession_AndTheSessionsOnceThereIsOne()
        {
            var scheduler = new VirtualScheduler();
            var otaa = new LoRaWanDevice(new ScriptedRadio(scheduler), Region.Create("EU868"),
                DeviceIdentity.Otaa("0042004213424341", "0000001223224242", "BEC499C69E9C939E413B663961636C61"),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), scheduler, new LoRaWanOptions(), Wiring(scheduler));
            Assert.AreEqual(0u, otaa.DevAddr, "no join yet: no DevAddr");
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Assert.AreEqual(0x49BE7DF1u, rig.Device.DevAddr, "the ABP DevAddr of shared/VECTORS.md");
        }

        [TestMethod]
        public void OneMac_IsWrappedByOneDevice()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Assert.ThrowsException(typeof(InvalidOperationException), () => new LoRaWanDevice(rig.Mac));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new LoRaWanDevice((ClassAMac)null));
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Device.Send(1, new byte[] { 1 }, false, 60000).Status, "the first device still works");
        }

        /// <summary>A scripted radio that throws from Transmit while <see cref="Failure"/> is set.</summary>
        sealed class ThrowingRadio : IRadio
        {
            readonly ScriptedRadio _inner;
            public Exception Failure;

            public ThrowingRadio(ScriptedRadio inner) { _inner = inner; }
            public void SetEventSink(IRadioEventSink sink) { _inner.SetEventSink(sink); }
            public void SetPublicNetwork(bool isPublic) { _inner.SetPublicNetwork(isPublic); }
            public void Transmit(TxConfig config, byte[] buffer, int offset, int length)
            {
                if (Failure != null) throw Failure;
                _inner.Transmit(config, buffer, offset, length);
            }
            public void TxDeadlinePassed() { _inner.TxDeadlinePassed(); }
            public void Receive(RxConfig config) { _inner.Receive(config); }
            public void ReceiveContinuous(RxConfig config) { _inner.ReceiveContinuous(config); }
            public void StartContinuousWave(uint frequencyHz, int powerDbm) { _inner.StartContinuousWave(frequencyHz, powerDbm); }
            public int ReadPacket(byte[] buffer, int offset, int maxLength, RxPacketInfo info) { return _inner.ReadPacket(buffer, offset, maxLength, info); }
            public void Sleep() { _inner.Sleep(); }
            public bool IsChannelFree(uint frequencyHz, int bandwidthHz, int rssiThresholdDbm, int senseTimeUs) { return _inner.IsChannelFree(frequencyHz, bandwidthHz, rssiThresholdDbm, senseTimeUs); }
        }

        [TestMethod]
        public void ExceptionInsideTheStack_IsCountedAndReportedWithItsMessage_NotPassedOffAsRadioError()
        {
            var scheduler = new VirtualScheduler();
            var radio = new ThrowingRadio(new ScriptedRadio(scheduler));
            var device = new LoRaWanDevice(radio, Region.Create("EU868"), DeviceIdentity.Abp(MacTestRig.DevAddr, MacTestRig.NwkSKey, MacTestRig.AppSKey),
                new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize), scheduler, MacTestRig.Dr5NoAdr(), Wiring(scheduler));
            radio.Failure = new InvalidOperationException("provoked bug 1234");
            SendResult r = device.Send(1, new byte[] { 1 }, false, 60000);
            Assert.AreEqual((int)SendStatus.InternalError, (int)r.Status, r.ToString());
            Assert.AreEqual(1, device.Diagnostics.Counters.InternalErrors);
            Assert.IsNotNull(device.Diagnostics.LastInternalError);
            Assert.IsTrue(device.Diagnostics.LastInternalError.IndexOf("provoked bug 1234") >= 0, device.Diagnostics.LastInternalError);
            Assert.IsTrue(device.Diagnostics.LastInternalError.IndexOf("InvalidOperationException") >= 0, device.Diagnostics.LastInternalError);

            // A broken radio (the driver's IOException) is a radio failure, and counted too.
            radio.Failure = new System.IO.IOException("SPI gone");
            r = device.Send(1, new byte[] { 2 }, false, 60000);
            Assert.AreEqual((int)SendStatus.RadioError, (int)r.Status, r.ToString());
            Assert.AreEqual(2, device.Diagnostics.Counters.InternalErrors);
            Assert.IsTrue(device.Diagnostics.LastInternalError.IndexOf("SPI gone") >= 0, device.Diagnostics.LastInternalError);

            // The MAC went back to a safe state: the next uplink works.
            radio.Failure = null;
            r = device.Send(1, new byte[] { 3 }, false, 600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
        }
    }
}
