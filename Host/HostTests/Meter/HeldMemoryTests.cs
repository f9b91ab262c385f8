extern alias IlMeterWorkload;

using IlMeterWorkload::LoRaWan.IlMeter.Workload;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Meter
{
    /// <summary>
    /// Managed memory the stack holds after an OTAA join, held to a budget (issue 20): Host/IlMeter's walk of everything
    /// the device holds (Workload/HeldMemory.cs), priced by the nanoCLR heap model read from nf-interpreter
    /// (Workload/NanoHeapModel.cs). A buffer, object, field or table added to what the stack keeps fails here; one removed
    /// should lower the budget. The first uplink must add nothing held (issue 20: "no allocation after the first uplink").
    /// </summary>
    [TestClass]
    public class HeldMemoryTests
    {
        // Held bytes after the join under the model, exact: the smallest buffer (a byte[1]) adds two blocks on 64-bit.
        // 41,760 / 28,908 on the memory branch; 43,200 / 29,676 once merged with the Class A tuning of the same round (each
        // DataRateRow keeps its windows' timing, each ChannelPlan its eligible channels, SessionKeys a key generation);
        // 40,176 / 26,904 on the heap branch (each AirTimeWindow entry two uints after an epoch and a bit: 7 windows
        // 6,720 → 3,696 B on 64-bit); + 216 / 108 B for the SX1276 driver's LoRaAirTimeMemo (9 blocks, for about 6,000 x86
        // per uplink).
        // 39,816 / 26,640 after the second round: the duty-cycle windows in uints (−3,024 / −2,772), Aes128 without its
        // output buffer (−504 / −336), the SX1276 air-time memo (+216 / +108), one request word in MacAnswers.
        // 39,696 / 26,544 on branch queue: the event queue's kinds and radio events in its slot words (two int[16] fewer,
        // −240 / −192), the MAC's event-word → input table (sbyte[64], static, +120 / +96).
        // 40,728 / 27,096 with the facade's waiters (issue: concurrent Send/Join): one waiter (its outcome flag and view,
        // its own UplinkOutcome for the SendResult Send) after the join, a join-succeeded signal, the list's lock object,
        // and MacOperation as a count of finishes with a view's source (3 fields, was 1); DeviceSession's Active and
        // DevAddr in one long (−1 block).
        // 40,608 / 27,000 after merging queue and facade (−120 / −96 of the queue on the facade's figure).
        // 36,528 / 24,444 on the duty branch: one duty-cycle window shared by the sub-bands (7 windows of 39 entries, 3,696 B,
        // → one of 117, 1,656 B), one AES schedule for the join's crypto and the payload cipher's second slot (−720 / −408),
        // RecordStore's format in one field (−216 / −108), the duty-cycle tracker's band tables in one array.
        // 37,320 / 24,804 after merging duty on queue and facade.
        // 40,248 / 26,856 on the uplink branch: each receive window's DataRateRow keeps its RxConfig in step (one more
        // RxConfig, + 240 / 120 B) with its guard and "supported" (+ 192 / 96 B), for about 6,000 x86 per cycle; the
        // region's air-time memo (one long, + 24 / 12 B) for about 6,600 x86 per cycle: 40,272 / 26,868; the data rate
        // the uplink's TxConfig was written for (+ 24 / 12 B, about 1,700 x86 per uplink): 40,296 / 26,880.
        // 37,800 / 25,044 after merging uplink on queue, facade and duty.
        // 39,816 / 26,604 on branch rejoin: the nonce record keeps a ForceRejoinReq order in progress (LoRaWAN 1.1 §5.13:
        // transmissions left, type, DR, Period, first sent; five fields, +120 / +60 B), so it survives a reset.
        // 37,920 / 25,104 after merging rejoin (the ForceRejoinReq order kept in the nonce record, + 120 / 60 B).
        // 37,080 / 24,540 on the mem2 branch: a 1.0.x device's DataMic without the SNwkSIntKey CMAC (its Aes128, key
        // schedule, subkeys and buffers: −720 / −504); 36,360 / 24,036 with its join MICs on that CMAC (−720 / −504).
        // 36,480 / 24,096 after merging mem2 on rejoin (+120 / 60 B of the rejoin order).
        // 37,944 / 25,116 on branch cycle2 (+144 / +72 B, six fields for about 13,000 x86 per Class A cycle): DeviceSession's
        // Active and DevAddr also as plain fields for the MAC's thread, each ChannelPlan (2) its last available data rate;
        // 37,968 / 25,128 with ContinuousReception.Watch (+24 / 12 B, about 2,300 x86 per cycle: one flag per event).
        // 36,648 / 24,180 after merging cycle2 on mem2 (+168 / 84 B of cycle2).
        const long Budget64 = 36648;
        const long Budget32 = 24180;

        static long[] _totals;
        static string _report;

        static long[] Totals()
        {
            if (_totals == null)
            {
                var t = new long[4];
                _report = LoRaWan.IlMeter.Meter.HeldAfterJoin(t);
                _totals = t;
            }
            OutputHelper.WriteLine(_report);
            return _totals;
        }

        [TestMethod]
        public void AfterTheJoin_TheStackHoldsNoMoreThanItsBudget()
        {
            long[] t = Totals();
            Assert.IsTrue(t[0] <= Budget64, $"64-bit nanoCLR heap: {t[0]} B held > budget {Budget64} B");
            Assert.IsTrue(t[1] <= Budget32, $"ESP32 (32-bit) heap: {t[1]} B held > budget {Budget32} B");
        }

        [TestMethod]
        public void FirstUplinkAfterTheJoin_AddsNothingHeld()
        {
            // The MAC-command state (processor, answers, reader, the scratch channel plan and their arrays) exists before
            // the first uplink. (The thread's allocated bytes cannot be the oracle here: the simulated board, air and
            // network allocate on their own first data uplink, outside the MAC's event handling.)
            long[] t = Totals();
            Assert.AreEqual(t[0], t[2], "64-bit bytes held after the first uplink");
            Assert.AreEqual(t[1], t[3], "32-bit bytes held after the first uplink");
            string added = _report.Substring(_report.IndexOf("the first uplink added:") + "the first uplink added:".Length);
            added = added.Substring(0, added.IndexOf('\n')).Trim();
            Assert.AreEqual("", added, "holders changed by the first uplink");
        }

        [TestMethod]
        public void TheModel_PricesEachKindOfObjectAsNanoClrAllocatesIt()
        {
            // Hand-computed from nf-interpreter's structs: CLR_RT_HeapBlock 12 B (32-bit) / 24 B (LP64);
            // CLR_RT_HeapBlock_Array a block + 8 B; CLR_RT_HeapBlock_Delegate a block + 2 × 4 B + a block; whole blocks.
            Assert.AreEqual(12, NanoHeapModel.Bits32.Block);
            Assert.AreEqual(24, NanoHeapModel.Bits64.Block);
            Assert.AreEqual(36L, NanoHeapModel.Bits32.Array(16, 1), "byte[16], 32-bit: 20 + 16 = 36 B, 3 blocks");
            Assert.AreEqual(48L, NanoHeapModel.Bits64.Array(16, 1), "byte[16], 64-bit: 32 + 16 = 48 B, 2 blocks");
            Assert.AreEqual(24L, NanoHeapModel.Bits32.Array(1, 1), "byte[1], 32-bit: 21 B → 2 blocks");
            Assert.AreEqual(180L, NanoHeapModel.Bits32.Array(40, 4), "uint[40], 32-bit: 20 + 160 = 180 B, 15 blocks");
            Assert.AreEqual(144L, NanoHeapModel.Bits64.Array(4, 0), "object[4], 64-bit: 32 + 4 × 24 = 128 B → 6 blocks");
            Assert.AreEqual(60L, NanoHeapModel.Bits32.Object(4), "4 fields, 32-bit: header + 4 blocks");
            Assert.AreEqual(72L, NanoHeapModel.Bits64.Object(2), "2 fields, 64-bit: 3 blocks");
            Assert.AreEqual(36L, NanoHeapModel.Bits32.Delegate(), "delegate, 32-bit: 32 B → 3 blocks");
            Assert.AreEqual(72L, NanoHeapModel.Bits64.Delegate(), "delegate, 64-bit: 56 B → 3 blocks");
            Assert.AreEqual(12L, NanoHeapModel.Bits32.String("LinkADRReq", true), "a literal: one block");
            Assert.AreEqual(24L, NanoHeapModel.Bits32.String("abcdefghijk", false), "11 chars at run time, 32-bit: 12 + 12 = 24 B");
            Assert.AreEqual(36L, NanoHeapModel.Bits32.String("abcdefghijkl", false), "12 chars + zero: 25 B → 3 blocks");
            Assert.AreEqual(1, NanoHeapModel.ElementSize(typeof(bool)));
            Assert.AreEqual(2, NanoHeapModel.ElementSize(typeof(char)));
            Assert.AreEqual(8, NanoHeapModel.ElementSize(typeof(ulong)));
            Assert.AreEqual(0, NanoHeapModel.ElementSize(typeof(System.DateTime)), "DateTime: a block per element");
        }
    }
}
