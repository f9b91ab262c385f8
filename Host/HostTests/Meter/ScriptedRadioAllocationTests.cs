using LoRaWan.Radio;
using LoRaWan.Simulation;
using LoRaWan.Tests.Mac;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Meter
{
    /// <summary>
    /// The device test rig's scripted radio is part of every measured Class A cycle (NanoBench, the IL meter's environment):
    /// recording the calls of a cycle (a transmission, its TxDone, RX1 and RX2 with their timeouts, Sleep) must allocate
    /// nothing, while every record stays readable as the tests read it. It used to box each time, frequency and spreading
    /// factor into ArrayLists and copy each frame into a new array: 14 heap objects per cycle on nanoCLR.
    /// </summary>
    [TestClass]
    public class ScriptedRadioAllocationTests
    {
        sealed class Sink : IRadioEventSink
        {
            public int Events;

            public void OnRadioEvent(RadioEvent radioEvent, ulong timestampUs) { Events++; }
        }

        static readonly byte[] Frame = { 0x40, 0xF1, 0x7D, 0xBE, 0x49, 0x00, 0x02, 0x00, 0x01, 0x95, 0x43, 0x78, 0x76, 0x2B, 0x11, 0xFF, 0x0D };

        static void Cycle(VirtualScheduler scheduler, ScriptedRadio radio, TxConfig tx, RxConfig rx1, RxConfig rx2)
        {
            radio.Transmit(tx, Frame, 0, Frame.Length);
            scheduler.RunFor(1000000);   // TxDone
            radio.Receive(rx1);
            scheduler.RunFor(1000000);   // RX1's timeout
            radio.Receive(rx2);
            scheduler.RunFor(1000000);   // RX2's timeout
            radio.Sleep();
        }

        [TestMethod]
        public void RecordingAClassACycle_AllocatesNothing_AndKeepsEveryRecord()
        {
            var scheduler = new VirtualScheduler();
            var radio = new ScriptedRadio(scheduler);
            var sink = new Sink();
            radio.SetEventSink(sink);
            var tx = new TxConfig { FrequencyHz = 868300000, SpreadingFactor = 7, BandwidthHz = 125000, PowerDbm = 14 };
            var rx1 = new RxConfig { FrequencyHz = 868300000, SpreadingFactor = 7, BandwidthHz = 125000, SymbolTimeout = 63 };
            var rx2 = new RxConfig { FrequencyHz = 869525000, SpreadingFactor = 12, BandwidthHz = 125000, SymbolTimeout = 6 };
            Cycle(scheduler, radio, tx, rx1, rx2);   // warm-up: the scheduler's heap at its working size
            long bytes = SteadyStateAllocation.Measure(null, () => Cycle(scheduler, radio, tx, rx1, rx2), out string note);
            Assert.AreEqual(0L, bytes, "bytes allocated recording one cycle " + note);
            Assert.AreEqual(6, sink.Events, "TxDone, two RxTimeouts per cycle");
            Assert.AreEqual(2, radio.Sent.Count);
            CollectionAssert.AreEqual(Frame, (byte[])radio.Sent[1], "the frame as sent");
            Assert.AreEqual(4, radio.RxOpenedAt.Count);
            Assert.AreEqual(869525000u, (uint)radio.RxFrequency[3]);
            Assert.AreEqual(12, (int)radio.RxSf[3]);
            Assert.AreEqual(6, (int)radio.RxSymbolTimeout[3]);
            Assert.IsTrue((bool)radio.RxInvertIq[3], "downlink IQ");
            // 17 bytes at SF7/125 kHz, CR 4/5, explicit header, CRC: 12.25 preamble + 8 + ceil((136 - 28 + 28 + 16) / 28) × 5
            // = 50.25 symbols of 1.024 ms = 51,456 µs on air (SX1276 datasheet §4.1.1.7).
            Assert.AreEqual((ulong)radio.SentAt[1] + 51456UL, (ulong)radio.TxDoneAt[1], "TxDone after the air time");
        }
    }
}
