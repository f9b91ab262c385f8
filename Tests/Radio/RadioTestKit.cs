using System;
using Drivers.Sx127x;
using LoRaWan.Platform;
using LoRaWan.Radio;
using LoRaWan.Simulation;

namespace LoRaWan.Tests.Radio
{
    /// <summary>Records radio events (the MAC's side of the seam) into fixed arrays.</summary>
    public sealed class RadioEventRecorder : IRadioEventSink
    {
        public const int Capacity = 32;
        public readonly RadioEvent[] Events = new RadioEvent[Capacity];
        public readonly ulong[] Stamps = new ulong[Capacity];
        public int Count;

        public void OnRadioEvent(RadioEvent radioEvent, ulong timestampUs)
        {
            if (Count < Capacity)
            {
                Events[Count] = radioEvent;
                Stamps[Count] = timestampUs;
            }
            Count++;
        }

        public RadioEvent Last
        {
            get { return Count == 0 ? RadioEvent.None : Events[(Count > Capacity ? Capacity : Count) - 1]; }
        }

        public ulong LastStamp
        {
            get { return Count == 0 ? 0 : Stamps[(Count > Capacity ? Capacity : Count) - 1]; }
        }

        public int CountOf(RadioEvent radioEvent)
        {
            int n = 0;
            for (int i = 0; i < Count && i < Capacity; i++) if (Events[i] == radioEvent) n++;
            return n;
        }

        public void Clear()
        {
            Count = 0;
        }
    }

    /// <summary>A fake register bus in front of another one: counts every SPI transaction.</summary>
    public sealed class CountingBus : IRegisterBus
    {
        readonly IRegisterBus _inner;
        public int Transactions;

        public CountingBus(IRegisterBus inner)
        {
            _inner = inner;
        }

        public byte ReadRegister(byte address) { Transactions++; return _inner.ReadRegister(address); }
        public void WriteRegister(byte address, byte value) { Transactions++; _inner.WriteRegister(address, value); }
        public void ReadFifo(byte[] buffer, int offset, int length) { Transactions++; _inner.ReadFifo(buffer, offset, length); }
        public void WriteFifo(byte[] buffer, int offset, int length) { Transactions++; _inner.WriteFifo(buffer, offset, length); }
    }

    /// <summary>Virtual time plus a skew that a test can add to (a thread that lost the CPU for a while).</summary>
    public sealed class SkewingClock : IClock
    {
        readonly VirtualScheduler _scheduler;
        public ulong SkewUs;

        public SkewingClock(VirtualScheduler scheduler)
        {
            _scheduler = scheduler;
        }

        public ulong NowMicroseconds { get { return _scheduler.NowMicroseconds + SkewUs; } }
    }

    /// <summary>A fake bus: when RegOpMode is set to TX, the clock jumps (the writing thread was pre-empted).</summary>
    public sealed class PreemptingBus : IRegisterBus
    {
        readonly IRegisterBus _inner;
        readonly SkewingClock _clock;
        readonly ulong _jumpUs;

        public PreemptingBus(IRegisterBus inner, SkewingClock clock, ulong jumpUs)
        {
            _inner = inner;
            _clock = clock;
            _jumpUs = jumpUs;
        }

        public byte ReadRegister(byte address) { return _inner.ReadRegister(address); }

        public void WriteRegister(byte address, byte value)
        {
            _inner.WriteRegister(address, value);
            if ((address & 0x7F) == 0x01 && (value & 0x07) == 0x03) _clock.SkewUs += _jumpUs;
        }

        public void ReadFifo(byte[] buffer, int offset, int length) { _inner.ReadFifo(buffer, offset, length); }
        public void WriteFifo(byte[] buffer, int offset, int length) { _inner.WriteFifo(buffer, offset, length); }
    }

    /// <summary>Chip DIO edges straight into the driver's handlers, without latency.</summary>
    public sealed class DioToDriver : IDioListener
    {
        readonly Sx1276 _driver;

        public DioToDriver(Sx1276 driver)
        {
            _driver = driver;
        }

        public void OnDioRising(int dio, ulong nowUs)
        {
            if (dio == 0) _driver.OnDio0();
            else _driver.OnDio1();
        }
    }

