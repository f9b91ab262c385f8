using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The LoRaWAN 1.1 indications every uplink must carry while they are owed — ResetInd (§5.1) and RekeyInd (§5.10) "in
    /// all uplinks until" the Conf, DeviceModeInd likewise (§18.1) — are never left out of a frame to make room. When one
    /// does not fit beside the application payload, an uplink carrying the MAC commands alone goes first (as LoRaMac-node,
    /// which never sends the application data without its sticky RekeyInd: LENGTH_ERROR / SKIPPED_APP_DATA), and the
    /// payload follows once the Conf has arrived; if it has not, the payload is not sent and the caller gets
    /// <see cref="SendStatus.PayloadSkipped"/>. The device is <see cref="CommandRig"/>'s ABP 1.1 one, which starts from
    /// its defaults and so owes ResetInd.
    /// </summary>
    [TestClass]
    public class MandatoryIndicationTests
    {
        static LoRaWanOptions Options(int dataRate)
        {
            var o = new LoRaWanOptions();
            o.Version = LoRaWanVersion.V1_1;
            o.Adr = false;
            o.DataRate = dataRate;
            o.RandomSeed = 11;
            return o;
        }

        static byte[] Payload(int length)
        {
            var b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = (byte)(i + 1);
            return b;
        }

        [TestMethod]
        public void ResetIndBesideAMaxSizePayload_NoConf_TheMacCommandsGoAlone_ThePayloadIsSkippedNotSentWithoutIt()
        {
            // EU868 DR0: M = 59 (RP002-1.0.4), FHDR 7 + FPort 1 leave 51 bytes; ResetInd needs 2 of them.
            var rig = new CommandRig("EU868", Options(0));
            Assert.IsTrue(rig.Mac.Session.Keys.ResetOwed, "an ABP 1.1 device from defaults owes ResetInd");
            SendResult r = rig.Device.Send(1, Payload(51), false, 3600000);
            Assert.AreEqual((int)SendStatus.PayloadSkipped, (int)r.Status, r.ToString());
            Assert.AreEqual(49, r.MaxPayload, "51 − ResetInd's 2 bytes");
            Assert.AreEqual(1, rig.Radio.Sent.Count, "one uplink went on air");
            DataFrame f = CommandRig.Read(rig.Sent(0));
            Assert.AreEqual(DataFrame.NoPort, f.FPort, "no application payload in it");
            Assert.AreEqual("0101", rig.UplinkFOpts(rig.Sent(0)), "ResetInd, Minor 1");
            Assert.IsTrue(rig.UplinkMicIsValid11(0, 0));
            Assert.AreEqual(r.FCnt, (uint)f.FCnt, "the result names the MAC-only uplink");

            // A payload that fits beside the indication goes with it.
            r = rig.Device.Send(1, Payload(49), false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(2, rig.Radio.Sent.Count);
            f = CommandRig.Read(rig.Sent(1));
            Assert.AreEqual(1, f.FPort);
            Assert.AreEqual(49, f.FrmPayloadLength);
            Assert.AreEqual("0101", rig.UplinkFOpts(rig.Sent(1)), "ResetInd still in every uplink");
        }

        [TestMethod]
        public void ResetIndBesideAMaxSizePayload_ConfInTheMacOnlyUplinksWindow_ThePayloadFollowsInTheSameSend()
        {
            var rig = new CommandRig("EU868", Options(0));
            rig.DeliverNext(rig.Downlink(0, CommandRig.ResetConf));
            SendResult r = rig.Device.Send(1, Payload(51), false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(2, rig.Radio.Sent.Count, "MAC-only uplink, then the payload");
            Assert.AreEqual("0101", rig.UplinkFOpts(rig.Sent(0)));
            DataFrame f = CommandRig.Read(rig.Sent(1));
            Assert.AreEqual(1, f.FPort);
            Assert.AreEqual(51, f.FrmPayloadLength);
            Assert.AreEqual("", rig.UplinkFOpts(rig.Sent(1)), "ResetConf came: nothing owed");
            Assert.AreEqual(r.FCnt, (uint)f.FCnt);
            Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed);
        }

        [TestMethod]
        public void DeviceModeInd_KeepsItsRoomAgainstTheDevicesOwnRequests()
        {
            // EU868 DR5: M = 250 (RP002-1.0.4), 250 − 8 = 242 bytes; a 239-byte payload leaves 3 bytes of FOpts. DeviceModeInd (2) must be among
            // them; LinkCheckReq (1) fits beside it, DeviceTimeReq waits for the next uplink.
            var rig = new CommandRig("EU868", Options(5));
            rig.DeliverNext(rig.Downlink(0, CommandRig.ResetConf));
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.IsFalse(rig.Mac.Session.Keys.ResetOwed);
            rig.Device.SetDeviceClass(DeviceClass.C);
            rig.Runner.RunUntil(rig.Scheduler.NowMicroseconds + 1000);
            rig.Device.RequestLinkCheck();
            rig.Device.RequestDeviceTime();
            SendResult r = rig.Device.Send(1, Payload(239), false, 3600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual("02" + "2002", rig.UplinkFOpts(rig.Sent(-1)), "LinkCheckReq, DeviceModeInd Class C");
            Assert.IsTrue(rig.Send().Succeeded);
            Assert.AreEqual("0D" + "2002", rig.UplinkFOpts(rig.Sent(-1)), "DeviceTimeReq next, DeviceModeInd again");
        }
    }
}
