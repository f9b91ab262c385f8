using System;
using Drivers.Sx127x;
using LoRaWan.Radio;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.Tests.Radio
{
    /// <summary>
    /// The unmodulated carrier of TS009's TxCwReq (IRadio.StartContinuousWave) through the driver: the register writes
    /// against the SX1276 datasheet rev. 7 register map (RegOpMode 0x01: LongRangeMode bit 7, Mode bits 2..0 with
    /// 011 = TX; RegFrf 0x06..0x08 = f · 2^19 / 32 MHz; RegFdev 0x04..0x05; RegPaRamp 0x0A: ModulationShaping bits 6..5,
    /// PaRamp bits 3..0; RegPacketConfig2 0x31: DataMode bit 6, 0 = continuous; RegDioMapping1 0x40; RegPaConfig 0x09:
    /// PaSelect bit 7, MaxPower 6..4, OutputPower 3..0 with Pout = 2 + OutputPower on PA_BOOST), and the chip model:
    /// a carrier on the air, no frame, no event, until the next command.
    /// </summary>
    [TestClass]
    public class Sx1276ContinuousWaveTests
    {
        /// <summary>A fake register bus in front of the chip model: records every register write in order.</summary>
        sealed class RecordingBus : IRegisterBus
        {
            readonly IRegisterBus _inner;
            public readonly byte[] Addresses = new byte[256];
            public readonly byte[] Values = new byte[256];
            public int Count;

            public RecordingBus(IRegisterBus inner) { _inner = inner; }
            public byte ReadRegister(byte address) { return _inner.ReadRegister(address); }
            public void WriteRegister(byte address, byte value)
            {
                if (Count < Addresses.Length) { Addresses[Count] = address; Values[Count] = value; }
                Count++;
                _inner.WriteRegister(address, value);
            }
            public void ReadFifo(byte[] buffer, int offset, int length) { _inner.ReadFifo(buffer, offset, length); }
            public void WriteFifo(byte[] buffer, int offset, int length) { _inner.WriteFifo(buffer, offset, length); }

            /// <summary>"AA=VV AA=VV …" of the writes from <paramref name="from"/> on.</summary>
            public string Since(int from)
            {
                string s = "";
                for (int i = from; i < Count; i++) s += (s.Length == 0 ? "" : " ") + Addresses[i].ToString("X2") + "=" + Values[i].ToString("X2");
                return s;
            }
        }

        static Sx1276 Driver(VirtualScheduler scheduler, Sx1276ChipModel chip, RecordingBus bus, RadioEventRecorder events)
        {
            Sx1276 driver = new Sx1276(bus, scheduler, chip);
            driver.SetEventSink(events);
            driver.Init();
            return driver;
        }

        [TestMethod]
        public void StartContinuousWave_WritesTheDatasheetSequence_FskContinuousModeFdev0ThenTx()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, new Air(scheduler));
            RecordingBus bus = new RecordingBus(chip);
            RadioEventRecorder events = new RadioEventRecorder();
            Sx1276 driver = Driver(scheduler, chip, bus, events);
            int from = bus.Count;

            driver.StartContinuousWave(868100000, 14);

            // From LoRa standby: 01=88 LoRa sleep, 01=08 FSK sleep (LongRangeMode changes in sleep only), 01=09 FSK standby;
            // Frf 868.1 MHz = 868100000 · 2^19 / 32e6 = 14 222 950.4 → 14 222 950 = 0xD90666 (06..08); Fdev 0 (04, 05); RegPaRamp 09 (no
            // shaping, 40 µs); RegPacketConfig2 00 (continuous mode); RegDioMapping1 F0 (DIO0 11, DIO1 11: nothing in
            // continuous TX); PA: RegPaDac 84 (default), RegOcp 2B (100 mA: 45 + 5·11), RegPaConfig FC (PA_BOOST, MaxPower 7,
            // OutputPower 12: 2 + 12 = 14 dBm); 01=0B FSK TX.
            Assert.AreEqual("01=88 01=08 01=09 06=D9 07=06 08=66 04=00 05=00 0A=09 31=00 40=F0 4D=84 0B=2B 09=FC 01=0B", bus.Since(from));
            Assert.IsTrue(driver.IsTransmittingContinuousWave, "the driver is in its carrier state");
            Assert.AreEqual(1, driver.ContinuousWaveCount);
            Assert.AreEqual(0, events.Count, "no event when it starts");
        }

        [TestMethod]
        public void Carrier_OccupiesTheAir_NoFrame_NoEvent_UntilSleep()
        {
            VirtualScheduler scheduler = new VirtualScheduler();
            Air air = new Air(scheduler);
            Sx1276ChipModel chip = new Sx1276ChipModel(scheduler, air);
            RadioEventRecorder events = new RadioEventRecorder();
            Sx1276 driver = Driver(scheduler, chip, new RecordingBus(chip), events);
            SimulatedBoard listener = new SimulatedBoard(scheduler, air, 3, true);
            ulong t0 = scheduler.NowMicroseconds;

            driver.StartContinuousWave(923300000, 20);
            scheduler.RunFor(5000000);

            Assert.AreEqual(1, air.CarrierCount, "one carrier");
            AirCarrier c = air.GetCarrier(0);
            Assert.IsTrue(c.On, "still on after 5 s: the radio has no timer");
            Assert.AreEqual(923300000u, c.FrequencyHz);
            Assert.AreEqual(17, c.PowerDbm, "+20 dBm asked: +17 dBm (a carrier is 100 % duty cycle, datasheet §5.4.3 allows +20 at 1 %)");
            Assert.AreEqual(t0, c.StartUs);
            Assert.AreEqual(0, air.FramesSent, "no frame");
            Assert.AreEqual(0, chip.ModulatedCarriers, "RegFdev 0: unmodulated");
            Assert.AreEqual(0, events.Count, "no event while it runs");
            Assert.IsFalse(listener.Radio.IsChannelFree(923300000, 125000, -90, 5000), "another radio senses the carrier");
            Assert.IsTrue(listener.Radio.IsChannelFree(923900000, 125000, -90, 5000), "600 kHz away it does not");

            driver.Sleep();
            Assert.IsFalse(c.On, "Sleep ends it");
            Assert.IsTrue(c.EndUs >= t0 + 5000000UL, "ended at the Sleep");
            Assert.IsFalse(driver.IsTransmittingContinuousWave);
            Assert.AreEqual(0, chip.Mode, "chip asleep");
            Assert.IsTrue(chip.IsLoRaMode, "back in LoRa mode");
            Assert.AreEqual(0, events.Count, "no event when it ends");
        }

        [TestMethod]
        public void AfterTheCarrier_LoRaAndFskFramesGoOutAsBefore()
        {
            RadioEventRecorder events = new RadioEventRecorder();
            SimulatedBoard board = RadioTestKit.Board(5, events);
            board.Radio.StartContinuousWave(868300000, 14);
            board.Scheduler.RunFor(1000000);
            byte[] frame = RadioTestKit.Frame13();
            board.Radio.Transmit(RadioTestKit.Uplink(868100000, 7, 125000, 14), frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.IsFalse(board.Air.GetCarrier(0).On, "Transmit ended the carrier");
            Assert.AreEqual(1, board.Air.FramesSent, "the LoRa frame went out");
            Assert.AreEqual((int)RadioEvent.TxDone, (int)events.Last);

            board.Radio.StartContinuousWave(868300000, 14);
            TxConfig fsk = new TxConfig();
            fsk.FrequencyHz = 868800000;
            fsk.FskBitRate = 50000;
            fsk.PowerDbm = 14;
            board.Radio.Transmit(fsk, frame, 0, frame.Length);
            board.Scheduler.RunFor(1000000);
            Assert.AreEqual(2, board.Air.FramesSent, "the FSK frame went out in packet mode (RegPacketConfig2 rewritten)");
            Assert.AreEqual(2, events.CountOf(RadioEvent.TxDone));
            Assert.AreEqual(0, board.Chip.ModulatedCarriers);
        }

        [TestMethod]
        public void FrequencyTheChipCannotTune_Throws()
        {
            SimulatedBoard board = RadioTestKit.Board(6, new RadioEventRecorder());
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => board.Radio.StartContinuousWave(100000000, 14));
            Assert.AreEqual(0, board.Air.CarrierCount);
        }
    }
}