    /// <summary>Copies the last frame that started on the air.</summary>
    public sealed class AirRecorder : IAirMonitor
    {
        public int Count;
        public byte[] Payload = new byte[255];
        public int Length;
        public uint FrequencyHz;
        public int SpreadingFactor;
        public int BandwidthHz;
        public int CodingRate;
        public int PreambleSymbols;
        public bool ExplicitHeader;
        public bool Crc;
        public bool InvertIq;
        public byte SyncWord;
        public bool LowDataRateOptimize;
        public int PowerDbm;
        public ulong StartUs;
        public ulong AirTimeUs;

        public void OnTransmission(AirFrame frame)
        {
            Count++;
            Array.Copy(frame.Payload, 0, Payload, 0, frame.Length);
            Length = frame.Length;
            FrequencyHz = frame.FrequencyHz;
            SpreadingFactor = frame.SpreadingFactor;
            BandwidthHz = frame.BandwidthHz;
            CodingRate = frame.CodingRate;
            PreambleSymbols = frame.PreambleSymbols;
            ExplicitHeader = frame.ExplicitHeader;
            Crc = frame.Crc;
            InvertIq = frame.InvertIq;
            SyncWord = frame.SyncWord;
            LowDataRateOptimize = frame.LowDataRateOptimize;
            PowerDbm = frame.PowerDbm;
            StartUs = frame.StartUs;
            AirTimeUs = frame.AirTimeUs;
        }

        public byte[] PayloadCopy()
        {
            byte[] copy = new byte[Length];
            Array.Copy(Payload, 0, copy, 0, Length);
            return copy;
        }
    }

    /// <summary>Records uplinks heard by a gateway.</summary>
    public sealed class UplinkRecorder : IUplinkReceiver
    {
        public int Count;
        public byte[] Payload = new byte[255];
        public int Length;
        public uint FrequencyHz;
        public int SpreadingFactor;
        public int BandwidthHz;
        public ulong EndUs;
        public int RssiDbm;
        public int SnrQuarterDb;

        public void OnUplink(byte[] payload, int offset, int length, uint frequencyHz, int spreadingFactor, int bandwidthHz,
            ulong endUs, int rssiDbm, int snrQuarterDb)
        {
            Count++;
            Array.Copy(payload, offset, Payload, 0, length);
            Length = length;
            FrequencyHz = frequencyHz;
            SpreadingFactor = spreadingFactor;
            BandwidthHz = bandwidthHz;
            EndUs = endUs;
            RssiDbm = rssiDbm;
            SnrQuarterDb = snrQuarterDb;
        }

        public byte[] PayloadCopy()
        {
            byte[] copy = new byte[Length];
            Array.Copy(Payload, 0, copy, 0, Length);
            return copy;
        }
    }

    /// <summary>Small builders shared by the radio tests.</summary>
    public static class RadioTestKit
    {
        /// <summary>A LoRaWAN uplink configuration: CR 4/5, preamble 8, CRC on, normal IQ.</summary>
        public static TxConfig Uplink(uint frequencyHz, int spreadingFactor, int bandwidthHz, int powerDbm)
        {
            TxConfig config = new TxConfig();
            config.FrequencyHz = frequencyHz;
            config.SpreadingFactor = spreadingFactor;
            config.BandwidthHz = bandwidthHz;
            config.PowerDbm = powerDbm;
            config.CodingRate = 1;
            config.PreambleSymbols = 8;
            config.Crc = true;
            config.InvertIq = false;
            return config;
        }

        /// <summary>A LoRaWAN downlink window: CR 4/5, preamble 8, CRC off, inverted IQ.</summary>
        public static RxConfig Downlink(uint frequencyHz, int spreadingFactor, int bandwidthHz, int symbolTimeout)
        {
            RxConfig config = new RxConfig();
            config.FrequencyHz = frequencyHz;
            config.SpreadingFactor = spreadingFactor;
            config.BandwidthHz = bandwidthHz;
            config.SymbolTimeout = symbolTimeout;
            config.CodingRate = 1;
            config.PreambleSymbols = 8;
            config.Crc = false;
            config.InvertIq = true;
            return config;
        }

        /// <summary>A board whose driver is initialised and reports into a new recorder.</summary>
        public static SimulatedBoard Board(int seed, RadioEventRecorder recorder)
        {
            SimulatedBoard board = new SimulatedBoard(seed);
            board.Radio.SetEventSink(recorder);
            return board;
        }

        /// <summary>13 bytes: the size of a LoRaWAN uplink without FOpts and FRMPayload.</summary>
        public static byte[] Frame13()
        {
            return new byte[] { 0x40, 0x11, 0x22, 0x33, 0x44, 0x00, 0x01, 0x00, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5 };
        }
    }
}
