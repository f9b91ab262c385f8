using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Session;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// DeviceModeInd / DeviceModeConf (LoRaWAN 1.1 §18.1, CID 0x20, one byte Class: 0x00 Class A, 0x02 Class C): "The
    /// end-device SHALL include the DeviceModeInd command in all uplinks until the DeviceModeConf command is received",
    /// and it "SHALL switch mode as soon as the first DeviceModeInd command is transmitted". A 1.0.x device has no such
    /// command: its class applies at once and nothing is sent. The 1.1 device is <see cref="CommandRig"/>'s ABP 1.1 one: it
    /// starts from its defaults, so ResetInd (LoRaWAN 1.1 §5.1) comes first in its uplinks until ResetConf, independently
    /// of DeviceModeInd.
    /// </summary>
    [TestClass]
    public class DeviceModeTests
    {
        static LoRaWanOptions Options(LoRaWanVersion version)
        {
            var o = new LoRaWanOptions();
            o.Version = version;
            o.Adr = false;
            o.DataRate = 5;
            o.RandomSeed = 11;
            return o;
        }

        static void Settle(CommandRig rig)
        {
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
        }

        [TestMethod]
        public void ClassC_IndicatedInEveryUplinkUntilConf_TheClassAppliesWithTheFirst()
        {
            var rig = new CommandRig("EU868", Options(LoRaWanVersion.V1_1));
            rig.Device.SetDeviceClass(DeviceClass.C);
            Settle(rig);
            Assert.AreEqual(0, rig.Radio.RxContinuousOpenedAt.Count, "no RXC before the first DeviceModeInd is on air");
            Assert.AreEqual((int)DeviceClass.A, (int)rig.Mac.Session.DeviceClass, "still Class A");

            rig.Send();
            Assert.AreEqual("0101" + "2002", rig.UplinkFOpts(rig.Sent(0)), "ResetInd first (LoRaWAN 1.1 §5.1), then DeviceModeInd Class C");
            Assert.IsTrue(rig.UplinkMicIsValid11(0, 0), "a 1.1 uplink");
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Mac.Session.DeviceClass, "Class C from the first DeviceModeInd on");
            Assert.IsTrue(rig.Radio.RxContinuousOpenedAt.Count > 0, "RXC opened");
            rig.Send();
            Assert.AreEqual("0101" + "2002", rig.UplinkFOpts(rig.Sent(1)), "repeated: no DeviceModeConf yet");
            rig.DeliverNext(rig.Downlink(1, CommandRig.ResetConf));   // a downlink without DeviceModeConf does not stop it
            rig.Send();
            rig.Send();
            Assert.AreEqual("2002", rig.UplinkFOpts(rig.Sent(3)), "ResetConf stopped ResetInd; DeviceModeInd still repeated");

            rig.DeliverNext(rig.Downlink(2, "20 02"));   // DeviceModeConf Class C
            rig.Send();
            Assert.AreEqual("2002", rig.UplinkFOpts(rig.Sent(4)), "the uplink whose window brings the Conf carried it");
            rig.Send();
            rig.Send();
            Assert.AreEqual("", rig.UplinkFOpts(rig.Sent(5)), "no DeviceModeInd after DeviceModeConf");
            Assert.AreEqual("", rig.UplinkFOpts(rig.Sent(6)));
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Mac.Session.DeviceClass);
        }

        [TestMethod]
        public void BackToClassA_IndicatedAndAppliedWithTheFirstUplink()
        {
            var rig = new CommandRig("EU868", Options(LoRaWanVersion.V1_1));
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Send();
            rig.DeliverNext(rig.Downlink(1, CommandRig.ResetConf + " 20 02"));
            rig.Send();
            rig.Device.SetDeviceClass(DeviceClass.A);
            Settle(rig);
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Mac.Session.DeviceClass, "Class C until DeviceModeInd Class A is on air");
            rig.Send();
            Assert.AreEqual("2000", rig.UplinkFOpts(rig.Sent(-1)), "DeviceModeInd Class A (no ResetInd: ResetConf came)");
            Assert.AreEqual((int)DeviceClass.A, (int)rig.Mac.Session.DeviceClass);
            Assert.IsFalse(rig.Radio.InContinuousRx, "no RXC in Class A");
        }

        [TestMethod]
        public void WithoutApplicationUplinks_TheIdleAlarmSendsItInAnEmptyUplink()
        {
            LoRaWanOptions o = Options(LoRaWanVersion.V1_1);
            var rig = new CommandRig("EU868", o);
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + (ulong)(o.EmptyAckUplinkDelayMs - 1000) * 1000UL);
            Assert.AreEqual(0, rig.Radio.Sent.Count, "nothing before EmptyAckUplinkDelayMs");
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 10000000UL);
            Assert.AreEqual(1, rig.Radio.Sent.Count, "one empty uplink");
            Assert.AreEqual(DataFrame.NoPort, CommandRig.Read(rig.Sent(0)).FPort, "no FPort");
            Assert.AreEqual("0101" + "2002", rig.UplinkFOpts(rig.Sent(0)), "ResetInd, DeviceModeInd Class C");
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 120000000UL);
            Assert.AreEqual(1, rig.Radio.Sent.Count, "repetitions ride the application's uplinks: no stream of empty ones");
        }

        [TestMethod]
        public void AnIndicationOnAir_SurvivesAReset_AndIsRepeatedAfterIt()
        {
            var flash = new SimulatedFlash(StoreSlots.Count, StoreSlots.SlotSize);
            var scheduler = new VirtualScheduler();
            var rig = new CommandRig("EU868", Options(LoRaWanVersion.V1_1), flash, scheduler);
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Send();
            Assert.AreEqual("0202", Hex.ToString(AdrParamSetupTests.StoredSessionPayload(flash), 61, 2), "byte 61 Class C, byte 62 bit 1: DeviceModeInd owed");

            var after = new CommandRig("EU868", Options(LoRaWanVersion.V1_1), flash, scheduler);
            Settle(after);
            Assert.AreEqual((int)DeviceClass.C, (int)after.Mac.Session.DeviceClass);
            after.DeliverNext(after.Downlink(1, CommandRig.ResetConf + " 20 02"));
            after.Send();
            Assert.AreEqual("0101" + "2002", after.UplinkFOpts(after.Sent(0)), "both still owed after the reset");
            Assert.AreEqual("0200", Hex.ToString(AdrParamSetupTests.StoredSessionPayload(flash), 61, 2), "confirmed: nothing owed any more");
            after.Send();
            Assert.AreEqual("", after.UplinkFOpts(after.Sent(1)));
        }

        [TestMethod]
        public void V104_SwitchesAtOnce_SendsNoIndication_AndStopsAtDeviceModeConf()
        {
            var rig = new CommandRig("EU868", Options(LoRaWanVersion.V1_0_4));
            rig.Device.SetDeviceClass(DeviceClass.C);
            Settle(rig);
            Assert.AreEqual((int)DeviceClass.C, (int)rig.Mac.Session.DeviceClass, "1.0.4 §15: the class applies at once");
            Assert.AreEqual(1, rig.Radio.RxContinuousOpenedAt.Count, "RXC open before any uplink");
            int stopped = rig.Mac.Commands.Stopped;
            rig.DeliverNext(CommandRig.Down(1, "20 02 06"));   // CID 0x20 is unknown to 1.0.x: the rest is not read
            rig.Send();
            rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(0)), "no DeviceModeInd");
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(1)), "no DevStatusAns either: processing stopped at 0x20");
            Assert.AreEqual(stopped + 1, rig.Mac.Commands.Stopped);
        }
    }
}
