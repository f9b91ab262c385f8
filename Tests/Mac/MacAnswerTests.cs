using LoRaWan.Crypto;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// Where answers go (LoRaWAN 1.0.4 §4.3.1.6, §5): FOpts in clear when they fit, FPort 0 encrypted with NwkSKey
    /// otherwise; sticky answers repeated until a Class A downlink; an empty uplink when the application sends
    /// nothing; commands in a FPort-0 downlink; a downlink with both FOpts and FPort 0 dropped; the state the
    /// commands changed surviving a reset.
    /// </summary>
    [TestClass]
    public class MacAnswerTests
    {
        [TestMethod]
        public void StickyAnswers_RepeatUntilADownlink_ThenStop()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            // RXTimingSetupReq (Del 1) and RXParamSetupReq (offset 0, RX2 DR0, 869.525 MHz: the defaults again).
            rig.DeliverNext(CommandRig.Down(1, "08 01 05 00 D2AD84"));
            rig.Send();
            for (int i = 0; i < 3; i++)
            {
                rig.Send();
                Assert.AreEqual("08" + "0507", CommandRig.FOpts(rig.Sent(-1)), "uplink " + i.ToString() + " after the request repeats both answers");
            }
            rig.DeliverNext(CommandRig.Down(2, ""));   // any Class A downlink ends the repetition
            rig.Send();
            Assert.AreEqual("080507", CommandRig.FOpts(rig.Sent(-1)), "the uplink whose window brings the downlink still carries them");
            rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(-1)), "after the downlink: no more repetition");
        }

        [TestMethod]
        public void StickyAndPlainAnswers_PlainOnlyOnce()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "06 08 01"));   // DevStatusReq (plain), RXTimingSetupReq (sticky)
            rig.Send();
            rig.Send();
            Assert.AreEqual("06FF05" + "08", CommandRig.FOpts(rig.Sent(-1)), "both, in request order");
            rig.Send();
            Assert.AreEqual("08", CommandRig.FOpts(rig.Sent(-1)), "only the sticky one is repeated");
        }

        [TestMethod]
        public void NothingSent_EmptyUplinkWithoutFPortCarriesTheAnswers()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            rig.DeliverNext(CommandRig.Down(1, "06"));
            rig.Send();
            rig.Runner.Sleep(60000);
            Assert.AreEqual(2, rig.Radio.Sent.Count, "the MAC sent the answer on its own");
            DataFrame f = CommandRig.Read(rig.Sent(1));
            Assert.AreEqual(DataFrame.NoPort, f.FPort, "FPort absent");
            Assert.AreEqual("06FF05", CommandRig.FOpts(rig.Sent(1)));
            ulong delay = (ulong)rig.Radio.SentAt[1] - (ulong)rig.Radio.TxDoneAt[0];
            Assert.IsTrue(delay >= 30000000UL && delay < 35000000UL, "after EmptyAckUplinkDelayMs (30 s): " + delay.ToString());
            // Sticky answers alone do not make the MAC send again.
            rig.DeliverNext(CommandRig.Down(2, "08 01"));
            rig.Send();
            rig.Runner.Sleep(60000);
            int sent = rig.Radio.Sent.Count;
            rig.Runner.Sleep(600000);
            Assert.AreEqual(sent, rig.Radio.Sent.Count, "a sticky repeat never triggers an uplink by itself");
            Assert.AreEqual("08", CommandRig.FOpts(rig.Sent(-1)), "the fresh RXTimingSetupAns did");
        }

        [TestMethod]
        public void AnswersLongerThanFOpts_GoOnFPort0EncryptedWithNwkSKey()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(5));
            // Six DevStatusReq in a FPort-0 downlink: 18 bytes of answers, more than FOpts (15) holds.
            rig.DeliverNext(CommandRig.DownPort0(1, "06 06 06 06 06 06"));
            rig.Send();
            rig.Runner.Sleep(60000);
            byte[] up = rig.Sent(1);
            Assert.AreEqual(0, CommandRig.Read(up).FPort, "FPort 0");
            Assert.AreEqual("", CommandRig.FOpts(up), "no FOpts with FPort 0");
            Assert.AreEqual("06FF0506FF0506FF0506FF0506FF0506FF05", CommandRig.Port0(up), "decrypted with NwkSKey");
            rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(-1)), "all sent");
        }

        [TestMethod]
        public void AnswersThatDoNotFitBesideThePayload_GoFirstAlone_ThenThePayload()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            rig.DeliverNext(CommandRig.Down(1, "06"));
            rig.Send();
            // EU868 DR0: N = 51. 51 bytes of payload leave no room for the 3-byte DevStatusAns.
            var big = new byte[51];
            SendResult r = rig.Device.Send(1, big, false, 600000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status);
            Assert.AreEqual(3, rig.Radio.Sent.Count, "a MAC-only uplink, then the application's");
            DataFrame macOnly = CommandRig.Read(rig.Sent(1));
            Assert.AreEqual(DataFrame.NoPort, macOnly.FPort);
            Assert.AreEqual("06FF05", CommandRig.FOpts(rig.Sent(1)));
            DataFrame app = CommandRig.Read(rig.Sent(2));
            Assert.AreEqual(1, app.FPort);
            Assert.AreEqual(51, app.FrmPayloadLength);
            Assert.AreEqual(macOnly.FCnt + 1, (int)app.FCnt, "consecutive counters");
            Assert.AreEqual((uint)app.FCnt, r.FCnt, "the result describes the application's uplink");
        }

        [TestMethod]
        public void Port0Downlink_CommandsDecryptedWithNwkSKeyAndAnswered()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            rig.DeliverNext(CommandRig.DownPort0(1, "06 03 50 0700 01"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("06FF05" + "0307", CommandRig.FOpts(rig.Sent(-1)));
            Assert.AreEqual(5, CommandRig.At(rig.TxDataRate, -1));
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.DownlinksDelivered, "FPort 0 is not for the application");
        }

        [TestMethod]
        public void DownlinkWithFOptsAndFPort0_IsDroppedAndChangesNothing()
        {
            var rig = new CommandRig("EU868", CommandRig.Adr(0));
            // Built as FOpts 03 50 0700 01 + FPort 1, then FPort patched to 0 and the MIC recomputed: a valid MIC on a
            // frame LoRaWAN 1.0.4 §4.3.1.6 says to discard.
            byte[] frame = CommandRig.Build(1, CommandRig.Bytes("03 50 0700 01"), 1, new byte[] { 0xAA });
            frame[1 + 4 + 1 + 2 + 5] = 0;
            byte[] nwkSKey = MacTestRig.Bytes(MacTestRig.NwkSKey);
            new DataMic().Compute10(nwkSKey, 0, FrameDirection.Downlink, CommandRig.DevAddr, 1, frame, 0, frame.Length - 4, frame, frame.Length - 4);
            rig.Send();
            int counter = rig.Mac.Session.AdrAckCounter;
            rig.DeliverNext(frame);
            rig.Send();
            Assert.AreEqual(1, rig.Device.Diagnostics.Counters.MalformedFrames, "counted");
            Assert.AreEqual(counter + 1, rig.Mac.Session.AdrAckCounter, "not a downlink: ADR_ACK_CNT goes on");
            rig.Send();
            Assert.AreEqual("", CommandRig.FOpts(rig.Sent(-1)), "nothing answered");
            Assert.AreEqual(0, CommandRig.At(rig.TxDataRate, -1), "nothing applied");
        }

        [TestMethod]
        public void CommandState_SurvivesAReset()
        {
            LoRaWanOptions o = CommandRig.Adr(0);
            var rig = new CommandRig("EU868", o);
            // LinkADRReq DR5/TXPower 2/channel 1/NbTrans 1, RXParamSetupReq offset 1 RX2 DR3 868.3 MHz,
            // RXTimingSetupReq 2 s, DutyCycleReq 1/4 (14 bytes of FOpts).
            rig.DeliverNext(CommandRig.Down(1, "03 52 0200 01 05 13 F87D84 08 02 04 02"));
            rig.Send();
            rig.Send();
            Assert.AreEqual("0307" + "0507" + "08" + "04", CommandRig.FOpts(rig.Sent(-1)));

            var again = new CommandRig("EU868", o, rig.Flash, rig.Scheduler);
            again.Send();
            Assert.AreEqual(5, CommandRig.At(again.TxDataRate, 0), "DR");
            Assert.AreEqual(10, CommandRig.At(again.TxPower, 0), "power");
            Assert.AreEqual(1, CommandRig.At(again.TxChannel, 0), "mask");
            Assert.AreEqual(2, again.Mac.Session.Plan.MaxDutyCycle, "MaxDCycle");
            ulong txDone = (ulong)again.Radio.TxDoneAt[0];
            ulong rx1 = (ulong)again.Radio.RxOpenedAt[0];
            Assert.IsTrue(rx1 > txDone + 1950000UL && rx1 < txDone + 2000000UL, "RX1 opens just before TxDone + 2 s: " + (rx1 - txDone).ToString());
            Assert.AreEqual(8, (int)again.Radio.RxSf[0], "RX1 DR5 − 1 = DR4 (SF8)");
            Assert.AreEqual(868300000u, (uint)again.Radio.RxFrequency[1], "RX2 frequency");
            Assert.AreEqual(9, (int)again.Radio.RxSf[1], "RX2 DR3");
        }

        // The application's requests (LinkCheckReq §5.1, DeviceTimeReq §5.9) against the MAC building frames: a request
        // made after a frame chose its commands rides a later frame; one taken by a frame that never went on air (the
        // MAC's own empty uplink, replaced by the application's) is owed again.
        [TestMethod]
        public void RequestMadeAfterAFrameChoseItsCommands_RidesTheNextFrame()
        {
            var a = new MacAnswers();
            var frame = new byte[15];
            a.RequestLinkCheck();
            a.RequestDeviceTime();
            Assert.AreEqual(2, a.Select(frame, 0, 15), "LinkCheckReq and DeviceTimeReq in this frame");
            // Requested again between the frame's Select and its Commit (another thread, while the MAC builds the frame).
            a.RequestLinkCheck();
            a.RequestDeviceTime();
            a.Commit();
            Assert.AreEqual(2, a.Select(frame, 0, 15), "both requests made after the first frame chose its commands ride the next one");
            Assert.AreEqual(Cid.LinkCheck, frame[0]);
            Assert.AreEqual(Cid.DeviceTime, frame[1]);
            a.Commit();
            Assert.AreEqual(0, a.Select(frame, 0, 15), "then nothing is owed");
        }

        [TestMethod]
        public void RequestTakenByAFrameThatIsReplaced_IsOwedAgainAfterRestore()
        {
            var a = new MacAnswers();
            var frame = new byte[15];
            a.Save();   // the MAC's own empty uplink is about to be built
            a.RequestLinkCheck();   // requested meanwhile (another thread)
            Assert.AreEqual(1, a.Select(frame, 0, 15), "the empty uplink carries it");
            a.Commit();
            a.Restore();   // that uplink never went on air: an application uplink replaced it
            Assert.AreEqual(1, a.Select(frame, 0, 15), "LinkCheckReq is owed again, for the replacing uplink");
            Assert.AreEqual(Cid.LinkCheck, frame[0]);
        }
    }
}
