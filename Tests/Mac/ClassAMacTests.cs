using LoRaWan.Frames;
using LoRaWan.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Mac
{
    /// <summary>
    /// The Class A cycle on a scripted radio: frame bytes, RX1/RX2 placement, downlink acceptance, replay and MIC
    /// rejection, confirmed retransmission, NbTrans, FCntUp persistence. Expected bytes and times come from
    /// shared/VECTORS.md and the LoRaWAN 1.0.4 / RP002 rules worked out by hand in the comments.
    /// </summary>
    [TestClass]
    public class ClassAMacTests
    {
        static readonly byte[] Test = new byte[] { 0x74, 0x65, 0x73, 0x74 };   // ASCII "test"

        [TestMethod]
        public void AbpUplink_IsByteForByteTheLoraPacketVector()
        {
            // shared/VECTORS.md: unconfirmed up, DevAddr 49BE7DF1, FCtrl 00, FCnt 2, FPort 1, "test".
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Device.Send(1, new byte[] { 1 }, false, 60000).Status);
            Assert.AreEqual((int)SendStatus.Sent, (int)rig.Device.Send(1, new byte[] { 2 }, false, 60000).Status);
            SendResult r = rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status);
            Assert.AreEqual(2u, r.FCnt);
            CollectionAssert.AreEqual(MacTestRig.Bytes("40F17DBE4900020001954378762B11FF0D"), rig.Radio.LastSent);
        }

        [TestMethod]
        public void Rx1AndRx2_OpenWhereTheWindowFormulaPutsThem()
        {
            // EU868 DR5 = SF7/125 kHz: Tsym 1024 µs. Error 30 ms, wake-up 2 ms (defaults):
            // RX1 timeout = ceil((4·1024 + 60000) / 1024) = 63 symbols; offset = trunc((4096 − 32256 − 2000) / 1000) = −30 ms.
            // RX2 (DR0 = SF12, Tsym 32768 µs): timeout = max(ceil((131072 + 60000) / 32768), 6) = 6;
            // offset = ceil((131072 − 98304 − 2000) / 1000) = +31 ms. RX2 is 869.525 MHz DR0 (RP002 EU868).
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(2, rig.Radio.RxOpenedAt.Count, "both windows open when RX1 is empty");
            ulong txDone = (ulong)rig.Radio.TxDoneAt[0];
            Assert.AreEqual(txDone + 1000000UL - 30000UL, (ulong)rig.Radio.RxOpenedAt[0], "RX1 open time");
            Assert.AreEqual(63, (int)rig.Radio.RxSymbolTimeout[0], "RX1 symbol timeout");
            Assert.AreEqual((uint)rig.Radio.SentFrequency[0], (uint)rig.Radio.RxFrequency[0], "RX1 on the uplink frequency");
            Assert.AreEqual(7, (int)rig.Radio.RxSf[0], "RX1 DR = uplink DR5 with offset 0");
            Assert.IsTrue((bool)rig.Radio.RxInvertIq[0], "downlinks use inverted IQ");
            Assert.AreEqual(txDone + 2000000UL + 31000UL, (ulong)rig.Radio.RxOpenedAt[1], "RX2 open time");
            Assert.AreEqual(6, (int)rig.Radio.RxSymbolTimeout[1], "RX2 symbol timeout");
            Assert.AreEqual(869525000u, (uint)rig.Radio.RxFrequency[1], "RX2 frequency");
            Assert.AreEqual(12, (int)rig.Radio.RxSf[1], "RX2 DR0 = SF12");
        }

        [TestMethod]
        public void TimingErrorChangedBetweenUplinks_TheNextRx1IsRefitted()
        {
            // The window settings are kept per row from one uplink to the next (DataRateRow.Window): a new timing error
            // must reach the radio. EU868 DR5 = SF7/125 kHz, wake-up 2 ms. 30 ms: 63 symbols, −30 ms (the test above).
            // 10 ms: ceil((4·1024 + 20000) / 1024) = 24 symbols (shared/VECTORS.md, LoRaMac-node's table);
            // offset = trunc((4096 − 12288 − 2000) / 1000) = −10 ms.
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            var rig = new MacTestRig(o);
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(63, (int)rig.Radio.RxSymbolTimeout[0], "first RX1 symbol timeout (30 ms)");
            o.TimingErrorUs = 10000;
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(4, rig.Radio.RxOpenedAt.Count, "both windows of both uplinks");
            ulong txDone = (ulong)rig.Radio.TxDoneAt[1];
            Assert.AreEqual(24, (int)rig.Radio.RxSymbolTimeout[2], "second RX1 symbol timeout (10 ms)");
            Assert.AreEqual(txDone + 1000000UL - 10000UL, (ulong)rig.Radio.RxOpenedAt[2], "second RX1 open time");
            Assert.AreEqual((uint)rig.Radio.SentFrequency[1], (uint)rig.Radio.RxFrequency[2], "second RX1 on the second uplink's frequency");
            Assert.AreEqual(7, (int)rig.Radio.RxSf[2], "RX1 still SF7");
            Assert.AreEqual(12, (int)rig.Radio.RxSf[3], "RX2 still DR0 = SF12");
            Assert.AreEqual(6, (int)rig.Radio.RxSymbolTimeout[3], "RX2: max(ceil((131072 + 20000) / 32768), 6) = 6");
        }

        [TestMethod]
        public void ConfirmedUplink_AckedInRx1_Rx2NotOpened_DownlinkDelivered()
        {
            // shared/VECTORS.md downlink: 60F17DBE4920020001F9D65D27 = unconfirmed down, ACK, FCnt 2, FPort 1, empty.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Radio.DeliverInWindow(0, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            SendResult r = rig.Device.Send(1, Test, true, 60000);
            Assert.AreEqual((int)SendStatus.Acked, (int)r.Status);
            Assert.AreEqual(1, rig.Radio.RxOpenedAt.Count, "RX2 must not open after a frame for us in RX1");
            Assert.AreEqual(1, rig.Downlinks.Count, "the FPort 1 downlink is delivered");
            Assert.AreEqual(2u, (uint)rig.DownlinkFCnts[0]);
        }

        [TestMethod]
        public void ReplayedDownlink_IsRejectedAfterItsMicCheck()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Radio.DeliverInWindow(0, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            rig.Device.Send(1, Test, false, 60000);
            rig.Radio.DeliverInWindow(1, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(1, rig.Downlinks.Count, "delivered exactly once");
            Assert.AreEqual(1, rig.Device.Diagnostics.Counters.ReplayedFrames);
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.MicFailures);
        }

        [TestMethod]
        public void DownlinkWithBadMic_IsDroppedAndRx2Opens()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            byte[] bad = MacTestRig.Bytes("60F17DBE4920020001F9D65D28");
            rig.Radio.DeliverInWindow(0, bad);
            SendResult r = rig.Device.Send(1, Test, true, 60000);
            Assert.AreEqual(1, rig.Device.Diagnostics.Counters.MicFailures);
            Assert.AreEqual(0, rig.Downlinks.Count);
            Assert.IsTrue(rig.Radio.RxOpenedAt.Count >= 2, "RX2 opens after a frame that is not ours");
            Assert.AreNotEqual((int)SendStatus.Acked, (int)r.Status);
        }

        [TestMethod]
        public void DownlinkForAnotherDevAddr_IsIgnored()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            // Same vector with the DevAddr's first byte changed (MIC no longer matters: the address is checked first).
            rig.Radio.DeliverInWindow(0, MacTestRig.Bytes("60F27DBE4920020001F9D65D27"));
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(1, rig.Device.Diagnostics.Counters.ForeignFrames);
            Assert.AreEqual(0, rig.Downlinks.Count);
        }

        [TestMethod]
        public void ConfirmedWithoutAck_IsRetransmittedNbTransTimesWithTheSameFCnt()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.NbTrans = 3;
            var rig = new MacTestRig(o);
            SendResult r = rig.Device.Send(1, Test, true, 120000);
            Assert.AreEqual((int)SendStatus.NoAck, (int)r.Status);
            Assert.AreEqual(3, rig.Radio.Sent.Count, "NbTrans transmissions");
            Assert.AreEqual(3, r.Transmissions);
            for (int i = 0; i < 3; i++) Assert.AreEqual(0, MacTestRig.FCntOf((byte[])rig.Radio.Sent[i]), "same FCnt");
            for (int i = 1; i < 3; i++)
            {
                // Each retry waits for the previous RX2 to end, then RETRANSMIT_TIMEOUT (1..3 s).
                ulong rx2Open = (ulong)rig.Radio.RxOpenedAt[2 * i - 1];
                ulong next = (ulong)rig.Radio.SentAt[i];
                Assert.IsTrue(next >= rx2Open + 1000000UL, "retry " + i.ToString() + " too early");
                Assert.IsTrue(next <= rx2Open + 3500000UL, "retry " + i.ToString() + " too late");
            }
        }

        [TestMethod]
        public void ConfirmedUplink_FirstTwoAcksLost_SucceedsOnTheThirdWithTheSameFCnt()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.NbTrans = 3;
            var rig = new MacTestRig(o);
            // Windows 0,1 belong to the first transmission, 2,3 to the second, 4 is RX1 of the third.
            rig.Radio.DeliverInWindow(4, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            SendResult r = rig.Device.Send(1, Test, true, 120000);
            Assert.AreEqual((int)SendStatus.Acked, (int)r.Status);
            Assert.AreEqual(3, rig.Radio.Sent.Count);
            Assert.AreEqual(0, MacTestRig.FCntOf((byte[])rig.Radio.Sent[2]));
        }

        [TestMethod]
        public void UnconfirmedNbTrans2_IsSentTwiceUnlessADownlinkArrives()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.NbTrans = 2;
            var rig = new MacTestRig(o);
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(2, rig.Radio.Sent.Count);
            Assert.AreEqual(MacTestRig.FCntOf((byte[])rig.Radio.Sent[0]), MacTestRig.FCntOf((byte[])rig.Radio.Sent[1]));
            // Second uplink: a downlink in its first RX1 stops the repetition (LoRaWAN 1.0.4 §4.3.1.1).
            rig.Radio.DeliverInWindow(4, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(3, rig.Radio.Sent.Count);
        }

        [TestMethod]
        public void PayloadTooLargeForDr0_ReportsTheLimit()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.DataRate = 0;
            var rig = new MacTestRig(o);
            SendResult r = rig.Device.Send(1, new byte[52], false, 60000);
            Assert.AreEqual((int)SendStatus.PayloadTooLarge, (int)r.Status);
            Assert.AreEqual(51, r.MaxPayload, "RP002 EU868 DR0: N = 51");
            Assert.AreEqual(0, rig.Radio.Sent.Count);
        }

        [TestMethod]
        public void FCntUp_AfterReset_IsAboveEveryUsedValue()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.FCntPersistInterval = 4;
            var rig = new MacTestRig(o);
            for (int i = 0; i < 6; i++) rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(5, MacTestRig.FCntOf(rig.Radio.LastSent));
            // Reset: a new MAC on the same flash and the same clock.
            var again = new MacTestRig(o, rig.Flash, rig.Scheduler);
            again.Device.Send(1, Test, false, 60000);
            int next = MacTestRig.FCntOf(again.Radio.LastSent);
            Assert.IsTrue(next > 5, "FCnt " + next.ToString() + " reuses a counter");
            Assert.AreEqual(8, next, "persisted every 4: the record written before FCnt 4 covers up to 7");
        }

        [TestMethod]
        public void HungRadio_TheOneTxDeadline_AirTimePlus200Ms_EndsWithRadioError_AndTheMacIsIdle()
        {
            // Issue 14: one TX watchdog, the MAC's alarm; at air time + 200 ms it asks the radio once, the radio stops
            // the transmitter and reports TxTimeout, the uplink ends with RadioError.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Radio.HangTx = true;
            SendResult r = rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual((int)SendStatus.RadioError, (int)r.Status);
            Assert.AreEqual(1, rig.Device.Diagnostics.Counters.TxTimeouts);
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State);
            Assert.AreEqual(1, rig.Radio.TxDeadlineAt.Count, "the radio was asked once");
            // 17 bytes (13 + "test") at SF7/125 kHz: 51.456 ms (Semtech LoRa calculator, CR 4/5, preamble 8, CRC on).
            ulong sentAt = (ulong)rig.Radio.SentAt[0];
            Assert.AreEqual(sentAt + 51456UL + 200000UL, (ulong)rig.Radio.TxDeadlineAt[0], "air time + 200 ms");
            Assert.AreEqual(0, rig.Radio.TxDoneAt.Count, "no TxDone");
        }

        [TestMethod]
        public void LostTxDoneInterrupt_RecoveredOnceAtTheDeadline_StampedWithTheEnd_Rx1StillCatchesTheDownlink()
        {
            // The frame ends, its interrupt is lost: at air time + 200 ms the MAC asks the radio, which reports TxDone
            // at the real end, so RX1 (RECEIVE_DELAY1 = 1 s after it) still opens on time and receives.
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Radio.DropTxDone = true;
            rig.Radio.DeliverInWindow(0, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            SendResult r = rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual((int)SendStatus.Sent, (int)r.Status, r.ToString());
            Assert.AreEqual(1, rig.Downlinks.Count, "the RX1 downlink");
            Assert.AreEqual(0, rig.Device.Diagnostics.Counters.TxTimeouts);
            Assert.AreEqual(1, rig.Radio.TxDeadlineAt.Count, "recovered once");
            ulong sentAt = (ulong)rig.Radio.SentAt[0];
            Assert.AreEqual(sentAt + 51456UL + 200000UL, (ulong)rig.Radio.TxDeadlineAt[0], "at air time + 200 ms");
            Assert.AreEqual(sentAt + 51456UL, (ulong)rig.Radio.TxDoneAt[0], "TxDone stamped with the frame's end");
            ulong rx1 = (ulong)rig.Radio.RxOpenedAt[0];
            Assert.IsTrue(rx1 > sentAt + 51456UL + 900000UL && rx1 <= sentAt + 51456UL + 1000000UL, "RX1 at about end + 1 s, not late");
            Assert.AreEqual((int)MacState.Idle, (int)rig.Mac.State);
        }

        [TestMethod]
        public void FCntUp_WithPersistEveryUplinkAndADownlink_ResumesAtTheNextCounterWithoutSkipping()
        {
            // The deep-sleep setting: FCntUp persisted before every uplink. Saving the session for the
            // downlink must not move the persisted limit, or every sleep cycle would skip a counter.
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.FCntPersistInterval = 1;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(1, rig.Downlinks.Count);
            Assert.AreEqual(0, MacTestRig.FCntOf(rig.Radio.LastSent));
            var again = new MacTestRig(o, rig.Flash, rig.Scheduler);
            again.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(1, MacTestRig.FCntOf(again.Radio.LastSent), "FCnt 0 was used; 1 is next");
        }

        [TestMethod]
        public void PlainDownlink_WritesOnlyTheCounterRecord_AndItsFCntSurvivesAReset()
        {
            var rig = new MacTestRig(MacTestRig.Dr5NoAdr());
            rig.Device.Send(1, Test, false, 60000);            // FCnt 0: the first FCntUp window is persisted
            int before = rig.Flash.Writes;
            rig.Radio.DeliverInWindow(2, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));   // unconfirmed, no MAC commands
            rig.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(1, rig.Downlinks.Count);
            Assert.AreEqual(1, rig.Flash.Writes - before, "one small counter-record write for the downlink");
            var again = new MacTestRig(MacTestRig.Dr5NoAdr(), rig.Flash, rig.Scheduler);
            again.Radio.DeliverInWindow(0, MacTestRig.Bytes("60F17DBE4920020001F9D65D27"));
            again.Device.Send(1, Test, false, 60000);
            Assert.AreEqual(0, again.Downlinks.Count, "the replay after a reset is rejected: FCntDown was persisted");
            Assert.AreEqual(1, again.Device.Diagnostics.Counters.ReplayedFrames);
        }

        [TestMethod]
        public void ConfirmedUplink_ValidDownlinkWithoutAck_EndsTheRetransmissions()
        {
            LoRaWanOptions o = MacTestRig.Dr5NoAdr();
            o.NbTrans = 3;
            var rig = new MacTestRig(o);
            rig.Radio.DeliverInWindow(0, CommandRig.Down(1, "06"));   // unconfirmed downlink, no ACK, DevStatusReq
            SendResult r = rig.Device.Send(1, new byte[] { 1 }, true, 120000);
            Assert.AreEqual((int)SendStatus.NoAck, (int)r.Status);
            Assert.AreEqual(1, r.Transmissions, "no retransmission after a valid downlink");
        }
    }
}
